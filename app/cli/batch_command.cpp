// radiocode batch [FILE|-] [--family F]: one CSV row per input line.
//
// Built for large files: input is read in fixed blocks, output collects in one buffer written in
// large pieces, and a line costs no heap allocation beyond what the core's lookup needs. A line
// of any length is answered in constant memory: only its first bytes are kept (for the echo in
// the `input` column); the core refuses anything over maxInputBytes by its length alone.
#include "commands.h"
#include "i18n.h"
#include "platform_io.h"
#include "texts.h"

#include <QElapsedTimer>
#include <QFile>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace radiocode::cli {
namespace {

// The `input` column echoes at most this many bytes of a line; a longer line is cut there (at a
// character boundary) and marked with "…". The message still gives the line's full length.
constexpr std::size_t echoedBytes = 1000;
constexpr std::size_t readBlockBytes = 1 << 16;
constexpr std::size_t outputFlushBytes = 1 << 18;

void printHelp(Context& context) {
    context.out
        << Cli::tr("Usage: radiocode batch [FILE|-] [--family F]") << "\n\n"
        << wrapped(Cli::tr("Reads one serial per line from FILE (or standard input, also for "
                           "\"-\") and writes one CSV row per line to standard output, with the "
                           "header:"))
        << "\n  input,series,serial,status,code,source,message\n\n"
        << wrapped(Cli::tr("  input    the line as read (bytes that are not UTF-8 and "
                           "NUL shown as �; lines over %1 bytes cut and marked with …)")
                       .arg(echoedBytes),
                   11)
        << "\n"
        << Cli::tr("  series   blaupunkt, renault, becker, visteon or unknown") << "\n"
        << wrapped(Cli::tr("  serial   the normalised serial (empty when the line is invalid)"), 11)
        << "\n"
        << Cli::tr("  status   ok, invalid, unsupported or not-found") << "\n"
        << Cli::tr("  code     the four digits when status is ok") << "\n"
        << wrapped(Cli::tr("  source   where the code came from (algorithm:…, database:…)"), 11)
        << "\n"
        << wrapped(Cli::tr("  message  why there is no code, what is wrong and the suggestion, or "
                           "how the line was read (precode from a barcode text, 17-character "
                           "label); empty for a plain ok. English unless --lang is given."),
                   11)
        << "\n\n"
        << wrapped(Cli::tr("Every line is answered, blank lines as invalid; CRLF line ends are "
                           "accepted. Fields are quoted as RFC 4180 says; rows end with LF."))
        << "\n\n"
        << Cli::tr("Options:") << "\n"
        << "  --family F  " << Cli::tr("read every line as this family's serial") << "\n\n"
        << wrapped(Cli::tr("Exit status: 0 the input was read through, 2 bad arguments, 3 the "
                           "file could not be read."))
        << "\n";
}

// A byte buffer with std::string's appends, small enough to inline: a row is a dozen appends.
class ByteBuffer {
public:
    explicit ByteBuffer(std::size_t capacity)
        : bytes_(std::make_unique<char[]>(capacity)), capacity_(capacity) {}
    void push_back(char c) {
        if (size_ == capacity_)
            grow(1);
        bytes_[size_++] = c;
    }
    void append(const char* text, std::size_t length) {
        if (capacity_ - size_ < length)
            grow(length);
        std::memcpy(bytes_.get() + size_, text, length);
        size_ += length;
    }
    void append(std::string_view text) { append(text.data(), text.size()); }
    const char* data() const { return bytes_.get(); }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    void clear() { size_ = 0; }

private:
    void grow(std::size_t needed) { // only when one row outgrows the room left (never, nearly)
        const std::size_t capacity = std::max(capacity_ * 2, size_ + needed);
        auto bytes = std::make_unique<char[]>(capacity);
        std::memcpy(bytes.get(), bytes_.get(), size_);
        bytes_ = std::move(bytes);
        capacity_ = capacity;
    }

