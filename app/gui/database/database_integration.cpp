#include "gui/database/database_integration.h"

#include "common/texts.h"
#include "gui/database/database_settings_page.h"
#include "gui/database/history_window.h"
#include "gui/database/import_dialog.h"
#include "gui/database/no_code_actions.h"
#include "gui/main_window.h"
#include "gui/result_page.h"
#include "storage/job_pictures.h"
#include "storage/storage_texts.h"

#include "radiocode/calculators.h"
#include "radiocode/recognition.h"

#include <QAction>
#include <QEvent>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include <algorithm>
#include <memory>

namespace radiocode::gui {
namespace {

bool fromDatabaseFamily(const LookupResult& result) {
    return result.recognition.family &&
           familyInfo(*result.recognition.family).origin == CodeOrigin::CodeDatabase;
}

} // namespace

DatabaseIntegration::DatabaseIntegration(CodeFinder& finder, QObject* parent) : QObject(parent) {
    // Opened after the window's first frame (attach), or sooner when something needs it: a
    // database file to create, or a server to reach, must not hold up the start.
    session_.openLater();
    finder.addSource(&session_);
}

DatabaseIntegration::~DatabaseIntegration() {
    delete history_;
    delete import_;
}

void DatabaseIntegration::attach(MainWindow& window) {
    window_ = &window;
    QMenu* menu = window.databaseMenu();
    menu_.status = menu->addAction(QString());
    menu_.status->setEnabled(false);
    menu_.import = menu->addAction(QString(), this, &DatabaseIntegration::openImportDialog);
    menu_.import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    menu_.history = menu->addAction(QString(), this, &DatabaseIntegration::openHistory);
    menu_.history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    menu->addSeparator();
    menu_.settings = menu->addAction(QString(), this, &DatabaseIntegration::openSettings);
    noCode_ = new NoCodeActions(*this, window);
    menu_.workshop = menu->addAction(QString(), noCode_, &NoCodeActions::openWorkshopDialog);

    worked_ = new QPushButton;
    worked_->setObjectName(QStringLiteral("codeWorkedButton"));
    refused_ = new QPushButton;
    refused_->setObjectName(QStringLiteral("codeRefusedButton"));
    saveJob_ = new QPushButton;
    saveJob_->setObjectName(QStringLiteral("saveJobButton"));
    recordCode_ = new QPushButton;
    recordCode_->setObjectName(QStringLiteral("recordCodeButton"));
    // Added when the result page is first shown: the window builds its pages lazily, for a quick
    // start.
    for (QPushButton* button : {worked_, refused_, saveJob_, recordCode_}) {
        button->setParent(&window);
        button->hide();
    }
    connect(&window, &MainWindow::pageChanged, this, [this](MainWindow::Page page) {
        if (page == MainWindow::Page::Result)
            updateResultButtons();
    });
    connect(worked_, &QPushButton::clicked, this,
            [this] { recordOutcome(storage::Outcome::Worked); });
    connect(refused_, &QPushButton::clicked, this,
            [this] { recordOutcome(storage::Outcome::Refused); });
    connect(saveJob_, &QPushButton::clicked, this,
            [this] { recordOutcome(storage::Outcome::NotTried); });
    // Not window.resultPage() here: it would build every page before the first frame.
    const auto connectResultPage = [this] {
        connect(window_->resultPage(), &ResultPage::importRequested, this,
                &DatabaseIntegration::openImportDialog);
    };
    if (window.hasPages())
        connectResultPage();
    else
        connect(&window, &MainWindow::pagesBuilt, this, connectResultPage,
                Qt::SingleShotConnection);
    connect(recordCode_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString code = QInputDialog::getText(
            window_, tr("Record the code that worked"),
            tr("The 4-digit code the radio accepted for %1:")
                .arg(Texts::fromUtf8(window_->currentResult().recognition.serial)),
            QLineEdit::Normal, QString(), &ok);
        if (ok)
            recordWorkingCode(code);
    });
    connect(&window, &MainWindow::lookupCompleted, this, &DatabaseIntegration::lookupCompleted);
    connect(&window, &MainWindow::resultRefreshed, this, &DatabaseIntegration::updateResultButtons);
    // A printed or saved sheet is a job done: it is saved (the same job, updated) and says so.
    connect(&window, &MainWindow::sheetIssued, this, [this] {
        if (saveJob())
            window_->appendNotice(tr("Job saved."));
    });
    connect(&session_, &DatabaseSession::databaseChanged, this, &DatabaseIntegration::updateMenu);
    connect(&session_, &DatabaseSession::databaseChanged, this,
            &DatabaseIntegration::askAgainWhenAnswering);
    connect(&window, &MainWindow::firstFrameShown, this, [this] {
        if (!session_.isPending())
            return;
        // Reached on a worker thread: a server that does not answer cannot hold the window.
        window_->statusBar()->showMessage(tr("Opening the code database…"));
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(&session_, &DatabaseSession::databaseChanged, this, [this, once] {
            if (session_.isOpening())
                return;
            disconnect(*once);
            if (window_)
                window_->statusBar()->clearMessage();
            noCode_->checkWaiting(); // requests that waited too long
        });
        session_.openInBackground();
    });
    window.installEventFilter(this); // language changes
    retranslate();
    updateResultButtons();
}

