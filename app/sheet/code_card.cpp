#include "sheet/code_card.h"

#include "common/texts.h"
#include "sheet/page_style.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>

#include <algorithm>

namespace radiocode {
namespace {

using page::accent;
using page::ink;
using page::muted;

class CardPainter {
public:
    CardPainter(QPagedPaintDevice& device, QPainter& painter)
        : device_(device), painter_(painter), dpi_(device.logicalDpiY()),
          area_(0, 0, device.width(), device.height()) {}

    qreal mm(qreal millimetres) const { return millimetres * dpi_ / 25.4; }
    const QRectF& area() const { return area_; }

    QFont font(qreal points, bool bold = false, bool mono = false) const {
        return page::font(points, bold, mono);
    }

    // One line, cut with an ellipsis when it does not fit; returns the line's height.
    qreal line(const QString& text, const QFont& f, const QRectF& box, Qt::Alignment align,
               const QColor& colour) {
        const QFontMetricsF metrics(f, &device_);
        painter_.setFont(f);
        painter_.setPen(colour);
        painter_.drawText(
            QRectF(box.left(), box.top(), box.width(), metrics.height()), align | Qt::AlignTop,
            metrics.elidedText(InstructionSheet::printableText(text), Qt::ElideRight, box.width()));
        return metrics.height();
    }

    // "Serial  J727": the name in small type, the value beside it; returns the row's height.
    qreal field(const QString& name, const QString& value, qreal top, qreal nameWidth,
                const QFont& valueFont) {
        const QFont nameFont = font(6.5);
        const qreal valueHeight = line(
            value, valueFont, QRectF(area_.left() + nameWidth, top, area_.width() - nameWidth, 0),
            Qt::AlignLeft, ink);
        const qreal nameHeight = QFontMetricsF(nameFont, &device_).height();
        // Baselines roughly level: the small name sits lower in the row.
        line(name, nameFont,
             QRectF(area_.left(), top + std::max<qreal>(0, valueHeight - nameHeight) * 0.7,
                    nameWidth - mm(1), 0),
             Qt::AlignLeft, muted);
        return valueHeight;
    }

    qreal nameWidth(const QStringList& names) const {
        const QFontMetricsF metrics(font(6.5), &device_);
        qreal widest = 0;
        for (const QString& name : names)
            widest = std::max(widest, metrics.horizontalAdvance(name));
        return std::min(widest + mm(1.5), area_.width() * 0.4);
    }

