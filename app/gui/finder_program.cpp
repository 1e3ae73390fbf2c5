#include "gui/finder_program.h"

namespace radiocode::gui {

FinderProgram::FinderProgram() : database_(finder_), window_(finder_) {
    database_.attach(window_);
    labelScan_.attach(window_);
}

} // namespace radiocode::gui
