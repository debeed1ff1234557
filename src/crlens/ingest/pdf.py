"""PDF reader: the text layer, page by page, without running headers, footers and page numbers.

``pypdfium2`` binds PDFium, the PDF engine of Chromium: it extracts text fast and faithfully (Cyrillic and
Kazakh included), reports password protection and corruption distinctly, and is permissively licensed (unlike
PyMuPDF's AGPL). A PDF with no text layer is a scan: we say OCR is needed rather than return nothing.

Running heads and feet are found statistically: a line that recurs (digits ignored) at the top or bottom of
most pages is page furniture, not law.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from crlens.ingest.errors import InputError

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:page|стр\.?|страница|бет)\s*)?\d{1,4}(?:\s*(?:/|of|из)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_EDGE = 2


def read_pdf(path: Path) -> str:
    """Extract the text of a PDF; raise :class:`InputError` for encrypted, corrupt or scanned files."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise InputError(path, "the PDF is password-protected; remove the password and try again") from exc
        raise InputError(path, f"the PDF is corrupted and cannot be opened ({exc})") from exc
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise InputError(path, "the PDF has no text layer (a scanned image): run OCR on it first, "
                               "e.g. with ocrmypdf, then try again")
    return join_pages(pages)


def join_pages(pages: list[str]) -> str:
    """Join page texts, dropping page numbers and lines repeated at the top or bottom of most pages."""
    split = [[ln.rstrip() for ln in p.replace("\r\n", "\n").replace("\r", "\n").split("\n")] for p in pages]
    furniture = _running_lines(split)
    out: list[str] = []
    for lines in split:
        content = [ln for ln in lines if ln.strip()]
        for i, line in enumerate(content):
            at_edge = i < _EDGE or i >= len(content) - _EDGE
            if at_edge and (_PAGE_NUMBER.match(line) or _key(line) in furniture):
                continue
            out.append(line)
    return "\n".join(out) + "\n"


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.strip().lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        content = [ln for ln in lines if ln.strip()]
        edge = {_key(ln) for ln in content[:_EDGE] + content[-_EDGE:]}
        counts.update(edge)
    threshold = max(3, int(0.5 * len(pages)))
    return {key for key, n in counts.items() if n >= threshold and key}
