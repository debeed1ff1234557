"""Consultation rounds: the recommendations sent to ministry staff, and their answers read back.

``export_round`` writes an Excel or Word file with one row per recommendation and two columns for the reader:
a decision (accept, accept with changes, reject, question) and a comment. Every other cell is protected. A
later round's file also tells, next to each recommendation, what it went through in the earlier rounds
(``history_text``). The database keeps what each exported file contained (recommendation versions and a digest
of each protected cell) and the file carries the id of that record, so that ``import_feedback`` can check it: a
file for another round or project, unknown ids, invalid decisions and edited protected cells are all reported
with their row numbers, and then nothing is written. A valid file is read in one transaction; the same file read
twice changes nothing; files from several people for one round are merged, each person's answers kept apart;
a changed answer supersedes the earlier one without deleting it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crlens.consult.log import Before, before_round
from crlens.consult.project import (
    ACTIVE_STATES,
    ProjectError,
    current_data,
    draft_facts,
    find_round,
    latest_draft,
)
from crlens.consult.revisions import stale_texts
from crlens.consult.state import EarlierText, earlier_text, follow_answers, proposals
from crlens.errors import UserError
from crlens.knowledge.loader import load
from crlens.knowledge.models import PRIORITY_RU
from crlens.plain_text import checked, checked_name, excel_text, safe_text, scrubbed
from crlens.report import amendments, gap_table
from crlens.store.models import Feedback, FeedbackImport, Project, Recommendation, Round, RoundExport, now

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from crlens.ingest.model import Naming
    from crlens.knowledge.loader import KnowledgeBase

FORMAT = "crlens-consultation/1"
DECISIONS = ("accept", "accept with changes", "reject", "question")
"""The decisions as stored."""
DECISIONS_RU = {"accept": "принять", "accept with changes": "принять с изменениями", "reject": "отклонить",
                "question": "вопрос"}
"""Each decision in Russian, as the Russian forms and pages offer it."""
_DECISION_WORDS = {**{d: d for d in DECISIONS}, **{ru: en for en, ru in DECISIONS_RU.items()},
                   "accept-with-changes": "accept with changes", "accept with change": "accept with changes"}
DECISION_CHOICES = ", ".join(DECISIONS) + " / " + ", ".join(DECISIONS_RU.values())
"""The words a decision may be given in, for messages that refuse another."""

COLUMNS = ("id", "version", "area", "provision", "issue", "solution", "proposed", "sources", "priority",
           "history", "decision", "comment")
"""Every column an Excel form can have; the history (what happened in earlier rounds) only a later round's."""
PROTECTED = ("id", "version", "issue", "solution", "proposed")
"""The cells whose edits are detected on import (the ones a decision is about)."""
# The issue, solution and proposed-text columns keep the gap table's wording, so both read the same.
HEADERS = {
    "en": {"id": "ID", "version": "Version", "area": "Area", "provision": "Provision",
           "issue": gap_table.HEADERS["en"][0], "solution": gap_table.HEADERS["en"][1],
           "proposed": gap_table.PROPOSED["en"], "sources": "Sources", "priority": "Priority",
           "history": "Earlier rounds", "decision": "Decision", "comment": "Comment"},
    "ru": {"id": "ID", "version": "Версия", "area": "Область", "provision": "Положение",
           "issue": gap_table.HEADERS["ru"][0], "solution": gap_table.HEADERS["ru"][1],
           "proposed": gap_table.PROPOSED["ru"], "sources": "Источники", "priority": "Приоритет",
           "history": "Предыдущие раунды", "decision": "Решение", "comment": "Комментарий"},
}
WORD_COLUMNS = ("id", "area", "provision", "issue", "solution", "proposed", "history", "decision", "comment")
"""The Word form's columns: the Excel sheet's without the version, sources and priority, which a landscape page
has no room for (the history, too, only in a later round's). Forms written before the area and provision were
added still import: they are read by heading."""
HISTORY = "history"
"""The column that tells, in a round after the first, what each recommendation went through before it: the answers
of the earlier rounds and the revisions since. A first round's form has nothing to tell and goes without it. It is
protected like every cell but the answers, yet not checked on import: like the area or the sources, it is what
the reader is told, not what the decision is about, and forms sent out before it existed import as they did."""
ANSWER_COLUMNS = ("decision", "comment")
"""The cells ministry staff fill in; everything else in a form is protected."""
_FORMER_HEADERS = {"issue": ("Проблема/пробел, затрагивающий права детей",), "proposed": ("Предлагаемый текст",)}
"""Russian headings of forms sent out before the form took the gap table's wording: those forms still import."""
_NEEDED = ("id", "issue", "solution", "proposed", "decision", "comment")
"""The columns every form has had: without one of them a file cannot be checked or read."""


