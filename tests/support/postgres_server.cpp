#include "postgres_server.h"

#include "process_run.h"

#include <QDir>
#include <QFile>

namespace radiocode::test {
namespace {

const QString fixture = QStringLiteral(RADIOCODE_POSTGRES_FIXTURE);

} // namespace

PostgresServer::PostgresServer(const QString& stateDir) : stateDir_(stateDir) {}

bool PostgresServer::start(QString* problem) {
    const Run run =
        runProcess(QStringLiteral("bash"), {fixture, QStringLiteral("start"), stateDir_});
    started_ = !run.crashed && run.exitCode == 0;
    if (!started_ && problem)
        *problem = QString::fromUtf8(run.out + run.err);
    return started_;
}

void PostgresServer::stop() {
    if (started_)
        runProcess(QStringLiteral("bash"), {fixture, QStringLiteral("stop"), stateDir_});
    started_ = false;
}

QByteArray PostgresServer::state(const QString& name) const {
    QFile file(QDir(stateDir_).filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

} // namespace radiocode::test
