#include "gui/result_page.h"

#include "common/texts.h"
#include "gui/accessibility.h"
#include "gui/serial_widgets.h"
#include "gui/widget_parts.h"

#include "radiocode/entry_steps.h"

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

// A line that must not be missed (a refused code, the confirm step): wrapped, in bold.
QLabel* boldParagraph(const QString& objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel* sectionTitle(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    return label;
}

} // namespace

ResultPage::ResultPage(QWidget* parent) : Retranslating(parent) {
    setObjectName(QStringLiteral("resultPage"));
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);

    // Status: icon and words.
    statusIcon_ = new QLabel(content);
    statusIcon_->setFixedSize(32, 32);
    status_ = makePageTitle(content);
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
    codeBox_->setObjectName(QStringLiteral("codeDisplay"));
    Accessibility::exposeAsText(codeBox_); // "Code 3 6 3 3", then the four boxes
    // Focused on arrival: a screen reader speaks the code before any button.
    codeBox_->setFocusPolicy(Qt::TabFocus);
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
    // A code someone recorded as refused on a radio: said beside the code, before any try.
    refused_ = boldParagraph(QStringLiteral("refusedWarning"), content);
    mainColumn->addWidget(refused_);
    // Both readings were asked: the label decides which one this radio is.
    readingChoice_ = new ReadingChoiceBox(QStringLiteral("resultReading"), 4, 4, content);
    connect(readingChoice_, &ReadingChoiceBox::chosen, this, &ResultPage::readingChosen);
    mainColumn->addWidget(readingChoice_);

    // No code: why not, and what next.
    noCode_ = new QWidget(content);
    auto* noCodeLayout = new QVBoxLayout(noCode_);
    noCodeLayout->setContentsMargins(0, 4, 0, 4);
    reason_ = new QLabel(noCode_);
    reason_->setObjectName(QStringLiteral("noCodeReason"));
    reason_->setWordWrap(true);
    reason_->setFocusPolicy(Qt::TabFocus); // focused on arrival, as the code is
    QFont reasonFont = reason_->font();
    reasonFont.setPointSizeF(reasonFont.pointSizeF() * 1.1);
    reason_->setFont(reasonFont);
    nextTitle_ = sectionTitle(noCode_);
    next_ = new QLabel(noCode_);
    next_->setObjectName(QStringLiteral("noCodeNextSteps"));
    next_->setWordWrap(true);
    next_->setTextFormat(Qt::RichText);
    noCodeLayout->addWidget(reason_);
    emptyDatabase_ = new QWidget(noCode_);
    emptyDatabase_->setObjectName(QStringLiteral("emptyDatabaseOffer"));
    auto* emptyLayout = new QHBoxLayout(emptyDatabase_);
    emptyLayout->setContentsMargins(0, 4, 0, 4);
    emptyDatabaseText_ = new QLabel(emptyDatabase_);
    emptyDatabaseText_->setWordWrap(true);
    import_ = new QPushButton(emptyDatabase_);
    import_->setObjectName(QStringLiteral("importFromResultButton"));
    connect(import_, &QPushButton::clicked, this, &ResultPage::importRequested);
    emptyLayout->addWidget(emptyDatabaseText_, 1);
    emptyLayout->addWidget(import_, 0, Qt::AlignTop);
    emptyDatabase_->hide();
    noCodeLayout->addWidget(emptyDatabase_);
    // The roads to a code when none is on record, under the reason: the row at the foot of the
    // page has no room for them on a small screen.
    noCodeActions_ = new QHBoxLayout;
    noCodeActions_->setContentsMargins(0, 4, 0, 4);
    noCodeActions_->addStretch(1);
    noCodeLayout->addLayout(noCodeActions_);
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
    confirm_ = boldParagraph(QStringLiteral("confirmStep"), content);
    mainColumn->addWidget(confirm_);

    mainColumn->addStretch(1);
    cautionsTitle_ = sectionTitle(content);
    rightColumn->addWidget(cautionsTitle_);
    // The caution rows are remade for every result: in a box of their own they keep their
    // place between the title and the troubleshooting for screen readers too.
    auto* cautionsBox = new QWidget(content);
    cautions_ = new QVBoxLayout(cautionsBox);
    cautions_->setContentsMargins(0, 0, 0, 0);
    rightColumn->addWidget(cautionsBox);
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
    // The job record (worked, refused, save) in a row of its own above the sheet's: one row has
    // no room for both on a small screen in German or Turkish.
    records_ = new QHBoxLayout;
    records_->addStretch(1);
    outer->addLayout(records_);
    outer->addLayout(actions_);
    retranslate();
}

void ResultPage::addNoCodeAction(QAbstractButton* button) {
    button->setParent(noCode_);
    noCodeActions_->insertWidget(noCodeActions_->count() - 1, button);
    button->show();
    relinkActions();
}

void ResultPage::addRecordAction(QAbstractButton* button) {
    button->setParent(this);
    records_->insertWidget(records_->count() - 1, button);
    button->show();
    relinkActions();
}

void ResultPage::addResultAction(QAbstractButton* button) {
    button->setParent(this);
    // Before the stretch, beside the job details button.
    actions_->insertWidget(actions_->indexOf(job_) + 1, button);
    button->show();
    relinkActions();
}