    std::unique_ptr<char[]> bytes_;
    std::size_t capacity_;
    std::size_t size_ = 0;
};

// Appends UTF-8 text to one large buffer and writes it out in big pieces.
class CsvWriter {
public:
    explicit CsvWriter(std::FILE* file) : file_(file), buffer_(outputFlushBytes * 2) {}
    ~CsvWriter() { flush(); }

    void raw(std::string_view text) { buffer_.append(text); }
    void field(const QByteArray& text) {
        field(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    }
    void comma() { buffer_.push_back(','); }
    void endRow() {
        buffer_.push_back('\n'); // LF, as Unix tools expect; quoting follows RFC 4180
        if (buffer_.size() >= outputFlushBytes)
            flush();
    }

    // A field that is valid UTF-8 already (produced by this program).
    void field(std::string_view text) {
        if (!needsQuotes(text)) {
            buffer_.append(text);
            return;
        }
        buffer_.push_back('"');
        for (const char c : text) {
            if (c == '"')
                buffer_.push_back('"');
            buffer_.push_back(c);
        }
        buffer_.push_back('"');
    }

    // A field from outside, echoed exactly except where it cannot be: bytes that are not UTF-8,
    // and NUL, become U+FFFD, so the file stays readable text. `cut` adds "…" to say the text
    // went on.
    void foreignField(std::string_view text, bool cut) {
        const bool quoted = needsQuotes(text);
        if (quoted)
            buffer_.push_back('"');
        std::size_t at = 0;
        while (at < text.size()) {
            // The common case, plain printable ASCII: copied a run at a time.
            std::size_t end = at;
            while (end < text.size() && isPlainAscii(text[end]))
                ++end;
            buffer_.append(text.data() + at, end - at);
            at = end;
            if (at == text.size())
                break;
            const auto byte = static_cast<unsigned char>(text[at]);
            if (byte == '"') {
                buffer_.append("\"\"");
                ++at;
                continue;
            }
            const std::size_t length = utf8SequenceLength(text, at);
            if (length == 0) { // not UTF-8: one replacement per bad byte
                buffer_.append(replacementCharacter);
                ++at;
                continue;
            }
            if (byte == 0) { // NUL: most CSV readers would cut the text there
                buffer_.append(replacementCharacter);
                ++at;
                continue;
            }
            buffer_.append(text.data() + at, length);
            at += length;
        }
        if (cut)
            buffer_.append("\u2026");
        if (quoted)
            buffer_.push_back('"');
    }

    bool flush() {
        if (!buffer_.empty()) {
            if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
                failed_ = true;
            buffer_.clear();
        }
        if (std::fflush(file_) != 0)
            failed_ = true;
        return !failed_;
    }
    bool failed() const { return failed_; }

private:
    static constexpr std::string_view replacementCharacter = "\uFFFD";

    static bool needsQuotes(std::string_view text) {
        for (const char c : text) {
            if (isSpecial(c))
                return true;
        }
        return false;
    }
    // Characters that force RFC 4180 quoting: all below '-', so most bytes leave at one compare.
    static bool isSpecial(char c) {
        return c < '-' && (c == ',' || c == '"' || c == '\n' || c == '\r');
    }
    // Printable ASCII other than '"': copied as they are (',' included, the field is quoted).
    static bool isPlainAscii(char c) { return c >= 0x20 && c < 0x7F && c != '"'; }

    // Length of the valid UTF-8 sequence (1-4) at `at`, 0 when the bytes there are not one.
    static std::size_t utf8SequenceLength(std::string_view text, std::size_t at) {
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
        const unsigned char lead = byte(at);
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (lead < 0x80)
            return 1;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0; // overlong
            else if (lead == 0xED)
                high = 0x9F; // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90; // overlong
            else if (lead == 0xF4)
                high = 0x8F; // over U+10FFFF
        } else {
            return 0;
        }
        if (at + length > text.size())
            return 0;
        if (byte(at + 1) < low || byte(at + 1) > high)
            return 0;
        for (std::size_t i = 2; i < length; ++i) {
            if ((byte(at + i) & 0xC0u) != 0x80u)
                return 0;
        }
        return length;
    }

