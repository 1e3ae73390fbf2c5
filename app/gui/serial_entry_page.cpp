#include "gui/serial_entry_page.h"

#include "common/texts.h"
#include "drawings/label_drawing.h"
#include "gui/accessibility.h"
#include "gui/serial_widgets.h"
#include "gui/widget_parts.h"

#include <QEvent>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace radiocode::gui {
namespace {

// The digits of Becker's model field without the printed "BE" and spaces.
QString beckerModelDigits(const QString& field) {
    QString digits;
    for (const QChar c : field)
        if (c.isDigit())
            digits.append(c);
    return digits;
}

} // namespace

SerialEntryPage::SerialEntryPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("serialEntryPage"));
    title_ = makePageTitle(this);
    hint_ = makeParagraph(QString(), this);

    // One field for three families.
    auto* singlePage = new QWidget(this);
    singleLabel_ = new QLabel(singlePage);
    single_ = new SerialField(singlePage);
    single_->lineEdit()->setObjectName(QStringLiteral("serialField"));
    singleLabel_->setBuddy(single_->lineEdit());
    auto* singleLayout = new QVBoxLayout(singlePage);
    singleLayout->setContentsMargins(0, 0, 0, 0);
    singleLayout->addWidget(singleLabel_);
    singleLayout->addWidget(single_);

    // Two readings of a Blaupunkt 7th character (O or 0, I or 1, …): the label decides.
    readingChoice_ = new ReadingChoiceBox(QStringLiteral("reading"), 6, 0, singlePage);
    singleLayout->addWidget(readingChoice_);
    connect(readingChoice_, &ReadingChoiceBox::chosen, this, &SerialEntryPage::readingChosen);

    // Blaupunkt labels also print the part number: an optional second check of the serial.
    partBox_ = new QWidget(singlePage);
    partLabel_ = new QLabel(partBox_);
    partNumber_ = new SerialLineEdit(partBox_);
    partNumber_->setObjectName(QStringLiteral("partNumberField"));
    partLabel_->setBuddy(partNumber_);
    partStatus_ = new StatusLine(partBox_);
    partStatus_->setObjectName(QStringLiteral("partNumberStatus"));
    partMarked_ = new MarkedInput(partBox_);
    partSuggestions_ = new SuggestionBar(partBox_);
    layOutInColumn(partBox_, {partLabel_, partNumber_, partStatus_, partMarked_, partSuggestions_})
        ->setContentsMargins(0, 8, 0, 0);
    singleLayout->addWidget(partBox_);
    singleLayout->addStretch(1);
    connect(partNumber_, &QLineEdit::textChanged, this, [this] {
        checkPartNumber();
        find_->setEnabled(canLookUp());
        emit recognitionChanged(recognition_);
    });
    connect(partSuggestions_, &SuggestionBar::suggestionChosen, this,
            [this](const QString& digits) {
                partNumber_->setText(Texts::partNumberDisplay(digits.toStdString()));
                partNumber_->setFocus();
            });
    connect(single_, &SerialField::recognitionChanged, this, &SerialEntryPage::publish);

    // Becker's two label fields.
    becker_ = new QWidget(this);
    beckerModelLabel_ = new QLabel(becker_);
    beckerSerialLabel_ = new QLabel(becker_);
    beckerModel_ = new SerialLineEdit(becker_);
    beckerModel_->setObjectName(QStringLiteral("beckerModelField"));
    beckerSerial_ = new SerialLineEdit(becker_);
    beckerSerial_->setObjectName(QStringLiteral("beckerSerialField"));
    beckerModelLabel_->setBuddy(beckerModel_);
    beckerSerialLabel_->setBuddy(beckerSerial_);
    beckerStatus_ = new StatusLine(becker_);
    beckerSuggestions_ = new SuggestionBar(becker_);
    beckerStatus_->announceOn(beckerModel_);
    beckerStatus_->announceOn(beckerSerial_);
    auto* form = new QFormLayout;
    form->addRow(beckerModelLabel_, beckerModel_);
    form->addRow(beckerSerialLabel_, beckerSerial_);
    auto* beckerLayout = new QVBoxLayout(becker_);
    beckerLayout->setContentsMargins(0, 0, 0, 0);
    beckerLayout->addLayout(form);
    beckerLayout->addWidget(beckerStatus_);
    beckerMarked_ = new MarkedInput(becker_);
    beckerLayout->addWidget(beckerMarked_);
    beckerLayout->addWidget(beckerSuggestions_);
    beckerLayout->addStretch(1);
    connect(beckerModel_, &QLineEdit::textChanged, this, &SerialEntryPage::recogniseBecker);
    connect(beckerModel_, &QLineEdit::textEdited, this, &SerialEntryPage::beckerModelEdited);
    connect(beckerSerial_, &QLineEdit::textChanged, this, &SerialEntryPage::recogniseBecker);
    connect(beckerSuggestions_, &SuggestionBar::suggestionChosen, this,
            [this](const QString& serial) {
                setSerialText(serial);
                beckerSerial_->setFocus();
            });

    // One field, or Becker's two: the other is hidden and takes no room (a stacked widget would
    // keep the height of its tallest page, a gap under the single field).
    singlePage_ = singlePage;
    auto* modes = new QVBoxLayout;
    modes->setContentsMargins(0, 0, 0, 0);
    modes->addWidget(singlePage_);
    modes->addWidget(becker_);
    becker_->hide();

    find_ = new QPushButton(this);
    find_->setObjectName(QStringLiteral("findCodeButton"));
    find_->setIcon(QIcon(QStringLiteral(":/icons/state-valid.svg")));
    guide_ = new QPushButton(this);
    guide_->setObjectName(QStringLiteral("showLabelGuide"));
    connect(find_, &QPushButton::clicked, this, &SerialEntryPage::lookUpRequested);
    connect(guide_, &QPushButton::clicked, this, &SerialEntryPage::labelGuideRequested);
    buttons_ = makeButtonRow({find_, guide_});

    // Beside the fields, the label drawing: where to look, without going back.
    drawing_ = new QLabel(this);
    drawing_->setObjectName(QStringLiteral("labelThumbnail"));
    drawing_->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto* fields = new QVBoxLayout;
    fields->addLayout(modes);
    fields->addLayout(buttons_);
    // Other ways in (a photo of the label, the webcam) in a row of their own: beside Find and
    // the guide they would not fit a small screen.
    entryActions_ = new QHBoxLayout;
    entryActions_->addStretch(1);
    fields->addLayout(entryActions_);
    fields->addStretch(1);
    auto* fieldsBox = new QWidget(this);
    fieldsBox->setLayout(fields);
    fieldsBox->setMaximumWidth(720);
    auto* body = new QHBoxLayout;
    body->addWidget(fieldsBox, 3);
    body->addSpacing(16);
    body->addWidget(drawing_, 2, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(hint_);
    layout->addSpacing(6);
    layout->addLayout(body, 1);
    setFamily(Family::Blaupunkt);
}

