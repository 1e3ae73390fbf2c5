#include "sheet/instruction_sheet.h"

#include "common/i18n.h"
#include "common/settings.h"
#include "common/texts.h"
#include "drawings/label_drawing.h"
#include "sheet/code_card.h"
#include "sheet/page_style.h"

#include "radiocode/entry_steps.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSettings>
#include <QSvgRenderer>
#include <QTextLayout>
#include <QTranslator>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

namespace radiocode {
namespace {

using page::accent;
using page::ink;
using page::muted;
const QColor rule(0xb0, 0xb6, 0xbe);
const QColor cautionFill(0xff, 0xf4, 0xd6);

// Lays the sheet out top to bottom on the device, in device pixels; sizes are given in
// millimetres and points so the sheet looks the same at any resolution.
// With `scale` below 1 every size shrinks alike, so a long translation still fits one page. A
// dry run measures on the real device but paints into a scratch image and never turns a page:
// it only counts the pages the sheet would need.
class SheetPainter {
public:
    SheetPainter(QPagedPaintDevice& device, QPainter& painter, qreal scale = 1.0,
                 bool dryRun = false)
        : device_(device), painter_(painter), dpi_(device.logicalDpiY()), scale_(scale),
          dryRun_(dryRun) {
        page_ = QRectF(0, 0, device.width(), device.height());
        y_ = page_.top();
    }

    qreal mm(qreal millimetres) const { return millimetres * scale_ * dpi_ / 25.4; }
    qreal dpi() const { return dpi_; }
    int pageCount() const { return pageNumber_; }
    qreal width() const { return page_.width(); }
    qreal left() const { return page_.left(); }
    qreal y() const { return y_; }
    void advance(qreal pixels) { y_ += pixels; }

    QFont font(qreal points, bool bold = false, bool mono = false) const {
        return page::font(points * scale_, bold, mono);
    }

    // Starts a new page when `height` does not fit on this one.
    void ensureSpace(qreal height) {
        if (y_ + height <= page_.bottom() - mm(8) || y_ <= page_.top())
            return;
        footer();
        if (!dryRun_)
            device_.newPage();
        ++pageNumber_;
        y_ = page_.top();
    }

    // Words too wide for `w` are cut with an ellipsis: a name or a note without spaces must
    // neither run off the page nor into its neighbour.
    QString fitted(const QString& text, const QFont& f, qreal w) const {
        const QFontMetricsF metrics(f, &device_);
        QStringList lines = InstructionSheet::printableText(text).split(QLatin1Char('\n'));
        for (QString& line : lines) {
            QStringList words = line.split(QLatin1Char(' '));
            for (QString& word : words)
                if (metrics.horizontalAdvance(word) > w)
                    word = metrics.elidedText(word, Qt::ElideRight, w * 0.98);
            line = words.join(QLatin1Char(' '));
        }
        return lines.join(QLatin1Char('\n'));
    }

    qreal textHeight(const QString& text, const QFont& f, qreal w) const {
        const QFontMetricsF metrics(f, &device_);
        return metrics
            .boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap | Qt::AlignLeft,
                          fitted(text, f, w))
            .height();
    }

    // A wrapped paragraph at `x` (relative to the left edge), `w` wide; returns its height.
    qreal paragraph(const QString& text, const QFont& f, qreal x, qreal w,
                    const QColor& colour = ink, Qt::Alignment align = Qt::AlignLeft) {
        const QString shown = fitted(text, f, w);
        const qreal h = QFontMetricsF(f, &device_)
                            .boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap | align, shown)
                            .height();
        painter_.setFont(f);
        painter_.setPen(colour);
        painter_.drawText(QRectF(left() + x, y_, w, h), Qt::TextWordWrap | align, shown);
        return h;
    }

