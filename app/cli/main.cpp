// radiocode: the command-line tool. Subcommands are listed in `commands` below.
#include "commands.h"
#include "database_location.h"
#include "i18n.h"
#include "sheet_command.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

namespace radiocode::cli {
namespace {

// The program's arguments as the operating system passed them (see rawArgument()).
QList<QByteArray>& rawArguments() {
    static QList<QByteArray> arguments;
    return arguments;
}

const Command commands[] = {
    {"lookup", QT_TRANSLATE_NOOP("radiocode::cli", "Find the code for one serial"), runLookup},
    {"batch", QT_TRANSLATE_NOOP("radiocode::cli", "Answer one serial per line as CSV"), runBatch},
    {"families", QT_TRANSLATE_NOOP("radiocode::cli", "List the radio families"), runFamilies},
    {"sheet", QT_TRANSLATE_NOOP("radiocode::cli", "Write the printable instruction sheet (PDF)"),
     runSheet},
    {"db", QT_TRANSLATE_NOOP("radiocode::cli", "Import, add and export codes of the code database"),
     runDb},
    {"jobs", QT_TRANSLATE_NOOP("radiocode::cli", "List and export the job log"), runJobs},
    {"card", QT_TRANSLATE_NOOP("radiocode::cli", "The code from the owner's radio card"), runCard},
    {"request", QT_TRANSLATE_NOOP("radiocode::cli", "Ask a dealer for the code (PDF letter)"),
     runRequest},
    {"scan", QT_TRANSLATE_NOOP("radiocode::cli", "Read the serials off pictures of the label"),
     runScan},
};

QString summaryOf(const Command& command) {
    return QCoreApplication::translate("radiocode::cli", command.summary);
}

void printHelp(Context& context) {
    context.out << wrapped(Cli::tr("radiocode %1: unlock codes for Nissan radios (Blaupunkt, "
                                   "Renault, Becker, Visteon).")
                               .arg(QStringLiteral(RADIOCODE_VERSION)))
                << "\n\n"
                << Cli::tr(
                       "Usage: radiocode [--database URL] [--lang tr|de|en] COMMAND [ARGUMENTS]")
                << "\n\n"
                << Cli::tr("Commands:") << "\n";
    qsizetype width = 0;
    for (const auto& command : commands)
        width = std::max(width, qsizetype(qstrlen(command.name)));
    for (const auto& command : commands)
        context.out << wrapped(QStringLiteral("  ") +
                                   QString::fromLatin1(command.name).leftJustified(width + 2) +
                                   summaryOf(command),
                               width + 4)
                    << "\n";
    context.out << "\n"
                << Cli::tr("Options (before or after the command):") << "\n"
                << "  --database URL   " << Cli::tr("the code database to use") << "\n"
                << "  --lang tr|de|en  " << Cli::tr("the language of messages and steps") << "\n"
                << "  --help           " << Cli::tr("this help; COMMAND --help: that command's")
                << "\n"
                << "  --version        " << Cli::tr("the program's version") << "\n\n"
                << wrapped(Cli::tr("Exit status: 0 a code was shown (or the work was done), 1 "
                                   "the serial is fine but no code can be given, 2 invalid input "
                                   "or arguments, 3 the work could not be done."))
                << "\n";
}

// Takes the global options (--database, --lang) out of the arguments, wherever they stand.
// Arguments after "--" are left alone. Returns false when one is malformed.
bool takeGlobalOptions(Context& context, QStringList& arguments) {
    QStringList rest;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (optionsEnded) {
            rest << argument;
            continue;
        }
        if (argument == QLatin1String("--")) {
            optionsEnded = true;
            rest << argument;
            continue;
        }
        QString* target = nullptr;
        QString name;
        for (const auto& [option, field] :
             {std::pair{QLatin1String("--database"), &context.databaseUrl},
              std::pair{QLatin1String("--lang"), &context.language}}) {
            if (argument == option || argument.startsWith(option + QLatin1Char('='))) {
                target = field;
                name = option;
            }
        }
        if (!target) {
            rest << argument;
            continue;
        }
        QString value;
        QByteArray bytes;
        if (argument.size() > name.size()) {
            value = argument.mid(name.size() + 1);
            bytes = rawArgument(argument).mid(name.size() + 1);
        } else if (i + 1 < arguments.size()) {
            value = arguments.at(++i);
            bytes = rawArgument(value);
        } else {
            context.err << Cli::tr("radiocode: %1 needs a value.").arg(name) << "\n";
            return false;
        }
        if (value.isEmpty()) {
            context.err << Cli::tr("radiocode: %1 needs a value.").arg(name) << "\n";
            return false;
        }
        *target = value;
        if (target == &context.databaseUrl)
            context.databaseUrlBytes = bytes;
    }
    // A malformed --database is a mistake in the arguments, whichever command it came with.
    if (!context.databaseUrl.isEmpty()) {
        QString problem;
        if (!storage::DatabaseUrl::parse(context.databaseUrl, &problem)) {
            context.err << "radiocode: --database: " << problem << "\n";
            return false;
        }
    }
    if (!context.language.isEmpty() && !availableLanguages().contains(context.language)) {
        context.err << Cli::tr("radiocode: unknown language \"%1\": use one of %2.")
                           .arg(context.language, availableLanguages().join(QLatin1String(", ")))
                    << "\n";
        return false;
    }
    arguments = rest;
    return true;
}

} // namespace

