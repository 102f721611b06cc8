#!/usr/bin/env python3
"""Nianbao on Apache Spark: the map stage (`nianbao extract`) distributed with RDD.pipe, the
reduce (`nianbao analyze --from-extracted`) in one process on the driver.

    python3 spark/nianbao_spark.py corpora --manifest corpora/manifest.csv --out notebooks-out

The outputs are byte-identical to `nianbao analyze corpora ...` (run.json aside): the records
are the same whichever worker made them, and the reduce sorts them and computes everything
corpus-wide (IDF over the items' keywords) from all of them. See README, "Scale out".
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus", nargs="+")
    p.add_argument("--manifest")
    p.add_argument("--out", default="notebooks-out")
    p.add_argument("--nianbao", default=os.environ.get("NIANBAO") or shutil.which("nianbao") or ".build/release/nianbao")
    p.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[2]"))
    p.add_argument("--partitions", type=int, default=0, help="map partitions (default: 4 per core of the master)")
    p.add_argument("--records", help="keep the extracted records (JSON Lines) at this path")
    args = p.parse_args()

    from pyspark.sql import SparkSession

    nianbao = os.path.abspath(args.nianbao)
    listing = [nianbao, "inputs", *args.corpus] + (["--manifest", args.manifest] if args.manifest else [])
    docs = subprocess.run(listing, check=False, capture_output=True, text=True).stdout.splitlines()

    spark = (SparkSession.builder.master(args.master).appName("nianbao")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", os.environ.get("SPARK_DRIVER_MEMORY", "2g")).getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    partitions = args.partitions or max(1, 4 * sc.defaultParallelism)
    extract = f"{nianbao} extract - --out -" + (f" --manifest {os.path.abspath(args.manifest)}" if args.manifest else "")
    # Each partition's documents go through one `nianbao extract` process; a failed input comes
    # back as an error record, so the stage itself never fails on bad data. Records stream to part
    # files (on a cluster: a shared or HDFS path), never through the driver's memory.
    work = tempfile.mkdtemp(prefix="nianbao-spark-")
    parts = os.path.join(work, "records")
    sc.parallelize(docs, partitions).pipe(extract, env={"LC_ALL": "C.UTF-8"}).saveAsTextFile("file://" + parts)
    spark.stop()

    files = sorted(os.path.join(parts, f) for f in os.listdir(parts) if f.startswith("part-"))
    keep = args.records or os.path.join(work, "records.jsonl")
    records = failed = 0
    with open(keep, "w", encoding="utf-8") as out:
        for name in files:
            with open(name, encoding="utf-8") as f:
                for line in f:
                    records += 1
                    failed += line.startswith('{"error"')
                    out.write(line)
    reduce = [nianbao, "analyze", "--from-extracted", keep, "--out", args.out, "--quiet"]
    status = subprocess.run(reduce).returncode
    shutil.rmtree(work, ignore_errors=True)
    print(f"spark: {len(docs)} inputs in {partitions} partitions, {records} records ({failed} failed); reduce exit {status}",
          file=sys.stderr)
    sys.exit(status)


if __name__ == "__main__":
    main()
