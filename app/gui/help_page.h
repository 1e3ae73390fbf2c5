// Help: what to do when the radio refuses the code, how codes are entered, the keys.
#pragma once

#include "gui/retranslating.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace radiocode::gui {

class HelpPage : public Retranslating<QWidget> {
    Q_OBJECT

public:
    explicit HelpPage(QWidget* parent = nullptr);
    QString plainText() const;
    QTextBrowser* browser() const { return browser_; }
    // The menus' shortcuts (key as shown, what it does), listed with the keys of the pages.
    void setMenuShortcuts(const QList<std::pair<QString, QString>>& shortcuts);

signals:
    void closeRequested();

private:
    void retranslate() override;

    QLabel* title_;
    QTextBrowser* browser_;
    QPushButton* close_;
    QList<std::pair<QString, QString>> menuShortcuts_;
};

} // namespace radiocode::gui
