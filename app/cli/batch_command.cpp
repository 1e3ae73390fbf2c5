// radiocode batch [FILE|-]: one CSV row per input line (the lines themselves are
// handled in batch_lines.cpp).
#include "cli/batch_lines.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/platform_io.h"
#include "common/i18n.h"

#include <QElapsedTimer>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace radiocode::cli {
namespace {

// On a terminal, long work says how far it has got (a code database makes lines slow).
class Progress {
public:
    explicit Progress(QTextStream& err) : err_(err), enabled_(stderrIsTerminal()) {
        timer_.start();
    }
    void update(std::size_t lines) {
        if (!enabled_ || timer_.elapsed() < nextReportMs_)
            return;
        nextReportMs_ = timer_.elapsed() + 500;
        err_ << "\r" << Cli::tr("%1 lines answered…").arg(lines) << Qt::flush;
        shown_ = true;
    }
    void finish(std::size_t lines) {
        if (shown_)
            err_ << "\r" << Cli::tr("%1 lines answered.").arg(lines) << "\n" << Qt::flush;
    }

private:
    QTextStream& err_;
    bool enabled_;
    bool shown_ = false;
    QElapsedTimer timer_;
    qint64 nextReportMs_ = 1000; // quick runs stay silent
};

class BatchCommand final : public Command {
public:
    BatchCommand()
        : Command("batch",
                  QT_TRANSLATE_NOOP("radiocode::cli", "Answer one serial per line as CSV")) {}

protected:
    QList<QCommandLineOption> options() const override {
        return {familyOption(Cli::tr("read every line as this family's serial"))};
    }
    QString argumentsSynopsis() const override { return QStringLiteral("[FILE|-]"); }
    QString description() const override {
        return Cli::tr("Reads one serial per line from FILE (or standard input, also for \"-\") "
                       "and writes one CSV row per line to standard output, with the header:") +
               QStringLiteral("\n  input,series,serial,status,code,source,message\n\n") +
               Cli::tr("Every line is answered, blank lines as invalid; CRLF line ends are "
                       "accepted. Fields are quoted as RFC 4180 says; rows end with LF.");
    }
    QString details() const override {
        return columnsHelp(
            {Cli::tr("  input    the line as read (bytes that are not UTF-8 and NUL shown as �; "
                     "lines over %1 bytes cut and marked with …)")
                 .arg(batchEchoedBytes),
             Cli::tr("  series   blaupunkt, renault, becker, visteon or unknown"),
             Cli::tr("  serial   the normalised serial (empty when the line is invalid)"),
             Cli::tr("  status   ok, invalid, unsupported, not-found, or unreachable (the code "
                     "database could not be asked: the code may be on record)"),
             Cli::tr("  code     the four digits when status is ok"),
             Cli::tr("  source   where the code came from (algorithm:…, database:…)"),
             Cli::tr("  message  why there is no code, what is wrong and the suggestion, or how "
                     "the line was read (precode from a barcode text, 17-character label); empty "
                     "for a plain ok. English unless --lang is given.")},
            11);
    }
    QString exitStatus() const override {
        return Cli::tr("Exit status: 0 the input was read through, 2 bad arguments, 3 the file "
                       "could not be read.");
    }
    int execute(Context& context, const QCommandLineParser& parser) const override;
};

} // namespace

std::unique_ptr<Command> makeBatchCommand() {
    return std::make_unique<BatchCommand>();
}

int BatchCommand::execute(Context& context, const QCommandLineParser& parser) const {
    std::optional<Family> family;
    if (!readFamily(context, *this, parser, family))
        return ExitInvalidInput;
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        return usageError(context,
                          Cli::tr("only one input file can be given (\"%1\").").arg(files.at(1)));
    const bool havePath = !files.isEmpty();
    const QString path = havePath ? files.first() : QString();

    std::FILE* input = context.input;
    if (havePath && path != QLatin1String("-")) {
#ifdef _WIN32
        input = std::fopen(QFile::encodeName(path).constData(), "rb");
#else
        // The name as the bytes given: a name that is not UTF-8 is still the file it names.
        input = std::fopen(rawArgument(path).constData(), "rb");
#endif
        if (!input) {
            context.err << Cli::tr("radiocode batch: cannot open %1: %2")
                               .arg(path, QString::fromLocal8Bit(std::strerror(errno)))
                        << "\n";
            return ExitFailure;
        }
    }
    // The message column is English unless a language was asked for: a data file should not
    // change with the machine's locale.
    if (context.language.isEmpty())
        installTranslations(QStringLiteral("en"));

    context.out.flush();
    Progress progress(context.err);
    const BatchRun run = answerBatch(input, context.output, context.finder(), family,
                                     [&progress](std::size_t lines) { progress.update(lines); });
    progress.finish(run.lines);
    if (input != context.input)
        std::fclose(input);
    if (run.outcome == BatchOutcome::WriteFailed) {
        context.err << Cli::tr("radiocode batch: cannot write the output.") << "\n";
        return ExitFailure;
    }
    if (run.outcome == BatchOutcome::ReadFailed) {
        context.err << Cli::tr("radiocode batch: reading %1 failed: %2")
                           .arg(havePath ? path : Cli::tr("standard input"),
                                QString::fromLocal8Bit(std::strerror(run.readError)))
                    << "\n";
        return ExitFailure;
    }
    return ExitCodeShown;
}

} // namespace radiocode::cli
