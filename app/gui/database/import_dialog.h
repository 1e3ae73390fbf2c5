// Imports a dealer's code list: checks the whole file first (a dry run) and shows what would
// happen (imported, duplicates, skipped rows with their reasons, conflicts), then imports on
// request. Both passes run in a worker thread with a progress bar and Cancel. Conflicts are never
// overwritten unless the technician ticks "Replace" for them and confirms. The first rows are
// shown as read, with the serial and code columns to pick (found by their header names when
// they can be) and a choice to restore codes whose leading zeros a spreadsheet dropped.
#pragma once

#include "storage/database.h"

#include <QDialog>

#include <atomic>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace radiocode::gui {

class ImportDialog : public QDialog {
    Q_OBJECT

public:
    enum class Stage { NoFile, Checking, Checked, Importing, Imported, Failed };

    // The dialog opens its own connections (one per worker) to `location`.
    explicit ImportDialog(const storage::DatabaseLocation& location, QWidget* parent = nullptr);
    ~ImportDialog() override;

    // Starts checking `path` (the dry run).
    void setFile(const QString& path);
    Stage stage() const { return stage_; }
    const storage::ImportReport& report() const { return report_; }

    // Asked before anything is replaced; by default a question box. Tests answer it themselves.
    void setConfirmation(std::function<bool(const QString& question)> confirm);
    // The conflicts ticked "Replace" in the table.
    QList<storage::ImportConflict> chosenReplacements() const;
    void setReplaceChecked(int conflictIndex, bool replace);
    // For tests: run in the worker thread before each check or import starts, so a test can hold
    // the work there (a cancel then lands before any row, however fast or slow the machine).
    void setWorkerStartHook(std::function<void()> hook) { workerStartHook_ = std::move(hook); }

    QPushButton* importButton() const { return import_; }
    QPushButton* cancelButton() const { return cancel_; }
    QProgressBar* progressBar() const { return progress_; }
    QTableWidget* issuesTable() const { return issues_; }
    QLabel* summaryLabel() const { return summary_; }
    QTableWidget* previewTable() const { return preview_; }
    QComboBox* serialColumnBox() const { return serialColumn_; }
    QComboBox* codeColumnBox() const { return codeColumn_; }
    QCheckBox* restoreZerosBox() const { return restoreZeros_; }

public slots:
    void browse();
    void startImport();
    void cancelWork();

signals:
    void stageChanged(radiocode::gui::ImportDialog::Stage stage);
    void codesChanged(); // an import or a replacement was saved

protected:
    void reject() override;

private:
    void run(bool dryRun);
    void finished(const storage::ImportReport& report, bool dryRun);
    void setStage(Stage stage);
    void fillIssues();
    void fillPreview();
    void columnsChosen();
    storage::ImportOptions importOptions() const;
    bool applyReplacements(const QList<storage::ImportConflict>& chosen);

    storage::DatabaseLocation location_;
    QString file_;
    Stage stage_ = Stage::NoFile;
    storage::ImportReport report_;
    QList<storage::ImportConflict> pendingReplacements_;
    std::function<bool(const QString&)> confirm_;
    std::function<void()> workerStartHook_;
    std::atomic_bool cancelRequested_{false};
    QThread* worker_ = nullptr;

    QLineEdit* path_;
    QPushButton* browse_;
    QLabel* summary_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QTableWidget* issues_;
    QTableWidget* preview_;
    QComboBox* serialColumn_;
    QComboBox* codeColumn_;
    QCheckBox* restoreZeros_;
    bool fillingPreview_ = false;
    bool recheck_ = false; // the columns changed while a check ran: check again when it ends
    QPushButton* import_;
    QPushButton* close_;
};

} // namespace radiocode::gui
