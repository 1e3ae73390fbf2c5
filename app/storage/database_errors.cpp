// A database error in words: what happened, to which database, and what the technician can do
// (free space, raise a limit, wait for another program), from SQLite's and PostgreSQL's codes.
#include "storage/database.h"

#include <QFileInfo>
#include <QLocale>
#include <QSqlError>
#include <QStorageInfo>

#include <algorithm>
#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace radiocode::storage {
namespace {

// The size limit a file written by this process may reach (RLIMIT_FSIZE), or -1 for none.
qint64 fileSizeLimit() {
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        return static_cast<qint64>(limit.rlim_cur);
#endif
    return -1;
}

} // namespace

QString Database::describe(const QSqlError& error) {
    const QString where = location_.displayUrl();
    QString detail = error.databaseText().trimmed();
    // Qt's PostgreSQL driver appends the SQLSTATE in brackets: "()" when the server sent none
    // (the connection broke mid-statement), which means nothing to a reader.
    if (detail.endsWith(QLatin1String("()")))
        detail = detail.chopped(2).trimmed();
    if (detail.isEmpty())
        detail = error.driverText().trimmed();
    if (isSqlite()) {
        const int code = error.nativeErrorCode().toInt() & 0xff;
        if (code == 8 || code == 10 || code == 13) // read-only, I/O error, full: reading may work
            mayReadOnly_ = QFileInfo::exists(location_.path);
        if (isReadOnly() && code == 8)
            return tr("%1 Nothing can be saved until then; lookups still work.")
                .arg(readOnlyReason_);
        switch (code) {
        case 5: // SQLITE_BUSY
        case 6: // SQLITE_LOCKED
            return tr("The database %1 is locked by another program that is writing to it. Try "
                      "again in a moment, or close the other program.")
                .arg(where);
        case 8: // SQLITE_READONLY
            return tr("The database file %1 is read-only: ask for write access to it or choose "
                      "another database.")
                .arg(location_.path);
        case 11: // SQLITE_CORRUPT
        case 26: // SQLITE_NOTADB
            return tr("%1 is not a radiocode database, or it is damaged (%2). Choose another file; "
                      "this one was not changed.")
                .arg(location_.path, detail);
        case 10: { // SQLITE_IOERR: the system refused a read or write
            const QStorageInfo disk(QFileInfo(location_.path).absolutePath());
            const qint64 limit = fileSizeLimit();
            const qint64 largest =
                std::max(QFileInfo(location_.path).size(),
                         QFileInfo(location_.path + QStringLiteral("-wal")).size());
            // Within a few pages of the limit: the write that failed was the one past it.
            if (limit >= 0 && largest + 256 * 1024 >= limit)
                return tr("Writing the database file %1 failed: it reached the file size limit "
                          "set for this program (%2). Nothing was saved; raise the limit (ulimit "
                          "-f) or ask whoever set it, then try again.")
                    .arg(location_.path, QLocale().formattedDataSize(limit));
            if (disk.isValid() && disk.bytesAvailable() < 1024 * 1024)
                return tr("The disk holding the database file %1 is full: nothing was saved. Free "
                          "some space, then try again.")
                    .arg(location_.path);
            return tr("Reading or writing the database file %1 failed (%2): the disk may be full, "
                      "the file may have hit a size limit, or the disk may be failing. Nothing "
                      "was saved.")
                .arg(location_.path, detail);
        }
        case 13: // SQLITE_FULL
            return tr("The disk holding the database file %1 is full: nothing was saved. Free "
                      "some space, then try again.")
                .arg(location_.path);
        case 14: // SQLITE_CANTOPEN
            return tr("Cannot open the database file %1 (%2).").arg(location_.path, detail);
        default:
            break;
        }
    } else if (error.nativeErrorCode() == QLatin1String("55P03") ||
               error.nativeErrorCode() == QLatin1String("57014")) {
        // lock_timeout or statement_timeout: another program holds a table, or the server is
        // too slow to answer.
        const double waited =
            (inTransaction_ ? options_.writeTimeoutMs : options_.readTimeoutMs) / 1000.0;
        if (inTransaction_)
            return tr("The code database %1 is busy: saving waited %2 s for another program "
                      "that holds its tables (an import, a backup, a long query) and gave up. "
                      "Nothing was saved; try again when the other program has finished.")
                .arg(where)
                .arg(waited);
        return tr("The code database %1 is busy: it did not answer within %2 s, because another "
                  "program holds its tables (an import, a backup, a long query). The code may be "
                  "on record: try again in a moment.")
            .arg(where)
            .arg(waited);
    } else if (error.type() == QSqlError::ConnectionError || !connection().isOpen()) {
        if (detail.isEmpty())
            return tr("Lost the connection to the database %1. Check that the server is running "
                      "and reachable, then try again.")
                .arg(where);
        return tr("Lost the connection to the database %1: %2").arg(where, detail);
    }
    if (detail.isEmpty())
        return tr("The database %1 reported an error it did not describe.").arg(where);
    return tr("The database %1 reported an error: %2").arg(where, detail);
}

} // namespace radiocode::storage
