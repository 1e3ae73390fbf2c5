#include "gui/main_window.h"

#include "common/i18n.h"
#include "common/settings.h"
#include "common/texts.h"
#include "gui/family_page.h"
#include "gui/help_page.h"
#include "gui/job_details_page.h"
#include "gui/label_guide_page.h"
#include "gui/result_page.h"
#include "gui/scanner_input.h"
#include "gui/serial_entry_page.h"
#include "gui/serial_widgets.h"
#include "gui/widget_parts.h"

#include <QAbstractButton>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace radiocode::gui {
namespace {

std::optional<Family> familyFromSetting(const QString& id) {
    const QByteArray bytes = id.toUtf8();
    return id.isEmpty()
               ? std::nullopt
               : familyFromId(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

} // namespace

MainWindow::MainWindow(const CodeFinder& finder, QWidget* parent)
    : Retranslating(parent), finder_(finder) {
    setObjectName(QStringLiteral("mainWindow"));
    // Styles live with their pages: a window-wide style sheet would slow every widget's start.

    // Header: where the technician is in the wizard, and the quick lookup.
    steps_ = new QLabel;
    steps_->setObjectName(QStringLiteral("stepIndicator"));
    steps_->setTextFormat(Qt::RichText);
    quickLabel_ = new QLabel;
    quick_ = new SerialField;
    quick_->lineEdit()->setObjectName(QStringLiteral("quickLookupField"));
    quickLabel_->setBuddy(quick_->lineEdit());
    quick_->statusLine()->hide();
    connect(quick_, &SerialField::recognitionChanged, this,
            [this] { quick_->statusLine()->setVisible(!quick_->lineEdit()->text().isEmpty()); });
    auto* quickRow = new QHBoxLayout;
    quickRow->addWidget(steps_, 1, Qt::AlignTop);
    quickRow->addWidget(quickLabel_, 0, Qt::AlignTop);
    quickRow->addWidget(quick_, 0, Qt::AlignTop);
    quick_->setFixedWidth(380);

    wizardSync_ = new QTimer(this);
    wizardSync_->setSingleShot(true);
    wizardSync_->setInterval(150);
    connect(wizardSync_, &QTimer::timeout, this, &MainWindow::syncWizard);

    // Only the first page is built before the first frame; the others follow right after it
    // (ensurePages), or sooner when something asks for them.
    family_ = new FamilyPage;
    pages_ = new QStackedWidget;
    pages_->addWidget(family_);
    back_ = new QPushButton;
    back_->setObjectName(QStringLiteral("backButton"));
    connect(back_, &QPushButton::clicked, this, &MainWindow::back);
    QHBoxLayout* nav = makeButtonRow({back_});

    // What just happened (job saved, sheet printed, details cleared), under the page where the
    // technician is looking; the status bar alone is easily missed.
    notice_ = new QLabel;
    notice_->setObjectName(QStringLiteral("noticeBar"));
    notice_->setWordWrap(true);
    notice_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notice_->setFrameShape(QFrame::StyledPanel);
    notice_->setAutoFillBackground(true);
    notice_->setBackgroundRole(QPalette::ToolTipBase);
    notice_->setForegroundRole(QPalette::ToolTipText);
    notice_->setMargin(6);
    notice_->hide();

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->addLayout(quickRow);
    layout->addWidget(pages_, 1);
    layout->addWidget(notice_);
    layout->addLayout(nav);
    setCentralWidget(central);

    connect(family_, &FamilyPage::familyChosen, this, &MainWindow::chooseFamily);
    connect(family_, &FamilyPage::serialEntered, this,
            [this](Family family, const QString& text) { lookUp(text, family); });
    buildMenus();
    statusBar()->setSizeGripEnabled(true);

    // A barcode scanner types into whatever has the focus, on any page and in any window of
    // the program: the filter takes its bursts before any widget sees them.
    scanner_ = new ScannerInput(
        [this](const QString& text, QWidget* focus) { return isScan(text, focus); },
        [this](const QString& text) { lookUpScan(text); }, this);
    qApp->installEventFilter(scanner_);

    setMinimumSize(760, 500); // a 1024×600 screen with a title bar and a panel
    lastFamily_ = familyFromSetting(Settings::value(Settings::lastFamily));
    family_->setLastFamily(lastFamily_);
    if (!restoreGeometry(Settings::value(Settings::windowGeometry))) {
        // Never larger than the screen (a 1024×600 netbook in the workshop), title bar included.
        const QSize available = screen()->availableGeometry().size() - QSize(0, 40);
        resize(QSize(1120, 720).boundedTo(available).expandedTo(minimumSize()));
    }
    retranslate();
    showPage(Page::Family);
}

MainWindow::~MainWindow() = default;

void MainWindow::ensurePages() {
    if (labelGuide_)
        return;
    buildPages();
}

void MainWindow::buildPages() {
    labelGuide_ = new LabelGuidePage;
    entry_ = new SerialEntryPage;
    result_ = new ResultPage;
    job_ = new JobDetailsPage;
    help_ = new HelpPage;
    for (QWidget* page : {static_cast<QWidget*>(labelGuide_), static_cast<QWidget*>(entry_),
                          static_cast<QWidget*>(result_), static_cast<QWidget*>(job_),
                          static_cast<QWidget*>(help_)})
        pages_->addWidget(page);
    if (lastFamily_) {
        labelGuide_->setFamily(*lastFamily_);
        entry_->setFamily(*lastFamily_);
    }
    // Back sits under the pages, so Tab reaches it after them (these pages are younger).
    QWidget* lastStop = back_;
    for (QWidget* widget = back_->nextInFocusChain(); widget && widget != this;
         widget = widget->nextInFocusChain())
        if (widget->focusPolicy() & Qt::TabFocus)
            lastStop = widget;
    if (lastStop != back_)
        QWidget::setTabOrder(lastStop, back_);
    connect(labelGuide_, &LabelGuidePage::nextRequested, this,
            [this] { showPage(Page::SerialEntry); });
    connect(entry_, &SerialEntryPage::lookUpRequested, this, [this] { lookUpEntry(); });
    connect(entry_, &SerialEntryPage::readingChosen, this,
            [this](ReadingChoice reading) { chooseReading(reading, Page::SerialEntry); });
    connect(result_, &ResultPage::readingChosen, this,
            [this](ReadingChoice reading) { chooseReading(reading, Page::Result); });
    connect(entry_, &SerialEntryPage::labelGuideRequested, this,
            [this] { showPage(Page::LabelGuide); });
    connect(result_, &ResultPage::printPreviewRequested, this, &MainWindow::printPreview);
    connect(result_, &ResultPage::printRequested, this, &MainWindow::print);
    connect(result_, &ResultPage::savePdfRequested, this, &MainWindow::savePdf);
    connect(result_, &ResultPage::jobDetailsRequested, this,
            [this] { showPage(Page::JobDetails); });
    connect(result_, &ResultPage::newRadioRequested, this, &MainWindow::newRadio);
    result_->addResultAction(makeCodeCardButton());
    retranslate();
    connect(job_, &JobDetailsPage::doneRequested, this, [this] { showPage(Page::Result); });
    connect(job_, &JobDetailsPage::printPreviewRequested, this, &MainWindow::printPreview);
    connect(help_, &HelpPage::closeRequested, this, [this] { showPage(beforeHelp_); });
    emit pagesBuilt();
}

void MainWindow::afterFirstFrame() {
    // Icons wait until the first frame is out: finding and drawing them costs a fifth of it.
    setIconsReady();
    back_->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    for (SerialLineEdit* edit : findChildren<SerialLineEdit*>())
        edit->finishAfterFirstFrame();
    // The program icon is drawn by packaging; without it the window keeps the default one.
    setWindowIcon(QIcon(QStringLiteral(":/icons/radiocode-finder.svg")));
    family_->loadDrawings();
    quick_->refresh();
    ensurePages();
    emit firstFrameShown();
}

bool MainWindow::event(QEvent* event) {
    // The first frame is on its way: build the other pages as soon as the loop is idle, so
    // the first click finds them ready.
    if (event->type() == QEvent::Paint && !afterFirstFrameScheduled_) {
        afterFirstFrameScheduled_ = true;
        QTimer::singleShot(0, this, &MainWindow::afterFirstFrame);
    }
    // Back from another window (the import, the history, another program): the result page
    // shows the code database's answer as it is now, changes from other PCs included.
    if (event->type() == QEvent::WindowActivate && result_ && currentPage() == Page::Result)
        refreshResult();
    return QMainWindow::event(event);
}

void MainWindow::buildMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    previewAction_ = fileMenu_->addAction(QString(), this, &MainWindow::printPreview);
    previewAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    printAction_ = fileMenu_->addAction(QString(), this, &MainWindow::print);
    printAction_->setShortcut(QKeySequence::Print);
    withoutAskingAction_ = fileMenu_->addAction(QString());
    withoutAskingAction_->setObjectName(QStringLiteral("printWithoutAskingAction"));
    withoutAskingAction_->setCheckable(true);
    withoutAskingAction_->setChecked(SheetPrinting::printsWithoutAsking());
    connect(withoutAskingAction_, &QAction::toggled, this, &SheetPrinting::setPrintsWithoutAsking);
    cardAction_ = fileMenu_->addAction(QString(), this, &MainWindow::printCodeCard);
    cardAction_->setObjectName(QStringLiteral("printCodeCardAction"));
    pdfAction_ = fileMenu_->addAction(QString(), this, &MainWindow::savePdf);
    pdfAction_->setShortcut(QKeySequence::Save);
    fileMenu_->addSeparator();
    workshopAction_ = fileMenu_->addAction(QString(), this, &MainWindow::editWorkshopName);
    paperMenu_ = fileMenu_->addMenu(QString());
    auto* papers = new QActionGroup(this);
    const PaperSize currentPaper = InstructionSheet::savedPaper();
    for (const PaperSize paper : {PaperSize::A4, PaperSize::Letter}) {
        QAction* action = paperMenu_->addAction(paper == PaperSize::A4 ? QStringLiteral("A4")
                                                                       : QStringLiteral("Letter"));
        action->setCheckable(true);
        action->setChecked(paper == currentPaper);
        papers->addAction(action);
        connect(action, &QAction::triggered, this, [paper] { InstructionSheet::savePaper(paper); });
    }
    fileMenu_->addSeparator();
    quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
    quitAction_->setShortcut(QKeySequence::Quit);

    goMenu_ = menuBar()->addMenu(QString());
    newAction_ = goMenu_->addAction(QString(), this, &MainWindow::newRadio);
    newAction_->setShortcut(QKeySequence::New);
    backAction_ = goMenu_->addAction(QString(), this, &MainWindow::back);
    backAction_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    quickAction_ = goMenu_->addAction(QString(), this, [this] {
        quick_->lineEdit()->setFocus(Qt::ShortcutFocusReason);
        quick_->lineEdit()->selectAll();
    });
    quickAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    jobAction_ = goMenu_->addAction(QString(), this, [this] { showPage(Page::JobDetails); });
    jobAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));

    databaseMenu_ = menuBar()->addMenu(QString());
    databaseMenu_->setObjectName(QStringLiteral("databaseMenu"));
    databaseMenu_->menuAction()->setVisible(false);

    languageMenu_ = menuBar()->addMenu(QString());
    languages_ = new QActionGroup(this);
    languages_->setExclusive(true);
    const QString current = Settings::value(Settings::language);
    for (const QString& code : availableLanguages()) {
        QAction* action = languageMenu_->addAction(languageDisplayName(code));
        action->setCheckable(true);
        action->setData(code);
        action->setChecked(code == (current.isEmpty() ? QLocale().name().left(2) : current));
        languages_->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }

    helpMenu_ = menuBar()->addMenu(QString());
    helpAction_ = helpMenu_->addAction(QString(), this, &MainWindow::showHelp);
    helpAction_->setShortcut(QKeySequence::HelpContents);
    aboutAction_ = helpMenu_->addAction(QString(), this, [this] {
        QMessageBox::about(
            this, tr("About Nissan Radio Code Finder"),
            tr("<p><b>Nissan Radio Code Finder %1</b></p><p>Finds the unlock code of a Nissan "
               "radio (Blaupunkt, Renault, Becker, Visteon) and shows how to enter it.</p><p>Codes "
               "come only from the public Renault precode and Visteon M-serial algorithms or from "
               "the workshop's code database; every result says which.</p>")
                .arg(QStringLiteral(RADIOCODE_VERSION)));
    });
}

