"""Revising recommendations: each revision is a new version with its author and reason; nothing is overwritten."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from crlens.analysis.review import Recommendation as RecommendationData
from crlens.consult.project import ENGINE, current_data, find_recommendation
from crlens.consult.reasons import CONFIRMED, recorded
from crlens.errors import UserError
from crlens.plain_text import checked, excel_text
from crlens.store.models import Project, Recommendation, RecommendationVersion, now

FIELDS = ("issue", "solution", "proposed", "justification", "gender")
"""What a revision can change; each exists in English and Russian."""

FieldName = Literal["issue", "solution", "proposed", "justification", "gender"]
LANGS = ("en", "ru")
OTHER = {"en": "ru", "ru": "en"}


class Revision(BaseModel):
    """One change to one recommendation, as given on the command line, in a batch file, a web form or the API.
    Its text and reason are plain text: Word's manual line breaks become newlines, other control characters
    are refused (:func:`crlens.plain_text.checked`)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    field: FieldName = "proposed"
    lang: Literal["en", "ru"] = "en"
    text: str
    reason: str

    @field_validator("text", "reason")
    @classmethod
    def _plain_text(cls, value: str, info: ValidationInfo) -> str:
        if not value.strip():
            raise PydanticCustomError("empty", "is empty")  # a revision never empties a text
        try:
            return checked(value, info.field_name or "text")
        except UserError as exc:
            raise PydanticCustomError("control_character", exc.problem) from None


@dataclass(frozen=True)
class Revised:
    """The outcome of one revision: the new version number, or the current one when the text was the same."""

    id: str
    version: int
    changed: bool


def get_text(data: RecommendationData, field: str, lang: str) -> str:
    """The text of one field of a recommendation in one language."""
    ru = lang == "ru"
    if field == "issue":
        return data.ru.issue if ru else data.issue
    if field == "solution":
        return data.ru.solution if ru else data.solution
    if field == "gender":
        return data.ru.gender if ru else data.gender
    if field == "proposed":
        return data.amendment.proposed_text.ru if ru else data.amendment.proposed_text.en
    if field == "justification":
        return data.amendment.justification_ru if ru else data.amendment.justification
    raise ValueError(field)


def set_text(data: RecommendationData, field: str, lang: str, text: str) -> RecommendationData:
    """A copy of the recommendation with one field in one language replaced."""
    dump: dict[str, Any] = data.model_dump(mode="json")
    ru = lang == "ru"
    if field in ("issue", "solution", "gender"):
        (dump["ru"] if ru else dump)[field] = text
    elif field == "proposed":
        dump["amendment"]["proposed_text"]["ru" if ru else "en"] = text
    else:
        dump["amendment"]["justification_ru" if ru else "justification"] = text
    return RecommendationData.model_validate(dump)


def revise(project: Project, revision: Revision, author: str) -> Revised:
    """Apply one revision as a new version of the recommendation (no new version when the text is unchanged)."""
    rec = find_recommendation(project, revision.id)
    return _apply(rec, revision, author, _answered_round(project))


def _answered_round(project: Project) -> int | None:
    # A revision answers the newest round that has been opened, if any.
    return project.rounds[-1].number if project.rounds else None


def _apply(rec: Recommendation, revision: Revision, author: str, round_number: int | None) -> Revised:
    if rec.state in ("withdrawn",):
        raise UserError(rec.key, "is withdrawn and cannot be revised")
    current = current_data(rec)
    text = revision.text.strip()
    if get_text(current, revision.field, revision.lang).strip() == text:
        return Revised(rec.key, rec.latest.version, changed=False)
    new = set_text(current, revision.field, revision.lang, text)
    version = RecommendationVersion(version=rec.latest.version + 1,
                                    data=new.model_dump(mode="json"), author=author,
                                    reason=revision.reason.strip(), round_number=round_number,
                                    created_at=now())
    rec.versions.append(version)
    if rec.state != "taken-up":
        rec.state = "revised"
    return Revised(rec.key, version.version, changed=True)