    // A paragraph that may continue on the next page, line by line (long notes). Calls
    // `atFirstLine` once the first line's place is known (for its label).
    void flowing(const QString& text, const QFont& f, qreal x, qreal w, const QColor& colour,
                 const std::function<void()>& atFirstLine) {
        QString shown = fitted(text, f, w);
        shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
        QTextLayout layout(shown, f, &device_);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        QList<QPair<int, int>> lines;
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(w);
            lines.append({line.textStart(), line.textLength()});
        }
        layout.endLayout();
        bool first = true;
        for (const auto& [start, length] : lines) {
            const QString line = shown.mid(start, length).trimmed();
            ensureSpace(QFontMetricsF(f, &device_).height());
            if (first && atFirstLine)
                atFirstLine();
            first = false;
            y_ += paragraph(line.isEmpty() ? QStringLiteral(" ") : line, f, x, w, colour);
        }
    }

    // The widest of `labels` in `f`, plus a gap, within [least, most].
    qreal labelWidth(const QStringList& labels, const QFont& f, qreal least, qreal most) const {
        const QFontMetricsF metrics(f, &device_);
        qreal widest = 0;
        for (const QString& label : labels)
            widest = std::max(widest, metrics.horizontalAdvance(label));
        return std::clamp(widest + mm(2.5), least, most);
    }

    // Printed at the foot of every page, so a page that got separated still has the code.
    void setFooterNote(const QString& note) { footerNote_ = note; }

    void block(const QString& text, const QFont& f, qreal x = 0, const QColor& colour = ink) {
        const qreal w = width() - x;
        ensureSpace(textHeight(text, f, w));
        y_ += paragraph(text, f, x, w, colour);
    }

    void heading(const QString& text) {
        const QFont f = font(11.5, true);
        ensureSpace(textHeight(text, f, width()) + mm(14));
        y_ += mm(3.5);
        y_ += paragraph(text, f, 0, width(), accent);
        painter_.setPen(QPen(rule, mm(0.3)));
        painter_.drawLine(QPointF(left(), y_ + mm(0.8)), QPointF(left() + width(), y_ + mm(0.8)));
        y_ += mm(2.2);
    }

    // "1." in a hanging column, then the wrapped text.
    void numbered(const QString& number, const QString& text, const QFont& f) {
        const qreal indent = mm(8);
        const qreal h = textHeight(text, f, width() - indent);
        ensureSpace(h + mm(1));
        paragraph(number, f, 0, indent, muted);
        y_ += paragraph(text, f, indent, width() - indent) + mm(1);
    }

    void footer() {
        const QFont f = font(7.5);
        painter_.setFont(f);
        painter_.setPen(muted);
        const QRectF area(left(), page_.bottom() - mm(5), width(), mm(5));
        painter_.drawText(
            area, Qt::AlignLeft | Qt::AlignBottom,
            QStringLiteral("Nissan Radio Code Finder %1").arg(QStringLiteral(RADIOCODE_VERSION)));
        painter_.drawText(area, Qt::AlignRight | Qt::AlignBottom,
                          InstructionSheet::tr("Page %1").arg(pageNumber_));
        if (!footerNote_.isEmpty()) {
            painter_.setFont(font(8.5, true));
            painter_.setPen(ink);
            painter_.drawText(area, Qt::AlignHCenter | Qt::AlignBottom, footerNote_);
        }
    }

    QPainter& painter() { return painter_; }

private:
    QPagedPaintDevice& device_;
    QPainter& painter_;
    qreal dpi_;
    qreal scale_;
    bool dryRun_;
    QRectF page_;
    qreal y_ = 0;
    int pageNumber_ = 1;
    QString footerNote_;
};

// A label in every language the program speaks: a column as wide as the longest translation
// needs keeps the sheet's layout the same whichever language it is printed in.
QStringList everyTranslation(const char* source) {
    static const std::vector<std::unique_ptr<QTranslator>> translators = [] {
        std::vector<std::unique_ptr<QTranslator>> loaded;
        for (const QString& language : availableLanguages()) {
            auto translator = std::make_unique<QTranslator>();
            if (translator->load(QStringLiteral(":/i18n/radiocode_%1.qm").arg(language)))
                loaded.push_back(std::move(translator));
        }
        return loaded;
    }();
    QStringList texts{QString::fromUtf8(source), InstructionSheet::tr(source)};
    for (const auto& translator : translators) {
        const QString text = translator->translate("InstructionSheet", source);
        if (!text.isEmpty())
            texts << text;
    }
    return texts;
}

QString orBlank(const QString& value) {
    return value.isEmpty() ? QStringLiteral("______________________") : value;
}