bool isHelpOption(const QString& argument) {
    return argument == QLatin1String("--help") || argument == QLatin1String("-h");
}

bool takeFamilyOption(Context& context, const QStringList& arguments, qsizetype& index,
                      std::optional<Family>& family) {
    const QString& argument = arguments.at(index);
    QString value;
    if (argument.startsWith(QLatin1String("--family="))) {
        value = argument.mid(9);
    } else if (index + 1 < arguments.size()) {
        value = arguments.at(++index);
    } else {
        context.err << Cli::tr("radiocode: --family needs a value.") << "\n";
        return false;
    }
    const QByteArray id = value.toUtf8();
    family = familyFromId(std::string_view(id.constData(), static_cast<std::size_t>(id.size())));
    if (!family) {
        QStringList ids;
        for (const Family known : allFamilies)
            ids << QString::fromLatin1(familyId(known).data(),
                                       static_cast<qsizetype>(familyId(known).size()));
        context.err << Cli::tr("radiocode: unknown radio family \"%1\": use one of %2.")
                           .arg(value, ids.join(QLatin1String(", ")))
                    << "\n";
        return false;
    }
    return true;
}

QByteArray rawArgument(const QString& argument) {
    // The arguments were decoded from these bytes: the bytes that decode to `argument` are what
    // was typed. Several different byte strings decoding alike differ only in bytes that are not
    // UTF-8, which the core refuses whichever it sees.
    for (const QByteArray& raw : rawArguments()) {
        if (QString::fromLocal8Bit(raw) == argument)
            return raw;
    }
    return argument.toUtf8();
}

int usageError(Context& context, const char* command, const QString& problem) {
    context.err << "radiocode " << command << ": " << problem << "\n"
                << Cli::tr("Try \"radiocode %1 --help\".").arg(QString::fromLatin1(command))
                << "\n";
    return ExitInvalidInput;
}

int runAction(Context& context, const char* command, const QStringList& arguments,
              std::initializer_list<Action> actions, void (*printHelp)(Context& context)) {
    const bool helpAsked = std::any_of(arguments.begin(), arguments.end(), isHelpOption);
    if (arguments.isEmpty() || helpAsked) {
        printHelp(context);
        return helpAsked ? ExitCodeShown : ExitInvalidInput;
    }
    const QString& name = arguments.first();
    QStringList names;
    for (const Action& action : actions) {
        if (name == QLatin1String(action.name))
            return action.run(context, arguments.mid(1));
        names << QString::fromLatin1(action.name);
    }
    const QString last = names.takeLast();
    return usageError(
        context, command,
        Cli::tr("unknown action “%1”: use %2")
            .arg(name, Cli::tr("%1 or %2").arg(names.join(QStringLiteral(", ")), last)));
}

} // namespace radiocode::cli

namespace {

// Everything printed must reach its file: a full disk or /dev/full is an error, not a success.
int checkedOutput(radiocode::cli::Context& context, int status) {
    using namespace radiocode::cli;
    context.out.flush();
    if (context.out.status() == QTextStream::Ok && std::fflush(stdout) == 0 && !std::ferror(stdout))
        return status;
    if (status == ExitFailure)
        return status; // the command has said what went wrong
    context.err << Cli::tr("radiocode: the output could not be written (is the disk full?).")
                << "\n";
    context.err.flush();
    return ExitFailure;
}

} // namespace

namespace {

int runCommandLine(radiocode::cli::Context& context) {
    using namespace radiocode::cli;
    QStringList arguments = QCoreApplication::arguments().mid(1);
    const bool optionsOk = takeGlobalOptions(context, arguments);
    radiocode::installTranslations(context.language);
    if (!optionsOk)
        return ExitInvalidInput;

    if (arguments.isEmpty() || isHelpOption(arguments.first())) {
        printHelp(context);
        return ExitCodeShown;
    }
    if (arguments.first() == QLatin1String("--version")) {
        context.out << "radiocode " << RADIOCODE_VERSION << "\n";
        return ExitCodeShown;
    }
    // "radiocode help lookup" reads as "radiocode lookup --help".
    if (arguments.first() == QLatin1String("help")) {
        if (arguments.size() == 1) {
            printHelp(context);
            return ExitCodeShown;
        }
        arguments = {arguments.at(1), QStringLiteral("--help")};
    }
    for (const auto& command : commands) {
        if (arguments.first() == QLatin1String(command.name))
            return command.run(context, arguments.mid(1));
    }
    context.err << Cli::tr("radiocode: unknown command \"%1\".").arg(arguments.first()) << "\n"
                << Cli::tr("Try \"radiocode --help\".") << "\n";
    return ExitInvalidInput;
}

} // namespace

int main(int argc, char** argv) {
    using namespace radiocode::cli;
#ifndef Q_OS_WIN // Windows passes arguments in the ANSI code page: Qt's decoding is the best there
    for (int i = 1; i < argc; ++i)
        rawArguments().append(QByteArray(argv[i]));
#endif
    const auto app = createApplication(argc, argv); // sheet_command.cpp: fonts for `sheet`
    QCoreApplication::setApplicationName(QStringLiteral("radiocode"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RADIOCODE_VERSION));
    Context context;
    return checkedOutput(context, runCommandLine(context));
}
