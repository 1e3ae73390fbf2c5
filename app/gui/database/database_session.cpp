#include "gui/database/database_session.h"

#include <QApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <memory>
#include <utility>

namespace radiocode::gui {
namespace {

// A server that answers is reached in moments: only one that keeps an action waiting longer
// gets the progress dialog, so a quick answer does not flash one.
constexpr int progressDelayMs = 300;

} // namespace

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
    work_ = Work::None;
    current_ = nullptr; // a switch of database while opening makes that attempt stale
    reconnectError_.clear();
    url_ = url;
    setOpener([this, url](QString* error) {
        storage::OpenOptions options;
        // Never inside a lookup on the GUI thread: the server is reached on a worker first.
        options.connectionLost = [this] {
            QMetaObject::invokeMethod(
                this, [this] { reconnectInBackground(); }, Qt::QueuedConnection);
        };
        return storage::Database::open(url, error, options);
    });
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

void DatabaseSession::openPending() {
    if (isPending())
        openInBackground();
}

void DatabaseSession::openInBackground() {
    if (work_ != Work::None || openDatabase() || url_.isEmpty())
        return;
    // A file opens in moments; only a server can keep the window waiting (its connect timeout).
    QString malformed;
    const auto location = storage::DatabaseUrl::parse(url_, &malformed);
    if (!location || location->kind == storage::DatabaseLocation::Kind::Sqlite) {
        openNow();
        return;
    }
    openingElsewhere();
    reachInBackground(Work::Opening);
}

void DatabaseSession::reconnectInBackground() {
    const storage::Database* database = openDatabase();
    if (work_ != Work::None || !database || !database->connectionLost())
        return;
    reachInBackground(Work::Reconnecting);
}

void DatabaseSession::reachInBackground(Work work) {
    work_ = work;
    emit databaseChanged();
    const QString url = url_;
    auto attempt = std::make_shared<Attempt>();
    // The worker opens (and migrates) on a connection of its own, then closes it; the session's
    // connection is opened (or connected again) here afterwards, which then takes no wait: Qt
    // SQL connections stay in the thread that opened them.
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
            finishAttempt();
    });
    worker->start();
}

void DatabaseSession::finishAttempt() {
    const Work work = std::exchange(work_, Work::None);
    current_ = nullptr;
    const auto attempt = std::move(attempt_);
    if (work == Work::Opening) {
        if (attempt->reachable)
            openNow();
        else
            openFailed(attempt->error.isEmpty() ? tr("The code database cannot be opened.")
                                                : attempt->error);
        return;
    }
    QString error = attempt->error;
    storage::Database* database = openDatabase();
    if (database && attempt->reachable && database->reconnect(&error))
        reconnectError_.clear();
    else
        reconnectError_ = error.isEmpty() ? tr("The code database cannot be reached.") : error;
    emit databaseChanged();
}

bool DatabaseSession::waitForAttempt(QWidget* parent) {
    QEventLoop loop;
    connect(this, &DatabaseSession::databaseChanged, &loop, [this, &loop] {
        if (work_ == Work::None)
            loop.quit();
    });
    // Until the dialog shows, the window paints and runs its timers but takes no input, so no
    // second action starts meanwhile.
    QTimer::singleShot(progressDelayMs, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (work_ == Work::None)
        return true;

    QProgressDialog progress(parent ? parent : QApplication::activeWindow());
    progress.setObjectName(QStringLiteral("databaseConnectingProgress"));
    progress.setWindowTitle(tr("Code database"));
    progress.setLabelText(work_ == Work::Reconnecting
                              ? tr("The connection to the code database was lost. Connecting "
                                   "again…")
                              : tr("Connecting to the code database…"));
    progress.setCancelButtonText(tr("Cancel"));
    progress.setRange(0, 0); // no steps to count: a busy bar
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setWindowModality(Qt::ApplicationModal);
    bool cancelled = false;
    connect(&progress, &QProgressDialog::canceled, &loop, [&cancelled, &loop] {
        cancelled = true;
        loop.quit();
    });
    progress.show();
    loop.exec();
    return !cancelled;
}

storage::Database* DatabaseSession::database(QWidget* parent) {
    openPending();
    reconnectInBackground();
    if (work_ != Work::None && !waitForAttempt(parent))
        return nullptr;
    return openDatabase();
}

bool DatabaseSession::openForLookup(QString* reason) {
    openInBackground();
    if (!isOpening()) // a file: opened (or not) right here
        return openDatabase() != nullptr;
    *reason = tr("The code database is being opened: try again in a moment.");
    return false;
}

QString DatabaseSession::reconnectForLookup() {
    reconnectInBackground();
    return reconnectingReason();
}

QString DatabaseSession::reconnectingReason() const {
    if (reconnectError_.isEmpty())
        return tr("The connection to the code database was lost and is being made again: try "
                  "again in a moment.");
    return tr("The connection to the code database was lost and it cannot be reached yet (%1). "
              "Connecting again: try again in a moment.")
        .arg(reconnectError_);
}

QString DatabaseSession::error() const {
    if (const storage::Database* database = openDatabase(); database && database->connectionLost())
        return reconnectingReason();
    if (openDatabase() || !openError().isEmpty())
        return openError();
    if (isOpening())
        return tr("The code database is being opened: try again in a moment.");
    return isPending() ? QString() : tr("The code database cannot be opened.");
}

} // namespace radiocode::gui
