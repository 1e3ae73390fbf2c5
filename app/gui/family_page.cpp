#include "gui/family_page.h"

#include "common/texts.h"
#include "drawings/label_drawing.h"
#include "gui/accessibility.h"
#include "gui/serial_widgets.h"
#include "gui/widget_parts.h"

#include <QApplication>
#include <QGridLayout>
#include <QIcon>
#include <QIconEngine>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QResizeEvent>
#include <QStyle>
#include <QStyleOption>
#include <QStylePainter>
#include <QSvgRenderer>

#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace radiocode::gui {
namespace {

QString mnemonicName(Family family) {
    switch (family) {
    case Family::Blaupunkt:
        return QStringLiteral("&Blaupunkt");
    case Family::Renault:
        return QStringLiteral("&Renault");
    case Family::Becker:
        return QStringLiteral("B&ecker");
    case Family::Visteon:
        return QStringLiteral("&Visteon");
    }
    return {};
}

// Draws a label drawing from its SVG bytes at whatever size and pixel ratio is asked for, like
// Qt's own SVG icon engine does for files: the card's drawing stays sharp as the card resizes.
class LabelDrawingEngine : public QIconEngine {
public:
    explicit LabelDrawingEngine(QByteArray svg) : svg_(std::move(svg)) {}

    QIconEngine* clone() const override { return new LabelDrawingEngine(svg_); }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override {
        return defaultSize().scaled(size, Qt::KeepAspectRatio);
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode,
               QIcon::State state) override {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap image = pixmap(rect.size() * ratio, mode, state);
        image.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, image);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        const QSize drawn = actualSize(size, mode, state);
        if (cache_.size() == drawn && cacheMode_ == mode)
            return cache_; // the card repaints on every hover and focus change
        QPixmap image(drawn);
        image.fill(Qt::transparent);
        QSvgRenderer renderer(svg_);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        if (mode != QIcon::Normal) {
            QStyleOption option;
            option.palette = QGuiApplication::palette();
            image = QApplication::style()->generatedIconPixmap(mode, image, &option);
        }
        cache_ = image;
        cacheMode_ = mode;
        return image;
    }

private:
    QSize defaultSize() const {
        const QSize size = QSvgRenderer(svg_).defaultSize();
        return size.isEmpty() ? QSize(440, 230) : size;
    }

    QByteArray svg_;
    QPixmap cache_;
    QIcon::Mode cacheMode_ = QIcon::Normal;
};

// Takes the drawing's place before the first frame: reserves its room, draws nothing.
class BlankIconEngine : public QIconEngine {
public:
    QIconEngine* clone() const override { return new BlankIconEngine; }
    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }
    void paint(QPainter*, const QRect&, QIcon::Mode, QIcon::State) override {}
    QPixmap pixmap(const QSize&, QIcon::Mode, QIcon::State) override { return {}; }
};

} // namespace

FamilyCard::FamilyCard(Family family, QWidget* parent) : QToolButton(parent), family_(family) {
    setObjectName(QStringLiteral("card-%1").arg(Texts::fromUtf8(familyId(family))));
    setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    setIconSize(QSize(290, 152));
    // A stand-in that draws nothing keeps the card's layout still until the drawing arrives
    // (a transparent pixmap would be scaled to the card's icon size on the first frame).
    setIcon(QIcon(new BlankIconEngine));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_Hover); // the frame thickens under the mouse
    QFont cardFont = font();
    cardFont.setPointSizeF(12);
    setFont(cardFont);
    retranslate();
}

void FamilyCard::loadDrawing() {
    // Drawn at any size and pixel ratio, annotations in the current language.
    setIcon(QIcon(new LabelDrawingEngine(LabelDrawing::svg(family_))));
    drawingLoaded_ = true;
}

void FamilyCard::paintEvent(QPaintEvent*) {
    // Cards as cards: a clear frame, thicker under the mouse and thickest around the card with
    // the keyboard focus. Painted here rather than by a style sheet, which would put the whole
    // window through Qt's style-sheet machinery before its first frame.
    QStyleOptionToolButton option;
    initStyleOption(&option);
    const bool focused = option.state & QStyle::State_HasFocus;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const bool pressed = option.state & QStyle::State_Sunken;
    const QPalette& colours = palette();
    const QColor background = pressed   ? colours.color(QPalette::Midlight)
                              : focused ? colours.color(QPalette::AlternateBase)
                                        : colours.color(QPalette::Base);
    const int borderWidth = focused ? 3 : hovered ? 2 : 1;
    const QColor border =
        focused || hovered ? colours.color(QPalette::Highlight) : colours.color(QPalette::Mid);
    QStylePainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(border, borderWidth));
    painter.setBrush(background);
    const qreal inset = borderWidth / 2.0;
    painter.drawRoundedRect(QRectF(rect()).adjusted(inset, inset, -inset, -inset), 8, 8);
    painter.setRenderHint(QPainter::Antialiasing, false);
    option.rect = rect().adjusted(cardPadding, cardPadding, -cardPadding, -cardPadding);
    painter.drawControl(QStyle::CE_ToolButtonLabel, option);
}

void FamilyCard::resizeEvent(QResizeEvent* event) {
    layOutCaption(event->size());
    QToolButton::resizeEvent(event);
}

void FamilyCard::layOutCaption(const QSize& size) {
    const QFontMetrics metrics = fontMetrics();
    const int room = std::max(size.width() - 2 * cardPadding - 8, 40);
    QStringList lines = {brand_};
    QString line;
    for (const QString& word : details_.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(longer) > room) {
            lines << line;
            line = word;
        } else {
            line = longer;
        }
    }
    if (!line.isEmpty())
        lines << line;
    setText(lines.join(QLatin1Char('\n')));
    // The drawing takes what the lines of text leave, up to its full size: on a short screen
    // the cards stay whole instead of cutting their text.
    const int textHeight = int(lines.size()) * metrics.height() + 2 * cardPadding + 14;
    const int height = std::clamp(size.height() - textHeight, 30, 152);
    const int width = std::min(height * 290 / 152, room);
    setIconSize(QSize(width, width * 152 / 290));
}

