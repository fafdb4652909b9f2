#!/bin/sh
# hadoop-streaming.sh — clean JSON Lines shards of pages with Hadoop Streaming.
#
# A map-only job: every mapper runs `readmode --jsonl`, which reads one page
# per line ({"url": "...", "html": "..."}) and writes one JSON result per
# line. readmode must be installed on every node (or shipped with -files).
#
#   examples/bulk/hadoop-streaming.sh /crawl/pages /crawl/articles
set -eu
[ $# -eq 2 ] || { echo "usage: $0 INPUT_DIR OUTPUT_DIR" >&2; exit 2; }
exec mapred streaming \
    -D mapreduce.job.reduces=0 \
    -D mapreduce.job.name=readmode-clean \
    -D mapreduce.output.textoutputformat.separator= \
    -input "$1" \
    -output "$2" \
    -mapper "readmode --jsonl -j 1 -q"