def _heading_key(text: str) -> str:
    # Word may re-wrap a heading or change its case in a re-saved file without anyone meaning to change it.
    return " ".join(text.split()).casefold()


_COLUMN_OF_HEADING = {_heading_key(heading): column for headings in HEADERS.values()
                      for column, heading in headings.items()} | {
    _heading_key(heading): column for column, former in _FORMER_HEADERS.items() for heading in former}
"""A form's heading, in either language and in any wording it has had, to its column."""


class FeedbackFileError(UserError):
    """A feedback file that cannot be imported; ``problems`` lists every problem found, by row."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n  ".join(problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(str(path), f"not imported, nothing was written:\n  {shown}{more}")


# --- rounds ---------------------------------------------------------------------------------------------------


def open_round(session: Session, project: Project, number: int) -> Round:
    """The round with this number, opened on the newest draft when it is the next one; opening it closes the
    open one, if any (the web workspace says so next to its button; ``export_round`` refuses instead)."""
    for consultation in project.rounds:
        if consultation.number == number:
            return consultation
    expected = len(project.rounds) + 1
    if number != expected:
        raise ProjectError(f"round {number}", f"the next round of project {project.name!r} is {expected}")
    if project.rounds and project.rounds[-1].is_open:
        project.rounds[-1].closed_at = now()
    consultation = Round(project=project, number=number, draft_version=latest_draft(project).version)
    session.add(consultation)
    session.flush()
    return consultation


def close_round(project: Project, number: int) -> Round:
    """Close a round: no more feedback is read into it."""
    consultation = find_round(project, number)
    if consultation.closed_at is None:
        consultation.closed_at = now()
    return consultation


@dataclass(frozen=True)
class RoundSummary:
    """How much of a round was answered: the recommendations sent and those with any feedback."""

    number: int
    sent: int
    answered: int

    @property
    def unanswered(self) -> int:
        return self.sent - self.answered


def round_summary(session: Session, project: Project, consultation: Round) -> RoundSummary:
    """What the round's exported files held (or, for a round opened in the web workspace without a file, what
    is on the table now) and how many of those recommendations have feedback."""
    manifests = session.scalars(select(RoundExport.manifest).where(RoundExport.round_id == consultation.id)).all()
    sent = {key for manifest in manifests for key in manifest["rows"]}  # type: ignore[union-attr]
    if not sent:
        sent = {rec.key for rec in round_recommendations(project)}
    given = session.scalars(select(Feedback.recommendation_id).where(Feedback.round_id == consultation.id)).all()
    keys = {rec.id: rec.key for rec in project.recommendations}
    answered = {keys[rec_id] for rec_id in given if rec_id in keys} & sent
    return RoundSummary(consultation.number, len(sent), len(answered))


def round_recommendations(project: Project) -> list[Recommendation]:
    """The recommendations sent in a round: those still on the table, in number order."""
    return [rec for rec in project.recommendations if rec.state in ACTIVE_STATES]


# --- rows -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One recommendation as shown to the ministry."""

    id: str
    version: int
    area: str
    provision: str
    issue: str
    solution: str
    proposed: str
    sources: str
    priority: str
    history: str = ""
    """What happened to it in earlier rounds (:func:`history_text`); empty in a first round's form."""

    def cells(self) -> dict[str, str]:
        return {"id": self.id, "version": str(self.version), "area": self.area, "provision": self.provision,
                "issue": self.issue, "solution": self.solution, "proposed": self.proposed,
                "sources": self.sources, "priority": self.priority, "history": self.history}


def form_columns(columns: tuple[str, ...], number: int) -> tuple[str, ...]:
    """The columns of a form for round ``number``: a first round's has no history column."""
    return columns if number > 1 else tuple(c for c in columns if c != HISTORY)


SHOWN_FIELDS = ("issue", "solution", "proposed")
"""The recommendation texts a feedback form shows (the fields of a revision that appear in it)."""
STALE_MARK = {"en": "[Not updated after the Russian text was revised in version {since}: the two may differ]",
              "ru": "[Не обновлено после изменения английского текста в версии {since}: возможны расхождения]"}
