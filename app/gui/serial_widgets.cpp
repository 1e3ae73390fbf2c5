#include "gui/serial_widgets.h"

#include "common/texts.h"
#include "gui/accessibility.h"
#include "gui/widget_parts.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QPointer>
#include <QProxyStyle>
#include <QPushButton>
#include <QStyleOptionFrame>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <string>

namespace radiocode::gui {

QString fromStd(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

namespace {
bool iconsAllowed = false;

// The state icons, drawn from their SVG once per file and pixel ratio: parsing and rendering
// an SVG on every keystroke would be most of a keystroke's cost.
QHash<QString, QPixmap>& statePixmaps() {
    static QHash<QString, QPixmap> pixmaps;
    return pixmaps;
}

QPixmap statePixmap(const QString& path, qreal devicePixelRatio) {
    const QString key = path + QLatin1Char('@') + QString::number(devicePixelRatio);
    QHash<QString, QPixmap>& pixmaps = statePixmaps();
    auto found = pixmaps.constFind(key);
    if (found != pixmaps.constEnd())
        return *found;
    if (pixmaps.isEmpty()) // no pixmaps may outlive the application object
        qAddPostRoutine([] { statePixmaps().clear(); });
    const QPixmap pixmap = QIcon(path).pixmap(QSize(22, 22), devicePixelRatio);
    pixmaps.insert(key, pixmap);
    return pixmap;
}

// The serial fields' monospaced font, looked up once per base size (every page has fields).
QFont serialFont(const QFont& base) {
    static QHash<qreal, QFont> fonts;
    const qreal size = base.pointSizeF();
    auto found = fonts.constFind(size);
    if (found != fonts.constEnd())
        return *found;
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(size * 1.45);
    fonts.insert(size, mono);
    return mono;
}
// The line edit's frame, drawn once per size, state and palette and then copied: Fusion strokes
// an antialiased rounded rectangle on every repaint, a third of a keystroke's cost.
class CachedFrameStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        const auto* frame = qstyleoption_cast<const QStyleOptionFrame*>(option);
        if (element != PE_PanelLineEdit || !frame || frame->rect.isEmpty() || !painter->device()) {
            QProxyStyle::drawPrimitive(element, option, painter, widget);
            return;
        }
        const qreal ratio = painter->device()->devicePixelRatioF();
        const QString key = QStringLiteral("radiocode-line-edit-%1x%2-%3-%4-%5-%6")
                                .arg(frame->rect.width())
                                .arg(frame->rect.height())
                                .arg(uint(frame->state))
                                .arg(frame->palette.cacheKey())
                                .arg(frame->lineWidth)
                                .arg(ratio);
        QPixmap pixmap;
        if (!QPixmapCache::find(key, &pixmap)) {
            pixmap = QPixmap(frame->rect.size() * ratio);
            pixmap.setDevicePixelRatio(ratio);
            pixmap.fill(Qt::transparent);
            QStyleOptionFrame atOrigin = *frame;
            atOrigin.rect.moveTo(0, 0);
            QPainter pixmapPainter(&pixmap);
            QProxyStyle::drawPrimitive(element, &atOrigin, &pixmapPainter, widget);
            pixmapPainter.end();
            QPixmapCache::insert(key, pixmap);
        }
        painter->drawPixmap(frame->rect.topLeft(), pixmap);
    }
};

// One for all serial fields, in the application's own style; it goes with the application.
QStyle* serialFieldStyle() {
    static QPointer<QStyle> style;
    if (!style) {
        style = new CachedFrameStyle(QApplication::style()->name());
        style->setParent(qApp);
    }
    return style;
}
} // namespace

bool iconsReady() {
    return iconsAllowed;
}

void setIconsReady() {
    iconsAllowed = true;
}

SerialLineEdit::SerialLineEdit(QWidget* parent) : QLineEdit(parent) {
    setFont(serialFont(font()));
    if (iconsReady())
        finishAfterFirstFrame();
    // A serial never needs more. One character past the core's limit, so a huge paste is cut
    // short here yet the core still sees that it is too long and says so.
    setMaxLength(static_cast<int>(maxInputBytes) + 1);
    connect(this, &QLineEdit::textEdited, this, &SerialLineEdit::cleanUp);
}

