// How the commands reach the code database (database_access.cpp).
#pragma once

#include "cli/cli_context.h"

#include "storage/database.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace radiocode::cli {

class Command;

// The database chosen by --database, $RADIOCODE_DATABASE, the GUI's setting or the default file.
// On failure `error` says why and `exitCode` is ExitInvalidInput for a malformed URL, else
// ExitFailure.
std::unique_ptr<storage::Database> openDatabase(Context& context, QString* error, int* exitCode);
// The same for `command` ("jobs list"): on failure "radiocode COMMAND: why" on the error stream,
// and `exitCode` is what the command exits with.
std::unique_ptr<storage::Database> openDatabaseFor(Context& context, const QString& command,
                                                   int& exitCode);
// Where that database is, parsed from the bytes it was given as; nothing (and `error`) when the
// URL is malformed.
std::optional<storage::DatabaseLocation> databaseLocation(const Context& context, QString* error);

// Opens the configured code database and adds it to the context's finder, when there is one:
// the program's Context::addSources.
void addDatabaseSource(Context& context);

// --force, and the CSV export of `db export [FILE]` and `jobs export [FILE]`: to FILE
// (atomically; an existing file only with --force) or, without FILE or with "-", to the standard
// output.
QCommandLineOption forceOption();
int exportCsv(Context& context, const Command& command, const QCommandLineParser& parser,
              const std::function<bool(storage::Database&, QIODevice&)>& write);

} // namespace radiocode::cli