"""What opens a cell whose text was not revised with the other language's, so the reader knows."""


EARLIER = {
    "en": {"answer": "Round {r}, {person}: {decision}", "no_answer": "Round {r}: no answer.",
           "revised_after": "Revised after round {r} (version {v}): {reason}",
           "revised_in": "Revised in round {r} (version {v}): {reason}",
           "redrafted": ("Changed with draft version {d} (version {v}): the new draft's text changed what it "
                         "proposes"),
           "new": "New with draft version {d}: a gap found in that version"},
    "ru": {"answer": "Раунд {r}, {person}: {decision}", "no_answer": "Раунд {r}: ответов не было.",
           "revised_after": "Пересмотрена после раунда {r} (версия {v}): {reason}",
           "revised_in": "Пересмотрена в ходе раунда {r} (версия {v}): {reason}",
           "redrafted": "Изменена с редакцией проекта {d} (версия {v}): новый текст проекта изменил предложение",
           "new": "Новая в редакции проекта {d}: пробел, выявленный в этой редакции"},
}
"""How a later round's form tells what happened before (:func:`history_text`)."""
SHORT = 160
"""The most characters of a comment or a reason the history quotes: a reminder, the log has the whole of it."""


def _short(text: str) -> str:
    """A comment or reason on one line, cut at a word near ``SHORT`` characters."""
    text = " ".join(text.split())
    if len(text) <= SHORT:
        return text
    cut = text[:SHORT].rsplit(" ", 1)[0] if " " in text[:SHORT] else text[:SHORT]
    return cut.rstrip(",;:.") + "…"


def history_text(before: Before, number: int, lang: str) -> str:
    """What a recommendation went through before round ``number``, in the form's language and in the order it
    happened: each earlier round's answers (who, decision, the comment cut short) or that nobody answered, each
    revision after it with its version and reason ("Revised after round 1 (version 3): Age threshold 16"), a new
    draft version that changed the proposal, or the draft version it came with."""
    from crlens.report.consultation import WORDS
    from crlens.report.rejections import QUOTES

    words = EARLIER[lang]
    opening, closing = QUOTES[lang]
    events: list[tuple[tuple[int, int, int], str]] = []
    for r, answers in before.rounds:
        for a in answers:
            if a.decision is None:
                decision = WORDS[lang]["no_decision"]
            else:
                decision = DECISIONS_RU.get(a.decision, a.decision) if lang == "ru" else a.decision
            line = words["answer"].format(r=r, person=a.person, decision=decision)
            events.append(((r, 0, 0), f"{line}: {opening}{_short(a.comment)}{closing}" if a.comment else line))
        if not answers:
            events.append(((r, 0, 0), words["no_answer"].format(r=r)))
    for change in before.changes:
        if change.draft is None:
            key = "revised_after" if change.after_round < number else "revised_in"
            line = words[key].format(r=change.after_round, v=change.version,
                                     reason=_short(change.reason.in_lang(lang)))
        elif change.version == 1:
            line = words["new"].format(d=change.draft)
        else:
            line = words["redrafted"].format(d=change.draft, v=change.version)
        events.append(((change.after_round, 1, change.version), line))
    return "\n".join(line for _, line in sorted(events, key=lambda event: event[0]))


def _row(rec: Recommendation, lang: str, kb: KnowledgeBase, naming: Naming, home: str | None = None,
         history: str = "") -> Row:
    """The recommendation in the words a ministry lawyer reads: area titles, not slugs, the provision as the
    gap table heads its proposed text ("New article 5-1 (after Article 5)", not "new after art:5 in ch:1";
    "Article 6 (supplement with paragraphs 5–8)", since a row is decided on its own) and the
    priority in the form's language, as the web workspace names it (высокий, not high); the sources as the gap
    table cites them, the law of the draft's own jurisdiction ``home`` last and named as such; a text left behind
    by a revision of the other language says so (``STALE_MARK``). The import needs only the id and version,
    which stay as they are. ``history`` is what a later round's form tells of the earlier ones."""
    data = current_data(rec)
    ru = lang == "ru"
    amendment = data.amendment
    stale = {s.field: s.since for s in stale_texts(rec) if s.lang == lang}

    def marked(name: str, text: str) -> str:
        return f"{STALE_MARK[lang].format(since=stale[name])}\n{text}" if name in stale else text

    # "; " between areas: their titles have commas of their own
    area = "; ".join(kb.areas[a].title.get(lang) if a in kb.areas else a for a in data.areas)
    return Row(id=rec.key, version=rec.latest.version, area=area,
               provision=amendments.supplement_place(data, lang, [], naming=naming),
               issue=marked("issue", data.ru.issue if ru else data.issue),
               solution=marked("solution", data.ru.solution if ru else data.solution),
               proposed=marked("proposed", amendment.proposed_text.ru if ru else amendment.proposed_text.en),
               sources="; ".join(gap_table.source_text(s, lang, kb, home)
                                 for s in gap_table.ordered_sources(data.sources, kb, home)),
               priority=PRIORITY_RU[data.priority] if ru else data.priority, history=history)


