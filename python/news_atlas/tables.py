"""Reports flattened into table rows, for pandas, Dask, Spark or a database.

Engine-neutral: :func:`analyse_lines` takes JSON Lines records (the input of
``atlas analyze --jsonl``) and returns rows of places and of statements, so
the same function runs in a Dask partition, a Spark ``mapPartitions`` or a
plain loop.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Iterable
from typing import Any

from ._native import analyze_many, html_to_text

__all__ = [
    "PLACE_COLUMNS",
    "STATEMENT_COLUMNS",
    "place_rows",
    "statement_rows",
    "parse_records",
    "analyse_lines",
]

log = logging.getLogger(__name__)

#: Columns of the places table: one row per resolved place per article.
PLACE_COLUMNS = ["article", "name", "kind", "country", "lat", "lon", "mentions"]

#: Columns of the statements table: one row per statement (a speaker's
#: direct quote or indirect statement in one sentence).
STATEMENT_COLUMNS = [
    "article",
    "speaker",
    "affiliation",
    "cue",
    "stance",
    "direct",
    "content",
    "sentence",
    "start",
    "end",
]


def place_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per resolved place of a report (``mentions`` is the count)."""
    return [
        {
            "article": report["id"],
            "name": p["name"],
            "kind": p["kind"],
            "country": p["country"],
            "lat": p["lat"],
            "lon": p["lon"],
            "mentions": p["count"],
        }
        for p in report["places"]
    ]


def statement_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per statement of a report; ``sentence`` is its sentence's text
    and ``start``/``end`` its UTF-8 byte span in the article."""
    sentences = report["sentences"]
    return [
        {
            "article": report["id"],
            "speaker": s["speaker"],
            "affiliation": s["affiliation"],
            "cue": s["cue"],
            "stance": s["stance"],
            "direct": s["direct"],
            "content": s["content"],
            "sentence": sentences[s["sentence"]]["text"] if s["sentence"] < len(sentences) else "",
            "start": s["start"],
            "end": s["end"],
        }
        for s in report["statements"]
    ]


def _day(value: object) -> str | None:
    """``value`` when it is a real day written ``YYYY-MM-DD``, else None."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def parse_records(
    lines: Iterable[str | bytes],
) -> tuple[list[str], list[str], list[str | None], list[str | None], list[str]]:
    """Reads JSON Lines records as ``atlas analyze --jsonl`` does: ``id``
    (string or number), ``text`` (or ``html``, reduced to text), ``title``,
    ``date`` (a day ``YYYY-MM-DD``, which events' times are counted from;
    any other value is ignored).

    Returns ``(ids, texts, titles, dates, problems)``; a line that is not a JSON
    object with a text is skipped and described in ``problems``; blank
    lines are skipped silently.
    """
    ids: list[str] = []
    texts: list[str] = []
    titles: list[str | None] = []
    dates: list[str | None] = []
    problems: list[str] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as e:
            problems.append(f"line {n}: not JSON ({e})")
            continue
        if not isinstance(record, dict):
            problems.append(f"line {n}: not a JSON object")
            continue
        text = record.get("text")
        if text is None and isinstance(record.get("html"), str):
            text = html_to_text(record["html"])
        if not isinstance(text, str) or not text.strip():
            problems.append(f"line {n}: record has no text")
            continue
        rid = record.get("id")
        ids.append(str(rid) if isinstance(rid, (str, int, float)) else f"line-{n}")
        texts.append(text)
        title = record.get("title")
        titles.append(title if isinstance(title, str) and title.strip() else None)
        dates.append(_day(record.get("date")))
    return ids, texts, titles, dates, problems


def analyse_lines(
    lines: Iterable[str | bytes], jobs: int | None = 1
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Analyses JSON Lines records; returns ``(place_rows, statement_rows)``.

    ``jobs`` threads analyse them (1 by default: in Dask or Spark the engine
    runs one task per core; ``None`` uses every core). Bad lines are logged
    and skipped.
    """
    ids, texts, titles, dates, problems = parse_records(lines)
    for problem in problems:
        log.warning("news_atlas: %s", problem)
    places: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    for report in analyze_many(texts, ids=ids, titles=titles, dates=dates, jobs=jobs):
        places.extend(place_rows(report))
        statements.extend(statement_rows(report))
    return places, statements
