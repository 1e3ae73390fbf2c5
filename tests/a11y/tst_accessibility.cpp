// What a screen reader gets from the real program, read through Qt's own accessibility API (the
// interfaces the AT-SPI bridge hands to Orca): every control on every page, in the menus and in
// the code database's dialogs has a name; Tab follows the visual order; the result page reads the
// code, the steps and the cautions in that order; a change of the serial's state is announced.
#include "process_run.h"
#include "program_window.h"
#include "window_suite_main.h"

#include "common/i18n.h"
#include "common/texts.h"
#include "gui/database/database_integration.h"
#include "gui/database/database_session.h"
#include "gui/database/database_settings_page.h"
#include "gui/database/history_window.h"
#include "gui/database/import_dialog.h"
#include "gui/family_page.h"
#include "gui/finder_program.h"
#include "gui/label_guide_page.h"
#include "gui/main_window.h"
#include "gui/result_page.h"
#include "gui/serial_entry_page.h"
#include "gui/serial_widgets.h"

#include <QAccessible>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

using namespace radiocode;
using namespace radiocode::gui;
using Page = MainWindow::Page;

namespace {

// Controls a screen reader user operates: each needs a name. Pictures too (state icons, label
// drawings): unnamed, they are read as "image" and nothing more.
bool needsName(QAccessible::Role role) {
    switch (role) {
    case QAccessible::Button:
    case QAccessible::ButtonDropDown:
    case QAccessible::ButtonMenu:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::MenuItem:
    case QAccessible::PageTab:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::Link:
    case QAccessible::Graphic:
        return true;
    default:
        return false;
    }
}

QString roleName(QAccessible::Role role) {
    return QString::fromLatin1(QMetaEnum::fromType<QAccessible::Role>().valueToKey(role));
}

// "Button QToolButton in QLineEdit 'serialField'": enough to find the control in the code.
QString describe(QAccessibleInterface* iface) {
    QString text = roleName(iface->role());
    QObject* object = iface->object();
    for (int depth = 0; object && depth < 4; ++depth, object = object->parent()) {
        text +=
            QStringLiteral(" %1 %2").arg(depth == 0 ? QString() : QStringLiteral("in"),
                                         QString::fromLatin1(object->metaObject()->className()));
        if (!object->objectName().isEmpty()) {
            text += QStringLiteral(" '%1'").arg(object->objectName());
            break;
        }
    }
    return text.simplified();
}

// Depth first, in the order a screen reader walks the tree; hidden parts are left out.
template <typename Visit> void walk(QAccessibleInterface* iface, Visit&& visit, int depth = 0) {
    if (!iface || !iface->isValid() || depth > 60 || iface->state().invisible)
        return;
    visit(iface);
    const int count = iface->childCount();
    for (int i = 0; i < count; ++i)
        walk(iface->child(i), visit, depth + 1);
}

QStringList unnamedControls(QObject* root) {
    QStringList unnamed;
    walk(QAccessible::queryAccessibleInterface(root), [&](QAccessibleInterface* iface) {
        if (needsName(iface->role()) && iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << describe(iface);
    });
    unnamed.removeDuplicates();
    return unnamed;
}

// The names of everything the tree shows, in the order a screen reader reads them.
QStringList readingOrder(QObject* root) {
    QStringList texts;
    walk(QAccessible::queryAccessibleInterface(root), [&](QAccessibleInterface* iface) {
        const QString name = iface->text(QAccessible::Name).simplified();
        if (!name.isEmpty())
            texts << name;
    });
    return texts;
}

int indexContaining(const QStringList& texts, const QString& part, int from = 0) {
    for (int i = from; i < texts.size(); ++i)
        if (texts.at(i).contains(part))
            return i;
    return -1;
}

// The widgets Tab visits in `window`, in the order it visits them.
QList<QWidget*> tabStops(QWidget* window) {
    QList<QWidget*> stops;
    QWidget* widget = window;
    for (int guard = 0; guard < 5000; ++guard) {
        widget = widget->nextInFocusChain();
        if (widget == window)
            break;
        if (widget->window() == window && widget->isVisible() && widget->isEnabled() &&
            (widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy())
            stops << widget;
    }
    return stops;
}

// Each Tab stop must come after the previous one in reading order: on the same line further
// right, or further down. Rows are matched by their tops, with a few pixels of tolerance.
QStringList focusOrderProblems(QWidget* window) {
    constexpr int tolerance = 8;
    const QList<QWidget*> stops = tabStops(window);
    QStringList problems;
    const auto place = [window](QWidget* w) {
        return QRect(w->mapTo(window, QPoint()), w->size());
    };
    const auto name = [](QWidget* w) {
        QString text = QString::fromLatin1(w->metaObject()->className());
        if (!w->objectName().isEmpty())
            text += QStringLiteral(" '%1'").arg(w->objectName());
        else if (!w->accessibleName().isEmpty())
            text += QStringLiteral(" \"%1\"").arg(w->accessibleName());
        else if (auto* button = qobject_cast<QAbstractButton*>(w))
            text += QStringLiteral(" \"%1\"").arg(button->text());
        return text;
    };
    for (qsizetype i = 1; i < stops.size(); ++i) {
        const QRect before = place(stops.at(i - 1));
        const QRect now = place(stops.at(i));
        const bool sameRow = std::abs(now.top() - before.top()) <= tolerance;
        const bool inOrder =
            sameRow ? now.left() >= before.left() - tolerance : now.top() > before.top();
        if (!inOrder)
            problems << QStringLiteral("%1 at (%2,%3) -> %4 at (%5,%6)")
                            .arg(name(stops.at(i - 1)))
                            .arg(before.left())
                            .arg(before.top())
                            .arg(name(stops.at(i)))
                            .arg(now.left())
                            .arg(now.top());
    }
    return problems;
}

// The descriptions the accessibility layer is told of, per widget, while a test listens.
QHash<QObject*, QStringList> heardDescriptions;

void listen(QAccessibleEvent* event) {
    if (event->type() == QAccessible::DescriptionChanged && event->object())
        if (QAccessibleInterface* iface = event->accessibleInterface())
            heardDescriptions[event->object()] << iface->text(QAccessible::Description);
}

// The names of the objects that got the focus, in order, while a test listens.
QStringList heardFocus;

void listenFocus(QAccessibleEvent* event) {
    if (event->type() == QAccessible::Focus)
        if (QAccessibleInterface* iface = event->accessibleInterface())
            heardFocus << iface->text(QAccessible::Name);
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(radiocode::test::startProgramInEnglish(program_));
        window_ = &program_->window();
        // On a real X server without a window manager, focus comes only to an active window.
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_));
        // The drawings, icons and clear buttons arrive right after the first frame.
        QTRY_VERIFY(window_->familyPage()->serialField()->lineEdit()->isClearButtonEnabled());
    }

