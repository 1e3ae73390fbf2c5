#include "gui/database/no_code_actions.h"

#include "common/i18n.h"
#include "common/settings.h"
#include "common/texts.h"
#include "gui/database/database_integration.h"
#include "gui/database/history_window.h"
#include "gui/main_window.h"
#include "gui/result_page.h"
#include "gui/widget_parts.h"
#include "storage/storage_texts.h"

#include "radiocode/calculators.h"
#include "radiocode/recognition.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>

namespace radiocode::gui {
namespace {

bool fromDatabaseFamily(const LookupResult& result) {
    return result.recognition.family &&
           familyInfo(*result.recognition.family).origin == CodeOrigin::CodeDatabase;
}

Recognition recogniseText(const QString& text, std::optional<Family> family) {
    const QByteArray raw = text.toUtf8();
    return finalised(
        recognise(std::string_view(raw.constData(), static_cast<std::size_t>(raw.size())), family));
}

// The program's language: the one chosen in its menu, else the system's when translated.
QString programLanguage() {
    const QString chosen = Settings::value(Settings::language);
    if (!chosen.isEmpty())
        return chosen;
    const QString system = QLocale::system().name().left(2);
    return availableLanguages().contains(system) ? system : QStringLiteral("en");
}

// Renders in `language` and puts the program's own language back afterwards.
class LanguageForPrinting {
public:
    explicit LanguageForPrinting(const QString& language)
        : previous_(Settings::value(Settings::language)),
          switched_(!language.isEmpty() && language != programLanguage()) {
        if (switched_)
            installTranslations(language);
    }
    ~LanguageForPrinting() {
        if (switched_)
            installTranslations(previous_);
    }
    LanguageForPrinting(const LanguageForPrinting&) = delete;
    LanguageForPrinting& operator=(const LanguageForPrinting&) = delete;

private:
    QString previous_;
    bool switched_;
};

} // namespace

// --- the dialogs ---------------------------------------------------------------------------

CardDialog::CardDialog(const QString& radioSerial, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("radioCardDialog"));
    setWindowTitle(tr("The owner has the radio card"));
    setMinimumWidth(460); // room for the reason when the serials differ
    auto* intro = makeParagraph(tr("The radio card (“Radio Pass”, “Safety-Nr”, PIN) holds the "
                                   "code for one radio: its serial must be this radio's, %1.")
                                    .arg(radioSerial),
                                this);
    cardSerial_ = makeNamedLineEdit(QStringLiteral("cardSerialEdit"), QString(), this);
    cardSerial_->setPlaceholderText(tr("the serial as printed on the card"));
    code_ = makeNamedLineEdit(QStringLiteral("cardCodeEdit"), QString(), this);
    code_->setMaxLength(8); // room for stray spaces; the check says what a code is
    code_->setPlaceholderText(tr("4 digits"));
    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("cardProblem"));
    problem_->setWordWrap(true);
    problem_->hide();
    auto* form = new QFormLayout;
    form->addRow(tr("Serial on the &card:"), cardSerial_);
    form->addRow(tr("&Code on the card:"), code_);
    auto* buttons = makeDialogButtons(this, QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Check and show the code"));
    layOutInColumn(this, {intro, form, problem_, buttons});
}

void CardDialog::showProblem(const QString& text) {
    problem_->setText(text);
    problem_->setVisible(!text.isEmpty());
}

