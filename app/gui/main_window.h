// The program's window: the wizard (radio, label guide, serial, code, job details), help, the
// quick lookup for technicians who know their serial, menus, printing and settings.
#pragma once

#include "gui/retranslating.h"
#include "gui/sheet_printing.h"
#include "sheet/instruction_sheet.h"
#include "sheet/job_details.h"
#include "sheet/label_photo.h"

#include "radiocode/code_source.h"

#include <QMainWindow>

#include <functional>
#include <optional>

class QAbstractButton;
class QActionGroup;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace radiocode::gui {

class FamilyPage;
class HelpPage;
class JobDetailsPage;
class LabelGuidePage;
class ResultPage;
class ScannerInput;
class SerialEntryPage;
class SerialField;

class MainWindow : public Retranslating<QMainWindow> {
    Q_OBJECT

public:
    enum class Page { Family, LabelGuide, SerialEntry, Result, JobDetails, Help };

    // The finder is borrowed: main.cpp owns it and may add code sources (the code database) to
    // it at any time; every lookup asks it afresh.
    explicit MainWindow(const CodeFinder& finder, QWidget* parent = nullptr);
    ~MainWindow() override;

    // ---- Hooks for other parts of the program (the code database's GUI) ----
    // The "Database" menu: hidden until something is added to it.
    QMenu* databaseMenu();
    // The result page; ResultPage::addResultAction(QAbstractButton*) adds a button under the code.
    // Asking for it builds every page but the first: before the first frame, wait for pagesBuilt.
    ResultPage* resultPage() { return builtPage(&MainWindow::result_); }
    bool hasPages() const { return labelGuide_ != nullptr; }
    void addResultAction(QAbstractButton* button); // shortcut for resultPage()->addResultAction
    // The lookup shown on the result page (status Invalid before the first lookup) and the job
    // details page's details. They are read from the pages, so asking builds them (not const).
    const LookupResult& currentResult();
    JobDetails currentJobDetails();
    void setJobDetails(const JobDetails& details);
    // Shows a result as if it had just been looked up (reopening a saved job).
    void showResult(const LookupResult& result);
    // What the sheet would print now.
    SheetContent currentSheet();
    // The label photo the serial was last read from, when the technician keeps it with the job
    // (a null photo: none). It goes with the job, the sheet and the code request only while
    // the result page shows a radio it stands for.
    void setLabelPhoto(const LabelPhoto& photo) { labelPhoto_ = photo; }
    const LabelPhoto& labelPhoto() const { return labelPhoto_; }
    LabelPhoto currentLabelPhoto();

    // ---- Navigation and actions, public for tests and hooks ----
    Page currentPage() const;
    void showPage(Page page);
    void chooseFamily(Family family);
    // Looks `text` up (as `family`'s serial, or any family's); shows the result page unless the
    // serial is invalid. Returns whether a result is shown.
    bool lookUp(const QString& text, std::optional<Family> family);
    // The serial page's serial, cross-checked with its part number when one is typed.
    bool lookUpEntry();
    // The technician read the label's 7th character (a letter that looks like a digit): only
    // that reading of the radio on `from` (the serial page or the result page) is looked up,
    // and the job and the sheet carry it.
    bool chooseReading(ReadingChoice reading, Page from);
    // A barcode scanner's text, wherever it landed: a fresh lookup, the family found from the
    // serial. A serial that cannot be looked up is shown where it can be corrected.
    void lookUpScan(const QString& text);
    // Whether a burst of keys that landed on `focus` is a scan (see ScannerInput): anywhere but
    // in a field for other text (VIN, notes), where only a complete serial is.
    bool isScan(const QString& text, QWidget* focus) const;
    // Asks the code sources again for the radio on the result page (a code imported or
    // confirmed meanwhile, here or on another PC); true when the answer changed, which the
    // notice says when `announce`.
    bool refreshResult(bool announce = true);
    // A message where the technician is looking, under the page: what just happened.
    void showNotice(const QString& text);
    void appendNotice(const QString& text);
    QString noticeText() const;
    QLabel* noticeLabel() const { return notice_; }
    // Asked when a lookup finds another radio while the job details hold the last one's
    // customer: true keeps them. Tests answer it; by default a question box asks.
    void setKeepDetailsQuestion(std::function<bool(const QString& question)> question) {
        keepDetailsQuestion_ = std::move(question);
    }
    bool saveSheetAs(const QString& path, PaperSize paper, QString* error = nullptr);
    // Prints the sheet (or the code card) on the last printer used for it, without a dialog,
    // and reports the job in the status bar or why nothing was printed in a message box.
    // Returns whether it was printed.
    bool printWithoutDialog(SheetFormat format);
    // The sheet in the paper size chosen under File ▸ Paper size.
    static SheetFormat sheetFormat();

