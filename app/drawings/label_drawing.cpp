#include "drawings/label_drawing.h"

#include "common/texts.h"

#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QRegularExpression>
#include <QStringList>
#include <QSvgRenderer>

#include <algorithm>
#include <optional>

namespace radiocode {

QString LabelDrawing::resourcePath(Family family) {
    return QStringLiteral(":/labels/%1.svg").arg(Texts::fromUtf8(familyId(family)));
}

namespace {

// One annotation of ours on a label drawing: its text (lines split at "\n" go to the elements
// "note-x", "note-x-2", …) and the width it may take in the drawing's units.
struct LabelNote {
    QString text;
    int lines = 1;
    qreal maxWidth = 0;
};

std::optional<LabelNote> labelNote(Family family, const QString& id) {
    const auto is = [&id](const char* name) { return id == QLatin1String(name); };
    switch (family) {
    case Family::Blaupunkt:
        if (is("note-serial"))
            //: Drawing of a Blaupunkt label; the arrow points at the serial. Keep it short.
            return LabelNote{LabelDrawing::tr("← SERIAL"), 1, 136};
        if (is("note-format"))
            //: Drawing of a Blaupunkt label, under "← SERIAL", two short lines (split at the
            //: line break).
            return LabelNote{LabelDrawing::tr("BP + 12 characters\n7th: digit or letter"), 2, 136};
        if (is("note-part"))
            //: Drawing of a Blaupunkt label; the arrow points at the part number. Very short.
            return LabelNote{LabelDrawing::tr("PART NO. →"), 1, 110};
        break;
    case Family::Renault:
        if (is("note-last4"))
            //: Drawing of a Renault label: the precode is the end of the barcode text.
            return LabelNote{LabelDrawing::tr("last 4 characters"), 1, 200};
        if (is("note-precode"))
            //: Drawing of a Renault label, beside the 4 highlighted characters. Very short.
            return LabelNote{LabelDrawing::tr("PRECODE"), 1, 82};
        if (is("note-hold"))
            //: Drawing of a Renault label, small print on two lines (split at the line break).
            return LabelNote{LabelDrawing::tr("or hold buttons 1 + 6\nto show it on the display"),
                             2, 180};
        break;
    case Family::Becker:
        if (is("note-model"))
            //: Drawing of a Becker label; the arrow points at the Model No. Short; a line
            //: break may put what does not fit on a second line.
            return LabelNote{LabelDrawing::tr("← model: 4 digits"), 2, 144};
        if (is("note-serial"))
            //: Drawing of a Becker label; the arrow points at the Serial No. Short; a line
            //: break may put what does not fit on a second line.
            return LabelNote{LabelDrawing::tr("← serial: 8 digits"), 2, 144};
        if (is("note-enter"))
            //: Drawing of a Becker label: what to type. %1 is the example serial.
            return LabelNote{LabelDrawing::tr("Enter: BE + model + serial → %1")
                                 .arg(QStringLiteral("BE475735000375")),
                             1, 376};
        break;
    case Family::Visteon:
        if (is("note-serial"))
            //: Drawing of a Visteon label, above the highlighted serial. Keep it short.
            return LabelNote{LabelDrawing::tr("SERIAL"), 1, 150};
        if (is("note-format"))
            //: Drawing of a Visteon label, two lines (split at the line break).
            return LabelNote{
                LabelDrawing::tr(
                    "M + 6 digits. Some units show it on the\ndisplay while buttons 1 and 6 "
                    "are held."),
                2, 376};
        break;
    }
    return std::nullopt;
}

// The share of the drawn font size at which every line of the note fits its width (1 when
// it fits, never below 0.6). Measuring needs fonts, so without a GUI application: 1.
qreal fittingScale(const QStringList& lines, const QString& openingTag, qreal maxWidth) {
    static const QRegularExpression fontSize(QStringLiteral(R"re(font-size="([0-9.]+)")re"));
    const QRegularExpressionMatch size = fontSize.match(openingTag);
    if (!qGuiApp || !size.hasMatch())
        return 1;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(100); // measured large, then scaled to the drawing's size
    font.setBold(openingTag.contains(QLatin1String(R"(font-weight="bold")")));
    const QFontMetricsF metrics(font);
    qreal widest = 0;
    for (const QString& line : lines)
        widest = std::max(widest, metrics.horizontalAdvance(line));
    const qreal width = widest * size.captured(1).toDouble() / 100;
    return width <= maxWidth ? 1 : std::max(0.6, maxWidth / width);
}

QString xmlEscaped(QString text) {
    return text.replace(QLatin1Char('&'), QLatin1String("&amp;"))
        .replace(QLatin1Char('<'), QLatin1String("&lt;"))
        .replace(QLatin1Char('>'), QLatin1String("&gt;"));
}

} // namespace

QByteArray LabelDrawing::svg(Family family) {
    QFile file(resourcePath(family));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString svg = QString::fromUtf8(file.readAll());
    // Our own drawings: each annotation is one <text id="note-…"> element with plain text.
    static const QRegularExpression noteElement(
        QStringLiteral(R"((<text\b[^>]*\bid="(note-[a-z0-9]+)(?:-([2-9]))?"[^>]*>)[^<]*</text>)"));
    static const QRegularExpression fontSize(QStringLiteral(R"re(font-size="([0-9.]+)")re"));
    QString result;
    result.reserve(svg.size() + 256);
    qsizetype copied = 0;
    for (const QRegularExpressionMatch& match : noteElement.globalMatch(svg)) {
        const std::optional<LabelNote> note = labelNote(family, match.captured(2));
        if (!note)
            continue; // unknown id: the English text stays
        QStringList lines = note->text.split(QLatin1Char('\n'));
        while (lines.size() > note->lines) // a translation with more lines than places
            lines[lines.size() - 2] += QLatin1Char(' ') + lines.takeLast();
        const int lineIndex = match.captured(3).isEmpty() ? 0 : match.captured(3).toInt() - 1;
        QString openingTag = match.captured(1);
        const qreal scale = fittingScale(lines, openingTag, note->maxWidth);
        if (scale < 1) {
            const QRegularExpressionMatch size = fontSize.match(openingTag);
            openingTag.replace(size.capturedStart(1), size.capturedLength(1),
                               QString::number(size.captured(1).toDouble() * scale, 'f', 1));
        }
        result += QStringView(svg).mid(copied, match.capturedStart() - copied);
        result += openingTag;
        result += xmlEscaped(lineIndex < lines.size() ? lines.at(lineIndex) : QString());
        result += QLatin1String("</text>");
        copied = match.capturedEnd();
    }
    result += QStringView(svg).mid(copied);
    return result.toUtf8();
}

QPixmap LabelDrawing::pixmap(Family family, const QSize& size, qreal devicePixelRatio) {
    QSvgRenderer renderer(svg(family));
    QPixmap image((QSizeF(size) * devicePixelRatio).toSize());
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    image.setDevicePixelRatio(devicePixelRatio);
    return image;
}

QList<LabelDrawing::Note> LabelDrawing::takeNotes(QByteArray& svg) {
    static const QRegularExpression noteElement(
        QStringLiteral(R"((<text\b[^>]*\bid="note-[a-z0-9-]+"[^>]*>)([^<]*)</text>)"));
    static const QRegularExpression attribute(QStringLiteral(R"re(([a-z-]+)="([^"]*)")re"));
    QString text = QString::fromUtf8(svg);
    QList<Note> notes;
    QString result;
    qsizetype copied = 0;
    for (const QRegularExpressionMatch& match : noteElement.globalMatch(text)) {
        Note note;
        for (const QRegularExpressionMatch& a : attribute.globalMatch(match.captured(1))) {
            const QString name = a.captured(1);
            const QString value = a.captured(2);
            if (name == QLatin1String("x"))
                note.position.setX(value.toDouble());
            else if (name == QLatin1String("y"))
                note.position.setY(value.toDouble());
            else if (name == QLatin1String("font-size"))
                note.size = value.toDouble();
            else if (name == QLatin1String("font-weight"))
                note.bold = value == QLatin1String("bold");
            else if (name == QLatin1String("fill"))
                note.colour = QColor(value);
            else if (name == QLatin1String("text-anchor"))
                note.anchor = value == QLatin1String("middle") ? Qt::AlignHCenter
                              : value == QLatin1String("end")  ? Qt::AlignRight
                                                               : Qt::AlignLeft;
        }
        note.text = match.captured(2)
                        .replace(QLatin1String("&lt;"), QLatin1String("<"))
                        .replace(QLatin1String("&gt;"), QLatin1String(">"))
                        .replace(QLatin1String("&amp;"), QLatin1String("&"));
        if (!note.text.trimmed().isEmpty())
            notes << note;
        result += QStringView(text).mid(copied, match.capturedStart(2) - copied);
        copied = match.capturedEnd(2);
    }
    result += QStringView(text).mid(copied);
    svg = result.toUtf8();
    return notes;
}

} // namespace radiocode
