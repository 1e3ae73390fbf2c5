// What the suites that test programs share: running a program (its exit code, its output and
// how long it took) in an environment of the test's own, and writing the files it reads.
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace radiocode::test {

struct Run {
    int exitCode = -1;    // -1 when it did not exit normally
    bool crashed = false; // did not start, was killed by a signal, or ran out of time (killed)
    QByteArray out;
    QByteArray err;
    qint64 ms = 0; // from start to exit
};

// RunOptions().input(data).environment(env): each left out keeps its default.
struct RunOptions {
    QByteArray stdinData;                          // written to its standard input, then closed
    std::optional<QProcessEnvironment> processEnv; // none: the test's own
    QString directory;                             // empty: the test's
    int timeout = 120000;                          // ms; then it is killed

    RunOptions& input(const QByteArray& data) {
        stdinData = data;
        return *this;
    }
    RunOptions& environment(const QProcessEnvironment& environment) {
        processEnv = environment;
        return *this;
    }
    RunOptions& workingDirectory(const QString& path) {
        directory = path;
        return *this;
    }
    RunOptions& timeoutMs(int ms) {
        timeout = ms;
        return *this;
    }
};

// Runs `program` to its end. Input is written while output is read, so large inputs and outputs
// never fill the pipes.
Run runProcess(const QString& program, const QStringList& arguments,
               const RunOptions& options = {});

// The system's environment without what would make a program use the machine's code database,
// settings or language: $RADIOCODE_DATABASE removed, the settings and data folders under
// `home`, English in UTF-8.
QProcessEnvironment isolatedEnvironment(const QString& home);

// The same for this test program (the desktop program built in-process): QStandardPaths' test
// mode, and the settings and data folders under `home`.
void isolateThisProgram(const QString& home);

// Writes `content` to the file at `path` (replacing it) and returns the path; a file a test
// cannot write ends the test run.
QString writeFile(const QString& path, const QByteArray& content);

// A code list as a dealer sends one: the header "serial,code", then `rows` Blaupunkt serials
// counting up from BP followed by `first` in 12 digits, each with the code `code(row)` (row from
// 0; without `code`, row % 10000), in four digits.
QByteArray codeList(qint64 rows, qint64 first = 0, const std::function<int(qint64)>& code = {});

} // namespace radiocode::test
