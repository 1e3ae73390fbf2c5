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
