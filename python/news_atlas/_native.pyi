"""Type stubs of the native module (python/src/lib.rs)."""

from collections.abc import Iterable
from typing import Any

__version__: str

def analyze(text: str, *, id: str = "", title: str | None = None, date: str | None = None) -> dict[str, Any]:
    """Analyses one article and returns its report.

    The report is the schema of ``atlas analyze`` (README, "The analysis
    report"); spans are UTF-8 byte offsets into ``text``. ``id`` is the
    report's ``id``; ``title`` defaults to the first non-blank line;
    ``date`` is the publication day (``YYYY-MM-DD``) that events' times
    ("on Monday", "last week") are counted from, else a full date in the
    text's first lines. The GIL is released while the text is analysed.
    Never raises for any text; raises ``ValueError`` for a malformed date.
    """

def analyze_many(
    texts: Iterable[str],
    *,
    ids: Iterable[str] | None = None,
    titles: Iterable[str | None] | None = None,
    dates: Iterable[str | None] | None = None,
    jobs: int | None = None,
) -> list[dict[str, Any]]:
    """Analyses many articles in parallel and returns their reports in order.

    Uses every core (or ``jobs`` threads) with the GIL released. ``ids``
    default to the texts' positions ("0", "1", ...); ``titles`` to each
    text's first non-blank line; ``dates`` as in :func:`analyze`. Raises
    ``ValueError`` when ``ids``, ``titles`` or ``dates`` do not have one
    entry per text, a date is malformed, or ``jobs`` is 0.
    """

def html_to_text(html: str) -> str:
    """The text of an HTML document, one paragraph per line, as the page and
    ``atlas analyze`` reduce a ``.html`` file (scripts, styles, navigation
    and markup dropped; entities decoded)."""
