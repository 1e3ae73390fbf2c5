#include "cli/command.h"

#include "cli/commands.h"

#include <QJsonDocument>

#include <algorithm>

namespace radiocode::cli {
namespace {

bool isHelpOption(const QString& argument) {
    return argument == QLatin1String("--help") || argument == QLatin1String("-h");
}

// --help or -h among the options (not after "--", where it would be a positional argument).
bool asksForHelp(const QStringList& arguments) {
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--"))
            return false;
        if (isHelpOption(argument))
            return true;
    }
    return false;
}

// An option's name without its dashes, as QCommandLineParser knows it: "--family=x" -> "family".
QString optionName(const QString& argument) {
    QString name = argument.section(QLatin1Char('='), 0, 0);
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    return name;
}

constexpr QChar nonBreakingSpace(0x00A0);

QString dashed(const QString& name) {
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

// Each line of `text` wrapped for the terminal, its leading spaces kept as the hanging indent.
QString wrappedLines(const QString& text) {
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines) {
        qsizetype indent = 0;
        while (indent < line.size() && line.at(indent) == QLatin1Char(' '))
            ++indent;
        line = wrapped(line, indent);
    }
    return lines.join(QLatin1Char('\n'));
}

QCommandLineOption helpOption() {
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              Cli::tr("show this help"));
}

QString optionEntry(const QCommandLineOption& option) {
    QStringList names;
    for (const QString& name : option.names())
        names << dashed(name);
    QString entry = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        entry += QLatin1Char(' ') + option.valueName();
    return entry;
}

// The options as a table: "  --family F   description", descriptions wrapped beside the names.
QString optionTable(const QList<QCommandLineOption>& options) {
    constexpr qsizetype widest = 24;
    qsizetype width = 0;
    for (const QCommandLineOption& option : options)
        width = std::max(width, std::min(widest, optionEntry(option).size()));
    QString table;
    for (const QCommandLineOption& option : options) {
        if (option.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        const QString entry = QStringLiteral("  ") + optionEntry(option).leftJustified(width);
        table += wrapped(entry + QStringLiteral("  ") + option.description(), width + 4) +
                 QLatin1Char('\n');
    }
    return table;
}

} // namespace

Command::Command(const char* name, const char* summary) : name_(name), summary_(summary) {}

Command::~Command() = default;

QString Command::name() const {
    return QString::fromLatin1(name_);
}

QString Command::summary() const {
    return QCoreApplication::translate("radiocode::cli", summary_);
}

const Command& Command::commandFor(const QStringList&) const {
    return *this;
}

QString Command::usageLine() const {
    const QString start = Cli::tr("Usage: %1").arg(QStringLiteral("radiocode ") + name());
    QString line = start;
    if (const QString synopsis = argumentsSynopsis(); !synopsis.isEmpty())
        line += QLatin1Char(' ') + synopsis;
    for (const QCommandLineOption& option : options()) {
        if (option.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        // "[--copies N]" stays on one line: its space does not break.
        QString entry = dashed(option.names().constFirst());
        if (!option.valueName().isEmpty())
            entry += nonBreakingSpace + option.valueName();
        line += QStringLiteral(" [") + entry + QLatin1Char(']');
    }
    return wrapped(line, start.size() + 1).replace(nonBreakingSpace, QLatin1Char(' '));
}

QString Command::helpText() const {
    QString text = usageLine() + QStringLiteral("\n\n") + wrappedLines(description()) +
                   QStringLiteral("\n\n") + Cli::tr("Options:") + QLatin1Char('\n') +
                   optionTable(options() << helpOption());
    if (const QString more = details(); !more.isEmpty())
        text += QLatin1Char('\n') + more + QLatin1Char('\n');
    return text + QLatin1Char('\n') + wrapped(exitStatus()) + QLatin1Char('\n');
}

int Command::usageError(Context& context, const QString& problem) const {
    context.err << "radiocode " << name() << ": " << problem << "\n"
                << Cli::tr("Try \"radiocode %1 --help\".").arg(name()) << "\n";
    return ExitInvalidInput;
}

QString Command::parseProblem(const QCommandLineParser& parser, const QStringList& arguments,
                              const QList<QCommandLineOption>& options) const {
    if (const QStringList unknown = parser.unknownOptionNames(); !unknown.isEmpty()) {
        for (const QString& argument : arguments) { // said as it was typed
            if (argument == QLatin1String("--"))
                break;
            if (argument.startsWith(QLatin1Char('-')) && optionName(argument) == unknown.first())
                return Cli::tr("unknown option %1").arg(argument.section(QLatin1Char('='), 0, 0));
        }
        return Cli::tr("unknown option %1").arg(dashed(unknown.first()));
    }
    // QCommandLineParser misses a value only at the end: the option is the last argument.
    const QString last = arguments.isEmpty() ? QString() : arguments.constLast();
    for (const QCommandLineOption& option : options) {
        if (!option.valueName().isEmpty() && option.names().contains(optionName(last)))
            return Cli::tr("missing value for %1").arg(last);
    }
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--"))
            break;
        if (!argument.startsWith(QLatin1Char('-')) || !argument.contains(QLatin1Char('=')))
            continue;
        for (const QCommandLineOption& option : options) {
            if (option.valueName().isEmpty() && option.names().contains(optionName(argument)))
                return Cli::tr("%1 takes no value").arg(argument.section(QLatin1Char('='), 0, 0));
        }
    }
    return parser.errorText();
}

