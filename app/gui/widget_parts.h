// Parts the program's pages and dialogs are made of, so each says only what is its own.
#pragma once

#include <QDialogButtonBox>

#include <initializer_list>
#include <variant>

class QDialog;
class QHBoxLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QString;
class QVBoxLayout;
class QWidget;

namespace radiocode::gui {

// The large heading at the top of each page.
QLabel* makePageTitle(QWidget* parent);

// A paragraph that wraps: a dialog's introduction, a note under a form.
QLabel* makeParagraph(const QString& text, QWidget* parent);

// A line edit known by its object name (to tests and the accessibility walk).
QLineEdit* makeNamedLineEdit(const QString& objectName, const QString& text, QWidget* parent);

// `buttons` (Save | Cancel, Ok | Cancel): accepted and rejected call the dialog's accept() and
// reject(), an override of either included.
QDialogButtonBox* makeDialogButtons(QDialog* dialog, QDialogButtonBox::StandardButtons buttons);

// Buttons side by side from the left, the room to their right left empty.
QHBoxLayout* makeButtonRow(std::initializer_list<QWidget*> buttons);

// `owner`'s widgets and layouts from top to bottom, in a new column layout of its own.
using ColumnPart = std::variant<QWidget*, QLayout*>;
QVBoxLayout* layOutInColumn(QWidget* owner, std::initializer_list<ColumnPart> parts);

} // namespace radiocode::gui