QMenu* MainWindow::databaseMenu() {
    databaseMenu_->menuAction()->setVisible(true);
    return databaseMenu_;
}

void MainWindow::addResultAction(QAbstractButton* button) {
    ensurePages();
    result_->addResultAction(button);
}

const LookupResult& MainWindow::currentResult() {
    ensurePages();
    return result_->result();
}

JobDetails MainWindow::currentJobDetails() {
    ensurePages();
    return job_->jobDetails();
}

void MainWindow::setJobDetails(const JobDetails& details) {
    ensurePages();
    job_->setJobDetails(details);
}

SheetContent MainWindow::currentSheet() {
    SheetContent content;
    content.workshopName = InstructionSheet::savedWorkshopName();
    content.date = QDate::currentDate();
    content.job = currentJobDetails();
    content.result = currentResult();
    content.labelPhoto = currentLabelPhoto();
    return content;
}

LabelPhoto MainWindow::currentLabelPhoto() {
    const Recognition& shown = currentResult().recognition;
    return shown.isUsable() && labelPhoto_.isFor(fromStd(shown.serial)) ? labelPhoto_
                                                                        : LabelPhoto{};
}

MainWindow::Page MainWindow::currentPage() const {
    return static_cast<Page>(pages_->currentIndex());
}

void MainWindow::showPage(Page page) {
    if (page != Page::Family)
        ensurePages();
    if (page == Page::Help && currentPage() != Page::Help)
        beforeHelp_ = currentPage();
    if ((page == Page::Result || page == Page::JobDetails) && !printable())
        page = Page::Family;
    if (page == Page::LabelGuide || page == Page::SerialEntry)
        syncWizard();
    pages_->setCurrentIndex(static_cast<int>(page));
    switch (page) {
    case Page::Family:
        family_->focusFirst();
        break;
    case Page::LabelGuide:
        labelGuide_->nextButton()->setFocus(Qt::OtherFocusReason);
        break;
    case Page::SerialEntry:
        entry_->focusFirst();
        break;
    case Page::Result:
        // Looked at again (back from the job details, the help): the answer as it is now.
        if (!showingResult_)
            refreshResult();
        result_->focusFirst(); // the code is what a screen reader says first
        break;
    case Page::JobDetails:
        job_->focusFirst();
        break;
    case Page::Help: {
        // Every menu shortcut, the code database's included, as the menus show it now.
        QList<std::pair<QString, QString>> shortcuts;
        std::function<void(const QList<QAction*>&)> collect = [&](const QList<QAction*>& actions) {
            for (QAction* action : actions) {
                if (action->menu())
                    collect(action->menu()->actions());
                else if (!action->shortcut().isEmpty() && action->isVisible())
                    shortcuts.append(
                        {action->shortcut().toString(QKeySequence::NativeText),
                         QString(action->text()).remove(QLatin1Char('&')).remove(QChar(0x2026))});
            }
        };
        collect(menuBar()->actions());
        help_->setMenuShortcuts(shortcuts);
        help_->browser()->setFocus(Qt::OtherFocusReason);
        break;
    }
    }
    updateStepIndicator();
    updateActions();
    emit pageChanged(page);
}

