"""Real DOCX and PDF files made from text, for tests: python-docx for Word, reportlab for PDF."""

from __future__ import annotations

from pathlib import Path

import matplotlib

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def make_docx(lines: list[str], path: Path) -> Path:
    """A Word document with one paragraph per line, headings styled as Word headings."""
    import docx

    document = docx.Document()
    for line in lines:
        if not line.strip():
            continue
        style = "Heading 2" if line.startswith(("Статья", "Article", "Глава", "Chapter")) else None
        document.add_paragraph(line, style=style)
    document.save(str(path))
    return path


def make_pdf(lines: list[str], path: Path, header: str = "ПРОЕКТ / DRAFT") -> Path:
    """A PDF rendered by reportlab, with a running header and page numbers in the footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    style = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13, spaceAfter=4)

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8)
        canvas.drawString(72, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, str(doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4)
    story = [Paragraph(_escape(line), style) for line in lines if line.strip()]
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def track(run: object, change: str, number: int, author: str = "Marat K.") -> object:
    """Mark a python-docx run as Word marks a change typed with Track Changes on: wrapped in ``w:ins``,
    ``w:del``, ``w:moveFrom`` or ``w:moveTo`` with an id, author and date. A deleted run's ``w:t`` becomes
    ``w:delText``, as Word writes it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = run._r  # type: ignore[attr-defined]
    mark = OxmlElement(f"w:{change}")
    mark.set(qn("w:id"), str(number))
    mark.set(qn("w:author"), author)
    mark.set(qn("w:date"), "2026-03-02T10:15:00Z")
    r.addprevious(mark)
    mark.append(r)
    if change == "del":
        for text in r.findall(qn("w:t")):
            text.tag = qn("w:delText")
    return mark


WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def accepted_text(paragraph) -> str:  # type: ignore[no-untyped-def]
    """A Word paragraph's text (an lxml ``w:p``) as it reads with every tracked change accepted: its ``w:t``
    runs, inserted ones included, without the deleted ``w:delText``."""
    return "".join(t.text for t in paragraph.iter(f"{WORD_NS}t"))


def rejected_text(paragraph) -> str:  # type: ignore[no-untyped-def]
    """A Word paragraph's text (an lxml ``w:p``) as it reads with every tracked change rejected: its ``w:t`` runs
    outside insertions and the deleted ``w:delText``, in order."""
    inserted = f"{WORD_NS}ins"
    return "".join(t.text or "" for t in paragraph.iter(f"{WORD_NS}t", f"{WORD_NS}delText")
                   if not any(a.tag == inserted for a in t.iterancestors()))
