// Answers Blaupunkt and Becker lookups from the workshop's code database.
#pragma once

#include "radiocode/code_source.h"

namespace radiocode::storage {

class Database;

class DatabaseCodeSource final : public CodeSource {
public:
    // Borrows the database; it must outlive this source and be used from the same thread.
    explicit DatabaseCodeSource(const Database* database) : database_(database) {}
    bool serves(Family family) const override;
    std::optional<CodeAnswer> find(Family family, std::string_view serial) const override;

private:
    const Database* database_;
};

} // namespace radiocode::storage
