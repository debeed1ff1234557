"""Reading a draft from a file: checks common to every format, then the reader for its extension."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crlens.ingest.errors import InputError
from crlens.plain_text import xml_safe

MAX_FILE_BYTES = 50 * 1024 * 1024
SUPPORTED = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".txt": "txt", ".md": "txt"}


@dataclass(frozen=True)
class ExtractedText:
    """The text of a draft as its reader extracted it, with what is needed to trace it back to the file."""

    text: str
    source: str
    sha256: str
    input_format: str


def _reader(fmt: str) -> Callable[[Path], str]:
    # Readers are imported lazily: each pulls in a library that only its format needs.
    if fmt == "docx":
        from crlens.ingest.docx import read_docx

        return read_docx
    if fmt == "pdf":
        from crlens.ingest.pdf import read_pdf

        return read_pdf
    if fmt == "html":
        from crlens.ingest.html import read_html

        return read_html
    from crlens.ingest.text import read_text

    return read_text


def check_path(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Check that ``path`` is a readable file of a supported type and size; return its format."""
    if not path.exists():
        raise InputError(path, "file not found")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file; give the path of a .docx, .pdf, .html or .txt draft")
    fmt = SUPPORTED.get(path.suffix.lower())
    if fmt is None:
        kinds = ", ".join(sorted(SUPPORTED))
        raise InputError(path, f"unsupported file type {path.suffix or '(no extension)'!r}; supported: {kinds}")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "the file is empty")
    if size > max_bytes:
        raise InputError(path, f"the file is {size / 1024 / 1024:.1f} MB, over the "
                               f"{max_bytes // (1024 * 1024)} MB limit")
    return fmt


def extract_text(path: Path | str) -> ExtractedText:
    """Read a draft (DOCX, PDF, HTML, TXT/MD) and return its text; raise :class:`InputError` on bad input."""
    path = Path(path)
    fmt = check_path(path)
    try:
        data = path.read_bytes()
        text = _reader(fmt)(path)
    except PermissionError as exc:
        raise InputError(path, "permission denied") from exc
    if not text.strip():
        raise InputError(path, "no text could be extracted from the file")
    # Word's manual line breaks (vertical tabs) as newlines and no other control character: a draft's words are
    # quoted in every deliverable, and Word and Excel files cannot hold them (the file is stored as received)
    text = xml_safe(text)
    return ExtractedText(text=text, source=path.name, sha256=hashlib.sha256(data).hexdigest(), input_format=fmt)
