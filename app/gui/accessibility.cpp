#include "gui/accessibility.h"

#include "common/texts.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QAction>
#include <QLineEdit>
#include <QToolButton>

namespace radiocode::gui {
namespace {

const char* const textRoleProperty = "radiocodeAccessibleText";

QAccessibleInterface* textRoleFactory(const QString&, QObject* object) {
    if (object && object->isWidgetType() && object->property(textRoleProperty).toBool())
        return new QAccessibleWidget(static_cast<QWidget*>(object), QAccessible::StaticText);
    return nullptr;
}

} // namespace

void Accessibility::nameClearButton(QLineEdit* edit) {
    const QString name = tr("Clear");
    const QString description = tr("Empties the field");
    // Qt's clear action and the small tool button it shows for it (hidden while empty).
    for (QAction* action : edit->findChildren<QAction*>(QString(), Qt::FindDirectChildrenOnly))
        if (action->objectName() == QLatin1String("_q_qlineeditclearaction"))
            action->setText(name);
    for (QToolButton* button :
         edit->findChildren<QToolButton*>(QString(), Qt::FindDirectChildrenOnly)) {
        QAction* action = button->defaultAction();
        if (!action || action->objectName() != QLatin1String("_q_qlineeditclearaction"))
            continue;
        if (button->accessibleName() != name)
            button->setAccessibleName(name);
        if (button->accessibleDescription() != description)
            button->setAccessibleDescription(description);
    }
}

QString Accessibility::labelDrawingName(Family family) {
    return tr("Drawing of the %1 label").arg(Texts::familyName(family));
}

QString Accessibility::labelDrawingDescription(Family family) {
    switch (family) {
    case Family::Blaupunkt:
        return tr("The serial, BP and 12 characters (for example BP53876 9672026), is highlighted "
                  "in orange at the bottom left, under the barcode and a 17-character line "
                  "starting 815CM. The part number, 10 digits starting 7 6, is at the top right.");
    case Family::Renault:
        return tr("The precode is highlighted in orange twice: as the last 4 characters of the "
                  "small text under the long barcode (…RTBT019), and large at the bottom left "
                  "(T019). Holding buttons 1 and 6 shows it on the display.");
    case Family::Becker:
        return tr("Two fields are highlighted in orange: Model No (BE and 4 digits, for example "
                  "BE 4757) and, below it, Serial No (8 digits, for example 35000375). Enter BE, "
                  "the model digits and the serial digits: BE475735000375.");
    case Family::Visteon:
        return tr("The serial, M and 6 digits (for example M123456), is highlighted in orange "
                  "at the top right, under the word SERIAL. Some units show it on the display "
                  "while buttons 1 and 6 are held.");
    }
    return {};
}

QString Accessibility::spokenCode(const QString& code) {
    QStringList digits;
    for (const QChar c : code)
        digits << QString(c);
    return tr("Code %1").arg(digits.join(QLatin1Char(' ')));
}

void Accessibility::exposeAsText(QWidget* widget) {
    static const bool installed = [] {
        QAccessible::installFactory(textRoleFactory);
        return true;
    }();
    Q_UNUSED(installed);
    widget->setProperty(textRoleProperty, true);
}

} // namespace radiocode::gui
