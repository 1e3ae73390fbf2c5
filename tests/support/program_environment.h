// What a suite that builds the desktop program sets in main(), once its QApplication exists: the
// settings and data folders of QStandardPaths' test mode, its own organisation and application
// names, and a code database of its own in a temporary folder, so that no suite sees the
// machine's or another suite's.
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace radiocode::test {

class ProgramEnvironment {
public:
    // `application`: the suite's name; `organisation`: radiocode-tests, or radiocode-bench for the
    // benchmarks. $RADIOCODE_DATABASE names the database for as long as this object lives.
    explicit ProgramEnvironment(const QString& application,
                                const QString& organisation = QStringLiteral("radiocode-tests"));

private:
    QTemporaryDir databaseDir_;
};

} // namespace radiocode::test
