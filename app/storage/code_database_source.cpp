#include "code_database_source.h"

#include "database.h"

namespace radiocode::storage {

bool DatabaseCodeSource::serves(Family family) const {
    return database_ != nullptr && familyInfo(family).origin == CodeOrigin::CodeDatabase;
}

std::optional<CodeAnswer> DatabaseCodeSource::find(Family family, std::string_view serial) const {
    if (!serves(family))
        return std::nullopt;
    const auto stored = database_->findCode(
        family, QString::fromUtf8(serial.data(), static_cast<qsizetype>(serial.size())));
    if (!stored)
        return std::nullopt;
    return CodeAnswer{stored->code.toStdString(), stored->source().toStdString()};
}

} // namespace radiocode::storage
