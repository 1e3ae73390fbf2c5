#include "storage/database_location.h"

#include "common/settings.h"
#include <QDir>
#include <QFile>

#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace radiocode::storage {
namespace {

QString usage() {
    return DatabaseUrl::tr("Use sqlite:/path/file.db or "
                           "postgresql://user[:password]@host[:port]/dbname.");
}

// The URL as it may be shown: a password in it replaced by ***, whatever else is wrong.
QString withoutPassword(const QString& url) {
    const qsizetype scheme = url.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return url;
    const qsizetype authorityStart = scheme + 3;
    qsizetype authorityEnd = url.indexOf(QLatin1Char('/'), authorityStart);
    if (authorityEnd < 0)
        authorityEnd = url.size();
    // The user part ends at the last @: a password may hold an @ of its own.
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
    if (at < authorityStart)
        return url;
    const qsizetype colon = url.indexOf(QLatin1Char(':'), authorityStart);
    if (colon < 0 || colon > at)
        return url;
    return url.left(colon + 1) + QStringLiteral("***") + url.mid(at);
}

QString notAUrl(const QString& url, const QString& why) {
    return DatabaseUrl::tr("“%1” is not a database URL: %2 %3")
        .arg(withoutPassword(url), why, usage());
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
        location.nativePath = QFile::encodeName(location.path);
        return location;
    }
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))
        return fail(tr("“%1” is not a known kind of database.").arg(url.left(colon)));
    if (!url.mid(colon + 1).startsWith(QLatin1String("//")))
        return fail(tr("postgresql: must be followed by //."));
    // What QUrl would only call invalid (quoting the whole URL, password and all), said plainly.
    {
        const qsizetype authorityStart = colon + 3;
        qsizetype authorityEnd = url.indexOf(QLatin1Char('/'), authorityStart);
        if (authorityEnd < 0)
            authorityEnd = url.size();
        const QString authority = url.mid(authorityStart, authorityEnd - authorityStart);
        if (authority.count(QLatin1Char('@')) > 1)
            return fail(tr("it holds more than one @: an @ in the user name or password must be "
                           "written as %1.")
                            .arg(QStringLiteral("%40")));
        const QString hostAndPort = authority.section(QLatin1Char('@'), -1);
        if (hostAndPort.contains(QLatin1Char(':')) && !hostAndPort.startsWith(QLatin1Char('['))) {
            const QString port = hostAndPort.section(QLatin1Char(':'), -1);
            bool isNumber = false;
            const int value = port.toInt(&isNumber);
            if (!isNumber || value <= 0 || value > 65535)
                return fail(
                    tr("the port “%1” is not a number from 1 to 65535.").arg(port.left(20)));
        }
        const QString userInfo = authority.contains(QLatin1Char('@'))
                                     ? authority.section(QLatin1Char('@'), 0, 0)
                                     : QString();
        for (const QChar c : userInfo)
            if (c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#') ||
                c == QLatin1Char('[') || c == QLatin1Char(']') || c.isSpace())
                return fail(tr("the user name or password holds “%1”, which must be written "
                               "with %-escapes (for example %2 for /).")
                                .arg(c)
                                .arg(QStringLiteral("%2F")));
    }
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return fail(tr("it is not written correctly (check the server name and any %-escapes)."));
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

std::optional<DatabaseLocation> DatabaseUrl::parse(const QByteArray& url, QString* error) {
    auto location = parse(QFile::decodeName(url), error);
    if (!location || location->kind != DatabaseLocation::Kind::Sqlite)
        return location;
    QByteArray path = url.trimmed().mid(url.trimmed().indexOf(':') + 1);
    if (path.startsWith("//"))
        path = path.mid(2);
    if (!path.startsWith('/'))
        path = QFile::encodeName(QDir::currentPath()) + '/' + path;
    location->nativePath = path;
    return location;
}

QString DatabaseUrl::defaultPath() {
    // The desktop program's AppDataLocation (~/.local/share/radiocode/radiocode-finder).
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return base + QLatin1Char('/') + QLatin1String(Settings::organisation) + QLatin1Char('/') +
           QLatin1String(Settings::application) + QLatin1String("/radiocode.db");
}

QString DatabaseUrl::defaultUrl() {
    return QStringLiteral("sqlite:") + defaultPath();
}

QString DatabaseUrl::settingsUrl() {
    return Settings::value(Settings::databaseUrl);
}

void DatabaseUrl::setSettingsUrl(const QString& url) {
    if (url.trimmed().isEmpty())
        Settings::remove(Settings::databaseUrl);
    else
        Settings::setValue(Settings::databaseUrl, url.trimmed());
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
