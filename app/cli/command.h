// One `radiocode` command, or one action of a command ("db import"), over QCommandLineParser:
// each declares what it takes once, and the parsing, the help text and the usage errors follow
// from that declaration alike for every command.
#pragma once

#include "cli/cli_context.h"

#include "radiocode/families.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace radiocode::cli {

// Each command is a small subclass that only declares its parts (options, synopsis, description,
// exit status, execute), so the command classes look alike by design; what they do alike lives
// in commands.h and database_access.h.
class Command {
public:
    // `name` as typed ("lookup", "db import"); `summary` marked with
    // QT_TRANSLATE_NOOP("radiocode::cli", ...) and translated when shown.
    Command(const char* name, const char* summary);
    virtual ~Command();
    Command(const Command&) = delete;
    Command& operator=(const Command&) = delete;

    QString name() const;
    QString summary() const;
    // Commands that draw pages (a PDF needs fonts) need a GUI platform; the program then starts
    // on the offscreen one. Every other command runs on a plain QCoreApplication.
    virtual bool drawsPages() const { return false; }
    // The action `arguments` names, for a command made of actions; else this command itself.
    virtual const Command& commandFor(const QStringList& arguments) const;

    // Runs the command with the arguments that follow its name: --help (or -h) anywhere before
    // "--" prints the help, arguments that do not fit the options are a usage error.
    virtual int run(Context& context, const QStringList& arguments) const;
    // What `radiocode NAME --help` prints.
    virtual QString helpText() const;
    // "Usage: radiocode NAME ..." from the declared arguments and options.
    QString usageLine() const;

    // "radiocode NAME: PROBLEM" and the pointer to `radiocode NAME --help` on the error stream.
    // Returns ExitInvalidInput.
    int usageError(Context& context, const QString& problem) const;

    // What the command takes. Asked when it runs, so that descriptions are in the language the
    // user chose with --lang.
    virtual QList<QCommandLineOption> options() const { return {}; }

protected:
    // The positional arguments in the usage line ("SERIAL...", "[FILE|-]"); empty: none.
    virtual QString argumentsSynopsis() const { return {}; }
    // The paragraph after the usage line: what the command does.
    virtual QString description() const = 0;
    // Anything to say after the options (the CSV columns batch writes, ...); empty: nothing.
    virtual QString details() const { return {}; }
    // The closing "Exit status: ..." paragraph.
    virtual QString exitStatus() const = 0;
    // Runs once the arguments parsed against options().
    virtual int execute(Context& context, const QCommandLineParser& parser) const = 0;

private:
    QString parseProblem(const QCommandLineParser& parser, const QStringList& arguments,
                         const QList<QCommandLineOption>& options) const;

    const char* name_;
    const char* summary_;
};

// A command whose first argument names one of its actions ("db import", "jobs list"). Help
// lists the actions and their usage lines; without an action it is printed as a usage error.
class CommandGroup : public Command {
public:
    CommandGroup(const char* name, const char* summary);
    ~CommandGroup() override;

    const Command& commandFor(const QStringList& arguments) const override;
    int run(Context& context, const QStringList& arguments) const override;
    QString helpText() const override;
    const std::vector<std::unique_ptr<Command>>& actions() const { return actions_; }

protected:
    void addAction(std::unique_ptr<Command> action);
    QString argumentsSynopsis() const override;
    int execute(Context& context, const QCommandLineParser& parser) const override;

private:
    const Command* action(const QString& name) const;

    std::vector<std::unique_ptr<Command>> actions_;
};

// The options several commands share, declared once.
// --NAME VALUE-NAME: an option that takes a value.
QCommandLineOption valueOption(const char* name, const char* valueName, const QString& description);
QCommandLineOption familyOption(const QString& description);
QCommandLineOption jsonOption(const QString& description);
// Reads --family when it was given: false, after a usage error, when it names no family.
bool readFamily(Context& context, const Command& command, const QCommandLineParser& parser,
                std::optional<Family>& family);

} // namespace radiocode::cli
