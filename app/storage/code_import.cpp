// Importing a code list: the rows the code-list reader accepts go in in batched statements, in
// one transaction, duplicates and conflicts sorted out against the stored codes.
#include "storage/code_import.h"

#include "storage/code_list_reader.h"
#include "storage/code_store.h"
#include "storage/database.h"
#include "storage/database_columns.h"
#include "storage/storage_texts.h"

#include <QBuffer>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <vector>

namespace radiocode::storage {
namespace {

// Rows per multi-row statement during an import: few round trips, well under the drivers'
// parameter limits (6 columns x 400 rows).
constexpr int importChunkRows = 400;

struct PendingRow {
    int line;
    Family family;
    QString serial;
    QString code;
    CodeProvenance provenance;
    QString origin;
    QString createdAt;
};

// The names of a multi-row statement's values (":v0", ":v1", ...), made once. Bound by index,
// Qt makes such a name for every value with QString::arg and hashes it: a third of an import's
// time. Bound by a name made once, only the hash is left.
const std::vector<QString>& valueNames() {
    static const std::vector<QString> names = [] {
        std::vector<QString> made;
        made.reserve(6 * importChunkRows);
        for (int i = 0; i < 6 * importChunkRows; ++i)
            made.push_back(QStringLiteral(":v%1").arg(i));
        return made;
    }();
    return names;
}

// "(:v0, :v1), (:v2, :v3)" for two rows of two columns.
QString placeholders(int rows, int columns) {
    QString all;
    all.reserve(rows * columns * 8);
    for (int r = 0; r < rows; ++r) {
        all += r == 0 ? QStringLiteral("(") : QStringLiteral(", (");
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                all += QStringLiteral(", ");
            all += valueNames()[static_cast<std::size_t>(r * columns + c)];
        }
        all += QLatin1Char(')');
    }
    return all;
}

// ":v0, :v1, ..." for `count` values.
QString valueList(int count) {
    QString list;
    list.reserve(count * 7);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            list += QStringLiteral(", ");
        list += valueNames()[static_cast<std::size_t>(i)];
    }
    return list;
}

} // namespace

ImportReport CodeStore::importCsv(QByteArrayView data, const QString& fileName,
                                  const ImportOptions& options) {
    QByteArray bytes = QByteArray::fromRawData(data.data(), data.size());
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return importCsv(buffer, fileName, options);
}

