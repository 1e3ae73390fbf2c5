#!/usr/bin/env bash
# Sanitizer phase of `packaging/dev.sh test`: builds the whole project with
# AddressSanitizer + UndefinedBehaviorSanitizer (-DRADIOCODE_SANITIZE=ON) into ${BUILD_DIR}-asan
# and runs the ctest suite there. Kept lean for CI's 2 cores: -O1 with line tables only, no
# benchmarks, ccache when present. The packaging label is left out (it checks install trees and
# packages, not code paths).
#   SANITIZE_SKIP=1            skip this phase (a quick local run)
#   SANITIZE_EXCLUDE=REGEX     ctest labels left out (default: packaging)
#   SANITIZE_EXCLUDE_TESTS=RE  tests left out (default: the ones on a real X server, where
#                              Debian's libxkbcommon-x11 reads past a buffer under ASan)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build_dir=${BUILD_DIR:-build}
asan_dir="${build_dir%/}-asan"
[[ ${SANITIZE_SKIP:-0} == 1 ]] && { echo "sanitize.sh: skipped (SANITIZE_SKIP=1)"; exit 0; }

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
started=$SECONDS
cmake -S "$root" -B "$asan_dir" -G Ninja "${launcher[@]}" \
    -DRADIOCODE_SANITIZE=ON -DRADIOCODE_BUILD_BENCHMARKS=OFF -DRADIOCODE_FUZZ=OFF \
    -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -g1" >/dev/null
cmake --build "$asan_dir" --parallel "$(nproc)" >/dev/null
built=$SECONDS
echo "sanitizer build: $((built - started)) s"

# halt_on_error: the first report fails the test. Leaks are checked everywhere; the suppressions
# cover allocations inside system libraries (fontconfig, Qt's plugin loader) that live until exit.
suppressions="$root/packaging/tests.d/lsan.supp"
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export QT_QPA_PLATFORM=offscreen
# Tests may scale their largest workloads down under the sanitizers (a million-row import is a
# speed figure, not a memory-safety one): tests/benchmarks measures those at full size.
export RADIOCODE_SANITIZED=1
status=0
ctest --test-dir "$asan_dir" --output-on-failure --parallel "$(nproc)" \
    -LE "${SANITIZE_EXCLUDE:-packaging}" \
    -E "${SANITIZE_EXCLUDE_TESTS:-xvfb_scanner|_atspi}" \
    --timeout 600 || status=1
echo "sanitizer tests: $((SECONDS - built)) s (total $((SECONDS - started)) s)"
exit $status
