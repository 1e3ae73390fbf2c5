#include "labelscan/text_lines.h"

#include <QRegularExpression>

#include <algorithm>
#include <climits>

namespace radiocode::labelscan {
namespace {

constexpr int maxWindowWords = 3;

Recognition recognised(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return finalised(recognise(std::string_view(utf8.constData(), std::size_t(utf8.size()))));
}

QPolygonF unionOf(const std::vector<const TextWord*>& words) {
    QRectF box;
    for (const TextWord* word : words)
        box = box.united(word->where.boundingRect());
    return cornersOf(box);
}

int lowestConfidence(const std::vector<const TextWord*>& words) {
    int lowest = INT_MAX;
    for (const TextWord* word : words)
        lowest = std::min(lowest, word->confidence);
    return lowest == INT_MAX ? 0 : lowest;
}

bool isLabelWord(const QString& text) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9./-]+$"));
    return plain.match(text).hasMatch();
}

bool suggestsOnly(const Recognition& recognition) {
    if (recognition.state != InputState::Invalid || recognition.suggestions.empty())
        return false;
    if (recognition.message.id != MessageId::LookAlikeLetter)
        return false;
    const Recognition suggested =
        recognised(QString::fromStdString(recognition.suggestions.front()));
    return suggested.family && *suggested.family != Family::Renault && !suggested.fromBarcode;
}

bool acceptedSerial(const Recognition& recognition, const TextLine& line, int first, int count) {
    if (recognition.state != InputState::Valid && recognition.state != InputState::Unsupported)
        return false;
    if (recognition.fromBarcode)
        return false;
    if (recognition.family == Family::Renault) {
        // A line of its own, or beside the word PRECODE.
        const int words = int(line.words.size());
        const bool alone = words == 1;
        const bool labelled = words == 2 && line.words[1 - first].text.compare(
                                                QLatin1String("PRECODE"), Qt::CaseInsensitive) == 0;
        return count == 1 && (alone || labelled);
    }
    return true;
}

// The words just right of `name` on its text line (vertical centres within its height).
std::vector<const TextWord*> valueRightOf(const TextWord& name,
                                          const std::vector<const TextWord*>& all) {
    const QRectF box = name.where.boundingRect();
    std::vector<const TextWord*> value;
    for (const TextWord* word : all) {
        const QRectF other = word->where.boundingRect();
        if (other.left() <= box.right() || other.left() > box.right() + box.height() * 14)
            continue;
        if (std::abs(other.center().y() - box.center().y()) >
            std::max(box.height(), other.height()) * 0.7)
            continue;
        value.push_back(word);
    }
    std::sort(value.begin(), value.end(), [](const TextWord* a, const TextWord* b) {
        return a->where.boundingRect().left() < b->where.boundingRect().left();
    });
    return value;
}

bool startsWithWord(const QString& text, const char* start) {
    return text.startsWith(QLatin1String(start), Qt::CaseInsensitive);
}

// "Model No  BE 4757" and "Serial No  35000375" anywhere on the picture: BE + model + serial.
std::vector<TextCandidate> beckerFields(const std::vector<TextLine>& lines) {
    std::vector<const TextWord*> all;
    for (const TextLine& line : lines)
        for (const TextWord& word : line.words)
            all.push_back(&word);
    // The field's value: words right of its name, the "No"/"No." after the name skipped.
    auto fieldValue = [&](const char* name, std::vector<const TextWord*>& used) -> QString {
        for (const TextWord* word : all) {
            if (!startsWithWord(word->text, name))
                continue;
            std::vector<const TextWord*> value = valueRightOf(*word, all);
            used = {word};
            if (!value.empty() &&
                (value.front()->text.compare(QLatin1String("No"), Qt::CaseInsensitive) == 0 ||
                 value.front()->text.compare(QLatin1String("No."), Qt::CaseInsensitive) == 0 ||
                 value.front()->text.compare(QLatin1String("Nr"), Qt::CaseInsensitive) == 0)) {
                used.push_back(value.front());
                value.erase(value.begin());
            }
            QString text;
            for (int i = 0; i < int(value.size()) && i < 2; ++i) {
                text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + value[i]->text;
                used.push_back(value[i]);
            }
            if (!text.isEmpty())
                return text;
        }
        return {};
    };
    std::vector<const TextWord*> modelWords, serialWords;
    const QString model = fieldValue("Model", modelWords);
    const QString serialNumber = fieldValue("Serial", serialWords);
    if (model.isEmpty() || serialNumber.isEmpty())
        return {};
    const QByteArray modelUtf8 = model.toUtf8(), serialUtf8 = serialNumber.toUtf8();
    Recognition recognition = finalised(
        recogniseBecker(std::string_view(modelUtf8.constData(), std::size_t(modelUtf8.size())),
                        std::string_view(serialUtf8.constData(), std::size_t(serialUtf8.size()))));
    const bool serial =
        recognition.state == InputState::Valid || recognition.state == InputState::Unsupported;
    if (!serial && !suggestsOnly(recognition))
        return {};
    // Only the value words count for confidence: a misread field name does not matter.
    std::vector<const TextWord*> valueWords(modelWords.begin() + 1, modelWords.end());
    valueWords.insert(valueWords.end(), serialWords.begin() + 1, serialWords.end());
    std::vector<const TextWord*> everything = modelWords;
    everything.insert(everything.end(), serialWords.begin(), serialWords.end());
    TextCandidate candidate;
    candidate.text = model + QLatin1Char(' ') + serialNumber;
    candidate.where = unionOf(everything);
    candidate.confidence = lowestConfidence(valueWords);
    candidate.recognition = std::move(recognition);
    candidate.beckerModel = model;
    candidate.beckerSerialNumber = serialNumber;
    return {candidate};
}

} // namespace

