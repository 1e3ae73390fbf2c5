// The desktop program's connection to the code database: opened from the settings (or
// $RADIOCODE_DATABASE, or the default file), switchable at run time, and the code source the
// program's CodeFinder asks for Blaupunkt and Becker codes (storage's one lazy source).
//
// The window never waits for a connection: after the first frame, and whenever a lookup finds
// the database closed, it is reached on a worker thread first (a server that does not answer
// takes its connect timeout there); lookups meanwhile say it is being opened.
#pragma once

#include "storage/code_database_source.h"
#include "storage/database.h"

#include <QList>
#include <QObject>

#include <memory>

class QThread;

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
    void openPending() { database(); }
    // The database for something that needs it now (the job log, an import): opened if it was
    // pending, and waited for while it is being opened. Lookups and the menus use
    // openDatabase(), which never waits.
    storage::Database* database();
    // Reaches the configured database on a worker thread, then opens it here (databaseChanged()
    // either way). Nothing when it is open or being opened.
    void openInBackground();
    bool isOpening() const { return opening_; }
    QString url() const { return url_; }
    QString error() const;

signals:
    // After every attempt to open (at start, on a switch in the settings, a lookup's retry).
    void databaseChanged();

protected:
    bool openForLookup(QString* reason) override;

private:
    struct Attempt {
        bool reachable = false;
        QString error;
    };
    void configure(const QString& url);
    void finishOpening();

    QString url_;
    bool opening_ = false;
    QThread* current_ = nullptr;       // the worker of the attempt in progress
    std::shared_ptr<Attempt> attempt_; // what it found
    QList<QThread*> workers_;          // all still running (an older one after a switch)
};

} // namespace radiocode::gui