void SerialLineEdit::finishAfterFirstFrame() {
    // The clear button's icon and the frame-caching style (a second style object) wait for the
    // first frame, like the state icons: the field is empty at start-up and its frame looks the
    // same either way, so nothing is missing from that frame.
    setClearButtonEnabled(true);
    Accessibility::nameClearButton(this);
    setStyle(serialFieldStyle());
}

void SerialLineEdit::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && isClearButtonEnabled())
        Accessibility::nameClearButton(this);
    QLineEdit::changeEvent(event);
}

QByteArray SerialLineEdit::utf8() const {
    return text().toUtf8();
}

void SerialLineEdit::cleanUp() {
    const QString original = text();
    QString cleaned;
    cleaned.reserve(original.size());
    for (const QChar c : original) {
        const bool lineBreakOrTab = c == QLatin1Char('\n') || c == QLatin1Char('\r') ||
                                    c == QLatin1Char('\t') || c == QChar::LineSeparator ||
                                    c == QChar::ParagraphSeparator;
        cleaned.append(lineBreakOrTab ? QLatin1Char(' ') : c);
    }
    // A pasted block often ends in a line break: no trailing spaces for the technician to see.
    const bool atEnd = cursorPosition() == original.size();
    if (cleaned == original)
        return;
    const int position = cursorPosition();
    cleaned = cleaned.trimmed();
    setText(cleaned);
    setCursorPosition(atEnd ? int(cleaned.size()) : std::min(position, int(cleaned.size())));
}

StatusMessage::StatusMessage(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setObjectName(QStringLiteral("stateMessage"));
    copy_ = new QAction(this);
    connect(copy_, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(text_); });
    addAction(copy_);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    retranslate();
}

void StatusMessage::setTexts(const QString& bold, const QString& message) {
    const QString text = bold.isEmpty() ? message : bold + QLatin1String(": ") + message;
    const int boldLength = bold.isEmpty() ? 0 : int(bold.size()) + 1;
    if (text == text_ && boldLength == boldLength_)
        return;
    // Only a new number of lines at the present width needs the window to lay out again; the
    // layout made for the comparison is the one painted next.
    const int heightBefore = heightForWidth(width());
    text_ = text;
    boldLength_ = boldLength;
    forgetLayouts();
    if (heightForWidth(width()) != heightBefore)
        updateGeometry();
    update();
}

void StatusMessage::forgetLayouts() {
    for (LaidOut& slot : laidOut_) {
        slot.width = -1;
        slot.layout.reset();
    }
}

const StatusMessage::LaidOut& StatusMessage::laidOutFor(int width) const {
    width = std::max(width, 1);
    for (const LaidOut& slot : laidOut_)
        if (slot.width == width && slot.layout)
            return slot;
    LaidOut& slot = laidOut_[nextSlot_];
    nextSlot_ = (nextSlot_ + 1) % laidOut_.size();
    slot.layout = std::make_unique<QTextLayout>(text_, font());
    QTextOption option(Qt::AlignLeft | Qt::AlignTop);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    slot.layout->setTextOption(option);
    if (boldLength_ > 0) {
        QTextCharFormat boldFormat;
        boldFormat.setFontWeight(QFont::Bold);
        slot.layout->setFormats({QTextLayout::FormatRange{0, boldLength_, boldFormat}});
    }
    const qreal leading = fontMetrics().leading();
    qreal y = 0;
    slot.layout->beginLayout();
    for (QTextLine line = slot.layout->createLine(); line.isValid();
         line = slot.layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height() + leading;
    }
    slot.layout->endLayout();
    slot.width = width;
    slot.height = text_.isEmpty() ? 0 : int(std::ceil(y - leading));
    return slot;
}

int StatusMessage::heightForWidth(int width) const {
    return laidOutFor(width).height;
}