def _digest(text: str) -> str:
    # Whitespace is normalised: Excel and Word may re-wrap or trim cell text without anyone editing it.
    return hashlib.sha256(" ".join(str(text).split()).encode()).hexdigest()[:16]


def _manifest(project: Project, consultation: Round, rows: list[Row], lang: str) -> dict[str, Any]:
    return {"format": FORMAT, "project": project.name, "round": consultation.number,
            "draft_version": consultation.draft_version, "lang": lang,
            "rows": {r.id: {"version": r.version, **{k: _digest(v) for k, v in r.cells().items()
                                                     if k in PROTECTED[2:]}} for r in rows}}


def _identity(manifest: dict[str, Any], export_id: int) -> str:
    """What the file says about itself: enough to find its export record (Word keeps this in Subject)."""
    return f"{FORMAT}; export {export_id}; round {manifest['round']}; project {manifest['project']}"


_IDENTITY = re.compile(r"^crlens-consultation/(?P<v>\d+); export (?P<export>\d+); round (?P<round>\d+); "
                       r"project (?P<project>.*)$")


# --- export ---------------------------------------------------------------------------------------------------


def export_round(session: Session, project: Project, number: int, path: Path, lang: str = "en") -> int:
    """Write the round's recommendations to ``path`` (.xlsx or .docx) for ministry staff; returns the row count.
    Opens the round when it is the next one, but only once the previous round is closed: a round closes on
    purpose (``close_round``), never as a side effect, so that answers still on their way are not shut out."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".docx"):
        raise UserError(str(path), "choose a .xlsx or .docx file for the consultation")
    previous = project.rounds[-1] if project.rounds else None
    if number == len(project.rounds) + 1 and previous is not None and previous.is_open:
        summary = round_summary(session, project, previous)
        raise ProjectError(f"round {number}", (
            f"round {previous.number} is still open (feedback on {summary.answered} of {summary.sent} "
            f"recommendations; {summary.unanswered} have none); import the feedback files still to come, then "
            f"close it with 'crlens consult close --round {previous.number}'"))
    consultation = open_round(session, project, number)
    if not consultation.is_open:
        raise ProjectError(f"round {number}", "is closed; export the next round instead")
    kb, facts = load(), draft_facts(project)
    naming, home = facts.naming, facts.jurisdiction
    before = before_round(session, project, number)
    # the protected cells' digests are of the text as the file holds it (a stored control character left out)
    rows = scrubbed([_row(rec, lang, kb, naming, home,
                          history_text(before[rec.key], number, lang) if rec.key in before else "")
                     for rec in round_recommendations(project)])
    manifest = _manifest(project, consultation, rows, lang)
    record = RoundExport(round=consultation, filename=path.name, lang=lang, manifest=manifest)
    session.add(record)
    session.flush()
    identity = _identity(manifest, record.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        _write_xlsx(path, rows, manifest, identity, lang)
    else:
        _write_docx(path, rows, manifest, identity, lang)
    return len(rows)


def _title(manifest: dict[str, Any], lang: str) -> str:
    if lang == "ru":
        return (f"{manifest['project']}: консультация, раунд {manifest['round']} "
                f"(редакция проекта {manifest['draft_version']})")
    return (f"{manifest['project']}: consultation round {manifest['round']} "
            f"(draft version {manifest['draft_version']})")


def _instructions(lang: str, number: int) -> str:
    choices = ", ".join(DECISIONS_RU[d] if lang == "ru" else d for d in DECISIONS)
    history = HEADERS[lang][HISTORY]
    if lang == "ru":
        earlier = (f" Столбец «{history}» показывает ответы, данные на рекомендацию в предыдущих раундах, и ее "
                   "изменения с тех пор." if number > 1 else "")
        return (f"Для каждой рекомендации укажите решение ({choices}) и при необходимости комментарий. "
                f"Остальные ячейки защищены; не меняйте столбец ID.{earlier}")
    earlier = (f" The column '{history}' shows the answers given on a recommendation in earlier rounds and how it "
               "was revised since." if number > 1 else "")
    return (f"For each recommendation give a decision ({choices}) and, if you wish, a comment. "
            f"The other cells are protected; do not change the ID column.{earlier}")


_EXCEL_WIDTHS = {"id": 10, "version": 8, "area": 24, "provision": 22, "issue": 50, "solution": 50, "proposed": 50,
                 "sources": 30, "priority": 10, "history": 45, "decision": 22, "comment": 45}


@safe_text
def _write_xlsx(path: Path, rows: list[Row], manifest: dict[str, Any], identity: str, lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from crlens.report.office import finish_sheet

    columns = form_columns(COLUMNS, manifest["round"])
    wb = Workbook()
    ws = wb.active
    ws.title = "Рекомендации" if lang == "ru" else "Recommendations"
    ws.append([HEADERS[lang][c] for c in columns])
    for row in rows:
        cells = row.cells()
        ws.append([cells.get(c, "") for c in columns])
    finish_sheet(ws, [_EXCEL_WIDTHS[c] for c in columns], "B2", hidden=())
    decision, comment = (get_column_letter(columns.index(c) + 1) for c in ANSWER_COLUMNS)
    choices = [DECISIONS_RU[d] if lang == "ru" else d for d in DECISIONS]
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                showErrorMessage=True)
    ws.add_data_validation(validation)
    last = len(rows) + 1
    if rows:
        validation.add(f"{decision}2:{decision}{last}")
    for r in range(2, last + 1):
        for col in (decision, comment):
            ws[f"{col}{r}"].protection = Protection(locked=False)
    # Protection without a password: it guards against slips, and import checks the cells anyway.
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    info = wb.create_sheet("Info")
    info.append([_title(manifest, lang)])
    info.append([_instructions(lang, manifest["round"])])
    info.column_dimensions["A"].width = 120
    meta = wb.create_sheet("crlens")
    meta.sheet_state = "veryHidden"
    meta.append([identity])
    meta.protection.sheet = True
    wb.properties.subject = identity
    wb.save(str(path))


def _permission(cell: Any, number: int) -> None:
    """Let everyone edit this cell of a read-only Word document (Word's "exceptions" to restricted editing)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = cell.paragraphs[0]._p
    start = OxmlElement("w:permStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:edGrp"), "everyone")
    end = OxmlElement("w:permEnd")
    end.set(qn("w:id"), str(number))
    paragraph.insert(1 if paragraph.pPr is not None else 0, start)
    paragraph.append(end)