void MainWindow::followInWizard(Family family, const std::optional<QString>& text) {
    // The label guide and the serial page redraw their label drawings for a new family, which
    // takes longer than the lookup itself: done once the code is on screen, or as soon as
    // either page is asked for.
    wizardFamily_ = family;
    if (text)
        wizardText_ = text;
    wizardSync_->start();
}

void MainWindow::syncWizard() {
    if (!wizardFamily_)
        return;
    const Family family = *wizardFamily_;
    wizardFamily_.reset();
    wizardSync_->stop();
    Settings::setValue(Settings::lastFamily, Texts::fromUtf8(familyId(family)));
    if (!wizardText_)
        return;
    const QString text = *wizardText_;
    wizardText_.reset();
    labelGuide_->setFamily(family);
    entry_->setFamily(family);
    entry_->setSerialText(text);
}

void MainWindow::chooseFamily(Family family) {
    ensurePages();
    wizardFamily_.reset();
    wizardText_.reset();
    lastFamily_ = family;
    Settings::setValue(Settings::lastFamily, Texts::fromUtf8(familyId(family)));
    family_->setLastFamily(family);
    labelGuide_->setFamily(family);
    entry_->setFamily(family);
    showPage(Page::LabelGuide);
}

bool MainWindow::lookUpEntry() {
    ensurePages();
    if (!entry_->canLookUp())
        return false;
    if (!entry_->hasPartNumber())
        return lookUp(entry_->serialText(), entry_->family());
    // The serial as the page cross-checked it with the label's part number.
    return presentLookup(finder_.lookupRecognised(finalised(entry_->recognition())),
                         entry_->serialText(), false);
}

