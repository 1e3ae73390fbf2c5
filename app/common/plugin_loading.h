// Loading the programs' own plugins (label readers, camera, printing): libraries too slow to load
// at start, opened on first use.
#pragma once

#include <QFunctionPointer>
#include <QString>
#include <QStringList>
#include <QtDebug>

namespace radiocode {

// Where a plugin is looked for: installed (`fromBinDir`, relative to the program's folder), then
// where the build put it (`built`, absolute), for programs run from the build folder.
QStringList pluginPaths(const QString& fromBinDir, const QString& built);

// `symbol` from the first of `paths` that exists and loads (it stays loaded); null when none
// does, with `problem` saying why.
QFunctionPointer resolveInPlugin(const QStringList& paths, const char* symbol, QString& problem);

// The function table a plugin's `symbol` returns (a struct with an int `version`), when the
// plugin loads and is of `version`; else null, with `problem` saying why and a warning on stderr
// that `what` is missing.
template <typename Table>
const Table* loadPluginTable(const QStringList& paths, const char* symbol, int version,
                             const char* what, QString& problem) {
    using Entry = const Table* (*)();
    const auto entry = reinterpret_cast<Entry>(resolveInPlugin(paths, symbol, problem));
    const Table* table = entry ? entry() : nullptr;
    if (table && table->version == version)
        return table;
    if (table)
        problem = QStringLiteral("the plugin is of another version");
    qWarning("radiocode: %s could not be loaded: %s", what, qUtf8Printable(problem));
    return nullptr;
}

// A plugin's table as loadPluginTable() found it, and why it is null when it is: what a loader
// keeps from the first use on.
template <typename Table> struct LoadedPlugin {
    const Table* table = nullptr;
    QString problem;
};

template <typename Table>
LoadedPlugin<Table> loadPlugin(const QStringList& paths, const char* symbol, int version,
                               const char* what) {
    LoadedPlugin<Table> loaded;
    loaded.table = loadPluginTable<Table>(paths, symbol, version, what, loaded.problem);
    return loaded;
}

} // namespace radiocode
