#!/bin/sh
# tests/bulk/test_examples.sh READMODE — the examples/bulk commands give,
# record for record, what one `readmode --jsonl` process gives:
#   GNU parallel --pipe over blocks of the JSON Lines input, on this machine
#   and through --sshlogin ":" (the login parallel uses for this machine);
#   the Dask script on a LocalCluster of two workers, over four shards.
# A tool that is not installed is reported as SKIPPED, unless CI is set.
set -eu
readmode=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/readmode-bulk.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=0

missing() {
    if [ -n "${CI:-}" ]; then
        echo "check-bulk: FAILED, $1 is not installed (./install.sh --dev)"
        failed=1
    else
        echo "check-bulk: SKIPPED $2: $1 is not installed (./install.sh --dev)"
    fi
}

same() {   # same NAME FILE: FILE must equal the single-process run
    if cmp -s "$work/reference.jsonl" "$2"; then
        echo "check-bulk: $1: $(wc -l <"$2") records, equal to one readmode --jsonl"
    else
        echo "check-bulk: FAILED, $1 differs from one readmode --jsonl:"
        diff "$work/reference.jsonl" "$2" | head -5 | cut -c1-200
        failed=1
    fi
}

# The input: the test pages, each page once with a URL, three times over
# (so that blocks and shards hold many records), plus two that fail.
find "$root/tests/pages" "$root/examples" -name '*.html' | sort >"$work/pages"
python3 - "$work/pages" >"$work/pages.jsonl" <<'PY'
import json, sys
paths = open(sys.argv[1]).read().split()
n = 0
for round_ in range(3):
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            print(json.dumps({"id": n, "url": "https://example.org/%d" % n, "html": f.read()}))
        n += 1
print(json.dumps({"id": n, "html": "<p>too short for an article</p>"}))
print("not json")
PY
"$readmode" --jsonl -j 1 -q <"$work/pages.jsonl" >"$work/reference.jsonl"

if command -v parallel >/dev/null 2>&1; then
    export READMODE="$readmode" BLOCK=100k JOBS=2
    "$root/examples/bulk/parallel.sh" "$work/pages.jsonl" >"$work/parallel.jsonl"
    same "parallel --pipe" "$work/parallel.jsonl"
    "$root/examples/bulk/parallel.sh" "$work/pages.jsonl" : >"$work/ssh.jsonl"
    same "parallel --pipe --sshlogin :" "$work/ssh.jsonl"
else
    missing "GNU parallel" "the parallel example"
fi

# Debian's python3-distributed is for the system python3, which a python3
# earlier on PATH (pyenv, a virtualenv) may not be.
dask_python=
for py in python3 /usr/bin/python3; do
    if "$py" -c 'import distributed' 2>/dev/null; then dask_python=$py; break; fi
done
if [ -n "$dask_python" ]; then
    split -n l/4 -d "$work/pages.jsonl" "$work/shard."
    READMODE="$readmode" "$dask_python" "$root/examples/bulk/dask_clean.py" --workers 2 \
        "$work/dask.jsonl" "$work"/shard.* 2>"$work/dask.err" || { cat "$work/dask.err"; failed=1; }
    same "Dask LocalCluster, 2 workers, 4 shards" "$work/dask.jsonl"
else
    missing "python3-distributed" "the Dask example"
fi
exit $failed
