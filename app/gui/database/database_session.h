// The desktop program's connection to the code database: opened from the settings (or
// $RADIOCODE_DATABASE, or the default file), switchable at run time, and the code source the
// program's CodeFinder asks for Blaupunkt and Becker codes (storage's one lazy source).
//
// The window never waits for a connection: after the first frame, whenever a lookup finds the
// database closed, and when a server's connection is lost, the server is reached on a worker
// thread first (one that does not answer takes its connect timeout there); lookups meanwhile say
// it is being opened or connected again, and an action that needs the database waits with a
// cancellable progress dialog while the event loop runs.
#pragma once

#include "storage/code_database_source.h"
#include "storage/database.h"

#include <QList>
#include <QObject>

#include <memory>

class QThread;
class QWidget;

namespace radiocode::gui {

class DatabaseSession : public QObject, public storage::DatabaseCodeSource {
    Q_OBJECT

public:
    explicit DatabaseSession(QObject* parent = nullptr);
    ~DatabaseSession() override;

    // Opens the configured database (environment, settings, default) now. False, with error(),
    // when it cannot be used: the program then works on without it.
    bool open();
    bool open(const QString& url);
    // Opens the configured database when something first needs it (database(), a lookup) or
    // at openInBackground(): the program calls this before its first frame.
    void openLater();
    void openLater(const QString& url);
    // Starts opening a pending database (openInBackground()), without waiting.
    void openPending();
    // The database for an action that needs it now (the job log, an import, the history).
    // While it is being opened or connected again, waits for it with the event loop running:
    // after a moment a modal "Connecting to the code database…" dialog over `parent` (or the
    // active window) shows, whose Cancel (Esc) gives up waiting. Nothing when it cannot be used
    // or the wait was cancelled (error() says why). Lookups and the menus use openDatabase(),
    // which never waits.
    storage::Database* database(QWidget* parent = nullptr);
    // Reaches the configured database on a worker thread, then opens it here (databaseChanged()
    // either way). Nothing when it is open or being opened; a file is opened here at once.
    void openInBackground();
    // The open server's connection was lost: reaches the server on a worker thread, then
    // connects again here (databaseChanged() either way). Nothing while an attempt runs.
    void reconnectInBackground();
    bool isOpening() const { return work_ == Work::Opening; }
    bool isReconnecting() const { return work_ == Work::Reconnecting; }
    QString url() const { return url_; }
    QString error() const;

signals:
    // After every attempt to open or to connect again (at start, on a switch in the settings, a
    // lookup's retry, a lost connection), and when one starts.
    void databaseChanged();

protected:
    bool openForLookup(QString* reason) override;
    QString reconnectForLookup() override;

private:
    enum class Work { None, Opening, Reconnecting };
    struct Attempt {
        bool reachable = false;
        QString error;
    };
    void configure(const QString& url);
    void reachInBackground(Work work);
    void finishAttempt();
    // Runs the event loop until the attempt in progress ends; false when the technician
    // cancelled.
    bool waitForAttempt(QWidget* parent);
    QString reconnectingReason() const;

    QString url_;
    Work work_ = Work::None;
    QString reconnectError_;           // why the last attempt to connect again failed
    QThread* current_ = nullptr;       // the worker of the attempt in progress
    std::shared_ptr<Attempt> attempt_; // what it found
    QList<QThread*> workers_;          // all still running (an older one after a switch)
};

} // namespace radiocode::gui
