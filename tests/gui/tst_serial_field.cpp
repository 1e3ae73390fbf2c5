// The serial field's pieces on their own: the status message (state in bold, wrapping, copy),
// the marked input line, and what a keystroke asks of the window. The keystroke's speed is
// measured in tests/benchmarks; here, what keeps it fast: a keystroke that leaves the message on
// the same number of lines does not make the window lay out again.
#include "gui/serial_widgets.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QTest>
#include <QVBoxLayout>

using namespace radiocode;
using namespace radiocode::gui;

namespace {

// Counts the layout passes a widget is asked for.
class LayoutRequests : public QObject {
public:
    explicit LayoutRequests(QWidget* watched) { watched->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

void settle() {
    for (int pass = 0; pass < 5; ++pass)
        QApplication::processEvents();
}

} // namespace

class TestSerialField : public QObject {
    Q_OBJECT

private slots:
    void messageWrapsAndCopies() {
        StatusMessage message;
        message.setTexts(QStringLiteral("Invalid"),
                         QStringLiteral("The letter “O” at character 3 stands where a digit "
                                        "belongs: labels are easily misread."));
        QCOMPARE(message.text(), QStringLiteral("Invalid: The letter “O” at character 3 stands "
                                                "where a digit belongs: labels are easily "
                                                "misread."));
        const int oneLine = message.heightForWidth(4000);
        QVERIFY(oneLine >= message.fontMetrics().height());
        QVERIFY(message.heightForWidth(150) >= 3 * oneLine);
        // Hints do not follow the words: a keystroke never changes what the window is told.
        const QSize hint = message.sizeHint();
        message.setTexts(QString(), QStringLiteral("2 more digits"));
        QCOMPARE(message.sizeHint(), hint);
        QCOMPARE(message.text(), QStringLiteral("2 more digits"));

        QCOMPARE(message.actions().size(), 1);
        message.actions().first()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("2 more digits"));
        message.setTexts(QString(), QString());
        QCOMPARE(message.heightForWidth(300), 0);
    }

    void keystrokesOnOneLineLeaveTheLayoutAlone() {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* field = new SerialField;
        layout->addWidget(field);
        window.resize(700, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        field->setFamily(Family::Visteon);
        QTest::keyClicks(field->lineEdit(), QStringLiteral("M1"));
        settle();
        LayoutRequests requests(&window);
        LayoutRequests fieldRequests(field);
        for (const QChar digit : QStringLiteral("23456")) {
            QTest::keyClick(field->lineEdit(), digit.toLatin1());
            settle();
        }
        QCOMPARE(field->recognition().state, InputState::Valid);
        QCOMPARE(fieldRequests.count, 0);
        QCOMPARE(requests.count, 0);

        // A mistake brings the marked line: that one lays the window out, once it settles.
        QTest::keyClick(field->lineEdit(), Qt::Key_Backspace);
        QTest::keyClick(field->lineEdit(), 'O');
        settle();
        QCOMPARE(field->recognition().state, InputState::Invalid);
        QVERIFY(field->markedInput()->isVisible());
        QVERIFY(field->markedInput()->height() >= field->markedInput()->sizeHint().height());
    }

    void markedLineShowsTheNeighbourhoodOfAHugePaste() {
        SerialField field;
        field.show();
        QString text(200000, QLatin1Char('7'));
        text[100000] = QLatin1Char('O');
        MarkedInput* marked = field.markedInput();
        marked->mark(text, 100000);
        QVERIFY(marked->isVisibleTo(&field));
        QCOMPARE(marked->markedPosition(), 100000);
        QCOMPARE(marked->markedCharacter(), QStringLiteral("O"));
        const QString shown = marked->shownText();
        QVERIFY2(shown.size() <= 83, qPrintable(QString::number(shown.size())));
        QVERIFY(shown.startsWith(QStringLiteral("…7777")));
        QVERIFY(shown.endsWith(QStringLiteral("7777…")));
        QVERIFY(shown.contains(QStringLiteral("7O7")));
        // Invisible characters are marked by a visible stand-in.
        marked->mark(QStringLiteral("M12\u200B456"), 3);
        QCOMPARE(marked->markedCharacter(), QStringLiteral("\u2423"));
        marked->mark(QStringLiteral("M123456"), -1);
        QVERIFY(!marked->isVisibleTo(&field));
    }
};

QTEST_MAIN(TestSerialField)
#include "tst_serial_field.moc"
