"""The command line and the Python package at scale: throughput and memory.

    python3 bench/cli.py [--atlas target/release/atlas] [--mb 100] [--python .venv/bin/python]

Builds JSON Lines corpora from the bundled articles (articles/*.txt) and the
test texts found at run time (../shared/seeds, ../shared/dev-gold/texts, when
present; nothing of them is written into the repository), repeated under new
ids until each corpus reaches its size, into bench/results/cli/. Then:

- `atlas analyze --jsonl CORPUS --format jsonl` on one thread (--jobs 1) and
  on every core, over the large corpus: MB of input per second, and the json
  document and csv formats on every core;
- peak resident memory (getrusage of the child) of the jsonl run over 10 MB
  and over the large corpus, which must not grow with the input;
- with --python (a Python with news_atlas and dask installed): articles per
  second through news_atlas.analyze_many (one thread and every core) and
  through the Dask example (python/examples/dask_corpus.py, a LocalCluster
  of two worker processes, cluster start included and excluded).

Prints a table and writes bench/results/cli.json. A benchmark: nothing fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "results" / "cli"


def texts() -> list[tuple[str, str]]:
    found = []
    for path in sorted((REPO / "articles").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        found.append((path.stem, raw.partition("\n---\n")[2]))
    for folder in (REPO.parent / "shared" / "seeds", REPO.parent / "shared" / "dev-gold" / "texts"):
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            found.append((path.stem, path.read_text(encoding="utf-8")))
    return found


def corpus(mb: int) -> tuple[Path, int, int]:
    """A corpus of at least `mb` MB: (path, bytes, records)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"corpus-{mb}mb.jsonl"
    base = texts()
    target = mb * 1_000_000
    if not path.exists() or path.stat().st_size < target:
        size = records = 0
        with path.open("w", encoding="utf-8") as f:
            while size < target:
                for stem, text in base:
                    line = json.dumps({"id": f"{stem}-{records}", "text": text}, ensure_ascii=False) + "\n"
                    f.write(line)
                    size += len(line.encode("utf-8"))
                    records += 1
    with path.open("rb") as f:
        records = sum(1 for _ in f)
    return path, path.stat().st_size, records


def run(cmd: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (user + system), peak RSS in KiB and exit
    status of one command."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--atlas", default=str(REPO / "target" / "release" / "atlas"))
    parser.add_argument("--mb", type=int, default=100, help="size of the large corpus (default 100)")
    parser.add_argument("--python", help="a Python with news_atlas (and dask) installed")
    args = parser.parse_args()
    results: dict[str, object] = {"cores": os.cpu_count()}
    rows = []
    small, small_bytes, _ = corpus(10)
    large, large_bytes, large_records = corpus(args.mb)
    results["corpus"] = {"bytes": large_bytes, "records": large_records}
    analyse = [args.atlas, "analyze", "--jsonl", "--quiet"]
    for name, extra, path, size in [
        ("jsonl, 1 thread", ["--jobs", "1", "-f", "jsonl"], large, large_bytes),
        ("jsonl, every core", ["-f", "jsonl"], large, large_bytes),
        ("json document, every core", ["-f", "json"], large, large_bytes),
        ("csv, every core", ["-f", "csv"], large, large_bytes),
        ("jsonl, every core, 10 MB", ["-f", "jsonl"], small, small_bytes),
    ]:
        seconds, cpu, rss, code = run([*analyse, *extra, str(path)])
        mbps = size / 1e6 / seconds
        results[name] = {
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),
            "mb_per_s": round(mbps, 2),
            "mb_per_cpu_s": round(size / 1e6 / cpu, 2),
            "peak_rss_mb": round(rss / 1024, 1),
            "exit": code,
        }
        rows.append(
            f"| atlas {name} | {size / 1e6:.0f} MB | {seconds:.1f} s | {mbps:.1f} MB/s | {size / 1e6 / cpu:.1f} MB/s | {rss / 1024:.0f} MB |"
        )
    if args.python:
        code = f"""
import json, sys, time, tempfile, subprocess
import news_atlas
lines = open({str(small)!r}, encoding="utf-8").read().splitlines()[:2000]
records = [json.loads(l) for l in lines]
texts = [r["text"] for r in records]; ids = [r["id"] for r in records]
out = {{"articles": len(texts)}}
news_atlas.analyze("Warm-up in Kyiv.")
for jobs in (1, None):
    t = time.perf_counter(); c = time.process_time()
    news_atlas.analyze_many(texts, ids=ids, jobs=jobs)
    s = time.perf_counter() - t; c = time.process_time() - c
    out["analyze_many jobs=" + str(jobs)] = len(texts) / s
    out["analyze_many jobs=" + str(jobs) + " per CPU-second"] = len(texts) / c
with tempfile.TemporaryDirectory() as tmp:
    corpus = tmp + "/c.jsonl"
    open(corpus, "w", encoding="utf-8").write("\\n".join(lines) + "\\n")
    t = time.perf_counter()
    run = subprocess.run([sys.executable, {str(REPO / 'python/examples/dask_corpus.py')!r}, corpus, tmp + "/t", "--workers", "2", "--blocksize", "1MiB"], capture_output=True, text=True, check=True)
    s = time.perf_counter() - t
    out["dask wall"] = len(texts) / s
    sys.path.insert(0, {str(REPO / 'python/examples')!r})
    import dask_corpus
    from dask.distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        t = time.perf_counter(); dask_corpus.build(corpus, tmp + "/u", "1MiB"); s = time.perf_counter() - t
    out["dask without cluster start"] = len(texts) / s
print(json.dumps(out))
"""
        done = subprocess.run([args.python, "-c", code], capture_output=True, text=True)
        if done.returncode == 0:
            py = json.loads(done.stdout.strip().splitlines()[-1])
            results["python"] = py
            for key, value in py.items():
                if key != "articles":
                    rows.append(f"| Python {key} | {py['articles']} articles | | {value:.0f} articles/s | | |")
        else:
            print(done.stderr, file=sys.stderr)
    (REPO / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (REPO / "bench" / "results" / "cli.json").write_text(json.dumps(results, indent=2))
    print(f"corpus: {large_records} records, {large_bytes / 1e6:.0f} MB; {os.cpu_count()} cores")
    print("| run | input | wall time | throughput (wall) | per CPU-second | peak RSS |\n|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