bool DatabaseIntegration::eventFilter(QObject* watched, QEvent* event) {
    // The type first: while the window is being destroyed (child events) it is no longer a
    // MainWindow, and even reading the QPointer would downcast a half-destroyed object.
    if (event->type() == QEvent::LanguageChange && watched == window_)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void DatabaseIntegration::retranslate() {
    menu_.import->setText(tr("&Import codes…"));
    menu_.history->setText(tr("Job &history…"));
    menu_.settings->setText(tr("Database &settings…"));
    menu_.workshop->setText(tr("&Workshop details…"));
    noCode_->retranslate();
    // No mnemonic: an outcome is never one key away (Alt+R is Renault on the first page).
    worked_->setText(tr("This code worked"));
    worked_->setToolTip(tr("Save the job as done; a database code is marked as confirmed by you."));
    refused_->setText(tr("Code refused…"));
    refused_->setToolTip(tr("Count a wrong attempt for this radio and show what to do next."));
    saveJob_->setText(tr("Save j&ob"));
    saveJob_->setToolTip(tr("Keep this lookup in the job log."));
    recordCode_->setText(tr("Record the code that worked…"));
    recordCode_->setToolTip(tr("The code came from the radio card or the dealer and the radio "
                               "accepted it: keep it in the code database."));
    updateMenu();
}

void DatabaseIntegration::updateMenu() {
    if (!menu_.status || session_.isPending())
        return; // again when it opens (databaseChanged)
    if (session_.isOpening()) {
        menu_.status->setText(tr("Opening the code database…"));
        menu_.import->setEnabled(false);
        menu_.history->setEnabled(false);
        return;
    }
    const storage::Database* database = session_.openDatabase();
    const bool open = database != nullptr;
    const QString where = open ? database->location().displayUrl() : QString();
    if (open && database->connectionLost())
        menu_.status->setText(session_.isReconnecting()
                                  ? tr("Connecting to %1 again…").arg(where)
                                  : tr("Lost the connection to %1").arg(where));
    else if (open && database->isReadOnly())
        menu_.status->setText(
            tr("Using %1 read-only: lookups work, nothing can be saved").arg(where));
    else
        menu_.status->setText(open ? tr("Using %1").arg(where)
                                   : tr("No code database: %1").arg(session_.error()));
    menu_.import->setEnabled(open);
    menu_.history->setEnabled(open);
    if (history_)
        history_->setDatabase(session_.openDatabase());
    updateResultButtons();
}

void DatabaseIntegration::askAgainWhenAnswering() {
    const storage::Database* database = session_.openDatabase();
    if (!window_ || !database || database->connectionLost() || !window_->hasPages() ||
        window_->currentPage() != MainWindow::Page::Result)
        return;
    // The result on the page could not be asked (the database was being opened or connected
    // again): asked again now that it answers.
    if (!window_->currentResult().sourceFailure.empty())
        window_->refreshResult();
}

void DatabaseIntegration::updateResultButtons() {
    if (!window_ || (window_->currentPage() != MainWindow::Page::Result && !buttonsAdded_))
        return;
    if (session_.isPending())
        session_.openPending(); // a result before the first frame: as the start would open it
    if (!buttonsAdded_) {
        buttonsAdded_ = true;
        for (QPushButton* button : {worked_, refused_, saveJob_})
            window_->resultPage()->addRecordAction(button);
        window_->resultPage()->addNoCodeAction(recordCode_);
    }
    const LookupResult& result = window_->currentResult();
    const bool open = session_.openDatabase() != nullptr;
    const bool valid = result.recognition.isUsable();
    const bool hasCode = result.status == LookupStatus::Ok;
    worked_->setVisible(open && hasCode);
    refused_->setVisible(open && hasCode);
    saveJob_->setVisible(open && valid);
    recordCode_->setVisible(open && result.status == LookupStatus::NotFound &&
                            fromDatabaseFamily(result));
    window_->resultPage()->setEmptyDatabaseOffer(open && result.status == LookupStatus::NotFound &&
                                                 fromDatabaseFamily(result) &&
                                                 !session_.openDatabase()->isReadOnly() &&
                                                 session_.openDatabase()->codes().codeCount() == 0);
    noCode_->updateButtons(open);
}

QString DatabaseIntegration::technician() const {
    return window_ ? window_->currentJobDetails().technician.trimmed() : QString();
}

void DatabaseIntegration::warn(const QString& title, const QString& text) {
    lastWarning_ = text;
    showMessage(title, text, QStringLiteral("attemptWarning"));
}

void DatabaseIntegration::showError(const QString& title, const QString& text) {
    lastError_ = text;
    showMessage(title, text, QStringLiteral("databaseError"));
}

void DatabaseIntegration::showMessage(const QString& title, const QString& text,
                                      const QString& name) {
    // Not modal: the technician reads it beside the result and carries on.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, window_);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void DatabaseIntegration::lookupCompleted(const LookupResult& result) {
    // Another radio is another job; the same radio looked up again stays the same job, so
    // saving and printing update it instead of adding a second one.
    // The other reading of the same label (the technician chose it) is the same job too.
    const auto isJobSerial = [this](const std::string& serial) {
        return Texts::fromUtf8(serial) == currentJobSerial_;
    };
    const std::vector<std::string>& readings = result.recognition.readings;
    const bool sameRadio = currentJobId_ > 0 && result.recognition.family == currentJobFamily_ &&
                           (isJobSerial(result.recognition.serial) ||
                            std::any_of(readings.begin(), readings.end(), isJobSerial));
    if (!sameRadio) {
        currentJobId_ = 0;
        currentAttempts_ = 0;
    }
    lastWarning_.clear();
    updateResultButtons();
    // Not waited for: a database being opened or connected again gives no warning this time.
    storage::Database* database = session_.openDatabase();
    if (!database || !result.recognition.isValid() || !result.recognition.family)
        return;
    const QString warning = storage::StorageTexts::attemptWarning(database->jobLog().attempts(
        *result.recognition.family, Texts::fromUtf8(result.recognition.serial)));
    if (!warning.isEmpty())
        warn(tr("Codes were refused before"), warning);
}

bool DatabaseIntegration::confirm(const QString& title, const QString& question,
                                  const QString& yes) {
    if (confirmation_)
        return confirmation_(question);
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::NoButton, window_);
    QPushButton* yesButton = box.addButton(yes, QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel); // Enter does not count an attempt by mistake
    box.exec();
    return box.clickedButton() == yesButton;
}

