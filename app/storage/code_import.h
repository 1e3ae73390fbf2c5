// What importing a code list asks for and reports: the rows skipped and the conflicts with the
// stored codes, by line, for the technician to review.
#pragma once

#include "storage/csv_reader.h"

#include "radiocode/families.h"
#include "radiocode/provenance.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace radiocode::storage {

struct ImportIssue {
    int line = 0;    // 1-based line in the file; 0 when the whole file is concerned
    QString message; // translated sentence
    QString serial;  // the row's serial as read (cut short), when it has one
};

struct ImportConflict {
    int line = 0;
    Family family = Family::Blaupunkt;
    QString serial;
    QString storedCode;
    // The stored code's source, or (Kind::Other) "line N of this file" for an earlier row of it.
    Provenance storedSource;
    QString fileCode;
};

struct ImportOptions {
    bool dryRun = false;              // check everything, count everything, then roll back
    CsvColumnChoice columns;          // which columns hold the serial and the code
    bool restoreLeadingZeros = false; // pad "420" to "0420" (marked in the origin), else skip it
    // Called now and then with bytes read so far and the file size (any thread: the caller's).
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic_bool* cancel = nullptr; // set to stop: nothing is imported
};

struct ImportReport {
    enum class Status {
        Done,          // committed (or checked, for a dry run)
        BadFile,       // not a code list (no header with serial and code, UTF-16, empty)
        DatabaseError, // nothing changed
        Cancelled      // nothing changed
    };
    Status status = Status::Done;
    QString failure;             // BadFile / DatabaseError: what went wrong
    bool columnsUnknown = false; // BadFile: the serial and code columns must be chosen
    bool dryRun = false;
    qint64 imported = 0;
    qint64 duplicates = 0;
    qint64 skipped = 0;
    qint64 conflictTotal = 0;
    // Skipped rows and conflicts, by line; the first maxListedIssues of each, so a file of
    // millions of bad rows cannot fill the memory. unlisted counts the rest.
    QList<ImportIssue> errors;
    QList<ImportConflict> conflicts;
    qint64 unlisted = 0;
    static constexpr qsizetype maxListedIssues = 10000;

    qint64 conflictCount() const { return conflictTotal; }
    bool ok() const { return status == Status::Done; }
};

} // namespace radiocode::storage
