// Joins the code database to the main window: the Database menu (import, job history,
// settings), the code source behind Blaupunkt and Becker lookups, and the result page's job-log
// buttons ("This code worked", "Code refused", "Save job", and "Record the code that worked…"
// when the database has none), with the attempt warning before the next try.
//
// FinderProgram (finder_program.h) creates it after the CodeFinder and before the window, then
// attaches it to the window.
#pragma once

#include "gui/database/database_session.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QPushButton;

namespace radiocode {
class CodeFinder;
}

namespace radiocode::gui {

class HistoryWindow;
class ImportDialog;
class MainWindow;
class NoCodeActions;

class DatabaseIntegration : public QObject {
    Q_OBJECT

public:
    // Adds the configured database to `finder` (the finder borrows the session, so create this
    // object after the finder). The database opens after the attached window's first frame, or
    // as soon as something asks for it.
    explicit DatabaseIntegration(CodeFinder& finder, QObject* parent = nullptr);
    ~DatabaseIntegration() override;
    void attach(MainWindow& window);

    DatabaseSession& session() { return session_; }

    // Job log, for the current result on the main window: one job per radio, updated.
    // A refused code is recorded only once the technician confirms it.
    bool recordOutcome(storage::Outcome outcome);
    // Saves the job (details, notes, code) and keeps its outcome.
    bool saveJob();
    // Answers the questions before a recorded outcome (tests); by default a question box asks.
    void setConfirmation(std::function<bool(const QString& question)> confirmation) {
        confirmation_ = std::move(confirmation);
    }
    // The technician got the code elsewhere (radio card) and it worked: store it as confirmed.
    bool recordWorkingCode(const QString& code);
    qint64 currentJobId() const { return currentJobId_; }
    QString lastWarning() const { return lastWarning_; }
    QString lastError() const { return lastError_; }
    void reopenJob(const storage::Job& job);
    // Stores the window's label photo with the job when it shows this job's radio (once per
    // photo and job). True when there was nothing to store or it was stored.
    bool keepLabelPhoto(qint64 jobId);

    QPushButton* workedButton() const { return worked_; }
    QPushButton* refusedButton() const { return refused_; }
    QPushButton* saveJobButton() const { return saveJob_; }
    QPushButton* recordCodeButton() const { return recordCode_; }
    HistoryWindow* historyWindow() const;
    // The radio card and the code request on the no-code result page.
    NoCodeActions* noCodeActions() const { return noCode_; }
    ImportDialog* importDialog() const;

public slots:
    void openImportDialog();
    void openHistory();
    void openSettings();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void lookupCompleted(const LookupResult& result);
    void updateResultButtons();
    void askAgainWhenAnswering();
    void updateMenu();
    bool writeJob(std::optional<storage::Outcome> outcome);
    bool confirm(const QString& title, const QString& question, const QString& yes);
    void warn(const QString& title, const QString& text);
    void showError(const QString& title, const QString& text);
    void showMessage(const QString& title, const QString& text, const QString& name);
    QString technician() const;

    DatabaseSession session_;
    QPointer<MainWindow> window_;
    QPointer<HistoryWindow> history_;
    QPointer<ImportDialog> import_;
    std::function<bool(const QString&)> confirmation_;
    NoCodeActions* noCode_ = nullptr;
    qint64 currentJobId_ = 0;
    std::optional<Family> currentJobFamily_;
    QString currentJobSerial_;
    int currentAttempts_ = 0;
    qint64 photoJobId_ = 0; // the job the window's label photo was last stored with
    QDateTime photoTakenAt_;
    QString lastWarning_;
    QString lastError_;
    struct DatabaseMenu {
        QAction* status = nullptr; // which database is used, or why none is
        QAction* import = nullptr;
        QAction* history = nullptr;
        QAction* settings = nullptr;
        QAction* workshop = nullptr;
    } menu_;
    bool buttonsAdded_ = false; // to the result page, when it is first shown
    QPushButton* worked_ = nullptr;
    QPushButton* refused_ = nullptr;
    QPushButton* saveJob_ = nullptr;
    QPushButton* recordCode_ = nullptr;
};

} // namespace radiocode::gui
