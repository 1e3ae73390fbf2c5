#include "gui/help_page.h"

#include "common/texts.h"

#include "radiocode/entry_steps.h"

#include "gui/serial_widgets.h"
#include "gui/widget_parts.h"

#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace radiocode::gui {

HelpPage::HelpPage(QWidget* parent) : Retranslating(parent) {
    setObjectName(QStringLiteral("helpPage"));
    title_ = makePageTitle(this);
    browser_ = new QTextBrowser(this);
    browser_->setObjectName(QStringLiteral("helpText"));
    browser_->setOpenExternalLinks(false);
    close_ = new QPushButton(this);
    close_->setObjectName(QStringLiteral("closeHelpButton"));
    connect(close_, &QPushButton::clicked, this, &HelpPage::closeRequested);
    QHBoxLayout* buttons = makeButtonRow({close_});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(browser_, 1);
    layout->addLayout(buttons);
    retranslate();
}

void HelpPage::setMenuShortcuts(const QList<std::pair<QString, QString>>& shortcuts) {
    if (shortcuts == menuShortcuts_)
        return;
    menuShortcuts_ = shortcuts;
    retranslate();
}

QString HelpPage::plainText() const {
    return browser_->toPlainText();
}

void HelpPage::retranslate() {
    title_->setText(tr("Help"));
    close_->setText(tr("&Close help"));
    browser_->setAccessibleName(tr("Help text"));
    auto esc = [](const QString& text) { return text.toHtmlEscaped(); };
    QString html;
    const auto addParagraph = [&](const QString& title, const QString& text) {
        html += QStringLiteral("<h2>%1</h2><p>%2</p>").arg(esc(title), esc(text));
    };
    html += QStringLiteral("<h2>%1</h2><ol>").arg(esc(tr("When the radio refuses the code")));
    for (const TroubleshootingItem item : troubleshootingItems)
        html +=
            QStringLiteral("<li><b>%1</b><br>%2</li>")
                .arg(esc(Texts::troubleshootingTitle(item)), esc(Texts::troubleshootingText(item)));
    html += QStringLiteral("</ol>");
    html += QStringLiteral("<h2>%1</h2><ul>").arg(esc(tr("Attempts and lock-out")));
    for (const Caution caution :
         {Caution::AttemptsLimited, Caution::LeaveRadioOnWhenLocked, Caution::CheckHandbook})
        html += QStringLiteral("<li>%1</li>").arg(esc(Texts::caution(caution)));
    html += QStringLiteral("</ul>");
    addParagraph(tr("Entering a code"),
                 tr("Station buttons 1 to 4 set the four digits: press 1 until the first "
                    "digit shows, 2 for the second, 3 for the third and 4 for the fourth. "
                    "Then confirm with the button the result page names."));
    html += QStringLiteral("<h2>%1</h2><table cellpadding=\"3\">").arg(esc(tr("Keyboard")));
    QList<std::pair<QString, QString>> keys = {
        {QStringLiteral("Enter"),
         tr("Go on: choose the focused card, look the serial up, next step")},
        {QStringLiteral("Esc"), tr("Back one step")},
        {QStringLiteral("Alt+B, Alt+R, Alt+E, Alt+V"),
         tr("Choose Blaupunkt, Renault, Becker, Visteon")},
        {QStringLiteral("Ctrl++ / Ctrl+- / Ctrl+0"), tr("Zoom the label drawing")},
        {QStringLiteral("F1"), tr("This help")},
    };
    keys += menuShortcuts_;
    for (const auto& [key, meaning] : keys)
        html +=
            QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(key), esc(meaning));
    html += QStringLiteral("</table>");
    addParagraph(tr("Barcode scanner"),
                 tr("Scan the radio's label on any page: the program looks the serial up "
                    "as a new radio, whatever had the focus. Keys typed by hand work as "
                    "usual."));
    browser_->setHtml(html);
}

} // namespace radiocode::gui
