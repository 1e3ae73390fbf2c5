#include "storage/storage_texts.h"

#include "common/texts.h"

#include "radiocode/families.h"

#include <QStringList>

#include <algorithm>
#include <climits>

namespace radiocode::storage {

QString StorageTexts::outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Worked:
        return tr("Worked");
    case Outcome::Refused:
        return tr("Refused");
    case Outcome::NotTried:
        break;
    }
    return tr("Not tried");
}

QString StorageTexts::attemptWarning(const AttemptHistory& history) {
    if (!history.warn())
        return {};
    if (history.lockoutLikely())
        return tr("A code was refused %n time(s) for this serial: the radio is probably locked. "
                  "Leave the radio switched on and wait about an hour (%1 minutes) until it "
                  "accepts a code again, then check the serial on the label before the next try.",
                  nullptr, history.refusedAttempts)
            .arg(lockoutMinutes);
    return tr("A code was refused %n time(s) for this serial before. Check the serial on the label "
              "again before trying: after %1 wrong codes the radio locks for about an hour.",
              nullptr, history.refusedAttempts)
        .arg(wrongAttemptsBeforeLockout);
}

QString StorageTexts::waitingReminder(int overdue, int reminderDays) {
    if (overdue == 0 || reminderDays <= 0)
        return {};
    return tr("Reminder: %n code request(s) waiting longer than %1 days for an answer: ask "
              "again.",
              nullptr, overdue)
        .arg(reminderDays);
}

int StorageTexts::overdueRequests(const QList<std::pair<Job, CodeRequest>>& waiting,
                                  int reminderDays) {
    if (reminderDays <= 0)
        return 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return static_cast<int>(std::count_if(waiting.begin(), waiting.end(), [&](const auto& entry) {
        return entry.second.daysWaited(now) >= reminderDays;
    }));
}

QString StorageTexts::waitingFor(const CodeRequest& request) {
    const QString asked = request.askedAt.toLocalTime().date().toString(Qt::ISODate);
    return request.askedFrom.isEmpty()
               ? tr("Waiting %n day(s), asked on %1", nullptr, request.daysWaited()).arg(asked)
               : tr("Waiting %n day(s), asked of %1 on %2", nullptr, request.daysWaited())
                     .arg(request.askedFrom, asked);
}

QString StorageTexts::waitingSince(const CodeRequest& request) {
    const QString asked = request.askedAt.toLocalTime().date().toString(Qt::ISODate);
    return request.askedFrom.isEmpty()
               ? tr("Waiting for code since %1").arg(asked)
               : tr("Waiting for code since %1 (asked %2)").arg(asked, request.askedFrom);
}

QHash<qint64, CodeRequest>
StorageTexts::waitingById(const QList<std::pair<Job, CodeRequest>>& waiting) {
    QHash<qint64, CodeRequest> byId;
    for (const auto& [job, request] : waiting)
        if (job.outcome == Outcome::NotTried)
            byId.insert(job.id, request);
    return byId;
}

QString StorageTexts::importSummary(const ImportReport& report) {
    auto count = [](qint64 n) { return static_cast<int>(std::min<qint64>(n, INT_MAX)); };
    const QString counts = QStringList{tr("%n imported", nullptr, count(report.imported)),
                                       tr("%n duplicate(s)", nullptr, count(report.duplicates)),
                                       tr("%n skipped", nullptr, count(report.skipped)),
                                       tr("%n conflict(s)", nullptr, count(report.conflictCount()))}
                               .join(QStringLiteral(", "));
    return report.dryRun ? tr("Dry run, nothing saved: %1").arg(counts) : counts;
}

QString StorageTexts::columnsProblem(const CsvColumns& columns, int line) {
    const QString found = columns.names.join(QStringLiteral(", "));
    switch (columns.problem) {
    case CsvColumns::Problem::None:
        break;
    case CsvColumns::Problem::SerialNotFound:
    case CsvColumns::Problem::CodeNotFound:
        return tr("Line %1 must name the columns: a code list needs a serial column (“serial”, "
                  "“Serial No”, “Seriennummer”, “Seri No”, “Numéro de série”) and a code column "
                  "(“code”, “Radio Code”, “Kod”, “Code radio”); found: %2.")
            .arg(line)
            .arg(found);
    case CsvColumns::Problem::ChosenNotFound:
        return tr("Line %1 has no column “%2” (found: %3). Give a column's name or its number, "
                  "counting from 1.")
            .arg(line)
            .arg(columns.detail, found);
    case CsvColumns::Problem::DuplicateName:
        return tr("Line %1 names the column “%2” twice: which one is meant cannot be told. Rename "
                  "one of them, or choose the columns by number.")
            .arg(line)
            .arg(columns.detail);
    case CsvColumns::Problem::Ambiguous:
        return tr("Line %1 has several columns that could be meant (%2): which one holds the "
                  "serial or the code cannot be told.")
            .arg(line)
            .arg(columns.detail);
    case CsvColumns::Problem::SameColumn:
        return tr("The serial and the code cannot both be the column “%1”.").arg(columns.detail);
    }
    return {};
}