@dataclass(frozen=True)
class StaleText:
    """A field whose text in one language was left as it was when a person revised the other language's: the
    two may no longer say the same thing."""

    field: str
    lang: str
    """The language whose text is out of date."""
    since: int
    """The version that revised the other language."""


def stale_texts(rec: Recommendation) -> list[StaleText]:
    """The recommendation's texts now out of date in one language, worked out from its versions (so it holds
    for projects revised before this was tracked, and cannot drift from the history it describes).

    A person's revision of one language of a field makes the other language's text out of date, unless that
    text was itself the one out of date: then the revision is the catch-up and the two are in line again. The
    engine writes both languages together, so its versions bring a field back in line. A confirmation
    (``confirm``) brings its text back in line without changing it."""
    if len(rec.versions) < 2:
        return []
    stale: dict[tuple[str, str], int] = {}
    texts = [RecommendationData.model_validate(v.data) for v in rec.versions]
    for (old, new), version in zip(itertools.pairwise(texts), rec.versions[1:], strict=True):
        if version.confirmed_field is not None:
            stale.pop((version.confirmed_field, version.confirmed_lang or ""), None)
        for name in FIELDS:
            changed = [lang for lang in LANGS if get_text(old, name, lang) != get_text(new, name, lang)]
            if not changed:
                continue
            if version.author == ENGINE or len(changed) == 2:
                for lang in LANGS:
                    stale.pop((name, lang), None)
            elif (name, changed[0]) in stale:
                del stale[name, changed[0]]
            else:
                stale.setdefault((name, OTHER[changed[0]]), version.version)
    return [StaleText(name, lang, stale[name, lang]) for name in FIELDS for lang in LANGS if (name, lang) in stale]


def confirm(project: Project, key: str, field: str, lang: str, author: str, note: str = "",
            words: str = "en") -> Revised:
    """Record that a text out of date in one language (``stale_texts``) still matches the other language's
    revised text, e.g. when the revision fixed a typo: a new version with the same text, marked as confirming
    that field in that language, with the author, the time and a reason in ``words``' language ("Confirmed: the
    Russian proposed text still matches the English one (revised in version 2)", then the note if any). Its
    state stays as it is: no text changed."""
    from crlens.report.consultation import FIELD_NAMES, LANG_NAMES, stale_words

    rec = find_recommendation(project, key)
    if field not in FIELDS:
        raise UserError(rec.key, f"field must be one of {', '.join(FIELDS)}, not {field!r}")
    if lang not in LANGS:
        raise UserError(rec.key, f"language must be en or ru, not {lang!r}")
    if rec.state == "withdrawn":
        raise UserError(rec.key, "is withdrawn; its texts are no longer in use")
    stale = stale_texts(rec)
    confirmed = next((s for s in stale if (s.field, s.lang) == (field, lang)), None)
    if confirmed is None:
        listed = "; ".join(stale_words(s) for s in stale) or "none"
        raise UserError(rec.key, f"the {LANG_NAMES['en'][lang]} {FIELD_NAMES['en'][field]} is not out of date, "
                                 f"so there is nothing to confirm (out of date: {listed})")
    note = checked(note, "reason").strip()
    # the text stored in the interface's language, as before codes; shown in the reader's (consult.reasons)
    reason = recorded(CONFIRMED, words, field=field, lang=lang, since=confirmed.since, note=note)
    version = RecommendationVersion(version=rec.latest.version + 1, data=rec.latest.data, author=author,
                                    round_number=_answered_round(project), created_at=now(),
                                    confirmed_field=field, confirmed_lang=lang, **reason)
    rec.versions.append(version)
    return Revised(rec.key, version.version, changed=True)


def read_text_file(path: Path) -> str:
    """The new text of a revision from a text file, read as ``crlens review`` reads a draft in plain text
    (UTF-8, UTF-16, Windows-1251 or KOI8-R) and as it is to be stored (:func:`checked`): a file that is missing,
    binary, empty or holds a control character is a :class:`UserError` naming it."""
    from crlens.ingest.text import decode_text

    if not path.is_file():
        raise UserError(str(path), "file not found" if not path.exists() else "is not a file")
    text = decode_text(path.read_bytes(), path)
    if "\x00" in text:
        raise UserError(str(path), "is not a text file (it holds binary data)")
    if not text.strip():
        raise UserError(str(path), "the text file is empty")
    return checked(text, str(path))