void drawHeader(SheetPainter& sheet, const SheetContent& content) {
    QPainter& p = sheet.painter();
    const QFont titleFont = sheet.font(17, true);
    const QFont small = sheet.font(9);
    const qreal titleWidth = sheet.width() * 0.56;
    const qreal titleHeight =
        sheet.paragraph(InstructionSheet::title(), titleFont, 0, titleWidth, accent);
    const QString workshop = content.workshopName.isEmpty()
                                 ? InstructionSheet::tr("Workshop: ______________")
                                 : content.workshopName;
    const QString date = QLocale().toString(
        content.date.isValid() ? content.date : QDate::currentDate(), QLocale::LongFormat);
    // The workshop's name on the right, over two lines if it must; a long one in smaller type.
    const qreal rightX = titleWidth + sheet.mm(4);
    const qreal rightWidth = sheet.width() - rightX;
    QFont workshopFont = sheet.font(11, true);
    if (sheet.textHeight(workshop, workshopFont, rightWidth) >
        2.2 * QFontMetricsF(workshopFont, p.device()).height())
        workshopFont = sheet.font(9, true);
    const qreal workshopHeight =
        sheet.paragraph(workshop, workshopFont, rightX, rightWidth, ink, Qt::AlignRight);
    sheet.advance(workshopHeight);
    const qreal dateHeight =
        sheet.paragraph(date, small, rightX, rightWidth, muted, Qt::AlignRight);
    sheet.advance(-workshopHeight);
    sheet.advance(std::max({titleHeight, workshopHeight + dateHeight, sheet.mm(10)}) + sheet.mm(2));
    p.setPen(QPen(accent, sheet.mm(0.7)));
    p.drawLine(QPointF(sheet.left(), sheet.y()), QPointF(sheet.left() + sheet.width(), sheet.y()));
    sheet.advance(sheet.mm(2));
}

void drawJobDetails(SheetPainter& sheet, const JobDetails& job) {
    sheet.heading(InstructionSheet::tr("Job"));
    const QFont label = sheet.font(8.5, false);
    const QFont value = sheet.font(10, true);
    const struct {
        QString name;
        QString text;
    } fields[] = {
        {InstructionSheet::tr("Customer"), job.customer},
        {InstructionSheet::tr("Registration"), job.registration},
        {InstructionSheet::tr("VIN"), job.vin},
        {InstructionSheet::tr("Technician"), job.technician},
    };
    const qreal column = sheet.width() / 2;
    // As wide as the longest label needs in this language ("Şasi numarası (VIN)"), so no
    // label runs into its value.
    QStringList names;
    for (const char* name : {"Customer", "Registration", "VIN", "Technician", "Notes"})
        names << everyTranslation(name);
    const qreal labelWidth = sheet.labelWidth(names, label, sheet.mm(18), column * 0.42);
    const qreal valueWidth = column - labelWidth - sheet.mm(3);
    for (int row = 0; row < 2; ++row) {
        qreal rowHeight = 0;
        for (int col = 0; col < 2; ++col) {
            const auto& field = fields[row * 2 + col];
            rowHeight =
                std::max({rowHeight, sheet.textHeight(field.name, label, labelWidth - sheet.mm(1)),
                          sheet.textHeight(orBlank(field.text), value, valueWidth)});
        }
        sheet.ensureSpace(rowHeight + sheet.mm(1.5));
        for (int col = 0; col < 2; ++col) {
            const auto& field = fields[row * 2 + col];
            sheet.paragraph(field.name, label, col * column, labelWidth - sheet.mm(1), muted);
            sheet.paragraph(orBlank(field.text), value, col * column + labelWidth, valueWidth);
        }
        sheet.advance(rowHeight + sheet.mm(1.5));
    }
    if (!job.notes.isEmpty()) {
        sheet.flowing(job.notes, sheet.font(9.5), labelWidth, sheet.width() - labelWidth, ink, [&] {
            sheet.paragraph(InstructionSheet::tr("Notes"), label, 0, labelWidth - sheet.mm(1),
                            muted);
        });
        sheet.advance(sheet.mm(1));
    }
}

