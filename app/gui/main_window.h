// The program's window: the wizard (radio, label guide, serial, code, job details), help, the
// quick lookup for technicians who know their serial, menus, printing and settings.
#pragma once

#include "instruction_sheet.h"
#include "job_details.h"

#include "radiocode/code_source.h"

#include <QMainWindow>

#include <optional>

class QAbstractButton;
class QActionGroup;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;

namespace radiocode::gui {

class FamilyPage;
class HelpPage;
class JobDetailsPage;
class LabelGuidePage;
class ResultPage;
class SerialEntryPage;
class SerialField;

class MainWindow : public QMainWindow {
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
    ResultPage* resultPage() const;
    void addResultAction(QAbstractButton* button); // shortcut for resultPage()->addResultAction
    // The lookup shown on the result page (status Invalid before the first lookup).
    const LookupResult& currentResult() const;
    JobDetails currentJobDetails() const;
    void setJobDetails(const JobDetails& details);
    // Shows a result as if it had just been looked up (reopening a saved job).
    void showResult(const LookupResult& result);
    // What the sheet would print now.
    SheetContent currentSheet() const;

    // ---- Navigation and actions, public for tests and hooks ----
    Page currentPage() const;
    void showPage(Page page);
    void chooseFamily(Family family);
    // Looks `text` up (as `family`'s serial, or any family's); shows the result page unless the
    // serial is invalid. Returns whether a result is shown.
    bool lookUp(const QString& text, std::optional<Family> family);
    // The serial page's serial, cross-checked with its part number when one is typed.
    bool lookUpEntry();
    bool saveSheetAs(const QString& path, PaperSize paper, QString* error = nullptr);

    FamilyPage* familyPage() const { return family_; }
    LabelGuidePage* labelGuidePage() const;
    SerialEntryPage* serialEntryPage() const;
    JobDetailsPage* jobDetailsPage() const;
    HelpPage* helpPage() const;
    SerialField* quickLookupField() const { return quick_; }
    QPushButton* backButton() const { return back_; }

public slots:
    void advance(); // Enter: the page's next step
    void back();    // Esc, Alt+Left
    void newRadio();
    void printPreview();
    void print();
    void savePdf();
    void editWorkshopName();
    void showHelp();

signals:
    // A lookup finished and its result is on screen (for the job log).
    void lookupCompleted(const radiocode::LookupResult& result);
    void pageChanged(radiocode::gui::MainWindow::Page page);
    // The first frame is on screen and the deferred start-up work (icons, drawings, the other
    // pages) is done: the moment for anything else slow, such as opening the code database.
    void firstFrameShown();

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    // Shows a lookup's answer (or says why not) for the serial `text` as typed.
    bool presentLookup(const LookupResult& result, const QString& text);
    void ensurePages() const; // pages other than the first are built after the first frame
    void buildPages();
    void afterFirstFrame(); // card drawings, icons, the other pages
    void buildMenus();
    void retranslate();
    void updateStepIndicator();
    void updateActions();
    bool quickLookup();
    bool printable();
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
