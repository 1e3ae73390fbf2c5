#include "result_page.h"

#include "serial_widgets.h"
#include "texts.h"

#include "radiocode/entry_steps.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace radiocode::gui {
namespace {

QLabel* sectionTitle(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    return label;
}

} // namespace

ResultPage::ResultPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("resultPage"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);

    // Status: icon and words.
    statusIcon_ = new QLabel(content);
    statusIcon_->setFixedSize(32, 32);
    status_ = new QLabel(content);
    makePageTitle(status_);
    radio_ = new QLabel(content);
    radio_->setObjectName(QStringLiteral("resultRadio"));
    radio_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(statusIcon_);
    statusRow->addWidget(status_);
    statusRow->addSpacing(16);
    statusRow->addWidget(radio_, 1);
    layout->addLayout(statusRow);

    // Two columns: the code and its steps on the left, cautions and troubleshooting beside.
    auto* body = new QHBoxLayout;
    auto* leftColumn = new QVBoxLayout;
    auto* rightColumn = new QVBoxLayout;
    body->addLayout(leftColumn, 3);
    body->addSpacing(24);
    body->addLayout(rightColumn, 2);
    layout->addLayout(body);
    QVBoxLayout* mainColumn = leftColumn;

    // The code: four large digits in boxes, as on the radio's display.
    codeBox_ = new QWidget(content);
    codeBox_->setStyleSheet(QStringLiteral(
        "QLabel { border: 2px solid palette(text); border-radius: 6px; background: palette(base);"
        "  padding: 4px 14px; }"));
    auto* codeRow = new QHBoxLayout(codeBox_);
    codeRow->setContentsMargins(0, 8, 0, 8);
    QFont digitFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    digitFont.setPointSizeF(font().pointSizeF() * 4.2);
    digitFont.setBold(true);
    for (int i = 0; i < 4; ++i) {
        auto* digit = new QLabel(codeBox_);
        digit->setObjectName(QStringLiteral("codeDigit%1").arg(i + 1));
        digit->setFont(digitFont);
        digit->setAlignment(Qt::AlignCenter);
        digit->setFrameShape(QFrame::Box);
        digit->setLineWidth(2);
        digit->setMinimumSize(QFontMetrics(digitFont).horizontalAdvance(QLatin1Char('8')) * 2,
                              QFontMetrics(digitFont).height() + 16);
        digit->setTextInteractionFlags(Qt::TextSelectableByMouse);
        codeRow->addWidget(digit);
        digits_ << digit;
    }
    codeRow->addStretch(1);
    mainColumn->addWidget(codeBox_);
    source_ = new QLabel(content);
    source_->setObjectName(QStringLiteral("resultSource"));
    source_->setWordWrap(true);
    mainColumn->addWidget(source_);

    // No code: why not, and what next.
    noCode_ = new QWidget(content);
    auto* noCodeLayout = new QVBoxLayout(noCode_);
    noCodeLayout->setContentsMargins(0, 4, 0, 4);
    reason_ = new QLabel(noCode_);
    reason_->setObjectName(QStringLiteral("noCodeReason"));
    reason_->setWordWrap(true);
    QFont reasonFont = reason_->font();
    reasonFont.setPointSizeF(reasonFont.pointSizeF() * 1.1);
    reason_->setFont(reasonFont);
    nextTitle_ = sectionTitle(noCode_);
    next_ = new QLabel(noCode_);
    next_->setObjectName(QStringLiteral("noCodeNextSteps"));
    next_->setWordWrap(true);
    next_->setTextFormat(Qt::RichText);
    noCodeLayout->addWidget(reason_);
    noCodeLayout->addWidget(nextTitle_);
    noCodeLayout->addWidget(next_);
    mainColumn->addWidget(noCode_);

    // How to key the code in.
    stepsTitle_ = sectionTitle(content);
    mainColumn->addWidget(stepsTitle_);
    steps_ = new QTableWidget(4, 3, content);
    steps_->setObjectName(QStringLiteral("stepsTable"));
    steps_->verticalHeader()->hide();
    steps_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    steps_->setSelectionMode(QAbstractItemView::NoSelection);
    steps_->setFocusPolicy(Qt::NoFocus);
    steps_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    steps_->horizontalHeader()->setStretchLastSection(true);
    steps_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    steps_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    steps_->setMaximumWidth(640);
    mainColumn->addWidget(steps_);
    confirm_ = new QLabel(content);
    confirm_->setObjectName(QStringLiteral("confirmStep"));
    confirm_->setWordWrap(true);
    QFont confirmFont = confirm_->font();
    confirmFont.setBold(true);
    confirm_->setFont(confirmFont);
    mainColumn->addWidget(confirm_);

    mainColumn->addStretch(1);
    cautionsTitle_ = sectionTitle(content);
    rightColumn->addWidget(cautionsTitle_);
    cautions_ = new QVBoxLayout;
    rightColumn->addLayout(cautions_);
    troubleTitle_ = sectionTitle(content);
    rightColumn->addSpacing(8);
    rightColumn->addWidget(troubleTitle_);
    trouble_ = new QLabel(content);
    trouble_->setObjectName(QStringLiteral("troubleshooting"));
    trouble_->setWordWrap(true);
    trouble_->setTextFormat(Qt::RichText);
    rightColumn->addWidget(trouble_);
    rightColumn->addStretch(1);
    layout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // Actions under the result; others can join with addResultAction().
    actions_ = new QHBoxLayout;
    auto makeButton = [this](const char* name, void (ResultPage::*signal)()) {
        auto* button = new QPushButton(this);
        button->setObjectName(QLatin1String(name));
        connect(button, &QPushButton::clicked, this, signal);
        actions_->addWidget(button);
        return button;
    };
    preview_ = makeButton("printPreviewButton", &ResultPage::printPreviewRequested);
    print_ = makeButton("printButton", &ResultPage::printRequested);
    pdf_ = makeButton("savePdfButton", &ResultPage::savePdfRequested);
    job_ = makeButton("jobDetailsButton", &ResultPage::jobDetailsRequested);
    actions_->addStretch(1);
    newRadio_ = makeButton("newRadioButton", &ResultPage::newRadioRequested);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    outer->addLayout(actions_);
    retranslate();
}

