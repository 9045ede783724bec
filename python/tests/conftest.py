"""Shared fixtures: the repository, its bundled articles and the atlas binary."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def bundled() -> list[tuple[str, str, str, str | None]]:
    """The bundled articles as (id, title, text, date), parsed as the app does:
    `key: value` header lines, then a line `---`, then the text."""
    out = []
    for path in sorted((REPO / "articles").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        header, _, text = raw.partition("\n---\n")
        fields = dict(line.split(":", 1) for line in header.splitlines() if ":" in line)
        date = fields.get("date")
        out.append((fields["id"].strip(), fields["title"].strip(), text, date.strip() if date else None))
    return out


@pytest.fixture(scope="session")
def atlas() -> Path:
    """The command line: $ATLAS, else target/release/atlas or target/debug/atlas
    (built with cargo when neither exists)."""
    if os.environ.get("ATLAS"):
        return Path(os.environ["ATLAS"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    for profile in ("release", "debug"):
        if (target / profile / "atlas").exists():
            return target / profile / "atlas"
    subprocess.run(["cargo", "build", "--quiet", "--bin", "atlas"], cwd=REPO, check=True)
    return target / "debug" / "atlas"