void SerialEntryPage::setFamily(Family family) {
    const bool changed = family != family_;
    family_ = family;
    if (changed)
        clear();
    singlePage_->setVisible(family != Family::Becker);
    becker_->setVisible(family == Family::Becker);
    partBox_->setVisible(family == Family::Blaupunkt);
    single_->setFamily(family);
    showDrawing();
    if (family == Family::Becker)
        recogniseBecker();
    retranslate();
}

void SerialEntryPage::setSerialText(const QString& text) {
    // A serial from elsewhere (quick lookup, a scan, a reopened job) is another radio's.
    partNumber_->clear();
    if (family_ != Family::Becker) {
        single_->setText(text);
        return;
    }
    // "BE475735000375" or "BE 4757 35000375": model digits first, the rest is the serial no.
    const QByteArray raw = text.toUtf8();
    const Recognition whole = radiocode::recognise(
        std::string_view(raw.constData(), std::size_t(raw.size())), Family::Becker);
    const QString serial = fromStd(whole.serial);
    if (serial.size() > 6 && serial.startsWith(QLatin1String("BE"))) {
        beckerModel_->setText(serial.mid(0, 6));
        beckerSerial_->setText(serial.mid(6));
    } else {
        beckerModel_->setText(text);
        beckerSerial_->clear();
    }
    beckerSerial_->setCursorPosition(int(beckerSerial_->text().size()));
}

void SerialEntryPage::addEntryAction(QAbstractButton* button) {
    button->setParent(this);
    const int at = entryActions_->count() - 1; // before the stretch
    QWidget* previous = at > 0 ? entryActions_->itemAt(at - 1)->widget() : guide_;
    entryActions_->insertWidget(at, button);
    setTabOrder(previous, button); // Tab follows the rows as laid out
    button->show();
}

