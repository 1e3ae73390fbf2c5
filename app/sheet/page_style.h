// What the sheet, the code card and the request letter share on paper: the colours and the font.
#pragma once

#include <QColor>
#include <QFont>
#include <QFontDatabase>
#include <QString>

namespace radiocode::page {

inline const QColor ink(0x11, 0x11, 0x11);
inline const QColor muted(0x55, 0x5b, 0x63);
inline const QColor accent(0x1d, 0x3f, 0x8f);

// DejaVu Sans (or the fixed-width system font) at `points`.
inline QFont font(qreal points, bool bold = false, bool mono = false) {
    QFont f = mono ? QFontDatabase::systemFont(QFontDatabase::FixedFont)
                   : QFont(QStringLiteral("DejaVu Sans"));
    if (!mono)
        f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    // No ligatures: "fi" must stay two letters for anyone who copies or searches the PDF.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

} // namespace radiocode::page
