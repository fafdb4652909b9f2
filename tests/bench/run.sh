#!/bin/sh
# run.sh BUILD SHARED — build tests/bench/bench.c against BUILD/libreadmode.a
# and run it over SHARED/corpus/readability. Extra arguments for the bench
# (--json, --seconds S) come from $BENCH_ARGS: make bench BENCH_ARGS=--json
set -eu
[ $# -eq 2 ] || { echo "usage: $0 BUILD SHARED" >&2; exit 2; }
build=$1
shared=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$shared/corpus/readability
if [ ! -d "$corpus" ]; then
    echo "bench: SKIPPED, $corpus not found"
    exit 0
fi
mkdir -p "$build/bench"
# shellcheck disable=SC2046 # pkg-config output is a list of flags
${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L \
    -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -O2 -g \
    $(pkg-config --cflags gumbo libcjson) -I"$root/src/lib" \
    -o "$build/bench/bench" "$root/tests/bench/bench.c" "$build/libreadmode.a" \
    $(pkg-config --libs gumbo libcjson) -lunistring -lm
# shellcheck disable=SC2086 # BENCH_ARGS is a list of options
"$build/bench/bench" ${BENCH_ARGS:-} "$corpus"
