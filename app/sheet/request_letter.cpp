#include "sheet/request_letter.h"

#include "common/settings.h"
#include "common/texts.h"
#include "sheet/page_style.h"

#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace radiocode {
namespace {

using page::accent;
using page::ink;
using page::muted;

// Written by hand where nothing was given: long enough for a VIN in handwriting.
const QString blank = QStringLiteral("______________________________");

// Top to bottom on one page, sizes in millimetres and points.
class LetterPainter {
public:
    LetterPainter(QPagedPaintDevice& device, QPainter& painter)
        : device_(device), painter_(painter), dpi_(device.logicalDpiY()),
          page_(0, 0, device.width(), device.height()) {}

    qreal mm(qreal millimetres) const { return millimetres * dpi_ / 25.4; }

    QFont font(qreal points, bool bold = false) const { return page::font(points, bold); }

    void newPageIfNeeded(qreal height) {
        if (y_ + height <= page_.bottom() || y_ <= page_.top())
            return;
        device_.newPage();
        y_ = page_.top();
    }

    void text(const QString& text, const QFont& f, qreal indent = 0, const QColor& colour = ink) {
        const qreal w = page_.width() - indent;
        const qreal h = QFontMetricsF(f, &device_)
                            .boundingRect(QRectF(0, 0, w, 1e6), Qt::TextWordWrap, text)
                            .height();
        newPageIfNeeded(h);
        painter_.setFont(f);
        painter_.setPen(colour);
        painter_.drawText(QRectF(page_.left() + indent, y_, w, h), Qt::TextWordWrap, text);
        y_ += h;
    }

    void heading(const QString& title) {
        y_ += mm(4);
        text(title, font(11.5, true), 0, accent);
        painter_.setPen(QPen(muted, mm(0.25)));
        painter_.drawLine(QPointF(page_.left(), y_ + mm(0.6)),
                          QPointF(page_.right(), y_ + mm(0.6)));
        y_ += mm(2);
    }

    // "Label: value", or the label and a line to write on.
    void field(const QString& label, const QString& value) {
        const QFont labelFont = font(10);
        const QFont valueFont = font(10, !value.trimmed().isEmpty());
        const qreal labelWidth = mm(62);
        const QString shown = value.trimmed().isEmpty() ? blank : value.trimmed();
        const qreal h = std::max(QFontMetricsF(labelFont, &device_).height(),
                                 QFontMetricsF(valueFont, &device_)
                                     .boundingRect(QRectF(0, 0, page_.width() - labelWidth, 1e6),
                                                   Qt::TextWordWrap, shown)
                                     .height());
        newPageIfNeeded(h + mm(2.5));
        painter_.setFont(labelFont);
        painter_.setPen(muted);
        painter_.drawText(QRectF(page_.left(), y_, labelWidth, h), Qt::AlignLeft, label);
        painter_.setFont(valueFont);
        painter_.setPen(ink);
        painter_.drawText(QRectF(page_.left() + labelWidth, y_, page_.width() - labelWidth, h),
                          Qt::TextWordWrap, shown);
        y_ += h + mm(2.5);
    }

    // A box to tick and the item beside it.
    void checkItem(const QString& item) {
        const QFont f = font(10);
        const qreal box = mm(4);
        const qreal h = std::max(box, QFontMetricsF(f, &device_).height());
        newPageIfNeeded(h + mm(2));
        painter_.setPen(QPen(ink, mm(0.3)));
        painter_.setBrush(Qt::NoBrush);
        painter_.drawRect(QRectF(page_.left() + mm(2), y_ + (h - box) / 2, box, box));
        painter_.setFont(f);
        painter_.drawText(QRectF(page_.left() + mm(9), y_, page_.width() - mm(9), h),
                          Qt::AlignVCenter, item);
        y_ += h + mm(2);
    }

    void image(const QImage& picture, qreal maxHeightMm) {
        if (picture.isNull())
            return;
        const qreal maxHeight = mm(maxHeightMm);
        const qreal maxWidth = page_.width() * 0.6;
        const qreal scale = std::min(maxHeight / picture.height(), maxWidth / picture.width());
        const QSizeF size(picture.width() * scale, picture.height() * scale);
        newPageIfNeeded(size.height() + mm(2));
        painter_.drawImage(QRectF(QPointF(page_.left(), y_), size), picture);
        y_ += size.height() + mm(2);
    }

