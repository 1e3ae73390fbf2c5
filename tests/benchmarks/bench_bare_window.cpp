// The yardstick for radiocode-finder's first frame: the barest Qt Widgets window, shown,
// painted once, then gone. Prints the milliseconds from process start to the first frame, measured
// the way `radiocode-finder --smoke-test` measures it, so the two can be set side by side.
#include "gui/process_clock.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QTimer>

#include <cstdio>

namespace {

class FirstFrame : public QObject {
protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !reported_) {
            reported_ = true;
            QTimer::singleShot(0, this, [] {
                std::printf("%.0f\n", radiocode::millisecondsSinceProcessStart());
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool reported_ = false;
};

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QLabel window(QStringLiteral("Hello"));
    FirstFrame watcher;
    window.installEventFilter(&watcher);
    window.show();
    return QApplication::exec();
}