// The annotations as text, where and as large as the drawing (scaled into `target`) has them.
void drawNotes(SheetPainter& sheet, const QList<LabelDrawing::Note>& notes, const QRectF& target,
               const QRectF& viewBox) {
    if (viewBox.isEmpty())
        return;
    QPainter& p = sheet.painter();
    const qreal scale = target.width() / viewBox.width();
    for (const LabelDrawing::Note& note : notes) {
        // Drawing units to device pixels to points.
        const QFont f = page::font(note.size * scale * 72.0 / sheet.dpi(), note.bold);
        const qreal advance = QFontMetricsF(f, p.device()).horizontalAdvance(note.text);
        QPointF at = target.topLeft() + (note.position - viewBox.topLeft()) * scale;
        if (note.anchor == Qt::AlignHCenter)
            at.rx() -= advance / 2;
        else if (note.anchor == Qt::AlignRight)
            at.rx() -= advance;
        p.setFont(f);
        p.setPen(note.colour.isValid() ? note.colour : ink);
        p.drawText(at, note.text);
    }
}

// Radio facts on the left, the label drawing on the right, the code boxes below the facts.
// The photo of the real label, small, with the serial framed where it was read, so a code
// refused later can be checked against what the label says. Returns the bottom of the box.
qreal drawLabelPhoto(SheetPainter& sheet, const LabelPhoto& photo, const QRectF& room) {
    if (photo.isNull())
        return room.top();
    QImage picture = photo.printedImage();
    if (picture.isNull())
        return room.top();
    QPainter& p = sheet.painter();
    const qreal titleHeight = sheet.mm(4.5);
    const QSizeF size =
        QSizeF(picture.size())
            .scaled(room.width(), room.height() - titleHeight - sheet.mm(5), Qt::KeepAspectRatio);
    const QRectF target(room.left() + (room.width() - size.width()) / 2, room.top() + titleHeight,
                        size.width(), size.height());
    // About 300 dpi on paper is plenty for a label and keeps the PDF small.
    const int pixels = std::min(picture.width(), int(size.width() / sheet.dpi() * 300) + 1);
    if (pixels < picture.width())
        picture = picture.scaledToWidth(pixels, Qt::SmoothTransformation);
    p.setFont(sheet.font(8, true));
    p.setPen(ink);
    p.drawText(QRectF(room.left(), room.top(), room.width(), titleHeight),
               Qt::AlignLeft | Qt::AlignTop, InstructionSheet::tr("Label photo"));
    p.drawImage(target, picture);
    p.setPen(QPen(rule, sheet.mm(0.3)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(target);
    p.setFont(sheet.font(7.5));
    p.setPen(muted);
    const QString caption =
        photo.serialRead.isEmpty()
            ? InstructionSheet::tr("Taken %1")
                  .arg(QLocale().toString(photo.takenAt.toLocalTime().date(), QLocale::ShortFormat))
            : InstructionSheet::tr("Serial read off it: %1").arg(photo.serialRead);
    p.drawText(QRectF(room.left(), target.bottom() + sheet.mm(1), room.width(), sheet.mm(4)),
               Qt::AlignHCenter | Qt::AlignTop, caption);
    return target.bottom() + sheet.mm(6);
}

void drawRadioAndCode(SheetPainter& sheet, const SheetContent& content) {
    const LookupResult& result = content.result;
    const Recognition& recognition = result.recognition;
    // The heading goes with its section: never alone at the foot of a page.
    sheet.ensureSpace(sheet.mm(content.labelPhoto.isNull() ? 60 : 110));
    sheet.heading(InstructionSheet::tr("Radio and code"));
    QPainter& p = sheet.painter();
    const qreal top = sheet.y();
    const QFont label = sheet.font(8.5);
    const QFont value = sheet.font(11, true);
    const qreal factsWidth = sheet.width() * 0.58;
    const qreal labelWidth =
        sheet.labelWidth(everyTranslation("Radio") + everyTranslation("Serial"), label,
                         sheet.mm(18), factsWidth * 0.45);

    auto fact = [&](const QString& name, const QString& text, const QFont& f) {
        const qreal nameHeight = sheet.paragraph(name, label, 0, labelWidth - sheet.mm(1), muted);
        sheet.advance(
            std::max(nameHeight, sheet.paragraph(text, f, labelWidth, factsWidth - labelWidth)) +
            sheet.mm(1.2));
    };
    const QString family =
        recognition.family ? Texts::familyName(*recognition.family) : QStringLiteral("—");
    fact(InstructionSheet::tr("Radio"), family, value);
    fact(InstructionSheet::tr("Serial"), Texts::fromUtf8(recognition.serial),
         sheet.font(12, true, true));
    if (!recognition.partNumber.empty()) {
        const QString partNumber = Texts::partNumberDisplay(recognition.partNumber);
        fact(InstructionSheet::tr("Part number"),
             recognition.partNumberAgrees
                 ? InstructionSheet::tr("%1 (agrees with the serial)").arg(partNumber)
                 : partNumber,
             value);
    }
    // What the technician must know about how the serial was read.
    QStringList readingNotes;
    if (recognition.state == InputState::Unchecked)
        readingNotes << (result.answer ? Texts::uncheckedNote(result)
                                       : InstructionSheet::tr("Unchecked serial: no rule knows "
                                                              "this label form."));
    if (recognition.readings.size() > 1)
        readingNotes << Texts::readings(recognition);
    if (const QString reading = Texts::recordedReading(result); !reading.isEmpty())
        readingNotes << reading;
    if (!readingNotes.isEmpty())
        sheet.advance(sheet.paragraph(readingNotes.join(QLatin1Char(' ')), sheet.font(8.5),
                                      labelWidth, factsWidth - labelWidth,
                                      recognition.state == InputState::Unchecked
                                          ? QColor(0x8a, 0x1c, 0x1c)
                                          : ink) +
                      sheet.mm(1.2));

    // The code in four boxes; empty boxes to fill in by hand when there is no code.
    sheet.advance(sheet.mm(1.5));
    const qreal box = sheet.mm(15);
    const qreal gap = sheet.mm(3);
    const bool hasCode = result.status == LookupStatus::Ok && result.answer;
    const QString code = hasCode ? Texts::fromUtf8(result.answer->code) : QString();
    QFont digitFont = sheet.font(30, true, true);
    for (int i = 0; i < 4; ++i) {
        const QRectF rect(sheet.left() + i * (box + gap), sheet.y(), box, box * 1.15);
        p.setPen(QPen(ink, sheet.mm(0.6)));
        p.setBrush(Qt::white);
        p.drawRoundedRect(rect, sheet.mm(1.5), sheet.mm(1.5));
        if (hasCode && i < code.size()) {
            p.setFont(digitFont);
            p.setPen(ink);
            p.drawText(rect, Qt::AlignCenter, code.mid(i, 1));
        }
    }
    sheet.advance(box * 1.15 + sheet.mm(2));
    const QString origin =
        hasCode ? Texts::sourceDescription(result.answer->source) : Texts::noCodeReason(result);
    sheet.advance(sheet.paragraph(
        hasCode ? InstructionSheet::tr("Source: %1").arg(origin)
                : InstructionSheet::tr("No code could be given: %1 Write it in the boxes once "
                                       "it is known.")
                      .arg(origin),
        sheet.font(8.5), 0, factsWidth, hasCode ? ink : QColor(0x8a, 0x1c, 0x1c)));
    // A code refused on a radio before: the person at the radio reads it before any try.
    if (hasCode && result.answer->wasRefused())
        sheet.advance(sheet.mm(1.2) + sheet.paragraph(Texts::refusedWarning(*result.answer),
                                                      sheet.font(9, true), 0, factsWidth,
                                                      QColor(0x8a, 0x1c, 0x1c)));

    // A small copy of the label drawing, serial area highlighted.
    qreal labelBottom = top;
    if (recognition.family) {
        QByteArray drawing = LabelDrawing::svg(*recognition.family);
        const QList<LabelDrawing::Note> notes = LabelDrawing::takeNotes(drawing);
        QSvgRenderer renderer(drawing);
        if (renderer.isValid()) {
            const qreal w = sheet.width() - factsWidth - sheet.mm(4);
            const QSizeF size = renderer.defaultSize();
            const qreal h = w * size.height() / size.width();
            const QRectF target(sheet.left() + factsWidth + sheet.mm(4), top, w, h);
            renderer.render(&p, target);
            drawNotes(sheet, notes, target, renderer.viewBoxF());
            p.setFont(sheet.font(7.5));
            p.setPen(muted);
            p.drawText(QRectF(target.left(), target.bottom() + sheet.mm(1), w, sheet.mm(5)),
                       Qt::AlignHCenter | Qt::AlignTop,
                       InstructionSheet::tr("Where the serial is on the label"));
            labelBottom = target.bottom() + sheet.mm(6);
        }
    }
    labelBottom = drawLabelPhoto(sheet, content.labelPhoto,
                                 QRectF(sheet.left() + factsWidth + sheet.mm(4), labelBottom,
                                        sheet.width() - factsWidth - sheet.mm(4), sheet.mm(42)));
    if (sheet.y() < labelBottom)
        sheet.advance(labelBottom - sheet.y());
}

void drawSteps(SheetPainter& sheet, const SheetContent& content) {
    const LookupResult& result = content.result;
    const Family family = result.recognition.family.value_or(Family::Renault);
    const bool hasCode = result.status == LookupStatus::Ok && result.answer;
    const EntryProcedure& procedure = entryProcedure(family);
    const std::optional<DigitSteps> digits =
        hasCode ? digitStepsFor(family, result.answer->code) : std::nullopt;
    sheet.heading(InstructionSheet::tr("Enter the code on the radio"));
    const QFont f = sheet.font(10);
    int number = 1;
    for (std::size_t i = 0; i < procedure.digitButtons.size(); ++i) {
        // Without a code the steps name the digit's place, for the code written in by hand.
        const QString text =
            digits ? Texts::digitStep((*digits)[i])
                   : InstructionSheet::tr("Press station button %1 until digit %1 of the code "
                                          "shows on the display.")
                         .arg(procedure.digitButtons[i]);
        sheet.numbered(QStringLiteral("%1.").arg(number++), text, f);
    }
    sheet.numbered(QStringLiteral("%1.").arg(number), Texts::confirmStep(procedure),
                   sheet.font(10, true));

    sheet.heading(InstructionSheet::tr("Cautions"));
    for (const Caution caution : procedure.cautions) {
        const QString text = Texts::caution(caution);
        const QFont cf = sheet.font(9.5);
        const qreal indent = sheet.mm(8);
        const qreal h = sheet.textHeight(text, cf, sheet.width() - indent);
        sheet.ensureSpace(h + sheet.mm(1.5));
        QPainter& p = sheet.painter();
        // A small warning triangle, drawn so it prints the same everywhere.
        const qreal s = sheet.mm(3.6);
        const QPointF origin(sheet.left() + sheet.mm(1), sheet.y() + sheet.mm(0.4));
        QPainterPath triangle;
        triangle.moveTo(origin + QPointF(s / 2, 0));
        triangle.lineTo(origin + QPointF(s, s));
        triangle.lineTo(origin + QPointF(0, s));
        triangle.closeSubpath();
        p.setPen(QPen(ink, sheet.mm(0.25)));
        p.setBrush(QColor(0xf9, 0xab, 0x00));
        p.drawPath(triangle);
        p.setFont(sheet.font(6.5, true));
        p.drawText(QRectF(origin + QPointF(0, s * 0.2), QSizeF(s, s * 0.8)), Qt::AlignCenter,
                   QStringLiteral("!"));
        p.setBrush(Qt::NoBrush);
        sheet.advance(sheet.paragraph(text, cf, indent, sheet.width() - indent) + sheet.mm(1.5));
    }
}

void drawNextSteps(SheetPainter& sheet, const SheetContent& content) {
    const QStringList next = Texts::noCodeNextSteps(content.result);
    if (next.isEmpty())
        return;
    sheet.heading(InstructionSheet::tr("What to do next"));
    int number = 1;
    for (const QString& step : next)
        sheet.numbered(QStringLiteral("%1.").arg(number++), step, sheet.font(10));
}

void drawTroubleshooting(SheetPainter& sheet) {
    sheet.heading(InstructionSheet::tr("If the radio refuses the code"));
    // Two columns: the four items fit beside each other and the sheet stays on one page.
    const QFont bold = sheet.font(9.5, true);
    const QFont f = sheet.font(9);
    const qreal gutter = sheet.mm(6);
    const qreal column = (sheet.width() - gutter) / 2;
    for (std::size_t row = 0; row < troubleshootingItems.size(); row += 2) {
        qreal rowHeight = 0;
        for (std::size_t col = 0; col < 2 && row + col < troubleshootingItems.size(); ++col) {
            const TroubleshootingItem item = troubleshootingItems[row + col];
            rowHeight = std::max(rowHeight,
                                 sheet.textHeight(Texts::troubleshootingTitle(item), bold, column) +
                                     sheet.textHeight(Texts::troubleshootingText(item), f, column));
        }
        sheet.ensureSpace(rowHeight + sheet.mm(2));
        for (std::size_t col = 0; col < 2 && row + col < troubleshootingItems.size(); ++col) {
            const TroubleshootingItem item = troubleshootingItems[row + col];
            const qreal x = col * (column + gutter);
            const qreal titleHeight =
                sheet.paragraph(Texts::troubleshootingTitle(item), bold, x, column);
            sheet.advance(titleHeight);
            sheet.paragraph(Texts::troubleshootingText(item), f, x, column, muted);
            sheet.advance(-titleHeight);
        }
        sheet.advance(rowHeight + sheet.mm(2));
    }
}

} // namespace

QString InstructionSheet::printableText(const QString& text) {
    const auto isEmoji = [](char32_t c) {
        return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x1FC00 && c <= 0x1FFFF);
    };
    const auto isEmojiModifier = [](char32_t c) {
        return c == 0xFE0F || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF) ||
               (c >= 0xE0020 && c <= 0xE007F);
    };
    const QList<uint> codePoints = text.toUcs4();
    if (std::none_of(codePoints.begin(), codePoints.end(),
                     [&](uint c) { return isEmoji(c) || isEmojiModifier(c); }))
        return text;
    QString result;
    bool inEmoji = false;
    for (const uint c : codePoints) {
        if (isEmoji(c) || (inEmoji && isEmojiModifier(c))) {
            if (!inEmoji && !(isEmoji(c) && c >= 0x1F3FB && c <= 0x1F3FF))
                result += QChar(0x25A1); // □
            inEmoji = true;
            continue;
        }
        inEmoji = false;
        if (c == 0xFE0F)
            continue; // emoji presentation of a plain symbol (★️): the plain one it is
        result += QString::fromUcs4(reinterpret_cast<const char32_t*>(&c), 1);
    }
    return result;
}

