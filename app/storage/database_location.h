// Where the code database lives: an SQLite file (the default, in the user's application-data
// folder) or a PostgreSQL server shared by a workshop. Parsed from a URL:
//   sqlite:/path/file.db
//   postgresql://user[:password]@host[:port]/dbname
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace radiocode::storage {

struct DatabaseLocation {
    enum class Kind { Sqlite, PostgreSql };
    Kind kind = Kind::Sqlite;
    QString path;          // SQLite: absolute file path, for showing
    QByteArray nativePath; // SQLite: the same as the file system's bytes (need not be UTF-8)
    QString user;          // PostgreSQL
    QString password;
    QString host;
    int port = 5432;
    QString databaseName;
    QString connectOptions; // PostgreSQL: from the URL's query, "key=value;key=value"

    // The URL again, without the password: safe to print and log.
    QString displayUrl() const;
    QString url() const; // with the password, for storing in settings
};

class DatabaseUrl {
    Q_DECLARE_TR_FUNCTIONS(DatabaseUrl)

public:
    // Parses a URL; on failure returns nothing and sets `error` to a sentence that says what is
    // wrong and what a URL looks like.
    static std::optional<DatabaseLocation> parse(const QString& url, QString* error);
    // The same for a URL given as bytes (a command-line argument, an environment variable):
    // an SQLite file name is kept as those bytes, UTF-8 or not.
    static std::optional<DatabaseLocation> parse(const QByteArray& url, QString* error);

    // The default SQLite file, shared by the desktop program and the command-line tool.
    static QString defaultPath();
    static QString defaultUrl();

    // The environment variable and the settings key that choose another database.
    static constexpr const char* environmentVariable = "RADIOCODE_DATABASE";
    static QString settingsUrl(); // empty when not set
    static void setSettingsUrl(const QString& url);

    // The database to use: `explicitUrl` (the command line's --database), else the environment
    // variable, else the settings page, else the default file. `origin` tells which one won.
    static QString resolve(const QString& explicitUrl, QString* origin = nullptr);
};

} // namespace radiocode::storage