ImportReport CodeStore::importCsv(QIODevice& device, const QString& fileName,
                                  const ImportOptions& options) {
    ImportReport report;
    report.dryRun = options.dryRun;
    CodeListReader reader(device, options.columns, options.restoreLeadingZeros);
    if (!reader.readHeader()) {
        report.status = ImportReport::Status::BadFile;
        report.failure = StorageTexts::codeListProblem(reader, device.errorString());
        report.columnsUnknown = reader.problem() == CodeListProblem::Columns;
        return report;
    }

    auto databaseError = [&]() {
        report.status = ImportReport::Status::DatabaseError;
        report.failure = Database::tr("Nothing from %1 was saved. %2")
                             .arg(QFileInfo(fileName).fileName(), database_.lastError().trimmed());
        report.imported = report.duplicates = 0;
        return report;
    };
    // Other writers of codes wait until this import ends, readers go on.
    if (!beginCodesWrite())
        return databaseError();
    QSqlDatabase db = database_.connection();
    const QString importedAt = timestamp(QDateTime::currentDateTimeUtc());
    const QString origin = QFileInfo(fileName).fileName();
    const QString restoredOrigin = origin + QStringLiteral(" (leading zeros restored)");
    const QString selectSql =
        QStringLiteral("SELECT serial, family, code, source, origin FROM codes WHERE serial IN (");
    const QString insertSql = QStringLiteral("INSERT INTO codes (serial, family, code, source, "
                                             "origin, created_at) VALUES ");
    // The values every row of a uniform statement shares.
    const QString sharedNames[] = {QStringLiteral(":source"), QStringLiteral(":origin"),
                                   QStringLiteral(":created")};
    auto uniformInsertSql = [&](int rows) {
        return QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                              "created_at) SELECT column1, column2, column3, CAST(%1 AS TEXT), "
                              "CAST(%2 AS TEXT), CAST(%3 AS TEXT) FROM (VALUES ")
                   .arg(sharedNames[0], sharedNames[1], sharedNames[2]) +
               placeholders(rows, 3) + QStringLiteral(") AS chunk");
    };
    QSqlQuery fullSelect(db);
    QSqlQuery fullInsert(db);
    QSqlQuery uniformInsert(db);
    fullSelect.setForwardOnly(true);
    if (!fullSelect.prepare(selectSql + valueList(importChunkRows) + QLatin1Char(')')) ||
        !fullInsert.prepare(insertSql + placeholders(importChunkRows, 6)) ||
        !uniformInsert.prepare(uniformInsertSql(importChunkRows))) {
        QSqlError error = fullSelect.lastError();
        for (const QSqlQuery* query : {&fullInsert, &uniformInsert})
            if (!error.isValid())
                error = query->lastError();
        database_.fail(error);
        database_.rollback();
        return databaseError();
    }

    std::vector<PendingRow> pending;
    pending.reserve(importChunkRows);
    auto listed = [&](qsizetype listedSoFar) {
        if (listedSoFar < ImportReport::maxListedIssues)
            return true;
        ++report.unlisted;
        return false;
    };
    auto addConflict = [&](const PendingRow& row, const QString& storedCode,
                           const Provenance& storedSource) {
        ++report.conflictTotal;
        if (!listed(report.conflicts.size()))
            return;
        report.conflicts.append(
            {row.line, row.family, row.serial, storedCode, storedSource, row.code});
        report.errors.append(
            {row.line,
             Database::tr(
                 "%1 is already stored with code %2 (%3); the file says %4: the stored code was "
                 "kept.")
                 .arg(row.serial, storedCode, Texts::sourceInBrief(storedSource), row.code),
             row.serial});
    };

    // Writes one chunk: duplicates and conflicts are sorted out first, the new rows go in with
    // one statement.
    auto flush = [&]() -> bool {
        if (pending.empty())
            return true;
        // The serials of this chunk, each once, as the database knows them.
        std::vector<const QString*> serials;
        serials.reserve(pending.size());
        QSet<QString> seen;
        seen.reserve(static_cast<qsizetype>(pending.size()));
        for (const PendingRow& row : pending) {
            if (!seen.contains(row.serial)) {
                seen.insert(row.serial);
                serials.push_back(&row.serial);
            }
        }
        const int count = static_cast<int>(serials.size());
        QSqlQuery partialSelect(db);
        QSqlQuery* select = &fullSelect;
        if (count != importChunkRows) {
            partialSelect.setForwardOnly(true);
            if (!partialSelect.prepare(selectSql + valueList(count) + QLatin1Char(')')))
                return database_.fail(partialSelect);
            select = &partialSelect;
        }
        for (int i = 0; i < count; ++i)
            select->bindValue(valueNames()[static_cast<std::size_t>(i)],
                              *serials[static_cast<std::size_t>(i)]);
        if (!select->exec())
            return database_.fail(*select);
        QHash<QString, StoredCode> existing;
        while (select->next()) {
            const auto family = familyFromText(select->value(1).toString());
            if (!family)
                continue;
            const QString serial = select->value(0).toString();
            existing.insert(serial + QLatin1Char('/') + select->value(1).toString(),
                            StoredCode{*family,
                                       serial,
                                       select->value(2).toString(),
                                       provenanceFromId(select->value(3).toString()),
                                       select->value(4).toString(),
                                       {}});
        }
        select->finish();
        // Each row against the stored code, else against an earlier row of this chunk (earlier
        // chunks are in the database already), else new.
        std::vector<const PendingRow*> fresh;
        fresh.reserve(pending.size());
        QHash<QString, const PendingRow*> firstInChunk;
        firstInChunk.reserve(static_cast<qsizetype>(pending.size()));
        for (const PendingRow& row : pending) {
            const QString key = row.serial + QLatin1Char('/') + familyText(row.family);
            const auto stored = existing.constFind(key);
            if (stored != existing.constEnd()) {
                if (stored->code == row.code)
                    ++report.duplicates;
                else
                    addConflict(row, stored->code, stored->sourceProvenance());
                continue;
            }
            const auto earlier = firstInChunk.constFind(key);
            if (earlier == firstInChunk.constEnd()) {
                firstInChunk.insert(key, &row);
                fresh.push_back(&row);
            } else if ((*earlier)->code == row.code) {
                ++report.duplicates;
            } else {
                const QString earlierRow =
                    Database::tr("line %1 of this file").arg((*earlier)->line);
                addConflict(row, (*earlier)->code,
                            Provenance{Provenance::Kind::Other, earlierRow.toStdString(), {}});
            }
        }
        if (!fresh.empty()) {
            const int rows = static_cast<int>(fresh.size());
            // Most files give every row the same source, origin and date: those are bound once
            // for the statement, and each row binds only its serial, family and code.
            const PendingRow& first = *fresh.front();
            const bool uniform =
                std::all_of(fresh.begin(), fresh.end(), [&first](const PendingRow* row) {
                    return row->provenance == first.provenance && row->origin == first.origin &&
                           row->createdAt == first.createdAt;
                });
            const int columns = uniform ? 3 : 6;
            QSqlQuery partialInsert(db);
            QSqlQuery* insert = uniform ? &uniformInsert : &fullInsert;
            if (rows != importChunkRows) {
                if (!partialInsert.prepare(uniform ? uniformInsertSql(rows)
                                                   : insertSql + placeholders(rows, 6)))
                    return database_.fail(partialInsert);
                insert = &partialInsert;
            }
            std::size_t p = 0;
            for (const PendingRow* row : fresh) {
                insert->bindValue(valueNames()[p++], row->serial);
                insert->bindValue(valueNames()[p++], familyText(row->family));
                insert->bindValue(valueNames()[p++], row->code);
                if (!uniform) {
                    insert->bindValue(valueNames()[p++], provenanceId(row->provenance));
                    insert->bindValue(valueNames()[p++], notNull(row->origin));
                    insert->bindValue(valueNames()[p++], row->createdAt);
                }
            }
            if (uniform) {
                insert->bindValue(sharedNames[0], provenanceId(first.provenance));
                insert->bindValue(sharedNames[1], notNull(first.origin));
                insert->bindValue(sharedNames[2], first.createdAt);
            }
            Q_ASSERT(p == static_cast<std::size_t>(rows * columns));
            if (!insert->exec())
                return database_.fail(*insert);
            report.imported += rows;
        }
        pending.clear();
        return true;
    };

    auto skip = [&](int line, const QString& message, const QString& serial = {}) {
        ++report.skipped;
        if (listed(report.errors.size() - report.conflicts.size()))
            report.errors.append({line, message, serial});
    };

    // Cancelled: nothing saved, and the report says so.
    auto cancel = [&] {
        database_.rollback();
        ImportReport cancelled;
        cancelled.dryRun = options.dryRun;
        cancelled.status = ImportReport::Status::Cancelled;
        return cancelled;
    };

    qint64 rowsRead = 0;
    const qint64 total = reader.size();
    CodeListRow read;
    SkippedRow skipped;
    for (;;) {
        if ((++rowsRead & 0xfff) == 0) {
            if (options.cancel && options.cancel->load()) {
                return cancel();
            }
            if (options.progress)
                options.progress(reader.position(), total);
        }
        const CodeListReader::Next next = reader.next(read, skipped);
        if (next == CodeListReader::Next::End)
            break;
        if (next == CodeListReader::Next::Skipped) {
            skip(skipped.line, StorageTexts::skippedRow(skipped),
                 StorageTexts::skippedRowSerial(skipped));
            continue;
        }
        PendingRow row{read.line,
                       read.family,
                       read.serial,
                       read.code,
                       CodeProvenance::Import,
                       read.leadingZerosRestored ? restoredOrigin : origin,
                       importedAt};
        if (!read.recordedProvenance.isEmpty()) {
            row.provenance = provenanceFromId(read.recordedProvenance);
            row.origin = read.recordedOrigin;
            const QDateTime created = fromTimestamp(read.recordedAt);
            if (created.isValid())
                row.createdAt = timestamp(created);
        }
        pending.push_back(std::move(row));
        if (static_cast<int>(pending.size()) == importChunkRows && !flush()) {
            database_.rollback();
            return databaseError();
        }
    }
    if (reader.readFailed()) {
        database_.rollback();
        database_.setLastError(
            Database::tr("Reading the file failed: %1.").arg(device.errorString()));
        return databaseError();
    }
    if (!flush()) {
        database_.rollback();
        return databaseError();
    }
    if (options.cancel && options.cancel->load()) {
        return cancel();
    }
    fullSelect.finish();
    fullInsert.finish();
    uniformInsert.finish();
    if (options.dryRun) {
        database_.rollback();
    } else if (!database_.commit()) {
        return databaseError();
    }
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    std::stable_sort(
        report.conflicts.begin(), report.conflicts.end(),
        [](const ImportConflict& a, const ImportConflict& b) { return a.line < b.line; });
    if (options.progress)
        options.progress(reader.position(), total);
    return report;
}

} // namespace radiocode::storage
