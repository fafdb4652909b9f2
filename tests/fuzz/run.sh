#!/bin/sh
# run.sh BUILD_DIR SHARED_DIR SECONDS [TARGET...] — fuzz each target for
# SECONDS, one after the other, at low priority. FUZZ_MAX_LEN overrides the
# longest input tried; FUZZ_CORPUS puts the working corpus elsewhere (the
# smoke round in `make check` starts from the seeds alone each time, so its
# length does not grow with the corpus).
#
# Fails (exit 1) on the first crash, sanitizer report, leak, or input slower
# than 2 s (-timeout=2), leaving the input in BUILD_DIR/artifacts and the
# log in BUILD_DIR/logs. The working corpus in BUILD_DIR/corpus grows from
# run to run; seeds are rebuilt each time by seeds.py; every input that once
# found a bug (tests/fuzz/regressions/TARGET/) is run again first.
set -eu
build=$1 shared=$2 seconds=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
targets=${*:-extract native request encoding url filename bypass}
corpus=${FUZZ_CORPUS:-$build/corpus}

rm -rf "$build/seeds"
python3 "$here/seeds.py" "$build/seeds" "$shared" "$root"
mkdir -p "$build/artifacts" "$build/logs"

# CPU seconds (user + system) used so far by finished children, from the
# shell's `times` ("1m2.5s 0m0.3s" on its second line). `times` must run in
# this shell, not in a $(...) subshell, to see them: it writes to a file.
cpu_file=$build/logs/.times
children_cpu() {
    times >"$cpu_file"
    cpu=$(sed -n 2p "$cpu_file" | awk '{ t = 0; for (i = 1; i <= 2; i++) {
        split($i, p, "m"); t += p[1] * 60 + p[2] } printf "%.1f", t }')
}

status=0
for t in $targets; do
    children_cpu
    cpu_before=$cpu
    case $t in
        extract|encoding) dict=html.dict max_len=131072 ;;
        bypass)           dict=html.dict max_len=16384 ;;
        native)           dict=json.dict max_len=131072 ;;
        request)          dict=json.dict max_len=4096 ;;
        *)                dict= max_len=4096 ;;
    esac
    max_len=${FUZZ_MAX_LEN:-$max_len}   # small inputs: many more runs a second
    mkdir -p "$corpus/$t" "$build/seeds/$t"
    log=$build/logs/$t.log
    # stderr of the target itself is closed (the host logs every cut-short
    # stream there); libFuzzer and the sanitizers keep their own copy.
    if nice -n 10 "$build/fuzz_$t" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=3072 \
           -max_len="$max_len" -close_fd_mask=2 -print_final_stats=1 \
           ${dict:+-dict="$here/$dict"} -artifact_prefix="$build/artifacts/$t-" \
           "$corpus/$t" "$build/seeds/$t" $(ls -d "$here/regressions/$t" 2>/dev/null) \
           >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        children_cpu
        cpu=$(awk -v a="$cpu_before" -v b="$cpu" 'BEGIN { printf "%.1f", (b - a) / 60 }')
        echo "fuzz $t: ${seconds}s, $cpu CPU-minutes, ${runs:-?} runs, $cov, no finding"
    else
        echo "fuzz $t: FAILED; log $log, input in $build/artifacts/:"
        grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$log" | head -8
        status=1
    fi
done
exit $status
