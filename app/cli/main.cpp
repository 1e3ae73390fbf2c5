// radiocode: the command-line tool. The commands live in the radiocode_cli library.
#include "cli/command_line.h"

int main(int argc, char** argv) {
    const auto app = radiocode::cli::createApplication(argc, argv);
    return radiocode::cli::runProgram();
}