QString InstructionSheet::title() {
    return tr("Radio code instruction sheet");
}

namespace {

void drawSheet(SheetPainter& sheet, const SheetContent& content) {
    const LookupResult& result = content.result;
    const QString serial = Texts::fromUtf8(result.recognition.serial);
    sheet.setFooterNote(
        result.status == LookupStatus::Ok && result.answer
            ? InstructionSheet::tr("%1 · Code %2").arg(serial, Texts::fromUtf8(result.answer->code))
            : InstructionSheet::tr("%1 · no code yet").arg(serial));
    drawHeader(sheet, content);
    drawJobDetails(sheet, content.job);
    drawRadioAndCode(sheet, content);
    drawSteps(sheet, content);
    drawNextSteps(sheet, content);
    drawTroubleshooting(sheet);
    sheet.footer();
}

// The pages the sheet needs at `scale`, measured without touching the device's pages.
int pagesNeeded(QPagedPaintDevice& device, const SheetContent& content, qreal scale) {
    QImage scratch(1, 1, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&scratch);
    SheetPainter sheet(device, painter, scale, true);
    drawSheet(sheet, content);
    return sheet.pageCount();
}

} // namespace

bool InstructionSheet::render(QPagedPaintDevice& device, const SheetContent& content) {
    // One page is what a technician takes to the car: shrink a little for long translations
    // or long notes, but never below a readable size (then a second page it is).
    // Long notes need more pages anyway: then the full size.
    qreal scale = 1.0;
    for (const qreal candidate : {1.0, 0.94, 0.88, 0.82, 0.76}) {
        if (pagesNeeded(device, content, candidate) == 1) {
            scale = candidate;
            break;
        }
    }
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    SheetPainter sheet(device, painter, scale);
    drawSheet(sheet, content);
    return painter.end();
}

