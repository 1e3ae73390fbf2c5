#include "storage/code_database_source.h"

#include "storage/database.h"

#include <QDateTime>

namespace radiocode::storage {

DatabaseCodeSource::DatabaseCodeSource() = default;

DatabaseCodeSource::DatabaseCodeSource(Database* database)
    : database_(database), borrowed_(database != nullptr) {}

DatabaseCodeSource::~DatabaseCodeSource() = default;

void DatabaseCodeSource::setOpener(Opener opener) {
    database_ = nullptr;
    owned_.reset();
    borrowed_ = false;
    error_.clear();
    opener_ = std::move(opener);
    pending_ = static_cast<bool>(opener_);
}

bool DatabaseCodeSource::openNow() {
    if (!opener_)
        return database_ != nullptr;
    pending_ = false;
    database_ = nullptr;
    owned_.reset(); // one connection at a time: the old one closes before the new one opens
    QString error;
    owned_ = opener_(&error);
    database_ = owned_.get();
    error_ = database_ ? QString() : error;
    lastAttempt_.start();
    if (observer_)
        observer_();
    return database_ != nullptr;
}

void DatabaseCodeSource::openFailed(const QString& error) {
    pending_ = false;
    database_ = nullptr;
    owned_.reset();
    error_ = error;
    lastAttempt_.start();
    if (observer_)
        observer_();
}

QString DatabaseCodeSource::reconnectForLookup() {
    QString error;
    return database_->reconnect(&error) ? QString() : error;
}

Database* DatabaseCodeSource::database() {
    if (pending_)
        openNow();
    return database_;
}

bool DatabaseCodeSource::retryDue() const {
    return !database_ && opener_ && retryIntervalMs_ >= 0 &&
           (!lastAttempt_.isValid() || lastAttempt_.hasExpired(retryIntervalMs_));
}

bool DatabaseCodeSource::serves(Family family) const {
    return (borrowed_ || opener_) && familyInfo(family).origin == CodeOrigin::CodeDatabase;
}

SourceResult DatabaseCodeSource::find(Family family, std::string_view serial) {
    if (!serves(family))
        return SourceResult::notOnRecord();
    // Not open (the server was down at start, the file could not be read): tried again now and
    // then, so the program recovers by itself once the database is back.
    if (pending_ || retryDue()) {
        QString reason;
        if (!openForLookup(&reason))
            return SourceResult::unavailable((reason.isEmpty() ? error_ : reason).toStdString());
    }
    if (!database_)
        return SourceResult::unavailable(error_.toStdString());
    if (database_->connectionLost()) {
        if (const QString reason = reconnectForLookup(); !reason.isEmpty())
            return SourceResult::unavailable(reason.toStdString());
    }
    bool failed = false;
    const auto stored = database_->codes().findCode(
        family, QString::fromUtf8(serial.data(), static_cast<qsizetype>(serial.size())), &failed);
    if (failed) {
        // Found lost just now: reconnecting starts, and the lookup says so.
        const QString reason = database_->connectionLost() ? reconnectForLookup() : QString();
        return SourceResult::unavailable(
            (reason.isEmpty() ? database_->lastError() : reason).toStdString());
    }
    if (!stored)
        return SourceResult::notOnRecord();
    CodeAnswer answer{stored->code.toStdString(), stored->sourceProvenance()};
    if (stored->wasRefused()) {
        answer.refusedBy = stored->refusedBy.toStdString();
        answer.refusedAt = stored->refusedAt.toUTC().toString(Qt::ISODate).toStdString();
    }
    return SourceResult::found(std::move(answer));
}

} // namespace radiocode::storage
