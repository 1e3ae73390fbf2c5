// radiocode families: the four radio families, their serial format and where codes come from.
#include "cli/command.h"
#include "cli/commands.h"
#include "common/texts.h"

namespace radiocode::cli {

namespace {

class FamiliesCommand final : public Command {
public:
    FamiliesCommand()
        : Command("families", QT_TRANSLATE_NOOP("radiocode::cli", "List the radio families")) {}

protected:
    QString description() const override {
        return Cli::tr("Lists the radio families: id (for --family), name, serial format, where "
                       "the code comes from, an example serial.");
    }
    QString exitStatus() const override {
        return Cli::tr("Exit status: 0 the families were listed, 2 bad arguments.");
    }

    int execute(Context& context, const QCommandLineParser& parser) const override {
        if (!parser.positionalArguments().isEmpty())
            return usageError(
                context,
                Cli::tr("unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
        printFamilies(context);
        return ExitCodeShown;
    }

    static void printFamilies(Context& context) {
        struct Row {
            QString id, name, format, origin, example;
        };
        QList<Row> rows;
        Row widths{Cli::tr("ID"), Cli::tr("NAME"), Cli::tr("SERIAL FORMAT"), Cli::tr("CODE FROM"),
                   Cli::tr("EXAMPLE")};
        rows << widths;
        for (const Family family : allFamilies) {
            const FamilyInfo& info = familyInfo(family);
            rows << Row{Texts::fromUtf8(info.id), Texts::familyName(family),
                        Texts::serialFormat(family), Texts::codeOrigin(family),
                        info.examples.empty() ? QString() : Texts::fromUtf8(info.examples.front())};
        }
        qsizetype w[4] = {0, 0, 0, 0};
        for (const Row& row : rows) {
            w[0] = std::max(w[0], row.id.size());
            w[1] = std::max(w[1], row.name.size());
            w[2] = std::max(w[2], row.format.size());
            w[3] = std::max(w[3], row.origin.size());
        }
        for (const Row& row : rows)
            context.out << row.id.leftJustified(w[0] + 2) << row.name.leftJustified(w[1] + 2)
                        << row.format.leftJustified(w[2] + 2) << row.origin.leftJustified(w[3] + 2)
                        << row.example << "\n";
    }
};

} // namespace

std::unique_ptr<Command> makeFamiliesCommand() {
    return std::make_unique<FamiliesCommand>();
}

} // namespace radiocode::cli
