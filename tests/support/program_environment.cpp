#include "program_environment.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace radiocode::test {

ProgramEnvironment::ProgramEnvironment(const QString& application, const QString& organisation) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(organisation);
    QCoreApplication::setApplicationName(application);
    qputenv("RADIOCODE_DATABASE",
            "sqlite:" + databaseDir_.filePath(application + QStringLiteral(".db")).toUtf8());
}

} // namespace radiocode::test
