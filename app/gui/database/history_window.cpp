#include "gui/database/history_window.h"

#include "common/texts.h"
#include "gui/accessibility.h"
#include "gui/database/label_photo_viewer.h"
#include "gui/database/no_code_actions.h"
#include "storage/job_pictures.h"
#include "storage/storage_texts.h"

#include "radiocode/calculators.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace radiocode::gui {
namespace {
// The outcome filter's item for the jobs waiting for a dealer's answer (not an Outcome).
constexpr int waitingItem = -1;
} // namespace

HistoryWindow::HistoryWindow(storage::Database* database, QWidget* parent)
    : QDialog(parent), database_(database) {
    setWindowTitle(tr("Job history"));
    setObjectName(QStringLiteral("historyWindow"));
    resize(900, 560);

    search_ = new QLineEdit(this);
    search_->setPlaceholderText(
        tr("Serial, code, customer, registration, VIN, technician or notes"));
    search_->setClearButtonEnabled(true);
    search_->setAccessibleName(tr("Search the jobs"));
    Accessibility::nameClearButton(search_);
    family_ = new QComboBox(this);
    family_->addItem(tr("All radios"));
    for (const Family family : allFamilies)
        family_->addItem(Texts::familyName(family), static_cast<int>(family));
    outcome_ = new QComboBox(this);
    outcome_->addItem(tr("Any outcome"));
    for (const auto outcome :
         {storage::Outcome::Worked, storage::Outcome::Refused, storage::Outcome::NotTried})
        outcome_->addItem(storage::StorageTexts::outcomeName(outcome), static_cast<int>(outcome));
    outcome_->addItem(tr("Waiting for codes"), waitingItem);
    useSince_ = new QCheckBox(tr("From"), this);
    since_ = new QDateEdit(QDate::currentDate().addMonths(-1), this);
    since_->setCalendarPopup(true);
    since_->setEnabled(false);
    useUntil_ = new QCheckBox(tr("To"), this);
    until_ = new QDateEdit(QDate::currentDate(), this);
    until_->setCalendarPopup(true);
    until_->setEnabled(false);
    family_->setAccessibleName(tr("Radio family"));
    outcome_->setAccessibleName(tr("Outcome"));
    since_->setAccessibleName(tr("From date"));
    until_->setAccessibleName(tr("To date"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(search_, 2);
    filters->addWidget(family_);
    filters->addWidget(outcome_);
    filters->addWidget(useSince_);
    filters->addWidget(since_);
    filters->addWidget(useUntil_);
    filters->addWidget(until_);

    table_ = new QTableWidget(0, 10, this);
    table_->setHorizontalHeaderLabels({tr("Date"), tr("Radio"), tr("Serial"), tr("Code"),
                                       tr("Outcome"), tr("Attempts"), tr("Customer"),
                                       tr("Registration"), tr("Technician"), tr("Notes")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(false);
    table_->setAccessibleName(tr("Jobs"));

    status_ = new QLabel(this);
    auto* buttons = new QDialogButtonBox(this);
    reopen_ = buttons->addButton(tr("&Reopen"), QDialogButtonBox::ActionRole);
    reprint_ = buttons->addButton(tr("Re&print sheet…"), QDialogButtonBox::ActionRole);
    changeOutcome_ = buttons->addButton(tr("Change &outcome"), QDialogButtonBox::ActionRole);
    changeOutcome_->setObjectName(QStringLiteral("changeOutcomeButton"));
    auto* outcomes = new QMenu(changeOutcome_);
    for (const auto outcome :
         {storage::Outcome::Worked, storage::Outcome::Refused, storage::Outcome::NotTried})
        outcomes->addAction(storage::StorageTexts::outcomeName(outcome), this,
                            [this, outcome] { changeOutcome(outcome); });
    changeOutcome_->setMenu(outcomes);
    photo_ = buttons->addButton(tr("View &label photo…"), QDialogButtonBox::ActionRole);
    photo_->setObjectName(QStringLiteral("viewLabelPhotoButton"));
    connect(photo_, &QPushButton::clicked, this, &HistoryWindow::showLabelPhoto);
    export_ = buttons->addButton(tr("&Export CSV…"), QDialogButtonBox::ActionRole);
    answer_ = buttons->addButton(tr("Enter the &answer…"), QDialogButtonBox::ActionRole);
    answer_->setObjectName(QStringLiteral("enterAnswerButton"));
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(table_, 1);
    layout->addWidget(status_);
    layout->addWidget(buttons);

    // Typing filters after a short pause, so a long log is not queried on every key.
    auto* delay = new QTimer(this);
    delay->setSingleShot(true);
    delay->setInterval(250);
    connect(delay, &QTimer::timeout, this, &HistoryWindow::refresh);
    connect(search_, &QLineEdit::textChanged, delay, qOverload<>(&QTimer::start));
    for (QComboBox* combo : {family_, outcome_})
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryWindow::refresh);
    for (QDateEdit* edit : {since_, until_})
        connect(edit, &QDateEdit::dateChanged, this, &HistoryWindow::refresh);
    connect(useSince_, &QCheckBox::toggled, since_, &QWidget::setEnabled);
    connect(useUntil_, &QCheckBox::toggled, until_, &QWidget::setEnabled);
    connect(useSince_, &QCheckBox::toggled, this, &HistoryWindow::refresh);
    connect(useUntil_, &QCheckBox::toggled, this, &HistoryWindow::refresh);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &HistoryWindow::updateButtons);
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this] {
        if (const auto job = selectedJob())
            emit reopenRequested(*job);
    });
    connect(reopen_, &QPushButton::clicked, this, [this] {
        if (const auto job = selectedJob())
            emit reopenRequested(*job);
    });
    connect(reprint_, &QPushButton::clicked, this, [this] {
        if (const auto job = selectedJob())
            emit reprintRequested(*job);
    });
    connect(export_, &QPushButton::clicked, this, &HistoryWindow::exportCsv);
    connect(answer_, &QPushButton::clicked, this, [this] {
        const auto job = selectedJob();
        const int row = table_->currentRow();
        if (!job || row < 0 || row >= requests_.size())
            return;
        AnswerDialog dialog(job->serial, requests_[row].askedFrom, this);
        while (dialog.exec() == QDialog::Accepted) {
            QString error;
            if (answerSelected(dialog.codeEdit()->text(), dialog.fromEdit()->text(),
                               dialog.manufacturerCheck()->isChecked(), &error))
                return;
            QMessageBox::warning(this, tr("Enter the answer"), error);
        }
    });
    refresh();
}

