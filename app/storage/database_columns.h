// How values are written to and read from the database's columns: shared by the connection,
// the schema, the code store, the import and the job log. Internal to storage.
#pragma once

#include "storage/database.h"

#include "common/texts.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <optional>

namespace radiocode::storage {

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
inline QString notNull(const QString& text) {
    return text.isNull() ? QStringLiteral("") : text;
}

inline QString timestamp(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODate);
}

inline QDateTime fromTimestamp(const QString& text) {
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    time.setTimeSpec(Qt::UTC);
    return time;
}

inline QString provenanceId(CodeProvenance provenance) {
    switch (provenance) {
    case CodeProvenance::Confirmed:
        return QStringLiteral("confirmed");
    case CodeProvenance::Card:
        return QStringLiteral("card");
    case CodeProvenance::Dealer:
        return QStringLiteral("dealer");
    case CodeProvenance::Manufacturer:
        return QStringLiteral("manufacturer");
    case CodeProvenance::Import:
        break;
    }
    return QStringLiteral("import");
}

inline CodeProvenance provenanceFromId(const QString& id) {
    for (const CodeProvenance provenance : {CodeProvenance::Confirmed, CodeProvenance::Card,
                                            CodeProvenance::Dealer, CodeProvenance::Manufacturer})
        if (id == provenanceId(provenance))
            return provenance;
    return CodeProvenance::Import;
}

inline QString familyText(Family family) {
    // Made once: an import binds one per row.
    static const std::array<QString, allFamilies.size()> texts = [] {
        std::array<QString, allFamilies.size()> made;
        for (const Family each : allFamilies)
            made[static_cast<std::size_t>(each)] = Texts::fromUtf8(familyId(each));
        return made;
    }();
    return texts[static_cast<std::size_t>(family)];
}

inline std::optional<Family> familyFromText(const QString& text) {
    return familyFromId(text.toStdString());
}

// Blaupunkt and Becker: the families whose codes the code database holds.
inline bool servedByDatabase(const std::optional<Family>& family) {
    return family && familyInfo(*family).origin == CodeOrigin::CodeDatabase;
}

} // namespace radiocode::storage
