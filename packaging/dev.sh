#!/usr/bin/env bash
# The two commands of the README, for a fresh Debian 12 machine:
#   bash packaging/dev.sh run    install what is missing, build, start the program
#   bash packaging/dev.sh test   install what is missing, build, run every test
# BUILD_DIR (default: build) chooses the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build_dir=${BUILD_DIR:-build}
action=${1:-}
case "$action" in run|test|build) ;; *)
    echo "usage: bash packaging/dev.sh run|test|build" >&2; exit 2 ;;
esac

# What building and running needs.
build_packages=(build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-translations-l10n qt6-qpa-plugins
    libgl-dev fonts-dejavu-core)
# What the tests need on top: PDF text extraction, a PostgreSQL server, packaging checks,
# clang for the fuzzers, a virtual display for anyone who wants one.
test_packages=(poppler-utils postgresql desktop-file-utils appstream dpkg-dev fakeroot
    clang libclang-rt-14-dev llvm xvfb xauth python3 groff-base man-db)
test_packages+=(iproute2 iptables)  # a pulled network cable: its own network namespace (tst_db_pulled_cable)
test_packages+=(openbox xdotool)  # the barcode scanner under a real X server (xvfb_scanner)
test_packages+=(at-spi2-core python3-pyatspi gir1.2-atspi-2.0 dbus xvfb xauth xdotool)  # screen reader tests (AT-SPI bus)
build_packages+=(libcups2-dev)  # printing: the sheet goes to CUPS with libcups
test_packages+=(cups printer-driver-cups-pdf cups-client)  # printing tests: a private cupsd
test_packages+=(fonts-noto-color-emoji)  # the sheet test prints names with emoji
test_packages+=(libreoffice-calc-nogui)  # exports opened in a real spreadsheet (tst_spreadsheet)
build_packages+=(libzxing-dev libtesseract-dev tesseract-ocr-eng qt6-multimedia-dev)  # label reading, webcam

install_missing() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$package")
    done
    ((${#missing[@]})) || return 0
    echo "Installing: ${missing[*]}"
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

configure_and_build() {
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$root" -B "$build_dir" -G Ninja "${launcher[@]}" "$@"
    cmake --build "$build_dir" --parallel "$(nproc)"
}

if [[ $action == run ]]; then
    install_missing "${build_packages[@]}"
    configure_and_build
    if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
        exec "$build_dir/app/gui/radiocode-finder"
    fi
    echo "No display found: showing the command-line tool instead (radiocode --help)."
    exec "$build_dir/app/cli/radiocode" --help
fi

install_missing "${build_packages[@]}" "${test_packages[@]}"
configure_and_build
[[ $action == build ]] && exit 0

export QT_QPA_PLATFORM=offscreen
status=0
# Extra phases (fuzzing, the sanitizer build, ...) first, so ctest's summary closes the run.
for extra in "$root"/packaging/tests.d/*.sh; do
    [[ -e $extra ]] || continue
    echo "== $(basename "$extra")"
    BUILD_DIR=$build_dir bash "$extra" || { echo "FAILED: $(basename "$extra")"; status=1; }
done
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" || status=1
exit $status
