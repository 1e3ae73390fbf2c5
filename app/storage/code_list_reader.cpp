#include "storage/code_list_reader.h"

#include "storage/csv_writer.h"

#include <QIODevice>

#include <algorithm>
#include <string_view>

namespace radiocode::storage {

CodeListReader::CodeListReader(QIODevice& device, const CsvColumnChoice& columns,
                               bool restoreLeadingZeros)
    : reader_(device), choice_(columns), restoreLeadingZeros_(restoreLeadingZeros) {}

bool CodeListReader::readHeader() {
    if (reader_.startsLikeUtf16()) {
        problem_ = CodeListProblem::Utf16;
        return false;
    }
    reader_.setMaxRecordBytes(maxHeaderBytes);
    bool haveHeader = false;
    while (reader_.next(record_)) {
        if (record_.blank)
            continue;
        headerLine_ = record_.line;
        if (record_.problem == CsvProblem::TooLong) {
            problem_ = CodeListProblem::HeaderTooLong;
            headerExcerpt_ = record_.excerpt;
            return false;
        }
        if (record_.problem != CsvProblem::None) {
            problem_ = CodeListProblem::HeaderUnbalancedQuote;
            return false;
        }
        columns_ = findColumns(record_.fields, choice_);
        if (!columns_.ok()) {
            problem_ = CodeListProblem::Columns;
            return false;
        }
        haveHeader = true;
        break;
    }
    if (reader_.readFailed()) {
        problem_ = CodeListProblem::ReadFailed;
        return false;
    }
    if (!haveHeader) {
        problem_ = CodeListProblem::Empty;
        return false;
    }
    reader_.setMaxRecordBytes(CsvReader::defaultMaxRecordBytes);
    return true;
}

QByteArray CodeListReader::cell(int column) const {
    return column >= 0 && column < record_.fields.size()
               ? withoutSpreadsheetGuards(record_.fields[column]).trimmed()
               : QByteArray();
}

CodeListReader::Next CodeListReader::next(CodeListRow& row, SkippedRow& skipped) {
    auto skip = [&](SkipReason reason) {
        skipped = SkippedRow{};
        skipped.line = record_.line;
        skipped.reason = reason;
        return Next::Skipped;
    };
    const int lastColumn = std::max(columns_.serial, columns_.code);
    while (reader_.next(record_)) {
        if (record_.blank)
            continue;
        if (record_.problem == CsvProblem::UnbalancedQuote)
            return skip(SkipReason::UnbalancedQuote);
        if (record_.problem == CsvProblem::TooLong) {
            skip(SkipReason::TooLong);
            skipped.cell = record_.excerpt;
            skipped.length = reader_.skipTooLong();
            return Next::Skipped;
        }
        if (record_.fields.size() <= lastColumn) {
            skip(SkipReason::TooFewColumns);
            skipped.columns = static_cast<int>(record_.fields.size());
            skipped.needed = lastColumn + 1;
            return Next::Skipped;
        }
        const QByteArray rawSerial = cell(columns_.serial);
        const QByteArray rawCode = cell(columns_.code);
        if (rawSerial.isEmpty())
            return skip(SkipReason::EmptySerial);
        Recognition recognition = finalised(recognise(
            std::string_view(rawSerial.constData(), static_cast<size_t>(rawSerial.size()))));
        // A label form no rule knows is stored as printed, under the family the row names.
        std::optional<Family> uncheckedFamily;
        if (recognition.state == InputState::Unchecked && columns_.family >= 0 &&
            columns_.family < record_.fields.size()) {
            const QByteArray name = cell(columns_.family);
            uncheckedFamily =
                familyFromId(std::string_view(name.constData(), static_cast<size_t>(name.size())));
        }
        if (!recognition.isValid() && !uncheckedFamily) {
            skip(SkipReason::BadSerial);
            skipped.cell = rawSerial;
            skipped.recognition = std::move(recognition);
            return Next::Skipped;
        }
        const Family family = uncheckedFamily ? *uncheckedFamily : *recognition.family;
        const QString serial = QString::fromLatin1(recognition.serial);
        if (familyInfo(family).origin != CodeOrigin::CodeDatabase) {
            skip(SkipReason::AlgorithmFamily);
            skipped.serial = serial;
            skipped.family = family;
            return Next::Skipped;
        }
        row = CodeListRow{};
        row.line = record_.line;
        row.family = family;
        row.serial = serial;
        const CodeCell code = readCodeCell(rawCode);
        if (code.kind == CodeCell::Kind::Code) {
            row.code = QString::fromLatin1(rawCode);
        } else if (code.kind == CodeCell::Kind::Shortened && restoreLeadingZeros_) {
            row.code = QString::fromLatin1(code.restored);
            row.leadingZerosRestored = true;
        } else {
            skip(code.kind == CodeCell::Kind::Shortened ? SkipReason::ShortenedCode
                                                        : SkipReason::NotACode);
            skipped.cell = rawCode;
            skipped.serial = serial;
            skipped.restored = code.restored;
            return Next::Skipped;
        }
        // A list this program exported keeps where each code came from.
        if (columns_.source >= 0 && code.kind == CodeCell::Kind::Code) {
            const QByteArray source = cell(columns_.source);
            const QString recordedOrigin = QString::fromUtf8(cell(columns_.origin));
            if ((source == "confirmed" || source == "import") && !recordedOrigin.isEmpty()) {
                row.recordedProvenance = QString::fromLatin1(source);
                row.recordedOrigin = recordedOrigin;
                row.recordedAt = QString::fromUtf8(cell(columns_.createdAt));
            }
        }
        return Next::Row;
    }
    return Next::End;
}

} // namespace radiocode::storage
