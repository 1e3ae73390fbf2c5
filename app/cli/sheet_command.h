// `radiocode sheet`: the instruction sheet as a PDF, rendered with no display.
#pragma once

#include <QCoreApplication>

#include <memory>

namespace radiocode::cli {

// The sheet needs fonts, and fonts need a QGuiApplication: for `radiocode sheet` this makes one
// on the offscreen platform (no display needed), for every other command a plain
// QCoreApplication, so they stay as light as before.
std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv);

} // namespace radiocode::cli
