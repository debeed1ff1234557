"""Deliverables built from a review: the gap table and the amendments table (the policy brief is to come)."""

from __future__ import annotations

from pathlib import Path

from crlens.analysis.review import Review
from crlens.report import amendments, gap_table

FORMATS = ("docx", "xlsx", "html", "md")
LANGS = ("en", "ru")


def write_deliverables(review: Review, out_dir: Path, langs: tuple[str, ...] = LANGS,
                       formats: tuple[str, ...] = FORMATS, template_dir: Path | None = None) -> list[Path]:
    """Write the gap table (every format) and the amendments table (docx, xlsx) in every requested language;
    Russian files get the suffix ``.ru``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in langs:
        suffix = ".ru" if lang == "ru" else ""
        for fmt in formats:
            path = out_dir / f"gap-table{suffix}.{fmt}"
            if fmt == "md":
                gap_table.write_markdown(review, path, lang)
            elif fmt == "html":
                gap_table.write_html(review, path, lang, template_dir)
            elif fmt == "xlsx":
                gap_table.write_xlsx(review, path, lang)
            elif fmt == "docx":
                gap_table.write_docx(review, path, lang)
            written.append(path)
            if fmt in {"docx", "xlsx"}:
                target = out_dir / f"amendments{suffix}.{fmt}"
                (amendments.write_docx if fmt == "docx" else amendments.write_xlsx)(review, target, lang)
                written.append(target)
    return written
