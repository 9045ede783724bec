"""The Python package against the command line and its own promises."""

from __future__ import annotations

import json
import subprocess
import threading

import pytest

import news_atlas
from conftest import REPO, bundled

# Short articles written for these tests.
TEXTS = [
    "Firefighters in Zaporizhzhia worked through the night after a strike on a depot, the regional governor said.",
    "Heavy rain flooded streets in Porto on Tuesday. “We have never seen water this high,” said a shop owner, Ana Silva.",
    "Talks resumed in Geneva, a spokesman for the Swiss foreign ministry said. Café owners in Zürich cheered.",
    "",
    "   \n  ",
    "Ещё один день в Харькове. 東京では雨。 🚀🚀 “unclosed quote in Odesa",
]


def normal(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def test_bundled_articles_equal_the_command_line(atlas):
    files = sorted(str(p) for p in (REPO / "articles").glob("*.txt"))
    out = subprocess.run([str(atlas), "analyze", "--format", "jsonl", *files], capture_output=True, check=True)
    cli = [json.loads(line) for line in out.stdout.decode().splitlines()]
    articles = bundled()
    assert len(cli) == len(articles) >= 2
    for report, (aid, title, text, date) in zip(cli, articles):
        mine = news_atlas.analyze(text, id=aid, title=title, date=date)
        assert normal(mine) == normal(report), aid
    many = news_atlas.analyze_many(
        [t for _, _, t, _ in articles],
        ids=[a for a, _, _, _ in articles],
        titles=[t for _, t, _, _ in articles],
        dates=[d for _, _, _, d in articles],
    )
    assert [normal(r) for r in many] == [normal(r) for r in cli]


def test_the_json_document_holds_the_same_reports(atlas):
    files = sorted(str(p) for p in (REPO / "articles").glob("*.txt"))
    out = subprocess.run([str(atlas), "analyze", *files], capture_output=True, check=True)
    doc = json.loads(out.stdout)
    for report, (aid, title, text, date) in zip(doc["articles"], bundled()):
        assert normal(news_atlas.analyze(text, id=aid, title=title, date=date)) == normal(report)


def test_report_fields_and_byte_spans():
    text = TEXTS[1]
    report = news_atlas.analyze(text, id="porto")
    assert report["id"] == "porto"
    assert report["title"] == text.splitlines()[0]
    for key in ["sentences", "places", "unresolved", "demonyms", "metonyms", "people", "quotes", "statements", "contrasts", "events", "warnings"]:
        assert isinstance(report[key], list), key
    raw = text.encode("utf-8")
    assert any(p["name"] == "Porto" for p in report["places"])
    for place in report["places"]:
        for m in place["mentions"]:
            assert raw[m["start"] : m["end"]].decode("utf-8") == m["text"]
    for s in report["sentences"]:
        assert raw[s["start"] : s["end"]].decode("utf-8") == s["text"]


@pytest.mark.parametrize("text", TEXTS)
def test_any_text_gives_a_report(text):
    report = news_atlas.analyze(text)
    assert report["id"] == ""
    raw = text.encode("utf-8")
    for q in report["quotes"]:
        assert raw[q["start"] : q["end"]].decode("utf-8") == q["text"]


def test_analyze_many_keeps_order_and_equals_analyze():
    texts = [TEXTS[i % 3] * (1 + i % 4) for i in range(40)]
    many = news_atlas.analyze_many(texts)
    assert [r["id"] for r in many] == [str(i) for i in range(40)]
    for i in (0, 7, 39):
        assert normal(many[i]) == normal(news_atlas.analyze(texts[i], id=str(i)))
    one_thread = news_atlas.analyze_many(iter(texts), jobs=1)
    assert [normal(r) for r in one_thread] == [normal(r) for r in many]
    assert news_atlas.analyze_many([]) == []


def test_analyze_many_checks_its_arguments():
    with pytest.raises(ValueError):
        news_atlas.analyze_many(["a", "b"], ids=["only one"])
    with pytest.raises(ValueError):
        news_atlas.analyze_many(["a"], titles=[None, None])
    with pytest.raises(ValueError):
        news_atlas.analyze_many(["a"], jobs=0)
    with pytest.raises(TypeError):
        news_atlas.analyze_many([b"bytes are not text"])
    with pytest.raises(TypeError):
        news_atlas.analyze(42)


def test_the_gil_is_released_while_analysing():
    texts = [TEXTS[0] * 200] * 40
    ticks = 0
    done = threading.Event()

    def work():
        news_atlas.analyze_many(texts)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    # With the GIL held for the whole call this loop would hardly run.
    assert ticks > 1000


def test_html_is_reduced_as_the_page_does():
    html = "<html><head><title>t</title><script>alert(1)</script></head><body><nav>Home</nav><p>Rain in <b>Lviv</b> &amp; Kyiv.</p><p>Second.</body></html>"
    assert news_atlas.html_to_text(html) == "Rain in Lviv & Kyiv.\nSecond."
    assert news_atlas.__version__


# Events' times are counted from the article's day when it is given.
DATED = "Floods on Monday killed 12 people in Sylhet, officials said."


@pytest.mark.parametrize(
    ("date", "day"),
    [
        ("2024-03-06", "2024-03-04"),  # a Wednesday: the Monday before
        ("2024-03-04", "2024-03-04"),  # a Monday: that day
        ("2025-01-01", "2024-12-30"),  # across a year's end
    ],
)
def test_a_given_date_dates_the_events(date, day):
    events = news_atlas.analyze(DATED, date=date)["events"]
    assert [e["date"] for e in events] == [day]
    [many] = news_atlas.analyze_many([DATED], dates=[date])
    assert many == news_atlas.analyze(DATED, id="0", date=date)


@pytest.mark.parametrize("date", ["2024-02-30", "03/04/2024", "2024-3-4", ""])
def test_a_malformed_date_is_refused(date):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        news_atlas.analyze(DATED, date=date)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        news_atlas.analyze_many([DATED], dates=[date])