void ResultPage::addResultAction(QAbstractButton* button) {
    button->setParent(this);
    // Before the stretch, beside the job details button.
    actions_->insertWidget(actions_->indexOf(job_) + 1, button);
    button->show();
}

bool ResultPage::hasCode() const {
    return result_.status == LookupStatus::Ok && result_.answer.has_value();
}

void ResultPage::setResult(const LookupResult& result) {
    result_ = result;
    fill();
}

QString ResultPage::codeText() const {
    return hasCode() ? fromStd(result_.answer->code) : QString();
}

QString ResultPage::sourceText() const {
    return source_->text();
}

QString ResultPage::statusText() const {
    return status_->text();
}

QString ResultPage::reasonText() const {
    return reason_->text();
}

QString ResultPage::confirmText() const {
    return confirm_->text();
}

QStringList ResultPage::cautionTexts() const {
    QStringList texts;
    for (const QLabel* label : cautionLabels_)
        texts << label->text();
    return texts;
}

QStringList ResultPage::nextStepTexts() const {
    return Texts::noCodeNextSteps(result_);
}

void ResultPage::fill() {
    const bool code = hasCode();
    const Recognition& recognition = result_.recognition;
    const Family family = recognition.family.value_or(Family::Renault);

    const QString icon = code ? QStringLiteral(":/icons/state-valid.svg")
                         : result_.status == LookupStatus::Unsupported
                             ? QStringLiteral(":/icons/state-unsupported.svg")
                         : result_.status == LookupStatus::NotFound
                             ? QStringLiteral(":/icons/info.svg")
                             : QStringLiteral(":/icons/state-invalid.svg");
    statusIcon_->setPixmap(QIcon(icon).pixmap(QSize(30, 30), devicePixelRatioF()));
    status_->setText(Texts::statusName(result_));
    QString radio =
        recognition.family
            ? tr("%1 · serial %2").arg(Texts::familyName(family), fromStd(recognition.serial))
            : fromStd(recognition.serial);
    if (recognition.partNumberAgrees)
        radio = tr("%1 · part number %2 (agrees with the serial)")
                    .arg(radio, Texts::partNumberDisplay(recognition.partNumber));
    if (recognition.state == InputState::Unchecked)
        radio = tr("%1 · unchecked serial").arg(radio);
    radio_->setText(radio);

    codeBox_->setVisible(code);
    const QString digits = codeText();
    for (int i = 0; i < digits_.size(); ++i)
        digits_[i]->setText(i < digits.size() ? digits.mid(i, 1) : QString());
    codeBox_->setAccessibleName(tr("Code"));
    codeBox_->setAccessibleDescription(
        digits.split(QString(), Qt::SkipEmptyParts).join(QLatin1Char(' ')));
    source_->setVisible(code);
    QStringList source;
    if (code) {
        source << tr("Source: %1").arg(Texts::sourceDescription(fromStd(result_.answer->source)));
        if (recognition.readings.size() > 1)
            source << Texts::readings(recognition);
        source << Texts::recordedReading(result_) << Texts::uncheckedNote(result_);
        source.removeAll(QString());
    }
    source_->setText(source.join(QLatin1Char(' ')));

    noCode_->setVisible(!code);
    reason_->setText(code ? QString() : Texts::noCodeReason(result_));
    QString list = QStringLiteral("<ol>");
    for (const QString& step : Texts::noCodeNextSteps(result_))
        list += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
    list += QStringLiteral("</ol><p>%1</p>")
                .arg(tr("You can still print the instruction sheet and write the code in its "
                        "boxes once it is known.")
                         .toHtmlEscaped());
    next_->setText(list);

    const EntrySteps steps =
        entryStepsFor(family, code ? std::string_view(result_.answer->code) : "0000");
    steps_->setHorizontalHeaderLabels(
        {tr("Step"), tr("Button"), tr("Press until the display shows")});
    for (int row = 0; row < 4; ++row) {
        const DigitStep& step = steps.digits[std::size_t(row)];
        auto* number = new QTableWidgetItem(QString::number(row + 1));
        auto* button = new QTableWidgetItem(tr("Station button %1").arg(step.button));
        auto* shows = new QTableWidgetItem(code ? QString::number(step.digit)
                                                : tr("digit %1 of the code").arg(step.button));
        QFont big = shows->font();
        big.setBold(true);
        big.setPointSizeF(big.pointSizeF() * 1.2);
        shows->setFont(big);
        button->setFont(big);
        shows->setToolTip(code ? Texts::digitStep(step) : QString());
        steps_->setItem(row, 0, number);
        steps_->setItem(row, 1, button);
        steps_->setItem(row, 2, shows);
    }
    steps_->resizeRowsToContents();
    int height = steps_->horizontalHeader()->height() + 2 * steps_->frameWidth();
    for (int row = 0; row < steps_->rowCount(); ++row)
        height += steps_->rowHeight(row);
    steps_->setFixedHeight(height);
    confirm_->setText(tr("Then: %1").arg(Texts::confirmStep(steps)));

    cautionLabels_.clear();
    while (QLayoutItem* item = cautions_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const Caution caution : steps.cautions) {
        auto* row = new QWidget;
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* icon = new QLabel(row);
        icon->setPixmap(QIcon(QStringLiteral(":/icons/caution.svg"))
                            .pixmap(QSize(20, 20), devicePixelRatioF()));
        icon->setAccessibleName(tr("Caution"));
        auto* text = new QLabel(Texts::caution(caution), row);
        text->setWordWrap(true);
        rowLayout->addWidget(icon, 0, Qt::AlignTop);
        rowLayout->addWidget(text, 1);
        cautions_->addWidget(row);
        cautionLabels_ << text;
    }
}

void ResultPage::retranslate() {
    stepsTitle_->setText(tr("Enter the code on the radio"));
    cautionsTitle_->setText(tr("Cautions"));
    troubleTitle_->setText(tr("If the radio refuses the code"));
    QString trouble;
    for (const TroubleshootingItem item : troubleshootingItems)
        trouble += QStringLiteral("<p><b>%1</b><br>%2</p>")
                       .arg(Texts::troubleshootingTitle(item).toHtmlEscaped(),
                            Texts::troubleshootingText(item).toHtmlEscaped());
    trouble_->setText(trouble);
    nextTitle_->setText(tr("What to do next"));
    preview_->setText(tr("Print pre&view…"));
    print_->setText(tr("&Print…"));
    pdf_->setText(tr("&Save as PDF…"));
    job_->setText(tr("&Job details…"));
    newRadio_->setText(tr("&New radio"));
    steps_->setAccessibleName(tr("Steps to enter the code"));
    fill();
}

void ResultPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace radiocode::gui
