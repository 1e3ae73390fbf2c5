#include "gui/widget_parts.h"

#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace radiocode::gui {

QLabel* makePageTitle(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("pageTitle"));
    QFont font = label->font();
    font.setPointSizeF(17);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel* makeParagraph(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QLineEdit* makeNamedLineEdit(const QString& objectName, const QString& text, QWidget* parent) {
    auto* edit = new QLineEdit(text, parent);
    edit->setObjectName(objectName);
    return edit;
}

QDialogButtonBox* makeDialogButtons(QDialog* dialog, QDialogButtonBox::StandardButtons buttons) {
    auto* box = new QDialogButtonBox(buttons, dialog);
    QObject::connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return box;
}

QHBoxLayout* makeButtonRow(std::initializer_list<QWidget*> buttons) {
    auto* row = new QHBoxLayout;
    for (QWidget* button : buttons)
        row->addWidget(button);
    row->addStretch(1);
    return row;
}

QVBoxLayout* layOutInColumn(QWidget* owner, std::initializer_list<ColumnPart> parts) {
    auto* layout = new QVBoxLayout(owner);
    for (const ColumnPart& part : parts) {
        if (QWidget* const* widget = std::get_if<QWidget*>(&part))
            layout->addWidget(*widget);
        else
            layout->addLayout(std::get<QLayout*>(part));
    }
    return layout;
}

} // namespace radiocode::gui
