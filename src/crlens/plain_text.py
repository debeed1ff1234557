"""The characters a person's text may hold, on the way into the store and on the way out to Word, Excel and PDF.

Text pasted from Word carries its manual line breaks as vertical tabs (and its page breaks as form feeds); other
control characters (NUL, escape, ...) are not text at all, and Word and Excel files cannot hold any of them: one
such character stored in a recommendation or a comment made every Word and Excel deliverable of the project fail.

- On the way in (:func:`checked`), a vertical tab, a form feed and Unicode's line and paragraph separators become
  newlines, and any other control character (except tab, newline and carriage return), a lone surrogate or the
  non-characters U+FFFE and U+FFFF are refused with a :class:`UserError` naming where they are.
- On the way out (:func:`xml_safe`, :func:`scrubbed`, :func:`safe_text`), the writers of the deliverables turn the
  same line breaks into newlines and leave the other characters out, so that text stored before these checks
  existed never stops a document from being written.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError, to_json

from crlens.errors import UserError

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

_LINE_BREAKS = re.compile("[\v\f\u2028\u2029]")
"""Word's manual line break (vertical tab) and page break (form feed), Unicode's line and paragraph separators."""
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0, and so Word and Excel, cannot hold: control characters other than tab, newline and carriage
return, lone surrogates and the two non-characters."""


def line_breaks_as_newlines(text: str) -> str:
    """``text`` with vertical tabs, form feeds and Unicode line and paragraph separators as newlines."""
    return _LINE_BREAKS.sub("\n", text)


_EXCEL_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


def excel_text(value: str) -> str:
    """A string cell as Excel means it: Excel keeps a character XML cannot hold as ``_xHHHH_`` (a manual line
    break pasted from Word as ``_x000B_``) and a literal ``_x`` as ``_x005F_x``, which openpyxl reads as they
    are."""
    return _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value) if "_x" in value else value


def checked(text: str, where: str) -> str:
    """The text a person gave, as it is to be stored: line breaks of other kinds as newlines; a
    :class:`UserError` naming ``where`` (the file or field) and the position when it holds any other character
    that is not text."""
    text = line_breaks_as_newlines(text)
    found = _NOT_TEXT.search(text)
    if found is None:
        return text
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    place = f"line {line}, column {column}" if "\n" in text else f"character {column}"
    raise UserError(where, f"contains the control character U+{ord(found.group()):04X} ({place}), which is not "
                           "text; remove it")


def checked_name(text: str, where: str) -> str:
    """A name (of a person, a project): :func:`checked`, on one line with single spaces."""
    return " ".join(checked(text, where).split())


def xml_safe(text: str) -> str:
    """``text`` as a Word, Excel or PDF document can hold it: line breaks of other kinds as newlines, other
    characters that are not text left out. The same string when there is nothing to change."""
    if _NOT_TEXT.search(text) is None and _LINE_BREAKS.search(text) is None:
        return text
    return _NOT_TEXT.sub("", line_breaks_as_newlines(text))


def scrubbed(value: T) -> T:
    """``value`` with :func:`xml_safe` applied to every string in it: in lists, tuples, sets, dicts, dataclasses
    and pydantic models, however deep. What needs no change is returned as it is (not copied)."""
    if isinstance(value, str):
        return xml_safe(value)  # type: ignore[return-value]
    if value is None or isinstance(value, int | float | Path) or _clean(value):
        return value
    return _scrub(value)  # type: ignore[no-any-return]


_NOT_TEXT_IN_JSON = re.compile(rb"\\(?:u00[01][0-9a-fA-F]|[bf])|\xe2\x80[\xa8\xa9]|\xef\xbf[\xbe\xbf]")
"""The characters of ``_NOT_TEXT`` and ``_LINE_BREAKS`` as JSON writes them (an escaped backslash before a "b" or
"f" matches too: that only costs the full look)."""


def _clean(value: object) -> bool:
    """Whether ``value`` surely holds no string to change, told from its JSON (serialised in Rust: a fifteenth of
    the time a walk through a review takes, and deliverables are written from the same review a dozen times)."""
    try:
        data = to_json(value, fallback=lambda _: None)
    except (PydanticSerializationError, ValueError, TypeError):  # a lone surrogate, a key JSON cannot have
        return False
    return _NOT_TEXT_IN_JSON.search(data) is None


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, BaseModel):
        changes = _changed({name: getattr(value, name) for name in type(value).model_fields})
        return value.model_copy(update=changes) if changes else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = _changed({f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.init})
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, list | tuple | set | frozenset):
        items = [_scrub(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
            return type(value)(*items)
        return type(value)(items)
    if isinstance(value, dict):
        pairs = [(_scrub(k), _scrub(v)) for k, v in value.items()]
        if all(k is old_k and v is old_v for (k, v), (old_k, old_v) in zip(pairs, value.items(), strict=True)):
            return value
        copy = value.copy()  # keeps the kind of dict (a defaultdict its factory)
        copy.clear()
        copy.update(pairs)
        return copy
    return value


def _changed(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: new for name, old in fields.items() if (new := _scrub(old)) is not old}


def safe_text(writer: Callable[P, R]) -> Callable[P, R]:
    """A writer of Word, Excel or PDF documents that receives its arguments :func:`scrubbed`: text stored with
    a control character (before :func:`checked` guarded the way in) is written without it, never a crash."""

    @functools.wraps(writer)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return writer(*(scrubbed(a) for a in args), **{k: scrubbed(v) for k, v in kwargs.items()})

    return wrapper
