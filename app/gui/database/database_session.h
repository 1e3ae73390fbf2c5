// The desktop program's connection to the code database: opened from the settings (or
// $RADIOCODE_DATABASE, or the default file), switchable at run time, and a CodeSource the
// program's CodeFinder asks for Blaupunkt and Becker codes.
#pragma once

#include "database.h"

#include "radiocode/code_source.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace radiocode::gui {

class DatabaseSession : public QObject, public CodeSource {
    Q_OBJECT

public:
    explicit DatabaseSession(QObject* parent = nullptr);
    ~DatabaseSession() override;

    // Opens the configured database (environment, settings, default). False, with error(), when
    // it cannot be used: the program then works on without it.
    bool open();
    bool open(const QString& url);
    // Opens the configured database when something first needs it (database(), a lookup) or
    // at openPending(): the program calls this before its first frame and opens after it.
    void openLater() { pending_ = true; }
    bool isPending() const { return pending_; }
    void openPending() const;
    storage::Database* database() const {
        openPending();
        return database_.get();
    }
    QString url() const { return url_; }
    QString error() const { return error_; }

    // How long a failed open is believed before a lookup tries again (a server that does not
    // answer takes its connect timeout on every try).
    void setRetryInterval(int milliseconds) { retryIntervalMs_ = milliseconds; }

    // CodeSource
    bool serves(Family family) const override;
    std::optional<CodeAnswer> find(Family family, std::string_view serial) const override;
    std::string unavailableReason() const override { return failure_; }

signals:
    void databaseChanged();

private:
    bool retryIfClosed() const;

    std::unique_ptr<storage::Database> database_;
    QString url_;
    QString error_;
    mutable bool pending_ = false;
    QElapsedTimer lastAttempt_;
    int retryIntervalMs_ = 10000;
    mutable std::string failure_; // why the last find() could not ask the database
};

} // namespace radiocode::gui