bool DatabaseIntegration::saveJob() {
    return writeJob(std::nullopt);
}

bool DatabaseIntegration::writeJob(std::optional<storage::Outcome> outcome) {
    if (!window_ || !window_->currentResult().recognition.isUsable())
        return false;
    storage::Database* database = session_.database(window_);
    if (!database)
        return false;
    const LookupResult& result = window_->currentResult();
    const JobDetails details = window_->currentJobDetails();
    storage::Job job;
    if (currentJobId_ > 0)
        job = database->jobLog().job(currentJobId_).value_or(storage::Job{});
    job.technician = details.technician;
    job.customer = details.customer;
    job.registration = details.registration;
    job.vin = details.vin;
    job.notes = details.notes;
    job.family = result.recognition.family;
    job.serial = Texts::fromUtf8(result.recognition.serial);
    job.partNumber = Texts::fromUtf8(result.recognition.partNumber);
    if (result.answer) {
        job.code = Texts::fromUtf8(result.answer->code);
        job.source = result.answer->source;
    }
    if (outcome && *outcome != storage::Outcome::NotTried)
        ++currentAttempts_;
    job.attempts = currentAttempts_;
    if (outcome)
        job.outcome = *outcome;
    bool saved = false;
    if (job.id > 0) {
        saved = database->jobLog().updateJob(job);
    } else if (const auto id = database->jobLog().addJob(job)) {
        currentJobId_ = *id;
        saved = true;
    }
    if (!saved) {
        showError(tr("Job log"), database->lastError());
        return false;
    }
    currentJobFamily_ = job.family;
    currentJobSerial_ = job.serial;
    keepLabelPhoto(currentJobId_);
    if (history_)
        history_->refresh();
    return true;
}

