"""Word (``.docx``) reader.

``python-docx`` is the maintained, pure-Python reader of the OOXML package and gives us the body's XML in
document order, which we need because drafts mix paragraphs and tables. It does not render Word's automatic
numbering (``w:numPr``), and ministries number articles and paragraphs that way, so we compute the numbers
from ``numbering.xml`` ourselves (decimal, letters, roman numerals, with the level text such as ``%1.`` or
``%2)``).

Safety: a DOCX is a ZIP archive. Before opening it we check the archive's declared uncompressed size and
compression ratio, so a "zip bomb" is refused without being expanded, and we tell encrypted (password-protected)
files, which Word stores as an OLE compound file, from corrupt ones.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from crlens.ingest.errors import InputError

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_archive(path: Path, max_uncompressed: int = MAX_UNCOMPRESSED) -> None:
    """Refuse encrypted, corrupt or over-expanding DOCX files before they are parsed."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE_MAGIC:
        raise InputError(path, "the Word file is password-protected (encrypted) or in the old .doc format; "
                               "save it unprotected as .docx and try again")
    if not zipfile.is_zipfile(path):
        raise InputError(path, "the Word file is corrupted (not a valid .docx archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
            names = {info.filename for info in infos}
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(path, f"the Word file is corrupted ({exc})") from exc
    if total > max_uncompressed or (total / packed > MAX_RATIO and total > 10 * 1024 * 1024):
        raise InputError(path, f"the Word file expands to {total // (1024 * 1024)} MB, past the "
                               f"{max_uncompressed // (1024 * 1024)} MB limit (possible zip bomb); refused")
    if "word/document.xml" not in names:
        raise InputError(path, "the file is a ZIP archive but not a Word document (no word/document.xml)")


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Word's list definitions and the running counters, to render automatic numbers as text."""

    abstract_levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    start_overrides: dict[tuple[str, int], int] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: object) -> _Numbering:
        numbering = cls()
        try:
            part = document.part.numbering_part  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        root = part.element
        for abstract in root.iter(f"{_W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                level = _Level()
                fmt = lvl.find(f"{_W}numFmt")
                txt = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                if fmt is not None:
                    level.fmt = fmt.get(f"{_W}val", "decimal")
                if txt is not None:
                    level.text = txt.get(f"{_W}val", "")
                if start is not None:
                    level.start = int(start.get(f"{_W}val", "1"))
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = level
            numbering.abstract_levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                numbering.num_to_abstract[num_id] = ref.get(f"{_W}val", "")
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    ilvl = int(override.get(f"{_W}ilvl", "0"))
                    numbering.start_overrides[(num_id, ilvl)] = int(start.get(f"{_W}val", "1"))
        return numbering

    def render(self, num_id: str, ilvl: int) -> str:
        levels = self.abstract_levels.get(self.num_to_abstract.get(num_id, ""), {})
        if not levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            lvl = len(counters)
            counters.append(self._start(num_id, lvl, levels) - 1)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = self._start(num_id, deeper, levels) - 1
        level = levels.get(ilvl, _Level())
        if level.fmt in {"bullet", "none"}:
            return ""
        text = level.text
        for i in range(ilvl, -1, -1):
            lv = levels.get(i, _Level())
            text = text.replace(f"%{i + 1}", _format_number(counters[i], lv.fmt))
        return text

    def _start(self, num_id: str, ilvl: int, levels: dict[int, _Level]) -> int:
        return self.start_overrides.get((num_id, ilvl), levels.get(ilvl, _Level()).start)


def _format_number(n: int, fmt: str) -> str:
    if fmt in {"lowerLetter", "upperLetter"}:
        letters = ""
        k = n
        while k > 0:
            k, rem = divmod(k - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in {"lowerRoman", "upperRoman"}:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "russianLower":
        return "абвгдежзиклмнопрстуфхцчшщэюя"[(n - 1) % 28]
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


def _paragraph_number(paragraph: object, numbering: _Numbering, style_numbers: dict[str, tuple[str, int]]) -> str:
    ppr = paragraph.find(f"{_W}pPr")  # type: ignore[attr-defined]
    num_id: str | None = None
    ilvl = 0
    if ppr is not None:
        numpr = ppr.find(f"{_W}numPr")
        if numpr is not None:
            num_el = numpr.find(f"{_W}numId")
            lvl_el = numpr.find(f"{_W}ilvl")
            num_id = num_el.get(f"{_W}val") if num_el is not None else None
            ilvl = int(lvl_el.get(f"{_W}val", "0")) if lvl_el is not None else 0
        if num_id is None:
            style = ppr.find(f"{_W}pStyle")
            if style is not None and style.get(f"{_W}val") in style_numbers:
                num_id, ilvl = style_numbers[style.get(f"{_W}val", "")]
    if not num_id:
        return ""
    return numbering.render(num_id, ilvl)


def _style_numbers(document: object) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry numbering (e.g. a "Статья" heading style numbered by Word)."""
    found: dict[str, tuple[str, int]] = {}
    try:
        styles_root = document.styles.element  # type: ignore[attr-defined]
    except AttributeError:
        return found
    for style in styles_root.iter(f"{_W}style"):
        numpr = style.find(f"{_W}pPr/{_W}numPr")
        if numpr is None:
            continue
        num_el = numpr.find(f"{_W}numId")
        lvl_el = numpr.find(f"{_W}ilvl")
        if num_el is not None:
            found[style.get(f"{_W}styleId", "")] = (
                num_el.get(f"{_W}val", ""), int(lvl_el.get(f"{_W}val", "0")) if lvl_el is not None else 0)
    return found


_NOT_TEXT = frozenset(f"{_W}{tag}" for tag in ("del", "moveFrom", "delText", "pPr", "rPr", "instrText"))
"""What holds no text of the document as it reads with every tracked change accepted: deletions and the place
text was moved from (Word's ``w:t`` inside ``w:moveFrom`` is text no longer there), properties, field codes."""


def _inline_text(element: object, parts: list[str]) -> None:
    for node in element:  # type: ignore[attr-defined]
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag not in _NOT_TEXT and isinstance(tag, str):
            _inline_text(node, parts)  # runs, insertions (w:ins, w:moveTo), hyperlinks, fields, text boxes


def _paragraph_text(paragraph: object) -> str:
    """A paragraph's text with every tracked change accepted: inserted text counts, deleted and moved-away
    text does not."""
    parts: list[str] = []
    _inline_text(paragraph, parts)
    return "".join(parts)


def _mark_removed(paragraph: object) -> bool:
    """Whether the paragraph's mark is a tracked deletion (or moved away): accepted, it runs on into the next."""
    mark = paragraph.find(f"{_W}pPr/{_W}rPr")  # type: ignore[attr-defined]
    return mark is not None and (mark.find(f"{_W}del") is not None or mark.find(f"{_W}moveFrom") is not None)


def _paragraphs(container: object) -> list[object]:
    found: list[object] = []
    for node in container:  # type: ignore[attr-defined]
        if node.tag == f"{_W}p":
            found.append(node)
        elif node.tag in (f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            found.extend(_paragraphs(node))  # a table inside the cell, a content control
    return found


def accepted_text(cell: object) -> str:
    """The text of a table cell (``w:tc``) as it reads with every tracked change accepted, its paragraphs on
    lines of their own. python-docx's ``cell.text`` reads only runs outside tracked changes, so that an answer
    typed with Track Changes on reads as no answer at all."""
    text = ""
    for paragraph in _paragraphs(cell):
        text += _paragraph_text(paragraph) + ("" if _mark_removed(paragraph) else "\n")
    return text.removesuffix("\n")


def open_docx(path: Path):  # type: ignore[no-untyped-def]
    """Open a checked DOCX with python-docx; raise :class:`InputError` when it cannot be opened."""
    check_archive(path)
    import docx  # imported here: python-docx is slow to import and only DOCX input needs it

    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for broken packages
        raise InputError(path, f"the Word file is corrupted and cannot be opened ({type(exc).__name__})") from exc


def text_blocks(document) -> list[tuple[object, str]]:  # type: ignore[no-untyped-def]
    """The body's lines in document order, each with the element it comes from (a paragraph or a table).

    Paragraph numbers that Word generates are rendered as text; a table gives one line per row.
    """
    numbering = _Numbering.from_document(document)
    style_numbers = _style_numbers(document)
    blocks: list[tuple[object, str]] = []
    for block in document.element.body.iterchildren():
        if block.tag == f"{_W}p":
            text = _paragraph_text(block).strip()
            number = _paragraph_number(block, numbering, style_numbers)
            if number and text:
                text = f"{number} {text}" if not number.endswith((" ", "\t")) else number + text
            if text:
                blocks.append((block, text))
        elif block.tag == f"{_W}tbl":
            blocks.extend((block, line) for line in _table_lines(block))
    return blocks


def read_docx(path: Path) -> str:
    """Extract the text of a DOCX: paragraphs and table rows in document order, numbering rendered."""
    return "\n".join(text for _, text in text_blocks(open_docx(path))) + "\n"


def _table_lines(table: object) -> list[str]:
    rows: list[str] = []
    for row in table.iter(f"{_W}tr"):  # type: ignore[attr-defined]
        cells = []
        for cell in row.iter(f"{_W}tc"):
            text = " ".join(_paragraph_text(p).strip() for p in cell.iter(f"{_W}p")).strip()
            cells.append(text)
        line = " | ".join(c for c in cells if c)
        if line:
            rows.append(line)
    return rows