bool MainWindow::lookUp(const QString& text, std::optional<Family> family) {
    return lookUp(text, family, false);
}

bool MainWindow::chooseReading(ReadingChoice reading, Page from) {
    ensurePages();
    syncWizard();
    Recognition recognition =
        from == Page::Result ? result_->result().recognition : finalised(entry_->recognition());
    if (!radiocode::chooseReading(recognition, reading))
        return false;
    // The serial page keeps the serial as typed (and its part number) when it shows this radio.
    const bool entryShowsIt = entry_->family() == Family::Blaupunkt &&
                              entry_->recognition().readings == recognition.readings;
    const QString text = entryShowsIt ? entry_->serialText() : fromStd(recognition.serial);
    return presentLookup(finder_.lookupRecognised(std::move(recognition)), text, false);
}

bool MainWindow::lookUp(const QString& text, std::optional<Family> family, bool scanned) {
    ensurePages();
    const QByteArray raw = text.toUtf8();
    return presentLookup(
        finder_.lookup(std::string_view(raw.constData(), std::size_t(raw.size())), family), text,
        scanned);
}

bool MainWindow::presentLookup(const LookupResult& result, const QString& text, bool scanned) {
    readingsDisagreed_ = false;
    if (result.status == LookupStatus::Invalid &&
        result.recognition.message.id == MessageId::ReadingsDisagree) {
        // Both readings are on record with different codes: the label decides, on the serial
        // page, where the technician chooses the reading.
        readingsDisagreed_ = true;
        syncWizard();
        const std::string& printed = result.recognition.message.expected;
        if (entry_->family() != Family::Blaupunkt || entry_->recognition().serial != printed) {
            chooseFamily(Family::Blaupunkt);
            entry_->setSerialText(text);
        }
        showPage(Page::SerialEntry);
        entry_->showReadingsDisagree();
        showNotice(Texts::message(result.recognition));
        return false;
    }
    if (result.status == LookupStatus::Invalid) {
        statusBar()->showMessage(Texts::message(result.recognition), 8000);
        return false;
    }
    startJobFor(result.recognition, scanned);
    // Keep the wizard in step, so Back leads to the serial as it was read.
    if (result.recognition.family) {
        const Family found = *result.recognition.family;
        lastFamily_ = found;
        family_->setLastFamily(found);
        // Saved with the wizard's step (writing the settings file takes milliseconds).
        followInWizard(found,
                       wizardFamily_ || entry_->family() != found || entry_->serialText() != text
                           ? std::optional<QString>(text)
                           : std::nullopt);
    }
    showResult(result);
    emit lookupCompleted(result);
    return true;
}

