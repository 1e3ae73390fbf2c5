// How the db and jobs commands reach the code database (db_command.cpp).
#pragma once

#include "cli_context.h"

#include "database.h"

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace radiocode::cli {

// The database chosen by --database, $RADIOCODE_DATABASE, the GUI's setting or the default file.
// On failure `error` says why and `exitCode` is ExitInvalidInput for a malformed URL, else
// ExitFailure.
std::unique_ptr<storage::Database> openDatabase(Context& context, QString* error, int* exitCode);
// Where that database is, parsed from the bytes it was given as; nothing (and `error`) when the
// URL is malformed.
std::optional<storage::DatabaseLocation> databaseLocation(const Context& context, QString* error);

// Writes CSV to FILE (atomically; an existing file only with `force`) or, without FILE or with
// "-", to the standard output.
int exportToFileOrStdout(Context& context, const char* command, const QString& fileName, bool force,
                         const std::function<bool(storage::Database&, QIODevice&)>& write);

} // namespace radiocode::cli
