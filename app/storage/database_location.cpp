#include "database_location.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace radiocode::storage {
namespace {

// The desktop program and the command-line tool have different application names; both must
// find the same default database and settings, so the names are fixed here: the desktop
// program's (radiocode::settingsOrganisation / settingsApplication in the sheet library).
constexpr const char* organisationName = "radiocode";
constexpr const char* applicationName = "radiocode-finder";
constexpr const char* settingsKey = "database/url";

QString usage() {
    return DatabaseUrl::tr("Use sqlite:/path/file.db or "
                           "postgresql://user[:password]@host[:port]/dbname.");
}

QString notAUrl(const QString& url, const QString& why) {
    return DatabaseUrl::tr("“%1” is not a database URL: %2 %3").arg(url, why, usage());
}

} // namespace

QString DatabaseLocation::displayUrl() const {
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite:") + path;
    QUrl u;
    u.setScheme(QStringLiteral("postgresql"));
    u.setUserName(user);
    u.setHost(host);
    u.setPort(port);
    u.setPath(QLatin1Char('/') + databaseName);
    return u.toString();
}

QString DatabaseLocation::url() const {
    if (kind == Kind::Sqlite || password.isEmpty())
        return displayUrl();
    QUrl u(displayUrl());
    u.setPassword(password);
    return u.toString();
}

std::optional<DatabaseLocation> DatabaseUrl::parse(const QString& rawUrl, QString* error) {
    const QString url = rawUrl.trimmed();
    auto fail = [&](const QString& why) -> std::optional<DatabaseLocation> {
        if (error)
            *error = notAUrl(rawUrl, why);
        return std::nullopt;
    };
    if (url.isEmpty())
        return fail(tr("it is empty."));
    const qsizetype colon = url.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return fail(tr("it does not start with sqlite: or postgresql://."));
    const QString scheme = url.left(colon).toLower();
    DatabaseLocation location;
    if (scheme == QLatin1String("sqlite")) {
        QString path = url.mid(colon + 1);
        if (path.startsWith(QLatin1String("//"))) // sqlite:///abs/path
            path = path.mid(2);
        if (path.isEmpty())
            return fail(tr("the file name is missing."));
        if (path.endsWith(QLatin1Char('/')))
            return fail(tr("“%1” is a folder, not a file.").arg(path));
        location.kind = DatabaseLocation::Kind::Sqlite;
        location.path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
        return location;
    }
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))
        return fail(tr("“%1” is not a known kind of database.").arg(url.left(colon)));
    if (!url.mid(colon + 1).startsWith(QLatin1String("//")))
        return fail(tr("postgresql: must be followed by //."));
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return fail(parsed.errorString() + QLatin1Char('.'));
    location.kind = DatabaseLocation::Kind::PostgreSql;
    location.user = parsed.userName(QUrl::FullyDecoded);
    location.password = parsed.password(QUrl::FullyDecoded);
    location.host = parsed.host(QUrl::FullyDecoded);
    location.port = parsed.port(5432);
    location.databaseName = parsed.path(QUrl::FullyDecoded).mid(1);
    if (location.user.isEmpty())
        return fail(tr("the user name is missing (user@host)."));
    if (location.host.isEmpty())
        return fail(tr("the server name is missing."));
    if (location.port <= 0 || location.port > 65535)
        return fail(tr("the port must be a number from 1 to 65535."));
    if (location.databaseName.isEmpty() || location.databaseName.contains(QLatin1Char('/')))
        return fail(tr("the database name is missing (…/dbname)."));
    if (parsed.hasQuery()) {
        QStringList options;
        const auto items = QUrlQuery(parsed).queryItems(QUrl::FullyDecoded);
        for (const auto& [key, value] : items) {
            if (key.contains(QLatin1Char(';')) || value.contains(QLatin1Char(';')))
                return fail(tr("the option “%1” contains a semicolon.").arg(key));
            options << key + QLatin1Char('=') + value;
        }
        location.connectOptions = options.join(QLatin1Char(';'));
    }
    return location;
}

QString DatabaseUrl::defaultPath() {
    // The desktop program's AppDataLocation (~/.local/share/radiocode/radiocode-finder).
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return base + QLatin1Char('/') + QLatin1String(organisationName) + QLatin1Char('/') +
           QLatin1String(applicationName) + QLatin1String("/radiocode.db");
}

QString DatabaseUrl::defaultUrl() {
    return QStringLiteral("sqlite:") + defaultPath();
}

QString DatabaseUrl::settingsUrl() {
    QSettings settings{QLatin1String(organisationName), QLatin1String(applicationName)};
    return settings.value(QLatin1String(settingsKey)).toString();
}

void DatabaseUrl::setSettingsUrl(const QString& url) {
    QSettings settings{QLatin1String(organisationName), QLatin1String(applicationName)};
    if (url.trimmed().isEmpty())
        settings.remove(QLatin1String(settingsKey));
    else
        settings.setValue(QLatin1String(settingsKey), url.trimmed());
    settings.sync();
}

QString DatabaseUrl::resolve(const QString& explicitUrl, QString* origin) {
    auto chosen = [&](const QString& url, const QString& why) {
        if (origin)
            *origin = why;
        return url;
    };
    if (!explicitUrl.trimmed().isEmpty())
        return chosen(explicitUrl.trimmed(), QStringLiteral("--database"));
    const QString fromEnvironment = qEnvironmentVariable(environmentVariable).trimmed();
    if (!fromEnvironment.isEmpty())
        return chosen(fromEnvironment, QLatin1String(environmentVariable));
    const QString fromSettings = settingsUrl();
    if (!fromSettings.isEmpty())
        return chosen(fromSettings, QStringLiteral("settings"));
    return chosen(defaultUrl(), QStringLiteral("default"));
}

} // namespace radiocode::storage
