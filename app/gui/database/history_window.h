// The job log: search, filter by date, family and outcome, reopen a job, reprint its sheet,
// export the list as CSV.
#pragma once

#include "storage/database.h"

#include <QDialog>
#include <QSet>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace radiocode::gui {

class HistoryWindow : public QDialog {
    Q_OBJECT

public:
    // The database is borrowed (the program's connection, this thread's).
    explicit HistoryWindow(storage::Database* database, QWidget* parent = nullptr);
    void setDatabase(storage::Database* database);

    storage::JobFilter filter() const;
    QList<storage::Job> shownJobs() const { return jobs_; }
    std::optional<storage::Job> selectedJob() const;
    bool exportTo(const QString& path, QString* error = nullptr);
    // A mistaken click is not forever: the selected job's outcome, set again. Attempts follow
    // (a refusal counts at least one, "not tried" none).
    bool changeOutcome(storage::Outcome outcome);
    QString statusText() const;
    // Who is at the keyboard (the job details' technician), named with a refusal the history
    // records; the job's own technician when it gives none.
    void setTechnicianSource(std::function<QString()> technician) {
        technician_ = std::move(technician);
    }

    QLineEdit* searchEdit() const { return search_; }
    QComboBox* familyCombo() const { return family_; }
    QComboBox* outcomeCombo() const { return outcome_; }
    QCheckBox* sinceCheck() const { return useSince_; }
    QDateEdit* sinceEdit() const { return since_; }
    QCheckBox* untilCheck() const { return useUntil_; }
    QDateEdit* untilEdit() const { return until_; }
    QTableWidget* table() const { return table_; }
    QPushButton* reopenButton() const { return reopen_; }
    QPushButton* reprintButton() const { return reprint_; }
    QPushButton* changeOutcomeButton() const { return changeOutcome_; }
    // "View label photo…": the photo kept with the selected job (enabled when it has one).
    QPushButton* labelPhotoButton() const { return photo_; }
    bool selectedJobHasPhoto() const;
    // Opens the viewer for the selected job's photo; the viewer, or nullptr when it has none.
    QDialog* showLabelPhoto();
    // "Waiting for codes": the jobs whose code was asked of a dealer, and the answer to one.
    QPushButton* answerButton() const { return answer_; }
    bool showsWaiting() const;
    void showWaiting();
    // Saves the answer to the selected waiting job; false with `error` (nothing saved).
    bool answerSelected(const QString& code, const QString& from, bool manufacturer,
                        QString* error);

public slots:
    void refresh();
    void exportCsv();

signals:
    void reopenRequested(const radiocode::storage::Job& job);
    void reprintRequested(const radiocode::storage::Job& job);
    void jobChanged(const radiocode::storage::Job& job);
    // An answer was saved: the job now carries the code (show it, print its sheet).
    void answered(const radiocode::storage::Job& job);

private:
    void updateButtons();

    storage::Database* database_;
    std::function<QString()> technician_;
    QList<storage::Job> jobs_;
    QLineEdit* search_;
    QComboBox* family_;
    QComboBox* outcome_;
    QCheckBox* useSince_;
    QDateEdit* since_;
    QCheckBox* useUntil_;
    QDateEdit* until_;
    QTableWidget* table_;
    QLabel* status_;
    QPushButton* reopen_;
    QPushButton* reprint_;
    QPushButton* changeOutcome_;
    QPushButton* export_;
    QPushButton* answer_;
    QPushButton* photo_;
    QSet<qint64> pictured_;                // the jobs with a label photo
    QList<storage::CodeRequest> requests_; // with jobs_, while waiting jobs are shown
};

} // namespace radiocode::gui
