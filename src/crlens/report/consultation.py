"""The consultation log as Markdown and Word: a document of its own (``crlens consult report``) or an annex to
the final deliverables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crlens.consult.log import Answer, Change, ConsultationLog, RoundLog
from crlens.consult.revisions import OTHER, StaleText
from crlens.consult.rounds import DECISIONS_RU
from crlens.consult.state import EarlierText
from crlens.consult.states import state_name
from crlens.plain_text import safe_text
from crlens.report.gap_table import PROPOSED

# The proposed text is named with the gap table's word, which the feedback forms and the web page also use
# ("Предлагаемая редакция"): the log, its annex to the gap table and the history reasons written by
# revisions.confirm then call it what the tables beside them do.
FIELD_NAMES = {
    "en": {"issue": "issue", "solution": "solution", "proposed": PROPOSED["en"].lower(), "justification":
           "justification", "gender": "gender note"},
    "ru": {"issue": "проблема", "solution": "решение", "proposed": PROPOSED["ru"].lower(), "justification":
           "обоснование", "gender": "гендерный аспект"},
}
WORDS = {
    "en": {"title": "Consultation log", "annex": "Annex: Consultation log",
           "project": "Project", "round": "Round", "draft": "draft version",
           "opened": "opened", "closed": "closed", "open": "still open", "participants": "Participants",
           "none": "none", "rec": "Recommendation", "said": "What the ministry said", "changed":
           "What was changed and why", "nochange": "No change made.", "state": "State now",
           "drafts": "Draft versions", "added": "added", "by": "by", "taken": "taken up in the text",
           "new": "new recommendations", "no_rounds": "No consultation round has been held yet.",
           "no_answers": "No feedback recorded in this round.", "decision": "decision", "no_decision":
           "no decision", "version": "version", "comments": "comments",
           "earlier": "given on an earlier text, so it no longer decides the state: version {v} changed what "
                      "it proposes ({reason})", "reopened": "decisions that no longer stand, as this version "
                                                            "changed what they propose"},
    "ru": {"title": "Журнал консультаций", "annex": "Приложение: журнал консультаций",
           "project": "Проект", "round": "Раунд", "draft": "редакция проекта",
           "opened": "открыт", "closed": "закрыт", "open": "еще открыт", "participants": "Участники",
           "none": "нет", "rec": "Рекомендация", "said": "Позиция министерства", "changed":
           "Что изменено и почему", "nochange": "Изменений не внесено.", "state": "Текущий статус",
           "drafts": "Редакции проекта", "added": "добавлена", "by": "кем:", "taken": "учтены в тексте",
           "new": "новые рекомендации", "no_rounds": "Раунды консультаций еще не проводились.",
           "no_answers": "В этом раунде отзывов не получено.", "decision": "решение",
           "no_decision": "без решения", "version": "версия", "comments": "комментариев",
           "earlier": "дан на прежний текст и больше не определяет статус: версия {v} изменила предложение "
                      "({reason})", "reopened": "решения, которые больше не действуют, так как эта редакция "
                                                "изменила предложения"},
}
STALE_HEADING = {"en": "Texts not yet brought into line across languages",
                 "ru": "Тексты, еще не приведенные в соответствие на двух языках"}
LANG_NAMES = {"en": {"en": "English", "ru": "Russian"},
              # the language a text is in ("на русском языке"), and the other text named by its language
              "ru": {"en": ("английском", "английский"), "ru": ("русском", "русский")}}


def stale_words(stale: StaleText, lang: str = "en") -> str:
    """A text out of date in one language, for the reader: "the Russian proposed text (the English one was
    revised in version 2)" / "предлагаемая редакция на русском языке (английский текст изменен в версии 2)"."""
    other = OTHER[stale.lang]
    if lang == "ru":
        return (f"{FIELD_NAMES['ru'][stale.field]} на {LANG_NAMES['ru'][stale.lang][0]} языке "
                f"({LANG_NAMES['ru'][other][1]} текст изменен в версии {stale.since})")
    return (f"the {LANG_NAMES['en'][stale.lang]} {FIELD_NAMES['en'][stale.field]} (the "
            f"{LANG_NAMES['en'][other]} one was revised in version {stale.since})")


def confirmed_words(stale: StaleText, lang: str = "en") -> str:
    """A text out of date confirmed as still matching, for the history: "Confirmed: the Russian proposed text
    still matches the English one (revised in version 2)" / "Подтверждено: предлагаемая редакция на русском языке
    по-прежнему соответствует тексту на английском языке (изменен в версии 2)"."""
    other = OTHER[stale.lang]
    if lang == "ru":
        return (f"Подтверждено: {FIELD_NAMES['ru'][stale.field]} на {LANG_NAMES['ru'][stale.lang][0]} языке "
                f"по-прежнему соответствует тексту на {LANG_NAMES['ru'][other][0]} языке (изменен в версии "
                f"{stale.since})")
    return (f"Confirmed: the {LANG_NAMES['en'][stale.lang]} {FIELD_NAMES['en'][stale.field]} still matches the "
            f"{LANG_NAMES['en'][other]} one (revised in version {stale.since})")


