#!/usr/bin/env bash
# Benchmark phase of `packaging/dev.sh test`: prints the benchmark table in the CI log,
# measured on the test build as it is (RelWithDebInfo, already built), while nothing else runs.
# The figures are for reading, not a pass or fail: this phase fails only when a benchmark cannot
# run. tests/benchmarks/run.sh alone measures a Release build.
#   BENCHMARKS_SKIP=1   skip this phase (a quick local run)
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ ${BENCHMARKS_SKIP:-0} == 1 ]] && { echo "benchmarks.sh: skipped (BENCHMARKS_SKIP=1)"; exit 0; }
build_dir=${BUILD_DIR:-build}
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt")
started=$SECONDS
BENCH_BUILD_DIR=$build_dir BENCH_BUILD_TYPE=${build_type:-RelWithDebInfo} \
    bash tests/benchmarks/run.sh
echo "benchmarks.sh: $((SECONDS - started)) s (${build_type:-RelWithDebInfo} build)"
