// The codes of the workshop's code database: looking one up, the codes technicians confirm or
// learn (radio card, dealer, manufacturer), refused codes, replacing, counting, import and export.
//
// Reached through Database::codes(); every call runs on the Database's connection and leaves
// its error in Database::lastError().
#pragma once

#include "storage/code_import.h"

#include "radiocode/families.h"
#include "radiocode/provenance.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QIODevice;
class QSqlQuery;

namespace radiocode::storage {

class Database;

// How a code arrived in the database: an imported list, a code confirmed on a radio, the owner's
// radio card (once it worked), a Nissan dealer's or the manufacturer's service's answer.
enum class CodeProvenance { Import, Confirmed, Card, Dealer, Manufacturer };

struct StoredCode {
    Family family = Family::Blaupunkt;
    QString serial;
    QString code;
    CodeProvenance provenance = CodeProvenance::Import;
    QString origin; // import: the file name; confirmed, card: the technician; dealer,
                    // manufacturer: who answered
    QDateTime createdAt;
    // Set when a technician recorded that the radio refused this code.
    QString refusedBy = {};
    QDateTime refusedAt = {};

    // Where the code came from, as a value (`when`: createdAt).
    Provenance sourceProvenance() const;
    // Its machine form: "database:import:<file>", "database:confirmed:<technician>",
    // "database:card:<technician>", "dealer:<name>" or "manufacturer:<name>"
    QString source() const;
    bool wasRefused() const { return refusedAt.isValid(); }
};

// "import", "confirmed", "card", "dealer", "manufacturer": as the codes table stores it.
QString codeProvenanceId(CodeProvenance provenance);

enum class AddResult {
    Added,     // stored
    Confirmed, // the same code was stored from an import: now marked confirmed by the technician
    Duplicate, // the same code was already stored as confirmed: nothing to do
    Conflict,  // another code is stored for the serial: not changed
    Replaced,  // another code was stored and `replace` was asked for
    Failed     // database error: see Database::lastError()
};

class CodeStore {
public:
    explicit CodeStore(Database& database);
    ~CodeStore();
    CodeStore(const CodeStore&) = delete;
    CodeStore& operator=(const CodeStore&) = delete;

    // Nothing found: *failed (when given) tells a failed query (lastError() says why) from a
    // serial the database does not hold.
    std::optional<StoredCode> findCode(Family family, const QString& serial,
                                       bool* failed = nullptr);
    AddResult addConfirmedCode(Family family, const QString& serial, const QString& code,
                               const QString& technician, bool replace = false,
                               std::optional<StoredCode>* previous = nullptr);
    // The technician chose the file's code over the stored one (import conflict resolution).
    bool replaceCode(Family family, const QString& serial, const QString& code,
                     CodeProvenance provenance, const QString& origin);
    // Several at once, in one transaction: the conflicts a technician chose to resolve with the
    // file's code.
    bool replaceCodes(const QList<ImportConflict>& chosen, const QString& fileName);
    qint64 codeCount();
    // Streams the list from `device` (a file, a pipe, standard input): memory stays flat.
    // `fileName` is recorded as the codes' origin.
    ImportReport importCsv(QIODevice& device, const QString& fileName,
                           const ImportOptions& options = {});
    ImportReport importCsv(QByteArrayView data, const QString& fileName,
                           const ImportOptions& options = {});
    // CSV serial,code,family,source,origin,created_at; spreadsheet-safe (csv_writer.h), and
    // importCsv reads it back with the same sources.
    bool exportCodes(QIODevice& device);

    // How codes are learned when none is on record (the radio card, a dealer's answer).
    // Stores a code with its provenance unless one is stored: the same code is a Duplicate (left
    // as it was), another one a Conflict (never overwritten).
    AddResult addLearnedCode(Family family, const QString& serial, const QString& code,
                             CodeProvenance provenance, const QString& origin,
                             std::optional<StoredCode>* previous = nullptr);
    // The radio refused the stored code `code` for this serial: flags it for everyone who looks
    // it up next. *flagged says whether such a code was stored. False on a database error.
    bool flagRefusedCode(Family family, const QString& serial, const QString& code,
                         const QString& technician, bool* flagged = nullptr);
    // The code worked after all (the refusal was a misread serial, ...): the flag goes.
    bool clearRefusedFlag(Family family, const QString& serial, const QString& code);

private:
    friend class Database;

    // A write of the codes table, begun: other writers of codes wait until it ends, readers go
    // on. False (nothing begun) on failure.
    bool beginCodesWrite();
    // The serial's stored code inside such a write; false on a database error (rolled back).
    bool storedInWrite(Family family, const QString& serial, std::optional<StoredCode>* stored);
    bool insertCode(QSqlQuery& query, Family family, const QString& serial, const QString& code,
                    CodeProvenance provenance, const QString& origin);
    bool deleteCode(QSqlQuery& query, Family family, const QString& serial);
    // The prepared lookup lives on one connection: dropped before it is reopened or closed.
    void forgetPreparedQueries();

    Database& database_;
    std::unique_ptr<QSqlQuery> findQuery_; // prepared once: lookups are the hot path
};

} // namespace radiocode::storage
