#!/usr/bin/env bash
# Fuzzing phase of `packaging/dev.sh test`: builds the libFuzzer targets with clang into
# ${BUILD_DIR}-fuzz (a build of tests/fuzz on its own: no GUI, no translations) and runs each for a
# bounded time. Fails on any crash, leak, undefined behaviour or broken invariant; the input that
# caused it is kept in ${BUILD_DIR}-fuzz/artifacts/ and printed as a C string for a regression test.
#   FUZZ_SECONDS  total fuzzing time, shared between the targets (default 90)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build_dir=${BUILD_DIR:-build}
fuzz_dir="${build_dir%/}-fuzz"
total_seconds=${FUZZ_SECONDS:-90}

if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
    exit 1
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
started=$SECONDS
# Quiet when it works; the whole log when it does not.
build_log="${fuzz_dir}.log"
if ! { cmake -S "$root/tests/fuzz" -B "$fuzz_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" &&
    cmake --build "$fuzz_dir" --parallel "$(nproc)"; } >"$build_log" 2>&1; then
    tail -n 40 "$build_log"
    echo "fuzz.sh: the fuzz targets did not build (log: $build_log)" >&2
    exit 1
fi
echo "fuzz build: $((SECONDS - started)) s"

# Seeds: the committed hostile examples plus every input and serial of the public vectors.
vectors="$root/tests/data/vectors/public.csv"
seeds="$fuzz_dir/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
for dir in "$root"/tests/fuzz/corpus/*/; do
    cp -r "$dir" "$seeds/$(basename "$dir")"
done
if [[ -f $vectors ]]; then
    cp "$vectors" "$seeds/csv_reader/public.csv"
    cp "$vectors" "$seeds/import/public.csv" # it has serial and code columns
    cp "$vectors" "$seeds/code_list/public.csv"
    cut -d, -f1 "$vectors" | tail -n +2 >"$seeds/batch_lines/public-inputs"
    n=0
    while IFS=, read -r input _ serial _; do
        n=$((n + 1))
        ((n > 1)) || continue # the header
        printf '%s' "$input" >"$seeds/recognition/vector-$n-input"
        [[ -z $serial ]] || printf '%s' "$serial" >"$seeds/recognition/vector-$n-serial"
    done <"$vectors"
fi

# Share of the time per target, in percent: recognition has the most branches; an import is
# slow (a database transaction), so fuzz_import is more a smoke run than deep fuzzing.
# A picture takes milliseconds to decode and search for barcodes: fuzz_image runs fewer inputs.
declare -A share=([fuzz_recognition]=40 [fuzz_csv_reader]=15 [fuzz_code_list]=15
    [fuzz_batch_lines]=30 [fuzz_import]=15 [fuzz_image]=15)
targets=()
for target in fuzz_recognition fuzz_csv_reader fuzz_code_list fuzz_batch_lines fuzz_import \
    fuzz_image; do
    [[ -x $fuzz_dir/$target ]] && targets+=("$target")
done
percent=0
for target in "${targets[@]}"; do percent=$((percent + share[$target])); done

status=0
mkdir -p "$fuzz_dir/artifacts"
for target in "${targets[@]}"; do
    name=${target#fuzz_}
    seconds=$((total_seconds * share[$target] / percent))
    ((seconds > 0)) || seconds=1
    corpus="$fuzz_dir/corpus/$name" # grows from run to run in a local build folder
    mkdir -p "$corpus" "$seeds/$name"
    log="$fuzz_dir/$target.log"
    rm -f "$fuzz_dir"/artifacts/"$name"-*
    echo "fuzzing $name for ${seconds} s"
    if ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$fuzz_dir/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=4096 -print_final_stats=1 -artifact_prefix="$fuzz_dir/artifacts/$name-" \
        "$corpus" "$seeds/$name" >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units' "$log" | sed "s/^/  /" || true
    else
        status=1
        echo "FAILED: $target found a problem; log: $log" >&2
        grep -E 'invariant broken|ERROR:|SUMMARY:|runtime error' "$log" | head -5 >&2 || true
        for artifact in "$fuzz_dir"/artifacts/"$name"-*; do
            [[ -e $artifact ]] || continue
            echo "  reproducer $artifact:" >&2
            python3 -c 'import sys; print("   ", repr(open(sys.argv[1], "rb").read()))' \
                "$artifact" >&2 || true
        done
    fi
done
echo "fuzzing total: $((SECONDS - started)) s"
exit $status
