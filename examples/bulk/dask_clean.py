#!/usr/bin/env python3
"""dask_clean.py — clean JSON Lines shards of pages on a Dask cluster.

    python3 dask_clean.py OUTPUT.jsonl SHARD.jsonl...                 # local cluster
    python3 dask_clean.py --scheduler tcp://host:8786 OUT SHARD...    # a real cluster
    python3 dask_clean.py --workers 2 OUT SHARD...

Each shard is a file of pages, one per line ({"url": "...", "html": "..."},
optionally "id", "charset", "content_type"), as crawlers write them (one
WARC file's responses make one shard). Every shard becomes one task that
runs `readmode --jsonl` over it; the results are written to OUTPUT in shard
order, one line per input line, so OUTPUT equals what

    cat SHARD... | readmode --jsonl

gives on one machine. Shard paths must be readable by the workers (a shared
file system, or object storage mounted on every node), and readmode must be
installed on every worker (READMODE names it when it is not on PATH).
A page that fails is an answer line, never a failed task; a task fails
only when readmode itself fails (exit status not 0).
"""
import argparse
import os
import subprocess
import sys

from distributed import Client, LocalCluster


def clean_shard(path, readmode):
    """Runs on a worker: the shard through one readmode, one thread."""
    with open(path, "rb") as shard:
        run = subprocess.run([readmode, "--jsonl", "-j", "1", "-q"], stdin=shard,
                             capture_output=True, check=False)
    if run.returncode != 0:
        raise RuntimeError("readmode failed on %s (exit %d): %s"
                           % (path, run.returncode, run.stderr.decode(errors="replace")))
    return run.stdout


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--workers", type=int, default=2,
                        help="local cluster size when no scheduler is given (default 2)")
    parser.add_argument("output", help="where the JSON Lines results go ('-': stdout)")
    parser.add_argument("shards", nargs="+", help="JSON Lines files of pages")
    args = parser.parse_args(argv)
    readmode = os.environ.get("READMODE", "readmode")
    shards = [os.path.abspath(s) for s in args.shards]

    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(clean_shard, shards, readmode=readmode, pure=False)
        out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
        try:
            # In shard order, whatever order the tasks finish in.
            for future in futures:
                out.write(future.result())
        finally:
            if out is not sys.stdout.buffer:
                out.close()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    main()
