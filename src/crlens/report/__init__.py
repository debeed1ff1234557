"""Deliverables built from a review: the gap table, the amendments table and the policy brief."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from crlens.analysis.review import Review
from crlens.consult.log import ConsultationLog
from crlens.report import amendments, brief, gap_table

FORMATS = ("docx", "xlsx", "html", "md", "pdf")
LANGS = ("en", "ru")


def write_deliverables(review: Review, out_dir: Path, langs: tuple[str, ...] = LANGS,
                       formats: tuple[str, ...] = FORMATS, template_dir: Path | None = None,
                       log: ConsultationLog | None = None) -> list[Path]:
    """Write the gap table (docx, xlsx, html, md), the amendments table (docx, xlsx) and the policy brief (pdf,
    docx) in every requested language; Russian files get the suffix ``.ru``.

    With a consultation ``log`` (deliverables built from a project), the gap table and the amendments get an
    annex "Consultation log" and the log is also written on its own (``consultation-log.md``/``.docx``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in langs:
        suffix = ".ru" if lang == "ru" else ""
        for fmt in formats:
            for stem, write in _writers(fmt, template_dir, log):
                path = out_dir / f"{stem}{suffix}.{fmt}"
                write(review, path, lang)
                if log is not None and stem != "policy-brief":
                    _add_annex(path, log, lang)
                written.append(path)
        if log is not None:
            from crlens.report import consultation

            for fmt in ("md", "docx"):
                if fmt in formats:
                    path = out_dir / f"consultation-log{suffix}.{fmt}"
                    writer = consultation.write_markdown if fmt == "md" else consultation.write_docx
                    written.append(writer(log, path, lang))
    return written


def _add_annex(path: Path, log: ConsultationLog, lang: str) -> None:
    """Append the consultation log to a written deliverable (Word, Markdown, Excel; HTML stays as it is)."""
    from crlens.report import consultation

    if path.suffix == ".docx":
        from docx import Document

        document = Document(str(path))
        consultation.add_to_document(document, log, lang, annex=True)
        document.save(str(path))
    elif path.suffix == ".md":
        with path.open("a", encoding="utf-8") as handle:
            handle.write("\n" + consultation.markdown(log, lang, annex=True))
    elif path.suffix == ".xlsx":
        from openpyxl import load_workbook

        from crlens.report.office import finish_sheet

        wb = load_workbook(str(path))
        ws = wb.create_sheet("Журнал" if lang == "ru" else "Consultation log")
        header, rows = consultation.sheet_rows(log, lang)
        ws.append(header)
        for row in rows:
            ws.append(row)
        finish_sheet(ws, [8, 10, 16, 18, 18, 60, 60], "A2")
        wb.save(str(path))


Writer = Callable[[Review, Path, str], object]


def _writers(fmt: str, template_dir: Path | None, log: ConsultationLog | None = None) -> list[tuple[str, Writer]]:
    """The documents made in one format: (file stem, writer). The gap table, the amendments table and the
    brief of a project mark what the consultation ``log`` says the ministry rejected."""
    if fmt == "md":
        return [("gap-table", partial(gap_table.write_markdown, log=log))]
    if fmt == "html":
        return [("gap-table", partial(gap_table.write_html, template_dir=template_dir, log=log))]
    if fmt == "xlsx":
        return [("gap-table", partial(gap_table.write_xlsx, log=log)),
                ("amendments", partial(amendments.write_xlsx, log=log))]
    if fmt == "docx":
        return [("gap-table", partial(gap_table.write_docx, template_dir=template_dir, log=log)),
                ("amendments", partial(amendments.write_docx, template_dir=template_dir, log=log)),
                ("policy-brief", partial(brief.write_docx, template_dir=template_dir, log=log))]
    if fmt == "pdf":
        return [("policy-brief", partial(brief.write_pdf, log=log))]
    raise ValueError(f"unknown format {fmt!r}")
