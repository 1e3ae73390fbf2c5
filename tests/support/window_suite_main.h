// The main() of a suite that drives the program's windows, in one place: the application the
// program expects, with the settings and code database of ProgramEnvironment.
#pragma once

#include "program_environment.h"

#include <QApplication>
#include <QString>
#include <QTest>

namespace radiocode::test {

// Runs `Suite` as QTest::qExec does, with the settings under "radiocode-tests/`applicationName`"
// and an empty code database of the suite's own, never the technician's.
template <typename Suite>
int runWindowSuite(int argc, char** argv, const QString& applicationName) {
    QApplication app(argc, argv);
    const ProgramEnvironment environment(applicationName);
    Suite suite;
    return QTest::qExec(&suite, argc, argv);
}

} // namespace radiocode::test
