// When no code is on record, on the result page: "The owner has the radio card" (its serial must
// be the radio's; its code then shows with the source "radio card"), "Request the code" (the
// request letter, printed or as PDF, and the job logged as waiting), the workshop details the
// letter names, and the reminder about requests waiting too long.
#pragma once

#include "sheet/request_letter.h"

#include <QDialog>
#include <QObject>
#include <QPointer>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace radiocode::gui {

class DatabaseIntegration;
class MainWindow;

// The owner's radio card: its serial and its code.
class CardDialog : public QDialog {
    Q_OBJECT

public:
    CardDialog(const QString& radioSerial, QWidget* parent = nullptr);
    QLineEdit* cardSerialEdit() const { return cardSerial_; }
    QLineEdit* codeEdit() const { return code_; }
    QLabel* problemLabel() const { return problem_; }
    void showProblem(const QString& text);

private:
    QLineEdit* cardSerial_;
    QLineEdit* code_;
    QLabel* problem_;
};

// The request letter's details; the workshop comes from the settings.
class RequestDialog : public QDialog {
    Q_OBJECT

public:
    RequestDialog(const RequestContent& content, QWidget* parent = nullptr);
    RequestContent content() const;
    QString language() const; // "en", "de", "tr"
    QLineEdit* recipientEdit() const { return recipient_; }
    QLineEdit* partNumberEdit() const { return partNumber_; }
    QLineEdit* vinEdit() const { return vin_; }
    QLineEdit* registrationEdit() const { return registration_; }
    QLineEdit* ownerEdit() const { return owner_; }
    QComboBox* languageCombo() const { return language_; }
    QPushButton* pdfButton() const { return pdf_; }
    QPushButton* printButton() const { return print_; }

signals:
    void pdfRequested();
    void printRequested();

private:
    RequestContent base_;
    QLineEdit* recipient_;
    QLineEdit* partNumber_ = nullptr;
    QLineEdit* vin_;
    QLineEdit* registration_;
    QLineEdit* owner_;
    QComboBox* language_;
    QPushButton* pdf_;
    QPushButton* print_;
};

// The workshop's name, address and contact, and after how many days to remind about requests.
class WorkshopDialog : public QDialog {
    Q_OBJECT

public:
    explicit WorkshopDialog(QWidget* parent = nullptr);
    void save() const;
    QLineEdit* nameEdit() const { return name_; }
    QPlainTextEdit* addressEdit() const { return address_; }
    QLineEdit* contactEdit() const { return contact_; }
    QSpinBox* reminderSpin() const { return reminder_; }

private:
    QLineEdit* name_;
    QPlainTextEdit* address_;
    QLineEdit* contact_;
    QSpinBox* reminder_;
};

// The code a dealer or the manufacturer's service gave for a waiting job.
class AnswerDialog : public QDialog {
    Q_OBJECT

public:
    AnswerDialog(const QString& serial, const QString& askedFrom, QWidget* parent = nullptr);
    QLineEdit* codeEdit() const { return code_; }
    QLineEdit* fromEdit() const { return from_; }
    QCheckBox* manufacturerCheck() const { return manufacturer_; }

private:
    QLineEdit* code_;
    QLineEdit* from_;
    QCheckBox* manufacturer_;
};

class NoCodeActions : public QObject {
    Q_OBJECT

public:
    NoCodeActions(DatabaseIntegration& database, MainWindow& window);

    // Shows or hides the buttons for the result on the window (called by DatabaseIntegration).
    void updateButtons(bool databaseOpen);
    QPushButton* cardButton() const { return card_; }
    QPushButton* requestButton() const { return request_; }
    CardDialog* cardDialog() const { return cardDialog_; }
    RequestDialog* requestDialog() const { return requestDialog_; }

    // The card's serial and code against the current result: false, with the reason, when the
    // serials differ (no code is shown) or the code is not 4 digits. A match shows the code with
    // the source "card:<technician>" and logs the job.
    bool enterCard(const QString& cardSerial, const QString& code, QString* problem);
    // Writes the request as PDF (in `language`) and logs the job as waiting. False with `error`.
    bool saveRequest(const RequestContent& content, const QString& language, const QString& path,
                     QString* error);
    qint64 lastRequestJob() const { return lastRequestJob_; }
    // The reminder shown at start (status bar) when requests wait too long; empty when none.
    QString reminder() const { return reminder_; }
    void checkWaiting();
    // The request for the radio on the result page, as the dialog starts from it.
    RequestContent requestFor() const;

    void retranslate();

public slots:
    void openCardDialog();
    void openRequestDialog();
    void openWorkshopDialog();

private:
    std::optional<qint64> logRequest(const RequestContent& content, QString* error);
    // Says what is wrong with the part number (and keeps the dialog open); true when it fits.
    bool checkPartNumber(const RequestContent& content);
    // After the letter was written or printed (or failed: the request is withdrawn).
    void requestSent(const RequestContent& content, qint64 jobId, bool sent);

    DatabaseIntegration& database_;
    MainWindow& window_;
    QPushButton* card_;
    QPushButton* request_;
    QPointer<CardDialog> cardDialog_;
    QPointer<RequestDialog> requestDialog_;
    qint64 lastRequestJob_ = 0;
    QString reminder_;
    bool added_ = false;
};

} // namespace radiocode::gui