void HistoryWindow::setDatabase(storage::Database* database) {
    database_ = database;
    refresh();
}

storage::JobFilter HistoryWindow::filter() const {
    storage::JobFilter filter;
    filter.text = search_->text();
    if (family_->currentIndex() > 0)
        filter.family = static_cast<Family>(family_->currentData().toInt());
    if (outcome_->currentIndex() > 0 && outcome_->currentData().toInt() != waitingItem)
        filter.outcome = static_cast<storage::Outcome>(outcome_->currentData().toInt());
    if (useSince_->isChecked())
        filter.since = since_->date().startOfDay();
    if (useUntil_->isChecked())
        filter.until = until_->date().addDays(1).startOfDay(); // the whole "to" day
    return filter;
}

void HistoryWindow::refresh() {
    table_->setRowCount(0);
    jobs_.clear();
    if (!database_) {
        status_->setText(tr("No code database is open: see Database ▸ Settings."));
        updateButtons();
        return;
    }
    requests_.clear();
    QString reminder;
    if (showsWaiting()) {
        const auto waiting = database_->jobLog().waitingJobs();
        for (const auto& [job, request] : waiting) {
            jobs_.append(job);
            requests_.append(request);
        }
        reminder = storage::StorageTexts::waitingReminder(
            storage::StorageTexts::overdueRequests(waiting, savedReminderDays()),
            savedReminderDays());
    } else {
        jobs_ = database_->jobLog().jobs(filter());
    }
    pictured_ = storage::jobsWithPicture(*database_);
    // In any list, a job whose code was asked of a dealer says so, not "not tried".
    const QHash<qint64, storage::CodeRequest> waiting =
        showsWaiting() ? QHash<qint64, storage::CodeRequest>{}
                       : storage::StorageTexts::waitingById(database_->jobLog().waitingJobs());
    table_->setRowCount(static_cast<int>(jobs_.size()));
    for (int row = 0; row < jobs_.size(); ++row) {
        const storage::Job& job = jobs_[row];
        const QStringList cells = {
            QLocale().toString(job.time.toLocalTime(), QLocale::ShortFormat),
            job.family ? Texts::familyName(*job.family) : QString(),
            job.serial,
            job.code,
            row < requests_.size()     ? storage::StorageTexts::waitingFor(requests_[row])
            : waiting.contains(job.id) ? storage::StorageTexts::waitingSince(waiting.value(job.id))
                                       : storage::StorageTexts::outcomeName(job.outcome),
            QString::number(job.attempts),
            job.customer,
            job.registration,
            job.technician,
            job.notes.simplified()};
        for (int column = 0; column < cells.size(); ++column)
            table_->setItem(row, column, new QTableWidgetItem(cells[column]));
        table_->item(row, 9)->setToolTip(job.notes);
        if (pictured_.contains(job.id)) {
            table_->item(row, 2)->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
            table_->item(row, 2)->setToolTip(tr("A photo of the label is kept with this job"));
        }
    }
    table_->resizeColumnsToContents();
    status_->setText(reminder.isEmpty() ? tr("%n job(s)", nullptr, static_cast<int>(jobs_.size()))
                                        : tr("%n job(s)", nullptr, static_cast<int>(jobs_.size())) +
                                              QStringLiteral(" · ") + reminder);
    updateButtons();
}

bool HistoryWindow::showsWaiting() const {
    return outcome_->currentData().toInt() == waitingItem && outcome_->currentIndex() > 0;
}

void HistoryWindow::showWaiting() {
    outcome_->setCurrentIndex(outcome_->findData(waitingItem));
}

QString HistoryWindow::statusText() const {
    return status_->text();
}

