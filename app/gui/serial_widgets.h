// The pieces every serial field in the program shares: a line edit that copes with pasted
// and scanned text, a status line that shows the recognition state by icon and words, and a
// row of one-click suggestions.
#pragma once

#include "radiocode/recognition.h"

#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QWidget>

#include <optional>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace radiocode::gui {

// Monospaced, large enough to read every character; line breaks and tabs from a paste or a
// scanner become spaces (the core drops spaces), so pasting a label's text just works.
class SerialLineEdit : public QLineEdit {
    Q_OBJECT

public:
    explicit SerialLineEdit(QWidget* parent = nullptr);
    // The text as the core should see it (UTF-8).
    QByteArray utf8() const;

private:
    void cleanUp();
};

class WrappedTextLabel;

// Icon + state in words + the message. Never colour alone.
class StatusLine : public QWidget {
    Q_OBJECT

public:
    explicit StatusLine(QWidget* parent = nullptr);
    void showState(InputState state, const QString& message);
    void showNeutral(const QString& message);
    // For VIN checks and the like: the same look with an explicit icon and words.
    void showCustom(const QString& iconPath, const QString& stateWords, const QString& message);
    QString stateText() const;
    QString messageText() const;

    static QString iconPath(InputState state);

private:
    QLabel* icon_;
    WrappedTextLabel* message_;
    QString stateWords_;
    QString messageText_;
    // What the icon label shows now, so a keystroke that keeps the state leaves it alone.
    QString shownIconPath_;
    qreal shownIconRatio_ = 0;
};

// The input again, with the character the message is about marked (bold, underlined, framed):
// an O among zeros is hard to spot in the field itself.
class MarkedInput : public QLabel {
    Q_OBJECT

public:
    explicit MarkedInput(QWidget* parent = nullptr);
    // `position` counts Unicode code points, as the core reports it; -1 hides the line.
    void mark(const QString& text, int position);

private:
    int markedPosition_ = -1;
};

// "Use BP038769672026" buttons: one click puts the corrected serial in the field.
class SuggestionBar : public QWidget {
    Q_OBJECT

public:
    explicit SuggestionBar(QWidget* parent = nullptr);
    void setSuggestions(const std::vector<std::string>& serials);
    QList<QPushButton*> buttons() const;

signals:
    void suggestionChosen(const QString& serial);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QHBoxLayout* layout_;
    QLabel* caption_;
    QList<QPushButton*> buttons_;
    QStringList serials_; // what the buttons offer now
    QIcon validIcon_;     // drawn from its SVG once, shared by every button
};

// One field with live validation: line edit, status line, suggestions. Used for "Not sure?" on
// the first page (any family), the serial page (one family) and the quick lookup.
class SerialField : public QWidget {
    Q_OBJECT

public:
    explicit SerialField(QWidget* parent = nullptr);
    void setFamily(std::optional<Family> family);
    std::optional<Family> family() const { return family_; }
    SerialLineEdit* lineEdit() const { return edit_; }
    StatusLine* statusLine() const { return status_; }
    SuggestionBar* suggestionBar() const { return suggestions_; }
    MarkedInput* markedInput() const { return marked_; }
    const Recognition& recognition() const { return recognition_; }
    void setText(const QString& text);
    void clear();
    // Runs the recognition again (after a language change, for the words).
    void refresh();

signals:
    void recognitionChanged(const radiocode::Recognition& recognition);

private:
    void recognise();

    std::optional<Family> family_;
    SerialLineEdit* edit_;
    StatusLine* status_;
    MarkedInput* marked_;
    SuggestionBar* suggestions_;
    Recognition recognition_;
};

QString fromStd(const std::string& text);
// SVG icons wait until the window has shown its first frame (loading the SVG renderer is the
// slowest part of start-up); until then status lines show their words only.
bool iconsReady();
void setIconsReady();

// The large heading at the top of each page.
void makePageTitle(QLabel* label);

} // namespace radiocode::gui