bool InstructionSheet::writePdf(const QString& path, const SheetContent& content, PaperSize paper,
                                QString* error) {
    return writePdf(path, content, format(paper), error);
}

QPageLayout InstructionSheet::pageLayout(SheetFormat format) {
    switch (format) {
    case SheetFormat::Card:
    case SheetFormat::Label62:
        return codeCardLayout(format);
    case SheetFormat::A4:
    case SheetFormat::Letter:
        break;
    }
    return QPageLayout(pageSize(format == SheetFormat::Letter ? PaperSize::Letter : PaperSize::A4),
                       QPageLayout::Portrait, QMarginsF(15, 14, 15, 12), QPageLayout::Millimeter);
}

bool InstructionSheet::render(QPagedPaintDevice& device, const SheetContent& content,
                              SheetFormat format) {
    return isCodeCard(format) ? renderCodeCard(device, content) : render(device, content);
}

QByteArray InstructionSheet::pdf(const SheetContent& content, SheetFormat format,
                                 const std::optional<QPageLayout>& layout, QString* error) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        writer.setPageLayout(layout ? *layout : pageLayout(format));
        writer.setTitle(isCodeCard(format) ? tr("Radio code card") : title());
        writer.setCreator(
            QStringLiteral("Nissan Radio Code Finder %1").arg(QStringLiteral(RADIOCODE_VERSION)));
        if (!render(writer, content, format)) {
            if (error)
                *error = tr("The sheet could not be drawn.");
            return {};
        }
    }
    return buffer.data();
}

