// The codes: looking one up, a technician's confirmed code, replacing and counting, the export.
#include "storage/csv_writer.h"
#include "storage/database.h"
#include "storage/database_columns.h"

#include <QFileInfo>
#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace radiocode::storage {

Provenance StoredCode::sourceProvenance() const {
    const std::string who = origin.toStdString();
    Provenance result;
    switch (provenance) {
    case CodeProvenance::Import:
        result = Provenance::imported(who);
        break;
    case CodeProvenance::Confirmed:
        result = Provenance::named(Provenance::Kind::Confirmed, who);
        break;
    case CodeProvenance::Card:
        result = Provenance::named(Provenance::Kind::Card, who);
        break;
    // A dealer's or the manufacturer's answer is named by who gave it, wherever it is stored.
    case CodeProvenance::Dealer:
        result = Provenance::named(Provenance::Kind::Dealer, who);
        break;
    case CodeProvenance::Manufacturer:
        result = Provenance::named(Provenance::Kind::Manufacturer, who);
        break;
    }
    if (createdAt.isValid())
        result.when = timestamp(createdAt).toStdString();
    return result;
}

QString StoredCode::source() const {
    return QString::fromStdString(sourceProvenance().id());
}

QString codeProvenanceId(CodeProvenance provenance) {
    return provenanceId(provenance);
}

// --- codes ---------------------------------------------------------------------------------

std::optional<StoredCode> Database::findCode(Family family, const QString& serial, bool* failed) {
    if (failed)
        *failed = false;
    auto failWith = [&](const QSqlError& error) -> std::optional<StoredCode> {
        fail(error);
        if (failed)
            *failed = true;
        return std::nullopt;
    };
    for (int attempt = 0;; ++attempt) {
        QSqlError error;
        if (!findQuery_) {
            findQuery_ = std::make_unique<QSqlQuery>(connection());
            findQuery_->setForwardOnly(true);
            if (!findQuery_->prepare(
                    QStringLiteral("SELECT code, source, origin, created_at, refused_by, "
                                   "refused_at FROM codes WHERE serial = ? AND family = ?"))) {
                error = findQuery_->lastError();
                findQuery_.reset();
            }
        }
        if (findQuery_) {
            findQuery_->bindValue(0, serial);
            findQuery_->bindValue(1, familyText(family));
            if (findQuery_->exec())
                break;
            error = findQuery_->lastError();
        }
        // A read: safe to repeat on a new connection when the server was restarted.
        if (attempt == 0 && reconnectIfLost())
            continue;
        if (!isSqlite() && !connection().isOpen()) { // reconnectIfLost() said why
            if (failed)
                *failed = true;
            return std::nullopt;
        }
        return failWith(error);
    }
    QSqlQuery& query = *findQuery_;
    std::optional<StoredCode> found;
    if (query.next()) {
        found = StoredCode{family,
                           serial,
                           query.value(0).toString(),
                           provenanceFromId(query.value(1).toString()),
                           query.value(2).toString(),
                           fromTimestamp(query.value(3).toString())};
        if (const QString refusedAt = query.value(5).toString(); !refusedAt.isEmpty()) {
            found->refusedBy = query.value(4).toString();
            found->refusedAt = fromTimestamp(refusedAt);
        }
    }
    // Ends the read at once: an open statement would keep an old snapshot of the database.
    query.finish();
    return found;
}