std::vector<TextCandidate> serialsInLines(const std::vector<TextLine>& lines) {
    std::vector<TextCandidate> found;
    for (const TextLine& line : lines) {
        const int words = int(line.words.size());
        struct Spanned {
            TextCandidate candidate;
            int first, end; // the words it is made of
        };
        std::vector<Spanned> serials, suggestions;
        for (int first = 0; first < words; ++first) {
            for (int count = 1; count <= maxWindowWords && first + count <= words; ++count) {
                std::vector<const TextWord*> window;
                QString text;
                bool plain = true;
                for (int i = first; i < first + count; ++i) {
                    window.push_back(&line.words[i]);
                    plain = plain && isLabelWord(line.words[i].text);
                    text += (i > first ? QStringLiteral(" ") : QString()) + line.words[i].text;
                }
                if (!plain)
                    break;
                Recognition recognition = recognised(text);
                const bool serial = acceptedSerial(recognition, line, first, count);
                if (!serial && !suggestsOnly(recognition))
                    continue;
                TextCandidate candidate;
                candidate.text = text;
                candidate.where = unionOf(window);
                candidate.confidence = lowestConfidence(window);
                candidate.recognition = std::move(recognition);
                (serial ? serials : suggestions)
                    .push_back({std::move(candidate), first, first + count});
            }
        }
        for (Spanned& serial : serials)
            found.push_back(std::move(serial.candidate));
        // A look-alike reading that overlaps a serial on its line is that serial misread.
        for (Spanned& suggestion : suggestions) {
            const bool overlaps =
                std::any_of(serials.begin(), serials.end(), [&](const Spanned& serial) {
                    return suggestion.first < serial.end && serial.first < suggestion.end;
                });
            if (!overlaps)
                found.push_back(std::move(suggestion.candidate));
        }
    }
    for (TextCandidate& candidate : beckerFields(lines))
        found.push_back(std::move(candidate));
    return found;
}

std::vector<PartNumberCandidate> partNumbersInLines(const std::vector<TextLine>& lines) {
    static const QRegularExpression digitsOnly(QStringLiteral("^[0-9]+$"));
    auto isDigits = [](const TextWord& word) { return digitsOnly.match(word.text).hasMatch(); };
    std::vector<PartNumberCandidate> found;
    for (const TextLine& line : lines) {
        const int words = int(line.words.size());
        for (int first = 0; first < words; ++first) {
            if (!isDigits(line.words[first]) || (first > 0 && isDigits(line.words[first - 1])))
                continue;
            QString digits;
            QString printed;
            std::vector<const TextWord*> window;
            int end = first;
            while (end < words && isDigits(line.words[end]) &&
                   digits.size() < qsizetype(partNumberLength)) {
                digits += line.words[end].text;
                printed += (end > first ? QStringLiteral(" ") : QString()) + line.words[end].text;
                window.push_back(&line.words[end]);
                ++end;
            }
            const bool bounded = end == words || !isDigits(line.words[end]);
            if (!bounded || digits.size() != qsizetype(partNumberLength))
                continue;
            const QByteArray utf8 = digits.toLatin1();
            if (recognisePartNumber(std::string_view(utf8.constData(), std::size_t(utf8.size())))
                    .state != InputState::Valid)
                continue;
            found.push_back({digits, printed, unionOf(window), lowestConfidence(window)});
        }
    }
    return found;
}

} // namespace radiocode::labelscan