def _protect_read_only(document: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    protection = OxmlElement("w:documentProtection")
    protection.set(qn("w:edit"), "readOnly")
    protection.set(qn("w:enforcement"), "1")
    settings.append(protection)


@safe_text
def _write_docx(path: Path, rows: list[Row], manifest: dict[str, Any], identity: str, lang: str) -> None:
    from docx.shared import Cm

    from crlens.report.office import add_table, landscape_document

    document = landscape_document(1.5, 9)
    document.add_heading(_title(manifest, lang), level=1)
    document.add_paragraph(_instructions(lang, manifest["round"]))
    columns = form_columns(WORD_COLUMNS, manifest["round"])
    # 26.7 cm between the margins: the texts to judge get the room, the answers enough for a decision and a note;
    # a later round's history takes its room from all of them
    widths = [Cm(w) for w in ((1.6, 2.2, 2.2, 4.4, 3.7, 4.2, 3.8, 2.0, 2.6) if HISTORY in columns
                              else (1.8, 2.6, 2.6, 5.2, 4.3, 4.3, 2.4, 3.5))]
    table = add_table(document, [HEADERS[lang][c] for c in columns], widths)
    permission = 1
    for row in rows:
        values = row.cells()
        for column, cell, width in zip(columns, table.add_row().cells, widths, strict=True):
            cell.width = width
            if column in ANSWER_COLUMNS:
                _permission(cell, permission)
                permission += 1
            else:
                cell.text = values[column]
    _protect_read_only(document)
    document.core_properties.title = _title(manifest, lang)
    document.core_properties.subject = identity
    document.save(str(path))


# --- import ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """A row of a feedback file: the recommendation, its version as sent, the decision and the comment."""

    row: int
    id: str
    version: int
    decision: str | None
    comment: str


@dataclass(frozen=True)
class Superseded:
    """An answer of a file imported before that a later answer of the same person changed: the decision that
    holds now, and the file it came from (None: the web workspace)."""

    id: str
    decision: str | None
    filename: str | None


@dataclass
class ImportResult:
    """What importing a feedback file did."""

    round: int
    person: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    blank: int = 0
    already_imported: bool = False
    recommendations: list[str] = field(default_factory=list)
    kept_decisions: list[tuple[str, str]] = field(default_factory=list)
    """(recommendation, decision) of the rows with a comment but no decision that kept the person's decision."""
    superseded: list[Superseded] = field(default_factory=list)
    """For a file imported before: its answers that a later answer of the person changed."""
    on_earlier_text: list[EarlierText] = field(default_factory=list)
    """Answers recorded on a text that has changed since (a revision, or a new draft version that changed what
    the recommendation proposes): kept, but they do not decide its state."""


def _cell(value: object) -> str:
    return "" if value is None else str(value).strip()


def _excel_cell(value: object) -> str:
    return excel_text(value).strip() if isinstance(value, str) else _cell(value)


def decision_of(value: str) -> str | None:
    """The decision a word names, as stored ("Принять" and "accept" are "accept"), in either language, any case
    and spacing; None for a blank or an unknown word. Every way of answering reads decisions with it: the
    feedback forms, the web page and the API."""
    words = re.sub(r"\s+", " ", value.strip().lower())
    return _DECISION_WORDS.get(words) if words else None


def _columns(path: Path, where: str, headings: list[str]) -> list[str | None]:
    """Each column of a form's table by its heading (``None`` for a column of someone's own). Forms are read by
    heading, not position: Word forms of several layouts are in use, and someone who switches off an Excel
    sheet's protection may delete or insert a column."""
    columns = [_COLUMN_OF_HEADING.get(_heading_key(h)) for h in headings]
    missing = [HEADERS["en"][c] for c in _NEEDED if c not in columns]
    twice = [HEADERS["en"][c] for c in COLUMNS if columns.count(c) > 1]
    if missing or twice:
        found = ", ".join(repr(" ".join(h.split())) for h in headings if h.strip())
        problem = f"no {' or '.join(missing)} column" if missing else f"two {' and two '.join(twice)} columns"
        raise UserError(str(path), f"{where} has {problem} (its headings: {found}); answer in the file written "
                                   "by 'crlens consult export'")
    return columns


def _rows(columns: list[str | None], rows: Iterable[Sequence[object]]) -> list[tuple[int, dict[str, str]]]:
    """The non-empty rows below a form's headings, numbered as its reader sees them, each cell under its
    column."""
    read = []
    for number, values in enumerate(rows, start=2):
        cells = {column: _cell(value) for column, value in zip(columns, values, strict=False) if column}
        if any(cells.values()):
            read.append((number, cells))
    return read


def _read_xlsx(path: Path) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    """The identity and the rows of an Excel form, from the sheet that holds the recommendations (someone may
    have added a sheet in front of it)."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UserError(str(path), f"cannot be read as an Excel workbook ({type(exc).__name__})") from None
    try:
        identity = wb.properties.subject or ""
        if "crlens" in wb.sheetnames:
            first = next(wb["crlens"].iter_rows(max_row=1, values_only=True), (None,))
            identity = _cell(first[0]) or identity
        sheets = [ws for ws in wb.worksheets if ws.title != "crlens"] or wb.worksheets
        headings = {ws.title: [_cell(v) for v in next(ws.iter_rows(max_row=1, values_only=True), ())]
                    for ws in sheets}
        ws = next((ws for ws in sheets if "id" in (_COLUMN_OF_HEADING.get(_heading_key(h))
                                                   for h in headings[ws.title])), sheets[0])
        if not _IDENTITY.match(identity.strip()):
            return identity, []  # not our form: read_answers says so, rather than what its sheet lacks
        columns = _columns(path, f"its sheet {ws.title!r}", headings[ws.title])
        return identity, _rows(columns, ([_excel_cell(v) for v in row]
                                         for row in ws.iter_rows(min_row=2, values_only=True)))
    finally:
        wb.close()


def _read_docx(path: Path) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    """The identity and the rows of a Word form, each cell under its column as its heading names it (in either
    language), so that forms of every layout sent out import: those without the area and provision columns
    too."""
    from docx import Document as open_document

    from crlens.ingest.docx import accepted_text, check_archive

    check_archive(path)
    try:
        document = open_document(str(path))
    except Exception as exc:
        raise UserError(str(path), f"cannot be read as a Word document ({type(exc).__name__})") from None
    identity = document.core_properties.subject or ""
    if not _IDENTITY.match(identity.strip()):
        # not our form: read_answers says so, rather than what its tables lack
        return identity, []
    if not document.tables:
        raise UserError(str(path), "has no table of recommendations; answer in the file written by "
                                   "'crlens consult export'")
    table = document.tables[0]
    # Every cell as it reads with tracked changes accepted: an answer typed with Track Changes on is an answer,
    # and a protected text deleted that way is an edit.
    columns = _columns(path, "its table", [accepted_text(c._tc) for c in table.rows[0].cells])
    return identity, _rows(columns, ([accepted_text(cell._tc) for cell in row.cells] for row in table.rows[1:]))


def _export_record(session: Session, path: Path, identity: str) -> RoundExport:
    match = _IDENTITY.match(identity.strip())
    if not match:
        raise UserError(str(path), "is not a crlens consultation file (it does not say which export it is; "
                                   "use the file written by 'crlens consult export')")
    record = session.get(RoundExport, int(match["export"]))
    if record is None or record.round.number != int(match["round"]):
        raise UserError(str(path), f"was exported from another database (export {match['export']} of round "
                                   f"{match['round']} of project {match['project']!r} is not known here)")
    return record


def read_answers(session: Session, path: Path, project: Project, number: int) -> list[Answer]:
    """Read and check a feedback file against what was exported for the project and round; every problem is
    collected, by row, and reported together (``FeedbackFileError``)."""
    if not path.is_file():
        raise UserError(str(path), "file not found" if not path.exists() else "is not a file")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        identity, rows = _read_xlsx(path)
    elif suffix == ".docx":
        identity, rows = _read_docx(path)
    else:
        kind = suffix or "a file without extension"
        raise UserError(str(path), f"feedback must be the .xlsx or .docx file crlens exported, not {kind}")
    record = _export_record(session, path, identity)
    manifest = record.manifest
    if manifest.get("project") != project.name:
        raise FeedbackFileError(path, [f"the file is for project {manifest.get('project')!r}, "
                                       f"not {project.name!r}"])
    if str(manifest.get("round")) != str(number):
        raise FeedbackFileError(path, [f"the file is for round {manifest.get('round')}, not round {number}"])
    exported: dict[str, dict[str, Any]] = manifest["rows"]  # type: ignore[assignment]
    by_key = {rec.key: rec for rec in project.recommendations}
    problems: list[str] = []
    answers: list[Answer] = []
    seen: dict[str, int] = {}
    for row_number, cells in rows:
        rid = cells.get("id", "")
        where = f"row {row_number}"
        if not rid:
            problems.append(f"{where}: the ID cell is empty")
            continue
        if rid not in exported:
            known = "" if rid not in by_key else " (it was not part of this round)"
            problems.append(f"{where}: unknown recommendation id {rid!r}{known}")
            continue
        if rid in seen:
            problems.append(f"{where}: recommendation {rid} appears twice (also row {seen[rid]})")
            continue
        seen[rid] = row_number
        expected = exported[rid]
        edited = [HEADERS["en"][k] for k in PROTECTED[2:] if k in cells and _digest(cells[k]) != expected.get(k)]
        if "version" in cells and cells["version"] and cells["version"] != str(expected["version"]):
            edited.insert(0, HEADERS["en"]["version"])
        if edited:
            problems.append(f"{where}: protected cells were edited for {rid} ({', '.join(edited)}); "
                            "only Decision and Comment may change (was the ID column changed?)")
            continue
        raw = cells.get("decision", "")
        decision = decision_of(raw)
        if raw and decision is None:
            problems.append(f"{where}: {raw!r} is not a decision; use one of: {DECISION_CHOICES}")
            continue
        if rid not in by_key:
            problems.append(f"{where}: recommendation {rid} no longer exists in project {project.name!r}")
            continue
        try:
            comment = checked(cells.get("comment", ""), "the comment")
        except UserError as exc:
            problems.append(f"{where}: {exc.where} {exc.problem}")
            continue
        answers.append(Answer(row_number, rid, int(expected["version"]), decision, comment))
    if problems:
        raise FeedbackFileError(path, problems)
    return answers


def import_feedback(session: Session, project: Project, number: int, path: Path, person: str) -> ImportResult:
    """Read one person's feedback file into a round (see the module docstring for the rules)."""
    person = checked_name(person, "--by")
    if not person:
        raise UserError("--by", "say whose feedback this is (a name)")
    consultation = find_round(project, number)
    answers = read_answers(session, path, project, number)
    if not consultation.is_open:
        raise ProjectError(f"round {number}", "is closed; feedback can no longer be imported into it")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    result = ImportResult(round=number, person=person)
    earlier = session.scalar(select(FeedbackImport).where(
        FeedbackImport.round_id == consultation.id, FeedbackImport.person == person, FeedbackImport.sha256 == sha))
    if earlier is not None:
        result.already_imported = True
        result.unchanged = len(answers)
        result.superseded = _superseded(session, consultation, project, person, answers)
        return result
    record = FeedbackImport(round=consultation, person=person, filename=path.name, sha256=sha)
    session.add(record)
    session.flush()
    by_key = {rec.key: rec for rec in project.recommendations}
    for answer in answers:
        recorded = record_answer(session, consultation, by_key[answer.id], person, answer.decision,
                                 answer.comment, answer.version, record.id)
        outcome = recorded.outcome
        setattr(result, outcome, getattr(result, outcome) + 1)
        if outcome in ("added", "changed"):
            result.recommendations.append(answer.id)
            if recorded.kept_decision:
                result.kept_decisions.append((answer.id, recorded.kept_decision))
            note = earlier_text(by_key[answer.id], answer.version)
            if note is not None:
                result.on_earlier_text.append(note)
    if not result.recommendations:
        # The same answers in a re-saved file: nothing to record, not even the import.
        session.delete(record)
    return result


def _superseded(session: Session, consultation: Round, project: Project, person: str,
                answers: list[Answer]) -> list[Superseded]:
    """The answers of a file imported before that the person's later answers changed: what holds now, and where
    it came from (a later file, or the web workspace)."""
    by_key = {rec.key: rec for rec in project.recommendations}
    out = []
    for answer in answers:
        if answer.decision is None and not answer.comment:
            continue
        now = current_feedback(session, consultation, by_key[answer.id]).get(person)
        if now is None:
            continue
        if (answer.comment, answer.version) != (now.comment, now.recommendation_version) or (
                answer.decision is not None and answer.decision != now.decision):
            source = session.get(FeedbackImport, now.import_id) if now.import_id is not None else None
            out.append(Superseded(answer.id, now.decision, source.filename if source else None))
    return out


def current_feedback(session: Session, consultation: Round, rec: Recommendation) -> dict[str, Feedback]:
    """Each person's latest answer on a recommendation in a round."""
    rows = session.scalars(select(Feedback).where(Feedback.round_id == consultation.id,
                                                  Feedback.recommendation_id == rec.id)
                           .order_by(Feedback.id)).all()
    return {row.person: row for row in rows}


@dataclass(frozen=True)
class Recorded:
    """What recording an answer did: ``outcome`` is added, changed, unchanged or blank; ``kept_decision`` the
    person's decision kept when the answer brought a comment without one."""

    outcome: str
    kept_decision: str | None = None


def record_answer(session: Session, consultation: Round, rec: Recommendation, person: str, decision: str | None,
                  comment: str, version: int, import_id: int | None = None) -> Recorded:
    """Store one person's answer unless it repeats their current one. A comment without a decision keeps the
    decision the person gave in this round on the same proposal (a follow-up comment, or a form re-sent with
    the decision cell left empty, does not take the decision back). The recommendation's state then follows
    the answers (``state.follow_answers``). The comment is plain text (:func:`crlens.plain_text.checked`)."""
    comment = checked(comment, "comment")
    if decision is None and not comment:
        return Recorded("blank")
    latest = current_feedback(session, consultation, rec).get(person)
    kept = None
    if decision is None and latest is not None and latest.decision:
        classes = proposals(rec)
        if classes.get(latest.recommendation_version) == classes.get(version):
            decision = kept = latest.decision
    if latest is not None and (latest.decision, latest.comment, latest.recommendation_version) == (
            decision, comment, version):
        return Recorded("unchanged")
    session.add(Feedback(round=consultation, recommendation=rec, recommendation_version=version,
                         import_id=import_id, person=person, decision=decision, comment=comment))
    session.flush()
    follow_answers(session, rec)
    return Recorded("added" if latest is None else "changed", kept)
