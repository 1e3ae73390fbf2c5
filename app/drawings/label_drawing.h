// Our own drawings of each family's label, with our annotations (the <text id="note-…">
// elements) in the current language. The pages of the desktop program, the instruction sheet
// and the request letter all show them, so they live below all three.
#pragma once

#include "radiocode/families.h"

#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QPixmap>
#include <QPointF>
#include <QSize>
#include <QString>

namespace radiocode {

class LabelDrawing {
    // The notes are translated under the sheet's context: the sheet printed them first, and
    // the translators know them there.
    Q_DECLARE_TR_FUNCTIONS(InstructionSheet)

public:
    // The drawing in the resources (":/labels/visteon.svg").
    static QString resourcePath(Family family);

    // The drawing as SVG bytes with our annotations in the current language, their type made
    // smaller where a translation is too long for its place. What is printed on the real label
    // stays as drawn. Empty if the resource is missing.
    static QByteArray svg(Family family);

    // The same drawing as a pixmap of `size` logical pixels for a screen of the given ratio.
    static QPixmap pixmap(Family family, const QSize& size, qreal devicePixelRatio);

    // One of our annotations as the SVG places it.
    struct Note {
        QPointF position; // the baseline's anchor point, in the drawing's units
        qreal size = 12;
        bool bold = false;
        QColor colour; // invalid when the drawing gives none
        Qt::Alignment anchor = Qt::AlignLeft;
        QString text;
    };

    // Takes the text out of our annotations in `svg` (as svg() made it) and returns it, so a PDF
    // can carry it as real text: QtSvg draws SVG text as outlines, which a PDF reader can
    // neither search nor read aloud. The elements stay, empty; the label's own print stays.
    static QList<Note> takeNotes(QByteArray& svg);
};

} // namespace radiocode
