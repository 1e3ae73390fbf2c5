// radiocode: the command-line tool. Subcommands are listed in `commands` below.
#include "commands.h"
#include "i18n.h"

#include <QCoreApplication>

namespace radiocode::cli {
namespace {

int runFamilies(Context& context, const QStringList&) {
    context.out << "blaupunkt\nrenault\nbecker\nvisteon\n";
    return ExitCodeShown;
}

const Command commands[] = {
    {"families", QT_TRANSLATE_NOOP("radiocode::cli", "List the radio families"), runFamilies},
};

} // namespace
} // namespace radiocode::cli

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("radiocode"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RADIOCODE_VERSION));
    radiocode::installTranslations();
    radiocode::cli::Context context;
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help")) {
        context.out << "radiocode " << RADIOCODE_VERSION << "\n";
        for (const auto& command : radiocode::cli::commands)
            context.out << "  " << command.name << "  " << command.summary << "\n";
        return 0;
    }
    for (const auto& command : radiocode::cli::commands) {
        if (arguments.first() == QLatin1String(command.name))
            return command.run(context, arguments.mid(1));
    }
    context.err << "unknown command\n";
    return radiocode::cli::ExitInvalidInput;
}
