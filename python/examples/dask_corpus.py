"""Analyse a JSON Lines corpus with Dask and write Parquet tables.

    python python/examples/dask_corpus.py CORPUS.jsonl OUT_DIR [--workers 2]
    python python/examples/dask_corpus.py 's3://bucket/feed/*.jsonl' s3://bucket/tables \\
        --scheduler tcp://scheduler:8786

Each line of the corpus is a record ``{"id": ..., "text": ...}`` (the input
of ``atlas analyze --jsonl``). Dask splits the corpus into blocks of lines
(``--blocksize``), each worker process analyses its blocks with
``news_atlas.tables.analyse_lines`` and two Parquet tables are written:

- ``OUT_DIR/places/``: article, name, kind, country, lat, lon, mentions
- ``OUT_DIR/statements/``: article, speaker, affiliation, cue, stance,
  direct, content, sentence, start, end

With no ``--scheduler`` a ``LocalCluster`` of worker processes runs on this
machine; with one, the same code runs on that cluster (every worker needs
``news_atlas`` installed, and the corpus and output paths must be reachable
from every worker: a shared file system or an object store fsspec knows).
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

import cloudpickle
import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

from news_atlas.tables import PLACE_COLUMNS, STATEMENT_COLUMNS, analyse_lines

# Workers cannot import this file: when it is imported rather than run,
# its functions travel to them by value (as a script's always do).
if __name__ != "__main__":
    cloudpickle.register_pickle_by_value(sys.modules[__name__])

PLACES_META = pd.DataFrame(
    {
        "article": pd.Series(dtype="string"),
        "name": pd.Series(dtype="string"),
        "kind": pd.Series(dtype="string"),
        "country": pd.Series(dtype="string"),
        "lat": pd.Series(dtype="float64"),
        "lon": pd.Series(dtype="float64"),
        "mentions": pd.Series(dtype="int64"),
    }
)[PLACE_COLUMNS]

STATEMENTS_META = pd.DataFrame(
    {
        "article": pd.Series(dtype="string"),
        "speaker": pd.Series(dtype="string"),
        "affiliation": pd.Series(dtype="string"),
        "cue": pd.Series(dtype="string"),
        "stance": pd.Series(dtype="string"),
        "direct": pd.Series(dtype="bool"),
        "content": pd.Series(dtype="string"),
        "sentence": pd.Series(dtype="string"),
        "start": pd.Series(dtype="int64"),
        "end": pd.Series(dtype="int64"),
    }
)[STATEMENT_COLUMNS]


def _frame(rows: list[dict[str, Any]], meta: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(meta.columns))
    return frame.astype(meta.dtypes.to_dict())


def analyse_block(lines: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One block of corpus lines as (places, statements) frames. Runs on a
    worker; one thread per task (the workers are the parallelism)."""
    places, statements = analyse_lines(lines, jobs=1)
    return _frame(places, PLACES_META), _frame(statements, STATEMENTS_META)


def build(corpus: str, out_dir: str, blocksize: str | int = "4MiB") -> dict[str, int]:
    """Analyses ``corpus`` on the current Dask client and writes the tables.

    Returns the number of rows written to each table. Each block is analysed
    once: both tables are computed from the same tasks in one graph.
    """
    lines = db.read_text(corpus, blocksize=blocksize)
    blocks = [dask.delayed(analyse_block, nout=2)(part) for part in lines.to_delayed()]
    places = dd.from_delayed([b[0] for b in blocks], meta=PLACES_META, verify_meta=False)
    statements = dd.from_delayed([b[1] for b in blocks], meta=STATEMENTS_META, verify_meta=False)
    dask.compute(
        places.to_parquet(f"{out_dir}/places", write_index=False, compute=False),
        statements.to_parquet(f"{out_dir}/statements", write_index=False, compute=False),
    )
    return {
        table: int(dd.read_parquet(f"{out_dir}/{table}").map_partitions(len).sum().compute())
        for table in ("places", "statements")
    }


def run(
    corpus: str,
    out_dir: str,
    workers: int = 2,
    scheduler: str | None = None,
    blocksize: str | int = "4MiB",
) -> dict[str, int]:
    """Starts (or connects to) a cluster, builds the tables, shuts down what
    it started."""
    if scheduler:
        with Client(scheduler):
            return build(corpus, out_dir, blocksize)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster):
            return build(corpus, out_dir, blocksize)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="JSON Lines file(s): a path, glob or fsspec URL")
    parser.add_argument("out_dir", help="where the places/ and statements/ tables go")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    parser.add_argument("--blocksize", default="4MiB", help="bytes of corpus per task (default 4MiB)")
    args = parser.parse_args()
    started = time.perf_counter()
    counts = run(args.corpus, args.out_dir, args.workers, args.scheduler, args.blocksize)
    seconds = time.perf_counter() - started
    print(f"{counts['places']} place rows, {counts['statements']} statement rows in {seconds:.1f} s")


if __name__ == "__main__":
    main()