    std::FILE* file_;
    ByteBuffer buffer_;
    bool failed_ = false;
};

class BatchAnswerer {
public:
    BatchAnswerer(const CodeFinder& finder, std::optional<Family> family, CsvWriter& writer)
        : finder_(finder), family_(family), writer_(writer) {}

    // `kept` holds the line's first bytes (all of it when it is short), `totalBytes` its length
    // without the line end.
    std::size_t answered() const { return answered_; }

    void answer(std::string_view kept, std::size_t totalBytes) {
        ++answered_;
        const LookupResult result = totalBytes > maxInputBytes
                                        ? finder_.lookupRecognised(tooLong(totalBytes))
                                        : finder_.lookup(kept.substr(0, totalBytes), family_);
        const Recognition& recognition = result.recognition;

        std::size_t echoed = std::min(kept.size(), totalBytes);
        const bool cut = totalBytes > echoedBytes;
        if (cut) { // kept has more than echoedBytes bytes: end the echo on a character boundary
            echoed = echoedBytes;
            while (echoed > echoedBytes - 3 &&
                   (static_cast<unsigned char>(kept[echoed]) & 0xC0u) == 0x80u)
                --echoed;
        }
        writer_.foreignField(kept.substr(0, echoed), cut);
        writer_.comma();
        writer_.raw(recognition.family ? familyId(*recognition.family) : "unknown");
        writer_.comma();
        if (result.status != LookupStatus::Invalid)
            writer_.field(recognition.serial);
        writer_.comma();
        writer_.raw(lookupStatusId(result.status));
        writer_.comma();
        if (result.answer)
            writer_.field(result.answer->code); // digits, but a database may hold anything
        writer_.comma();
        if (result.answer)
            writer_.field(result.answer->source);
        writer_.comma();
        writeMessage(result);
        writer_.endRow();
    }

private:
    // What recognise() says about a line too long to hold, in the family given if any.
    Recognition tooLong(std::size_t totalBytes) const {
        Recognition recognition = inputTooLong(totalBytes);
        recognition.family = family_;
        return recognition;
    }

    void writeMessage(const LookupResult& result) {
        const Recognition& recognition = result.recognition;
        switch (result.status) {
        case LookupStatus::Ok:
            // Plain ok rows (the bulk of a large file) carry no sentence: nothing to translate.
            if (recognition.fromBarcode || recognition.fromLabelForm)
                writer_.field(Texts::message(recognition).toUtf8());
            return;
        case LookupStatus::NotFound: {
            // The same sentence for every serial of a family: made once.
            QByteArray& reason = notFoundReasons_[static_cast<std::size_t>(*recognition.family)];
            if (reason.isEmpty())
                reason = Texts::noCodeReason(result).toUtf8();
            writer_.field(reason);
            return;
        }
        case LookupStatus::Invalid:
        case LookupStatus::Unsupported:
            break;
        }
        QString text = Texts::message(recognition);
        for (const std::string& suggestion : recognition.suggestions)
            text += QLatin1Char(' ') + Texts::suggestion(Texts::fromUtf8(suggestion));
        writer_.field(text.toUtf8());
    }

