#include "storage_texts.h"

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

QString StorageTexts::importSummary(const ImportReport& report) {
    auto count = [](qint64 n) { return static_cast<int>(std::min<qint64>(n, INT_MAX)); };
    const QString counts = QStringList{tr("%n imported", nullptr, count(report.imported)),
                                       tr("%n duplicate(s)", nullptr, count(report.duplicates)),
                                       tr("%n skipped", nullptr, count(report.skipped)),
                                       tr("%n conflict(s)", nullptr, count(report.conflictCount()))}
                               .join(QStringLiteral(", "));
    return report.dryRun ? tr("Dry run, nothing saved: %1").arg(counts) : counts;
}

} // namespace radiocode::storage
