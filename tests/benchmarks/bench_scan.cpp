// "Scan to code": a USB barcode scanner's burst of keys arrives in the real desktop program
// (FinderProgram, with its code database), on the start page (focus on a card) or on the result
// page of the last radio (focus on Print preview); measured from the Enter of the burst until
// the result page has painted the code. Prints "name<TAB>value<TAB>unit" lines for run.sh.
#include "gui/finder_program.h"
#include "gui/result_page.h"
#include "program_environment.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// Notes when the watched widget paints.
class PaintWatch : public QObject {
public:
    bool painted = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

quint64 keyTime = 1000000;

// One key, pressed and released, as the window system delivers it (with its timestamp).
void sendKey(int key, const QString& text, Qt::KeyboardModifiers modifiers = {}) {
    for (const QEvent::Type type : {QEvent::KeyPress, QEvent::KeyRelease}) {
        QKeyEvent event(type, key, modifiers, text);
        event.setTimestamp(keyTime);
        QWidget* focus = QApplication::focusWidget();
        QApplication::sendEvent(focus->window()->windowHandle(), &event);
    }
}

int keyFor(QChar c) {
    if (c.isLetter())
        return Qt::Key_A + (c.toUpper().unicode() - 'A');
    return Qt::Key_0 + (c.unicode() - '0');
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const radiocode::test::ProgramEnvironment environment(QStringLiteral("bench_scan"),
                                                          QStringLiteral("radiocode-bench"));

    radiocode::gui::FinderProgram program;
    radiocode::gui::MainWindow& window = program.window();
    // A dealer list, so Blaupunkt serials come from the database as in a workshop.
    if (auto* database = program.database().session().database())
        database->codes().importCsv("serial,code\nBP934515516803,1234\nBP538769672026,0042\n",
                                    QStringLiteral("dealer.csv"));
    QSignalSpy firstFrame(&window, &radiocode::gui::MainWindow::firstFrameShown);
    window.resize(1180, 700);
    window.show();
    if (!firstFrame.wait(20000)) {
        std::fprintf(stderr, "bench_scan: no first frame\n");
        return 1;
    }
    QLabel* digit = window.resultPage()->findChild<QLabel*>(QStringLiteral("codeDigit1"));
    PaintWatch watch;
    digit->installEventFilter(&watch);

    const QStringList serials = {QStringLiteral("M212365"), QStringLiteral("BP934515516803"),
                                 QStringLiteral("J727"), QStringLiteral("BP538769672026")};
    std::vector<double> fromStart;  // the scan on the start page
    std::vector<double> fromResult; // the scan on the last radio's result page
    std::vector<double> handled;    // until the lookup is done and the page set, before painting
    for (int round = 0; round < 40; ++round) {
        const bool onStart = round % 2 == 0;
        if (onStart)
            window.newRadio();
        else
            window.showPage(radiocode::gui::MainWindow::Page::Result);
        QCoreApplication::processEvents();
        const QString serial = serials.at(round % serials.size());
        keyTime += 5000; // a pause since the last scan
        for (const QChar c : serial) {
            keyTime += 4;
            sendKey(keyFor(c), QString(c), c.isUpper() ? Qt::ShiftModifier : Qt::NoModifier);
        }
        keyTime += 4;
        watch.painted = false;
        QElapsedTimer timer;
        timer.start();
        sendKey(Qt::Key_Return, QStringLiteral("\r"));
        handled.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        while (!watch.painted && timer.elapsed() < 5000)
            QCoreApplication::processEvents();
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!watch.painted || window.resultPage()->codeText().isEmpty()) {
            std::fprintf(stderr, "bench_scan: %s did not show a code\n", qPrintable(serial));
            return 1;
        }
        if (round >= 2) // the first of each kind builds and lays out what it shows first
            (onStart ? fromStart : fromResult).push_back(ms);
    }
    const auto report = [](const char* name, std::vector<double> values) {
        std::sort(values.begin(), values.end());
        double sum = 0;
        for (const double value : values)
            sum += value;
        std::printf("%s.mean\t%.3f\tms\n", name, sum / static_cast<double>(values.size()));
        std::printf("%s.worst\t%.3f\tms\n", name, values.back());
    };
    report("gui.scan_to_code.start_page", fromStart);
    report("gui.scan_to_code.result_page", fromResult);
    report("gui.scan_to_code.before_paint", handled);
    return 0;
}