bool DatabaseIntegration::keepLabelPhoto(qint64 jobId) {
    storage::Database* database = session_.database(window_);
    if (!window_ || !database || jobId <= 0)
        return true;
    const LabelPhoto photo = window_->currentLabelPhoto();
    if (photo.isNull() || (photoJobId_ == jobId && photoTakenAt_ == photo.takenAt))
        return true;
    storage::JobPicture picture;
    picture.jpeg = photo.jpeg;
    picture.serialFrame = QList<QPointF>(photo.serialFrame.begin(), photo.serialFrame.end());
    picture.serialRead = photo.serialRead;
    picture.takenAt = photo.takenAt;
    QString error;
    if (!storage::saveJobPicture(*database, jobId, picture, &error)) {
        showError(tr("Job log"), error);
        return false;
    }
    photoJobId_ = jobId;
    photoTakenAt_ = photo.takenAt;
    return true;
}

bool DatabaseIntegration::recordOutcome(storage::Outcome outcome) {
    if (!window_ || !window_->currentResult().recognition.isValid())
        return false;
    const LookupResult& result = window_->currentResult();
    if (outcome == storage::Outcome::NotTried) {
        if (!saveJob())
            return false;
        window_->showNotice(tr("Job saved."));
        return true;
    }
    const QString serial = Texts::fromUtf8(result.recognition.serial);
    const QString code = result.answer ? Texts::fromUtf8(result.answer->code) : QString();
    if (outcome == storage::Outcome::Refused &&
        !confirm(tr("Code refused"),
                 tr("Record that the radio refused the code %1? This counts a wrong attempt for "
                    "%2.")
                     .arg(code, serial),
                 tr("Record refusal")))
        return false;
    const JobDetails details = window_->currentJobDetails();
    if (!writeJob(outcome))
        return false;
    storage::Database* database = session_.openDatabase(); // open: writeJob() just used it
    storage::Job job;
    job.family = result.recognition.family;
    job.serial = serial;
    job.code = code;
    job.source = result.answer ? result.answer->source : Provenance{};
    job.outcome = outcome;
    // "This code worked" on a code from the database records it as confirmed by the technician.
    QString confirmedBy;
    if (outcome == storage::Outcome::Worked && result.answer && fromDatabaseFamily(result) &&
        result.answer->source.isCodeDatabase()) {
        QString name = details.technician.trimmed();
        if (name.isEmpty())
            name = QInputDialog::getText(window_, tr("This code worked"),
                                         tr("Your name, to mark the code as confirmed (leave "
                                            "empty to only save the job):"))
                       .trimmed();
        if (!name.isEmpty() &&
            database->codes().addConfirmedCode(*job.family, job.serial, job.code, name) ==
                storage::AddResult::Failed)
            showError(tr("This code worked"), database->lastError());
        else if (!name.isEmpty())
            confirmedBy = name;
    }
    // A radio card's code that worked is kept; a refused code is flagged for the next lookup.
    if (!database->jobLog().learnFromOutcome(job, details.technician.trimmed()))
        showError(tr("Code database"), database->lastError());
    if (outcome == storage::Outcome::Worked)
        window_->showNotice(confirmedBy.isEmpty()
                                ? tr("Code %1 recorded as worked. Job saved.").arg(code)
                                : tr("Code %1 recorded as worked and marked as confirmed by %2. "
                                     "Job saved.")
                                      .arg(code, confirmedBy));
    else
        window_->showNotice(tr("Code %1 recorded as refused (%n wrong attempt(s) in this job). "
                               "Job saved.",
                               nullptr, currentAttempts_)
                                .arg(code));
    if (!confirmedBy.isEmpty())
        window_->refreshResult(false); // its source now names the technician
    if (outcome == storage::Outcome::Refused && job.family) {
        const QString warning = storage::StorageTexts::attemptWarning(
            database->jobLog().attempts(*job.family, job.serial));
        if (!warning.isEmpty())
            warn(tr("Code refused"), warning);
    }
    return true;
}