    void cleanup() {
        QAccessible::installUpdateHandler(nullptr);
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (widget != window_ && widget->isVisible())
                widget->close();
        program_.reset();
        window_ = nullptr;
    }

    // Every page as the technician meets it, with something typed so that clear buttons,
    // suggestions and marked characters show.
    void everyControlHasAName_data() {
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("family");
        QTest::addColumn<QString>("input");
        const auto row = [](const char* name, Page page, Family family, const char* input) {
            QTest::newRow(name) << int(page) << int(family) << QString::fromLatin1(input);
        };
        row("family page, empty", Page::Family, Family::Blaupunkt, "");
        row("family page, typed", Page::Family, Family::Blaupunkt, "M123456");
        row("family page, suggestion", Page::Family, Family::Blaupunkt, "BPO38769672026");
        for (const Family family : allFamilies) {
            const QByteArray id(familyId(family).data(), qsizetype(familyId(family).size()));
            const QByteArray guide = "label guide, " + id;
            const QByteArray serial = "serial page, " + id;
            row(guide.constData(), Page::LabelGuide, family, "");
            row(serial.constData(), Page::SerialEntry, family,
                family == Family::Blaupunkt ? "BPO38769672026"
                : family == Family::Renault ? "J72"
                : family == Family::Becker  ? "BE47S735000375"
                                            : "M12345");
        }
        row("result with a code (Visteon)", Page::Result, Family::Visteon, "M212365");
        row("result with a code (Renault)", Page::Result, Family::Renault, "J727");
        row("result without a code (Blaupunkt)", Page::Result, Family::Blaupunkt, "BP538769672026");
        row("result without a code (Becker unsupported)", Page::Result, Family::Becker,
            "BE781835000375");
        row("job details", Page::JobDetails, Family::Renault, "J727");
        row("help", Page::Help, Family::Renault, "");
    }

