// The codes: looking one up, a technician's confirmed code, replacing and counting, the export.
#include "storage/code_store.h"

#include "storage/csv_writer.h"
#include "storage/database.h"
#include "storage/database_columns.h"

#include <QFileInfo>
#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace radiocode::storage {

namespace {

// A dealer's or the manufacturer's answer is named by who gave it, wherever it is stored.
Provenance::Kind provenanceKind(CodeProvenance provenance) {
    switch (provenance) {
    case CodeProvenance::Import:
        return Provenance::Kind::Imported;
    case CodeProvenance::Confirmed:
        return Provenance::Kind::Confirmed;
    case CodeProvenance::Card:
        return Provenance::Kind::Card;
    case CodeProvenance::Dealer:
        return Provenance::Kind::Dealer;
    case CodeProvenance::Manufacturer:
        break;
    }
    return Provenance::Kind::Manufacturer;
}

} // namespace

Provenance StoredCode::sourceProvenance() const {
    const std::string who = origin.toStdString();
    Provenance result = provenance == CodeProvenance::Import
                            ? Provenance::imported(who)
                            : Provenance::named(provenanceKind(provenance), who);
    if (createdAt.isValid())
        result.when = timestamp(createdAt).toStdString();
    return result;
}

QString StoredCode::source() const {
    return QString::fromStdString(sourceProvenance().id());
}

QString codeProvenanceId(CodeProvenance provenance) {
    return provenanceId(provenance);
}

CodeStore::CodeStore(Database& database) : database_(database) {}

CodeStore::~CodeStore() = default;

void CodeStore::forgetPreparedQueries() {
    findQuery_.reset();
}

// --- reading -------------------------------------------------------------------------------

std::optional<StoredCode> CodeStore::findCode(Family family, const QString& serial, bool* failed) {
    if (failed)
        *failed = false;
    for (int attempt = 0;; ++attempt) {
        QSqlError error;
        if (!findQuery_) {
            findQuery_ = std::make_unique<QSqlQuery>(database_.connection());
            findQuery_->setForwardOnly(true);
            if (!findQuery_->prepare(
                    QStringLiteral("SELECT code, source, origin, created_at, refused_by, "
                                   "refused_at FROM codes WHERE serial = ? AND family = ?"))) {
                error = findQuery_->lastError();
                findQuery_.reset();
            }
        }
        if (findQuery_) {
            findQuery_->bindValue(0, serial);
            findQuery_->bindValue(1, familyText(family));
            if (findQuery_->exec())
                break;
            error = findQuery_->lastError();
        }
        // A read: safe to repeat on a new connection when the server was restarted.
        if (attempt == 0 && database_.reconnectIfLost())
            continue;
        // Without a connection reconnectIfLost() said why.
        if (database_.isSqlite() || database_.connection().isOpen())
            database_.fail(error);
        if (failed)
            *failed = true;
        return std::nullopt;
    }
    QSqlQuery& query = *findQuery_;
    std::optional<StoredCode> found;
    if (query.next()) {
        found = StoredCode{family,
                           serial,
                           query.value(0).toString(),
                           provenanceFromId(query.value(1).toString()),
                           query.value(2).toString(),
                           fromTimestamp(query.value(3).toString())};
        if (const QString refusedAt = query.value(5).toString(); !refusedAt.isEmpty()) {
            found->refusedBy = query.value(4).toString();
            found->refusedAt = fromTimestamp(refusedAt);
        }
    }
    // Ends the read at once: an open statement would keep an old snapshot of the database.
    query.finish();
    return found;
}

qint64 CodeStore::codeCount() {
    std::optional<QSqlQuery> query = database_.read(QStringLiteral("SELECT count(*) FROM codes"));
    if (!query)
        return -1;
    if (!query->next()) {
        database_.fail(*query);
        return -1;
    }
    return query->value(0).toLongLong();
}

bool CodeStore::exportCodes(QIODevice& device) {
    std::optional<QSqlQuery> query =
        database_.read(QStringLiteral("SELECT serial, code, family, source, origin, created_at "
                                      "FROM codes ORDER BY family, serial"));
    if (!query)
        return false;
    using Kind = CsvCellKind;
    CsvWriter writer(device, {{QStringLiteral("serial"), Kind::Text},
                              {QStringLiteral("code"), Kind::Text},
                              {QStringLiteral("family"), Kind::Text},
                              {QStringLiteral("source"), Kind::Text},
                              {QStringLiteral("origin"), Kind::Text},
                              {QStringLiteral("created_at"), Kind::Number}});
    while (query->next()) {
        QList<QString> cells;
        for (int column = 0; column < 6; ++column)
            cells << query->value(column).toString();
        if (!writer.writeRow(cells))
            return database_.cannotWriteExport(writer.errorString());
    }
    return writer.finish() || database_.cannotWriteExport(writer.errorString());
}

// --- writing -------------------------------------------------------------------------------

bool CodeStore::beginCodesWrite() {
    if (!database_.beginWrite())
        return false;
    if (database_.isSqlite()) // BEGIN IMMEDIATE took the lock of the whole file
        return true;
    QSqlQuery lock(database_.connection());
    return database_.execInWrite(lock,
                                 QStringLiteral("LOCK TABLE codes IN SHARE ROW EXCLUSIVE MODE"));
}

bool CodeStore::storedInWrite(Family family, const QString& serial,
                              std::optional<StoredCode>* stored) {
    database_.setLastError({});
    bool failed = false;
    *stored = findCode(family, serial, &failed);
    if (failed)
        database_.rollback();
    return !failed;
}

