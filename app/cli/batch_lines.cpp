#include "cli/batch_lines.h"

#include "cli/platform_io.h"
#include "common/texts.h"

#include "radiocode/recognition.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

// Built for large files: input is read in fixed blocks, output collects in one buffer written in
// large pieces, and a plain line (a complete serial an algorithm answers) costs no heap
// allocation. A line of any length is answered in constant memory: only its first bytes are kept
// (for the echo in the `input` column); the core refuses anything over maxInputBytes by its
// length alone.
namespace radiocode::cli {
namespace {

constexpr std::size_t readBlockBytes = 1 << 16;
constexpr std::size_t outputFlushBytes = 1 << 18;

// A byte buffer with std::string's appends, small enough to inline: a row is a dozen appends.
class ByteBuffer {
public:
    explicit ByteBuffer(std::size_t capacity)
        : bytes_(std::make_unique_for_overwrite<char[]>(capacity)), capacity_(capacity) {}
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
        auto bytes = std::make_unique_for_overwrite<char[]>(capacity);
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

    // Text known to need no quoting (ids, normalised serials, an algorithm's code and source).
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
        : finder_(finder), family_(family), writer_(writer) {
        for (const auto& [algorithmFamily, source] :
             {std::pair{Family::Renault, Provenance::Kind::RenaultAlgorithm},
              std::pair{Family::Visteon, Provenance::Kind::VisteonAlgorithm}}) {
            PlainRow& row = plainRows_[static_cast<std::size_t>(algorithmFamily)];
            row.source = source;
            row.sourceId = Provenance{source, {}, {}}.id();
            row.afterInput.append(",").append(familyId(algorithmFamily)).append(",");
            row.afterCode.append(",").append(row.sourceId).append(",");
        }
    }

    std::size_t answered() const { return answered_; }

    // `kept` holds the line's first bytes (all of it when it is short), `totalBytes` its length
    // without the line end.
    void answer(std::string_view kept, std::size_t totalBytes) {
        ++answered_;
        // One result for all lines: its strings are reused, so a plain line allocates nothing.
        if (totalBytes > maxInputBytes)
            result_ = finder_.lookupRecognised(tooLong(totalBytes));
        else
            finder_.lookupInto(result_, kept.substr(0, totalBytes), family_);
        const LookupResult& result = result_;
        const Recognition& recognition = result.recognition;
        const bool serialUsable = result.status != LookupStatus::Invalid;

        const std::string_view line = kept.substr(0, std::min(kept.size(), totalBytes));
        if (serialUsable && line == recognition.serial) {
            // The bulk of a large file: the line is the normalised serial (letters and digits),
            // answered by an algorithm, no message. Written in six pieces, the fixed ones joined.
            if (result.status == LookupStatus::Ok && !recognition.fromBarcode &&
                !recognition.fromLabelForm) {
                const PlainRow& row = plainRows_[static_cast<std::size_t>(*recognition.family)];
                if (row.source && result.answer->source.kind == *row.source) {
                    writer_.raw(line);
                    writer_.raw(row.afterInput);
                    writer_.raw(recognition.serial);
                    writer_.raw(",ok,");
                    writer_.raw(result.answer->code);
                    writer_.raw(row.afterCode);
                    writer_.endRow();
                    return;
                }
            }
            writer_.raw(line);
        } else {
            const bool cut = totalBytes > batchEchoedBytes;
            writer_.foreignField(line.substr(0, echoLength(line, batchEchoedBytes)), cut);
        }
        writer_.comma();
        writer_.raw(recognition.family ? familyId(*recognition.family) : "unknown");
        writer_.comma();
        if (serialUsable)
            writer_.raw(recognition.serial); // letters and digits only
        writer_.comma();
        writer_.raw(lookupStatusId(result));
        writer_.comma();
        if (result.answer) {
            // An algorithm's answer is four digits and a fixed name; a database may hold anything.
            const CodeAnswer& answer = *result.answer;
            const PlainRow* row = recognition.family
                                      ? &plainRows_[static_cast<std::size_t>(*recognition.family)]
                                      : nullptr;
            if (row && row->source && answer.source.kind == *row->source) {
                writer_.raw(answer.code);
                writer_.comma();
                writer_.raw(row->sourceId);
            } else {
                writer_.field(answer.code);
                writer_.comma();
                writer_.field(answer.source.id());
            }
        } else {
            writer_.comma();
        }
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
            if (recognition.state == InputState::Unchecked) {
                writer_.field(Texts::uncheckedNote(result).toUtf8());
            } else if (recognition.fromBarcode || recognition.fromLabelForm ||
                       recognition.fromCmPrefix || recognition.readings.size() > 1) {
                QString text = Texts::message(recognition);
                if (const QString reading = Texts::recordedReading(result); !reading.isEmpty())
                    text += QLatin1Char(' ') + reading;
                writer_.field(text.toUtf8());
            }
            return;
        case LookupStatus::NotFound: {
            // A source that could not answer says why, line by line; an unchecked serial may
            // have no family to share a sentence with.
            if (!result.sourceFailure.empty() || !recognition.family ||
                recognition.state == InputState::Unchecked) {
                writer_.field(Texts::noCodeReason(result).toUtf8());
                return;
            }
            // Otherwise the same sentence for every serial of a family: made once.
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

    // The fixed parts of a plain row of a family an algorithm answers: input,<afterInput>serial,
    // ok,code<afterCode> (source empty for the other families).
    struct PlainRow {
        // The family's algorithm, its machine form written once: a plain line allocates nothing.
        std::optional<Provenance::Kind> source;
        std::string sourceId;   // "algorithm:visteon-m-serial"
        std::string afterInput; // ",visteon,"
        std::string afterCode;  // ",algorithm:visteon-m-serial,"
    };

    const CodeFinder& finder_;
    std::optional<Family> family_;
    CsvWriter& writer_;
    std::array<PlainRow, allFamilies.size()> plainRows_;
    LookupResult result_;
    std::size_t answered_ = 0;
    std::array<QByteArray, allFamilies.size()> notFoundReasons_;
};

// Splits the input into lines (LF or CRLF) and answers each, in constant memory.
bool answerLines(std::FILE* input, BatchAnswerer& answerer, CsvWriter& writer,
                 const std::function<void(std::size_t)>& progress, int& readError) {
    const auto block = std::make_unique_for_overwrite<char[]>(readBlockBytes);
    // A line that spans blocks is collected here, up to what the answer needs to see.
    std::array<char, batchEchoedBytes + 1> carry{};
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
        if (got < 0) {
            readError = errno;
            return false;
        }
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
        if (progress)
            progress(answerer.answered());
    }
    if (lineBytes > 0) // the last line has no line end
        answerCarried();
    return true;
}

} // namespace

BatchRun answerBatch(std::FILE* input, std::FILE* output, const CodeFinder& finder,
                     std::optional<Family> family,
                     const std::function<void(std::size_t)>& progress) {
    BatchRun run;
    CsvWriter writer(output);
    writer.raw("input,series,serial,status,code,source,message");
    writer.endRow();
    BatchAnswerer answerer(finder, family, writer);
    const bool readThrough = answerLines(input, answerer, writer, progress, run.readError);
    run.lines = answerer.answered();
    if (!writer.flush())
        run.outcome = BatchOutcome::WriteFailed;
    else if (!readThrough)
        run.outcome = BatchOutcome::ReadFailed;
    return run;
}

} // namespace radiocode::cli