bool DatabaseIntegration::recordWorkingCode(const QString& rawCode) {
    if (!window_)
        return false;
    const LookupResult& result = window_->currentResult();
    if (!result.recognition.isUsable() || !fromDatabaseFamily(result))
        return false;
    const QString code = rawCode.trimmed();
    if (!isCodeText(code)) {
        showError(tr("Record the code that worked"),
                  tr("“%1” is not a code: a code is exactly 4 digits.").arg(code));
        return false;
    }
    storage::Database* database = session_.database(window_);
    if (!database)
        return false;
    QString name = technician();
    if (name.isEmpty()) {
        name = QInputDialog::getText(window_, tr("Record the code that worked"),
                                     tr("Your name (kept with the code, so colleagues know who "
                                        "confirmed it):"))
                   .trimmed();
        if (name.isEmpty())
            return false;
    }
    const Family family = *result.recognition.family;
    const QString serial = Texts::fromUtf8(result.recognition.serial);
    std::optional<storage::StoredCode> previous;
    storage::AddResult added =
        database->codes().addConfirmedCode(family, serial, code, name, false, &previous);
    if (added == storage::AddResult::Conflict) {
        const auto answer = QMessageBox::question(
            window_, tr("Record the code that worked"),
            tr("The database holds %1 for %2 (%3). Replace it with %4, which the radio "
               "accepted?")
                .arg(previous->code, serial, Texts::sourceDescription(previous->sourceProvenance()),
                     code),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return false;
        added = database->codes().addConfirmedCode(family, serial, code, name, true);
    }
    if (added == storage::AddResult::Failed) {
        showError(tr("Record the code that worked"), database->lastError());
        return false;
    }
    // Show the stored code as the result (its source now names the technician) and log the job.
    LookupResult shown = result; // a copy: showResult replaces the current result
    const auto stored = database->codes().findCode(family, serial);
    shown.status = LookupStatus::Ok;
    shown.answer =
        CodeAnswer{code.toStdString(),
                   stored ? stored->sourceProvenance()
                          : Provenance::named(Provenance::Kind::Confirmed, name.toStdString())};
    window_->showResult(shown);
    updateResultButtons();
    return recordOutcome(storage::Outcome::Worked);
}

void DatabaseIntegration::reopenJob(const storage::Job& job) {
    if (!window_)
        return;
    const QByteArray serial = job.serial.toUtf8();
    LookupResult result;
    result.recognition = finalised(recognise(
        std::string_view(serial.constData(), static_cast<size_t>(serial.size())), job.family));
    if (!job.partNumber.isEmpty()) {
        const QByteArray partNumber = job.partNumber.toUtf8();
        crossCheckPartNumber(result.recognition,
                             recognisePartNumber(std::string_view(
                                 partNumber.constData(), static_cast<size_t>(partNumber.size()))));
    }
    result.status = result.recognition.isUsable() ? LookupStatus::NotFound : LookupStatus::Invalid;
    // The code the job was done with, from the source it named then.
    if (result.recognition.isUsable() && !job.code.isEmpty() && !job.source.id().empty()) {
        result.status = LookupStatus::Ok;
        result.answer = CodeAnswer{job.code.toStdString(), job.source};
    }
    JobDetails details;
    details.customer = job.customer;
    details.registration = job.registration;
    details.vin = job.vin;
    details.technician = job.technician;
    details.notes = job.notes;
    window_->setJobDetails(details);
    // The label photo kept with the job comes back with it (for the sheet and the request).
    LabelPhoto photo;
    if (storage::Database* database = session_.database(window_)) {
        if (const auto picture = storage::jobPicture(*database, job.id)) {
            photo.jpeg = picture->jpeg;
            photo.serialFrame = QPolygonF(picture->serialFrame);
            photo.serialRead = picture->serialRead;
            photo.serials = {job.serial};
            photo.takenAt = picture->takenAt;
        }
    }
    window_->setLabelPhoto(photo);
    photoJobId_ = photo.isNull() ? 0 : job.id;
    photoTakenAt_ = photo.takenAt;
    window_->showResult(result);
    currentJobId_ = job.id;
    currentJobFamily_ = job.family;
    currentJobSerial_ = job.serial;
    currentAttempts_ = job.attempts;
    updateResultButtons();
    window_->raise();
    window_->activateWindow();
}

ImportDialog* DatabaseIntegration::importDialog() const {
    return import_;
}

void DatabaseIntegration::openImportDialog() {
    if (!window_)
        return;
    if (!import_) {
        // It imports on a connection of its own, to the database in use.
        const storage::Database* database = session_.database(window_);
        if (!database)
            return;
        import_ = new ImportDialog(database->location(), window_);
        import_->setAttribute(Qt::WA_DeleteOnClose);
        connect(import_, &ImportDialog::codesChanged, this, [this] {
            if (window_)
                window_->refreshResult();
            updateResultButtons();
        });
    }
    import_->show();
    import_->raise();
    if (import_->stage() == ImportDialog::Stage::NoFile)
        import_->browse();
}

HistoryWindow* DatabaseIntegration::historyWindow() const {
    return history_;
}

void DatabaseIntegration::openHistory() {
    storage::Database* database = window_ ? session_.database(window_) : nullptr;
    if (!database)
        return;
    if (!history_) {
        history_ = new HistoryWindow(database, window_);
        connect(history_, &HistoryWindow::reopenRequested, this, &DatabaseIntegration::reopenJob);
        history_->setTechnicianSource([this] { return technician(); });
        connect(history_, &HistoryWindow::jobChanged, this, [this](const storage::Job& job) {
            if (job.id == currentJobId_)
                currentAttempts_ = job.attempts;
            // A refused flag set or cleared shows on the result page at once.
            if (window_)
                window_->refreshResult(false);
        });
        // The answer goes on the result page: "This code worked", "Code refused", the sheet.
        connect(history_, &HistoryWindow::answered, this, &DatabaseIntegration::reopenJob);
        connect(history_, &HistoryWindow::reprintRequested, this, [this](const storage::Job& job) {
            reopenJob(job);
            window_->printPreview();
        });
    } else {
        history_->refresh();
    }
    history_->show();
    history_->raise();
}

void DatabaseIntegration::openSettings() {
    DatabaseSettingsPage page(window_);
    if (page.exec() != QDialog::Accepted)
        return;
    // Reached on a worker thread like the first open: the window stays usable meanwhile.
    session_.openLater();
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(&session_, &DatabaseSession::databaseChanged, this, [this, once] {
        if (session_.isOpening())
            return;
        disconnect(*once);
        if (!session_.openDatabase())
            showError(tr("Code database"), session_.error());
    });
    session_.openInBackground();
}

} // namespace radiocode::gui