    FamilyPage* familyPage() const { return family_; }
    // Handing out a page other than the first builds them all (not const for that reason); the
    // wizard's pages are brought in step with the last lookup before they are handed out.
    LabelGuidePage* labelGuidePage() { return builtPage(&MainWindow::labelGuide_, true); }
    SerialEntryPage* serialEntryPage() { return builtPage(&MainWindow::entry_, true); }
    JobDetailsPage* jobDetailsPage() { return builtPage(&MainWindow::job_); }
    HelpPage* helpPage() { return builtPage(&MainWindow::help_); }
    SerialField* quickLookupField() const { return quick_; }
    QPushButton* backButton() const { return back_; }

public slots:
    void advance(); // Enter: the page's next step
    void back();    // Esc, Alt+Left
    void newRadio();
    void printPreview();
    void print();         // the print dialog, or straight to the last printer when so set
    void printCodeCard(); // the same for the code card, in the card format chosen last
    void savePdf();
    void editWorkshopName();
    void showHelp();

signals:
    // A lookup finished and its result is on screen (for the job log).
    void lookupCompleted(const radiocode::LookupResult& result);
    // The result on the page was asked again and its answer changed (refreshResult).
    void resultRefreshed();
    // The sheet was printed or saved as PDF: the moment to save the job.
    void sheetIssued();
    void pageChanged(radiocode::gui::MainWindow::Page page);
    // The first frame is on screen and the deferred start-up work (icons, drawings, the other
    // pages) is done: the moment for anything else slow, such as opening the code database.
    void firstFrameShown();
    // The pages after the first one exist now (right after the first frame, or sooner when
    // something asked for one of them).
    void pagesBuilt();

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    // Shows a lookup's answer (or says why not) for the serial `text` as typed.
    bool presentLookup(const LookupResult& result, const QString& text, bool scanned);
    void ensurePages(); // pages other than the first are built after the first frame
    void buildPages();
    void afterFirstFrame(); // card drawings, icons, the other pages
    void buildMenus();
    void retranslate() override;
    void updateStepIndicator();
    void updateActions();
    bool quickLookup();
    bool lookUp(const QString& text, std::optional<Family> family, bool scanned);
    // Before a lookup of another radio: the previous job's details are cleared (after a scan,
    // or when the technician does not keep them). Returns false when nothing was to do.
    void startJobFor(const Recognition& recognition, bool scanned);
    void closeDialogsForScan();
    // Keeps the label guide and the serial page in step with a lookup (Back leads to the serial
    // as it was read), after the result is on screen.
    // No text: the pages keep theirs, only the family used last is saved.
    void followInWizard(Family family, const std::optional<QString>& text);
    void syncWizard();
    // A page of those built after the first frame (built now if asked for sooner).
    template <typename PageWidget>
    PageWidget* builtPage(PageWidget* MainWindow::*page, bool inStep = false) {
        ensurePages();
        if (inStep)
            syncWizard();
        return this->*page;
    }
    bool printable();
    // Printable, with an acceptable VIN; else the VIN is shown with `checkVinMessage`.
    bool readyToIssue(const QString& checkVinMessage);
    bool readyToPrint();
    void printAs(SheetFormat format);
    bool reportPrint(const SheetPrinting::Result& result);
    void savePdfAs(SheetFormat format);
    QToolButton* makeCodeCardButton();
    void setLanguage(const QString& language);

    const CodeFinder& finder_;
    QStackedWidget* pages_;
    FamilyPage* family_;
    LabelGuidePage* labelGuide_ = nullptr;
    SerialEntryPage* entry_ = nullptr;
    ResultPage* result_ = nullptr;
    JobDetailsPage* job_ = nullptr;
    HelpPage* help_ = nullptr;
    bool afterFirstFrameScheduled_ = false;
    bool showingResult_ = false;
    bool readingsDisagreed_ = false; // the last lookup went to the serial page to choose
    QTimer* wizardSync_ = nullptr;
    std::optional<Family> wizardFamily_;
    std::optional<QString> wizardText_;
    ScannerInput* scanner_ = nullptr;
    QLabel* notice_ = nullptr;
    std::function<bool(const QString&)> keepDetailsQuestion_;
    LabelPhoto labelPhoto_;
    Page beforeHelp_ = Page::Family;
    std::optional<Family> lastFamily_;

    QLabel* steps_;
    QLabel* quickLabel_;
    SerialField* quick_;
    QPushButton* back_;
    QMenu* fileMenu_ = nullptr;
    QMenu* goMenu_ = nullptr;
    QMenu* databaseMenu_ = nullptr;
    QMenu* paperMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QActionGroup* languages_ = nullptr;
    QAction* previewAction_ = nullptr;
    QAction* printAction_ = nullptr;
    QAction* cardAction_ = nullptr;
    QAction* withoutAskingAction_ = nullptr;
    QToolButton* cardButton_ = nullptr;
    QAction* printCardAction_ = nullptr;
    QAction* printLabelAction_ = nullptr;
    QAction* saveCardAction_ = nullptr;
    QAction* pdfAction_ = nullptr;
    QAction* workshopAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* newAction_ = nullptr;
    QAction* backAction_ = nullptr;
    QAction* quickAction_ = nullptr;
    QAction* jobAction_ = nullptr;
    QAction* helpAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
};

} // namespace radiocode::gui
