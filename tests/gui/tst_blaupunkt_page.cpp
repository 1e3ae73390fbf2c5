// The Blaupunkt serial page of the real program (FinderProgram, with its code database): the
// optional part number typed beside the serial, checked live and holding back a contradicted
// code; a 7th-character letter read both ways; a serial of an unknown label form, unchecked.
#include "pdf_reading.h"
#include "program_window.h"
#include "window_suite_main.h"

#include "common/i18n.h"
#include "common/texts.h"
#include "gui/database/database_integration.h"
#include "gui/finder_program.h"
#include "gui/main_window.h"
#include "gui/result_page.h"
#include "gui/serial_entry_page.h"
#include "gui/serial_widgets.h"
#include "storage/database.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace radiocode;
using namespace radiocode::gui;
using Page = MainWindow::Page;

namespace {

// Pictures to look at, in the build tree (not committed).
QString screenshot(const QString& name) {
    const QString dir = QStringLiteral(RADIOCODE_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name + QStringLiteral(".png");
}

// The sheet's words in the order it draws them, on one line.
QString pdfText(const QString& path) {
    return test::pdfText(path, {QStringLiteral("-raw")}).simplified();
}

QString databaseUrl() {
    return QString::fromUtf8(qgetenv("RADIOCODE_DATABASE"));
}

} // namespace

class TestBlaupunktPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        auto database = storage::Database::open(databaseUrl(), &error);
        QVERIFY2(database, qPrintable(error));
        const storage::ImportReport report =
            database->codes().importCsv("serial,code,family\n"
                                        "BP538769672026,1234,\n"
                                        "BP551102151786,4711,\n"
                                        "BP5511S2151786,1111,\n"
                                        "BP551152151786,2222,\n"
                                        "XY1234567890,2468,blaupunkt\n",
                                        QStringLiteral("dealer.csv"));
        QVERIFY(report.ok());
        QCOMPARE(report.imported, 5);
    }

    void init() {
        QVERIFY(radiocode::test::startProgramInEnglish(program_));
        window_ = &program_->window();
        window_->chooseFamily(Family::Blaupunkt);
        window_->showPage(Page::SerialEntry);
        entry_ = window_->serialEntryPage();
    }

    void cleanup() {
        program_.reset();
        window_ = nullptr;
        entry_ = nullptr;
    }

    void typeSerial(const QString& serial) {
        QLineEdit* field = entry_->serialField()->lineEdit();
        field->setFocus();
        QTest::keyClicks(field, serial);
    }

    // A part number the serial contradicts: said live, and no code until it is resolved.
    void contradictingPartNumberHoldsTheCodeBack() {
        QVERIFY(entry_->partNumberEdit()->isVisible());
        typeSerial(QStringLiteral("BP53876 9672026"));
        QVERIFY(entry_->findButton()->isEnabled());
        QCOMPARE(entry_->statusLine()->stateText(), QStringLiteral("Valid"));
        // "Valid" is said once: not again at the start of the sentence.
        QVERIFY2(!entry_->statusLine()->messageText().startsWith(QLatin1String("Valid")),
                 qPrintable(entry_->statusLine()->messageText()));
        QLineEdit* part = entry_->partNumberEdit();
        QTest::mouseClick(part, Qt::LeftButton);
        QTest::keyClicks(part, QStringLiteral("7 612"));
        QCOMPARE(entry_->partNumberStatus()->stateText(), QStringLiteral("Incomplete"));
        QVERIFY(!entry_->findButton()->isEnabled()); // an unfinished part number waits
        QTest::keyClicks(part, QStringLiteral(" 300 041"));
        QCOMPARE(entry_->partNumberStatus()->stateText(), QStringLiteral("Invalid"));
        const QString message = entry_->partNumberStatus()->messageText();
        QVERIFY2(message.contains(QLatin1String("7 612 300 041")) &&
                     message.contains(QLatin1String("BP538769672026")) &&
                     message.contains(QLatin1String("3, 5, 6")),
                 qPrintable(message));
        QCOMPARE(entry_->recognition().message.id, MessageId::PartNumberMismatch);
        QVERIFY(!entry_->findButton()->isEnabled());
        QApplication::processEvents(); // the layout follows the longer message
        window_->grab().save(screenshot(QStringLiteral("blaupunkt-part-number-mismatch")));
        QTest::keyClick(part, Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::SerialEntry); // no result page, no code

        // Corrected: a second confirmation, and the code.
        part->selectAll();
        QTest::keyClicks(part, QStringLiteral("7 645 387 041"));
        QCOMPARE(entry_->partNumberStatus()->stateText(), QStringLiteral("Valid"));
        QVERIFY2(entry_->partNumberStatus()->messageText().contains(QLatin1String("agrees")),
                 qPrintable(entry_->partNumberStatus()->messageText()));
        QVERIFY(entry_->findButton()->isEnabled());
        QApplication::processEvents(); // the layout follows the longer message
        window_->grab().save(screenshot(QStringLiteral("blaupunkt-part-number-agrees")));
        QTest::keyClick(part, Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::Result);
        QApplication::processEvents(); // the layout follows the longer message
        window_->grab().save(screenshot(QStringLiteral("blaupunkt-part-number-result")));
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("1234"));
        QCOMPARE(window_->currentResult().recognition.partNumber, std::string("7645387041"));
        const QList<QLabel*> labels = window_->resultPage()->findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
            return label->text().contains(QLatin1String("part number 7 645 387 041"));
        }));
        QVERIFY(!window_->resultPage()->sourceText().contains(QLatin1String("database:")));

        // The job keeps the part number.
        QVERIFY(program_->database().saveJobButton()->isVisible());
        QTest::mouseClick(program_->database().saveJobButton(), Qt::LeftButton);
        QString error;
        auto database = storage::Database::open(databaseUrl(), &error);
        QVERIFY2(database, qPrintable(error));
        const QList<storage::Job> jobs = database->jobLog().jobs();
        QVERIFY(!jobs.isEmpty());
        QCOMPARE(jobs.first().partNumber, QStringLiteral("7645387041"));
    }

    // A letter that looks like a digit: both readings shown, the one on record named.
    void seventhCharacterLetterIsReadBothWays() {
        typeSerial(QStringLiteral("BP5511O2151786"));
        QCOMPARE(entry_->recognition().state, InputState::Valid);
        QVERIFY2(entry_->statusLine()->messageText().contains(QLatin1String("BP551102151786")),
                 qPrintable(entry_->statusLine()->messageText()));
        QVERIFY(entry_->suggestionBar()->buttons().isEmpty());
        QTest::keyClick(entry_->serialField()->lineEdit(), Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("4711"));
        QVERIFY2(window_->resultPage()->sourceText().contains(
                     QLatin1String("holds the code for the reading BP551102151786")),
                 qPrintable(window_->resultPage()->sourceText()));
    }

    // The label decides: on the result page the technician says which reading it shows, by
    // keyboard too; only that reading is looked up, and the job and the sheet carry it.
    void readingIsChosenOnTheResultPage() {
        window_->resize(1024, 600);
        typeSerial(QStringLiteral("BP5511O2151786"));
        QTest::keyClick(entry_->serialField()->lineEdit(), Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::Result);
        ResultPage* result = window_->resultPage();
        QCOMPARE(result->codeText(), QStringLiteral("4711"));
        QVERIFY(result->readingBox()->isVisible());
        QAbstractButton* letter = result->readingButton(ReadingChoice::Letter);
        QAbstractButton* digit = result->readingButton(ReadingChoice::Digit);
        QCOMPARE(letter->text(), QStringLiteral("The label shows the letter O"));
        QCOMPARE(digit->text(), QStringLiteral("The label shows the digit 0"));
        QCOMPARE(digit->accessibleName(), digit->text());
        QApplication::processEvents();
        window_->grab().save(
            screenshot(QStringLiteral("blaupunkt-reading-choice-result-1024x600")));
        // Keyboard: the code has the focus on arrival, the choice follows it.
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("codeDisplay"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), letter);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), digit);
        QTest::keyClick(digit, Qt::Key_Space);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->currentResult().recognition.serial, std::string("BP551102151786"));
        QCOMPARE(result->codeText(), QStringLiteral("4711"));
        QVERIFY(!result->readingBox()->isVisible());
        QVERIFY2(result->sourceText().contains(QLatin1String(
                     "The technician read the digit 0 as the 7th character on the label")),
                 qPrintable(result->sourceText()));
        QVERIFY(!result->sourceText().contains(QLatin1String("holds the code for the reading")));

        // The job and the sheet carry the reading chosen.
        QTest::mouseClick(program_->database().saveJobButton(), Qt::LeftButton);
        QString error;
        auto database = storage::Database::open(databaseUrl(), &error);
        QVERIFY2(database, qPrintable(error));
        QCOMPARE(database->jobLog().jobs().first().serial, QStringLiteral("BP551102151786"));
        QCOMPARE(database->jobLog().jobs().first().code, QStringLiteral("4711"));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("sheet.pdf"));
        QVERIFY(window_->saveSheetAs(pdf, PaperSize::A4, &error));
        QVERIFY2(pdfText(pdf).contains(QLatin1String("The technician read the digit 0 as the 7th "
                                                     "character on the label: BP551102151786")),
                 qPrintable(pdfText(pdf)));
        const int jobs = int(database->jobLog().jobs().size());

        // The letter instead: the same radio, the same job, now the letter reading (not on
        // record).
        window_->back();
        QCOMPARE(window_->currentPage(), Page::SerialEntry);
        QVERIFY(entry_->readingBox()->isVisible());
        QTest::mouseClick(entry_->readingButton(ReadingChoice::Letter), Qt::LeftButton);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->currentResult().recognition.serial, std::string("BP5511O2151786"));
        QCOMPARE(window_->currentResult().status, LookupStatus::NotFound);
        QVERIFY(!result->readingBox()->isVisible());
        QTest::mouseClick(program_->database().saveJobButton(), Qt::LeftButton);
        QCOMPARE(int(database->jobLog().jobs().size()), jobs);
        QCOMPARE(database->jobLog().jobs().first().serial, QStringLiteral("BP5511O2151786"));
        QVERIFY(window_->saveSheetAs(pdf, PaperSize::A4, &error));
        QVERIFY2(pdfText(pdf).contains(QLatin1String("The technician read the letter O")),
                 qPrintable(pdfText(pdf)));
    }

    // Both readings on record with different codes: no code, and the choice is how to go on,
    // from the serial page or from a quick lookup anywhere.
    void readingsThatDisagreeAreResolvedByTheChoice() {
        window_->resize(1024, 600);
        typeSerial(QStringLiteral("BP5511S2151786"));
        QVERIFY(entry_->readingBox()->isVisible());
        QCOMPARE(entry_->readingButton(ReadingChoice::Letter)->text(),
                 QStringLiteral("The label shows the letter S"));
        QCOMPARE(entry_->readingButton(ReadingChoice::Digit)->text(),
                 QStringLiteral("The label shows the digit 5"));
        QTest::keyClick(entry_->serialField()->lineEdit(), Qt::Key_Return);
        QCOMPARE(window_->currentPage(), Page::SerialEntry);
        QVERIFY2(entry_->readingText().contains(QLatin1String("different codes")),
                 qPrintable(entry_->readingText()));
        QVERIFY2(window_->noticeText().contains(
                     QLatin1String("different codes for BP5511S2151786 and BP551152151786")),
                 qPrintable(window_->noticeText()));
        QApplication::processEvents();
        window_->grab().save(
            screenshot(QStringLiteral("blaupunkt-reading-choice-serial-1024x600")));
        // Tab from the field reaches the choice.
        QTest::keyClick(entry_->serialField()->lineEdit(), Qt::Key_Tab);
        QWidget* focus = QApplication::focusWidget();
        for (int guard = 0; guard < 4 && focus != entry_->readingButton(ReadingChoice::Letter);
             ++guard) {
            QTest::keyClick(focus, Qt::Key_Tab);
            focus = QApplication::focusWidget();
        }
        QCOMPARE(focus, entry_->readingButton(ReadingChoice::Letter));
        QTest::keyClick(focus, Qt::Key_Space);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("1111"));
        window_->back();
        QTest::mouseClick(entry_->readingButton(ReadingChoice::Digit), Qt::LeftButton);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("2222"));
        QCOMPARE(window_->currentResult().recognition.serial, std::string("BP551152151786"));

        // A quick lookup from the first page leads to the same choice.
        window_->newRadio();
        QVERIFY(!window_->lookUp(QStringLiteral("bp5511s 2151786"), std::nullopt));
        QCOMPARE(window_->currentPage(), Page::SerialEntry);
        QVERIFY(entry_->readingBox()->isVisible());
        QVERIFY(entry_->readingText().contains(QLatin1String("different codes")));
        QVERIFY(window_->chooseReading(ReadingChoice::Letter, Page::SerialEntry));
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("1111"));
    }

    // Any other letter there is simply valid; a letter elsewhere is still a typing error.
    void letterElsewhereOffersTheFix() {
        typeSerial(QStringLiteral("BP5511V215178O"));
        QCOMPARE(entry_->recognition().state, InputState::Invalid);
        QCOMPARE(entry_->suggestionBar()->buttons().size(), 1);
        QTest::mouseClick(entry_->suggestionBar()->buttons().first(), Qt::LeftButton);
        QCOMPARE(entry_->recognition().state, InputState::Valid);
        QCOMPARE(entry_->recognition().serial, std::string("BP5511V2151780"));
    }

    // A label form no rule knows: looked up as printed, the result says it is unchecked.
    void unknownLabelFormIsLookedUpUnchecked() {
        typeSerial(QStringLiteral("XY 1234 5678 90"));
        QCOMPARE(entry_->recognition().state, InputState::Unchecked);
        QCOMPARE(entry_->statusLine()->stateText(), QStringLiteral("Unchecked"));
        QVERIFY(entry_->findButton()->isEnabled());
        QTest::mouseClick(entry_->findButton(), Qt::LeftButton);
        QCOMPARE(window_->currentPage(), Page::Result);
        QCOMPARE(window_->resultPage()->codeText(), QStringLiteral("2468"));
        QVERIFY2(window_->resultPage()->sourceText().contains(QLatin1String("Unchecked serial")),
                 qPrintable(window_->resultPage()->sourceText()));
    }

    // Only Blaupunkt labels carry the part number; a new radio starts without one.
    void partNumberFieldOnlyForBlaupunkt() {
        entry_->partNumberEdit()->setText(QStringLiteral("7645387041"));
        window_->chooseFamily(Family::Renault);
        window_->showPage(Page::SerialEntry);
        QVERIFY(!entry_->partNumberEdit()->isVisible());
        QVERIFY(entry_->partNumberEdit()->text().isEmpty());
        typeSerial(QStringLiteral("J727"));
        QCOMPARE(entry_->recognition().state, InputState::Valid);
        QVERIFY(entry_->recognition().partNumber.empty());
    }

private:
    std::unique_ptr<FinderProgram> program_;
    MainWindow* window_ = nullptr;
    SerialEntryPage* entry_ = nullptr;
};

int main(int argc, char** argv) {
    return radiocode::test::runWindowSuite<TestBlaupunktPage>(argc, argv,
                                                              QStringLiteral("tst_blaupunkt_page"));
}

#include "tst_blaupunkt_page.moc"
