"""Deliverables built from a review: the gap table, the amendments table and the policy brief."""

from __future__ import annotations

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
            if fmt == "pdf":
                written.append(brief.write_pdf(review, out_dir / f"policy-brief{suffix}.pdf", lang))
                continue
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
            if fmt == "docx":
                written.append(brief.write_docx(review, out_dir / f"policy-brief{suffix}.docx", lang))
            if fmt in {"docx", "xlsx"}:
                target = out_dir / f"amendments{suffix}.{fmt}"
                (amendments.write_docx if fmt == "docx" else amendments.write_xlsx)(review, target, lang)
                written.append(target)
    return written
