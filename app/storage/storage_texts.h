// Sentences about stored codes and the job log, shared by the command-line tool and the GUI.
#pragma once

#include "storage/code_import.h"
#include "storage/code_list_reader.h"
#include "storage/job_log.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace radiocode::storage {

class StorageTexts {
    Q_DECLARE_TR_FUNCTIONS(StorageTexts)

public:
    static QString outcomeName(Outcome outcome); // "Worked", "Refused", "Not tried"
    // Empty when no code was refused for the serial since it last worked; a warning after one
    // or two refusals; the lock-out guidance from the third on.
    static QString attemptWarning(const AttemptHistory& history);
    // "Reminder: 2 code requests waiting longer than 7 days…", or empty when none is overdue.
    static QString waitingReminder(int overdue, int reminderDays);
    // How many waiting requests have waited `reminderDays` or longer (0 when reminders are off).
    static int overdueRequests(const QList<std::pair<Job, CodeRequest>>& waiting, int reminderDays);
    // "Waiting 3 days, asked of Nissan Kartal on 2026-11-28".
    static QString waitingFor(const CodeRequest& request);
    // A waiting job's outcome in the whole job list: "Waiting for code since 2026-11-28 (asked
    // Nissan Kartal)".
    static QString waitingSince(const CodeRequest& request);
    // The requests still waiting, by job id: to show a waiting job as such in any job list.
    static QHash<qint64, CodeRequest>
    waitingById(const QList<std::pair<Job, CodeRequest>>& waiting);
    // One line for a finished import: "12 imported, 1 duplicate, 2 skipped, 0 conflicts".
    static QString importSummary(const ImportReport& report);
    // Why a header does not name the columns of a code list (line: the header's line).
    static QString columnsProblem(const CsvColumns& columns, int line);
    // Why the file is not a code list (reader.problem()); `deviceError`: the device's own words
    // when reading it failed.
    static QString codeListProblem(const CodeListReader& reader, const QString& deviceError);
    // Why a row of a code list was skipped.
    static QString skippedRow(const SkippedRow& row);
    // The serial a skipped row is listed under (cut short as read), or empty.
    static QString skippedRowSerial(const SkippedRow& row);
    // A cell as quoted in a message: at most 40 characters, control characters made visible, so
    // a megabyte cell or a stray escape sequence cannot flood or garble the report.
    static QString excerpt(const QByteArray& cell);
};

} // namespace radiocode::storage
