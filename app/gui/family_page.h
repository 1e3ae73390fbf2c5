// Step 1, "Which radio?": four cards with a small label drawing each, and a field that
// recognises the family from whatever is typed, pasted or scanned.
#pragma once

#include "gui/retranslating.h"

#include "radiocode/families.h"
#include "radiocode/recognition.h"

#include <QToolButton>
#include <QWidget>

#include <map>

class QAbstractButton;
class QBoxLayout;
class QLabel;
class QPushButton;

namespace radiocode::gui {

class SerialField;

class FamilyCard : public QToolButton {
    Q_OBJECT

public:
    FamilyCard(Family family, QWidget* parent = nullptr);
    Family family() const { return family_; }
    void retranslate();
    void loadDrawing();

    // The same for every card, whatever its caption: the grid's columns stay even and a long
    // translation wraps instead of widening its card.
    QSize sizeHint() const override { return {320, 230}; }
    QSize minimumSizeHint() const override { return {220, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // The caption wrapped at spaces to the card's width: a long translation takes another line
    // rather than being cut mid-word.
    void layOutCaption(const QSize& size);

    static constexpr int cardPadding = 10;
    Family family_;
    bool drawingLoaded_ = false;
    QString brand_;
    QString details_;
};

class FamilyPage : public Retranslating<QWidget> {
    Q_OBJECT

public:
    explicit FamilyPage(QWidget* parent = nullptr);
    FamilyCard* card(Family family) const { return cards_.at(family); }
    SerialField* serialField() const { return field_; }
    // The card that gets the focus when the page is shown: the family used last.
    void setLastFamily(std::optional<Family> family);
    // Another way in beside the field (reading the serial off a photo, ...).
    void addEntryAction(QAbstractButton* button);
    void focusFirst();
    // "Continue with Visteon" when the field knows the family; true when it did something.
    bool submitField();
    // The label drawings on the cards: after the first frame (see MainWindow).
    void loadDrawings();

signals:
    void familyChosen(radiocode::Family family);
    // The field holds a serial of a known family: go straight on with it.
    void serialEntered(radiocode::Family family, const QString& text);

private:
    void retranslate() override;
    void updateRecognised(const Recognition& recognition);

    std::map<Family, FamilyCard*> cards_;
    std::optional<Family> lastFamily_;
    QLabel* title_;
    QLabel* intro_;
    QLabel* notSure_;
    SerialField* field_;
    QPushButton* continueButton_;
    QBoxLayout* fieldRow_;
};

} // namespace radiocode::gui