RequestDialog::RequestDialog(const RequestContent& content, QWidget* parent)
    : QDialog(parent), base_(content) {
    setObjectName(QStringLiteral("requestDialog"));
    setWindowTitle(tr("Request the code"));
    const QString workshop = content.workshop.name.trimmed();
    auto* intro = makeParagraph(
        tr("A letter for a Nissan dealer or the %1 service: the workshop, the vehicle, the radio "
           "and the proof of ownership to enclose, with the owner's signature. Empty fields are "
           "left blank to fill in by hand.")
                .arg(Texts::familyName(content.family)) +
            QLatin1Char(' ') +
            (workshop.isEmpty() ? tr("The workshop's details are not set yet: Database ▸ Workshop "
                                     "details.")
                                : tr("From: %1.").arg(workshop)),
        this);
    auto line = [this](const char* name, const QString& text) {
        return makeNamedLineEdit(QLatin1String(name), text, this);
    };
    recipient_ = line("requestRecipient", content.recipient);
    recipient_->setPlaceholderText(tr("e.g. the Nissan dealer's name"));
    vin_ = line("requestVin", content.vin);
    registration_ = line("requestRegistration", content.registration);
    owner_ = line("requestOwner", content.owner);
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("requestLanguage"));
    const QString current = programLanguage();
    for (const QString& code : availableLanguages()) {
        language_->addItem(languageDisplayName(code), code);
        if (code == current)
            language_->setCurrentIndex(language_->count() - 1);
    }
    auto* form = new QFormLayout;
    form->addRow(tr("&To:"), recipient_);
    form->addRow(
        tr("Radio:"),
        new QLabel(tr("%1 · serial %2").arg(Texts::familyName(content.family), content.serial),
                   this));
    if (content.family == Family::Blaupunkt) {
        partNumber_ = line("requestPartNumber", content.partNumber);
        partNumber_->setPlaceholderText(tr("10 digits on the label, 7 6…"));
        form->addRow(tr("&Part number:"), partNumber_);
    }
    form->addRow(tr("&VIN:"), vin_);
    form->addRow(tr("&Registration:"), registration_);
    form->addRow(tr("&Owner:"), owner_);
    form->addRow(tr("&Language of the letter:"), language_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    pdf_ = buttons->addButton(tr("&Save as PDF…"), QDialogButtonBox::AcceptRole);
    pdf_->setObjectName(QStringLiteral("requestPdfButton"));
    print_ = buttons->addButton(tr("&Print…"), QDialogButtonBox::AcceptRole);
    print_->setObjectName(QStringLiteral("requestPrintButton"));
    pdf_->setDefault(true);
    connect(pdf_, &QPushButton::clicked, this, &RequestDialog::pdfRequested);
    connect(print_, &QPushButton::clicked, this, &RequestDialog::printRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layOutInColumn(this, {intro, form, buttons});
}

RequestContent RequestDialog::content() const {
    RequestContent content = base_;
    content.recipient = recipient_->text().trimmed();
    if (partNumber_)
        content.partNumber = partNumber_->text().trimmed();
    content.vin = vin_->text().trimmed();
    content.registration = registration_->text().trimmed();
    content.owner = owner_->text().trimmed();
    return content;
}

QString RequestDialog::language() const {
    return language_->currentData().toString();
}

WorkshopDialog::WorkshopDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("workshopDialog"));
    setWindowTitle(tr("Workshop details"));
    const WorkshopDetails workshop = WorkshopDetails::saved();
    name_ = makeNamedLineEdit(QStringLiteral("workshopName"), workshop.name, this);
    address_ = new QPlainTextEdit(workshop.address, this);
    address_->setObjectName(QStringLiteral("workshopAddress"));
    address_->setTabChangesFocus(true);
    address_->setFixedHeight(address_->fontMetrics().lineSpacing() * 4 + 12);
    contact_ = makeNamedLineEdit(QStringLiteral("workshopContact"), workshop.contact, this);
    contact_->setPlaceholderText(tr("phone, e-mail"));
    reminder_ = new QSpinBox(this);
    reminder_->setObjectName(QStringLiteral("reminderDays"));
    reminder_->setRange(0, 365);
    reminder_->setSpecialValueText(tr("never"));
    reminder_->setSuffix(tr(" days"));
    reminder_->setValue(savedReminderDays());
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), name_);
    form->addRow(tr("&Address:"), address_);
    form->addRow(tr("&Contact:"), contact_);
    form->addRow(tr("&Remind about code requests after:"), reminder_);
    auto* note = makeParagraph(tr("The name is printed on every instruction sheet; name, address "
                                  "and contact head every code request."),
                               this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layOutInColumn(this, {form, note, buttons});
}