void MainWindow::startJobFor(const Recognition& recognition, bool scanned) {
    const Recognition& shown = result_->result().recognition;
    // The other reading of the same label is the same radio (the technician chose it).
    const bool sameRadio = shown.isUsable() && shown.family == recognition.family &&
                           (shown.serial == recognition.serial ||
                            (!shown.readings.empty() && shown.readings == recognition.readings));
    if (sameRadio) {
        return; // the same radio looked up again: the same job
    }
    if (!shown.isUsable())
        return; // no radio looked up yet: the details typed so far are for this one
    notice_->hide();
    notice_->clear();
    JobDetails details = job_->jobDetails();
    details.technician.clear(); // the technician stays from job to job
    if (details.isEmpty())
        return;
    const QString previous = fromStd(shown.serial);
    const QString question =
        tr("The job details (customer, registration, VIN, notes) were entered for %1. Keep "
           "them for %2?")
            .arg(previous, fromStd(recognition.serial));
    bool keep = false;
    if (!scanned) {
        if (keepDetailsQuestion_) {
            keep = keepDetailsQuestion_(question);
        } else {
            QMessageBox box(QMessageBox::Question, tr("Another radio"), question,
                            QMessageBox::NoButton, this);
            QPushButton* keepButton = box.addButton(tr("Keep them"), QMessageBox::AcceptRole);
            QPushButton* clearButton = box.addButton(tr("Clear them"), QMessageBox::RejectRole);
            box.setDefaultButton(clearButton);
            box.setEscapeButton(clearButton);
            box.exec();
            keep = box.clickedButton() == keepButton;
        }
    }
    if (keep)
        return;
    job_->clearForNextJob();
    showNotice(tr("Another radio: the job details of %1 were cleared.").arg(previous));
}

void MainWindow::closeDialogsForScan() {
    // A scan means the next radio: a menu, a print preview or a question about the last one
    // must not stay open over it (or print the last radio's sheet for the next customer).
    while (QWidget* popup = QApplication::activePopupWidget())
        popup->close();
    for (int guard = 0; guard < 10; ++guard) {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal || modal == this)
            break;
        if (auto* dialog = qobject_cast<QDialog*>(modal))
            dialog->reject();
        else
            modal->close();
    }
}

bool MainWindow::isScan(const QString& text, QWidget* focus) const {
    if (!ScannerInput::takesText(focus) || qobject_cast<SerialLineEdit*>(focus))
        return true;
    // A field for other text (VIN, notes, a file name): only a whole serial is a scan.
    const QByteArray raw = text.toUtf8();
    const Recognition recognition =
        recognise(std::string_view(raw.constData(), std::size_t(raw.size())), std::nullopt);
    return recognition.state == InputState::Valid || recognition.state == InputState::Unsupported;
}

void MainWindow::lookUpScan(const QString& text) {
    ensurePages();
    closeDialogsForScan();
    if (isVisible() && !isActiveWindow()) {
        raise();
        activateWindow();
    }
    quick_->clear();
    family_->serialField()->clear();
    if (lookUp(text, std::nullopt, true) || readingsDisagreed_)
        return;
    // Not a serial to look up (a misread, another barcode): shown where its message and the
    // corrected serial can be read, as if typed there.
    const QByteArray raw = text.toUtf8();
    const Recognition recognition =
        recognise(std::string_view(raw.constData(), std::size_t(raw.size())), std::nullopt);
    if (recognition.family) {
        chooseFamily(*recognition.family);
        showPage(Page::SerialEntry);
        entry_->setSerialText(text);
    } else {
        showPage(Page::Family);
        family_->serialField()->setText(text);
        family_->serialField()->lineEdit()->setFocus(Qt::OtherFocusReason);
    }
    showNotice(tr("Scanned “%1”: this serial cannot be looked up as it is, see the message "
                  "under it.")
                   .arg(text));
}