void SerialEntryPage::clear() {
    partNumber_->clear();
    single_->clear();
    beckerModel_->clear();
    beckerSerial_->clear();
}

void SerialEntryPage::focusFirst() {
    if (family_ == Family::Becker) {
        (beckerModelDigits(beckerModel_->text()).size() == 4 ? beckerSerial_ : beckerModel_)
            ->setFocus(Qt::OtherFocusReason);
    } else {
        single_->lineEdit()->setFocus(Qt::OtherFocusReason);
    }
}

QString SerialEntryPage::serialText() const {
    if (family_ != Family::Becker)
        return single_->lineEdit()->text();
    return fromStd(recognition_.serial);
}

bool SerialEntryPage::canLookUp() const {
    return recognition_.state == InputState::Valid ||
           recognition_.state == InputState::Unsupported ||
           recognition_.state == InputState::Unchecked;
}

bool SerialEntryPage::hasPartNumber() const {
    return family_ == Family::Blaupunkt && !partNumber_->text().trimmed().isEmpty();
}

void SerialEntryPage::checkPartNumber() {
    recognition_ = serialOnly_;
    if (family_ != Family::Blaupunkt) {
        partStatus_->showNeutral(QString());
        return;
    }
    const QByteArray raw = partNumber_->utf8();
    const PartNumber part =
        recognisePartNumber(std::string_view(raw.constData(), std::size_t(raw.size())));
    partMarked_->mark(partNumber_->text(),
                      part.state == InputState::Invalid ? part.message.position : -1);
    partSuggestions_->setSuggestions(part.suggestions);
    if (part.isEmpty()) {
        partStatus_->showNeutral(Texts::partNumberMessage(part.message, part.state));
        return;
    }
    if (part.state != InputState::Valid || serialOnly_.state != InputState::Valid) {
        partStatus_->showState(part.state,
                               part.state == InputState::Valid
                                   ? tr("well formed: checked against the serial once the serial "
                                        "is complete.")
                                   : Texts::partNumberMessage(part.message, part.state));
        // An unfinished or wrong part number holds the code back, as a contradiction does.
        crossCheckPartNumber(recognition_, part);
        return;
    }
    crossCheckPartNumber(recognition_, part);
    if (recognition_.partNumberAgrees)
        partStatus_->showState(InputState::Valid, Texts::partNumberAgreement(recognition_));
    else
        partStatus_->showState(InputState::Invalid, Texts::message(recognition_));
}

StatusLine* SerialEntryPage::statusLine() const {
    return family_ == Family::Becker ? beckerStatus_ : single_->statusLine();
}

SuggestionBar* SerialEntryPage::suggestionBar() const {
    return family_ == Family::Becker ? beckerSuggestions_ : single_->suggestionBar();
}

void SerialEntryPage::beckerModelEdited() {
    // The whole serial typed, pasted or scanned into the model field: split it over both.
    const QString text = beckerModel_->text();
    const QByteArray raw = text.toUtf8();
    const Recognition whole = radiocode::recognise(
        std::string_view(raw.constData(), std::size_t(raw.size())), Family::Becker);
    if (whole.state == InputState::Valid || whole.state == InputState::Unsupported) {
        setSerialText(text);
        beckerSerial_->setFocus();
        return;
    }
    // Four model digits typed: carry on in the serial field, as on the label.
    if (beckerModelDigits(text).size() == 4 && beckerSerial_->text().isEmpty() &&
        beckerModel_->cursorPosition() == text.size())
        beckerSerial_->setFocus();
}

void SerialEntryPage::recogniseBecker() {
    if (family_ != Family::Becker)
        return;
    const QByteArray model = beckerModel_->utf8();
    const QByteArray serial = beckerSerial_->utf8();
    const Recognition recognition = radiocode::recogniseBecker(
        std::string_view(model.constData(), std::size_t(model.size())),
        std::string_view(serial.constData(), std::size_t(serial.size())));
    beckerStatus_->showState(recognition.state, Texts::message(recognition));
    // Mark the character in the field the message speaks of.
    const bool inSerial = recognition.message.field == InputField::BeckerSerialNumber;
    beckerMarked_->mark(inSerial ? beckerSerial_->text() : beckerModel_->text(),
                        recognition.state == InputState::Invalid &&
                                recognition.message.field != InputField::Whole
                            ? recognition.message.position
                            : -1);
    beckerSuggestions_->setSuggestions(recognition.suggestions);
    publish(recognition);
}

