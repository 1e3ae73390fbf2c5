#include "cli/command_line.h"

#include "cli/commands.h"
#include "cli/database_access.h"
#include "common/i18n.h"

#include "storage/database_location.h"

#include <QGuiApplication>

#include <algorithm>
#include <cstdio>

namespace radiocode::cli {
namespace {

// The program's arguments as the operating system passed them (see rawArgument()).
QList<QByteArray>& rawArguments() {
    static QList<QByteArray> arguments;
    return arguments;
}

// The options every command takes, before or after the command's name.
struct GlobalOptions {
    QString databaseUrl;         // --database URL
    QByteArray databaseUrlBytes; // the same as the bytes given
    QString language;            // --lang
    QString problem;             // an option without its value
    QStringList rest;            // the other arguments, in order
};

// Takes --database and --lang out of the arguments, wherever they stand; arguments after "--"
// are left alone.
GlobalOptions takeGlobalOptions(const QStringList& arguments) {
    GlobalOptions options;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (optionsEnded || argument == QLatin1String("--")) {
            optionsEnded = true;
            options.rest << argument;
            continue;
        }
        QString* target = nullptr;
        QString name;
        for (const auto& [option, field] :
             {std::pair{QLatin1String("--database"), &options.databaseUrl},
              std::pair{QLatin1String("--lang"), &options.language}}) {
            if (argument == option || argument.startsWith(option + QLatin1Char('='))) {
                target = field;
                name = option;
            }
        }
        if (!target) {
            options.rest << argument;
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
        }
        if (value.isEmpty() && options.problem.isEmpty())
            options.problem = Cli::tr("radiocode: %1 needs a value.").arg(name);
        *target = value;
        if (target == &options.databaseUrl)
            options.databaseUrlBytes = bytes;
    }
    return options;
}

// The problem with the global options' values, or nothing.
QString globalOptionProblem(const GlobalOptions& options) {
    if (!options.problem.isEmpty())
        return options.problem;
    // A malformed --database is a mistake in the arguments, whichever command it came with.
    if (!options.databaseUrl.isEmpty()) {
        QString problem;
        if (!storage::DatabaseUrl::parse(options.databaseUrl, &problem))
            return QStringLiteral("radiocode: --database: ") + problem;
    }
    if (!options.language.isEmpty() && !availableLanguages().contains(options.language))
        return Cli::tr("radiocode: unknown language \"%1\": use one of %2.")
            .arg(options.language, availableLanguages().join(QLatin1String(", ")));
    return {};
}

const Command* commandNamed(const QString& name) {
    for (const auto& command : commands()) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
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
    for (const auto& command : commands())
        width = std::max(width, command->name().size());
    for (const auto& command : commands())
        context.out << wrapped(QStringLiteral("  ") + command->name().leftJustified(width + 2) +
                                   command->summary(),
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

bool isHelpOption(const QString& argument) {
    return argument == QLatin1String("--help") || argument == QLatin1String("-h");
}

// Everything printed must reach its file: a full disk or /dev/full is an error, not a success.
int checkedOutput(Context& context, int status) {
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

const std::vector<std::unique_ptr<Command>>& commands() {
    static const std::vector<std::unique_ptr<Command>> all = [] {
        std::vector<std::unique_ptr<Command>> list;
        list.push_back(makeLookupCommand());
        list.push_back(makeBatchCommand());
        list.push_back(makeFamiliesCommand());
        list.push_back(makeSheetCommand());
        list.push_back(makeDbCommand());
        list.push_back(makeJobsCommand());
        list.push_back(makeCardCommand());
        list.push_back(makeRequestCommand());
        list.push_back(makeScanCommand());
        return list;
    }();
    return all;
}

int runCommandLine(Context& context, const QStringList& commandLine) {
    const GlobalOptions options = takeGlobalOptions(commandLine);
    context.databaseUrl = options.databaseUrl;
    context.databaseUrlBytes = options.databaseUrlBytes;
    context.language = options.language;
    const QString problem = globalOptionProblem(options);
    installTranslations(problem.isEmpty() ? context.language : QString());
    if (!problem.isEmpty()) {
        context.err << problem << "\n";
        return ExitInvalidInput;
    }
    if (!context.addSources)
        context.addSources = addDatabaseSource;

    QStringList arguments = options.rest;
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
        arguments = arguments.mid(1) << QStringLiteral("--help");
    }
    if (const Command* command = commandNamed(arguments.first()))
        return command->run(context, arguments.mid(1));
    context.err << Cli::tr("radiocode: unknown command \"%1\".").arg(arguments.first()) << "\n"
                << Cli::tr("Try \"radiocode --help\".") << "\n";
    return ExitInvalidInput;
}

std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv) {
    QStringList arguments;
    for (int i = 1; i < argc; ++i) {
#ifndef Q_OS_WIN // Windows passes arguments in the ANSI code page: Qt's decoding is the best there
        rawArguments().append(QByteArray(argv[i]));
#endif
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    const QStringList rest = takeGlobalOptions(arguments).rest;
    const Command* command = rest.isEmpty() ? nullptr : commandNamed(rest.first());
    if (!command || !command->commandFor(rest.mid(1)).drawsPages())
        return std::make_unique<QCoreApplication>(argc, argv);
    // Rendering needs no window system: never wait for (or fail on) a missing display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's note about a missing XDG_RUNTIME_DIR means nothing to someone writing a PDF.
    static QtMessageHandler previousHandler = nullptr;
    previousHandler = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext& where, const QString& text) {
            if (text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
                return;
            if (previousHandler)
                previousHandler(type, where, text);
        });
    return std::make_unique<QGuiApplication>(argc, argv);
}

int runProgram() {
    QCoreApplication::setApplicationName(QStringLiteral("radiocode"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RADIOCODE_VERSION));
    Context context;
    return checkedOutput(context, runCommandLine(context, QCoreApplication::arguments().mid(1)));
}

} // namespace radiocode::cli
