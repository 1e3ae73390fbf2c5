// The technician GUI driven like a technician would: one key at a time, the mouse on the
// cards and suggestions, a scanner's burst of keys ending in Enter, a paste with line breaks.
#include "pdf_reading.h"
#include "window_suite_main.h"

#include "common/i18n.h"
#include "common/texts.h"
#include "gui/database/history_window.h"
#include "gui/family_page.h"
#include "gui/finder_program.h"
#include "gui/help_page.h"
#include "gui/job_details_page.h"
#include "gui/label_guide_page.h"
#include "gui/main_window.h"
#include "gui/result_page.h"
#include "gui/serial_entry_page.h"
#include "gui/serial_widgets.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QWindow>

using namespace radiocode;
using namespace radiocode::gui;
using Page = MainWindow::Page;

Q_DECLARE_METATYPE(radiocode::Family)

namespace {

QString screenshotDir() {
    const QString dir = QStringLiteral(RADIOCODE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

Recognition expected(const QString& text, std::optional<Family> family) {
    const QByteArray raw = text.toUtf8();
    return recognise(std::string_view(raw.constData(), std::size_t(raw.size())), family);
}

QString familyIdOf(Family family) {
    return Texts::fromUtf8(familyId(family));
}

// Keys as a keyboard sends them, with the window system's timestamps (ms): through the window
// to its focus widget, like a real key press (QTest's own key events carry no timestamp).
// Capitals come with Shift pressed around them, as a USB scanner sends them.
class Keyboard {
public:
    void key(int key, const QString& text, quint64 at, Qt::KeyboardModifiers modifiers = {}) {
        for (const QEvent::Type type : {QEvent::KeyPress, QEvent::KeyRelease}) {
            QKeyEvent event(type, key, modifiers, text);
            event.setTimestamp(type == QEvent::KeyPress ? at : at + 1);
            QWidget* focus = QApplication::focusWidget();
            QWindow* window = focus ? focus->window()->windowHandle() : nullptr;
            if (window)
                QApplication::sendEvent(window, &event);
        }
    }
    // `text` one key every `gapMs`, then Enter after the same gap.
    void type(const QString& text, int gapMs, bool enter = true) {
        for (const QChar c : text) {
            time_ += gapMs;
            const bool capital = c.isUpper();
            if (capital)
                key(Qt::Key_Shift, QString(), time_, Qt::ShiftModifier);
            key(keyFor(c), QString(c), time_, capital ? Qt::ShiftModifier : Qt::NoModifier);
        }
        if (enter) {
            time_ += gapMs;
            key(Qt::Key_Return, QStringLiteral("\r"), time_);
        }
    }
    void pause(int ms) { time_ += quint64(ms); }

private:
    static int keyFor(QChar c) {
        if (c.isLetter())
            return Qt::Key_A + (c.toUpper().unicode() - 'A');
        if (c.isDigit())
            return Qt::Key_0 + (c.unicode() - '0');
        return c.unicode();
    }
    quint64 time_ = 1000000;
};

} // namespace

class TestWizard : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QSettings().clear();
        installTranslations(QStringLiteral("en"));
        startProgram();
        window_->resize(1200, 760);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
    }

    void cleanup() {
        program_.reset();
        window_ = nullptr;
    }

    // Every family: card, label guide, then the serial typed one character at a time. After
    // each key the page shows exactly what the core says about the text so far.
    void typeEachFamily_data() {
        QTest::addColumn<Family>("family");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("status");
        QTest::newRow("renault") << Family::Renault << QStringLiteral("J727")
                                 << QStringLiteral("6586") << QStringLiteral("Code found");
        QTest::newRow("visteon") << Family::Visteon << QStringLiteral("M212365")
                                 << QStringLiteral("3633") << QStringLiteral("Code found");
        QTest::newRow("blaupunkt") << Family::Blaupunkt << QStringLiteral("BP538769672026")
                                   << QString() << QStringLiteral("No code on record");
    }

