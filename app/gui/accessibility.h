// What screen readers are told beyond the widgets' own texts: the names of Qt's built-in clear
// buttons, what each label drawing shows, the code as one spoken text, and a role for widgets
// that Qt would otherwise expose as an anonymous panel.
#pragma once

#include "radiocode/families.h"

#include <QCoreApplication>
#include <QString>

class QLineEdit;
class QWidget;

namespace radiocode::gui {

class Accessibility {
    Q_DECLARE_TR_FUNCTIONS(Accessibility)

public:
    // Names the clear button of `edit` (QLineEdit::setClearButtonEnabled), which Qt leaves
    // unnamed: a screen reader would say just "button". Call after enabling it, and again on
    // a language change.
    static void nameClearButton(QLineEdit* edit);
    // What the label drawing shows and where the serial is on it.
    static QString labelDrawingName(Family family);
    static QString labelDrawingDescription(Family family);
    // "Code 3 6 3 3": spaced, so that it is read digit by digit, not as a number.
    static QString spokenCode(const QString& code);
    // The widget is exposed as a static text (its accessible name is the text) instead of an
    // anonymous panel: for a composed display such as the code's four boxes.
    static void exposeAsText(QWidget* widget);
};

} // namespace radiocode::gui
