// A widget that sets its texts again when the application's language changes.
#pragma once

#include <QEvent>

namespace radiocode::gui {

// Derive from Retranslating<QWidget> (QDialog, QMainWindow, ...) and implement retranslate():
// it runs on every LanguageChange, before the base class sees the event. The constructor still
// calls retranslate() itself for the first texts.
template <typename Base> class Retranslating : public Base {
public:
    using Base::Base;

protected:
    virtual void retranslate() = 0;

    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        Base::changeEvent(event);
    }
};

} // namespace radiocode::gui