void SerialEntryPage::publish(const Recognition& recognition) {
    if (family_ == Family::Becker && &recognition == &single_->recognition())
        return; // the hidden single field speaks for another family
    serialOnly_ = recognition;
    checkPartNumber();
    readingChoice_->question()->setProperty("disagree", false);
    updateReadingChoice();
    find_->setEnabled(canLookUp());
    emit recognitionChanged(recognition_);
}

void SerialEntryPage::updateReadingChoice() {
    const bool open = family_ == Family::Blaupunkt && serialOnly_.readingOpen() &&
                      serialOnly_.state == InputState::Valid;
    readingChoice_->setVisible(open);
    if (!open)
        return;
    if (!readingChoice_->question()->property("disagree").toBool())
        readingChoice_->question()->setText(
            tr("Which does the label show as the 7th character? Only "
               "that reading is then looked up."));
    for (const ReadingChoice reading : {ReadingChoice::Letter, ReadingChoice::Digit}) {
        QPushButton* button = readingButton(reading);
        button->setText(Texts::readingChoice(serialOnly_, reading));
        button->setAccessibleName(button->text());
        button->setToolTip(
            tr("Look up only %1")
                .arg(fromStd(serialOnly_.readings[reading == ReadingChoice::Letter ? 0 : 1])));
    }
}

void SerialEntryPage::showReadingsDisagree() {
    // Short: the whole message is in the notice under the page, and the room is small.
    readingChoice_->question()->setProperty("disagree", true);
    readingChoice_->question()->setText(
        tr("Two different codes are on record, one for each reading: which does the label "
           "show?"));
    updateReadingChoice();
}

QWidget* SerialEntryPage::readingBox() const {
    return readingChoice_;
}

QPushButton* SerialEntryPage::readingButton(ReadingChoice reading) const {
    return readingChoice_->button(reading);
}

QString SerialEntryPage::readingText() const {
    return readingChoice_->isHidden() ? QString() : readingChoice_->question()->text();
}

void SerialEntryPage::showDrawing() {
    drawing_->setPixmap(LabelDrawing::pixmap(family_, QSize(440, 230), devicePixelRatioF()));
    drawing_->setAccessibleName(Accessibility::labelDrawingName(family_));
    drawing_->setAccessibleDescription(Accessibility::labelDrawingDescription(family_));
}

void SerialEntryPage::retranslate() {
    const QString name = Texts::familyName(family_);
    title_->setText(tr("Type the serial – %1").arg(name));
    hint_->setText(tr("%1 serial: %2. Type it as printed, paste it or scan the label's barcode; "
                      "every character is checked as you type.")
                       .arg(name, Texts::serialFormat(family_)));
    singleLabel_->setText(tr("&Serial:"));
    single_->lineEdit()->setAccessibleName(tr("%1 serial").arg(name));
    single_->lineEdit()->setPlaceholderText(
        family_ == Family::Blaupunkt ? QStringLiteral("BP53876 9672026")
        : family_ == Family::Renault ? QStringLiteral("T019")
                                     : QStringLiteral("M123456"));
    beckerModelLabel_->setText(tr("&Model No:"));
    beckerSerialLabel_->setText(tr("Se&rial No:"));
    beckerModel_->setAccessibleName(tr("Becker Model No"));
    beckerSerial_->setAccessibleName(tr("Becker Serial No"));
    beckerModel_->setPlaceholderText(QStringLiteral("BE 4757"));
    beckerSerial_->setPlaceholderText(QStringLiteral("35000375"));
    partLabel_->setText(tr("Part n&umber (optional):"));
    partNumber_->setAccessibleName(tr("Blaupunkt part number"));
    partNumber_->setPlaceholderText(QStringLiteral("7 645 387 000"));
    find_->setText(tr("Find the &code"));
    find_->setToolTip(tr("Enter"));
    guide_->setText(tr("&Where is the serial?"));
    readingChoice_->question()->setProperty("disagree", false);
    updateReadingChoice();
    single_->refresh();
    recogniseBecker();
}

void SerialEntryPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        showDrawing(); // the annotations in the new language
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace radiocode::gui