// Hints that do not change with the message: the height the words take comes from
// heightForWidth, and a keystroke never changes what the window is told.
QSize StatusMessage::sizeHint() const {
    return {40 * fontMetrics().averageCharWidth(), fontMetrics().height()};
}

QSize StatusMessage::minimumSizeHint() const {
    return {16 * fontMetrics().averageCharWidth(), fontMetrics().height()};
}

void StatusMessage::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::WindowText));
    laidOutFor(width()).layout->draw(&painter, QPointF(0, 0));
}

void StatusMessage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        forgetLayouts();
        updateGeometry();
    } else if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void StatusMessage::retranslate() {
    copy_->setText(tr("&Copy message"));
}

StatusLine::StatusLine(QWidget* parent) : QWidget(parent) {
    icon_ = new QLabel(this);
    icon_->setFixedSize(24, 24);
    // State and message in one label: the words wrap together and nothing leaves a gap.
    message_ = new StatusMessage(this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(icon_, 0, Qt::AlignTop);
    layout->addWidget(message_, 1);
    setAccessibleName(tr("Input state"));
    nameIcon();
}

void StatusLine::announceOn(QWidget* field) {
    announcedOn_ << field;
    if (!announceLater_) {
        announceLater_ = new QTimer(this);
        announceLater_->setSingleShot(true);
        announceLater_->setInterval(1000);
        connect(announceLater_, &QTimer::timeout, this, &StatusLine::announce);
    }
    field->setAccessibleDescription(spoken_);
}

void StatusLine::announce() {
    if (announceLater_)
        announceLater_->stop();
    for (const QPointer<QWidget>& field : std::as_const(announcedOn_))
        if (field && field->accessibleDescription() != spoken_)
            field->setAccessibleDescription(spoken_);
}

void StatusLine::nameIcon() {
    const QString name = stateWords_.isEmpty() ? tr("Information") : stateWords_;
    if (icon_->accessibleName() != name)
        icon_->setAccessibleName(name);
}

void StatusLine::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        nameIcon();
    QWidget::changeEvent(event);
}

QString StatusLine::iconPath(InputState state) {
    switch (state) {
    case InputState::Valid:
        return QStringLiteral(":/icons/state-valid.svg");
    case InputState::Invalid:
        return QStringLiteral(":/icons/state-invalid.svg");
    case InputState::Unsupported:
        return QStringLiteral(":/icons/state-unsupported.svg");
    case InputState::Unchecked:
        return QStringLiteral(":/icons/caution.svg");
    case InputState::Incomplete:
        break;
    }
    return QStringLiteral(":/icons/state-incomplete.svg");
}

void StatusLine::showState(InputState state, const QString& message) {
    showCustom(iconPath(state), Texts::stateName(state), message);
}

void StatusLine::showNeutral(const QString& message) {
    showCustom(QStringLiteral(":/icons/info.svg"), QString(), message);
}

void StatusLine::showCustom(const QString& iconPath, const QString& stateWords,
                            const QString& message) {
    // Rendered from SVG at the screen's pixel ratio, so it stays sharp on high-DPI screens.
    // Labels are only touched when what they show changes: a new text or pixmap makes the
    // window lay out the word-wrapped message again.
    const qreal ratio = devicePixelRatioF();
    if (iconsReady() && (iconPath != shownIconPath_ || ratio != shownIconRatio_)) {
        icon_->setPixmap(statePixmap(iconPath, ratio));
        shownIconPath_ = iconPath;
        shownIconRatio_ = ratio;
    }
    if (stateWords == stateWords_ && message == messageText_)
        return;
    const bool newState = stateWords != stateWords_;
    stateWords_ = stateWords;
    messageText_ = message;
    message_->setTexts(stateWords, message);
    spoken_ = stateWords.isEmpty() ? message : stateWords + QLatin1String(". ") + message;
    setAccessibleDescription(spoken_);
    message_->setAccessibleName(spoken_);
    if (newState) {
        nameIcon();
        announce();
    } else if (announceLater_) {
        announceLater_->start();
    }
}

QString StatusLine::stateText() const {
    return stateWords_;
}

QString StatusLine::messageText() const {
    return messageText_;
}

