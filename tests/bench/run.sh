#!/bin/sh
# run.sh BUILD SHARED — the library benchmark behind `make bench` (which
# builds BUILD/bench/bench and BUILD/bench/scaling first):
#   1. bench.c over the Mozilla pages (SHARED/corpus/readability): parse-only,
#      input side and extract (text + HTML), phase breakdown, peak RSS;
#   2. the same over every WCXB dev page (SHARED/corpus/wcxb-dev/html/
#      *.html.gz, 1,497 pages, decompressed once into BUILD/bench/wcxb-dev),
#      and the extract / parse-only ratio per kind of page (its labels):
#      about 2 minutes of CPU (397 MB; each kind's ratio takes each page's
#      median of three runs, two thirds of it); WCXB_EVERY=N takes every Nth
#      page instead (a quicker, sampled run, which the output then says);
#   3. scaling.c: synthetic and pathological pages of 1, 10 and 100 MB,
#      fastest runs over five rounds, the 100 MB pages in the first two
#      rounds only, run once each: about 8 minutes, 5 to 6 of them the
#      100 MB pages (SCALING_ARGS="--sizes 1,10" leaves them out);
#   4. when `readmode --help` offers -j: pages/s of `readmode -j 1` and -j 2
#      over the Mozilla and WCXB pages (best of three rounds): about a minute.
# Durations are estimates for a quiet 2-core machine (Xeon), from timed
# parts; a busy machine stretches them.
# Everything is also written to BUILD/bench.json. Extra arguments for the
# corpus bench come from $BENCH_ARGS (e.g. --seconds 2), for the scaling
# bench from $SCALING_ARGS (default --sizes 1,10,100).
set -eu
[ $# -eq 2 ] || { echo "usage: $0 BUILD SHARED" >&2; exit 2; }
build=$1
shared=$2
out=$build/bench
every=${WCXB_EVERY:-1}
case $every in
    '' | *[!0-9]* | 0) echo "run.sh: WCXB_EVERY must be a positive number" >&2; exit 2 ;;
esac
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
    # The pages chosen, decompressed once; a directory left by a run with
    # another WCXB_EVERY or corpus is made again, as the bench reads all it
    # holds.
    stamp="$every $wcxb"
    if [ "$(cat "$out/wcxb-dev/.chosen" 2>/dev/null)" != "$stamp" ]; then
        rm -rf "$out/wcxb-dev"
        mkdir -p "$out/wcxb-dev"
        n=0
        for page in "$wcxb"/*.html.gz; do
            n=$((n + 1))
            [ $(((n - 1) % every)) -eq 0 ] || continue
            gzip -dc "$page" > "$out/wcxb-dev/$(basename "$page" .gz)"
        done
        echo "$stamp" > "$out/wcxb-dev/.chosen"
    fi
    total=$(find "$wcxb" -name '*.html.gz' | wc -l)
    if [ "$every" -eq 1 ]; then
        label="wcxb-dev"
        echo "WCXB dev: all $total pages"
    else
        label="wcxb-dev-sample"
        chosen=$(find "$out/wcxb-dev" -name '*.html' | wc -l)
        echo "WCXB dev: a SAMPLE of $chosen of the $total pages, one in $every (WCXB_EVERY=$every)"
    fi
    # shellcheck disable=SC2086
    "$out/bench" ${BENCH_ARGS:-} --seconds 1 --name "$label" --json-file "$out/wcxb-dev.json" \
        --page-types "$shared/corpus/wcxb-dev/ground-truth" "$out/wcxb-dev"
    parts="$parts wcxb-dev"
    echo
else
    echo "bench: WCXB pages SKIPPED, $wcxb not found"
fi

# shellcheck disable=SC2086
"$out/scaling" ${SCALING_ARGS:---sizes 1,10,100} --json-file "$out/scaling.json"
parts="$parts scaling"
echo

# Bulk throughput with worker threads (wall time: the point is using both
# cores), over the Mozilla and WCXB pages in one run (over 1,600 pages: one
# run of -j 1 takes seconds, so start-up and the last page count for
# little). Three rounds of -j 1 then -j 2; the best round of each counts,
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
