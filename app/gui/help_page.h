// Help: what to do when the radio refuses the code, how codes are entered, the keys.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace radiocode::gui {

class HelpPage : public QWidget {
    Q_OBJECT

public:
    explicit HelpPage(QWidget* parent = nullptr);
    QString plainText() const;
    QTextBrowser* browser() const { return browser_; }

signals:
    void closeRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* title_;
    QTextBrowser* browser_;
    QPushButton* close_;
};

} // namespace radiocode::gui
