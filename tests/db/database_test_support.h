// What the storage suites share: a database of each test's own (a new SQLite file, or the
// PostgreSQL test database emptied) and opening it.
#pragma once

#include "storage/database.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <memory>

namespace radiocode::test {

// Rows of a code list large enough to show how import and export scale. Under AddressSanitizer
// everything runs several times slower: fewer rows show the same.
#if defined(__SANITIZE_ADDRESS__)
constexpr int largeCodeListRows = 200000;
#else
constexpr int largeCodeListRows = 1000000;
#endif

// Whether the suite runs against the PostgreSQL server the ctest fixture starts
// (RADIOCODE_TEST_DB=postgresql) rather than SQLite.
inline bool againstPostgres() {
    return qEnvironmentVariable("RADIOCODE_TEST_DB") == QLatin1String("postgresql");
}

// The URL that server's fixture left in the file $RADIOCODE_TEST_PG_URL_FILE names; empty when it
// left none.
inline QString fixturePostgresUrl() {
    QFile file(qEnvironmentVariable("RADIOCODE_TEST_PG_URL_FILE"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

// Drops the program's tables, and `otherTables`, from the PostgreSQL database at `url`, so the
// next test starts on an empty one. A server the test cannot reach ends the test run.
inline void emptyPostgresDatabase(const QString& url, const QStringList& otherTables = {}) {
    const auto location = storage::DatabaseUrl::parse(url, nullptr);
    if (!location)
        qFatal("not a database URL: %s", qPrintable(url));
    {
        QSqlDatabase admin =
            QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
        admin.setHostName(location->host);
        admin.setPort(location->port);
        admin.setUserName(location->user);
        admin.setDatabaseName(location->databaseName);
        if (!admin.open())
            qFatal("cannot reach the test server: %s", qPrintable(admin.lastError().text()));
        QSqlQuery query(admin);
        query.exec(QStringLiteral("SET client_min_messages = warning"));
        const QStringList tables =
            QStringList{QStringLiteral("codes"), QStringLiteral("jobs"),
                        QStringLiteral("code_requests"), QStringLiteral("job_pictures"),
                        QStringLiteral("radiocode_meta")} +
            otherTables;
        for (const QString& table : tables)
            query.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(table));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("admin"));
}

// The database at `url`; null, with the reason in a warning, when it does not open.
inline std::unique_ptr<storage::Database> openDatabase(const QString& url) {
    QString error;
    auto database = storage::Database::open(url, &error);
    if (!database)
        qWarning("cannot open %s: %s", qPrintable(url), qPrintable(error));
    return database;
}

} // namespace radiocode::test