// The sentences about reading a code list keep the "Database" context their translations have.

QString StorageTexts::excerpt(const QByteArray& cell) {
    QString text = QString::fromUtf8(cell.left(160));
    for (QChar& c : text)
        if (!c.isPrint() && c != QLatin1Char(' '))
            c = QChar::ReplacementCharacter;
    if (text.size() > 40 || cell.size() > 160)
        text = text.left(39) + QChar(0x2026);
    return text;
}

QString StorageTexts::codeListProblem(const CodeListReader& reader, const QString& deviceError) {
    switch (reader.problem()) {
    case CodeListProblem::None:
        break;
    case CodeListProblem::Utf16:
        return QCoreApplication::translate(
            "Database", "The file is UTF-16 text: save it as CSV in UTF-8 and import it again.");
    case CodeListProblem::HeaderTooLong:
        return QCoreApplication::translate("Database",
                                           "Line %1, the header, is longer than %2 bytes (it "
                                           "starts “%3”): this is not a code list.")
            .arg(reader.headerLine())
            .arg(CodeListReader::maxHeaderBytes)
            .arg(excerpt(reader.headerExcerpt()));
    case CodeListProblem::HeaderUnbalancedQuote:
        return QCoreApplication::translate("Database",
                                           "Line %1, the header, has a quote that is never closed.")
            .arg(reader.headerLine());
    case CodeListProblem::Columns:
        return columnsProblem(reader.columns(), reader.headerLine());
    case CodeListProblem::ReadFailed:
        return QCoreApplication::translate("Database", "Reading the file failed: %1")
            .arg(deviceError);
    case CodeListProblem::Empty:
        return QCoreApplication::translate("Database",
                                           "The file is empty: a code list starts with a header "
                                           "line naming the columns “serial” and “code”.");
    }
    return {};
}

QString StorageTexts::skippedRow(const SkippedRow& row) {
    switch (row.reason) {
    case SkipReason::UnbalancedQuote:
        return QCoreApplication::translate(
            "Database", "A quoted field is never closed (a \" is missing): row skipped.");
    case SkipReason::TooLong:
        return QCoreApplication::translate("Database",
                                           "The row is %1 bytes long, more than a code list's row "
                                           "can be (it starts “%2”): row skipped.")
            .arg(row.length)
            .arg(excerpt(row.cell));
    case SkipReason::TooFewColumns:
        return QCoreApplication::translate(
                   "Database", "The row has %n column(s); the serial and the code need %1.",
                   nullptr, row.columns)
            .arg(row.needed);
    case SkipReason::EmptySerial:
        return QCoreApplication::translate("Database", "The serial is empty.");
    case SkipReason::BadSerial: {
        QString message = Texts::message(row.recognition);
        if (!row.recognition.suggestions.empty())
            message += QLatin1Char(' ') +
                       Texts::suggestion(Texts::fromUtf8(row.recognition.suggestions.front()));
        return QCoreApplication::translate("Database", "Serial “%1”: %2")
            .arg(excerpt(row.cell), message);
    }
    case SkipReason::AlgorithmFamily:
        return QCoreApplication::translate("Database",
                                           "%1 is a %2 serial: its code is computed with the "
                                           "public algorithm, not stored.")
            .arg(row.serial, Texts::familyName(row.family));
    case SkipReason::ShortenedCode: {
        const QString message =
            row.cell.size() == 3
                ? QCoreApplication::translate(
                      "Database",
                      "The code “%1” for %2 looks like %3 with its leading zero lost by a "
                      "spreadsheet: row skipped. Check the list, or import it again with leading "
                      "zeros restored.")
                : QCoreApplication::translate(
                      "Database",
                      "The code “%1” for %2 looks like %3 with its leading zeros lost by a "
                      "spreadsheet: row skipped. Check the list, or import it again with leading "
                      "zeros restored.");
        return message.arg(QString::fromLatin1(row.cell), row.serial,
                           QString::fromLatin1(row.restored));
    }
    case SkipReason::NotACode:
        return QCoreApplication::translate("Database",
                                           "The code “%1” for %2 is not exactly 4 digits.")
            .arg(excerpt(row.cell), row.serial);
    }
    return {};
}

QString StorageTexts::skippedRowSerial(const SkippedRow& row) {
    switch (row.reason) {
    case SkipReason::BadSerial:
        return excerpt(row.cell);
    case SkipReason::AlgorithmFamily:
    case SkipReason::ShortenedCode:
    case SkipReason::NotACode:
        return row.serial;
    case SkipReason::UnbalancedQuote:
    case SkipReason::TooLong:
    case SkipReason::TooFewColumns:
    case SkipReason::EmptySerial:
        break;
    }
    return {};
}

} // namespace radiocode::storage