bool MainWindow::refreshResult(bool announce) {
    ensurePages();
    const LookupResult& shown = result_->result();
    // Only code-database answers change; the published algorithms always give the same code.
    if (!shown.recognition.isValid() || !shown.recognition.family ||
        familyInfo(*shown.recognition.family).origin != CodeOrigin::CodeDatabase)
        return false;
    // Asked as the page shows it: the reading the technician chose, the part number checked.
    const LookupResult fresh = finder_.lookupRecognised(shown.recognition);
    // "Could not be asked" and "not on record" are both NotFound: the failure tells them apart.
    const bool sameAnswer = fresh.status == shown.status &&
                            fresh.sourceFailure.empty() == shown.sourceFailure.empty() &&
                            fresh.answer.has_value() == shown.answer.has_value() &&
                            (!fresh.answer || (fresh.answer->code == shown.answer->code &&
                                               fresh.answer->source == shown.answer->source &&
                                               fresh.answer->refusedAt == shown.answer->refusedAt));
    if (sameAnswer || fresh.status == LookupStatus::Invalid)
        return false;
    // Read before setResult(): `shown` is the page's result, and becomes `fresh`.
    const QString serial = fromStd(shown.recognition.serial);
    const bool answersAgain = !shown.sourceFailure.empty() && fresh.sourceFailure.empty();
    result_->setResult(fresh);
    updateActions();
    if (announce && fresh.status == LookupStatus::Ok)
        showNotice(tr("The code database now has a code for %1.").arg(serial));
    else if (announce && answersAgain)
        showNotice(tr("The code database answers again: it holds no code for %1.").arg(serial));
    else if (announce)
        showNotice(tr("The code database's answer for %1 has changed.").arg(serial));
    emit resultRefreshed();
    return true;
}

void MainWindow::showNotice(const QString& text) {
    notice_->setText(text);
    notice_->setAccessibleName(text);
    notice_->setVisible(!text.isEmpty());
}

void MainWindow::appendNotice(const QString& text) {
    showNotice(notice_->text().isEmpty() || notice_->isHidden()
                   ? text
                   : notice_->text() + QLatin1Char(' ') + text);
}

QString MainWindow::noticeText() const {
    return notice_->isHidden() ? QString() : notice_->text();
}

void MainWindow::showResult(const LookupResult& result) {
    ensurePages();
    // A result from elsewhere (a reopened job): Back leads to its serial, not the last one typed.
    if (result.recognition.family) {
        std::string followed = entry_->recognition().serial;
        if (wizardText_) {
            const QByteArray raw = wizardText_->toUtf8();
            followed = recognise(std::string_view(raw.constData(), std::size_t(raw.size())),
                                 result.recognition.family)
                           .serial;
        }
        // The other reading of the same label stays as typed (the technician chose a reading).
        const std::vector<std::string>& readings = result.recognition.readings;
        const bool sameLabel =
            followed == result.recognition.serial ||
            std::find(readings.begin(), readings.end(), followed) != readings.end();
        followInWizard(*result.recognition.family,
                       !sameLabel ? std::optional<QString>(fromStd(result.recognition.serial))
                                  : std::nullopt);
    }
    result_->setResult(result);
    showingResult_ = true;
    showPage(Page::Result);
    showingResult_ = false;
    statusBar()->showMessage(result.status == LookupStatus::Ok
                                 ? tr("Code found for %1.").arg(fromStd(result.recognition.serial))
                                 : Texts::statusName(result),
                             6000);
}

void MainWindow::newRadio() {
    ensurePages();
    syncWizard();
    entry_->clear();
    family_->serialField()->clear();
    quick_->clear();
    job_->clearForNextJob();
    labelPhoto_ = LabelPhoto{};
    result_->setResult(LookupResult{});
    showNotice(QString());
    showPage(Page::Family);
}

void MainWindow::advance() {
    QWidget* focus = QApplication::focusWidget();
    if (auto* button = qobject_cast<QAbstractButton*>(focus); button && button->isEnabled()) {
        button->click();
        return;
    }
    if (focus == quick_->lineEdit()) {
        quickLookup();
        return;
    }
    switch (currentPage()) {
    case Page::Family:
        if (focus == family_->serialField()->lineEdit())
            family_->submitField();
        break;
    case Page::LabelGuide:
        showPage(Page::SerialEntry);
        break;
    case Page::SerialEntry:
        if (entry_->canLookUp())
            lookUpEntry();
        else if (focus == entry_->beckerModelEdit())
            entry_->beckerSerialEdit()->setFocus(Qt::TabFocusReason);
        break;
    case Page::JobDetails:
        focusNextChild();
        break;
    case Page::Result:
    case Page::Help:
        break;
    }
}

void MainWindow::back() {
    switch (currentPage()) {
    case Page::Family:
        if (QApplication::focusWidget() == quick_->lineEdit())
            family_->focusFirst();
        break;
    case Page::LabelGuide:
        showPage(Page::Family);
        break;
    case Page::SerialEntry:
        showPage(Page::LabelGuide);
        break;
    case Page::Result:
        showPage(Page::SerialEntry);
        break;
    case Page::JobDetails:
        showPage(Page::Result);
        break;
    case Page::Help:
        showPage(beforeHelp_);
        break;
    }
}

bool MainWindow::quickLookup() {
    const Recognition& recognition = quick_->recognition();
    quick_->statusLine()->setVisible(true);
    if (recognition.state != InputState::Valid && recognition.state != InputState::Unsupported &&
        recognition.state != InputState::Unchecked)
        return false;
    return lookUp(quick_->lineEdit()->text(), std::nullopt);
}

void MainWindow::keyPressEvent(QKeyEvent* event) {
    // Line edits and buttons pass Enter and Esc on to their window: one place decides.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        advance();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        back();
        event->accept();
        return;
    }
    QMainWindow::keyPressEvent(event);
}

