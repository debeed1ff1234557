"""Shared layout for the Word and Excel deliverables: landscape A4 pages, header rows, sheet finishing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

HEADER_FILL = "1F4E79"


def landscape_document(margin_cm: float, font_pt: float) -> Any:
    """A new Word document in landscape A4 with the given margins and body font size."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))
    document.styles["Normal"].font.size = Pt(font_pt)
    return document


def add_table(document: Any, headers: Sequence[str], widths: Sequence[Any]) -> Any:
    """A "Table Grid" table whose bold header row Word repeats at the top of every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text, width in zip(header.cells, headers, widths, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
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
