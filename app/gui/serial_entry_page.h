// Step 3: the serial, validated on every keystroke. Becker labels have two fields (Model No and
// Serial No), so Becker gets two line edits.
#pragma once

#include "radiocode/families.h"
#include "radiocode/recognition.h"

#include <QWidget>

class QAbstractButton;
class QBoxLayout;
class QLabel;
class QPushButton;

namespace radiocode::gui {

class SerialField;
class SerialLineEdit;
class MarkedInput;
class ReadingChoiceBox;
class StatusLine;
class SuggestionBar;

class SerialEntryPage : public QWidget {
    Q_OBJECT

public:
    explicit SerialEntryPage(QWidget* parent = nullptr);
    void setFamily(Family family);
    Family family() const { return family_; }
    // Fills the field(s) with `text` (a whole serial; split into Becker's two fields as needed).
    void setSerialText(const QString& text);
    void clear();
    void focusFirst();
    // The text to look up: the single field, or Becker's two fields joined.
    QString serialText() const;
    // The serial as recognised, cross-checked with the part number (Blaupunkt) when one is typed.
    const Recognition& recognition() const { return recognition_; }
    bool canLookUp() const;
    // Blaupunkt: the optional part number from the label.
    bool hasPartNumber() const;
    SerialLineEdit* partNumberEdit() const { return partNumber_; }
    StatusLine* partNumberStatus() const { return partStatus_; }
    SuggestionBar* partNumberSuggestions() const { return partSuggestions_; }

    SerialField* serialField() const { return single_; }
    SerialLineEdit* beckerModelEdit() const { return beckerModel_; }
    SerialLineEdit* beckerSerialEdit() const { return beckerSerial_; }
    StatusLine* statusLine() const;
    SuggestionBar* suggestionBar() const;
    QPushButton* findButton() const { return find_; }
    // Another way in beside the buttons (reading the serial off a photo, ...).
    void addEntryAction(QAbstractButton* button);
    // A Blaupunkt 7th character that may be a letter or a digit: the technician says which the
    // label shows (only that reading is then looked up).
    QWidget* readingBox() const;
    QPushButton* readingButton(ReadingChoice reading) const;
    // Both readings are on record with different codes: said beside the choice, until the
    // serial changes.
    void showReadingsDisagree();
    QString readingText() const;

signals:
    void readingChosen(radiocode::ReadingChoice reading);
    void lookUpRequested();
    void labelGuideRequested();
    void recognitionChanged(const radiocode::Recognition& recognition);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showDrawing();
    void recogniseBecker();
    void beckerModelEdited();
    void publish(const Recognition& recognition);
    // Cross-checks the serial last published with the part number and shows the outcome.
    void checkPartNumber();
    void updateReadingChoice();

    Family family_ = Family::Blaupunkt;
    Recognition serialOnly_; // as the serial field(s) read it, before the part number
    Recognition recognition_;
    QLabel* title_;
    QLabel* hint_;
    QWidget* singlePage_;
    QLabel* singleLabel_;
    SerialField* single_;
    QWidget* becker_;
    QLabel* beckerModelLabel_;
    QLabel* beckerSerialLabel_;
    SerialLineEdit* beckerModel_;
    SerialLineEdit* beckerSerial_;
    StatusLine* beckerStatus_;
    MarkedInput* beckerMarked_;
    SuggestionBar* beckerSuggestions_;
    ReadingChoiceBox* readingChoice_;
    QWidget* partBox_;
    QLabel* partLabel_;
    SerialLineEdit* partNumber_;
    StatusLine* partStatus_;
    MarkedInput* partMarked_;
    SuggestionBar* partSuggestions_;
    QPushButton* find_;
    QPushButton* guide_;
    QBoxLayout* buttons_;
    QBoxLayout* entryActions_ = nullptr;
    QLabel* drawing_;
};

} // namespace radiocode::gui