bool MainWindow::printable() {
    return result_ && result_->result().status != LookupStatus::Invalid &&
           result_->result().recognition.family.has_value();
}

void MainWindow::updateActions() {
    const bool canPrint = printable();
    for (QAction* action : {previewAction_, printAction_, cardAction_, pdfAction_, jobAction_})
        action->setEnabled(canPrint);
    back_->setEnabled(currentPage() != Page::Family);
    backAction_->setEnabled(currentPage() != Page::Family);
}

void MainWindow::updateStepIndicator() {
    const Page page = currentPage();
    const QStringList names = {tr("Radio"), tr("Label"), tr("Serial"), tr("Code"),
                               tr("Job details")};
    QStringList parts;
    for (int i = 0; i < names.size(); ++i) {
        const QString text =
            QStringLiteral("%1&nbsp;%2").arg(i + 1).arg(names.at(i).toHtmlEscaped());
        parts << (i == static_cast<int>(page)
                      ? QStringLiteral("<b><u>%1</u></b>").arg(text)
                      : QStringLiteral("<span style=\"color:palette(mid)\">%1</span>").arg(text));
    }
    steps_->setText(page == Page::Help ? QStringLiteral("<b>%1</b>").arg(tr("Help").toHtmlEscaped())
                                       : parts.join(QStringLiteral("&nbsp;&nbsp;›&nbsp;&nbsp;")));
    steps_->setAccessibleName(page == Page::Help ? tr("Help")
                                                 : tr("Step %1 of 5: %2")
                                                       .arg(static_cast<int>(page) + 1)
                                                       .arg(names.value(static_cast<int>(page))));
}

bool MainWindow::saveSheetAs(const QString& path, PaperSize paper, QString* error) {
    if (!InstructionSheet::writePdf(path, currentSheet(), paper, error))
        return false;
    showNotice(tr("Sheet saved as %1.").arg(QDir::toNativeSeparators(path)));
    emit sheetIssued();
    return true;
}

void MainWindow::printPreview() {
    if (!readyToPrint())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(InstructionSheet::pageSize(InstructionSheet::savedPaper()));
    printer.setDocName(InstructionSheet::title());
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print preview – instruction sheet"));
    dialog.resize(size() * 0.9);
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this,
            [this](QPrinter* target) { InstructionSheet::render(*target, currentSheet()); });
    // The preview's own Print button prints and accepts the dialog.
    if (dialog.exec() == QDialog::Accepted) {
        showNotice(tr("Sheet for %1 sent to the printer.")
                       .arg(fromStd(currentResult().recognition.serial)));
        emit sheetIssued();
    }
}

bool MainWindow::readyToIssue(const QString& checkVinMessage) {
    if (!printable())
        return false;
    if (!job_->vinAcceptable()) {
        showPage(Page::JobDetails);
        job_->focusVin();
        statusBar()->showMessage(checkVinMessage, 6000);
        return false;
    }
    return true;
}

bool MainWindow::readyToPrint() {
    return readyToIssue(tr("Check the VIN before printing."));
}

SheetFormat MainWindow::sheetFormat() {
    return InstructionSheet::format(InstructionSheet::savedPaper());
}

void MainWindow::print() {
    printAs(sheetFormat());
}

void MainWindow::printCodeCard() {
    printAs(SheetPrinting::lastCardFormat());
}

void MainWindow::printAs(SheetFormat format) {
    if (!readyToPrint())
        return;
    // Without asking only once a printer was used for this kind of print: the first time,
    // the dialog shows which printer it would be.
    if (SheetPrinting::printsWithoutAsking() && !SheetPrinting::lastPrinter(format).isEmpty()) {
        printWithoutDialog(format);
        return;
    }
    reportPrint(SheetPrinting::printWithDialog(this, currentSheet(), format));
}

bool MainWindow::printWithoutDialog(SheetFormat format) {
    if (!readyToPrint())
        return false;
    return reportPrint(SheetPrinting::printWithoutDialog(currentSheet(), format));
}

bool MainWindow::reportPrint(const SheetPrinting::Result& result) {
    if (result.cancelled)
        return false;
    if (result.outcome.printed) {
        const QString done =
            result.toFile
                ? tr("Saved %1.").arg(QDir::toNativeSeparators(result.file))
                : tr("Printed: job %1 on %2").arg(result.outcome.jobId).arg(result.outcome.printer);
        statusBar()->showMessage(done, 10000);
        showNotice(done);
        emit sheetIssued();
        return true;
    }
    QMessageBox box(QMessageBox::Warning, tr("Print"),
                    tr("Nothing was printed.") + QStringLiteral("\n\n") + result.outcome.error,
                    QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("printErrorBox"));
    box.exec();
    return false;
}