AddResult Database::addConfirmedCode(Family family, const QString& serial, const QString& code,
                                     const QString& technician, bool replace,
                                     std::optional<StoredCode>* previous) {
    if (!beginWrite())
        return AddResult::Failed;
    QSqlQuery query(connection());
    // Every way out before the commit ends the transaction.
    const auto abandon = [this](AddResult result) {
        rollback();
        return result;
    };
    const auto failed = [&] {
        fail(query);
        return abandon(AddResult::Failed);
    };
    if (!isSqlite() &&
        !query.exec(QStringLiteral("LOCK TABLE codes IN SHARE ROW EXCLUSIVE MODE"))) {
        return failed();
    }
    lastError_.clear();
    const std::optional<StoredCode> stored = findCode(family, serial);
    if (!stored && !lastError_.isEmpty())
        return abandon(AddResult::Failed);
    if (previous)
        *previous = stored;
    AddResult result = AddResult::Added;
    if (stored) {
        if (stored->code == code) {
            if (stored->provenance == CodeProvenance::Confirmed)
                return abandon(AddResult::Duplicate);
            // It worked on a radio: that is worth more than a line in a list.
            query.prepare(QStringLiteral("UPDATE codes SET source = ?, origin = ?, created_at = ? "
                                         "WHERE serial = ? AND family = ?"));
            query.addBindValue(provenanceId(CodeProvenance::Confirmed));
            query.addBindValue(notNull(technician));
            query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
            query.addBindValue(serial);
            query.addBindValue(familyText(family));
            if (!query.exec())
                return failed();
            return commit() ? AddResult::Confirmed : AddResult::Failed;
        }
        if (!replace)
            return abandon(AddResult::Conflict);
        query.prepare(QStringLiteral("DELETE FROM codes WHERE serial = ? AND family = ?"));
        query.addBindValue(serial);
        query.addBindValue(familyText(family));
        if (!query.exec())
            return failed();
        result = AddResult::Replaced;
    }
    query.prepare(QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(serial);
    query.addBindValue(familyText(family));
    query.addBindValue(code);
    query.addBindValue(provenanceId(CodeProvenance::Confirmed));
    query.addBindValue(notNull(technician));
    query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
    if (!query.exec())
        return failed();
    return commit() ? result : AddResult::Failed;
}

bool Database::replaceCode(Family family, const QString& serial, const QString& code,
                           CodeProvenance provenance, const QString& origin) {
    if (!beginWrite())
        return false;
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("DELETE FROM codes WHERE serial = ? AND family = ?"));
    query.addBindValue(serial);
    query.addBindValue(familyText(family));
    bool ok = query.exec();
    if (ok) {
        query.prepare(QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                                     "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
        query.addBindValue(serial);
        query.addBindValue(familyText(family));
        query.addBindValue(code);
        query.addBindValue(provenanceId(provenance));
        query.addBindValue(notNull(origin));
        query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
        ok = query.exec();
    }
    if (!ok) {
        fail(query);
        rollback();
        return false;
    }
    return commit();
}

bool Database::replaceCodes(const QList<ImportConflict>& chosen, const QString& fileName) {
    if (!beginWrite())
        return false;
    const QString origin = QFileInfo(fileName).fileName();
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    QSqlQuery remove(connection());
    QSqlQuery insert(connection());
    remove.prepare(QStringLiteral("DELETE FROM codes WHERE serial = ? AND family = ?"));
    insert.prepare(QStringLiteral("INSERT INTO codes (serial, family, code, source, origin, "
                                  "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const ImportConflict& conflict : chosen) {
        remove.bindValue(0, conflict.serial);
        remove.bindValue(1, familyText(conflict.family));
        insert.bindValue(0, conflict.serial);
        insert.bindValue(1, familyText(conflict.family));
        insert.bindValue(2, conflict.fileCode);
        insert.bindValue(3, provenanceId(CodeProvenance::Import));
        insert.bindValue(4, notNull(origin));
        insert.bindValue(5, now);
        if (!remove.exec() || !insert.exec()) {
            fail(remove.lastError().isValid() ? remove.lastError() : insert.lastError());
            rollback();
            return false;
        }
    }
    return commit();
}

qint64 Database::codeCount() {
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM codes")) || !query.next()) {
        if (reconnectIfLost())
            return retried([&] {
                return codeCount();
            }); // once: a second failure finds the new connection working
        fail(query);
        return -1;
    }
    return query.value(0).toLongLong();
}

bool Database::exportCodes(QIODevice& device) {
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT serial, code, family, source, origin, created_at FROM "
                                   "codes ORDER BY family, serial")))
        return fail(query);
    using Kind = CsvCellKind;
    CsvWriter writer(device, {{QStringLiteral("serial"), Kind::Text},
                              {QStringLiteral("code"), Kind::Text},
                              {QStringLiteral("family"), Kind::Text},
                              {QStringLiteral("source"), Kind::Text},
                              {QStringLiteral("origin"), Kind::Text},
                              {QStringLiteral("created_at"), Kind::Number}});
    auto cannotWrite = [&] {
        lastError_ = tr("Cannot write the export: %1").arg(writer.errorString());
        return false;
    };
    while (query.next()) {
        QList<QString> cells;
        for (int column = 0; column < 6; ++column)
            cells << query.value(column).toString();
        if (!writer.writeRow(cells))
            return cannotWrite();
    }
    return writer.finish() || cannotWrite();
}

} // namespace radiocode::storage
