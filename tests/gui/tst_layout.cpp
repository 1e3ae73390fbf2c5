// Every page of the real program on a small laptop screen (1024×600) and a common one
// (1366×768), in English, German and Turkish: nothing outside the window, no two widgets on top
// of each other, no text cut off. The window's client area is the screen less a title bar and
// a panel. Screenshots of the small screen go to <build>/screenshots/small/ for people to look at.
#include "window_suite_main.h"

#include "common/i18n.h"
#include "gui/family_page.h"
#include "gui/finder_program.h"
#include "gui/job_details_page.h"
#include "gui/main_window.h"
#include "gui/result_page.h"
#include "gui/serial_entry_page.h"
#include "gui/serial_widgets.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionToolButton>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolButton>

using namespace radiocode;
using namespace radiocode::gui;
using Page = MainWindow::Page;

namespace {

// Window decorations and a panel take this much of the screen's height.
constexpr int decorationHeight = 40;

QString describe(const QWidget* widget) {
    QString text;
    if (const auto* label = qobject_cast<const QLabel*>(widget))
        text = label->text();
    else if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        text = button->text();
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
             text.left(60));
}

// Widgets whose children are their own business (scroll bars, viewports, editors).
bool isCompound(const QWidget* widget) {
    return qobject_cast<const QAbstractScrollArea*>(widget) ||
           qobject_cast<const QComboBox*>(widget) ||
           qobject_cast<const QAbstractSpinBox*>(widget) ||
           qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QAbstractButton*>(widget);
}

QWidget* scrollContent(QWidget* widget) {
    auto* scroll = qobject_cast<QScrollArea*>(widget);
    return scroll ? scroll->widget() : nullptr;
}

} // namespace

class TestLayout : public QObject {
    Q_OBJECT

    std::unique_ptr<FinderProgram> program_;
    MainWindow* window_ = nullptr;
    QStringList problems_;

    // Walks the visible widgets under `parent`. Inside a scroll area's content, widgets may lie
    // outside the window (scrolled away); everything else must be inside it.
    void check(QWidget* parent, bool scrolled) {
        QList<QWidget*> children;
        for (QObject* object : parent->children())
            if (auto* child = qobject_cast<QWidget*>(object);
                child && child->isVisible() && !child->isWindow())
                children << child;
        for (int i = 0; i < children.size(); ++i) {
            QWidget* child = children[i];
            const QRect inWindow(child->mapTo(window_, QPoint(0, 0)), child->size());
            if (!scrolled && !window_->rect().contains(inWindow))
                problems_ << QStringLiteral("outside the window: %1 at %2,%3 %4×%5")
                                 .arg(describe(child))
                                 .arg(inWindow.x())
                                 .arg(inWindow.y())
                                 .arg(inWindow.width())
                                 .arg(inWindow.height());
            for (int j = i + 1; j < children.size(); ++j)
                if (child->geometry().intersects(children[j]->geometry()))
                    problems_ << QStringLiteral("overlap: %1 and %2")
                                     .arg(describe(child), describe(children[j]));
            checkText(child);
            if (QWidget* content = scrollContent(child))
                check(content, true);
            else if (!isCompound(child))
                check(child, scrolled);
        }
    }