QToolButton* MainWindow::makeCodeCardButton() {
    // The card for the owner's handbook or the glovebox, in either size, printed or saved.
    cardButton_ = new QToolButton;
    cardButton_->setObjectName(QStringLiteral("codeCardButton"));
    cardButton_->setPopupMode(QToolButton::InstantPopup);
    cardButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(cardButton_);
    const auto printIn = [this](SheetFormat format) {
        SheetPrinting::setLastCardFormat(format);
        printAs(format);
    };
    printCardAction_ = menu->addAction(QString(), this, [printIn] { printIn(SheetFormat::Card); });
    printCardAction_->setObjectName(QStringLiteral("printCardAction"));
    printLabelAction_ =
        menu->addAction(QString(), this, [printIn] { printIn(SheetFormat::Label62); });
    printLabelAction_->setObjectName(QStringLiteral("printLabelAction"));
    menu->addSeparator();
    saveCardAction_ =
        menu->addAction(QString(), this, [this] { savePdfAs(SheetPrinting::lastCardFormat()); });
    saveCardAction_->setObjectName(QStringLiteral("saveCardAction"));
    cardButton_->setMenu(menu);
    return cardButton_;
}

void MainWindow::savePdf() {
    savePdfAs(sheetFormat());
}

void MainWindow::savePdfAs(SheetFormat format) {
    if (!readyToIssue(tr("Check the VIN before saving the sheet.")))
        return;
    const QString folder =
        Settings::value(Settings::lastPdfFolder,
                        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    const QString suggested = QDir(folder).filePath(
        InstructionSheet::isCodeCard(format)
            ? tr("radio-code-card-%1.pdf").arg(fromStd(currentResult().recognition.serial))
            : tr("radio-code-%1.pdf").arg(fromStd(currentResult().recognition.serial)));
    QString path = QFileDialog::getSaveFileName(this, tr("Save the instruction sheet as PDF"),
                                                suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QLatin1String(".pdf");
    QString error;
    if (!InstructionSheet::writePdf(path, currentSheet(), format, &error)) {
        QMessageBox::warning(this, tr("Save as PDF"), error);
        return;
    }
    Settings::setValue(Settings::lastPdfFolder, QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::editWorkshopName() {
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Workshop name"), tr("The workshop's name, printed at the top of every sheet:"),
        QLineEdit::Normal, InstructionSheet::savedWorkshopName(), &ok);
    if (ok)
        InstructionSheet::saveWorkshopName(name);
}

void MainWindow::showHelp() {
    showPage(Page::Help);
}

void MainWindow::setLanguage(const QString& language) {
    Settings::setValue(Settings::language, language);
    // Installing the translators sends LanguageChange to every widget: all pages retranslate.
    installTranslations(language);
}

void MainWindow::retranslate() {
    setWindowTitle(tr("Nissan Radio Code Finder"));
    fileMenu_->setTitle(tr("&File"));
    previewAction_->setText(tr("Print pre&view…"));
    printAction_->setText(tr("&Print…"));
    withoutAskingAction_->setText(tr("Print &without asking (on the last printer)"));
    cardAction_->setText(tr("Print code &card…"));
    if (cardButton_) {
        cardButton_->setText(tr("Code card (glovebo&x)"));
        cardButton_->setToolTip(
            tr("A small card with the code for the owner's handbook or the glovebox"));
        printCardAction_->setText(tr("Print code card (85 × 54 mm)…"));
        printLabelAction_->setText(tr("Print code label (62 mm label printer)…"));
        saveCardAction_->setText(tr("Save code card as PDF…"));
    }
    pdfAction_->setText(tr("Save as P&DF…"));
    workshopAction_->setText(tr("&Workshop name…"));
    paperMenu_->setTitle(tr("P&aper size"));
    quitAction_->setText(tr("&Quit"));
    goMenu_->setTitle(tr("&Go"));
    newAction_->setText(tr("&New radio"));
    backAction_->setText(tr("&Back"));
    quickAction_->setText(tr("&Quick lookup"));
    jobAction_->setText(tr("&Job details"));
    databaseMenu_->setTitle(tr("&Database"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    helpAction_->setText(tr("&Troubleshooting and keys"));
    aboutAction_->setText(tr("&About"));
    quickLabel_->setText(tr("&Quick lookup:"));
    quick_->lineEdit()->setPlaceholderText(tr("Serial of any radio, then Enter"));
    quick_->lineEdit()->setToolTip(quick_->lineEdit()->placeholderText());
    // Wide enough for the hint in every language, as far as a small screen allows.
    const int hintWidth =
        quick_->lineEdit()->fontMetrics().horizontalAdvance(quick_->lineEdit()->placeholderText()) +
        48;
    quick_->setFixedWidth(std::clamp(hintWidth, 380, 430));
    quick_->lineEdit()->setAccessibleName(tr("Quick lookup: serial of any radio"));
    quick_->refresh();
    back_->setText(tr("Back"));
    back_->setToolTip(tr("Back one step (Esc)"));
    updateStepIndicator();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (labelGuide_)
        syncWizard();
    Settings::setValue(Settings::windowGeometry, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace radiocode::gui