bool InstructionSheet::writePdf(const QString& path, const SheetContent& content,
                                SheetFormat format, QString* error) {
    QFile file(path);
    const auto failed = [&] {
        if (error)
            *error = tr("Cannot write %1: %2")
                         .arg(QFileInfo(path).absoluteFilePath(), file.errorString());
        return false;
    };
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failed();
    if (!writePdf(file, content, format, error))
        return false;
    file.close();
    if (file.error() != QFileDevice::NoError)
        return failed();
    return true;
}

bool InstructionSheet::writePdf(QIODevice& device, const SheetContent& content, SheetFormat format,
                                QString* error) {
    const QByteArray bytes = pdf(content, format, std::nullopt, error);
    if (bytes.isEmpty())
        return false;
    if (device.write(bytes) != bytes.size()) {
        if (error)
            *error = tr("The sheet could not be written: %1").arg(device.errorString());
        return false;
    }
    return true;
}

std::optional<SheetFormat> InstructionSheet::formatFromName(const QString& name) {
    const QString lower = name.trimmed().toLower();
    for (const SheetFormat format :
         {SheetFormat::A4, SheetFormat::Letter, SheetFormat::Card, SheetFormat::Label62})
        if (lower == formatName(format))
            return format;
    return std::nullopt;
}

QString InstructionSheet::formatName(SheetFormat format) {
    switch (format) {
    case SheetFormat::A4:
        return QStringLiteral("a4");
    case SheetFormat::Letter:
        return QStringLiteral("letter");
    case SheetFormat::Card:
        return QStringLiteral("card");
    case SheetFormat::Label62:
        return QStringLiteral("label62");
    }
    return QStringLiteral("a4");
}

