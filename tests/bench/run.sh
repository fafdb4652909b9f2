#!/bin/sh
# run.sh BUILD SHARED — the library benchmark behind `make bench` (which
# builds BUILD/bench/bench and BUILD/bench/scaling first):
#   1. bench.c over the Mozilla pages (SHARED/corpus/readability): parse-only,
#      input side and extract (text + HTML), phase breakdown, peak RSS;
#   2. the same over a sample of the WCXB dev pages (every 4th page of
#      SHARED/corpus/wcxb-dev/html/*.html.gz, decompressed once into BUILD),
#      and the extract / parse-only ratio per kind of page (its labels);
#   3. scaling.c: synthetic and pathological pages of 1 and 10 MB, five
#      rounds, fastest runs (a few minutes; 100 MB too with
#      SCALING_ARGS="--sizes 1,10,100 --rounds 2": about half an hour more);
#   4. when `readmode --help` offers -j: pages/s of `readmode -j 1` and -j 2
#      over the Mozilla pages and the WCXB sample (best of three rounds).
# Everything is also written to BUILD/bench.json. Extra arguments for the
# corpus bench come from $BENCH_ARGS (e.g. --seconds 2), for the scaling
# bench from $SCALING_ARGS (default --sizes 1,10).
set -eu
[ $# -eq 2 ] || { echo "usage: $0 BUILD SHARED" >&2; exit 2; }
build=$1
shared=$2
out=$build/bench
# The programs are built by the Makefile (make bench), with its flags.
for prog in bench scaling; do
    [ -x "$out/$prog" ] || { echo "run.sh: $out/$prog not built (run make bench)" >&2; exit 2; }
done

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
cores=$(getconf _NPROCESSORS_ONLN)
echo "machine: $cpu, $cores cores"
echo

parts=""
mozilla=$shared/corpus/readability
if [ -d "$mozilla" ]; then
    # shellcheck disable=SC2086
    "$out/bench" ${BENCH_ARGS:-} --name mozilla --json-file "$out/mozilla.json" "$mozilla"
    parts="$parts mozilla"
    echo
else
    echo "bench: Mozilla pages SKIPPED, $mozilla not found"
fi

wcxb=$shared/corpus/wcxb-dev/html
if [ -d "$wcxb" ]; then
    mkdir -p "$out/wcxb-dev"
    n=0
    for page in "$wcxb"/*.html.gz; do
        n=$((n + 1))
        [ $((n % 4)) -eq 1 ] || continue
        name=$(basename "$page" .gz)
        [ -s "$out/wcxb-dev/$name" ] || gzip -dc "$page" > "$out/wcxb-dev/$name"
    done
    # shellcheck disable=SC2086
    "$out/bench" ${BENCH_ARGS:-} --seconds 1 --name wcxb-dev --json-file "$out/wcxb-dev.json" \
        --page-types "$shared/corpus/wcxb-dev/ground-truth" "$out/wcxb-dev"
    parts="$parts wcxb-dev"
    echo
else
    echo "bench: WCXB pages SKIPPED, $wcxb not found"
fi

# shellcheck disable=SC2086
"$out/scaling" ${SCALING_ARGS:---sizes 1,10} --json-file "$out/scaling.json"
parts="$parts scaling"
echo

# Bulk throughput with worker threads (wall time: the point is using both
# cores), over the Mozilla pages and the WCXB sample in one run (about 500
# pages: one run of -j 1 takes seconds, so start-up and the last page count
# for little). Three rounds of -j 1 then -j 2; the best round of each counts,
# as other load on the machine can only slow a round down.
set --
if "$build/readmode" --help 2>&1 | grep -qE -- '^[[:space:]]*-j[ ,]'; then
    [ -d "$mozilla" ] && set -- "$@" "$mozilla"/*/source.html
    [ -d "$out/wcxb-dev" ] && set -- "$@" "$out/wcxb-dev"/*.html
fi
if [ $# -gt 0 ]; then
    pages=$#
    best1=0
    best2=0
    for round in 1 2 3; do
        for j in 1 2; do
            rm -rf "$out/jobs"
            start=$(date +%s.%N)
            "$build/readmode" -j "$j" -q -f text -o "$out/jobs" "$@" > /dev/null 2>&1 || true
            end=$(date +%s.%N)
            rate=$(echo "$pages $start $end" | awk '{ printf "%.1f", $1 / ($3 - $2) }')
            if [ "$j" -eq 1 ]; then
                best1=$(echo "$best1 $rate" | awk '{ print ($2 > $1) ? $2 : $1 }')
            else
                best2=$(echo "$best2 $rate" | awk '{ print ($2 > $1) ? $2 : $1 }')
            fi
        done
        echo "readmode -o DIR, round $round of 3: -j 1 then -j 2 ($pages pages)"
    done
    rm -rf "$out/jobs"
    speedup=$(echo "$best1 $best2" | awk '{ printf "%.2f", ($1 > 0) ? $2 / $1 : 0 }')
    echo "readmode -j 1 -o DIR: $pages pages, $best1 pages/s (wall, best of 3)"
    echo "readmode -j 2 -o DIR: $pages pages, $best2 pages/s (wall, best of 3): ${speedup}x -j 1"
    printf '{"pages": %s, "j1_pages_per_second": %s, "j2_pages_per_second": %s, "j2_speedup": %s}\n' \
        "$pages" "$best1" "$best2" "$speedup" > "$out/jobs.json"
    parts="$parts jobs"
else
    echo "bench: -j throughput SKIPPED (no pages, or readmode --help shows no -j)"
fi

# One JSON document for all of it.
{
    printf '{\n"machine": {"cpu": "%s", "cores": %s}' "$cpu" "$cores"
    for part in $parts; do
        printf ',\n"%s": ' "$part"
        cat "$out/$part.json"
    done
    printf '}\n'
} > "$build/bench.json"
echo "bench: results in $build/bench.json"
