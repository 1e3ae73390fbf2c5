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
    error_ = database || !error.isEmpty() ? error : tr("The code database cannot be opened.");
    database_ = std::move(database);
    lastAttempt_.start();
    emit databaseChanged();
    return database_ != nullptr;
}

bool DatabaseSession::retryIfClosed() const {
    if (database_ || url_.isEmpty() ||
        (lastAttempt_.isValid() && !lastAttempt_.hasExpired(retryIntervalMs_)))
        return database_ != nullptr;
    // Not open (the server was down at start, the file could not be read): try again, so the
    // program recovers by itself once the database is back.
    return const_cast<DatabaseSession*>(this)->open(url_);
}

bool DatabaseSession::serves(Family family) const {
    // The configured database serves its families even while it cannot be opened: the lookup
    // must then say it could not be asked, never that it holds no code.
    return familyInfo(family).origin == CodeOrigin::CodeDatabase;
}

std::optional<CodeAnswer> DatabaseSession::find(Family family, std::string_view serial) const {
    failure_.clear();
    openPending();
    if (!retryIfClosed()) {
        failure_ = error_.toStdString();
        return std::nullopt;
    }
    const storage::DatabaseCodeSource source(database_.get());
    auto answer = source.find(family, serial);
    failure_ = source.unavailableReason();
    return answer;
}

} // namespace radiocode::gui