    void everyControlHasAName() {
        QFETCH(int, page);
        QFETCH(int, family);
        QFETCH(QString, input);
        showPage(Page(page), Family(family), input);
        const QStringList unnamed = unnamedControls(window_);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("\n  ") + unnamed.join(u"\n  ")));
    }

    void menusHaveNames() {
        QStringList unnamed;
        for (QAction* top : window_->menuBar()->actions()) {
            if (!top->isVisible())
                continue;
            if (top->text().isEmpty())
                unnamed << QStringLiteral("menu bar item");
            if (QMenu* menu = top->menu())
                unnamed << unnamedControls(menu);
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("\n  ") + unnamed.join(u"\n  ")));
    }

    void databaseDialogsHaveNames() {
        DatabaseIntegration& database = program_->database();
        QTRY_VERIFY(database.session().database() != nullptr);
        QVERIFY(window_->lookUp(QStringLiteral("J727"), std::nullopt));
        QTemporaryDir dir;
        const QString list = test::writeFile(dir.filePath(QStringLiteral("codes.csv")),
                                             "serial,code\nBP538769672026,1234\nnot a serial,1\n");
        QStringList unnamed;
        checkDatabaseWindows([](QWidget* window) { return unnamedControls(window); }, list,
                             unnamed);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("\n  ") + unnamed.join(u"\n  ")));
    }

    // Tab goes top to bottom and left to right on every page, as the eye reads it.
    void focusOrderFollowsTheLayout_data() { everyControlHasAName_data(); }

    void focusOrderFollowsTheLayout() {
        QFETCH(int, page);
        QFETCH(int, family);
        QFETCH(QString, input);
        showPage(Page(page), Family(family), input);
        QVERIFY(tabStops(window_).size() >= 3);
        const QStringList problems = focusOrderProblems(window_);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n  ") + problems.join(u"\n  ")));
    }

    void focusOrderInDialogs() {
        DatabaseIntegration& database = program_->database();
        QTRY_VERIFY(database.session().database() != nullptr);
        QStringList problems;
        checkDatabaseWindows(focusOrderProblems, QString(), problems);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n  ") + problems.join(u"\n  ")));
    }

    // The code as one text and as four boxes, then the steps, then the cautions.
    void resultReadsCodeStepsCautionsInOrder() {
        showPage(Page::Result, Family::Visteon, QStringLiteral("M212365"));
        ResultPage* result = window_->resultPage();
        QCOMPARE(result->codeText(), QStringLiteral("3633"));
        const QStringList texts = readingOrder(result);
        const int code = texts.indexOf(QStringLiteral("Code 3 6 3 3"));
        QVERIFY2(code >= 0, qPrintable(texts.join(u" | ")));
        for (int digit = 1; digit <= 4; ++digit)
            QVERIFY2(indexContaining(texts, QStringLiteral("Digit %1").arg(digit), code) > code,
                     qPrintable(texts.join(u" | ")));
        const int steps = indexContaining(texts, QStringLiteral("Steps to enter the code"));
        const int firstStep = indexContaining(texts, QStringLiteral("Station button 1"), steps);
        const int confirm = indexContaining(texts, QStringLiteral("Then: Press OK"));
        const int cautions = texts.indexOf(QStringLiteral("Cautions"));
        const int firstCaution =
            indexContaining(texts, QStringLiteral("Each wrong code costs an attempt"));
        const int trouble = texts.indexOf(QStringLiteral("If the radio refuses the code"));
        const QString order = texts.join(u" | ");
        QVERIFY2(code < steps && steps < firstStep && firstStep < confirm, qPrintable(order));
        QVERIFY2(confirm < cautions && cautions < firstCaution, qPrintable(order));
        QVERIFY2(firstCaution < trouble, qPrintable(order));
        // The buttons under the result are read in the order they stand in.
        QList<QAbstractButton*> row;
        for (QAbstractButton* button : result->findChildren<QAbstractButton*>())
            if (button->isVisible() && button->parentWidget() == result)
                row << button;
        QVERIFY(row.size() >= 5);
        // Two rows (the job record above the sheet's): top to bottom, left to right.
        std::sort(row.begin(), row.end(), [](QAbstractButton* a, QAbstractButton* b) {
            return a->y() != b->y() ? a->y() < b->y() : a->x() < b->x();
        });
        int previous = -1;
        for (QAbstractButton* button : row) {
            const int at = texts.indexOf(button->text().remove(QLatin1Char('&')));
            QVERIFY2(at > previous, qPrintable(button->text() + QStringLiteral(": ") + order));
            previous = at;
        }
        // The steps table says the steps in words too, for readers that do not walk its cells.
        QAccessibleInterface* table = QAccessible::queryAccessibleInterface(result->stepsTable());
        QVERIFY(
            table->text(QAccessible::Description)
                .contains(QStringLiteral("Press station button 1 until 3 shows on the display")));
    }

    // Arriving at the result page, a screen reader speaks the code first (it follows the
    // focus), not "Print preview"; without a code, why there is none.
    void resultPageSpeaksTheCodeFirst() {
        // What has the focus is what a screen reader speaks on arrival; where the platform has
        // a bridge (the a11y run on AT-SPI), the focus events it is told of are checked too.
        const bool bridge = QAccessible::isActive();
        heardFocus.clear();
        if (bridge)
            QAccessible::installUpdateHandler(listenFocus);
        const auto focusedName = [] {
            QAccessibleInterface* iface =
                QAccessible::queryAccessibleInterface(QApplication::focusWidget());
            return iface ? iface->text(QAccessible::Name) : QString();
        };
        QVERIFY(window_->lookUp(QStringLiteral("M212365"), std::nullopt));
        QApplication::processEvents();
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("codeDisplay"));
        QCOMPARE(focusedName(), QStringLiteral("Code 3 6 3 3"));
        const QStringList withCode = heardFocus;
        heardFocus.clear();
        QVERIFY(window_->lookUp(QStringLiteral("BP538769672026"), std::nullopt));
        QApplication::processEvents();
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("noCodeReason"));
        QVERIFY2(focusedName().contains(QStringLiteral("No public algorithm")),
                 qPrintable(focusedName()));
        const QStringList withoutCode = heardFocus;
        QAccessible::installUpdateHandler(nullptr);
        if (bridge) {
            QVERIFY2(!withCode.isEmpty() && withCode.last() == QStringLiteral("Code 3 6 3 3"),
                     qPrintable(withCode.join(u" | ")));
            QVERIFY2(indexContaining(withCode, QStringLiteral("Print preview")) < 0,
                     qPrintable(withCode.join(u" | ")));
            QVERIFY2(!withoutCode.isEmpty() &&
                         withoutCode.last().contains(QStringLiteral("No public algorithm")),
                     qPrintable(withoutCode.join(u" | ")));
        }
        // Tab goes on from there to the buttons.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(qobject_cast<QAbstractButton*>(QApplication::focusWidget()));
    }

    void resultWithoutCodeReadsWhyAndWhatNext() {
        showPage(Page::Result, Family::Blaupunkt, QStringLiteral("BP538769672026"));
        const QStringList texts = readingOrder(window_->resultPage());
        const QString order = texts.join(u" | ");
        QVERIFY2(indexContaining(texts, QStringLiteral("Code ")) < 0 ||
                     !texts.contains(QStringLiteral("Code 3 6 3 3")),
                 qPrintable(order));
        const int status = texts.indexOf(QStringLiteral("No code on record"));
        const int reason = indexContaining(texts, QStringLiteral("No public algorithm"));
        const int next = texts.indexOf(QStringLiteral("What to do next"));
        const int steps = indexContaining(texts, QStringLiteral("Steps to enter the code"));
        QVERIFY2(status >= 0 && status < reason && reason < next && next < steps,
                 qPrintable(order));
    }

    // The drawings say what they show and where the serial is; the state icon says the state.
    void picturesAreDescribed() {
        for (const Family family : allFamilies) {
            FamilyCard* card = window_->familyPage()->card(family);
            QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(card);
            QVERIFY(iface->text(QAccessible::Description).contains(QStringLiteral("drawing")));
            window_->chooseFamily(family);
            QWidget* drawing =
                window_->serialEntryPage()->findChild<QWidget*>(QStringLiteral("labelThumbnail"));
            iface = QAccessible::queryAccessibleInterface(drawing);
            QVERIFY(iface->text(QAccessible::Name).contains(Texts::familyName(family)));
            QVERIFY2(iface->text(QAccessible::Description).contains(QStringLiteral("orange")),
                     qPrintable(iface->text(QAccessible::Description)));
            QAccessibleInterface* view =
                QAccessible::queryAccessibleInterface(window_->labelGuidePage()->view());
            QCOMPARE(view->text(QAccessible::Description), iface->text(QAccessible::Description));
        }
        showPage(Page::SerialEntry, Family::Visteon, QStringLiteral("M212365"));
        const QStringList texts = readingOrder(window_->serialEntryPage());
        QVERIFY2(texts.contains(QStringLiteral("Valid")), qPrintable(texts.join(u" | ")));
    }

    // Incomplete -> valid -> invalid, each announced on the field the technician is typing
    // in (a screen reader reads out a change of the focused field's description); keystrokes
    // that keep the state stay quiet.
    void serialStateChangesAreAnnounced() {
        if (!QAccessible::isActive()) {
            // The offscreen platform has no accessibility bridge, so Qt tells nobody; the
            // `a11y` run of this suite is on a virtual X server with the AT-SPI bus.
            waitForBridge();
            if (!QAccessible::isActive())
                QSKIP("No accessibility bridge on this platform (run the a11y label)");
        }
        window_->chooseFamily(Family::Visteon);
        window_->showPage(Page::SerialEntry);
        QLineEdit* field = window_->serialEntryPage()->serialField()->lineEdit();
        QCOMPARE(QApplication::focusWidget(), field);
        QTest::keyClicks(field, QStringLiteral("M2"));
        heardDescriptions.clear();
        QAccessible::installUpdateHandler(listen);
        const auto announced = [field] { return heardDescriptions.value(field); };
        QTest::keyClicks(field, QStringLiteral("1236"));
        QCOMPARE(announced().size(), 0); // still incomplete: quiet while typing
        QTest::keyClick(field, '5');
        QCOMPARE(announced().size(), 1);
        QVERIFY2(announced().last().startsWith(QStringLiteral("Valid")),
                 qPrintable(announced().last()));
        QTest::keyClick(field, '9');
        QCOMPARE(announced().size(), 2);
        QVERIFY2(announced().last().startsWith(QStringLiteral("Invalid")),
                 qPrintable(announced().last()));
        // The status line beside the field says it too, and its icon is named for the state.
        QAccessibleInterface* status =
            QAccessible::queryAccessibleInterface(window_->serialEntryPage()->statusLine());
        QVERIFY(status->text(QAccessible::Description).startsWith(QStringLiteral("Invalid")));
        QVERIFY(readingOrder(window_->serialEntryPage()->statusLine())
                    .contains(QStringLiteral("Invalid")));
        QTest::keyClick(field, Qt::Key_Backspace);
        QCOMPARE(announced().size(), 3);
        QVERIFY(announced().last().startsWith(QStringLiteral("Valid")));
        QTest::keyClick(field, Qt::Key_Backspace);
        QCOMPARE(announced().size(), 4);
        QVERIFY(announced().last().startsWith(QStringLiteral("Incomplete")));
        // After a pause in typing, a new message in the same state is brought up to date too.
        QTest::keyClick(field, Qt::Key_Backspace);
        QCOMPARE(announced().size(), 4);
        QTRY_COMPARE(announced().size(), 5);
        QVERIFY2(announced().last().contains(QStringLiteral("2 more")),
                 qPrintable(announced().last()));
    }

