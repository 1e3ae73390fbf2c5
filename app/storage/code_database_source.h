// The one code source behind Blaupunkt and Becker lookups, for both programs: the workshop's
// code database, opened when a lookup (or the job log) first needs it, so a batch of Visteon
// serials never touches it, and opened again when it could not be opened before.
#pragma once

#include "radiocode/code_source.h"

#include <QElapsedTimer>
#include <QString>

#include <functional>
#include <memory>

namespace radiocode::storage {

class Database;

class DatabaseCodeSource : public CodeSource {
public:
    // How the configured database is opened: nothing (and `error`) when it cannot be.
    using Opener = std::function<std::unique_ptr<Database>(QString* error)>;

    // Nothing configured: serves no family until setOpener().
    DatabaseCodeSource();
    // Borrows an open database; it must outlive this source and be used from the same thread.
    explicit DatabaseCodeSource(Database* database);
    ~DatabaseCodeSource() override;
    DatabaseCodeSource(const DatabaseCodeSource&) = delete;
    DatabaseCodeSource& operator=(const DatabaseCodeSource&) = delete;

    // The database to use from now on: opened when first needed (database(), find()), or now by
    // openNow(). Any database open so far is closed.
    void setOpener(Opener opener);
    // Opens the configured database now (closing the one open): false, with openError(), when
    // it cannot be used.
    bool openNow();
    // Called after every attempt to open, successful or not (a message, a menu to update).
    void setOpenObserver(std::function<void()> observer) { observer_ = std::move(observer); }
    // How long a failed open is believed before a lookup tries again (a server that does not
    // answer takes its connect timeout on every try). Negative: never again.
    void setRetryInterval(int milliseconds) { retryIntervalMs_ = milliseconds; }

    // Configured but not tried yet.
    bool isPending() const { return pending_; }
    // The database, opened if it was pending; nothing when it cannot be used (openError()).
    Database* database();
    // The database as it is now, without opening it.
    Database* openDatabase() const { return database_; }
    // Why the last open failed; empty while the database is open.
    QString openError() const { return error_; }

    // CodeSource: the code database's families, whenever a database is configured, even while
    // it cannot be opened: the lookup must then say it could not be asked, never that it holds
    // no code.
    bool serves(Family family) const override;
    SourceResult find(Family family, std::string_view serial) override;

protected:
    // A lookup needs the database and it is not open (pending, or a retry is due): opens it now
    // and says whether it is open. A program that must not wait (the desktop program) starts
    // opening elsewhere instead and returns false with `reason` (else openError() says why).
    virtual bool openForLookup(QString* reason) {
        Q_UNUSED(reason);
        return openNow();
    }
    // The open database lost its connection and does not reconnect inside a call
    // (OpenOptions::connectionLost): reconnects now, or starts reconnecting elsewhere and says
    // why the lookup cannot be answered meanwhile (empty: reconnected).
    virtual QString reconnectForLookup();
    // Opening was started elsewhere (a worker thread): no longer pending, so nothing opens it
    // here meanwhile; openNow() or openFailed() follows.
    void openingElsewhere() { pending_ = false; }
    // The result of an attempt to open made elsewhere: the same as openNow() that failed with
    // `error`.
    void openFailed(const QString& error);

private:
    bool retryDue() const;

    Opener opener_;
    std::unique_ptr<Database> owned_;
    Database* database_ = nullptr; // owned_ or borrowed
    bool borrowed_ = false;
    bool pending_ = false;
    QString error_;
    QElapsedTimer lastAttempt_;
    int retryIntervalMs_ = 10000;
    std::function<void()> observer_;
};

} // namespace radiocode::storage
