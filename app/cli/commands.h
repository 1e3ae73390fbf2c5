// The `radiocode` subcommands. Each lives in its own file; main.cpp lists them.
#pragma once

#include "cli_context.h"

#include "radiocode/code_source.h"
#include "radiocode/families.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace radiocode::cli {

// Translation context of the command-line tool's own sentences: Cli::tr("...").
class Cli {
    Q_DECLARE_TR_FUNCTIONS(radiocode::cli)
};

struct Command {
    const char* name;
    const char* summary; // translated with QT_TRANSLATE_NOOP in main.cpp
    int (*run)(Context& context, const QStringList& arguments);
};

// The subcommands (one file each: lookup_command.cpp, ...). Declare new ones here.
int runLookup(Context& context, const QStringList& arguments);
int runBatch(Context& context, const QStringList& arguments);
int runFamilies(Context& context, const QStringList& arguments);
int runSheet(Context& context, const QStringList& arguments); // sheet_command.cpp
int runDb(Context& context, const QStringList& arguments);    // db_command.cpp
int runJobs(Context& context, const QStringList& arguments);  // jobs_command.cpp
// When no code is on record (no_code_commands.cpp): the radio card, a code request, and the
// jobs actions for requests (list --waiting, answer, outcome).
int runCard(Context& context, const QStringList& arguments);
int runRequest(Context& context, const QStringList& arguments);
int runWaitingJobs(Context& context, const QStringList& arguments);
int runJobsAnswer(Context& context, const QStringList& arguments);
int runJobsOutcome(Context& context, const QStringList& arguments);
int runScan(Context& context, const QStringList& arguments); // scan_command.cpp
// Opens the configured code database and adds it to the context's finder (db_command.cpp).
void addDatabaseSource(Context& context);

// A paragraph broken into lines of at most `width` characters for the terminal; its leading
// spaces are kept, later lines start with `hangingIndent` spaces. Inline: no link dependency.
inline QString wrapped(const QString& text, qsizetype hangingIndent = 0, qsizetype width = 79) {
    QString result;
    qsizetype lineLength = 0;
    bool lineHasWord = false;
    const QStringList words = text.split(QLatin1Char(' ')); // empty parts: extra spaces
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words.at(i);
        if (i > 0) {
            if (lineHasWord && !word.isEmpty() && lineLength + 1 + word.size() > width) {
                result += QLatin1Char('\n') + QString(hangingIndent, QLatin1Char(' '));
                lineLength = hangingIndent;
                lineHasWord = false;
            } else {
                result += QLatin1Char(' ');
                ++lineLength;
            }
        }
        result += word;
        lineLength += word.size();
        lineHasWord = lineHasWord || !word.isEmpty();
    }
    return result;
}

// Shared by the subcommands.
bool isHelpOption(const QString& argument); // --help, -h
// Reads the value of `--family F` / `--family=F` at arguments[index] (advancing index past it).
// Returns false, after telling the user why on context.err, when the value is missing or unknown.
bool takeFamilyOption(Context& context, const QStringList& arguments, qsizetype& index,
                      std::optional<Family>& family);
// Looks up a serial as given on the command line, cross-checked with a Blaupunkt part number
// when one is given (`--part-number`; empty: none), as lookup and sheet share it.
// With `reading`, only that reading of a Blaupunkt 7th-character look-alike is asked
// (`--reading letter|digit`).
LookupResult lookupSerial(Context& context, const QByteArray& rawSerial,
                          std::optional<Family> family, const QString& partNumber,
                          std::optional<ReadingChoice> reading = std::nullopt);
// Takes the value of `--reading letter|digit` at arguments[index]; false (after a usage
// message) when it is missing or neither.
bool takeReadingOption(Context& context, const char* command, const QStringList& arguments,
                       qsizetype& index, std::optional<ReadingChoice>& reading);
// `--reading` given for a serial that has no second reading: the usage message (exit 2), or
// -1 when there is nothing to say.
int readingNotApplicable(Context& context, const char* command,
                         const std::optional<ReadingChoice>& reading, const LookupResult& result);
// Takes the value of `--part-number N` / `--part-number=N` at arguments[index]; false (after a
// usage message) when it has none.
bool takePartNumberOption(Context& context, const char* command, const QStringList& arguments,
                          qsizetype& index, QString& partNumber);
// "unknown option --x" / "unexpected argument" on context.err, with a pointer to --help.
int usageError(Context& context, const char* command, const QString& problem);
// The bytes a command-line argument came as (main.cpp keeps them): QCoreApplication::arguments()
// has replaced bytes that are not UTF-8 by U+FFFD, and the core should see them to say so. Falls
// back to the argument's UTF-8 where the bytes are not known (Windows, arguments not from argv).
QByteArray rawArgument(const QString& argument);

// A command whose first argument names an action of its own ("db import", "jobs list").
struct Action {
    const char* name;
    int (*run)(Context& context, const QStringList& arguments);
};
// Runs the action `arguments` names with the rest; help (anywhere) prints `printHelp`, no
// action at all prints it too and counts as a usage error, an unknown action says which exist.
int runAction(Context& context, const char* command, const QStringList& arguments,
              std::initializer_list<Action> actions, void (*printHelp)(Context& context));

} // namespace radiocode::cli