def read_batch(path: Path, project: Project) -> list[Revision]:
    """Revisions of the project's recommendations from a YAML file (a list of mappings) or an Excel sheet
    (columns id, field, lang, text, reason), checked: every problem (a field missing or wrong, an id the project
    does not have, a recommendation withdrawn) is reported at once, each with its entry or row number as the
    file's reader counts them, and then none is applied."""
    if not path.is_file():
        raise UserError(str(path), "file not found" if not path.exists() else "is not a file")
    suffix = path.suffix.lower()
    entries: list[tuple[str, Any]]
    if suffix in (".yaml", ".yml"):
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise UserError(str(path), f"is not valid YAML ({str(exc).splitlines()[0]})") from None
        if not isinstance(loaded, list):
            raise UserError(str(path), "must be a list of revisions (id, field, lang, text, reason)")
        entries = [(f"entry {i}", item) for i, item in enumerate(loaded, start=1)]
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            ws = load_workbook(str(path), read_only=True, data_only=True).worksheets[0]
        except Exception as exc:
            raise UserError(str(path), f"cannot be read as an Excel workbook ({type(exc).__name__})") from None
        rows = list(ws.iter_rows(values_only=True))
        if not rows:
            raise UserError(str(path), "the sheet is empty")
        header = [str(h or "").strip().lower() for h in rows[0]]
        entries = [(f"row {i}", {h: excel_text(v) if isinstance(v, str) else v
                                 for h, v in zip(header, row, strict=False) if h and v not in (None, "")})
                   for i, row in enumerate(rows[1:], start=2) if any(v not in (None, "") for v in row)]
    else:
        raise UserError(str(path), "a batch of revisions must be a .yaml or .xlsx file")
    revisions, problems = [], []
    for where, item in entries:
        if isinstance(item, dict):
            item = {k: str(v) if k in ("id", "text", "reason") else v for k, v in item.items()}
        found = []
        try:
            revision = Revision.model_validate(item)
        except ValidationError as exc:
            revision = None
            found += [f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}" for e in exc.errors()]
        key = item.get("id") if isinstance(item, dict) else None
        if key:
            try:
                if find_recommendation(project, key).state == "withdrawn":
                    found.append(f"{key} is withdrawn and cannot be revised")
            except UserError as exc:
                found.append(f"{exc.problem} ({key})")
        if found:
            problems.append(f"{where}: {'; '.join(found)}")
        elif revision is not None:
            revisions.append(revision)
    if problems:
        raise UserError(str(path), "no revision was applied:\n  " + "\n  ".join(problems))
    return revisions


def revise_batch(project: Project, revisions: list[Revision], author: str) -> list[Revised]:
    """Apply revisions read from a batch file (``read_batch`` checked them all first)."""
    answered = _answered_round(project)
    return [_apply(find_recommendation(project, r.id), r, author, answered) for r in revisions]


def withdraw(project: Project, key: str, reason: str, author: str) -> Recommendation:
    """Take a recommendation off the table (kept, with its history, and shown as withdrawn in the log). It needs
    a reason; one already withdrawn is refused, so that its history does not say so twice (the command line, the
    pages and the API all come here)."""
    rec = find_recommendation(project, key)
    reason = checked(reason, "reason").strip()
    if not reason:
        raise UserError(rec.key, "say why it is withdrawn")
    if rec.state == "withdrawn":
        raise UserError(rec.key, "is already withdrawn")
    data = rec.latest.data
    rec.versions.append(RecommendationVersion(
        version=rec.latest.version + 1, data=data, author=author, round_number=_answered_round(project),
        created_at=now(), **recorded("withdrawn", note=reason)))
    rec.state = "withdrawn"
    return rec
