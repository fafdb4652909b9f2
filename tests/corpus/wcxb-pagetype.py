#!/usr/bin/env python3
"""Page-type agreement on the WCXB development pages.

    wcxb-pagetype.py [READMODE] [CORPUS]

Runs READMODE (default build/readmode) once over every page of CORPUS
(default $RM_SHARED/corpus/wcxb-dev, else ../shared/corpus/wcxb-dev) with
`-f json`, and compares the `page_type` it reports with the benchmark's
label (`_internal.page_type.primary` of each ground-truth file): agreement
per type and overall, and the confusion table (rows: label, columns:
detected). The Web Content eXtraction Benchmark (WCXB) v1.0, Murrough Foley
2026, CC-BY-4.0.
"""
import collections
import gzip
import json
import os
import subprocess
import sys
import tempfile

TYPES = ["article", "forum", "documentation", "service", "product", "collection", "listing"]


def label_of(truth):
    pt = (truth.get("_internal") or {}).get("page_type") or {}
    pt = pt.get("primary", "article") if isinstance(pt, dict) else (pt or "article")
    return "collection" if pt == "category" else pt


def main():
    readmode = sys.argv[1] if len(sys.argv) > 1 else "build/readmode"
    shared = os.environ.get("RM_SHARED", "../shared")
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(shared, "corpus", "wcxb-dev")
    truth_dir = os.path.join(corpus, "ground-truth")
    if not os.path.isdir(truth_dir):
        print(f"wcxb-pagetype: no corpus at {corpus}, skipped")
        return 0
    labels = {}
    for name in sorted(os.listdir(truth_dir)):
        with open(os.path.join(truth_dir, name), encoding="utf-8") as f:
            labels[name[:-5]] = label_of(json.load(f))
    detected = {}
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for page in labels:
            path = os.path.join(tmp, page + ".html")
            with gzip.open(os.path.join(corpus, "html", page + ".html.gz")) as src, open(path, "wb") as dst:
                dst.write(src.read())
            names.append(path)
        run = subprocess.run([readmode, "-f", "json", "-q", "--files-from", "-"],
                             input="\n".join(names).encode(), capture_output=True)
        for line in run.stdout.decode("utf-8", "replace").split("\n"):
            if line.strip():
                result = json.loads(line)
                page = os.path.basename(result["file"])[: -len(".html")]
                detected[page] = (result.get("article") or {}).get("page_type") or "none"
    confusion = collections.defaultdict(collections.Counter)
    for page, label in labels.items():
        confusion[label][detected.get(page, "none")] += 1
    columns = TYPES + ["none"]
    print(f"{'label':<14}{'pages':>6}{'agree':>7}  " + " ".join(f"{c[:5]:>5}" for c in columns))
    agree_all = 0
    for label in TYPES + ["all"]:
        if label == "all":
            total = len(labels)
            agree = agree_all
            row = ""
        else:
            counts = confusion[label]
            total = sum(counts.values())
            agree = counts[label]
            agree_all += agree
            row = " ".join(f"{counts[c]:>5}" for c in columns)
        share = agree / total if total else 0.0
        print(f"{label:<14}{total:>6}{share:>7.0%}  {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