MarkedInput::MarkedInput(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("markedInput"));
    setFont(serialFont(font()));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    hide();
}

void MarkedInput::mark(const QString& text, int position) {
    const QList<uint> codePoints = text.toUcs4();
    if (position < 0 || position >= codePoints.size()) {
        markedPosition_ = -1;
        hide();
        return;
    }
    // Enough context to find the place; a huge paste is not drawn whole.
    constexpr qsizetype context = 40;
    const qsizetype from = std::max<qsizetype>(0, position - context);
    const qsizetype to = std::min<qsizetype>(codePoints.size(), position + context + 1);
    const auto piece = [&](qsizetype begin, qsizetype end) {
        return QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData()) + begin,
                                 end - begin);
    };
    const char32_t codePoint = codePoints.at(position);
    // Invisible characters get a visible stand-in where they are marked.
    const QString character = codePoint < 0x20 || (codePoint >= 0x200B && codePoint <= 0x202E)
                                  ? QStringLiteral("\u2423")
                                  : QString::fromUcs4(&codePoint, 1);
    const QString before = (from > 0 ? QStringLiteral("…") : QString()) + piece(from, position);
    const QString after =
        piece(position + 1, to) + (to < codePoints.size() ? QStringLiteral("…") : QString());
    if (position != markedPosition_ || before != before_ || character != marked_ ||
        after != after_) {
        markedPosition_ = position;
        before_ = before;
        marked_ = character;
        after_ = after;
        update();
    }
    const QString name = tr("Character %1 is marked").arg(position + 1);
    if (name != accessibleName())
        setAccessibleName(name);
    if (isHidden())
        show();
}

QFont MarkedInput::markedFont() const {
    QFont bold = font();
    bold.setBold(true);
    bold.setUnderline(true);
    return bold;
}

QSize MarkedInput::sizeHint() const {
    const QFontMetrics metrics(font());
    const QFontMetrics markedMetrics(markedFont());
    return {indent + metrics.horizontalAdvance(before_ + after_) +
                markedMetrics.horizontalAdvance(marked_) + 4,
            std::max(metrics.height(), markedMetrics.height()) + 4};
}

QSize MarkedInput::minimumSizeHint() const {
    return {indent, sizeHint().height()};
}

void MarkedInput::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QFontMetrics metrics(font());
    const QFontMetrics markedMetrics(markedFont());
    const int baseline = 2 + std::max(metrics.ascent(), markedMetrics.ascent());
    int x = indent;
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(x, baseline, before_);
    x += metrics.horizontalAdvance(before_);
    const int markedWidth = markedMetrics.horizontalAdvance(marked_);
    painter.fillRect(QRect(x, 0, markedWidth + 2, height()), QColor(0xff, 0xd6, 0xd6));
    painter.setFont(markedFont());
    painter.setPen(QColor(0xa0, 0x00, 0x00));
    painter.drawText(x + 1, baseline, marked_);
    x += markedWidth + 2;
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(x, baseline, after_);
}

SuggestionBar::SuggestionBar(QWidget* parent) : Retranslating(parent) {
    layout_ = new QHBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    caption_ = new QLabel(this);
    layout_->addWidget(caption_);
    layout_->addStretch(1);
    hide();
}

void SuggestionBar::setSuggestions(const std::vector<std::string>& serials) {
    QStringList texts;
    texts.reserve(qsizetype(serials.size()));
    for (const std::string& serial : serials)
        texts << fromStd(serial);
    // Most keystrokes keep the suggestions (mostly none): then nothing here changes.
    if (texts == serials_)
        return;
    serials_ = texts;
    // Buttons are made once and kept: spare ones wait hidden for the next suggestion (creating
    // a button is most of the keystroke that brings one).
    for (qsizetype i = 0; i < buttons_.size(); ++i)
        buttons_.at(i)->setVisible(i < serials_.size());
    if (validIcon_.isNull() && !serials_.isEmpty())
        validIcon_ = QIcon(QStringLiteral(":/icons/state-valid.svg"));
    while (buttons_.size() < serials_.size()) {
        const qsizetype index = buttons_.size();
        auto* button = new QPushButton(this);
        button->setObjectName(QStringLiteral("suggestion%1").arg(index + 1));
        button->setIcon(validIcon_);
        if (QWidget* before = index > 0 ? buttons_.last() : tabPredecessor())
            QWidget::setTabOrder(before, button);
        connect(button, &QPushButton::clicked, this,
                [this, index] { emit suggestionChosen(serials_.value(index)); });
        layout_->insertWidget(layout_->count() - 1, button);
        button->show(); // children added to a shown bar stay hidden otherwise
        buttons_ << button;
    }
    retranslate();
    setVisible(!serials_.isEmpty());
}

