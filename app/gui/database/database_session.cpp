#include "database_session.h"

#include "code_database_source.h"

namespace radiocode::gui {

DatabaseSession::DatabaseSession(QObject* parent) : QObject(parent) {}

DatabaseSession::~DatabaseSession() = default;

bool DatabaseSession::open() {
    return open(storage::DatabaseUrl::resolve(QString()));
}

bool DatabaseSession::open(const QString& url) {
    QString error;
    auto database = storage::Database::open(url, &error);
    url_ = url;
    error_ = error;
    database_ = std::move(database);
    emit databaseChanged();
    return database_ != nullptr;
}

bool DatabaseSession::serves(Family family) const {
    return database_ && storage::DatabaseCodeSource(database_.get()).serves(family);
}

std::optional<CodeAnswer> DatabaseSession::find(Family family, std::string_view serial) const {
    failure_.clear();
    if (!database_)
        return std::nullopt;
    const storage::DatabaseCodeSource source(database_.get());
    auto answer = source.find(family, serial);
    failure_ = source.unavailableReason();
    return answer;
}

} // namespace radiocode::gui
