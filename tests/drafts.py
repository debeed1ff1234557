"""Short drafts written for a test: reviewed from a real file, as a user's draft is."""

from __future__ import annotations

from pathlib import Path

from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.ingest import parse_file


def review_text(folder: Path, text: str, name: str = "draft.txt") -> Review:
    """Write ``text`` to ``folder/name`` and review it: parse the file, then analyse it."""
    draft = folder / name
    draft.write_text(text, encoding="utf-8")
    return review_document(parse_file(draft))
