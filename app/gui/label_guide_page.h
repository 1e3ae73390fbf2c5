// Step 2, "Where is the serial?": our drawing of the family's label, zoomable, with the serial
// area highlighted, beside the family's notes.
#pragma once

#include "radiocode/families.h"

#include <QGraphicsView>
#include <QWidget>

class QGraphicsSvgItem;
class QSvgRenderer;
class QLabel;
class QPushButton;

namespace radiocode::gui {

class LabelView : public QGraphicsView {
    Q_OBJECT

public:
    explicit LabelView(QWidget* parent = nullptr);
    void showLabel(Family family);
    // Draws the annotations again in the current language.
    void retranslate();
    void zoomBy(qreal factor);
    void fitLabel();
    qreal zoom() const { return transform().m11(); }

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    Family family_ = Family::Blaupunkt;
    QSvgRenderer* renderer_ = nullptr; // shared by the item; a child of the view
    QGraphicsSvgItem* item_ = nullptr;
    bool fitted_ = true; // follows the window size until the technician zooms
};

class LabelGuidePage : public QWidget {
    Q_OBJECT

public:
    explicit LabelGuidePage(QWidget* parent = nullptr);
    void setFamily(Family family);
    Family family() const { return family_; }
    LabelView* view() const { return view_; }
    QString notesText() const;
    QPushButton* nextButton() const { return next_; }

signals:
    void nextRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Family family_ = Family::Blaupunkt;
    QLabel* title_;
    QLabel* notes_;
    LabelView* view_;
    QPushButton* zoomIn_;
    QPushButton* zoomOut_;
    QPushButton* fit_;
    QPushButton* next_;
};

} // namespace radiocode::gui
