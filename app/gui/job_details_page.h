// Step 5 (optional): who and what the job is for. Printed on the sheet; the database keeps it
// with the job.
#pragma once

#include "gui/retranslating.h"
#include "sheet/job_details.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace radiocode::gui {

class StatusLine;

class JobDetailsPage : public Retranslating<QWidget> {
    Q_OBJECT

public:
    explicit JobDetailsPage(QWidget* parent = nullptr);
    // The details as entered; the VIN normalised (upper case, no spaces) when it is valid.
    JobDetails jobDetails() const;
    void setJobDetails(const JobDetails& details);
    // Clears everything but the technician, who stays for the next job.
    void clearForNextJob();
    // An empty or valid VIN; a half-typed or wrong one must be fixed before printing.
    bool vinAcceptable() const;
    void focusFirst();
    void focusVin();

    QLineEdit* customerEdit() const { return customer_; }
    QLineEdit* registrationEdit() const { return registration_; }
    QLineEdit* vinEdit() const { return vin_; }
    QLineEdit* technicianEdit() const { return technician_; }
    QPlainTextEdit* notesEdit() const { return notes_; }
    StatusLine* vinStatus() const { return vinStatus_; }

signals:
    void doneRequested();
    void printPreviewRequested();

private:
    void retranslate() override;
    void checkVin();

    QLabel* title_;
    QLabel* intro_;
    QLabel* customerLabel_;
    QLabel* registrationLabel_;
    QLabel* vinLabel_;
    QLabel* technicianLabel_;
    QLabel* notesLabel_;
    QLineEdit* customer_;
    QLineEdit* registration_;
    QLineEdit* vin_;
    StatusLine* vinStatus_;
    QLineEdit* technician_;
    QPlainTextEdit* notes_;
    QPushButton* done_;
    QPushButton* preview_;
};

} // namespace radiocode::gui
