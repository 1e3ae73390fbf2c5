// What the `radiocode` commands share. Each command lives in its own file.
#pragma once

#include "cli/cli_context.h"

#include "radiocode/code_source.h"
#include "radiocode/families.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>

namespace radiocode::storage {
struct Job;
}

namespace radiocode::cli {

// Translation context of the command-line tool's own sentences: Cli::tr("...").
class Cli {
    Q_DECLARE_TR_FUNCTIONS(radiocode::cli)
};

class Command;

// The commands (one file each: lookup_command.cpp, ...); command_line.cpp lists them.
std::unique_ptr<Command> makeLookupCommand();
std::unique_ptr<Command> makeBatchCommand();
std::unique_ptr<Command> makeFamiliesCommand();
std::unique_ptr<Command> makeSheetCommand(); // sheet_command.cpp
std::unique_ptr<Command> makeDbCommand();    // db_command.cpp
std::unique_ptr<Command> makeJobsCommand();  // jobs_command.cpp
// When no code is on record (no_code_commands.cpp): the radio card, a code request, and the
// jobs actions for requests (answer, outcome; list --waiting is runWaitingJobs).
std::unique_ptr<Command> makeCardCommand();
std::unique_ptr<Command> makeRequestCommand();
std::unique_ptr<Command> makeJobsAnswerCommand();
std::unique_ptr<Command> makeJobsOutcomeCommand();
std::unique_ptr<Command> makeScanCommand(); // scan_command.cpp
// `jobs list --waiting` (no_code_commands.cpp), `json` when --json was given.
int runWaitingJobs(Context& context, bool json);
// The closing paragraph of every `jobs` action's help (jobs_command.cpp).
QString jobsExitStatus();
// What identifies a job in `jobs list --json` and `--waiting --json`: id, family, serial,
// technician, customer, registration and vin (jobs_command.cpp).
QJsonObject jobIdentityJson(const storage::Job& job);

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

// Shared by the commands.
// `object` as one line of compact JSON on the output stream (command.cpp).
void printJsonLine(Context& context, const QJsonObject& object);
// "Columns:" and a line for each of `rows` ("  name   what it holds"), wrapped under the
// descriptions that start at column `indent` (command.cpp).
QString columnsHelp(const QStringList& rows, qsizetype indent);
// The core's reading of a serial given as the bytes `raw` (as `family`'s when one is given).
Recognition recogniseSerial(const QByteArray& raw, std::optional<Family> family = std::nullopt);
// "radiocode COMMAND: [WHAT: ]what is wrong with the serial" and the suggested serials, on the
// error stream.
void printSerialProblem(Context& context, const QString& command, const Recognition& recognition,
                        const QString& what = QString());
// "How to enter it:" (the numbered steps for `code`) and "Take care:" (the cautions), as lookup
// prints them under a code.
void printEntrySteps(Context& context, Family family, const std::string& code);
// Looks up a serial as given on the command line, cross-checked with a Blaupunkt part number
// when one is given (`--part-number`; a null string: none), as lookup and sheet share it.
// With `reading`, only that reading of a Blaupunkt 7th-character look-alike is asked.
LookupResult lookupSerial(Context& context, const QByteArray& rawSerial,
                          std::optional<Family> family, const QString& partNumber,
                          std::optional<ReadingChoice> reading = std::nullopt);
// --reading letter|digit, as lookup and sheet declare it, and its value (nothing when not
// given); false, after a usage message, when it is neither.
QCommandLineOption readingOption(const QString& description);
bool readReading(Context& context, const Command& command, const QCommandLineParser& parser,
                 std::optional<ReadingChoice>& reading);
// --reading given for a serial that has no second reading: the usage message's exit code, or -1
// when there is nothing to say.
int readingNotApplicable(Context& context, const Command& command,
                         const std::optional<ReadingChoice>& reading, const LookupResult& result);
// --part-number N, as lookup and sheet declare it, and its value: null when not given.
QCommandLineOption partNumberOption(const QString& description);
QString partNumberValue(const QCommandLineParser& parser);
// --vin of sheet and request: normalised when valid (empty: not given); false, after saying what
// is wrong with it, when not.
bool readVin(Context& context, const Command& command, QString& vin);
// The bytes a command-line argument came as (command_line.cpp keeps them):
// QCoreApplication::arguments() has replaced bytes that are not UTF-8 by U+FFFD, and the core
// should see them to say so. Falls back to the argument's UTF-8 where the bytes are not known
// (Windows, arguments not from argv).
QByteArray rawArgument(const QString& argument);

} // namespace radiocode::cli