    void typeEachFamily() {
        QFETCH(Family, family);
        QFETCH(QString, serial);
        QFETCH(QString, code);
        QFETCH(QString, status);
        QTest::mouseClick(window_->familyPage()->card(family), Qt::LeftButton);
        QCOMPARE(window_->currentPage(), Page::LabelGuide);
        QCOMPARE(window_->labelGuidePage()->family(), family);
        QVERIFY(!window_->labelGuidePage()->notesText().isEmpty());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::SerialEntry);
        SerialEntryPage* entry = window_->serialEntryPage();
        QLineEdit* field = entry->serialField()->lineEdit();
        QCOMPARE(QApplication::focusWidget(), field);
        for (qsizetype i = 0; i < serial.size(); ++i) {
            QTest::keyClick(field, serial.at(i).toLatin1());
            const Recognition now = expected(serial.left(i + 1), family);
            const InputState state =
                i + 1 < serial.size() ? InputState::Incomplete : InputState::Valid;
            QCOMPARE(now.state, state);
            QCOMPARE(entry->recognition().state, state);
            QCOMPARE(entry->statusLine()->stateText(), Texts::stateName(state));
            QCOMPARE(entry->statusLine()->messageText(), Texts::message(now));
            QCOMPARE(entry->findButton()->isEnabled(), state == InputState::Valid);
        }
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::Result);
        ResultPage* result = window_->resultPage();
        QCOMPARE(result->statusText(), status);
        QCOMPARE(result->codeText(), code);
        QCOMPARE(window_->currentResult().recognition.serial, serial.toStdString());
        if (!code.isEmpty()) {
            QCOMPARE(result->findChild<QLabel*>(QStringLiteral("codeDigit1"))->text(),
                     code.left(1));
            QCOMPARE(result->findChild<QLabel*>(QStringLiteral("codeDigit4"))->text(),
                     code.right(1));
            QTableWidget* steps = result->stepsTable();
            for (int row = 0; row < 4; ++row) {
                QCOMPARE(steps->item(row, 1)->text(),
                         QStringLiteral("Station button %1").arg(row + 1));
                QCOMPARE(steps->item(row, 2)->text(), code.mid(row, 1));
            }
            QVERIFY(result->confirmText().contains(
                QStringLiteral("Press OK or ENTER (some units: see the handbook).")));
            QVERIFY(result->sourceText().contains(family == Family::Renault
                                                      ? QStringLiteral("Renault precode")
                                                      : QStringLiteral("Visteon M-serial")));
            QCOMPARE(result->cautionTexts().size(), 2); // the handbook is named in the confirm step
            QVERIFY(result->cautionTexts().first().contains(
                QStringLiteral("Each wrong code costs an attempt")));
        } else {
            QVERIFY(result->reasonText().contains(
                QStringLiteral("No public algorithm exists for Blaupunkt")));
            QVERIFY(result->confirmText().contains(QStringLiteral("station button 6")));
            QVERIFY(result->nextStepTexts()
                        .join(QLatin1Char(' '))
                        .contains(QStringLiteral("radio card")));
            QVERIFY(result->sourceText().isEmpty());
        }
        // The sheet is offered either way.
        QVERIFY(result->findChild<QPushButton*>(QStringLiteral("printPreviewButton"))->isEnabled());
        // Esc goes back to the serial, as typed.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(window_->currentPage(), Page::SerialEntry);
        QCOMPARE(field->text(), serial);
        // The family is remembered for next time.
        QCOMPARE(QSettings().value(QStringLiteral("wizard/lastFamily")).toString(),
                 familyIdOf(family));
    }

    void incompleteSaysHowManyDigits() {
        window_->chooseFamily(Family::Blaupunkt);
        window_->showPage(Page::SerialEntry);
        QLineEdit* field = window_->serialEntryPage()->serialField()->lineEdit();
        QTest::keyClicks(field, QStringLiteral("BP5387"));
        QCOMPARE(window_->serialEntryPage()->recognition().state, InputState::Incomplete);
        QVERIFY2(window_->serialEntryPage()->statusLine()->messageText().startsWith(
                     QStringLiteral("8 more digit")),
                 qPrintable(window_->serialEntryPage()->statusLine()->messageText()));
        QCOMPARE(window_->serialEntryPage()->statusLine()->stateText(),
                 QStringLiteral("Incomplete"));
        // Enter on an incomplete serial does nothing but keep the message.
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::SerialEntry);
    }

    void suggestionIsOneClick() {
        window_->chooseFamily(Family::Blaupunkt);
        window_->showPage(Page::SerialEntry);
        SerialEntryPage* entry = window_->serialEntryPage();
        QTest::keyClicks(entry->serialField()->lineEdit(), QStringLiteral("BPO38769672026"));
        QCOMPARE(entry->recognition().state, InputState::Invalid);
        QCOMPARE(entry->statusLine()->stateText(), QStringLiteral("Invalid"));
        QVERIFY(entry->statusLine()->messageText().contains(QStringLiteral("at character 3")));
        // The O is shown marked, where a zero would look just like it.
        MarkedInput* marked = entry->serialField()->markedInput();
        QVERIFY(marked->isVisible());
        QCOMPARE(marked->markedPosition(), 2);
        QCOMPARE(marked->markedCharacter(), QStringLiteral("O"));
        QCOMPARE(marked->shownText(), QStringLiteral("BPO38769672026"));
        const QList<QPushButton*> suggestions = entry->suggestionBar()->buttons();
        QCOMPARE(suggestions.size(), 1);
        QVERIFY(suggestions.first()->isVisible());
        QVERIFY(suggestions.first()->text().contains(QStringLiteral("BP038769672026")));
        QTest::mouseClick(suggestions.first(), Qt::LeftButton);
        QCOMPARE(entry->serialField()->lineEdit()->text(), QStringLiteral("BP038769672026"));
        QCOMPARE(entry->recognition().state, InputState::Valid);
        QVERIFY(entry->suggestionBar()->buttons().isEmpty());
        QVERIFY(!marked->isVisible());
    }

    void beckerTwoFields_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("serialNo");
        QTest::addColumn<int>("finalState");
        QTest::addColumn<QString>("status");
        QTest::newRow("nissan model")
            << QStringLiteral("BE 4757") << QStringLiteral("35000375") << int(InputState::Valid)
            << QStringLiteral("No code on record");
        QTest::newRow("other model")
            << QStringLiteral("7818") << QStringLiteral("35000375") << int(InputState::Unsupported)
            << QStringLiteral("Radio not supported");
    }

    void beckerTwoFields() {
        QFETCH(QString, model);
        QFETCH(QString, serialNo);
        QFETCH(int, finalState);
        QFETCH(QString, status);
        QTest::mouseClick(window_->familyPage()->card(Family::Becker), Qt::LeftButton);
        QTest::mouseClick(window_->labelGuidePage()->nextButton(), Qt::LeftButton);
        SerialEntryPage* entry = window_->serialEntryPage();
        QCOMPARE(QApplication::focusWidget(), entry->beckerModelEdit());
        QVERIFY(entry->beckerModelEdit()->isVisible());
        QVERIFY(entry->beckerSerialEdit()->isVisible());
        QVERIFY(!entry->serialField()->lineEdit()->isVisible());
        for (const QChar c : model) {
            QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
            QCOMPARE(entry->recognition().state, InputState::Incomplete);
        }
        // Four model digits typed: the cursor moved on to the Serial No field by itself.
        QCOMPARE(QApplication::focusWidget(), entry->beckerSerialEdit());
        for (qsizetype i = 0; i < serialNo.size(); ++i) {
            QTest::keyClick(entry->beckerSerialEdit(), serialNo.at(i).toLatin1());
            const int state = int(entry->recognition().state);
            QCOMPARE(state, i + 1 < serialNo.size() ? int(InputState::Incomplete) : finalState);
        }
        QCOMPARE(entry->statusLine()->stateText(), Texts::stateName(InputState(finalState)));
        if (finalState == int(InputState::Unsupported))
            QVERIFY(entry->statusLine()->messageText().contains(QStringLiteral("7818")));
        QTest::keyClick(entry->beckerSerialEdit(), Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->statusText(), status);
        QVERIFY(window_->resultPage()->codeText().isEmpty());
        QVERIFY(!window_->resultPage()->reasonText().isEmpty());
        QVERIFY(window_->resultPage()->confirmText().contains(QStringLiteral("handbook")));
    }

    void beckerWholeSerialInModelFieldIsSplit() {
        window_->chooseFamily(Family::Becker);
        window_->showPage(Page::SerialEntry);
        SerialEntryPage* entry = window_->serialEntryPage();
        QTest::keyClicks(entry->beckerModelEdit(), QStringLiteral("BE473912345678"));
        QCOMPARE(entry->beckerModelEdit()->text(), QStringLiteral("BE4739"));
        QCOMPARE(entry->beckerSerialEdit()->text(), QStringLiteral("12345678"));
        QCOMPARE(entry->recognition().state, InputState::Valid);
    }

    // A USB scanner is a keyboard that types fast and presses Enter: from the first page it
    // goes straight to the code.
    void scannerOnFirstPage() {
        QLineEdit* field = window_->familyPage()->serialField()->lineEdit();
        field->setFocus();
        QTest::keyClicks(field, QStringLiteral("M123456"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("2487"));
        QCOMPARE(*window_->currentResult().recognition.family, Family::Visteon);
        QCOMPARE(window_->serialEntryPage()->family(), Family::Visteon);
    }

    // A USB scanner on the first page: the focus is on a card, whose Enter would open its
    // guide; the scan goes straight to its code instead, the family found from the serial.
    void scanOnStartPageLooksUp() {
        QCOMPARE(window_->currentPage(), Page::Family);
        window_->familyPage()->card(Family::Blaupunkt)->setFocus();
        QSignalSpy chosen(window_->familyPage(), &FamilyPage::familyChosen);
        Keyboard keyboard;
        keyboard.type(QStringLiteral("M212365"), 5);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("3633"));
        QCOMPARE(*window_->currentResult().recognition.family, Family::Visteon);
        QCOMPARE(chosen.size(), 0); // no card was pressed
        QTest::qWait(80);           // nothing held back arrives late
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(chosen.size(), 0);
    }

    // With the focus on "Print preview", a scan on the result page must look the next radio up,
    // never open the last radio's sheet, and the last job's details go.
    void scanOnResultPageStartsTheNextJob() {
        QVERIFY(window_->lookUp(QStringLiteral("J727"), std::nullopt));
        window_->jobDetailsPage()->customerEdit()->setText(QStringLiteral("Ayşe Yılmaz"));
        window_->jobDetailsPage()->vinEdit()->setText(QStringLiteral("SJNFAAJ10U1234567"));
        window_->jobDetailsPage()->notesEdit()->setPlainText(QStringLiteral("Radio out."));
        window_->jobDetailsPage()->technicianEdit()->setText(QStringLiteral("Tom"));
        window_->showPage(Page::Result);
        window_->resultPage()
            ->findChild<QPushButton*>(QStringLiteral("printPreviewButton"))
            ->setFocus(Qt::TabFocusReason);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("printPreviewButton"));
        // A dialog that opens despite all is closed again after a while, and noted.
        bool dialogOpened = false;
        QTimer watchdog;
        connect(&watchdog, &QTimer::timeout, [&] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                dialogOpened = true;
                modal->close();
            }
        });
        watchdog.start(200);
        Keyboard keyboard;
        keyboard.type(QStringLiteral("M212365"), 4);
        QTest::qWait(80);
        QVERIFY(!dialogOpened);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("3633"));
        const JobDetails details = window_->currentJobDetails();
        QVERIFY(details.customer.isEmpty());
        QVERIFY(details.vin.isEmpty());
        QVERIFY(details.notes.isEmpty());
        QCOMPARE(details.technician, QStringLiteral("Tom")); // the technician stays
        QCOMPARE(window_->currentSheet().job.customer, QString());
        QVERIFY2(window_->noticeText().contains(QStringLiteral("J727")),
                 qPrintable(window_->noticeText()));
        QVERIFY(window_->noticeLabel()->isVisible());
    }

    // A scan into a text field: nothing of it stays there, half typed or whole.
    void scanIntoFieldsLeavesNothingTyped() {
        window_->chooseFamily(Family::Renault);
        window_->showPage(Page::SerialEntry);
        QLineEdit* field = window_->serialEntryPage()->serialField()->lineEdit();
        QCOMPARE(QApplication::focusWidget(), field);
        Keyboard keyboard;
        keyboard.type(QStringLiteral("J72"), 150, false); // a person starts typing
        QCOMPARE(field->text(), QStringLiteral("J72"));
        keyboard.pause(2000);
        keyboard.type(QStringLiteral("M123456"), 3); // then scans
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("2487"));
        QCOMPARE(window_->serialEntryPage()->family(), Family::Visteon);
        QCOMPARE(field->text(), QStringLiteral("M123456"));

        // The job details' customer field: the scan is the next radio, not a customer's name.
        window_->showPage(Page::JobDetails);
        QLineEdit* customer = window_->jobDetailsPage()->customerEdit();
        QCOMPARE(QApplication::focusWidget(), customer);
        customer->setText(QStringLiteral("Max"));
        keyboard.pause(2000);
        keyboard.type(QStringLiteral("BP538769672026"), 2);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->currentResult().recognition.serial, std::string("BP538769672026"));
        QCOMPARE(customer->text(), QString()); // neither "Max" (another radio) nor the serial

        // A VIN barcode scanned into the VIN field is no serial: it is typed there.
        window_->showPage(Page::JobDetails);
        window_->jobDetailsPage()->vinEdit()->setFocus();
        keyboard.pause(2000);
        keyboard.type(QStringLiteral("SJNFAAJ10U1234567"), 2);
        QCOMPARE(window_->currentPage(), Page::JobDetails);
        QCOMPARE(window_->jobDetailsPage()->vinEdit()->text(), QStringLiteral("SJNFAAJ10U1234567"));
    }

    // A misread or foreign barcode is not looked up: it is shown where it can be corrected.
    void scanOfAnInvalidSerialShowsItsMessage() {
        window_->familyPage()->card(Family::Renault)->setFocus();
        Keyboard keyboard;
        keyboard.type(QStringLiteral("BPO38769672026"), 3);
        QCOMPARE(window_->currentPage(), Page::SerialEntry);
        QCOMPARE(window_->serialEntryPage()->family(), Family::Blaupunkt);
        QCOMPARE(window_->serialEntryPage()->serialText(), QStringLiteral("BPO38769672026"));
        QCOMPARE(window_->serialEntryPage()->recognition().state, InputState::Invalid);
        QVERIFY(!window_->serialEntryPage()->suggestionBar()->buttons().isEmpty());
    }

    // A person typing keeps today's behaviour, on a card and in a field.
    void slowTypingIsTyping() {
        FamilyCard* card = window_->familyPage()->card(Family::Visteon);
        card->setFocus();
        Keyboard keyboard;
        keyboard.type(QStringLiteral("M212365"), 150); // Enter on the card: its guide
        QTRY_COMPARE(window_->currentPage(), Page::LabelGuide);
        QCOMPARE(window_->labelGuidePage()->family(), Family::Visteon);

        window_->newRadio();
        QLineEdit* field = window_->familyPage()->serialField()->lineEdit();
        field->setFocus();
        keyboard.pause(1000);
        keyboard.type(QStringLiteral("M212365"), 150);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("3633"));

        // Three quick keys and Enter is too short for a scan: typed, then Enter as usual.
        window_->newRadio();
        field->setFocus();
        keyboard.pause(1000);
        keyboard.type(QStringLiteral("J72"), 5, false);
        keyboard.pause(200);
        keyboard.type(QStringLiteral("7"), 150);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("6586"));
    }

    // The history window is a window of its own: a scan there is the next radio too.
    void scanInTheHistoryWindow() {
        program_->database().openHistory();
        HistoryWindow* history = program_->database().historyWindow();
        QVERIFY(history);
        QVERIFY(QTest::qWaitForWindowExposed(history));
        QApplication::setActiveWindow(history);
        QVERIFY(QTest::qWaitForWindowActive(history));
        history->searchEdit()->setFocus();
        QCOMPARE(QApplication::focusWidget(), history->searchEdit());
        Keyboard keyboard;
        keyboard.type(QStringLiteral("M212365"), 5);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("3633"));
        QCOMPARE(history->searchEdit()->text(), QString());
        history->close();
    }

    // A lookup of another radio typed by hand asks whether the details are this radio's too.
    void typedLookupOfAnotherRadioAsksAboutTheDetails() {
        QStringList questions;
        bool keep = false;
        window_->setKeepDetailsQuestion([&](const QString& question) {
            questions << question;
            return keep;
        });
        QVERIFY(window_->lookUp(QStringLiteral("J727"), std::nullopt));
        window_->jobDetailsPage()->customerEdit()->setText(QStringLiteral("Max"));
        // The same radio again: the same job, nothing asked.
        QVERIFY(window_->lookUp(QStringLiteral("j727"), std::nullopt));
        QVERIFY(questions.isEmpty());
        QCOMPARE(window_->currentJobDetails().customer, QStringLiteral("Max"));
        // Another radio, "keep": kept.
        keep = true;
        QVERIFY(window_->lookUp(QStringLiteral("M123456"), std::nullopt));
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions.first().contains(QStringLiteral("J727")));
        QCOMPARE(window_->currentJobDetails().customer, QStringLiteral("Max"));
        // Another radio, not kept: cleared, and the page says so.
        keep = false;
        QVERIFY(window_->lookUp(QStringLiteral("M212365"), std::nullopt));
        QCOMPARE(questions.size(), 2);
        QCOMPARE(window_->currentJobDetails().customer, QString());
        QCOMPARE(window_->currentSheet().job.customer, QString());
        QVERIFY(window_->noticeText().contains(QStringLiteral("cleared")));
        // Nothing entered: nothing to ask.
        QVERIFY(window_->lookUp(QStringLiteral("J727"), std::nullopt));
        QCOMPARE(questions.size(), 2);
    }

    // Help lists every shortcut of the menus, the code database's Ctrl+I and Ctrl+H included.
    void helpListsEveryShortcut() {
        window_->showHelp();
        const QString text = window_->helpPage()->plainText();
        int shortcuts = 0;
        std::function<void(const QList<QAction*>&)> check = [&](const QList<QAction*>& actions) {
            for (QAction* action : actions) {
                if (action->menu()) {
                    check(action->menu()->actions());
                } else if (!action->shortcut().isEmpty()) {
                    ++shortcuts;
                    const QString key = action->shortcut().toString(QKeySequence::NativeText);
                    QVERIFY2(text.contains(key), qPrintable(key + QStringLiteral(" missing")));
                }
            }
        };
        check(window_->menuBar()->actions());
        QVERIFY(shortcuts >= 10);
        QVERIFY(text.contains(QStringLiteral("Ctrl+I")));
        QVERIFY(text.contains(QStringLiteral("Ctrl+H")));
        QVERIFY(text.contains(QStringLiteral("Ctrl+L")));
    }

    void scannerReadsRenaultBarcodeText() {
        window_->chooseFamily(Family::Renault);
        window_->showPage(Page::SerialEntry);
        QLineEdit* field = window_->serialEntryPage()->serialField()->lineEdit();
        QTest::keyClicks(field, QStringLiteral("CM7006VE000RTBT019"));
        QTest::keyClick(field, Qt::Key_Enter);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->currentResult().recognition.serial, std::string("T019"));
        QCOMPARE(window_->resultPage()->codeText().size(), 4);
    }

    void notSureRecognisesFamily() {
        FamilyPage* page = window_->familyPage();
        QLineEdit* field = page->serialField()->lineEdit();
        QTest::keyClicks(field, QStringLiteral("815CM934515516803"));
        auto* next = page->findChild<QPushButton*>(QStringLiteral("continueWithFamily"));
        QVERIFY(next->isEnabled());
        QVERIFY(next->text().contains(QStringLiteral("Blaupunkt")));
        QVERIFY(page->serialField()->statusLine()->messageText().contains(
            QStringLiteral("BP934515516803")));
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->currentResult().status, LookupStatus::NotFound);
        // An ambiguous start says so and does not go on.
        window_->newRadio();
        QTest::keyClicks(field, QStringLiteral("M123"));
        QVERIFY(!next->isEnabled());
        QVERIFY(page->serialField()->statusLine()->messageText().contains(
            QStringLiteral("Renault precode")));
    }

    void pasteWithSpacesAndLineBreaks() {
        window_->chooseFamily(Family::Blaupunkt);
        window_->showPage(Page::SerialEntry);
        QLineEdit* field = window_->serialEntryPage()->serialField()->lineEdit();
        QApplication::clipboard()->setText(QStringLiteral("  BP53876\n9672026\r\n"));
        QTest::keyClick(field, Qt::Key_V, Qt::ControlModifier);
        QVERIFY2(!field->text().contains(QLatin1Char('\n')), qPrintable(field->text()));
        QCOMPARE(window_->serialEntryPage()->recognition().state, InputState::Valid);
        QCOMPARE(window_->serialEntryPage()->recognition().serial, std::string("BP538769672026"));
        // Through the context menu's paste (QLineEdit::paste) as well.
        field->clear();
        QApplication::clipboard()->setText(QStringLiteral("BP 538769\t672026\n"));
        field->paste();
        QCOMPARE(window_->serialEntryPage()->recognition().state, InputState::Valid);
    }

    void quickLookup() {
        QTest::keyClick(window_, Qt::Key_L, Qt::ControlModifier);
        QLineEdit* quick = window_->quickLookupField()->lineEdit();
        QCOMPARE(QApplication::focusWidget(), quick);
        QTest::keyClicks(quick, QStringLiteral("j727"));
        QTest::keyClick(quick, Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("6586"));
        // An invalid serial stays in the field with its message.
        quick->setFocus();
        quick->clear();
        QTest::keyClicks(quick, QStringLiteral("A050"));
        QTest::keyClick(quick, Qt::Key_Return);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("6586"));
        QVERIFY(window_->quickLookupField()->statusLine()->isVisible());
        QVERIFY(window_->quickLookupField()->statusLine()->messageText().contains(
            QStringLiteral("A000 to A099")));
    }

    void jobDetailsVin() {
        QVERIFY(window_->lookUp(QStringLiteral("J727"), std::nullopt));
        QTest::mouseClick(
            window_->resultPage()->findChild<QPushButton*>(QStringLiteral("jobDetailsButton")),
            Qt::LeftButton);
        QCOMPARE(window_->currentPage(), Page::JobDetails);
        JobDetailsPage* job = window_->jobDetailsPage();
        QCOMPARE(QApplication::focusWidget(), job->customerEdit());
        // QTest types ASCII only; the name with its Turkish letters is set as a paste would.
        job->customerEdit()->setText(QStringLiteral("Ayşe Yılmaz"));
        QTest::keyClick(job->customerEdit(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), job->registrationEdit());
        QTest::keyClicks(job->registrationEdit(), QStringLiteral("34 abc 123"));
        QTest::keyClick(job->registrationEdit(), Qt::Key_Return); // Enter moves on in the form
        QCOMPARE(QApplication::focusWidget(), job->vinEdit());
        QTest::keyClicks(job->vinEdit(), QStringLiteral("SJNFAAJ10U12345"));
        QCOMPARE(job->vinStatus()->stateText(), QStringLiteral("Incomplete"));
        QVERIFY(job->vinStatus()->messageText().contains(QStringLiteral("2 more")));
        QVERIFY(!job->vinAcceptable());
        QTest::keyClicks(job->vinEdit(), QStringLiteral("6O"));
        QCOMPARE(job->vinStatus()->stateText(), QStringLiteral("Invalid"));
        QVERIFY(job->vinStatus()->messageText().contains(QStringLiteral("I, O or Q")));
        QVERIFY(job->vinStatus()->messageText().contains(QStringLiteral("17")));
        QTest::keyClick(job->vinEdit(), Qt::Key_Backspace);
        QTest::keyClick(job->vinEdit(), '7');
        QCOMPARE(job->vinStatus()->stateText(), QStringLiteral("Valid"));
        QVERIFY(job->vinAcceptable());
        QTest::keyClicks(job->technicianEdit(), QStringLiteral("Tom"));
        job->notesEdit()->setPlainText(QStringLiteral("Radio out of the dash."));
        const JobDetails details = window_->currentJobDetails();
        QCOMPARE(details.customer, QStringLiteral("Ayşe Yılmaz"));
        QCOMPARE(details.registration, QStringLiteral("34 ABC 123"));
        QCOMPARE(details.vin, QStringLiteral("SJNFAAJ10U1234567"));
        QCOMPARE(details.technician, QStringLiteral("Tom"));
        QCOMPARE(window_->currentSheet().job.vin, QStringLiteral("SJNFAAJ10U1234567"));
        // The job details go on the sheet.
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("job.pdf"));
        QVERIFY(window_->saveSheetAs(pdf, PaperSize::A4));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QTest::keyClick(job->customerEdit(), Qt::Key_Escape);
        QCOMPARE(window_->currentPage(), Page::Result);
    }

    void keyboardOnlyEndToEnd() {
        // Alt+V picks Visteon, Enter goes on from the guide, the serial, Enter: the code.
        QCOMPARE(window_->currentPage(), Page::Family);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_V, Qt::AltModifier);
        // A mnemonic "animates" the click: it lands a moment later.
        QTRY_COMPARE(window_->currentPage(), Page::LabelGuide);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::SerialEntry);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("M025345"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("3306"));
        // Back to the start with Esc, step by step; the last family has the focus.
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(window_->currentPage(), Page::Family);
        QCOMPARE(QApplication::focusWidget(), window_->familyPage()->card(Family::Visteon));
        // Enter on a focused card chooses it.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::LabelGuide);
        // F1 opens help; Esc returns.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
        QCOMPARE(window_->currentPage(), Page::Help);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(window_->currentPage(), Page::LabelGuide);
    }

    void accessibleNames() {
        for (const Family family : allFamilies)
            QCOMPARE(window_->familyPage()->card(family)->accessibleName(),
                     Texts::familyName(family));
        QVERIFY(!window_->familyPage()->serialField()->lineEdit()->accessibleName().isEmpty());
        QVERIFY(!window_->quickLookupField()->lineEdit()->accessibleName().isEmpty());
        QVERIFY(!window_->serialEntryPage()->beckerModelEdit()->accessibleName().isEmpty());
        QVERIFY(!window_->serialEntryPage()->beckerSerialEdit()->accessibleName().isEmpty());
        QVERIFY(!window_->jobDetailsPage()->vinEdit()->accessibleName().isEmpty());
        QVERIFY(!window_->labelGuidePage()->view()->accessibleName().isEmpty());
    }

    // Alt+letter must do one thing on every page, in every language: no two visible mnemonics
    // alike, menus and the code database's job buttons included (a result with a code shows
    // "This code worked"/"Code refused", one without shows "Record the code that worked").
    void mnemonicsAreUnique_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("serial");
        for (const QString& language : availableLanguages()) {
            QTest::newRow(qPrintable(language + QStringLiteral(", code")))
                << language << QStringLiteral("J727");
            QTest::newRow(qPrintable(language + QStringLiteral(", no code")))
                << language << QStringLiteral("BP538769672026");
        }
    }

    void mnemonicsAreUnique() {
        QFETCH(QString, language);
        QFETCH(QString, serial);
        installTranslations(language);
        QVERIFY(window_->lookUp(serial, std::nullopt));
        for (const Page page : {Page::Family, Page::LabelGuide, Page::SerialEntry, Page::Result,
                                Page::JobDetails, Page::Help}) {
            window_->showPage(page);
            QApplication::processEvents();
            QMap<QString, QString> seen;
            auto check = [&](const QString& text) {
                const QKeySequence mnemonic = QKeySequence::mnemonic(text);
                if (mnemonic.isEmpty())
                    return;
                const QString key = mnemonic.toString();
                QVERIFY2(!seen.contains(key),
                         qPrintable(QStringLiteral("%1: \"%2\" and \"%3\" share %4")
                                        .arg(int(page))
                                        .arg(seen.value(key), text, key)));
                seen.insert(key, text);
            };
            for (QAction* action : window_->menuBar()->actions())
                if (action->isVisible())
                    check(action->text());
            for (QAbstractButton* button : window_->findChildren<QAbstractButton*>())
                if (button->isVisible())
                    check(button->text());
            for (QLabel* label : window_->findChildren<QLabel*>())
                if (label->isVisible() && label->buddy())
                    check(label->text());
            QVERIFY(seen.size() >= 6); // the five menus and at least one on the page
        }
    }

    void labelGuideZooms() {
        window_->chooseFamily(Family::Renault);
        LabelView* view = window_->labelGuidePage()->view();
        const qreal fitted = view->zoom();
        QVERIFY(fitted > 0);
        QTest::keyClick(window_->labelGuidePage(), Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(view->zoom() > fitted);
        QTest::keyClick(window_->labelGuidePage(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view->zoom(), fitted);
        QVERIFY(window_->labelGuidePage()->notesText().contains(QStringLiteral("buttons 1 and 6")));
        window_->chooseFamily(Family::Blaupunkt);
        QVERIFY(window_->labelGuidePage()->notesText().contains(QStringLiteral("815")));
        window_->chooseFamily(Family::Becker);
        QVERIFY(window_->labelGuidePage()->notesText().contains(QStringLiteral("Model No")));
    }

    void drawingsArriveAfterFirstFrame() {
        // init() waited for the window: by now the first frame is out and the drawings are in.
        const auto drawingShown = [this] {
            const QImage drawing = window_->familyPage()
                                       ->card(Family::Renault)
                                       ->icon()
                                       .pixmap(QSize(290, 152))
                                       .toImage();
            return qAlpha(drawing.pixel(drawing.width() / 2, drawing.height() / 2)) == 255;
        };
        QTRY_VERIFY(drawingShown());
        QVERIFY(iconsReady());
    }

    void printerPathRendersTheSheet() {
        QVERIFY(window_->lookUp(QStringLiteral("M212365"), std::nullopt));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("printer.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        printer.setPageSize(InstructionSheet::pageSize(PaperSize::Letter));
        QVERIFY(InstructionSheet::render(printer, window_->currentSheet()));
        const QString text = test::pdfText(path).simplified();
        QVERIFY2(text.contains(QStringLiteral("M212365")), qPrintable(text));
        QVERIFY(
            text.contains(QStringLiteral("Press station button 1 until 3 shows on the display.")));
    }

    // What the benchmarks and packaging checks call: a number of milliseconds, exit 0.
    void smokeTest() {
        QProcess program;
        program.start(QStringLiteral(RADIOCODE_BINARY_DIR "/app/gui/radiocode-finder"),
                      {QStringLiteral("--smoke-test")});
        QVERIFY(program.waitForFinished(60000));
        QCOMPARE(program.exitStatus(), QProcess::NormalExit);
        QCOMPARE(program.exitCode(), 0);
        const QString out = QString::fromUtf8(program.readAllStandardOutput()).trimmed();
        bool isNumber = false;
        const int milliseconds = out.toInt(&isNumber);
        QVERIFY2(isNumber && milliseconds > 0, qPrintable(out));
    }

    // The label readers (zxing-cpp, Tesseract and what they pull in) are loaded on the first
    // picture read, the camera support (Qt Multimedia) when the cameras are first asked for after
    // the first frame, CUPS on the first print: loading them took longer than the whole first
    // frame. The dynamic loader lists every object it loads (LD_DEBUG=files, glibc), in order with
    // the program's own "first frame" line.
    void heavyLibrariesAreNotLoadedBeforeTheFirstFrame() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        QProcess program;
        program.setProcessEnvironment(environment);
        program.setProcessChannelMode(QProcess::MergedChannels);
        program.start(QStringLiteral(RADIOCODE_BINARY_DIR "/app/gui/radiocode-finder"),
                      {QStringLiteral("--smoke-test")});
        QVERIFY(program.waitForFinished(60000));
        QCOMPARE(program.exitCode(), 0);
        const QByteArray output = program.readAll();
        if (!output.contains("file=libQt6Widgets"))
            QSKIP("the dynamic loader does not list what it loads (not glibc)");
        const qsizetype firstFrame = output.indexOf("radiocode-finder: first frame");
        QVERIFY2(firstFrame > 0, output.right(2000).constData());
        const QByteArray beforeFirstFrame = output.first(firstFrame);
        const auto loaded = [](const QByteArray& log, const char* library) {
            return log.contains(QByteArray("file=") + library) ||
                   log.contains(QByteArray("/") + library);
        };
        for (const char* library :
             {"libtesseract", "libZXing", "liblept", "libradiocode_label_engines"})
            QVERIFY2(!loaded(output, library), library); // no picture read: never
        for (const char* library :
             {"libQt6Multimedia", "libradiocode_camera", "libcups", "libradiocode_printing"})
            QVERIFY2(!loaded(beforeFirstFrame, library), library);
    }

    // --version and --help answer in a terminal with no display at all (over ssh, in packaging
    // checks): they must not need a graphical platform.
    void versionAndHelpWithoutADisplay() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        for (const QString& option : {QStringLiteral("--version"), QStringLiteral("--help")}) {
            QProcess program;
            program.setProcessEnvironment(environment);
            program.start(QStringLiteral(RADIOCODE_BINARY_DIR "/app/gui/radiocode-finder"),
                          {option});
            QVERIFY(program.waitForFinished(60000));
            QCOMPARE(program.exitStatus(), QProcess::NormalExit);
            QCOMPARE(program.exitCode(), 0);
            QVERIFY(program.readAllStandardOutput().contains("radiocode-finder"));
        }
    }

    void helpHasTroubleshooting() {
        window_->showHelp();
        const QString text = window_->helpPage()->plainText();
        for (const TroubleshootingItem item : troubleshootingItems) {
            QVERIFY(text.contains(Texts::troubleshootingTitle(item)));
            QVERIFY(text.contains(Texts::troubleshootingText(item)));
        }
    }

    void settingsRemembered() {
        window_->chooseFamily(Family::Visteon);
        window_->resize(1000, 700);
        window_->close();
        startProgram();
        QCOMPARE(window_->size(), QSize(1000, 700));
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_));
        QCOMPARE(QApplication::focusWidget(), window_->familyPage()->card(Family::Visteon));
        QCOMPARE(window_->serialEntryPage()->family(), Family::Visteon);
    }

    void databaseHooks() {
        QMenu* menu = window_->databaseMenu();
        QVERIFY(menu);
        QVERIFY(menu->menuAction()->isVisible());
        menu->addAction(QStringLiteral("Import codes…"));
        auto* worked = new QPushButton(QStringLiteral("This code worked"));
        window_->addResultAction(worked);
        QSignalSpy completed(window_, &MainWindow::lookupCompleted);
        QVERIFY(window_->lookUp(QStringLiteral("M123456"), std::nullopt));
        QCOMPARE(completed.size(), 1);
        QVERIFY(worked->isVisible());
        QCOMPARE(worked->parentWidget(), window_->resultPage());
        QCOMPARE(window_->currentResult().answer->code, std::string("2487"));
        // Reopening a saved job shows its result and leads Back to its serial.
        CodeFinder finder;
        window_->setJobDetails(
            JobDetails{QStringLiteral("Max"), {}, {}, QStringLiteral("Tom"), {}});
        window_->showResult(finder.lookup("J727"));
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("6586"));
        QCOMPARE(window_->currentJobDetails().customer, QStringLiteral("Max"));
        window_->back();
        QCOMPARE(window_->serialEntryPage()->family(), Family::Renault);
        QCOMPARE(window_->serialEntryPage()->serialText(), QStringLiteral("J727"));
    }

    void languageSwitchesLive() {
        QVERIFY(window_->lookUp(QStringLiteral("J727"), std::nullopt));
        QMenu* languageMenu = nullptr;
        for (QAction* action : window_->menuBar()->actions())
            if (action->menu() && action->menu()->actions().size() == 3)
                languageMenu = action->menu();
        QVERIFY(languageMenu);
        // Our annotations on the label drawings (card and thumbnail) follow the language too.
        window_->familyPage()->loadDrawings();
        const auto cardDrawing = [this] {
            return window_->familyPage()->card(Family::Becker)->icon().pixmap(290, 152).toImage();
        };
        const auto* thumbnail =
            window_->serialEntryPage()->findChild<QLabel*>(QStringLiteral("labelThumbnail"));
        QVERIFY(thumbnail);
        const QImage englishCard = cardDrawing();
        const QImage englishThumbnail = thumbnail->pixmap().toImage();
        QStringList names;
        for (QAction* action : languageMenu->actions())
            names << action->text();
        QCOMPARE(names, (QStringList{QStringLiteral("English"), QStringLiteral("Deutsch"),
                                     QStringLiteral("Türkçe")}));
        languageMenu->actions().at(1)->trigger();
        QApplication::processEvents();
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("de"));
        // Whatever the words, the code and the steps stay.
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("6586"));
        QCOMPARE(window_->resultPage()->stepsTable()->item(0, 2)->text(), QStringLiteral("6"));
        const QImage germanCard = cardDrawing();
        QVERIFY(germanCard != englishCard);
        QVERIFY(thumbnail->pixmap().toImage() != englishThumbnail);
        languageMenu->actions().at(0)->trigger();
        QApplication::processEvents();
        QCOMPARE(window_->resultPage()->statusText(), QStringLiteral("Code found"));
        QVERIFY(cardDrawing() != germanCard);
    }

    // Live retranslation: a translator that brackets every sentence shows which texts follow a
    // language change without a restart.
    void everyPageRetranslatesLive() {
        class Bracketing : public QTranslator {
        public:
            QString translate(const char*, const char* source, const char*, int) const override {
                return QStringLiteral("«%1»").arg(QString::fromUtf8(source));
            }
            bool isEmpty() const override { return false; }
        };
        QVERIFY(window_->lookUp(QStringLiteral("J727"), std::nullopt));
        Bracketing bracketing;
        QCoreApplication::installTranslator(&bracketing);
        QApplication::processEvents();
        QVERIFY2(window_->resultPage()->statusText().startsWith(QStringLiteral("«")),
                 qPrintable(window_->resultPage()->statusText()));
        QVERIFY(window_->resultPage()->confirmText().contains(QStringLiteral("«")));
        QVERIFY(window_->windowTitle().startsWith(QStringLiteral("«")));
        QVERIFY(window_->labelGuidePage()->notesText().contains(QStringLiteral("«")));
        QVERIFY(window_->helpPage()->plainText().contains(QStringLiteral("«")));
        QVERIFY(window_->familyPage()->card(Family::Visteon)->text().contains(QStringLiteral("«")));
        QVERIFY(window_->serialEntryPage()->findButton()->text().startsWith(QStringLiteral("«")));
        QVERIFY(
            window_->jobDetailsPage()->vinStatus()->messageText().startsWith(QStringLiteral("«")));
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("6586"));
        QCoreApplication::removeTranslator(&bracketing);
        QApplication::processEvents();
        QCOMPARE(window_->resultPage()->statusText(), QStringLiteral("Code found"));
    }

    // Every page of every family, saved for people to look at (and for the README).
    // English at the top of the folder, the translations in de/ and tr/.
    void screenshots_data() {
        QTest::addColumn<Family>("family");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("language");
        for (const char* language : {"en", "de", "tr"}) {
            const auto row = [&](const char* name) {
                return &QTest::addRow("%s-%s", name, language);
            };
            const QString lang = QString::fromLatin1(language);
            *row("blaupunkt") << Family::Blaupunkt << QStringLiteral("BP53876 9672026") << lang;
            *row("renault") << Family::Renault << QStringLiteral("J727") << lang;
            *row("becker") << Family::Becker << QStringLiteral("BE475735000375") << lang;
            *row("visteon") << Family::Visteon << QStringLiteral("M123456") << lang;
        }
    }

    void screenshots() {
        QFETCH(Family, family);
        QFETCH(QString, serial);
        QFETCH(QString, language);
        QCOMPARE(installTranslations(language), language);
        const QString id = familyIdOf(family);
        QString dir = screenshotDir();
        if (language != QLatin1String("en")) {
            dir += QLatin1Char('/') + language;
            QVERIFY(QDir().mkpath(dir));
        }
        auto save = [&](const QString& name) {
            // Each nested layout settles in its own pass of the event loop, as it does on screen
            // within a few milliseconds.
            for (int pass = 0; pass < 5; ++pass)
                QApplication::processEvents();
            // No alpha channel and the strongest compression: small files for the README.
            const QImage image = window_->grab().toImage().convertToFormat(QImage::Format_RGB888);
            QVERIFY(!image.isNull());
            QVERIFY(image.save(QStringLiteral("%1/%2-%3.png").arg(dir, id, name), "PNG", 0));
        };
        window_->resize(1180, 700);
        window_->familyPage()->setLastFamily(family);
        window_->familyPage()->focusFirst();
        save(QStringLiteral("1-family"));
        window_->chooseFamily(family);
        save(QStringLiteral("2-label-guide"));
        window_->showPage(Page::SerialEntry);
        SerialEntryPage* entry = window_->serialEntryPage();
        // Half typed: the incomplete state.
        if (family == Family::Becker) {
            QTest::keyClicks(entry->beckerModelEdit(), QStringLiteral("BE 4757"));
            QTest::keyClicks(entry->beckerSerialEdit(), QStringLiteral("3500"));
        } else {
            QTest::keyClicks(entry->serialField()->lineEdit(), serial.left(serial.size() - 2));
        }
        save(QStringLiteral("3-serial-incomplete"));
        // A look-alike letter: the invalid state with its suggestion.
        if (family == Family::Becker) {
            QTest::keyClicks(entry->beckerSerialEdit(), QStringLiteral("O375"));
        } else {
            entry->serialField()->lineEdit()->clear();
            QString typo = serial;
            typo[typo.size() - 2] = family == Family::Renault ? QLatin1Char('I') : QLatin1Char('O');
            QTest::keyClicks(entry->serialField()->lineEdit(), typo);
        }
        save(QStringLiteral("4-serial-suggestion"));
        entry->setSerialText(serial);
        save(QStringLiteral("5-serial-valid"));
        QVERIFY(window_->lookUp(entry->serialText(), family));
        save(QStringLiteral("6-result"));
        window_->showPage(Page::JobDetails);
        window_->jobDetailsPage()->customerEdit()->setText(QStringLiteral("Ayşe Yılmaz"));
        QTest::keyClicks(window_->jobDetailsPage()->registrationEdit(),
                         QStringLiteral("34 ABC 123"));
        QTest::keyClicks(window_->jobDetailsPage()->vinEdit(), QStringLiteral("SJNFAAJ10U12345"));
        QTest::keyClicks(window_->jobDetailsPage()->technicianEdit(), QStringLiteral("Tom"));
        save(QStringLiteral("7-job-details"));
        if (family == Family::Becker) {
            window_->lookUp(QStringLiteral("BE781835000375"), family);
            save(QStringLiteral("8-result-unsupported"));
            window_->showHelp();
            save(QStringLiteral("9-help"));
        }
    }

private:
    // The program as radiocode-finder builds it (finder, code database, window): the
    // screenshots show what the technician gets.
    void startProgram() {
        program_.reset();
        program_ = std::make_unique<FinderProgram>();
        window_ = &program_->window();
        // Another radio's lookup clears the last one's details (the question's default).
        window_->setKeepDetailsQuestion([](const QString&) { return false; });
    }

    std::unique_ptr<FinderProgram> program_;
    MainWindow* window_ = nullptr;
};

int main(int argc, char** argv) {
    return radiocode::test::runWindowSuite<TestWizard>(argc, argv, QStringLiteral("tst_wizard"));
}

#include "tst_wizard.moc"
