#include "database_session.h"

#include "code_database_source.h"

namespace radiocode::gui {

DatabaseSession::DatabaseSession(QObject* parent) : QObject(parent) {}

DatabaseSession::~DatabaseSession() = default;

bool DatabaseSession::open() {
    return open(storage::DatabaseUrl::resolve(QString()));
}

void DatabaseSession::openPending() const {
    if (!pending_)
        return;
    pending_ = false;
    // Opening is what the session is for; only when it happens was deferred.
    const_cast<DatabaseSession*>(this)->open();
}

bool DatabaseSession::open(const QString& url) {
    pending_ = false;
    QString error;
    auto database = storage::Database::open(url, &error);
    url_ = url;
    error_ = error;
    database_ = std::move(database);
    emit databaseChanged();
    return database_ != nullptr;
}

bool DatabaseSession::serves(Family family) const {
    openPending();
    return database_ && storage::DatabaseCodeSource(database_.get()).serves(family);
}

std::optional<CodeAnswer> DatabaseSession::find(Family family, std::string_view serial) const {
    failure_.clear();
    openPending();
    if (!database_)
        return std::nullopt;
    const storage::DatabaseCodeSource source(database_.get());
    auto answer = source.find(family, serial);
    failure_ = source.unavailableReason();
    return answer;
}

} // namespace radiocode::gui