void WorkshopDialog::save() const {
    WorkshopDetails{name_->text().trimmed(), address_->toPlainText().trimmed(),
                    contact_->text().trimmed()}
        .save();
    saveReminderDays(reminder_->value());
}

AnswerDialog::AnswerDialog(const QString& serial, const QString& askedFrom, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("answerDialog"));
    setWindowTitle(tr("Enter the answer"));
    auto* intro = makeParagraph(tr("The code given for %1. It is kept in the code database with "
                                   "who gave it.")
                                    .arg(serial),
                                this);
    code_ = makeNamedLineEdit(QStringLiteral("answerCode"), QString(), this);
    code_->setPlaceholderText(tr("4 digits"));
    from_ = makeNamedLineEdit(QStringLiteral("answerFrom"), askedFrom, this);
    manufacturer_ = new QCheckBox(tr("The answer came from the manufacturer's service"), this);
    manufacturer_->setObjectName(QStringLiteral("answerManufacturer"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Code:"), code_);
    form->addRow(tr("&From:"), from_);
    form->addRow(QString(), manufacturer_);
    layOutInColumn(
        this,
        {intro, form, makeDialogButtons(this, QDialogButtonBox::Save | QDialogButtonBox::Cancel)});
}

// --- the actions ---------------------------------------------------------------------------

NoCodeActions::NoCodeActions(DatabaseIntegration& database, MainWindow& window)
    : QObject(&database), database_(database), window_(window) {
    card_ = new QPushButton(&window);
    card_->setObjectName(QStringLiteral("radioCardButton"));
    request_ = new QPushButton(&window);
    request_->setObjectName(QStringLiteral("requestCodeButton"));
    for (QPushButton* button : {card_, request_})
        button->hide();
    connect(card_, &QPushButton::clicked, this, &NoCodeActions::openCardDialog);
    connect(request_, &QPushButton::clicked, this, &NoCodeActions::openRequestDialog);
    retranslate();
}

void NoCodeActions::retranslate() {
    card_->setText(tr("The o&wner has the radio card…"));
    card_->setToolTip(tr("Enter the serial and the code from the owner's radio card."));
    request_->setText(tr("Request th&e code…"));
    request_->setToolTip(tr("Print a request for the code to a Nissan dealer or the "
                            "manufacturer's service, and keep the job waiting for the answer."));
}

void NoCodeActions::updateButtons(bool databaseOpen) {
    if (!added_) {
        added_ = true;
        // The card first, as the help says.
        window_.resultPage()->addNoCodeAction(card_);
        window_.resultPage()->addNoCodeAction(request_);
    }
    const LookupResult& result = window_.currentResult();
    const bool noCode = result.status == LookupStatus::NotFound && fromDatabaseFamily(result) &&
                        result.sourceFailure.empty();
    card_->setVisible(noCode);
    request_->setVisible(noCode && databaseOpen);
}

bool NoCodeActions::enterCard(const QString& cardSerial, const QString& rawCode, QString* problem) {
    const LookupResult& result = window_.currentResult();
    if (!result.recognition.isValid() || !result.recognition.family)
        return false;
    const Family family = *result.recognition.family;
    const QString serial = Texts::fromUtf8(result.recognition.serial);
    const Recognition card = recogniseText(cardSerial, family);
    if (!card.isValid()) {
        QString message = tr("The card's serial: %1").arg(Texts::message(card));
        if (!card.suggestions.empty())
            message +=
                QLatin1Char(' ') + Texts::suggestion(Texts::fromUtf8(card.suggestions.front()));
        *problem = message;
        return false;
    }
    const QString cardSerialText = Texts::fromUtf8(card.serial);
    if (cardSerialText != serial) {
        *problem = Texts::cardMismatch(cardSerialText, serial);
        return false;
    }
    const QString code = rawCode.trimmed();
    if (!isCodeText(code)) {
        *problem = tr("“%1” is not a code: a code is exactly 4 digits.").arg(code);
        return false;
    }
    const QString technician = window_.currentJobDetails().technician.trimmed();
    LookupResult shown = result; // a copy: showResult replaces the current result
    shown.status = LookupStatus::Ok;
    shown.answer = CodeAnswer{code.toStdString(), Provenance::named(Provenance::Kind::CardEntered,
                                                                    technician.toStdString())};
    window_.showResult(shown);
    // Logged now with the card's code; "This code worked" then keeps it in the code database.
    database_.recordOutcome(storage::Outcome::NotTried);
    return true;
}

void NoCodeActions::openCardDialog() {
    const LookupResult& result = window_.currentResult();
    if (!result.recognition.isValid())
        return;
    if (!cardDialog_) {
        cardDialog_ = new CardDialog(Texts::fromUtf8(result.recognition.serial), &window_);
        cardDialog_->setAttribute(Qt::WA_DeleteOnClose);
        // Checked before the dialog closes: a mismatch keeps it open with the reason.
        disconnect(cardDialog_->findChild<QDialogButtonBox*>(), &QDialogButtonBox::accepted,
                   cardDialog_, &QDialog::accept);
        connect(cardDialog_->findChild<QDialogButtonBox*>(), &QDialogButtonBox::accepted, this,
                [this] {
                    QString problem;
                    if (enterCard(cardDialog_->cardSerialEdit()->text(),
                                  cardDialog_->codeEdit()->text(), &problem))
                        cardDialog_->accept();
                    else
                        cardDialog_->showProblem(problem);
                });
    }
    cardDialog_->open();
}

RequestContent NoCodeActions::requestFor() const {
    const LookupResult& result = window_.currentResult();
    const JobDetails details = window_.currentJobDetails();
    RequestContent content;
    content.workshop = WorkshopDetails::saved();
    content.date = QDate::currentDate();
    content.family = result.recognition.family.value_or(Family::Blaupunkt);
    content.serial = Texts::fromUtf8(result.recognition.serial);
    content.vin = details.vin;
    content.registration = details.registration;
    content.owner = details.customer;
    content.partNumber = Texts::fromUtf8(result.recognition.partNumber); // agreed with the serial
    content.labelPhoto = window_.currentLabelPhoto().printedImage();
    return content;
}

std::optional<qint64> NoCodeActions::logRequest(const RequestContent& content, QString* error) {
    storage::Database* database = database_.session().database(&window_);
    if (!database) {
        *error = database_.session().error();
        return std::nullopt;
    }
    storage::Job job;
    const JobDetails details = window_.currentJobDetails();
    job.technician = details.technician;
    job.customer = content.owner;
    job.registration = content.registration;
    job.vin = content.vin;
    job.family = content.family;
    job.serial = content.serial;
    const auto id = database->jobLog().addJob(job);
    if (!id || !database->jobLog().addCodeRequest(*id, content.recipient)) {
        *error = database->lastError();
        return std::nullopt;
    }
    database_.keepLabelPhoto(*id); // a failure is said; the request goes out all the same
    return id;
}

void NoCodeActions::requestSent(const RequestContent& content, qint64 jobId, bool sent) {
    storage::Database* database = database_.session().database(&window_);
    if (!sent) {
        if (database)
            database->jobLog().removeCodeRequest(jobId); // not sent: not waiting
        return;
    }
    lastRequestJob_ = jobId;
    window_.statusBar()->showMessage(content.recipient.isEmpty()
                                         ? tr("Job #%1 is waiting for the code.").arg(jobId)
                                         : tr("Job #%1 is waiting for the code from %2.")
                                               .arg(QString::number(jobId), content.recipient));
    if (database_.historyWindow())
        database_.historyWindow()->refresh();
}

bool NoCodeActions::saveRequest(const RequestContent& request, const QString& language,
                                const QString& path, QString* error) {
    if (const QString problem =
            RequestLetter::partNumberProblem(request.partNumber, request.family, request.serial);
        !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    // Logged first, so the letter can name the job the answer belongs to.
    const auto id = logRequest(request, error);
    if (!id)
        return false;
    RequestContent content = request;
    bool written = false;
    {
        const LanguageForPrinting inLanguage(language);
        content.reference = tr("job #%1").arg(*id);
        written = RequestLetter::writePdf(path, content, InstructionSheet::savedPaper(), error);
    }
    requestSent(content, *id, written);
    return written;
}

bool NoCodeActions::checkPartNumber(const RequestContent& content) {
    const QString problem =
        RequestLetter::partNumberProblem(content.partNumber, content.family, content.serial);
    if (problem.isEmpty())
        return true;
    QMessageBox::warning(requestDialog_, tr("Request the code"), problem);
    if (requestDialog_ && requestDialog_->partNumberEdit())
        requestDialog_->partNumberEdit()->setFocus();
    return false;
}

void NoCodeActions::openRequestDialog() {
    if (!window_.currentResult().recognition.isValid())
        return;
    if (!requestDialog_) {
        requestDialog_ = new RequestDialog(requestFor(), &window_);
        requestDialog_->setAttribute(Qt::WA_DeleteOnClose);
        connect(requestDialog_, &RequestDialog::pdfRequested, this, [this] {
            const RequestContent content = requestDialog_->content();
            if (!checkPartNumber(content))
                return;
            const QString path = QFileDialog::getSaveFileName(
                requestDialog_, tr("Save the request as PDF"),
                QStringLiteral("code-request-%1.pdf").arg(content.serial), tr("PDF files (*.pdf)"));
            if (path.isEmpty())
                return;
            QString error;
            if (!saveRequest(content, requestDialog_->language(), path, &error)) {
                QMessageBox::warning(requestDialog_, tr("Request the code"), error);
                return;
            }
            requestDialog_->accept();
        });
        connect(requestDialog_, &RequestDialog::printRequested, this, [this] {
            const RequestContent content = requestDialog_->content();
            if (!checkPartNumber(content))
                return;
            QPrinter printer(QPrinter::HighResolution);
            printer.setPageSize(InstructionSheet::pageSize(InstructionSheet::savedPaper()));
            printer.setDocName(RequestLetter::title());
            QPrintDialog dialog(&printer, requestDialog_);
            if (dialog.exec() != QDialog::Accepted)
                return;
            QString error;
            const auto id = logRequest(content, &error);
            if (!id) {
                QMessageBox::warning(requestDialog_, tr("Request the code"), error);
                return;
            }
            bool printed = false;
            {
                const LanguageForPrinting inLanguage(requestDialog_->language());
                RequestContent withReference = content;
                withReference.reference = tr("job #%1").arg(*id);
                printed = RequestLetter::render(printer, withReference);
            }
            requestSent(content, *id, printed);
            if (!printed) {
                QMessageBox::warning(requestDialog_, tr("Request the code"),
                                     tr("The request could not be printed."));
                return;
            }
            requestDialog_->accept();
        });
    }
    requestDialog_->open();
}

void NoCodeActions::openWorkshopDialog() {
    WorkshopDialog dialog(&window_);
    if (dialog.exec() == QDialog::Accepted)
        checkWaiting();
}

void NoCodeActions::checkWaiting() {
    // A reminder is not worth a wait: nothing while the database is being (re)connected.
    storage::Database* database = database_.session().openDatabase();
    reminder_.clear();
    if (!database)
        return;
    const auto waiting = database->jobLog().waitingJobs();
    reminder_ = storage::StorageTexts::waitingReminder(
        storage::StorageTexts::overdueRequests(waiting, savedReminderDays()), savedReminderDays());
    if (!reminder_.isEmpty())
        window_.statusBar()->showMessage(reminder_ + QLatin1Char(' ') +
                                         tr("Database ▸ Job history ▸ Waiting for codes."));
}

} // namespace radiocode::gui