    const CodeFinder& finder_;
    std::optional<Family> family_;
    CsvWriter& writer_;
    std::size_t answered_ = 0;
    std::array<QByteArray, allFamilies.size()> notFoundReasons_;
};

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

// Splits the input into lines (LF or CRLF) and answers each, in constant memory.
bool answerLines(std::FILE* input, BatchAnswerer& answerer, CsvWriter& writer, Progress& progress) {
    const auto block = std::make_unique<char[]>(readBlockBytes);
    // A line that spans blocks is collected here, up to what the answer needs to see.
    std::array<char, echoedBytes + 1> carry{};
    std::size_t carried = 0;    // bytes in `carry`
    std::size_t lineBytes = 0;  // bytes of the current line so far (carried or not)
    bool lastWasReturn = false; // the current line's last byte so far is '\r'

    const auto addToCarry = [&](const char* data, std::size_t size) {
        const std::size_t room = carry.size() - carried;
        std::memcpy(carry.data() + carried, data, std::min(room, size));
        carried += std::min(room, size);
        lineBytes += size;
        if (size > 0)
            lastWasReturn = data[size - 1] == '\r';
    };
    const auto answerCarried = [&] {
        std::size_t total = lineBytes;
        if (lastWasReturn) { // CRLF: the '\r' belongs to the line end
            --total;
            if (carried > total)
                carried = total;
        }
        answerer.answer(std::string_view(carry.data(), carried), total);
        carried = lineBytes = 0;
        lastWasReturn = false;
    };

    for (;;) {
        // Not fread(): it waits for a whole block, while this returns what a pipe or terminal
        // has now, so answers can go out while the producer is still writing (see the flush).
        const long long got = readAvailable(input, block.get(), readBlockBytes);
        if (got < 0)
            return false;
        if (got == 0)
            break; // end of input
        const auto size = static_cast<std::size_t>(got);
        const char* data = block.get();
        std::size_t at = 0;
        while (at < size) {
            const auto* newline = static_cast<const char*>(std::memchr(data + at, '\n', size - at));
            if (!newline) {
                addToCarry(data + at, size - at);
                break;
            }
            const std::size_t end = static_cast<std::size_t>(newline - data);
            if (lineBytes == 0) { // the whole line is in this block: no copy
                std::size_t length = end - at;
                if (length > 0 && data[end - 1] == '\r')
                    --length;
                answerer.answer(std::string_view(data + at, std::min(length, carry.size())),
                                length);
            } else {
                addToCarry(data + at, end - at);
                answerCarried();
            }
            at = end + 1;
        }
        // Caught up with a slower producer: let the answers so far out. Large files always fill
        // the block, so they still leave in large writes.
        if (size < readBlockBytes && !writer.flush())
            return false;
        progress.update(answerer.answered());
    }
    if (lineBytes > 0) // the last line has no line end
        answerCarried();
    return true;
}

} // namespace

int runBatch(Context& context, const QStringList& arguments) {
    std::optional<Family> family;
    QString path;
    bool havePath = false;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        const bool isOption =
            !optionsEnded && argument.startsWith(QLatin1Char('-')) && argument.size() > 1;
        if (!isOption) {
            if (havePath)
                return usageError(
                    context, "batch",
                    Cli::tr("only one input file can be given (\"%1\").").arg(argument));
            path = argument;
            havePath = true;
        } else if (argument == QLatin1String("--")) {
            optionsEnded = true;
        } else if (isHelpOption(argument)) {
            printHelp(context);
            return ExitCodeShown;
        } else if (argument == QLatin1String("--family") ||
                   argument.startsWith(QLatin1String("--family="))) {
            if (!takeFamilyOption(context, arguments, i, family))
                return ExitInvalidInput;
        } else {
            return usageError(context, "batch", Cli::tr("unknown option \"%1\".").arg(argument));
        }
    }

    std::FILE* input = stdin;
    if (havePath && path != QLatin1String("-")) {
        input = std::fopen(QFile::encodeName(path).constData(), "rb");
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
    CsvWriter writer(stdout);
    writer.raw("input,series,serial,status,code,source,message");
    writer.endRow();
    BatchAnswerer answerer(context.finder(), family, writer);
    Progress progress(context.err);
    const bool readThrough = answerLines(input, answerer, writer, progress);
    progress.finish(answerer.answered());
    const int readError = errno;
    if (input != stdin)
        std::fclose(input);
    if (!writer.flush()) {
        context.err << Cli::tr("radiocode batch: cannot write the output.") << "\n";
        return ExitFailure;
    }
    if (!readThrough) {
        context.err << Cli::tr("radiocode batch: reading %1 failed: %2")
                           .arg(havePath ? path : Cli::tr("standard input"),
                                QString::fromLocal8Bit(std::strerror(readError)))
                    << "\n";
        return ExitFailure;
    }
    return ExitCodeShown;
}

} // namespace radiocode::cli