bool CodeStore::insertCode(QSqlQuery& query, Family family, const QString& serial,
                           const QString& code, CodeProvenance provenance, const QString& origin) {
    query.prepare(QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(serial);
    query.addBindValue(familyText(family));
    query.addBindValue(code);
    query.addBindValue(provenanceId(provenance));
    query.addBindValue(notNull(origin));
    query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
    return database_.execInWrite(query);
}

bool CodeStore::deleteCode(QSqlQuery& query, Family family, const QString& serial) {
    query.prepare(QStringLiteral("DELETE FROM codes WHERE serial = ? AND family = ?"));
    query.addBindValue(serial);
    query.addBindValue(familyText(family));
    return database_.execInWrite(query);
}

AddResult CodeStore::addConfirmedCode(Family family, const QString& serial, const QString& code,
                                      const QString& technician, bool replace,
                                      std::optional<StoredCode>* previous) {
    std::optional<StoredCode> stored;
    if (!beginCodesWrite() || !storedInWrite(family, serial, &stored))
        return AddResult::Failed;
    if (previous)
        *previous = stored;
    QSqlQuery query(database_.connection());
    AddResult result = AddResult::Added;
    if (stored) {
        if (stored->code == code) {
            if (stored->provenance == CodeProvenance::Confirmed) {
                database_.rollback();
                return AddResult::Duplicate;
            }
            // It worked on a radio: that is worth more than a line in a list.
            query.prepare(QStringLiteral("UPDATE codes SET source = ?, origin = ?, created_at = ? "
                                         "WHERE serial = ? AND family = ?"));
            query.addBindValue(provenanceId(CodeProvenance::Confirmed));
            query.addBindValue(notNull(technician));
            query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
            query.addBindValue(serial);
            query.addBindValue(familyText(family));
            if (!database_.execInWrite(query))
                return AddResult::Failed;
            return database_.commit() ? AddResult::Confirmed : AddResult::Failed;
        }
        if (!replace) {
            database_.rollback();
            return AddResult::Conflict;
        }
        if (!deleteCode(query, family, serial))
            return AddResult::Failed;
        result = AddResult::Replaced;
    }
    if (!insertCode(query, family, serial, code, CodeProvenance::Confirmed, technician))
        return AddResult::Failed;
    return database_.commit() ? result : AddResult::Failed;
}

AddResult CodeStore::addLearnedCode(Family family, const QString& serial, const QString& code,
                                    CodeProvenance provenance, const QString& origin,
                                    std::optional<StoredCode>* previous) {
    std::optional<StoredCode> stored;
    if (!beginCodesWrite() || !storedInWrite(family, serial, &stored))
        return AddResult::Failed;
    if (previous)
        *previous = stored;
    if (stored) {
        database_.rollback();
        return stored->code == code ? AddResult::Duplicate : AddResult::Conflict;
    }
    QSqlQuery query(database_.connection());
    if (!insertCode(query, family, serial, code, provenance, origin))
        return AddResult::Failed;
    return database_.commit() ? AddResult::Added : AddResult::Failed;
}

bool CodeStore::replaceCode(Family family, const QString& serial, const QString& code,
                            CodeProvenance provenance, const QString& origin) {
    if (!database_.beginWrite())
        return false;
    QSqlQuery query(database_.connection());
    return deleteCode(query, family, serial) &&
           insertCode(query, family, serial, code, provenance, origin) && database_.commit();
}

bool CodeStore::replaceCodes(const QList<ImportConflict>& chosen, const QString& fileName) {
    if (!database_.beginWrite())
        return false;
    const QString origin = QFileInfo(fileName).fileName();
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    QSqlQuery remove(database_.connection());
    QSqlQuery insert(database_.connection());
    remove.prepare(QStringLiteral("DELETE FROM codes WHERE serial = ? AND family = ?"));
    insert.prepare(QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                                  "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const ImportConflict& conflict : chosen) {
        remove.bindValue(0, conflict.serial);
        remove.bindValue(1, familyText(conflict.family));
        insert.bindValue(0, conflict.serial);
        insert.bindValue(1, familyText(conflict.family));
        insert.bindValue(2, conflict.fileCode);
        insert.bindValue(3, provenanceId(CodeProvenance::Import));
        insert.bindValue(4, notNull(origin));
        insert.bindValue(5, now);
        if (!database_.execInWrite(remove) || !database_.execInWrite(insert))
            return false;
    }
    return database_.commit();
}

bool CodeStore::flagRefusedCode(Family family, const QString& serial, const QString& code,
                                const QString& technician, bool* flagged) {
    if (flagged)
        *flagged = false;
    if (!database_.beginWrite())
        return false;
    QSqlQuery query(database_.connection());
    query.prepare(QStringLiteral("UPDATE codes SET refused_by = ?, refused_at = ? WHERE serial = "
                                 "? AND family = ? AND code = ?"));
    query.addBindValue(notNull(technician));
    query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
    query.addBindValue(serial);
    query.addBindValue(familyText(family));
    query.addBindValue(code);
    if (!database_.execInWrite(query))
        return false;
    const bool any = query.numRowsAffected() > 0;
    if (!database_.commit())
        return false;
    if (flagged)
        *flagged = any;
    return true;
}

bool CodeStore::clearRefusedFlag(Family family, const QString& serial, const QString& code) {
    if (!database_.beginWrite())
        return false;
    QSqlQuery query(database_.connection());
    query.prepare(QStringLiteral("UPDATE codes SET refused_by = '', refused_at = '' WHERE serial "
                                 "= ? AND family = ? AND code = ? AND refused_at <> ''"));
    query.addBindValue(serial);
    query.addBindValue(familyText(family));
    query.addBindValue(code);
    return database_.execInWrite(query) && database_.commit();
}

} // namespace radiocode::storage
