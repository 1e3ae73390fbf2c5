#!/usr/bin/env bash
# Phase of `packaging/dev.sh test`: the project configures and the command-line tool builds with
# -DRADIOCODE_BUILD_GUI=OFF while CMake may not find Qt Widgets, SVG widgets, print support or
# multimedia (a server or a CI image without them). Into ${BUILD_DIR}-nogui; ccache makes the
# compile mostly hits of the main build.
#   NOGUI_SKIP=1   skip this phase
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build_dir=${BUILD_DIR:-build}
nogui_dir="${build_dir%/}-nogui"
[[ ${NOGUI_SKIP:-0} == 1 ]] && { echo "without_gui.sh: skipped (NOGUI_SKIP=1)"; exit 0; }

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
started=$SECONDS
cmake -S "$root" -B "$nogui_dir" -G Ninja "${launcher[@]}" -DRADIOCODE_BUILD_GUI=OFF \
    -DRADIOCODE_FUZZ=OFF \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Widgets=ON -DCMAKE_DISABLE_FIND_PACKAGE_Qt6SvgWidgets=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6PrintSupport=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Multimedia=ON >"$nogui_dir.log" 2>&1 ||
    { cat "$nogui_dir.log"; echo "without_gui.sh: configure failed"; exit 1; }
cmake --build "$nogui_dir" --parallel "$(nproc)" --target radiocode >>"$nogui_dir.log" 2>&1 ||
    { tail -n 40 "$nogui_dir.log"; echo "without_gui.sh: build failed"; exit 1; }
QT_QPA_PLATFORM=offscreen "$nogui_dir/app/cli/radiocode" families >/dev/null
echo "without GUI: configured and built radiocode in $((SECONDS - started)) s"
