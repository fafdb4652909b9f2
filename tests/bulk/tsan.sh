#!/bin/sh
# tests/bulk/tsan.sh READMODE_TSAN READMODE — the bulk runs on several
# threads under ThreadSanitizer: any data race in the library or the pool
# fails the run (TSan exits 66), and the output must equal the one-thread
# run of the plain build, byte for byte, in input order.
set -eu
tsan=$1
plain=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/readmode-tsan.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 ${TSAN_OPTIONS:-}"

pages=$(find "$root/tests/pages" "$root/examples" -name '*.html' | sort)
# shellcheck disable=SC2086 # the page paths have no spaces
set -- $pages
echo "check-tsan: $# pages, -j 4 under ThreadSanitizer"

python3 - "$@" >"$work/in.jsonl" <<'PY'
import json, sys
for i, path in enumerate(sys.argv[1:]):
    with open(path, encoding="utf-8", errors="replace") as f:
        print(json.dumps({"id": i, "url": "https://example.org/%d" % i, "html": f.read()}))
PY
"$tsan" --jsonl -j 4 -q <"$work/in.jsonl" >"$work/tsan.jsonl"
"$plain" --jsonl -j 1 -q <"$work/in.jsonl" >"$work/plain.jsonl"
cmp "$work/tsan.jsonl" "$work/plain.jsonl"

"$tsan" -f json -j 4 -q "$@" >"$work/tsan-files.jsonl"
"$plain" -f json -j 1 -q "$@" >"$work/plain-files.jsonl"
cmp "$work/tsan-files.jsonl" "$work/plain-files.jsonl"

"$tsan" -f markdown -j 4 -q -o "$work/tsan-out" "$@"
"$plain" -f markdown -j 1 -q -o "$work/plain-out" "$@"
diff -r "$work/tsan-out" "$work/plain-out" >/dev/null
echo "check-tsan: no data race; -j 4 output equals -j 1 (jsonl, json lines, -o DIR)"
