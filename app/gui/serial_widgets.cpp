#include "serial_widgets.h"

#include "texts.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QIcon>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include <string>

namespace radiocode::gui {

QString fromStd(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

namespace {
bool iconsAllowed = false;

// The state icons, drawn from their SVG once per file and pixel ratio: parsing and rendering
// an SVG on every keystroke was most of a keystroke's cost.
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
} // namespace

bool iconsReady() {
    return iconsAllowed;
}

void setIconsReady() {
    iconsAllowed = true;
}

void makePageTitle(QLabel* label) {
    label->setObjectName(QStringLiteral("pageTitle"));
    QFont font = label->font();
    font.setPointSizeF(17);
    font.setBold(true);
    label->setFont(font);
}

SerialLineEdit::SerialLineEdit(QWidget* parent) : QLineEdit(parent) {
    setFont(serialFont(font()));
    // The clear button's icon waits for the first frame, like the state icons (MainWindow
    // turns it on then); the field is empty at start-up, so nothing is missing from that frame.
    setClearButtonEnabled(iconsReady());
    // A serial never needs more. One character past the core's limit, so a huge paste is cut
    // short here yet the core still sees that it is too long and says so.
    setMaxLength(static_cast<int>(maxInputBytes) + 1);
    connect(this, &QLineEdit::textEdited, this, &SerialLineEdit::cleanUp);
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

// A word-wrapped label that remembers its height for the last few widths until its text, font
// or margins change. Layouts ask a label's height for one width several times per pass (Qt's
// minimumHeightForWidth goes past the layout item's cache), and every answer lays the text out
// twice; the answers themselves are QLabel's.
class WrappedTextLabel : public QLabel {
public:
    explicit WrappedTextLabel(QWidget* parent) : QLabel(parent) { setWordWrap(true); }

    void setLabelText(const QString& text) {
        heights_.clear();
        setText(text);
    }

    int heightForWidth(int width) const override {
        for (const QSize& known : heights_)
            if (known.width() == width)
                return known.height();
        const int height = QLabel::heightForWidth(width);
        if (heights_.size() == maxRemembered)
            heights_.removeFirst();
        heights_.append(QSize(width, height));
        return height;
    }

protected:
    void changeEvent(QEvent* event) override {
        heights_.clear(); // font, style, palette, enabled: anything may change the measure
        QLabel::changeEvent(event);
    }

    bool event(QEvent* event) override {
        if (event->type() == QEvent::ContentsRectChange || event->type() == QEvent::Polish)
            heights_.clear();
        return QLabel::event(event);
    }

private:
    static constexpr qsizetype maxRemembered = 4;
    mutable QList<QSize> heights_;
};

StatusLine::StatusLine(QWidget* parent) : QWidget(parent) {
    icon_ = new QLabel(this);
    icon_->setFixedSize(24, 24);
    // State and message in one label: the words wrap together and nothing leaves a gap.
    message_ = new WrappedTextLabel(this);
    message_->setObjectName(QStringLiteral("stateMessage"));
    message_->setTextFormat(Qt::RichText);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(icon_, 0, Qt::AlignTop);
    layout->addWidget(message_, 1);
    setAccessibleName(tr("Input state"));
}

QString StatusLine::iconPath(InputState state) {
    switch (state) {
    case InputState::Valid:
        return QStringLiteral(":/icons/state-valid.svg");
    case InputState::Invalid:
        return QStringLiteral(":/icons/state-invalid.svg");
    case InputState::Unsupported:
        return QStringLiteral(":/icons/state-unsupported.svg");
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
    stateWords_ = stateWords;
    messageText_ = message;
    message_->setLabelText(stateWords.isEmpty()
                               ? message.toHtmlEscaped()
                               : QStringLiteral("<b>%1:</b> %2")
                                     .arg(stateWords.toHtmlEscaped(), message.toHtmlEscaped()));
    const QString spoken =
        stateWords.isEmpty() ? message : stateWords + QLatin1String(". ") + message;
    setAccessibleDescription(spoken);
    message_->setAccessibleName(spoken);
}

QString StatusLine::stateText() const {
    return stateWords_;
}

QString StatusLine::messageText() const {
    return messageText_;
}

MarkedInput::MarkedInput(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("markedInput"));
    setTextFormat(Qt::RichText);
    setFont(serialFont(font()));
    setContentsMargins(30, 0, 0, 0); // under the message, past the state icon
    hide();
}

void MarkedInput::mark(const QString& text, int position) {
    const QList<uint> codePoints = text.toUcs4();
    if (position < 0 || position >= codePoints.size()) {
        hide();
        return;
    }
    const std::u32string points(codePoints.cbegin(), codePoints.cend());
    const char32_t codePoint = points[std::size_t(position)];
    // Invisible characters get a visible stand-in where they are marked.
    const QString character = codePoint < 0x20 || (codePoint >= 0x200B && codePoint <= 0x202E)
                                  ? QStringLiteral("\u2423")
                                  : QString::fromUcs4(&codePoint, 1).toHtmlEscaped();
    const QString html =
        QStringLiteral("<span style=\"white-space:pre\">%1<span style=\"background:#ffd6d6; "
                       "color:#a00000; font-weight:bold; text-decoration:underline\">%2</span>%3"
                       "</span>")
            .arg(QString::fromUcs4(points.data(), position).toHtmlEscaped(), character,
                 QString::fromUcs4(points.data() + position + 1, codePoints.size() - position - 1)
                     .toHtmlEscaped());
    // Set only what changed: a new text lays the window out again.
    if (html != QLabel::text())
        setText(html);
    const QString name = tr("Character %1 is marked").arg(position + 1);
    if (name != accessibleName())
        setAccessibleName(name);
    if (isHidden())
        show();
}

SuggestionBar::SuggestionBar(QWidget* parent) : QWidget(parent) {
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
    // Buttons are reused; spare ones go once the click that may have led here has returned.
    while (buttons_.size() > serials_.size()) {
        QPushButton* spare = buttons_.takeLast();
        spare->hide();
        spare->deleteLater();
    }
    if (validIcon_.isNull() && !serials_.isEmpty())
        validIcon_ = QIcon(QStringLiteral(":/icons/state-valid.svg"));
    while (buttons_.size() < serials_.size()) {
        const qsizetype index = buttons_.size();
        auto* button = new QPushButton(this);
        button->setObjectName(QStringLiteral("suggestion%1").arg(index + 1));
        button->setIcon(validIcon_);
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
    for (qsizetype i = 0; i < buttons_.size(); ++i) {
        buttons_.at(i)->setText(tr("Use %1").arg(serials_.at(i)));
        buttons_.at(i)->setAccessibleName(Texts::suggestion(serials_.at(i)));
    }
}

void SuggestionBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QList<QPushButton*> SuggestionBar::buttons() const {
    return buttons_;
}

SerialField::SerialField(QWidget* parent) : QWidget(parent) {
    edit_ = new SerialLineEdit(this);
    status_ = new StatusLine(this);
    marked_ = new MarkedInput(this);
    suggestions_ = new SuggestionBar(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit_);
    layout->addWidget(status_);
    layout->addWidget(marked_);
    layout->addWidget(suggestions_);
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

} // namespace radiocode::gui
