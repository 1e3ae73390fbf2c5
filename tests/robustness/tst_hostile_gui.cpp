// Hostile input in the desktop program's serial field: a megabyte pasted, control and
// direction characters, look-alike letters. The field answers at once and says what is wrong.
#include "gui/serial_widgets.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace radiocode;
using radiocode::gui::SerialField;

namespace {

// Everything the status line shows, as one text.
QString statusText(const SerialField& field) {
    return field.statusLine()->stateText() + QLatin1Char(' ') + field.statusLine()->messageText();
}

QStringList suggestionButtons(const SerialField& field) {
    QStringList texts;
    for (const QPushButton* button : field.suggestionBar()->findChildren<QPushButton*>()) {
        if (button->isVisibleTo(field.suggestionBar()))
            texts << button->text();
    }
    return texts;
}

void paste(SerialField& field, const QString& text) {
    QGuiApplication::clipboard()->setText(text);
    field.lineEdit()->setFocus();
    field.lineEdit()->paste();
    QCoreApplication::processEvents();
}

} // namespace

class HostileGuiTest : public QObject {
    Q_OBJECT

private slots:
    void megabytePasteSaysTooLongAndStaysResponsive() {
        SerialField field;
        field.show();
        QElapsedTimer timer;
        timer.start();
        paste(field, QString(1 << 20, QLatin1Char('7')));
        // A guard against a hang, not a speed test (tests/benchmarks measures: a few ms).
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(field.recognition().state, InputState::Invalid);
        // Still usable: clearing and typing a serial works right away.
        const QString shown = statusText(field);
        const MessageId id = field.recognition().message.id;
        field.clear();
        QTest::keyClicks(field.lineEdit(), QStringLiteral("M212365"));
        QCOMPARE(field.recognition().state, InputState::Valid);
        QVERIFY2(id == MessageId::InputTooLong || id == MessageId::TooLong, qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("too long")), qPrintable(shown));
    }

    void megabyteOfLettersPastedSaysTooLong() {
        SerialField field;
        field.show();
        paste(field, QString(1 << 20, QLatin1Char('M')));
        QCOMPARE(field.recognition().state, InputState::Invalid);
        QVERIFY2(statusText(field).contains(QLatin1String("too long")),
                 qPrintable(statusText(field)));
    }

    // What a paste may carry around a good serial is read through: a line break (not a control
    // character), full-width digits.
    void pastedSerialIsAccepted_data() {
        QTest::addColumn<QString>("pasted");
        QTest::newRow("line break") << QStringLiteral("M212365\r\n");
        QTest::newRow("full-width digits") << QStringLiteral("Ｍ２１２３６５");
    }

    void pastedSerialIsAccepted() {
        QFETCH(QString, pasted);
        SerialField field;
        field.show();
        paste(field, pasted);
        QCOMPARE(field.recognition().state, InputState::Valid);
        QCOMPARE(field.recognition().serial, std::string("M212365"));
    }

    void controlCharacterIsRefused() {
        SerialField field;
        field.show();
        field.setText(QStringLiteral("J7") + QChar(0x1b) + QStringLiteral("27"));
        QCOMPARE(field.recognition().state, InputState::Invalid);
        QCOMPARE(field.recognition().message.id, MessageId::ControlCharacter);
        QVERIFY(!statusText(field).isEmpty());
    }

    void cyrillicBeOffersTheLatinSerial() {
        SerialField field;
        field.show();
        paste(field, QStringLiteral("ВЕ473912345678"));
        QCOMPARE(field.recognition().message.id, MessageId::NonLatinLetter);
        QVERIFY2(suggestionButtons(field)
                     .join(QLatin1Char(' '))
                     .contains(QLatin1String("BE473912345678")),
                 qPrintable(suggestionButtons(field).join(QLatin1Char('|'))));
    }

    void bidiOverrideOffersTheCleanSerial() {
        SerialField field;
        field.show();
        paste(field, QStringLiteral("\u202EM212365\u202C"));
        QCOMPARE(field.recognition().message.id, MessageId::DirectionMark);
        QCOMPARE(field.recognition().suggestions, std::vector<std::string>{"M212365"});
    }
};

QTEST_MAIN(HostileGuiTest)
#include "tst_hostile_gui.moc"
