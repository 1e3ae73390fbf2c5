#include "gui/database/database_session.h"

#include <QThread>

#include <memory>

namespace radiocode::gui {

DatabaseSession::DatabaseSession(QObject* parent) : QObject(parent) {
    setOpenObserver([this] { emit databaseChanged(); });
}

DatabaseSession::~DatabaseSession() {
    // A worker still waiting for a server holds only its own connection: it ends by its
    // connect timeout, and its result is dropped with this session.
    for (QThread* worker : workers_) {
        worker->wait();
        delete worker;
    }
}

void DatabaseSession::configure(const QString& url) {
    opening_ = false;
    current_ = nullptr; // a switch of database while opening makes that attempt stale
    url_ = url;
    setOpener([url](QString* error) { return storage::Database::open(url, error); });
}

bool DatabaseSession::open() {
    return open(storage::DatabaseUrl::resolve(QString()));
}

bool DatabaseSession::open(const QString& url) {
    configure(url);
    return openNow();
}

void DatabaseSession::openLater() {
    openLater(storage::DatabaseUrl::resolve(QString()));
}

void DatabaseSession::openLater(const QString& url) {
    configure(url);
}

void DatabaseSession::openInBackground() {
    if (opening_ || openDatabase() || url_.isEmpty())
        return;
    // A file opens in moments; only a server can keep the window waiting (its connect timeout).
    QString malformed;
    const auto location = storage::DatabaseUrl::parse(url_, &malformed);
    if (!location || location->kind == storage::DatabaseLocation::Kind::Sqlite) {
        openNow();
        return;
    }
    opening_ = true;
    openingElsewhere();
    emit databaseChanged();
    const QString url = url_;
    auto attempt = std::make_shared<Attempt>();
    // The worker opens (and migrates) on a connection of its own, then closes it; the session's
    // connection is opened here afterwards, which then takes no wait: Qt SQL connections stay
    // in the thread that opened them.
    QThread* worker = QThread::create([url, attempt] {
        attempt->reachable = storage::Database::open(url, &attempt->error) != nullptr;
    });
    workers_.append(worker);
    current_ = worker;
    attempt_ = attempt;
    connect(worker, &QThread::finished, this, [this, worker] {
        workers_.removeOne(worker);
        worker->deleteLater();
        if (worker == current_)
            finishOpening();
    });
    worker->start();
}

void DatabaseSession::finishOpening() {
    opening_ = false;
    current_ = nullptr;
    const auto attempt = std::move(attempt_);
    if (attempt->reachable)
        openNow();
    else
        openFailed(attempt->error.isEmpty() ? tr("The code database cannot be opened.")
                                            : attempt->error);
}

storage::Database* DatabaseSession::database() {
    if (opening_ && current_) {
        current_->wait();
        finishOpening();
    }
    return DatabaseCodeSource::database();
}

bool DatabaseSession::openForLookup(QString* reason) {
    // Before the first frame (still pending) a lookup opens it as the start would.
    if (isPending())
        return openNow();
    openInBackground();
    if (!opening_) // a file: opened (or not) right here
        return openDatabase() != nullptr;
    *reason = tr("The code database is being opened: try again in a moment.");
    return false;
}

QString DatabaseSession::error() const {
    if (openDatabase() || !openError().isEmpty())
        return openError();
    if (opening_)
        return tr("The code database is being opened: try again in a moment.");
    return isPending() ? QString() : tr("The code database cannot be opened.");
}

} // namespace radiocode::gui
