#!/bin/sh
# parallel.sh — clean a JSON Lines file of pages with GNU parallel, on this
# machine or on several.
#
#   examples/bulk/parallel.sh pages.jsonl > articles.jsonl
#   examples/bulk/parallel.sh pages.jsonl :,alice@host2,host3 > articles.jsonl
#
# Each input line is one page: {"url": "...", "html": "..."} (optionally
# "id", "charset", "content_type"). parallel --pipe cuts the input into
# blocks of whole lines and feeds each block to its own `readmode --jsonl`;
# --keep-order writes the results in input order, so the output has one
# line per input line, in the same order, exactly as
#   readmode --jsonl < pages.jsonl
# would give. With a list of ssh logins (":" is this machine) the blocks go
# to those machines; readmode must be installed on each of them.
#
# BLOCK (default 10M) sets the block size; JOBS (default: one per core) the
# number of blocks at a time per machine. Each readmode runs one thread
# (-j 1): parallel already runs one per core.
set -eu
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 PAGES.jsonl [SSHLOGINS]" >&2; exit 2; }
input=$1
logins=${2:-}
READMODE=${READMODE:-readmode}
set -- --pipe --keep-order --halt now,fail=1 --block "${BLOCK:-10M}" --jobs "${JOBS:-100%}"
if [ -n "$logins" ]; then
    set -- "$@" --sshlogin "$logins"
fi
exec parallel "$@" "$READMODE" --jsonl -j 1 -q <"$input"