private:
    // `check`'s findings on each of the code database's windows, shown: the job history, the
    // import dialog (with `codeList` read and checked, when given) and the database settings.
    void checkDatabaseWindows(const std::function<QStringList(QWidget*)>& check,
                              const QString& codeList, QStringList& findings) {
        DatabaseIntegration& database = program_->database();
        database.openHistory();
        HistoryWindow* history = database.historyWindow();
        QVERIFY(history);
        QVERIFY(QTest::qWaitForWindowExposed(history));
        findings << check(history);
        ImportDialog import(database.session().database()->location(), window_);
        import.show();
        QVERIFY(QTest::qWaitForWindowExposed(&import));
        if (!codeList.isEmpty()) {
            import.setFile(codeList);
            QTRY_VERIFY_WITH_TIMEOUT(import.stage() == ImportDialog::Stage::Checked, 30000);
        }
        findings << check(&import);
        DatabaseSettingsPage settings(window_);
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        findings << check(&settings);
    }

    void waitForBridge() {
        QElapsedTimer waited;
        waited.start();
        while (!QAccessible::isActive() && waited.elapsed() < 10000 &&
               qEnvironmentVariableIsSet("QT_LINUX_ACCESSIBILITY_ALWAYS_ON"))
            QTest::qWait(50);
        if (qEnvironmentVariableIsSet("RADIOCODE_A11Y_BUS") && !QAccessible::isActive())
            QFAIL("The AT-SPI bus is running but Qt's bridge did not start within 10 s");
    }

    void showPage(Page page, Family family, const QString& input) {
        switch (page) {
        case Page::Family:
            window_->showPage(Page::Family);
            if (!input.isEmpty())
                QTest::keyClicks(window_->familyPage()->serialField()->lineEdit(), input);
            break;
        case Page::LabelGuide:
            window_->chooseFamily(family);
            break;
        case Page::SerialEntry: {
            window_->chooseFamily(family);
            window_->showPage(Page::SerialEntry);
            SerialEntryPage* entry = window_->serialEntryPage();
            if (family == Family::Becker) {
                QTest::keyClicks(entry->beckerModelEdit(), input.left(6));
                QTest::keyClicks(entry->beckerSerialEdit(), input.mid(6));
            } else {
                QTest::keyClicks(entry->serialField()->lineEdit(), input);
            }
            // Also the quick lookup in the header, with its clear button.
            QTest::keyClicks(window_->quickLookupField()->lineEdit(), QStringLiteral("J7"));
            break;
        }
        case Page::Result:
        case Page::JobDetails:
            QVERIFY(window_->lookUp(input, family));
            window_->showPage(page);
            break;
        case Page::Help:
            window_->showHelp();
            break;
        }
        QApplication::processEvents();
    }

    std::unique_ptr<FinderProgram> program_;
    MainWindow* window_ = nullptr;
};

int main(int argc, char** argv) {
    return radiocode::test::runWindowSuite<TestAccessibility>(argc, argv,
                                                              QStringLiteral("tst_accessibility"));
}

#include "tst_accessibility.moc"
