#include "code_database_source.h"

#include "database.h"

#include <QDateTime>

namespace radiocode::storage {

bool DatabaseCodeSource::serves(Family family) const {
    return database_ != nullptr && familyInfo(family).origin == CodeOrigin::CodeDatabase;
}

std::optional<CodeAnswer> DatabaseCodeSource::find(Family family, std::string_view serial) const {
    failure_.clear();
    if (!serves(family))
        return std::nullopt;
    bool failed = false;
    const auto stored = database_->findCode(
        family, QString::fromUtf8(serial.data(), static_cast<qsizetype>(serial.size())), &failed);
    if (failed)
        failure_ = database_->lastError().toStdString();
    if (!stored)
        return std::nullopt;
    CodeAnswer answer{stored->code.toStdString(), stored->source().toStdString()};
    if (stored->wasRefused()) {
        answer.refusedBy = stored->refusedBy.toStdString();
        answer.refusedAt = stored->refusedAt.toUTC().toString(Qt::ISODate).toStdString();
    }
    return answer;
}

} // namespace radiocode::storage
