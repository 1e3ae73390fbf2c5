// The pieces every serial field in the program shares: a line edit that copes with pasted
// and scanned text, a status line that shows the recognition state by icon and words, and a
// row of one-click suggestions.
#pragma once

#include "gui/retranslating.h"

#include "radiocode/recognition.h"

#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTextLayout>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QHBoxLayout;
class QPushButton;
class QTimer;

namespace radiocode::gui {

// Monospaced, large enough to read every character; line breaks and tabs from a paste or a
// scanner become spaces (the core drops spaces), so pasting a label's text just works.
class SerialLineEdit : public QLineEdit {
    Q_OBJECT

public:
    explicit SerialLineEdit(QWidget* parent = nullptr);
    // Clear button and frame cache; done at construction once the first frame is out, else
    // by MainWindow right after it.
    void finishAfterFirstFrame();
    // The text as the core should see it (UTF-8).
    QByteArray utf8() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void cleanUp();
};

// The status line's words: the state in bold, then the message, wrapped to the width. Laid
// out with QTextLayout and remembered per width; a rich-text QLabel parsed HTML and laid the
// text out several times on every keystroke, most of a keystroke's cost. The window is asked
// to lay out again only when the number of lines changes. Right-click copies the words.
class StatusMessage : public QWidget {
    Q_OBJECT

public:
    explicit StatusMessage(QWidget* parent = nullptr);
    // `bold` (may be empty) goes first, followed by ": " and `message`.
    void setTexts(const QString& bold, const QString& message);
    QString text() const { return text_; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    // The last few widths asked for (a layout pass may try several).
    struct LaidOut {
        int width = -1;
        int height = 0;
        std::unique_ptr<QTextLayout> layout;
    };
    const LaidOut& laidOutFor(int width) const;
    void forgetLayouts();

    QString text_;
    int boldLength_ = 0;
    mutable std::array<LaidOut, 3> laidOut_;
    mutable std::size_t nextSlot_ = 0;
    QAction* copy_;
};

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
    // The field(s) this line speaks for: their accessible description carries the state and
    // message, so a screen reader reads out a change on the field being typed in. A new state
    // is announced at once; a new message in the same state ("7 more digits") after a pause
    // in typing, not on every key.
    void announceOn(QWidget* field);

    static QString iconPath(InputState state);

protected:
    void changeEvent(QEvent* event) override;

private:
    void announce();
    void nameIcon();

    QLabel* icon_;
    StatusMessage* message_;
    QString stateWords_;
    QString messageText_;
    // What the icon label shows now, so a keystroke that keeps the state leaves it alone.
    QString shownIconPath_;
    qreal shownIconRatio_ = 0;
    QString spoken_;
    QList<QPointer<QWidget>> announcedOn_;
    QTimer* announceLater_ = nullptr;
};

// The input again, with the character the message is about marked (bold, underlined, on a pale
// red ground): an O among zeros is hard to spot in the field itself. Painted directly, in the
// serial font, around the marked character only (a megabyte pasted shows a few dozen).
class MarkedInput : public QWidget {
    Q_OBJECT

public:
    explicit MarkedInput(QWidget* parent = nullptr);
    // `position` counts Unicode code points, as the core reports it; -1 hides the line.
    void mark(const QString& text, int position);
    int markedPosition() const { return markedPosition_; }
    QString markedCharacter() const { return marked_; }
    // What the line shows, the marked character included.
    QString shownText() const { return before_ + marked_ + after_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    static constexpr int indent = 30; // under the message, past the state icon
    QFont markedFont() const;

    int markedPosition_ = -1;
    QString before_;
    QString marked_;
    QString after_;
};

// "Use BP038769672026" buttons: one click puts the corrected serial in the field.
class SuggestionBar : public Retranslating<QWidget> {
    Q_OBJECT

public:
    explicit SuggestionBar(QWidget* parent = nullptr);
    void setSuggestions(const std::vector<std::string>& serials);
    QList<QPushButton*> buttons() const;
    // Tab reaches the suggestions right after this widget (by default the Tab stop before the
    // bar, its field): the buttons are made when first needed, which would put them last.
    void setTabPredecessor(QWidget* widget) { tabPredecessor_ = widget; }

signals:
    void suggestionChosen(const QString& serial);

private:
    void retranslate() override;
    QWidget* tabPredecessor() const;

    QHBoxLayout* layout_;
    QLabel* caption_;
    QList<QPushButton*> buttons_;
    QStringList serials_; // what the buttons offer now
    QIcon validIcon_;     // drawn from its SVG once, shared by every button
    QPointer<QWidget> tabPredecessor_;
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

// "The label shows the letter O" / "… the digit 0": a Blaupunkt 7th character that reads either
// way, where the label decides. The pages set the question and the buttons' texts.
class ReadingChoiceBox : public QWidget {
    Q_OBJECT
public:
    // Object names: the box `names` + "Choice", its buttons `names` + "LetterButton" /
    // "DigitButton".
    ReadingChoiceBox(const QString& names, int topMargin, int bottomMargin,
                     QWidget* parent = nullptr);
    QLabel* question() const { return question_; }
    QPushButton* button(ReadingChoice reading) const {
        return reading == ReadingChoice::Letter ? letter_ : digit_;
    }

signals:
    void chosen(ReadingChoice reading);

private:
    QLabel* question_;
    QPushButton* letter_;
    QPushButton* digit_;
};

} // namespace radiocode::gui