void FamilyCard::retranslate() {
    if (drawingLoaded_)
        loadDrawing(); // after the first frame only, as at start-up
    const QString origin = Texts::codeOrigin(family_);
    // The brand carries the mnemonic (Alt+B, Alt+R, Alt+E, Alt+V).
    brand_ = mnemonicName(family_);
    details_ = QStringLiteral("%1 · %2").arg(Texts::serialFormat(family_), origin);
    layOutCaption(size());
    setAccessibleName(Texts::familyName(family_));
    setAccessibleDescription(
        tr("Serial: %1. Code from: %2.").arg(Texts::serialFormat(family_), origin) +
        QLatin1Char(' ') +
        tr("On the drawing: %1").arg(Accessibility::labelDrawingDescription(family_)));
    setToolTip(
        tr("%1 radio: serial %2").arg(Texts::familyName(family_), Texts::serialFormat(family_)));
}

FamilyPage::FamilyPage(QWidget* parent) : Retranslating(parent) {
    setObjectName(QStringLiteral("familyPage"));
    // Cards as cards: a clear frame, and a thick one around the card with the keyboard focus.
    title_ = makePageTitle(this);
    intro_ = makeParagraph(QString(), this);

    auto* grid = new QGridLayout;
    grid->setSpacing(12);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    int index = 0;
    for (const Family family : allFamilies) {
        auto* card = new FamilyCard(family, this);
        cards_[family] = card;
        grid->addWidget(card, index / 2, index % 2);
        connect(card, &QToolButton::clicked, this, [this, family] { emit familyChosen(family); });
        ++index;
    }

    notSure_ = new QLabel(this);
    field_ = new SerialField(this);
    field_->lineEdit()->setObjectName(QStringLiteral("notSureField"));
    notSure_->setBuddy(field_->lineEdit());
    continueButton_ = new QPushButton(this);
    continueButton_->setObjectName(QStringLiteral("continueWithFamily"));
    continueButton_->setEnabled(false);
    connect(continueButton_, &QPushButton::clicked, this, [this] { submitField(); });
    connect(field_, &SerialField::recognitionChanged, this, &FamilyPage::updateRecognised);
    // Continue sits at the top of the field's row: Tab reaches it before the suggestions.
    field_->suggestionBar()->setTabPredecessor(continueButton_);

    auto* fieldRow = new QHBoxLayout;
    fieldRow->addWidget(field_, 1);
    fieldRow->addWidget(continueButton_, 0, Qt::AlignTop);
    fieldRow_ = fieldRow;

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(intro_);
    layout->addLayout(grid, 1);
    layout->addSpacing(8);
    layout->addWidget(notSure_);
    layout->addLayout(fieldRow);
    retranslate();
}

void FamilyPage::addEntryAction(QAbstractButton* button) {
    button->setParent(this);
    QWidget* previous = nullptr; // Tab reaches it right after what stands left of it
    for (int i = fieldRow_->count() - 1; i >= 0 && !previous; --i)
        if (QWidget* widget = fieldRow_->itemAt(i)->widget();
            widget && (widget->focusPolicy() & Qt::TabFocus))
            previous = widget;
    fieldRow_->addWidget(button, 0, Qt::AlignTop);
    if (previous)
        setTabOrder(previous, button);
    field_->suggestionBar()->setTabPredecessor(button); // the suggestions stand under the row
    button->show();
}

void FamilyPage::setLastFamily(std::optional<Family> family) {
    lastFamily_ = family;
    for (auto& [f, card] : cards_) {
        QFont font = card->font();
        font.setBold(family && f == *family);
        card->setFont(font);
    }
}

void FamilyPage::loadDrawings() {
    for (auto& [family, card] : cards_)
        card->loadDrawing();
    field_->refresh();
}

void FamilyPage::focusFirst() {
    cards_.at(lastFamily_.value_or(Family::Blaupunkt))->setFocus(Qt::OtherFocusReason);
}

bool FamilyPage::submitField() {
    const Recognition& recognition = field_->recognition();
    if (!recognition.family || recognition.state == InputState::Incomplete ||
        recognition.state == InputState::Invalid)
        return false;
    emit serialEntered(*recognition.family, field_->lineEdit()->text());
    return true;
}

void FamilyPage::updateRecognised(const Recognition& recognition) {
    const bool known = recognition.family && (recognition.state == InputState::Valid ||
                                              recognition.state == InputState::Unsupported);
    continueButton_->setEnabled(known);
    continueButton_->setText(
        known ? tr("&Continue with %1").arg(Texts::familyName(*recognition.family))
              : tr("&Continue"));
    if (field_->lineEdit()->text().isEmpty())
        field_->statusLine()->showNeutral(
            tr("The program recognises the radio family from the serial."));
}

void FamilyPage::retranslate() {
    title_->setText(tr("Which radio?"));
    intro_->setText(tr("Choose the make printed on the radio's label. The drawings show what each "
                       "label looks like."));
    notSure_->setText(tr("&Not sure? Type, paste or scan the serial:"));
    field_->lineEdit()->setPlaceholderText(tr("e.g. BP53876 9672026, J727, M123456"));
    field_->lineEdit()->setAccessibleName(tr("Serial, any radio family"));
    for (auto& [family, card] : cards_)
        card->retranslate();
    field_->refresh();
}

} // namespace radiocode::gui
