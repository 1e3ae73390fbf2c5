// A throwaway PostgreSQL server for one suite, from tests/db/postgres_fixture.sh: started in a
// folder of the suite's own, stopped at the end, its URL and details left in files there.
#pragma once

#include <QByteArray>
#include <QString>

namespace radiocode::test {

class PostgresServer {
public:
    // `stateDir`: where the fixture keeps the server and its files ("url", "datadir").
    explicit PostgresServer(const QString& stateDir);

    // False, with the fixture's own words in `problem`, when no server can be started here.
    bool start(QString* problem);
    // Stops it, when it was started.
    void stop();
    bool started() const { return started_; }

    // A file the fixture left, trimmed: "url" (postgresql://...), "datadir".
    QByteArray state(const QString& name) const;
    QString url() const { return QString::fromUtf8(state(QStringLiteral("url"))); }

private:
    QString stateDir_;
    bool started_ = false;
};

} // namespace radiocode::test
