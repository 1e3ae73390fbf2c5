#include "common/plugin_loading.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

namespace radiocode {

QStringList pluginPaths(const QString& fromBinDir, const QString& built) {
    QStringList paths;
    if (QCoreApplication::instance())
        paths << QDir(QCoreApplication::applicationDirPath()).filePath(fromBinDir);
    paths << built;
    return paths;
}

QFunctionPointer resolveInPlugin(const QStringList& paths, const char* symbol, QString& problem) {
    QStringList problems;
    for (const QString& path : paths) {
        if (!QFileInfo::exists(path))
            continue;
        QLibrary library(path); // not unloaded when `library` goes: QLibrary unloads only if asked
        if (const QFunctionPointer entry = library.resolve(symbol))
            return entry;
        problems << library.errorString();
    }
    problem = problems.isEmpty()
                  ? QStringLiteral("%1 not found").arg(paths.join(QStringLiteral(", ")))
                  : problems.join(QStringLiteral("; "));
    return nullptr;
}

} // namespace radiocode
