"""Ingest: read a draft law from a file and parse it into a provision tree.

``parse_file(path)`` is the one entry point most callers need; ``parse_text`` parses text already in memory.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from crlens.ingest.errors import InputError
from crlens.ingest.model import Definition, Document, Language, Provision
from crlens.ingest.reader import ExtractedText, extract_text
from crlens.ingest.structure import parse_structure

__all__ = ["Definition", "Document", "InputError", "Provision", "parse_file", "parse_text"]


def parse_text(text: str, source: str = "<text>", language: Language | None = None,
               input_format: str = "txt", sha256: str | None = None) -> Document:
    """Parse text into a :class:`Document`."""
    result = parse_structure(text, language)
    return Document(
        title=result.title or Path(source).stem,
        source=source,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        language=result.language,
        text=text,
        provisions=result.provisions,
        definitions=result.definitions,
        warnings=result.warnings,
        input_format=input_format,
        article_word=result.article_word,
    )


def parse_extracted(extracted: ExtractedText, language: Language | None = None) -> Document:
    """Parse the text a reader extracted, keeping the file's name, hash and format."""
    return parse_text(extracted.text, extracted.source, language, extracted.input_format, extracted.sha256)


def parse_file(path: Path | str, language: Language | None = None) -> Document:
    """Read and parse a draft file; raise :class:`InputError` with a clear message on bad input."""
    return parse_extracted(extract_text(path), language)
