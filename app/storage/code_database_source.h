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
    // The database's error when the last find() could not ask it (server down, file unreadable).
    std::string unavailableReason() const override { return failure_; }

private:
    const Database* database_;
    mutable std::string failure_;
};

} // namespace radiocode::storage
