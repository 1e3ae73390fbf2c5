#include "gui/job_details_page.h"

#include "common/settings.h"
#include "gui/serial_widgets.h"
#include "gui/widget_parts.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace radiocode::gui {

JobDetailsPage::JobDetailsPage(QWidget* parent) : Retranslating(parent) {
    setObjectName(QStringLiteral("jobDetailsPage"));
    title_ = makePageTitle(this);
    intro_ = makeParagraph(QString(), this);
    customer_ = new QLineEdit(this);
    customer_->setObjectName(QStringLiteral("customerField"));
    registration_ = new QLineEdit(this);
    registration_->setObjectName(QStringLiteral("registrationField"));
    vin_ = new QLineEdit(this);
    vin_->setObjectName(QStringLiteral("vinField"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.2);
    vin_->setFont(mono);
    vin_->setMaxLength(40);
    vinStatus_ = new StatusLine(this);
    vinStatus_->announceOn(vin_);
    technician_ = new QLineEdit(this);
    technician_->setObjectName(QStringLiteral("technicianField"));
    technician_->setText(Settings::value(Settings::technician));
    notes_ = new QPlainTextEdit(this);
    notes_->setObjectName(QStringLiteral("notesField"));
    notes_->setTabChangesFocus(true);
    notes_->setMaximumHeight(110);

    customerLabel_ = new QLabel(this);
    registrationLabel_ = new QLabel(this);
    vinLabel_ = new QLabel(this);
    technicianLabel_ = new QLabel(this);
    notesLabel_ = new QLabel(this);
    customerLabel_->setBuddy(customer_);
    registrationLabel_->setBuddy(registration_);
    vinLabel_->setBuddy(vin_);
    technicianLabel_->setBuddy(technician_);
    notesLabel_->setBuddy(notes_);

    auto* vinBox = new QVBoxLayout;
    vinBox->setContentsMargins(0, 0, 0, 0);
    vinBox->addWidget(vin_);
    vinBox->addWidget(vinStatus_);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(customerLabel_, customer_);
    form->addRow(registrationLabel_, registration_);
    form->addRow(vinLabel_, vinBox);
    form->addRow(technicianLabel_, technician_);
    form->addRow(notesLabel_, notes_);

    done_ = new QPushButton(this);
    done_->setObjectName(QStringLiteral("jobDoneButton"));
    preview_ = new QPushButton(this);
    preview_->setObjectName(QStringLiteral("jobPrintPreviewButton"));
    connect(done_, &QPushButton::clicked, this, &JobDetailsPage::doneRequested);
    connect(preview_, &QPushButton::clicked, this, &JobDetailsPage::printPreviewRequested);
    QHBoxLayout* buttons = makeButtonRow({done_, preview_});

    // A form of sensible width: names and a VIN, not paragraphs.
    auto* formBox = new QWidget(this);
    auto* formBoxLayout = new QVBoxLayout(formBox);
    formBoxLayout->setContentsMargins(0, 0, 0, 0);
    formBoxLayout->addLayout(form);
    formBoxLayout->addLayout(buttons);
    formBox->setMaximumWidth(760);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(intro_);
    layout->addWidget(formBox);
    layout->addStretch(1);

    connect(vin_, &QLineEdit::textChanged, this, &JobDetailsPage::checkVin);
    connect(technician_, &QLineEdit::editingFinished, this,
            [this] { Settings::setValue(Settings::technician, technician_->text().trimmed()); });
    setTabOrder(customer_, registration_);
    setTabOrder(registration_, vin_);
    setTabOrder(vin_, technician_);
    setTabOrder(technician_, notes_);
    setTabOrder(notes_, done_);
    setTabOrder(done_, preview_);
    retranslate();
}

JobDetails JobDetailsPage::jobDetails() const {
    JobDetails details;
    details.customer = customer_->text().trimmed();
    details.registration = registration_->text().trimmed().toUpper();
    const VinCheck vin = Vin::check(vin_->text());
    details.vin = vin.state == VinState::Valid ? vin.vin : vin_->text().trimmed();
    details.technician = technician_->text().trimmed();
    details.notes = notes_->toPlainText().trimmed();
    return details;
}

void JobDetailsPage::setJobDetails(const JobDetails& details) {
    customer_->setText(details.customer);
    registration_->setText(details.registration);
    vin_->setText(details.vin);
    technician_->setText(details.technician);
    notes_->setPlainText(details.notes);
}

void JobDetailsPage::clearForNextJob() {
    customer_->clear();
    registration_->clear();
    vin_->clear();
    notes_->clear();
}

bool JobDetailsPage::vinAcceptable() const {
    const VinState state = Vin::check(vin_->text()).state;
    return state == VinState::Empty || state == VinState::Valid;
}

void JobDetailsPage::focusFirst() {
    customer_->setFocus(Qt::OtherFocusReason);
}

void JobDetailsPage::focusVin() {
    vin_->setFocus(Qt::OtherFocusReason);
    vin_->selectAll();
}

void JobDetailsPage::checkVin() {
    const VinCheck check = Vin::check(vin_->text());
    switch (check.state) {
    case VinState::Empty:
        vinStatus_->showNeutral(tr("Optional: 17 characters, never I, O or Q."));
        break;
    case VinState::Incomplete:
        vinStatus_->showState(InputState::Incomplete, check.message);
        break;
    case VinState::Valid:
        vinStatus_->showState(InputState::Valid, check.message);
        break;
    case VinState::Invalid:
        vinStatus_->showState(InputState::Invalid, check.message);
        break;
    }
}

void JobDetailsPage::retranslate() {
    title_->setText(tr("Job details"));
    intro_->setText(tr("Optional: these go on the instruction sheet. The technician's name is "
                       "remembered for the next job."));
    customerLabel_->setText(tr("C&ustomer:"));
    registrationLabel_->setText(tr("&Registration:"));
    vinLabel_->setText(tr("V&IN:"));
    technicianLabel_->setText(tr("&Technician:"));
    notesLabel_->setText(tr("N&otes:"));
    customer_->setAccessibleName(tr("Customer"));
    registration_->setAccessibleName(tr("Registration"));
    vin_->setAccessibleName(tr("Vehicle identification number"));
    technician_->setAccessibleName(tr("Technician"));
    notes_->setAccessibleName(tr("Notes"));
    done_->setText(tr("&Back to the code"));
    preview_->setText(tr("Print pre&view…"));
    checkVin();
}

} // namespace radiocode::gui
