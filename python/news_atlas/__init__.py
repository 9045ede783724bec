"""News Atlas: where a news article's events happen and who said what.

The analysis core of the News Atlas page and of its command line ``atlas``,
compiled from Rust. Every report is the schema of ``atlas analyze`` (see the
repository README, "The analysis report"): a dict with ``id``, ``title``,
``sentences``, ``places``, ``unresolved``, ``demonyms``, ``metonyms``,
``people``, ``quotes``, ``statements``, ``contrasts``, ``events`` and
``warnings``. Every ``start``/``end`` is a half-open UTF-8 *byte* offset
into the text.

>>> import news_atlas
>>> report = news_atlas.analyze("Shelling hit Kharkiv overnight, officials said.", id="a1")
>>> [p["name"] for p in report["places"]]
['Kharkiv']

:func:`analyze_many` analyses a list of texts on every core with the GIL
released. :mod:`news_atlas.tables` flattens reports into rows of places and
statements (for pandas, Dask or Spark).
"""

from ._native import __version__, analyze, analyze_many, html_to_text

__all__ = ["__version__", "analyze", "analyze_many", "html_to_text"]
