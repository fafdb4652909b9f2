"""Clean JSON Lines shards of pages on a Spark cluster with `readmode --jsonl`.

Each input line is one page: {"url": "...", "html": "..."} (optionally
"charset" or "content_type"). RDD.pipe() starts one `readmode --jsonl` per
partition, writes the partition's lines to its standard input and reads one
JSON result per line back, in order. readmode must be installed on every
worker (`make install`, or ./install.sh --no-deps --prefix /opt/readmode).

    spark-submit spark_pipe.py hdfs:///crawl/pages-*.jsonl hdfs:///crawl/articles

Spark cannot run in readmode's own test machines; the command that each
partition runs is the same as in the GNU parallel example, which is tested.
"""
import sys

from pyspark.sql import SparkSession


def main(source, target, readmode="readmode"):
    spark = SparkSession.builder.appName("readmode-clean").getOrCreate()
    pages = spark.sparkContext.textFile(source)
    # One record in, one record out, in order: a page without article (or
    # not HTML) still gets its answer line ({"ok": false, "error": {...}})
    # and readmode exits 0, so the task succeeds. Spark runs one partition
    # per core: one thread each (-j 1), no summary on stderr (-q).
    articles = pages.pipe([readmode, "--jsonl", "-j", "1", "-q"])
    articles.saveAsTextFile(target)
    spark.stop()


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: spark_pipe.py SOURCE TARGET [READMODE]")
    main(*sys.argv[1:])