    void space(qreal millimetres) { y_ += mm(millimetres); }

private:
    QPagedPaintDevice& device_;
    QPainter& painter_;
    qreal dpi_;
    QRectF page_;
    qreal y_ = 0;
};

void drawLetter(LetterPainter& letter, const RequestContent& content) {
    const WorkshopDetails& workshop = content.workshop;
    // The sender, as on any letter: what the settings hold, else lines to fill in.
    letter.text(workshop.name.trimmed().isEmpty() ? RequestLetter::tr("Workshop: %1").arg(blank)
                                                  : workshop.name.trimmed(),
                letter.font(13, true));
    letter.text(workshop.address.trimmed().isEmpty() ? RequestLetter::tr("Address: %1").arg(blank)
                                                     : workshop.address.trimmed(),
                letter.font(10));
    letter.text(workshop.contact.trimmed().isEmpty() ? RequestLetter::tr("Contact: %1").arg(blank)
                                                     : workshop.contact.trimmed(),
                letter.font(10));
    letter.space(6);
    letter.field(RequestLetter::tr("To:"), content.recipient);
    letter.field(RequestLetter::tr("Date:"),
                 content.date.isValid() ? QLocale().toString(content.date, QLocale::LongFormat)
                                        : QString());
    if (!content.reference.isEmpty())
        letter.field(RequestLetter::tr("Our reference:"), content.reference);
    letter.space(2);
    letter.text(RequestLetter::title(), letter.font(16, true), 0, accent);
    letter.space(2);
    letter.text(RequestLetter::tr(
                    "The radio of the vehicle below asks for its security code and no code is on "
                    "record for it. Please send us the code for this radio. The owner has "
                    "signed below, and the proof of ownership ticked below is enclosed."),
                letter.font(10));

    letter.heading(RequestLetter::tr("Vehicle"));
    letter.field(RequestLetter::tr("Make:"), QStringLiteral("Nissan"));
    letter.field(RequestLetter::tr("VIN (chassis number):"), content.vin);
    letter.field(RequestLetter::tr("Registration:"), content.registration);
    letter.field(RequestLetter::tr("Owner:"), content.owner);

    letter.heading(RequestLetter::tr("Radio"));
    letter.field(RequestLetter::tr("Brand:"), Texts::familyName(content.family));
    letter.field(RequestLetter::tr("Serial number:"), content.serial);
    if (content.family == Family::Blaupunkt)
        letter.field(RequestLetter::tr("Part number (7 6…):"), content.partNumber);
    else if (!content.partNumber.trimmed().isEmpty())
        letter.field(RequestLetter::tr("Part number:"), content.partNumber);
    if (!content.labelPhoto.isNull()) {
        letter.text(RequestLetter::tr("Photo of the radio's label:"), letter.font(10), 0, muted);
        letter.image(content.labelPhoto, 45);
    }

    letter.heading(RequestLetter::tr("Proof of ownership enclosed"));
    letter.checkItem(RequestLetter::tr("Vehicle registration document (copy)"));
    letter.checkItem(RequestLetter::tr("Owner's identity document (copy)"));
    letter.checkItem(RequestLetter::tr("Purchase invoice for the vehicle or the radio (copy)"));

    letter.heading(RequestLetter::tr("Owner's declaration"));
    letter.text(RequestLetter::tr(
                    "I confirm that I own this vehicle and its radio, and I ask for the radio's "
                    "security code to be given to the workshop named above."),
                letter.font(10));
    letter.space(8);
    letter.field(RequestLetter::tr("Owner's name:"), content.owner);
    letter.field(RequestLetter::tr("Owner's signature:"), QString());
    letter.field(RequestLetter::tr("Place and date:"), QString());
    letter.space(4);
    letter.field(RequestLetter::tr("Workshop's stamp and signature:"), QString());
}

} // namespace

WorkshopDetails WorkshopDetails::saved() {
    return {InstructionSheet::savedWorkshopName(), Settings::value(Settings::workshopAddress),
            Settings::value(Settings::workshopContact)};
}

void WorkshopDetails::save() const {
    InstructionSheet::saveWorkshopName(name);
    Settings::setValue(Settings::workshopAddress, address.trimmed());
    Settings::setValue(Settings::workshopContact, contact.trimmed());
}

int savedReminderDays() {
    const int days = Settings::value(Settings::reminderDays, defaultReminderDays);
    return days >= 0 ? days : defaultReminderDays;
}

void saveReminderDays(int days) {
    Settings::setValue(Settings::reminderDays, std::max(days, 0));
}

QString RequestLetter::partNumberProblem(const QString& given, Family family,
                                         const QString& serial) {
    QString digits = given;
    digits.remove(QLatin1Char(' ')).remove(QLatin1Char('-')).remove(QLatin1Char('.'));
    if (family != Family::Blaupunkt || digits.isEmpty())
        return {};
    const bool allDigits = std::all_of(digits.begin(), digits.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
    if (!allDigits || digits.size() != 10 || !digits.startsWith(QLatin1String("76")))
        return tr("A Blaupunkt part number has 10 digits starting with 7 6 (“7 645 384 318”); "
                  "“%1” is not one.")
            .arg(given);
    if (digits.mid(3, 4) != serial.mid(2, 4))
        return tr("The part number %1 does not belong to the serial %2: its 4th to 7th digits (%3) "
                  "must be the serial's 3rd to 6th characters (%4). One of them was misread: "
                  "check the label.")
            .arg(given, serial, digits.mid(3, 4), serial.mid(2, 4));
    return {};
}

QString RequestLetter::title() {
    return tr("Request for a radio security code");
}

bool RequestLetter::render(QPagedPaintDevice& device, const RequestContent& content) {
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    LetterPainter letter(device, painter);
    drawLetter(letter, content);
    return painter.end();
}

bool RequestLetter::writePdf(const QString& path, const RequestContent& content, PaperSize paper,
                             QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("Cannot write %1: %2")
                         .arg(QFileInfo(path).absoluteFilePath(), file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageSize(InstructionSheet::pageSize(paper));
        writer.setPageMargins(QMarginsF(20, 16, 20, 14), QPageLayout::Millimeter);
        writer.setTitle(title());
        writer.setCreator(
            QStringLiteral("Nissan Radio Code Finder %1").arg(QStringLiteral(RADIOCODE_VERSION)));
        if (!render(writer, content)) {
            if (error)
                *error = tr("The request could not be drawn.");
            return false;
        }
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = tr("Cannot write %1: %2")
                         .arg(QFileInfo(path).absoluteFilePath(), file.errorString());
        return false;
    }
    return true;
}

} // namespace radiocode
