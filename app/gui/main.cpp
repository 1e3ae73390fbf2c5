// radiocode-finder: the technician's desktop program.
#include "common/i18n.h"
#include "common/settings.h"
#include "gui/finder_program.h"
#include "gui/process_clock.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>
#include <initializer_list>
#include <string_view>

namespace {

// --smoke-test: report once the window has painted its first frame, then quit.
class FirstFrameWatcher : public QObject {
public:
    FirstFrameWatcher(const QElapsedTimer& sinceMain) : sinceMain_(sinceMain) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !reported_) {
            reported_ = true;
            // After this paint is flushed to the window: the frame is on screen.
            QTimer::singleShot(0, this, [this] {
                const double sinceStart = radiocode::millisecondsSinceProcessStart();
                const qint64 sinceMain = sinceMain_.elapsed();
                std::printf("%.0f\n", sinceStart >= 0 ? sinceStart : double(sinceMain));
                std::fprintf(stderr,
                             "radiocode-finder: first frame %.0f ms after process start, %lld ms "
                             "after main()\n",
                             sinceStart, static_cast<long long>(sinceMain));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer& sinceMain_;
    bool reported_ = false;
};

bool hasOption(int argc, char** argv, std::initializer_list<std::string_view> names) {
    for (int i = 1; i < argc; ++i)
        for (const std::string_view name : names)
            if (argv[i] == name)
                return true;
    return false;
}

} // namespace

int main(int argc, char** argv) {
    QElapsedTimer sinceMain;
    sinceMain.start();
    radiocode::Settings::useSharedApplicationName();
    QCoreApplication::setApplicationVersion(QStringLiteral(RADIOCODE_VERSION));
    // --version and --help answer on the terminal before anything graphical starts, so they
    // work without a display (packaging checks, the man page, a terminal over ssh).
    if (hasOption(argc, argv, {"--version"})) {
        std::printf("radiocode-finder %s\n", RADIOCODE_VERSION);
        return 0;
    }
    if (hasOption(argc, argv, {"--help", "-h"})) {
        QCoreApplication terminal(argc, argv);
        radiocode::installTranslations(radiocode::Settings::value(radiocode::Settings::language));
        std::printf("%s\n", qUtf8Printable(QCoreApplication::translate(
                                "main", "Usage: radiocode-finder [--version] [--help] "
                                        "[--smoke-test] [Qt options such as -platform NAME]\n\n"
                                        "Finds the unlock code of a Nissan radio and shows how "
                                        "to enter it. See also: radiocode --help")));
        return 0;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Nissan Radio Code Finder"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.radiocode.Finder"));
    const bool smokeTest = QApplication::arguments().contains(QStringLiteral("--smoke-test"));

    // The language chosen in the Language menu, else the system's.
    radiocode::installTranslations(radiocode::Settings::value(radiocode::Settings::language));

    // The code finder, the code database (opened after the first frame) and the window.
    radiocode::gui::FinderProgram program;
    FirstFrameWatcher watcher(sinceMain);
    if (smokeTest)
        program.window().installEventFilter(&watcher);
    program.window().show();
    return QApplication::exec();
}
