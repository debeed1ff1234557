"""Shared layout for the Word and Excel deliverables: landscape A4 pages, header rows, sheet finishing; and the
draft's title as every deliverable heads it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crlens.plain_text import xml_safe

if TYPE_CHECKING:
    from crlens.analysis.review import Review

HEADER_FILL = "1F4E79"


def draft_title(review: Review, lang: str) -> str:
    """The draft's title as a deliverable in ``lang`` heads it: in quotation marks when the draft is in another
    language ("Gap table: “ЦИФРОВОЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН”"), so that it reads as the draft's own words and
    not as our text left untranslated; as it is otherwise."""
    title = review.document.title
    ru = lang == "ru"
    if not title or review.document.language == ("ru" if ru else "en"):
        return title
    return f"«{title}»" if ru else f"“{title}”"


REFERENCE_DOCX = "reference.docx"


def base_document(template_dir: Path | None = None) -> Any:
    """A new Word document, built on ``reference.docx`` from the template directory when there is one.

    An office brands its Word deliverables by putting a ``reference.docx`` (its styles, fonts, header and
    footer; the body is discarded) in the directory given with ``--template-dir``.
    """
    import docx

    reference = template_dir / REFERENCE_DOCX if template_dir else None
    if reference is None or not reference.is_file():
        return docx.Document()
    document = docx.Document(str(reference))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def landscape_document(margin_cm: float, font_pt: float, template_dir: Path | None = None) -> Any:
    """A new Word document in landscape A4 with the given margins and body font size."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = base_document(template_dir)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))
    document.styles["Normal"].font.size = Pt(font_pt)
    return document


def add_table(document: Any, headers: Sequence[str], widths: Sequence[Any]) -> Any:
    """A "Table Grid" table whose bold header row Word repeats at the top of every page, its columns ``widths``
    wide in every office suite."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    # Word sizes columns by their cells' widths, LibreOffice and Google Docs by the table's grid, which
    # python-docx makes of equal columns: set both, and keep the layout fixed so that no suite re-fits it
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text, width in zip(header.cells, headers, widths, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(xml_safe(text)).bold = True
        cell.width = width
    return table


def finish_sheet(ws: Any, widths: Sequence[float], freeze: str, hidden: Sequence[str] = ()) -> None:
    """Column widths, a coloured bold header, wrapped top-aligned text, frozen panes and filters."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    for letter in hidden:
        ws.column_dimensions[letter].hidden = True
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = freeze
    ws.auto_filter.ref = ws.dimensions


def write_sheet(path: Path, title: str, header: Sequence[str], rows: Iterable[Sequence[object]],
                widths: Sequence[float], freeze: str, hidden: Sequence[str] = ()) -> Path:
    """An Excel workbook of one finished sheet (see :func:`finish_sheet`); text that Excel cannot hold (control
    characters) is left out of the cells (:func:`~crlens.plain_text.xml_safe`)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = xml_safe(title)[:31]  # Excel's limit for sheet names
    for row in (header, *rows):
        ws.append([xml_safe(value) if isinstance(value, str) else value for value in row])
    finish_sheet(ws, widths, freeze, hidden)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return path