def _date(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""


def decision_name(decision: str | None, lang: str = "en") -> str:
    """A decision as the log, ``rec show`` and the forms say it: "accept" / "принять", or "no decision"."""
    if decision is None:
        return WORDS[lang]["no_decision"]
    return DECISIONS_RU.get(decision, decision) if lang == "ru" else decision


def _earlier(answer: Answer, lang: str) -> str:
    """What the log says of an answer given on a text that has changed since, or "" for one that counts."""
    return "" if answer.earlier is None else earlier_words(answer.earlier, lang)


def earlier_words(earlier: EarlierText, lang: str = "en") -> str:
    """An answer given on a text that has changed since, for the reader: "given on an earlier text, so it no
    longer decides the state: version 2 changed what it proposes (re-reviewed against draft version 2)"."""
    return WORDS[lang]["earlier"].format(v=earlier.changed_in, reason=earlier.reason.in_lang(lang))


def _round_heading(r: RoundLog, lang: str) -> str:
    w = WORDS[lang]
    closed = f"{w['closed']} {_date(r.closed)}" if r.closed else w["open"]
    return f"{w['round']} {r.number} ({w['draft']} {r.draft_version}; {w['opened']} {_date(r.opened)}, {closed})"


def diff_markdown(old: str, new: str) -> str:
    from crlens.consult.compare import word_diff

    parts = []
    for segment in word_diff(old, new):
        text = segment.text.strip()
        if not text:
            continue
        if segment.op == "delete":
            parts.append(f"~~{text}~~")
        elif segment.op == "insert":
            parts.append(f"**{text}**")
        else:
            parts.append(text)
    return " ".join(parts)


def _change_lines(change: Change, lang: str) -> list[str]:
    w = WORDS[lang]
    reason = change.reason.in_lang(lang)
    lines = [f"- {w['version']} {change.version}, {change.author}, {_date(change.at)}: {reason}"]
    for fc in change.fields:
        if fc.lang != lang and fc.lang != "en":
            continue
        lines.append(f"  - {FIELD_NAMES[lang][fc.field]} ({fc.lang}): {diff_markdown(fc.old, fc.new)}")
    return lines


@safe_text
def markdown(log: ConsultationLog, lang: str = "en", annex: bool = False) -> str:
    """The log as Markdown: a document of its own, or an annex (its title at heading level 2)."""
    w = WORDS[lang]
    h = "##" if annex else "#"
    lines = [f"{h} {w['annex' if annex else 'title']}", "", f"{w['project']}: {log.project}", ""]
    lines += [f"{h}# {w['drafts']}", ""]
    for d in log.drafts:
        extra = ""
        if d.taken_up:
            extra += f"; {w['taken']}: {', '.join(d.taken_up)}"
        if d.new:
            extra += f"; {w['new']}: {', '.join(d.new)}"
        if d.reopened:
            extra += f"; {w['reopened']}: {', '.join(d.reopened)}"
        lines.append(f"- {w['draft']} {d.version}: {d.filename}, {w['added']} {_date(d.added_at)} "
                     f"{w['by']} {d.added_by}{extra}")
    lines.append("")
    if log.stale:
        lines += [f"{h}# {STALE_HEADING[lang]}", ""]
        lines += [f"- {key}: {stale_words(text, lang)}" for key, text in log.stale]
        lines.append("")
    if not log.rounds:
        lines += [w["no_rounds"], ""]
    for r in log.rounds:
        who = ", ".join(r.participants) or w["none"]
        lines += [f"{h}# {_round_heading(r, lang)}", "",
                  f"{w['participants']}: {who}; {r.comments} {w['comments']}", ""]
        if not r.entries:
            lines += [w["no_answers"], ""]
        for e in r.entries:
            issue = e.issue_ru if lang == "ru" else e.issue
            lines += [f"{h}## {w['rec']} {e.key} ({w['state']}: {state_name(e.state, lang)})", "",
                      f"> {issue}", "", f"**{w['said']}**", ""]
            for a in e.answers:
                comment = f": {a.comment}" if a.comment else ""
                lines.append(f"- {a.person} ({_date(a.at)}, {w['version']} {a.version}): "
                             f"**{decision_name(a.decision, lang)}**{comment}")
                if a.earlier:
                    lines.append(f"  - {_earlier(a, lang)}")
            if not e.answers:
                lines.append(f"- {w['none']}")
            lines += ["", f"**{w['changed']}**", ""]
            for change in e.changes:
                lines += _change_lines(change, lang)
            if not e.changes:
                lines.append(w["nochange"])
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@safe_text
def write_markdown(log: ConsultationLog, path: Path, lang: str = "en") -> Path:
    """The log as a Markdown file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown(log, lang), encoding="utf-8")
    return path


def _diff_runs(paragraph: Any, old: str, new: str) -> None:
    from crlens.consult.compare import word_diff
    from crlens.report.comparison import add_diff_runs

    add_diff_runs(paragraph, ((segment.op, segment.text) for segment in word_diff(old, new)))


@safe_text
def add_to_document(document: Any, log: ConsultationLog, lang: str = "en", annex: bool = False) -> None:
    """Append the log to a python-docx document: as its whole content, or as an annex on a new page."""
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    from crlens.report.office import add_table

    w = WORDS[lang]
    level = 1
    if annex:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(w["annex" if annex else "title"], level=level)
    document.add_paragraph(f"{w['project']}: {log.project}")
    document.add_heading(w["drafts"], level=level + 1)
    for d in log.drafts:
        text = f"{w['draft']} {d.version}: {d.filename}, {w['added']} {_date(d.added_at)} {w['by']} {d.added_by}"
        if d.taken_up:
            text += f"; {w['taken']}: {', '.join(d.taken_up)}"
        if d.new:
            text += f"; {w['new']}: {', '.join(d.new)}"
        if d.reopened:
            text += f"; {w['reopened']}: {', '.join(d.reopened)}"
        document.add_paragraph(text, style="List Bullet")
    if log.stale:
        document.add_heading(STALE_HEADING[lang], level=level + 1)
        for key, stale in log.stale:
            document.add_paragraph(f"{key}: {stale_words(stale, lang)}", style="List Bullet")
    if not log.rounds:
        document.add_paragraph(w["no_rounds"])
    for r in log.rounds:
        document.add_heading(_round_heading(r, lang), level=level + 1)
        document.add_paragraph(f"{w['participants']}: {', '.join(r.participants) or w['none']}; "
                               f"{r.comments} {w['comments']}")
        if not r.entries:
            document.add_paragraph(w["no_answers"])
            continue
        table = add_table(document, [w["rec"], w["said"], w["changed"]], [Cm(3), Cm(11), Cm(12)])
        for e in r.entries:
            cells = table.add_row().cells
            cells[0].text = f"{e.key}\n{state_name(e.state, lang)}"
            said = cells[1].paragraphs[0]
            for i, a in enumerate(e.answers):
                p = said if i == 0 else cells[1].add_paragraph()
                p.add_run(f"{a.person}: ").bold = True
                p.add_run(decision_name(a.decision, lang)).italic = True
                if a.comment:
                    p.add_run(f" — {a.comment}")
                if a.earlier:
                    cells[1].add_paragraph().add_run(_earlier(a, lang)).italic = True
            if not e.answers:
                said.add_run(w["none"])
            changed = cells[2].paragraphs[0]
            if not e.changes:
                changed.add_run(w["nochange"])
            for i, change in enumerate(e.changes):
                p = changed if i == 0 else cells[2].add_paragraph()
                p.add_run(f"{w['version']} {change.version} ({change.author}): ").bold = True
                p.add_run(change.reason.in_lang(lang))
                for fc in change.fields:
                    if fc.lang != lang and fc.lang != "en":
                        continue
                    q = cells[2].add_paragraph()
                    q.add_run(f"{FIELD_NAMES[lang][fc.field]} ({fc.lang}): ").italic = True
                    _diff_runs(q, fc.old, fc.new)


@safe_text
def write_docx(log: ConsultationLog, path: Path, lang: str = "en") -> Path:
    """The log as a Word document (landscape A4)."""
    from crlens.report.office import landscape_document

    document = landscape_document(1.8, 10)
    add_to_document(document, log, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


@safe_text
def sheet_rows(log: ConsultationLog, lang: str = "en") -> tuple[list[str], list[list[str]]]:
    """The log flattened for a spreadsheet: one row per answer and per change."""
    w = WORDS[lang]
    header = [w["round"], w["rec"], w["state"], w["participants"], w["decision"], w["comments"], w["changed"]]
    rows = []
    for r in log.rounds:
        for e in r.entries:
            for a in e.answers:
                rows.append([str(r.number), e.key, state_name(e.state, lang), a.person,
                             decision_name(a.decision, lang), a.comment, _earlier(a, lang)])
            for c in e.changes:
                rows.append([str(r.number), e.key, state_name(e.state, lang), c.author, "", "",
                             f"{w['version']} {c.version}: {c.reason.in_lang(lang)}"])
    for key, stale in log.stale:
        rows.append(["", key, state_name(log.states.get(key, ""), lang), "", "", "",
                     f"{STALE_HEADING[lang]}: {stale_words(stale, lang)}"])
    return header, rows
