"""Deliverables built from a review: the gap table, the amendments table and the policy brief."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from crlens.analysis.review import Review
from crlens.report import amendments, brief, gap_table

FORMATS = ("docx", "xlsx", "html", "md", "pdf")
LANGS = ("en", "ru")


def write_deliverables(review: Review, out_dir: Path, langs: tuple[str, ...] = LANGS,
                       formats: tuple[str, ...] = FORMATS, template_dir: Path | None = None) -> list[Path]:
    """Write the gap table (docx, xlsx, html, md), the amendments table (docx, xlsx) and the policy brief (pdf,
    docx) in every requested language;
    Russian files get the suffix ``.ru``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in langs:
        suffix = ".ru" if lang == "ru" else ""
        for fmt in formats:
            for stem, write in _writers(fmt, template_dir):
                path = out_dir / f"{stem}{suffix}.{fmt}"
                write(review, path, lang)
                written.append(path)
    return written


Writer = Callable[[Review, Path, str], object]


def _writers(fmt: str, template_dir: Path | None) -> list[tuple[str, Writer]]:
    """The documents made in one format: (file stem, writer)."""
    if fmt == "md":
        return [("gap-table", gap_table.write_markdown)]
    if fmt == "html":
        return [("gap-table", partial(gap_table.write_html, template_dir=template_dir))]
    if fmt == "xlsx":
        return [("gap-table", gap_table.write_xlsx), ("amendments", amendments.write_xlsx)]
    if fmt == "docx":
        return [("gap-table", partial(gap_table.write_docx, template_dir=template_dir)),
                ("amendments", partial(amendments.write_docx, template_dir=template_dir)),
                ("policy-brief", partial(brief.write_docx, template_dir=template_dir))]
    if fmt == "pdf":
        return [("policy-brief", brief.write_pdf)]
    raise ValueError(f"unknown format {fmt!r}")
