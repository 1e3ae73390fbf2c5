#include "serial_widgets.h"

#include "texts.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace radiocode::gui {

QString fromStd(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

namespace {
bool iconsAllowed = false;
}

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
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.45);
    setFont(mono);
    setClearButtonEnabled(true);
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

StatusLine::StatusLine(QWidget* parent) : QWidget(parent) {
    icon_ = new QLabel(this);
    icon_->setFixedSize(24, 24);
    // State and message in one label: the words wrap together and nothing leaves a gap.
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("stateMessage"));
    message_->setWordWrap(true);
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
    if (iconsReady())
        icon_->setPixmap(QIcon(iconPath).pixmap(QSize(22, 22), devicePixelRatioF()));
    stateWords_ = stateWords;
    messageText_ = message;
    message_->setText(stateWords.isEmpty()
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
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.45);
    setFont(mono);
    setContentsMargins(30, 0, 0, 0); // under the message, past the state icon
    hide();
}

void MarkedInput::mark(const QString& text, int position) {
    const QList<uint> codePoints = text.toUcs4();
    if (position < 0 || position >= codePoints.size()) {
        hide();
        return;
    }
    QString html = QStringLiteral("<span style=\"white-space:pre\">");
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const char32_t codePoint = codePoints.at(i);
        QString character = QString::fromUcs4(&codePoint, 1).toHtmlEscaped();
        // Invisible characters get a visible stand-in where they are marked.
        if (i == position && (codePoint < 0x20 || (codePoint >= 0x200B && codePoint <= 0x202E)))
            character = QStringLiteral("\u2423");
        html += i == position
                    ? QStringLiteral("<span style=\"background:#ffd6d6; color:#a00000; "
                                     "font-weight:bold; text-decoration:underline\">%1</span>")
                          .arg(character)
                    : character;
    }
    html += QStringLiteral("</span>");
    setText(html);
    setAccessibleName(tr("Character %1 is marked").arg(position + 1));
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
    qDeleteAll(buttons_);
    buttons_.clear();
    caption_->setText(serials.size() == 1 ? Texts::suggestion(fromStd(serials.front()))
                                          : tr("Did you mean one of these?"));
    int index = 1;
    for (const std::string& serial : serials) {
        const QString text = fromStd(serial);
        auto* button = new QPushButton(tr("Use %1").arg(text), this);
        button->setObjectName(QStringLiteral("suggestion%1").arg(index++));
        button->setAccessibleName(Texts::suggestion(text));
        button->setIcon(QIcon(QStringLiteral(":/icons/state-valid.svg")));
        connect(button, &QPushButton::clicked, this, [this, text] { emit suggestionChosen(text); });
        layout_->insertWidget(layout_->count() - 1, button);
        button->show(); // children added to a shown bar stay hidden otherwise
        buttons_ << button;
    }
    setVisible(!serials.empty());
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
