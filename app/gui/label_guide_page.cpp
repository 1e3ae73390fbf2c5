#include "gui/label_guide_page.h"

#include "common/texts.h"
#include "drawings/label_drawing.h"
#include "gui/accessibility.h"

#include "gui/serial_widgets.h"
#include "gui/widget_parts.h"

#include <QEvent>
#include <QGraphicsScene>
#include <QGraphicsSvgItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSvgRenderer>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace radiocode::gui {

LabelView::LabelView(QWidget* parent) : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform |
                   QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundBrush(palette().window());
    setFrameShape(QFrame::NoFrame);
    setMinimumSize(320, 180);
}

void LabelView::showLabel(Family family) {
    family_ = family;
    scene()->clear();
    // The drawing with its annotations in the current language; the renderer outlives the items.
    if (!renderer_)
        renderer_ = new QSvgRenderer(this);
    renderer_->load(LabelDrawing::svg(family));
    item_ = new QGraphicsSvgItem;
    item_->setSharedRenderer(renderer_);
    // Redrawn from the vector at every zoom step: sharp at any magnification.
    item_->setCacheMode(QGraphicsItem::NoCache);
    scene()->addItem(item_);
    scene()->setSceneRect(item_->boundingRect().adjusted(-10, -10, 10, 10));
    fitted_ = true;
    fitLabel();
}

void LabelView::retranslate() {
    if (!renderer_)
        return;
    // Same size, so the zoom and the scroll position stay; the item repaints on the reload.
    renderer_->load(LabelDrawing::svg(family_));
}

void LabelView::zoomBy(qreal factor) {
    const qreal next = zoom() * factor;
    if (next < 0.2 || next > 8)
        return;
    fitted_ = false;
    scale(factor, factor);
}

void LabelView::fitLabel() {
    if (!item_)
        return;
    resetTransform();
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    fitted_ = true;
}

void LabelView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void LabelView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (fitted_)
        fitLabel();
}

LabelGuidePage::LabelGuidePage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("labelGuidePage"));
    title_ = makePageTitle(this);
    view_ = new LabelView(this);
    view_->setObjectName(QStringLiteral("labelView"));
    notes_ = new QLabel(this);
    notes_->setObjectName(QStringLiteral("labelNotes"));
    notes_->setWordWrap(true);
    QFont notesFont = notes_->font();
    notesFont.setPointSizeF(notesFont.pointSizeF() * 1.12);
    notes_->setFont(notesFont);
    notes_->setTextFormat(Qt::RichText);
    notes_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    notes_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto* notesScroll = new QScrollArea(this);
    notesScroll->setWidget(notes_);
    notesScroll->setWidgetResizable(true);
    notesScroll->setFrameShape(QFrame::NoFrame);
    notesScroll->setMinimumWidth(300);

    zoomIn_ = new QPushButton(this);
    zoomOut_ = new QPushButton(this);
    fit_ = new QPushButton(this);
    connect(zoomIn_, &QPushButton::clicked, this, [this] { view_->zoomBy(1.25); });
    connect(zoomOut_, &QPushButton::clicked, this, [this] { view_->zoomBy(1 / 1.25); });
    connect(fit_, &QPushButton::clicked, view_, &LabelView::fitLabel);
    for (const auto& [keys, slot] : {std::pair{QKeySequence(QKeySequence::ZoomIn), 0},
                                     std::pair{QKeySequence(Qt::CTRL | Qt::Key_Equal), 0},
                                     std::pair{QKeySequence(QKeySequence::ZoomOut), 1},
                                     std::pair{QKeySequence(Qt::CTRL | Qt::Key_0), 2}}) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        QPushButton* target = slot == 0 ? zoomIn_ : slot == 1 ? zoomOut_ : fit_;
        connect(shortcut, &QShortcut::activated, target, &QPushButton::click);
    }

    auto* zoomRow = new QHBoxLayout;
    zoomRow->addWidget(zoomOut_);
    zoomRow->addWidget(zoomIn_);
    QWidget::setTabOrder(zoomOut_, zoomIn_); // as laid out: out, in, fit
    zoomRow->addWidget(fit_);
    zoomRow->addStretch(1);
    next_ = new QPushButton(this);
    next_->setObjectName(QStringLiteral("labelGuideNext"));
    connect(next_, &QPushButton::clicked, this, &LabelGuidePage::nextRequested);
    zoomRow->addWidget(next_);

    auto* left = new QVBoxLayout;
    left->addWidget(view_, 1);
    left->addLayout(zoomRow);

    auto* body = new QHBoxLayout;
    body->addLayout(left, 3);
    body->addWidget(notesScroll, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addLayout(body, 1);
    setFamily(Family::Blaupunkt);
}

void LabelGuidePage::setFamily(Family family) {
    family_ = family;
    view_->showLabel(family);
    retranslate();
}

QString LabelGuidePage::notesText() const {
    return notes_->text();
}

void LabelGuidePage::retranslate() {
    title_->setText(tr("Where is the serial? – %1").arg(Texts::familyName(family_)));
    zoomIn_->setText(tr("Zoom &in"));
    zoomOut_->setText(tr("Zoom &out"));
    fit_->setText(tr("Fit to &window"));
    next_->setText(tr("Next: &type the serial"));
    next_->setToolTip(tr("Enter"));
    zoomIn_->setToolTip(tr("Zoom in (Ctrl++, Ctrl+mouse wheel)"));
    zoomOut_->setToolTip(tr("Zoom out (Ctrl+-)"));
    fit_->setToolTip(tr("Show the whole label (Ctrl+0)"));
    view_->setAccessibleName(Accessibility::labelDrawingName(family_));
    view_->setAccessibleDescription(Accessibility::labelDrawingDescription(family_));
    QString html =
        QStringLiteral("<p><b>%1</b> %2</p><p><b>%3</b> %4</p><ul>")
            .arg(tr("Serial:").toHtmlEscaped(), Texts::serialFormat(family_).toHtmlEscaped(),
                 tr("Code from:").toHtmlEscaped(), Texts::codeOrigin(family_).toHtmlEscaped());
    for (const QString& note : Texts::labelGuideNotes(family_))
        html += QStringLiteral("<li style=\"margin-bottom:6px\">%1</li>").arg(note.toHtmlEscaped());
    html +=
        QStringLiteral("</ul><p>%1</p>")
            .arg(tr("The serial area is highlighted in orange on the drawing.").toHtmlEscaped());
    notes_->setText(html);
}

void LabelGuidePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        view_->retranslate();
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace radiocode::gui
