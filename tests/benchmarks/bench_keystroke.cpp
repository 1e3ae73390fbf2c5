// Keystroke latency in the desktop program's serial field: each key typed into the real
// SerialField (validation, status line, suggestions) and the repaint that follows, as a
// technician types label texts. Prints "name<TAB>value<TAB>unit" lines for run.sh.
#include "gui/serial_widgets.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // As in the program after its first frame: the status line shows its state icons.
    radiocode::gui::setIconsReady();
    radiocode::gui::SerialField field;
    field.resize(640, 200);
    field.show();
    QCoreApplication::processEvents();
    QWidget* edit = field.lineEdit();
    edit->setFocus();

    const QStringList typed = {QStringLiteral("BP53876 9672026"),
                               QStringLiteral("815CM934515516803"),
                               QStringLiteral("BE 4739 12345678"),
                               QStringLiteral("M212365"),
                               QStringLiteral("J727"),
                               QStringLiteral("BPO38769672026"),
                               QStringLiteral("ВЕ473912345678"),
                               QStringLiteral("8200RTBT019")};
    std::vector<double> micros;   // the key handled and the repaint done
    std::vector<double> handling; // the key handled: validation, status line, suggestions
    for (int round = 0; round < 20; ++round) {
        for (const QString& text : typed) {
            field.clear();
            QCoreApplication::processEvents();
            for (const QChar c : text) {
                QElapsedTimer timer;
                timer.start();
                // A key event with the character as its text, as a keyboard layout delivers it
                // (QTest::keyClicks only knows ASCII).
                QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
                QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
                QApplication::sendEvent(edit, &press);
                QApplication::sendEvent(edit, &release);
                handling.push_back(static_cast<double>(timer.nsecsElapsed()) / 1000.0);
                QCoreApplication::processEvents(); // the repaint the keystroke asked for
                micros.push_back(static_cast<double>(timer.nsecsElapsed()) / 1000.0);
            }
        }
    }
    const auto report = [](const char* name, std::vector<double> values) {
        std::sort(values.begin(), values.end());
        double sum = 0;
        for (const double value : values)
            sum += value;
        const auto p99 =
            values[static_cast<std::size_t>(0.99 * static_cast<double>(values.size() - 1))];
        std::printf("%s.mean\t%.3f\tus/keystroke\n", name,
                    sum / static_cast<double>(values.size()));
        std::printf("%s.p99\t%.3f\tus/keystroke\n", name, p99);
        std::printf("%s.worst\t%.3f\tus/keystroke\n", name, values.back());
    };
    report("gui.keystroke", handling);
    report("gui.keystroke_repaint", micros);

    // A megabyte pasted: how long until the field answers again.
    QElapsedTimer timer;
    timer.start();
    field.setText(QString(1 << 20, QLatin1Char('M')));
    QCoreApplication::processEvents();
    std::printf("gui.paste_megabyte\t%.3f\tms\n", static_cast<double>(timer.nsecsElapsed()) / 1e6);
    return 0;
}