void SuggestionBar::retranslate() {
    caption_->setText(serials_.size() == 1 ? Texts::suggestion(serials_.front())
                                           : tr("Did you mean one of these?"));
    for (qsizetype i = 0; i < serials_.size(); ++i) {
        buttons_.at(i)->setText(tr("Use %1").arg(serials_.at(i)));
        buttons_.at(i)->setAccessibleName(Texts::suggestion(serials_.at(i)));
    }
}

QWidget* SuggestionBar::tabPredecessor() const {
    if (tabPredecessor_)
        return tabPredecessor_;
    for (QWidget* widget = previousInFocusChain(); widget && widget != window();
         widget = widget->previousInFocusChain())
        if ((widget->focusPolicy() & Qt::TabFocus) && !isAncestorOf(widget))
            return widget;
    return nullptr;
}

QList<QPushButton*> SuggestionBar::buttons() const {
    return buttons_.first(serials_.size());
}

SerialField::SerialField(QWidget* parent) : QWidget(parent) {
    edit_ = new SerialLineEdit(this);
    status_ = new StatusLine(this);
    marked_ = new MarkedInput(this);
    suggestions_ = new SuggestionBar(this);
    layOutInColumn(this, {edit_, status_, marked_, suggestions_})->setContentsMargins(0, 0, 0, 0);
    status_->announceOn(edit_);
    connect(edit_, &QLineEdit::textChanged, this, &SerialField::recognise);
    connect(suggestions_, &SuggestionBar::suggestionChosen, this, [this](const QString& serial) {
        setText(serial);
        edit_->setFocus();
    });
    recognise();
}

void SerialField::setFamily(std::optional<Family> family) {
    family_ = family;
    recognise();
}

void SerialField::setText(const QString& text) {
    edit_->setText(text);
    edit_->setCursorPosition(int(edit_->text().size()));
}

void SerialField::clear() {
    edit_->clear();
}

void SerialField::refresh() {
    recognise();
}

void SerialField::recognise() {
    const QByteArray raw = edit_->utf8();
    recognition_ =
        radiocode::recognise(std::string_view(raw.constData(), std::size_t(raw.size())), family_);
    status_->showState(recognition_.state, Texts::message(recognition_));
    marked_->mark(edit_->text(),
                  recognition_.state == InputState::Invalid ? recognition_.message.position : -1);
    suggestions_->setSuggestions(recognition_.suggestions);
    emit recognitionChanged(recognition_);
}

ReadingChoiceBox::ReadingChoiceBox(const QString& names, int topMargin, int bottomMargin,
                                   QWidget* parent)
    : QWidget(parent) {
    setObjectName(names + QStringLiteral("Choice"));
    question_ = new QLabel(this);
    question_->setWordWrap(true);
    letter_ = new QPushButton(this);
    letter_->setObjectName(names + QStringLiteral("LetterButton"));
    digit_ = new QPushButton(this);
    digit_->setObjectName(names + QStringLiteral("DigitButton"));
    connect(letter_, &QPushButton::clicked, this, [this] { emit chosen(ReadingChoice::Letter); });
    connect(digit_, &QPushButton::clicked, this, [this] { emit chosen(ReadingChoice::Digit); });
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(letter_);
    buttons->addWidget(digit_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, topMargin, 0, bottomMargin);
    layout->addWidget(question_);
    layout->addLayout(buttons);
    hide();
}

} // namespace radiocode::gui