void ResultPage::relinkActions() {
    // Tab and screen readers follow the rows as laid out, whatever order the buttons joined them
    // in (raise() moves a widget to the end of its parent's children, the order readers walk):
    // the no-code row after the import offer, then the job record's row and the sheet's, then
    // whatever came after the sheet's row before (Back, under the pages).
    QList<QWidget*> rowWidgets;
    for (QBoxLayout* row : {noCodeActions_, records_, actions_})
        for (int i = 0; i < row->count(); ++i)
            if (QWidget* widget = row->itemAt(i)->widget())
                rowWidgets << widget;
    QWidget* following = newRadio_->nextInFocusChain();
    while (following && rowWidgets.contains(following))
        following = following->nextInFocusChain();
    QWidget* previous = import_;
    for (QWidget* widget : std::as_const(rowWidgets)) {
        QWidget::setTabOrder(previous, widget);
        widget->raise();
        previous = widget;
    }
    if (following && following != import_ && !isAncestorOf(following))
        QWidget::setTabOrder(previous, following);
}

void ResultPage::setEmptyDatabaseOffer(bool shown) {
    emptyDatabase_->setVisible(shown);
}

bool ResultPage::emptyDatabaseOfferShown() const {
    return !emptyDatabase_->isHidden();
}

void ResultPage::focusFirst() {
    if (hasCode())
        codeBox_->setFocus(Qt::OtherFocusReason);
    else
        reason_->setFocus(Qt::OtherFocusReason);
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

QWidget* ResultPage::readingBox() const {
    return readingChoice_;
}

QAbstractButton* ResultPage::readingButton(ReadingChoice reading) const {
    return readingChoice_->button(reading);
}

QString ResultPage::refusedText() const {
    return refused_->text();
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
    statusIcon_->setAccessibleName(status_->text());
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
    for (int i = 0; i < digits_.size(); ++i) {
        digits_[i]->setText(i < digits.size() ? digits.mid(i, 1) : QString());
        digits_[i]->setAccessibleName(tr("Digit %1: %2").arg(i + 1).arg(digits_[i]->text()));
    }
    codeBox_->setAccessibleName(Accessibility::spokenCode(digits));
    source_->setVisible(code);
    QStringList source;
    if (code) {
        source << tr("Source: %1").arg(Texts::sourceDescription(result_.answer->source));
        if (recognition.readings.size() > 1)
            source << Texts::readings(recognition);
        source << Texts::recordedReading(result_) << Texts::uncheckedNote(result_);
        source.removeAll(QString());
    }
    source_->setText(source.join(QLatin1Char(' ')));
    refused_->setText(code ? Texts::refusedWarning(*result_.answer) : QString());
    refused_->setVisible(!refused_->text().isEmpty());
    const bool chooseReading = recognition.readingOpen() && result_.status != LookupStatus::Invalid;
    readingChoice_->setVisible(chooseReading);
    if (chooseReading) {
        readingChoice_->question()->setText(
            code ? tr("Both readings were looked up. Which does the label show as the 7th "
                      "character? Only that reading is then looked up, and the job and the sheet "
                      "say which it is.")
                 : tr("Which does the label show as the 7th character? The job and the sheet "
                      "then say which reading it is."));
        for (const ReadingChoice reading : {ReadingChoice::Letter, ReadingChoice::Digit}) {
            QAbstractButton* button = readingButton(reading);
            button->setText(Texts::readingChoice(recognition, reading));
            button->setAccessibleName(button->text());
        }
    }

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

    const EntryProcedure& procedure = entryProcedure(family);
    const std::optional<DigitSteps> digitSteps =
        code ? digitStepsFor(family, result_.answer->code) : std::nullopt;
    steps_->setHorizontalHeaderLabels(
        {tr("Step"), tr("Button"), tr("Press until the display shows")});
    for (int row = 0; row < 4; ++row) {
        const auto index = std::size_t(row);
        auto* number = new QTableWidgetItem(QString::number(row + 1));
        auto* button =
            new QTableWidgetItem(tr("Station button %1").arg(procedure.digitButtons[index]));
        auto* shows = new QTableWidgetItem(digitSteps ? QString::number((*digitSteps)[index].digit)
                                                      : tr("digit %1 of the code").arg(row + 1));
        QFont big = shows->font();
        big.setBold(true);
        big.setPointSizeF(big.pointSizeF() * 1.2);
        shows->setFont(big);
        button->setFont(big);
        shows->setToolTip(digitSteps ? Texts::digitStep((*digitSteps)[index]) : QString());
        steps_->setItem(row, 0, number);
        steps_->setItem(row, 1, button);
        steps_->setItem(row, 2, shows);
    }
    steps_->resizeRowsToContents();
    int height = steps_->horizontalHeader()->height() + 2 * steps_->frameWidth();
    for (int row = 0; row < steps_->rowCount(); ++row)
        height += steps_->rowHeight(row);
    steps_->setFixedHeight(height);
    confirm_->setText(tr("Then: %1").arg(Texts::confirmStep(procedure)));
    // The steps in words, for screen readers that read a table's description, not its cells.
    QStringList spokenSteps;
    if (digitSteps)
        for (const DigitStep& step : *digitSteps)
            spokenSteps << Texts::digitStep(step);
    spokenSteps << Texts::confirmStep(procedure);
    steps_->setAccessibleDescription(spokenSteps.join(QLatin1Char(' ')));

    cautionLabels_.clear();
    while (QLayoutItem* item = cautions_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const Caution caution : procedure.cautions) {
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
    emptyDatabaseText_->setText(tr("The code database is empty: no dealer code list has been "
                                   "imported yet, so no Blaupunkt or Becker code can be found."));
    import_->setText(tr("Import codes…"));
    preview_->setText(tr("Print pre&view…"));
    print_->setText(tr("&Print…"));
    pdf_->setText(tr("&Save as PDF…"));
    job_->setText(tr("&Job details…"));
    newRadio_->setText(tr("&New radio"));
    steps_->setAccessibleName(tr("Steps to enter the code"));
    fill();
}

} // namespace radiocode::gui