    QPainter& painter() { return painter_; }

private:
    QPagedPaintDevice& device_;
    QPainter& painter_;
    qreal dpi_;
    QRectF area_;
};

} // namespace

QPageLayout codeCardLayout(SheetFormat format) {
    if (format == SheetFormat::Label62) {
        // 62 mm is the width of the tape; the printer cuts after the page's length.
        return QPageLayout(QPageSize(QSizeF(62, 50), QPageSize::Millimeter,
                                     QStringLiteral("62 mm label"), QPageSize::ExactMatch),
                           QPageLayout::Portrait, QMarginsF(3, 3, 3, 3), QPageLayout::Millimeter);
    }
    return QPageLayout(QPageSize(QSizeF(85, 54), QPageSize::Millimeter,
                                 QStringLiteral("85 x 54 mm card"), QPageSize::ExactMatch),
                       QPageLayout::Portrait, QMarginsF(4, 3.5, 4, 3.5), QPageLayout::Millimeter);
}

bool renderCodeCard(QPagedPaintDevice& device, const SheetContent& content) {
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    CardPainter card(device, painter);
    const QRectF area = card.area();
    const LookupResult& result = content.result;
    const Recognition& recognition = result.recognition;
    const bool hasCode = result.status == LookupStatus::Ok && result.answer;
    const QString code = hasCode ? Texts::fromUtf8(result.answer->code) : QString();
    const bool narrow = area.width() < card.mm(65);

    qreal y = area.top();
    // ISO dates read the same in every language (12/1/26 does not).
    const QString date =
        (content.date.isValid() ? content.date : QDate::currentDate()).toString(Qt::ISODate);
    const QFont titleFont = card.font(narrow ? 7 : 7.5, true);
    const qreal dateWidth =
        QFontMetricsF(card.font(6.5), &device).horizontalAdvance(date) + card.mm(1);
    y += card.line(InstructionSheet::tr("Nissan radio code"), titleFont,
                   QRectF(area.left(), y, area.width() - dateWidth, 0), Qt::AlignLeft, accent);
    card.line(date, card.font(6.5), QRectF(area.left(), area.top() + card.mm(0.4), area.width(), 0),
              Qt::AlignRight, muted);
    painter.setPen(QPen(accent, card.mm(0.35)));
    painter.drawLine(QPointF(area.left(), y + card.mm(0.5)),
                     QPointF(area.right(), y + card.mm(0.5)));
    y += card.mm(1.6);

    const QString radioName = InstructionSheet::tr("Radio");
    const QString serialName = InstructionSheet::tr("Serial");
    const QString workshopName = InstructionSheet::tr("Workshop");
    const qreal nameWidth = card.nameWidth({radioName, serialName, workshopName});
    const QString family =
        recognition.family ? Texts::familyName(*recognition.family) : QStringLiteral("—");
    y += card.field(radioName, family, y, nameWidth, card.font(8.5, true)) + card.mm(0.4);
    y += card.field(serialName, Texts::fromUtf8(recognition.serial), y, nameWidth,
                    card.font(9, true, true)) +
         card.mm(1.5);

    // The code: four boxes as on the sheet, empty to fill in by hand when there is no code.
    const qreal bottomRow = QFontMetricsF(card.font(8), &device).height() + card.mm(1.5);
    const qreal gap = card.mm(narrow ? 2 : 2.5);
    const qreal room = area.bottom() - bottomRow - y;
    const qreal boxHeight = std::min(card.mm(15), room);
    y += (room - boxHeight) / 2; // the code in the middle of the free space
    const qreal boxWidth = std::min(card.mm(13.5), (area.width() - 3 * gap) / 4);
    const qreal codeLeft = area.left() + (area.width() - 4 * boxWidth - 3 * gap) / 2;
    QFont digitFont = card.font(24, true, true);
    // The digit takes most of its box, whatever the card's size.
    digitFont.setPointSizeF(std::min<qreal>(24, boxHeight * 0.62 * 72 / device.logicalDpiY()));
    for (int i = 0; i < 4; ++i) {
        const QRectF box(codeLeft + i * (boxWidth + gap), y, boxWidth, boxHeight);
        painter.setPen(QPen(ink, card.mm(0.45)));
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(box, card.mm(1.2), card.mm(1.2));
        if (i < code.size()) {
            painter.setFont(digitFont);
            painter.setPen(ink);
            painter.drawText(box, Qt::AlignCenter, code.mid(i, 1));
        }
    }
    painter.setBrush(Qt::NoBrush);

    // The workshop at the foot: its name from the settings, else a line to write it on.
    const qreal footTop = area.bottom() - QFontMetricsF(card.font(8), &device).height();
    if (content.workshopName.isEmpty()) {
        card.line(workshopName, card.font(6.5), QRectF(area.left(), footTop, nameWidth, 0),
                  Qt::AlignLeft, muted);
        painter.setPen(QPen(muted, card.mm(0.25)));
        const qreal base = area.bottom() - card.mm(0.6);
        painter.drawLine(QPointF(area.left() + nameWidth, base), QPointF(area.right(), base));
    } else {
        // A long name in smaller type before it is cut.
        QFont workshopFont = card.font(8, true);
        if (QFontMetricsF(workshopFont, &device).horizontalAdvance(content.workshopName) >
            area.width() - nameWidth)
            workshopFont = card.font(6, true);
        card.field(workshopName, content.workshopName, footTop, nameWidth, workshopFont);
    }
    return painter.end();
}

} // namespace radiocode