    void checkText(QWidget* widget) {
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            if (label->text().isEmpty() || !label->pixmap().isNull())
                return;
            const QMargins margins = label->contentsMargins();
            const int width = label->width() - margins.left() - margins.right();
            if (label->wordWrap()) {
                if (label->heightForWidth(label->width()) > label->height() + 1)
                    problems_ << QStringLiteral("text cut (needs %1 px of height, has %2): %3")
                                     .arg(label->heightForWidth(label->width()))
                                     .arg(label->height())
                                     .arg(describe(label));
                // A word longer than the line is cut mid-word even with word wrap.
                const QStringList words =
                    QTextDocumentFragment::fromHtml(label->text())
                        .toPlainText()
                        .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
                for (const QString& word : words)
                    if (label->fontMetrics().horizontalAdvance(word) > width + 1) {
                        problems_ << QStringLiteral("word wider than its line: \"%1\" in %2")
                                         .arg(word, describe(label));
                        break;
                    }
            } else if (label->sizeHint().width() > label->width() + 1 ||
                       label->minimumSizeHint().height() > label->height() + 1) {
                problems_ << QStringLiteral("text cut (needs %1×%2, has %3×%4): %5")
                                 .arg(label->sizeHint().width())
                                 .arg(label->minimumSizeHint().height())
                                 .arg(label->width())
                                 .arg(label->height())
                                 .arg(describe(label));
            }
        } else if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
            // The hint in an empty field: whole, or at least not cut in a small language.
            const int room = edit->width() - 48;
            if (!edit->placeholderText().isEmpty() && edit->text().isEmpty() &&
                edit->fontMetrics().horizontalAdvance(edit->placeholderText()) > room &&
                edit->toolTip() != edit->placeholderText())
                problems_ << QStringLiteral("hint cut without a tooltip: %1 in %2")
                                 .arg(edit->placeholderText(), describe(edit));
        } else if (auto* card = qobject_cast<FamilyCard*>(widget)) {
            // The caption under the drawing: every line whole, below the drawing.
            const QStringList lines =
                card->text().remove(QLatin1Char('&')).split(QLatin1Char('\n'));
            const int room = card->width() - 2 * 10 - 8;
            for (const QString& line : lines)
                if (card->fontMetrics().horizontalAdvance(line) > room)
                    problems_ << QStringLiteral("card caption cut (%1 px for %2 px): %3")
                                     .arg(room)
                                     .arg(card->fontMetrics().horizontalAdvance(line))
                                     .arg(describe(card));
            const int needed = card->iconSize().height() +
                               int(lines.size()) * card->fontMetrics().height() + 2 * 10 + 8;
            if (needed > card->height())
                problems_ << QStringLiteral("card too short (%1 px for %2 px): %3")
                                 .arg(card->height())
                                 .arg(needed)
                                 .arg(describe(card));
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            if (!button->text().isEmpty() && button->sizeHint().width() > button->width() + 1)
                problems_ << QStringLiteral("button text cut (needs %1 px, has %2): %3")
                                 .arg(button->sizeHint().width())
                                 .arg(button->width())
                                 .arg(describe(button));
        }
    }

    void settle() {
        for (int pass = 0; pass < 6; ++pass)
            QApplication::processEvents();
    }