QString InstructionSheet::savedWorkshopName() {
    return Settings::value(Settings::workshopName);
}

void InstructionSheet::saveWorkshopName(const QString& name) {
    Settings::setValue(Settings::workshopName, name.trimmed());
}

PaperSize InstructionSheet::savedPaper() {
    const auto saved = paperFromName(Settings::value(Settings::paper));
    return saved ? *saved : defaultPaper();
}

void InstructionSheet::savePaper(PaperSize paper) {
    Settings::setValue(Settings::paper, paper == PaperSize::Letter ? QStringLiteral("letter")
                                                                   : QStringLiteral("a4"));
}

QPageSize InstructionSheet::pageSize(PaperSize paper) {
    return QPageSize(paper == PaperSize::Letter ? QPageSize::Letter : QPageSize::A4);
}

std::optional<PaperSize> InstructionSheet::paperFromName(const QString& name) {
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("a4"))
        return PaperSize::A4;
    if (lower == QLatin1String("letter"))
        return PaperSize::Letter;
    return std::nullopt;
}

PaperSize InstructionSheet::defaultPaper() {
    const QLocale::Territory territory = QLocale::system().territory();
    return territory == QLocale::UnitedStates || territory == QLocale::Canada ? PaperSize::Letter
                                                                              : PaperSize::A4;
}

} // namespace radiocode
