"""Plain-text reader (``.txt``, ``.md``) with encoding detection.

Drafts reach reviewers as UTF-8 (with or without BOM), UTF-16 exported from Word, or the legacy Cyrillic code
pages Windows-1251 and KOI8-R. Byte-order marks and strict UTF-8 decoding settle most files. For the single-byte
Cyrillic pages we score both candidates ourselves (the share of the commonest lower-case Russian letters)
because general detectors such as ``charset-normalizer``, which we keep as the last resort for anything else,
often confuse cp1251 with KOI8-R on legal text, where capitals and digits are frequent.
"""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from crlens.ingest.errors import InputError

_COMMON_RU = frozenset("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё")


def decode_text(data: bytes, path: Path | str = "<text>") -> str:
    """Decode the bytes of a text file, detecting its encoding; newlines normalised to ``\\n``."""
    text = _decode(data, path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


_BINARY_SIGNATURES = (
    (b"PK\x03\x04", "a Word document or other zip archive, not plain text; give a Word file its .docx name"),
    (b"%PDF", "a PDF, not plain text; give it its .pdf name"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file, not plain text; save it as .docx in Word"),
    (b"{\\rtf", "an RTF file, not plain text; save it as .docx in Word"),
)


def _decode(data: bytes, path: Path | str) -> str:
    for signature, problem in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(path, f"is {problem}")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    order = _utf16_order(data)
    if order:
        return data.decode(order, errors="replace")
    if b"\x00" in data[:4000]:
        # text other than UTF-16 (settled above) has no NUL bytes; an image or archive renamed .txt does
        raise InputError(path, "is not a text file (it holds binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if sum(1 for b in data[:20000] if b >= 0xC0) > 0:
        best = max(("cp1251", "koi8_r"), key=lambda enc: _russian_score(data, enc))
        if _russian_score(data, best) > 0.3:
            return data.decode(best, errors="replace")
    guess = from_bytes(data).best()
    if guess is None:
        raise InputError(path, "cannot determine the text encoding (not UTF-8, UTF-16, Windows-1251 or KOI8-R)")
    return str(guess)


def _utf16_order(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` for UTF-16 without a BOM, else None.

    In UTF-16 text of one script the high bytes of the code units take very few values (0x00 for Latin,
    0x04 for Cyrillic), while the low bytes vary; single-byte and UTF-8 text shows no such split.
    """
    sample = data[:4000]
    if len(sample) < 8 or len(sample) % 2:
        return None
    for order, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        top = max(high.count(b) for b in set(high))
        if top > 0.7 * len(high) and len(set(high)) <= 6 and high.count(0) + high.count(4) > 0.9 * len(high):
            return order
    return None


def _russian_score(data: bytes, encoding: str) -> float:
    sample = data[:20000].decode(encoding, errors="replace")
    letters = [c for c in sample if c.isalpha() and not c.isascii()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c in _COMMON_RU) / len(letters)


def read_text(path: Path) -> str:
    """Read a ``.txt``/``.md`` file as text."""
    return decode_text(path.read_bytes(), path)