private slots:
    void init() {
        QSettings().clear();
        program_ = std::make_unique<FinderProgram>();
        window_ = &program_->window();
    }

    void cleanup() {
        program_.reset();
        window_ = nullptr;
        installTranslations(QStringLiteral("en"));
    }

    // A first start, with no saved size, opens a window that fits the screen.
    void firstStartFitsTheScreen() {
        const QSize available = window_->screen()->availableGeometry().size();
        QVERIFY2(window_->width() <= available.width() &&
                     window_->height() + decorationHeight <= available.height(),
                 qPrintable(QStringLiteral("%1×%2 on %3×%4")
                                .arg(window_->width())
                                .arg(window_->height())
                                .arg(available.width())
                                .arg(available.height())));
    }

    void everyPageFits_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("screen");
        for (const char* language : {"en", "de", "tr"})
            for (const QSize screen : {QSize(1024, 600), QSize(1366, 768)})
                QTest::addRow("%s-%dx%d", language, screen.width(), screen.height())
                    << QString::fromLatin1(language) << screen;
    }

    void everyPageFits() {
        QFETCH(QString, language);
        QFETCH(QSize, screen);
        QCOMPARE(installTranslations(language), language);
        const QSize client(screen.width(), screen.height() - decorationHeight);
        // The window can be made that small at all.
        QStringList all;
        if (window_->minimumSizeHint().width() > client.width() ||
            window_->minimumSizeHint().height() > client.height() ||
            window_->minimumSize().width() > client.width() ||
            window_->minimumSize().height() > client.height())
            all << QStringLiteral("the window cannot be made %1×%2: minimum %3×%4, hint %5×%6")
                       .arg(client.width())
                       .arg(client.height())
                       .arg(window_->minimumSize().width())
                       .arg(window_->minimumSize().height())
                       .arg(window_->minimumSizeHint().width())
                       .arg(window_->minimumSizeHint().height());
        QSignalSpy firstFrame(window_, &MainWindow::firstFrameShown);
        window_->resize(client);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
        QVERIFY(firstFrame.count() > 0 || firstFrame.wait(10000));
        if (window_->size() != client)
            all << QStringLiteral("the window is %1×%2, not %3×%4")
                       .arg(window_->width())
                       .arg(window_->height())
                       .arg(client.width())
                       .arg(client.height());
        const bool small = screen.width() < 1366;
        const QString shots = QStringLiteral(RADIOCODE_BINARY_DIR "/screenshots/small/") + language;
        if (small)
            QDir().mkpath(shots);

        struct Step {
            QString name;
            std::function<void()> show;
        };
        const std::vector<Step> steps = {
            {QStringLiteral("1-family"), [&] { window_->newRadio(); }},
            {QStringLiteral("2-label-guide-blaupunkt"),
             [&] { window_->chooseFamily(Family::Blaupunkt); }},
            {QStringLiteral("2-label-guide-becker"),
             [&] { window_->chooseFamily(Family::Becker); }},
            {QStringLiteral("2-label-guide-renault"),
             [&] { window_->chooseFamily(Family::Renault); }},
            {QStringLiteral("4-serial-suggestion"),
             [&] {
                 window_->chooseFamily(Family::Blaupunkt);
                 window_->showPage(Page::SerialEntry);
                 window_->serialEntryPage()->setSerialText(QStringLiteral("BPO38769672026"));
             }},
            {QStringLiteral("4-serial-reading-choice"),
             [&] {
                 window_->chooseFamily(Family::Blaupunkt);
                 window_->showPage(Page::SerialEntry);
                 window_->serialEntryPage()->setSerialText(QStringLiteral("BP5511O2151786"));
             }},
            {QStringLiteral("4-serial-becker"),
             [&] {
                 window_->chooseFamily(Family::Becker);
                 window_->showPage(Page::SerialEntry);
                 window_->serialEntryPage()->setSerialText(QStringLiteral("BE47393500"));
             }},
            {QStringLiteral("6-result"),
             [&] { QVERIFY(window_->lookUp(QStringLiteral("M212365"), std::nullopt)); }},
            {QStringLiteral("8-result-unsupported"),
             [&] { QVERIFY(window_->lookUp(QStringLiteral("BP538769672026"), std::nullopt)); }},
            {QStringLiteral("6-result-reading-choice"),
             [&] { QVERIFY(window_->lookUp(QStringLiteral("BP5511O2151786"), std::nullopt)); }},
            {QStringLiteral("7-job-details"),
             [&] {
                 QVERIFY(window_->lookUp(QStringLiteral("J727"), std::nullopt));
                 window_->showPage(Page::JobDetails);
                 window_->jobDetailsPage()->vinEdit()->setText(QStringLiteral("SJNFAAJ10U12"));
             }},
            {QStringLiteral("9-help"), [&] { window_->showHelp(); }},
        };
        for (const Step& step : steps) {
            step.show();
            settle();
            problems_.clear();
            check(window_, false);
            if (small) {
                const QImage image =
                    window_->grab().toImage().convertToFormat(QImage::Format_RGB888);
                QVERIFY(image.save(QStringLiteral("%1/%2.png").arg(shots, step.name), "PNG", 0));
            }
            if (!problems_.isEmpty())
                all << step.name + QStringLiteral(":\n    ") +
                           problems_.join(QStringLiteral("\n    "));
        }
        QVERIFY2(all.isEmpty(), qPrintable(all.join(QStringLiteral("\n  "))));
    }
};

int main(int argc, char** argv) {
    return radiocode::test::runWindowSuite<TestLayout>(argc, argv, QStringLiteral("tst_layout"));
}

#include "tst_layout.moc"
