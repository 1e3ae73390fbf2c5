// The main() of a suite that drives the program's windows, in one place: the application the
// program expects, its settings in Qt's test mode, and a code database of the suite's own.
#pragma once

#include <QApplication>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace radiocode::test {

// Runs `Suite` as QTest::qExec does, with the settings under "radiocode-tests/`applicationName`"
// and RADIOCODE_DATABASE naming `databaseFile`, an SQLite file in a temporary folder that is
// removed afterwards: the program starts with an empty code database, never the technician's.
template <typename Suite>
int runWindowSuite(int argc, char** argv, const QString& applicationName,
                   const QString& databaseFile) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("radiocode-tests"));
    QApplication::setApplicationName(applicationName);
    QTemporaryDir databaseDir;
    qputenv("RADIOCODE_DATABASE", "sqlite:" + databaseDir.filePath(databaseFile).toUtf8());
    Suite suite;
    return QTest::qExec(&suite, argc, argv);
}

} // namespace radiocode::test