bool HistoryWindow::answerSelected(const QString& rawCode, const QString& rawFrom,
                                   bool manufacturer, QString* error) {
    const auto job = selectedJob();
    if (!database_ || !job || !showsWaiting()) {
        *error = tr("Choose a job under “Waiting for codes” first.");
        return false;
    }
    const QString code = rawCode.trimmed();
    const QString from = rawFrom.trimmed();
    if (!isCodeText(code)) {
        *error = tr("“%1” is not a code: a code is exactly 4 digits.").arg(code);
        return false;
    }
    if (from.isEmpty()) {
        *error = tr("Say who gave the code: it is kept with the code.");
        return false;
    }
    std::optional<storage::StoredCode> previous;
    switch (database_->jobLog().answerCodeRequest(
        job->id, code,
        manufacturer ? storage::CodeProvenance::Manufacturer : storage::CodeProvenance::Dealer,
        from, &previous)) {
    case storage::JobLog::AnswerResult::Saved:
    case storage::JobLog::AnswerResult::SameCode:
        break;
    case storage::JobLog::AnswerResult::Conflict:
        *error = tr("The code database holds %1 for this radio (%2), not %3: nothing was "
                    "changed. Check the answer with %4.")
                     .arg(previous->code, Texts::sourceDescription(previous->sourceProvenance()),
                          code, from);
        return false;
    case storage::JobLog::AnswerResult::NotWaiting:
    case storage::JobLog::AnswerResult::NotFound:
        *error = tr("Job #%1 is no longer waiting for a code.").arg(job->id);
        refresh();
        return false;
    case storage::JobLog::AnswerResult::Failed:
        *error = database_->lastError();
        return false;
    }
    const std::optional<storage::Job> updated = database_->jobLog().job(job->id);
    refresh();
    if (updated)
        emit answered(*updated);
    return true;
}

std::optional<storage::Job> HistoryWindow::selectedJob() const {
    const int row = table_->currentRow();
    if (row < 0 || row >= jobs_.size() || table_->selectedItems().isEmpty())
        return std::nullopt;
    return jobs_[row];
}

bool HistoryWindow::changeOutcome(storage::Outcome outcome) {
    std::optional<storage::Job> job = selectedJob();
    if (!job || !database_)
        return false;
    const int row = table_->currentRow();
    // The code database learns from the change as from the result page's buttons.
    const QString technician = technician_ ? technician_().trimmed() : QString();
    if (!database_->jobLog().changeOutcome(job->id, outcome, technician)) {
        QMessageBox::warning(this, tr("Change outcome"), database_->lastError());
        refresh();
        return false;
    }
    job = database_->jobLog().job(job->id).value_or(*job);
    refresh();
    if (row >= 0 && row < table_->rowCount())
        table_->selectRow(row);
    status_->setText(tr("Job of %1 (%2): outcome changed to “%3”.")
                         .arg(job->serial,
                              QLocale().toString(job->time.toLocalTime(), QLocale::ShortFormat),
                              storage::StorageTexts::outcomeName(outcome)));
    emit jobChanged(*job);
    return true;
}

void HistoryWindow::updateButtons() {
    const bool selected = selectedJob().has_value();
    reopen_->setEnabled(selected);
    reprint_->setEnabled(selected);
    changeOutcome_->setEnabled(selected);
    photo_->setEnabled(selectedJobHasPhoto());
    answer_->setVisible(showsWaiting());
    answer_->setEnabled(selected && showsWaiting());
    export_->setEnabled(!jobs_.isEmpty());
}

bool HistoryWindow::selectedJobHasPhoto() const {
    const auto job = selectedJob();
    return job && pictured_.contains(job->id);
}

QDialog* HistoryWindow::showLabelPhoto() {
    const auto job = selectedJob();
    if (!database_ || !job)
        return nullptr;
    QString error;
    const auto picture = storage::jobPicture(*database_, job->id, &error);
    if (!picture) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Label photo"), error);
        return nullptr;
    }
    LabelPhoto photo;
    photo.jpeg = picture->jpeg;
    photo.serialFrame = QPolygonF(picture->serialFrame);
    photo.serialRead = picture->serialRead;
    photo.takenAt = picture->takenAt;
    auto* viewer = new LabelPhotoViewer(photo, job->serial, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->open();
    return viewer;
}

bool HistoryWindow::exportTo(const QString& path, QString* error) {
    QSaveFile file(path);
    // flush() before commit(): commit() misses a failed last write (a full disk).
    if (!database_ || !file.open(QIODevice::WriteOnly) ||
        !database_->jobLog().exportJobs(file, filter()) || !file.flush() || !file.commit()) {
        if (error)
            *error = database_ && !database_->lastError().isEmpty()
                         ? database_->lastError()
                         : tr("Cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

void HistoryWindow::exportCsv() {
    // QFileDialog asks before overwriting an existing file.
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export jobs"),
        QStringLiteral("jobs-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export jobs"), error);
    else
        status_->setText(tr("%n job(s) exported to %1.", nullptr, static_cast<int>(jobs_.size()))
                             .arg(QDir::toNativeSeparators(path)));
}

} // namespace radiocode::gui
