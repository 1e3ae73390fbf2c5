#include "process_run.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>

namespace radiocode::test {

Run runProcess(const QString& program, const QStringList& arguments, const RunOptions& options) {
    QProcess process;
    if (options.processEnv)
        process.setProcessEnvironment(*options.processEnv);
    if (!options.directory.isEmpty())
        process.setWorkingDirectory(options.directory);
    Run result;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        result.crashed = true;
        return result;
    }
    const QByteArray& input = options.stdinData;
    qsizetype written = 0;
    while (written < input.size()) {
        const qint64 chunk = process.write(input.constData() + written,
                                           std::min<qsizetype>(input.size() - written, 1 << 16));
        if (chunk < 0)
            break;
        written += chunk;
        process.waitForBytesWritten(10000);
        result.out += process.readAllStandardOutput();
    }
    process.closeWriteChannel();
    while (process.state() != QProcess::NotRunning && !process.waitForFinished(100)) {
        result.out += process.readAllStandardOutput();
        if (timer.elapsed() > options.timeout) {
            process.kill();
            process.waitForFinished();
            result.crashed = true;
            break;
        }
    }
    result.ms = timer.elapsed();
    result.out += process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    if (!result.crashed && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    else
        result.crashed = true;
    return result;
}

QProcessEnvironment isolatedEnvironment(const QString& home) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("RADIOCODE_DATABASE"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       QDir(home).filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"),
                       QDir(home).filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    return environment;
}

void isolateThisProgram(const QString& home) {
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", QDir(home).filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", QDir(home).filePath(QStringLiteral("data")).toUtf8());
}

QByteArray codeList(qint64 rows, qint64 first, const std::function<int(qint64)>& code) {
    QByteArray csv = "serial,code\n";
    csv.reserve(rows * 22 + 16);
    for (qint64 row = 0; row < rows; ++row)
        csv += "BP" + QByteArray::number(first + row).rightJustified(12, '0') + ',' +
               QByteArray::number(code ? code(row) : row % 10000).rightJustified(4, '0') + '\n';
    return csv;
}

QString writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace radiocode::test
