"""The Dask example on a small corpus: a LocalCluster of two worker
processes writes the Parquet tables, which are read back and counted."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

from conftest import REPO, bundled
from news_atlas.tables import PLACE_COLUMNS, STATEMENT_COLUMNS, analyse_lines
from test_news_atlas import TEXTS


def test_dask_example_writes_parquet_tables(tmp_path):
    lines = []
    for i in range(6):
        for aid, title, text, _ in bundled():
            lines.append(json.dumps({"id": f"{aid}-{i}", "title": title, "text": text, "feed": "bundled"}))
        for j, text in enumerate(TEXTS[:3]):
            lines.append(json.dumps({"id": f"t{j}-{i}", "text": text}))
        if i == 2:
            lines.append('{"id": "broken", "text": ')
            lines.append(json.dumps({"id": "empty", "text": "  "}))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "tables"
    run = subprocess.run(
        [sys.executable, str(REPO / "python/examples/dask_corpus.py"), str(corpus), str(out), "--workers", "2", "--blocksize", "20000"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    places = pd.read_parquet(out / "places")
    statements = pd.read_parquet(out / "statements")
    assert list(places.columns) == PLACE_COLUMNS
    assert list(statements.columns) == STATEMENT_COLUMNS
    # The same rows as analysing the corpus in this process.
    want_places, want_statements = analyse_lines(lines, jobs=None)
    assert len(places) == len(want_places) > 0
    assert len(statements) == len(want_statements) > 0
    assert f"{len(places)} place rows, {len(statements)} statement rows" in run.stdout
    assert set(places["article"]) == {r["article"] for r in want_places}
    assert "broken" not in set(places["article"]) and "empty" not in set(statements["article"])
    # Several blocks were analysed, by the cluster.
    assert len(list((out / "places").glob("*.parquet"))) > 1
    seed = places[places["article"] == "seed-1-0"]
    assert len(seed) > 0 and (seed["mentions"] >= 1).all() and seed["lat"].between(-90, 90).all()