int Command::run(Context& context, const QStringList& arguments) const {
    if (asksForHelp(arguments)) {
        context.out << helpText();
        return ExitCodeShown;
    }
    const QList<QCommandLineOption> declared = options();
    QCommandLineParser parser;
    // "-family" is "--family": a word after one dash is never a cluster of one-letter options.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(declared);
    parser.addOption(helpOption());
    if (!parser.parse(QStringList{QStringLiteral("radiocode")} + arguments))
        return usageError(context, parseProblem(parser, arguments, declared));
    return execute(context, parser);
}

CommandGroup::CommandGroup(const char* name, const char* summary) : Command(name, summary) {}

CommandGroup::~CommandGroup() = default;

void CommandGroup::addAction(std::unique_ptr<Command> action) {
    actions_.push_back(std::move(action));
}

const Command* CommandGroup::action(const QString& name) const {
    for (const auto& action : actions_) {
        if (action->name() == this->name() + QLatin1Char(' ') + name)
            return action.get();
    }
    return nullptr;
}

const Command& CommandGroup::commandFor(const QStringList& arguments) const {
    if (const Command* chosen = arguments.isEmpty() ? nullptr : action(arguments.constFirst()))
        return chosen->commandFor(arguments.mid(1));
    return *this;
}

QString CommandGroup::argumentsSynopsis() const {
    return QStringLiteral("ACTION");
}

int CommandGroup::run(Context& context, const QStringList& arguments) const {
    if (arguments.isEmpty()) { // the help, as the usage error it is
        context.out << helpText();
        return ExitInvalidInput;
    }
    if (const Command* chosen = action(arguments.constFirst()))
        return chosen->run(context, arguments.mid(1));
    if (asksForHelp(arguments)) {
        context.out << helpText();
        return ExitCodeShown;
    }
    QStringList names;
    for (const auto& action : actions_)
        names << action->name().section(QLatin1Char(' '), -1);
    const QString last = names.takeLast();
    return usageError(context,
                      Cli::tr("unknown action “%1”: use %2")
                          .arg(arguments.constFirst(),
                               Cli::tr("%1 or %2").arg(names.join(QStringLiteral(", ")), last)));
}

int CommandGroup::execute(Context& context, const QCommandLineParser&) const {
    return run(context, {});
}

QString CommandGroup::helpText() const {
    QString text;
    const QString usage = Cli::tr("Usage: %1").arg(QString());
    for (const auto& action : actions_) {
        QString line = action->usageLine();
        if (!text.isEmpty()) // the next lines start under the first one's command
            line.replace(0, usage.size(), QString(usage.size(), QLatin1Char(' ')));
        text += line + QLatin1Char('\n');
    }
    text += QLatin1Char('\n') + wrappedLines(description()) + QStringLiteral("\n\n") +
            Cli::tr("Actions:") + QLatin1Char('\n');
    qsizetype width = 0;
    for (const auto& action : actions_)
        width = std::max(width, action->name().section(QLatin1Char(' '), -1).size());
    for (const auto& action : actions_)
        text += wrapped(QStringLiteral("  ") +
                            action->name().section(QLatin1Char(' '), -1).leftJustified(width + 2) +
                            action->summary(),
                        width + 4) +
                QLatin1Char('\n');
    text += QLatin1Char('\n') +
            wrapped(Cli::tr("Each action's options: radiocode %1 ACTION --help.").arg(name())) +
            QLatin1Char('\n');
    if (const QString more = details(); !more.isEmpty())
        text += QLatin1Char('\n') + more + QLatin1Char('\n');
    return text + QLatin1Char('\n') + wrapped(exitStatus()) + QLatin1Char('\n');
}

QCommandLineOption valueOption(const char* name, const char* valueName,
                               const QString& description) {
    return QCommandLineOption(QString::fromLatin1(name), description,
                              QString::fromLatin1(valueName));
}

QCommandLineOption familyOption(const QString& description) {
    return valueOption("family", "F", description);
}

QCommandLineOption jsonOption(const QString& description) {
    return QCommandLineOption(QStringLiteral("json"), description);
}

bool readFamily(Context& context, const Command& command, const QCommandLineParser& parser,
                std::optional<Family>& family) {
    if (!parser.isSet(QStringLiteral("family")))
        return true;
    const QString value = parser.value(QStringLiteral("family"));
    const QByteArray id = value.toUtf8();
    family = familyFromId(std::string_view(id.constData(), static_cast<std::size_t>(id.size())));
    if (family)
        return true;
    QStringList ids;
    for (const Family known : allFamilies)
        ids << QString::fromLatin1(familyId(known).data(),
                                   static_cast<qsizetype>(familyId(known).size()));
    command.usageError(context, Cli::tr("unknown radio family \"%1\": use one of %2.")
                                    .arg(value, ids.join(QLatin1String(", "))));
    return false;
}

void printJsonLine(Context& context, const QJsonObject& object) {
    context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << "\n";
}

QString columnsHelp(const QStringList& rows, qsizetype indent) {
    QString text = Cli::tr("Columns:");
    for (const QString& row : rows)
        text += QLatin1Char('\n') + wrapped(row, indent);
    return text;
}

} // namespace radiocode::cli
