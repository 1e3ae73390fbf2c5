// Loading the programs' own plugins (label readers, camera, printing): libraries too slow to load
// at start, opened on first use.
#pragma once

#include <QFunctionPointer>
#include <QString>
#include <QStringList>

namespace radiocode {

// Where a plugin is looked for: installed (`fromBinDir`, relative to the program's folder), then
// where the build put it (`built`, absolute), for programs run from the build folder.
QStringList pluginPaths(const QString& fromBinDir, const QString& built);

// `symbol` from the first of `paths` that exists and loads (it stays loaded); null when none
// does, with `problem` saying why.
QFunctionPointer resolveInPlugin(const QStringList& paths, const char* symbol, QString& problem);

} // namespace radiocode
