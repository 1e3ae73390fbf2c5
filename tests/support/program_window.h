// The desktop program's window as a suite that drives it starts each test: a first start (no
// settings, English), at the size of a workshop screen, on screen.
#pragma once

#include "common/i18n.h"
#include "gui/finder_program.h"
#include "gui/main_window.h"

#include <QSettings>
#include <QTest>

#include <memory>

namespace radiocode::test {

// Clears the settings, switches to English and starts `program` as radiocode-finder builds it,
// its window 1200 x 760 and shown; false when the window did not come on screen.
inline bool startProgramInEnglish(std::unique_ptr<gui::FinderProgram>& program) {
    QSettings().clear();
    installTranslations(QStringLiteral("en"));
    program = std::make_unique<gui::FinderProgram>();
    gui::MainWindow& window = program->window();
    window.resize(1200, 760);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

} // namespace radiocode::test
