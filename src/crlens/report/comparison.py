"""The comparison of two draft versions as Markdown, Word and JSON, in English or Russian.

Markdown and Word carry the same content: the two drafts, a table of counts (added, removed, moved, changed,
unchanged, renumbered), the renumbered-only articles in one line, then one section per added, removed, moved or
changed article with its word diff (insertions underlined and coloured, deletions struck through; ``<ins>`` and
``<del>`` in Markdown). Unchanged articles are only counted. With the review changes they add the gaps closed,
the gaps opened and the recommendations the new text took up.

JSON (``write_json``) is for other tools; its shape is stable (``format_version`` is bumped on any breaking
change, fields may be added)::

    {
      "format": "crlens-comparison", "format_version": "1.0",
      "old": {"title", "source", "sha256", "language", "articles"}, "new": {... the same},
      "counts": {"added", "removed", "moved", "changed", "unchanged", "renumbered"},
      "articles": [{"kind": "unchanged|changed|moved|added|removed", "old": "art:30" | null,
                    "new": "art:31" | null, "old_label", "new_label", "renumbered": bool,
                    "text_changed": bool, "similarity": 0.0-1.0, "old_container": "ch:7" | null,
                    "new_container", "segments": [{"op": "equal|insert|delete", "text": "…"}]}],
      "id_map": {"old provision id": "new provision id" | null, …},   // every old id, in document order
      "review_changes": null | {
        "closed": [{"criterion", "area", "old_status", "new_status", "old_evidence": [ids],
                    "followed": [new id | null], "in_new_text": bool,
                    "new_evidence": [{"provision", "article", "article_change", "text_changed"}]}],
        "opened": [... the same],
        "taken_up": [{"recommendation", "issue", "issue_ru", "criteria": [ids], "target",
                      "followed_target", "risks_resolved": [ids], "in_new_text": bool,
                      "evidence": [... as new_evidence]}]
      }
    }
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from crlens.analysis.labels import BY_ID, label
from crlens.consult.compare import (
    ArticleChange,
    CriterionChange,
    DiffOp,
    DiffSegment,
    DraftComparison,
    DraftInfo,
    EvidenceRef,
    ReviewChanges,
    TakenUp,
    iter_changed,
)
from crlens.knowledge.loader import KnowledgeBase, load
from crlens.plain_text import safe_text
from crlens.report.office import add_table, base_document

FORMAT = "crlens-comparison"
FORMAT_VERSION = "1.0"
INSERT_COLOUR = "1F6F2B"
DELETE_COLOUR = "C00000"

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Comparison of draft versions",
        "old": "Earlier version", "new": "Later version", "articles": "articles",
        "summary": "Summary", "change": "Change", "count": "Articles",
        "renumbered_only": "Renumbered without other change",
        "details": "Changed articles",
        "legend": "Insertions are underlined, deletions struck through.",
        "similarity": "similarity",
        "was_in": "Was in {old}, now in {new}.",
        "review": "Effect on the review",
        "closed": "Gaps closed", "opened": "Gaps opened", "taken_up": "Recommendations taken up",
        "criterion": "Criterion", "area": "Area", "before": "Before", "after": "After",
        "evidence": "Evidence in the later version", "was_evidence": "Evidence in the earlier version",
        "recommendation": "Recommendation", "issue": "Issue",
        "new_text": "in new or reworded text", "none": "None.", "removed_provision": "removed",
    },
    "ru": {
        "title": "Сравнение редакций проекта",
        "old": "Прежняя редакция", "new": "Новая редакция", "articles": "статей",
        "summary": "Сводка", "change": "Изменение", "count": "Статей",
        "renumbered_only": "Перенумерованы без иных изменений",
        "details": "Измененные статьи",
        "legend": "Вставки подчеркнуты, исключенный текст зачеркнут.",
        "similarity": "сходство",
        "was_in": "Прежнее место: {old}; новое место: {new}.",
        "review": "Влияние на результаты анализа",
        "closed": "Закрытые пробелы", "opened": "Новые пробелы", "taken_up": "Учтенные рекомендации",
        "criterion": "Критерий", "area": "Направление", "before": "Было", "after": "Стало",
        "evidence": "Обоснование в новой редакции", "was_evidence": "Обоснование в прежней редакции",
        "recommendation": "Рекомендация", "issue": "Проблема",
        "new_text": "в новом или измененном тексте", "none": "Нет.", "removed_provision": "исключено",
    },
}
COUNT_NAMES: dict[str, dict[str, str]] = {
    "en": {"added": "Added", "removed": "Removed", "moved": "Moved", "changed": "Changed",
           "unchanged": "Unchanged", "renumbered": "Renumbered"},
    "ru": {"added": "Добавлено", "removed": "Исключено", "moved": "Перемещено", "changed": "Изменено",
           "unchanged": "Без изменений", "renumbered": "Перенумеровано"},
}
KIND_NAMES: dict[str, dict[str, str]] = {
    "en": {"added": "added", "removed": "removed", "moved": "moved", "changed": "changed",
           "unchanged": "unchanged", "renumbered": "renumbered", "reworded": "reworded"},
    "ru": {"added": "добавлена", "removed": "исключена", "moved": "перемещена", "changed": "изменена",
           "unchanged": "без изменений", "renumbered": "перенумерована", "reworded": "текст изменен"},
}
STATUS_NAMES: dict[str, dict[str, str]] = {
    "en": {"addressed": "addressed", "partial": "partial", "gap": "gap", "not-applicable": "not applicable"},
    "ru": {"addressed": "учтено", "partial": "частично", "gap": "пробел", "not-applicable": "неприменимо"},
}


def _lang(lang: str) -> str:
    if lang not in TEXT:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(TEXT)}")
    return lang


def article_heading(change: ArticleChange, lang: str = "en", comparison: DraftComparison | None = None) -> str:
    """The section heading of an article: "Article 30 → Article 31: changed, renumbered", each named as its
    draft names it when the ``comparison`` is given ("§ 6502" in the US Code)."""
    names = KIND_NAMES[lang]
    old, new = (comparison.old_naming, comparison.new_naming) if comparison is not None else (BY_ID, BY_ID)
    if change.old and change.new:
        where = (label(change.new, lang, naming=new) if change.old == change.new
                 else f"{label(change.old, lang, naming=old)} → {label(change.new, lang, naming=new)}")
    else:
        where = label(change.old, lang, naming=old) if change.old else label(change.new or "", lang, naming=new)
    words = [names[change.kind]]
    if change.kind == "moved" and change.text_changed:
        words.append(names["reworded"])
    if change.renumbered:
        words.append(names["renumbered"])
    return f"{where}: {', '.join(words)}"


def _container_note(change: ArticleChange, lang: str) -> str:
    """"Was in Chapter 9, now in Chapter 10." for an article that changed container, else ""."""
    if change.kind != "moved" or not change.old_container or not change.new_container:
        return ""
    old, new = label(change.old_container, lang), label(change.new_container, lang)
    return TEXT[lang]["was_in"].format(old=old, new=new) if old != new else ""


def add_diff_runs(paragraph: Any, pieces: Iterable[tuple[DiffOp, str]]) -> None:
    """Add (op, text) pieces of a word diff to a Word paragraph: insertions underlined in green, deletions struck
    through in red (used for draft comparisons and for revisions in the consultation log)."""
    from docx.shared import RGBColor

    for op, text in pieces:
        run = paragraph.add_run(text)
        if op == "insert":
            run.font.underline = True
            run.font.color.rgb = RGBColor.from_string(INSERT_COLOUR)
        elif op == "delete":
            run.font.strike = True
            run.font.color.rgb = RGBColor.from_string(DELETE_COLOUR)


def _diff_lines(segments: tuple[DiffSegment, ...]) -> list[list[tuple[DiffOp, str]]]:
    """The diff cut into lines, each a list of (op, text) pieces without the line break."""
    lines: list[list[tuple[DiffOp, str]]] = [[]]
    for segment in segments:
        for k, piece in enumerate(segment.text.split("\n")):
            if k:
                lines.append([])
            if piece:
                lines[-1].append((segment.op, piece))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _renumbered_only(comparison: DraftComparison, lang: str) -> str:
    old, new = comparison.old_naming, comparison.new_naming
    moves = [f"{label(c.old, lang, naming=old)} → {label(c.new, lang, naming=new)}" for c in comparison.articles
             if c.kind == "unchanged" and c.renumbered and c.old and c.new]
    return "; ".join(moves)


def _draft_line(info: DraftInfo, lang: str) -> str:
    return f"{info.title} ({info.source}; {TEXT[lang]['articles']}: {info.articles})"


def _area_title(kb: KnowledgeBase, area: str, lang: str) -> str:
    found = kb.areas.get(area)
    return found.title.get(lang) if found is not None else area


def _evidence_text(refs: tuple[EvidenceRef, ...], lang: str, comparison: DraftComparison) -> str:
    parts = []
    for ref in refs:
        note = f" ({TEXT[lang]['new_text']})" if ref.in_new_text else ""
        parts.append(f"{label(ref.provision, lang, naming=comparison.new_naming)}{note}")
    return "; ".join(parts) or "—"


def _followed_text(change: CriterionChange, lang: str, comparison: DraftComparison) -> str:
    parts = []
    for old, new in zip(change.old_evidence, change.followed, strict=True):
        now = label(new, lang, naming=comparison.new_naming) if new else TEXT[lang]["removed_provision"]
        parts.append(f"{label(old, lang, naming=comparison.old_naming)} → {now}")
    return "; ".join(parts) or "—"


def _criterion_rows(changes: tuple[CriterionChange, ...], kb: KnowledgeBase, lang: str, opened: bool,
                    comparison: DraftComparison) -> list[tuple[str, str, str, str, str]]:
    statuses = STATUS_NAMES[lang]
    return [(c.criterion, _area_title(kb, c.area, lang), statuses[c.old_status], statuses[c.new_status],
             _followed_text(c, lang, comparison) if opened else _evidence_text(c.new_evidence, lang, comparison))
            for c in changes]


def _taken_rows(taken: tuple[TakenUp, ...], lang: str,
                comparison: DraftComparison) -> list[tuple[str, str, str, str]]:
    return [(t.recommendation, t.issue_ru if lang == "ru" else t.issue, ", ".join(t.criteria),
             _evidence_text(t.evidence, lang, comparison)) for t in taken]


# --- Markdown ------------------------------------------------------------------------------------------------


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>~|#"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL)


_LIST_MARKER = re.compile(r"^(\s*\d+)([.)])")


def _md_piece(op: DiffOp, text: str) -> str:
    if op == "equal":
        return _md(text)
    # spacing stays outside the tags so that "<ins>word</ins> next" reads as it should
    core = text.strip()
    if not core:
        return text
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    tag = "ins" if op == "insert" else "del"
    return f"{lead}<{tag}>{_md(core)}</{tag}>{trail}"


def _md_body(segments: tuple[DiffSegment, ...]) -> list[str]:
    """The diff as Markdown paragraphs: a source line per line (hard breaks), a blank source line between
    paragraphs."""
    paragraphs: list[list[str]] = [[]]
    for line in _diff_lines(segments):
        if line:
            text = "".join(_md_piece(op, text) for op, text in line)
            # "1." and "1)" are the draft's own numbering, not a Markdown list that would renumber them
            paragraphs[-1].append(_LIST_MARKER.sub(r"\1\\\2", text))
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("  \n".join(p) for p in paragraphs if p).split("\n")


def _md_table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_md(cell).replace("\n", "<br>") for cell in row) + " |" for row in rows]
    return [*lines, ""]


@safe_text
def write_markdown(path: Path, comparison: DraftComparison, changes: ReviewChanges | None = None,
                   lang: str = "en") -> Path:
    """The comparison as Markdown: counts, then each added, removed, moved or changed article's word diff."""
    t = TEXT[_lang(lang)]
    out = [f"# {t['title']}", "", f"- **{t['old']}:** {_md(_draft_line(comparison.old, lang))}",
           f"- **{t['new']}:** {_md(_draft_line(comparison.new, lang))}", "", f"## {t['summary']}", ""]
    out += _md_table((t["change"], t["count"]),
                     [(COUNT_NAMES[lang][name], str(n)) for name, n in comparison.counts().items()])
    renumbered = _renumbered_only(comparison, lang)
    if renumbered:
        out += [f"**{t['renumbered_only']}:** {_md(renumbered)}", ""]
    if changes is not None:
        out += _md_review(changes, lang, comparison)
    changed = list(iter_changed(comparison))
    if changed:
        out += [f"## {t['details']}", "", f"_{t['legend']}_", ""]
    for change in changed:
        out += [f"### {_md(article_heading(change, lang, comparison))}", ""]
        note = _container_note(change, lang)
        extra = f" {_md(note)}" if note else ""
        if change.old and change.new:
            out += [f"_{t['similarity']}: {change.similarity:.3f}_.{extra}", ""]
        out += [*_md_body(change.segments), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _md_review(changes: ReviewChanges, lang: str, comparison: DraftComparison) -> list[str]:
    t = TEXT[lang]
    kb = load()
    out = [f"## {t['review']}", ""]
    head = (t["criterion"], t["area"], t["before"], t["after"])
    for key, items, opened in (("closed", changes.closed, False), ("opened", changes.opened, True)):
        out += [f"### {t[key]}", ""]
        if items:
            out += _md_table((*head, t["was_evidence"] if opened else t["evidence"]),
                             list(_criterion_rows(items, kb, lang, opened, comparison)))
        else:
            out += [t["none"], ""]
    out += [f"### {t['taken_up']}", ""]
    if changes.taken_up:
        out += _md_table((t["recommendation"], t["issue"], t["criterion"], t["evidence"]),
                         list(_taken_rows(changes.taken_up, lang, comparison)))
    else:
        out += [t["none"], ""]
    return out


# --- Word ----------------------------------------------------------------------------------------------------


@safe_text
def write_docx(path: Path, comparison: DraftComparison, changes: ReviewChanges | None = None, lang: str = "en",
               template_dir: Path | None = None) -> Path:
    """The comparison in Word: a table of counts, then one section per added, removed, moved or changed article,
    insertions underlined in green, deletions struck through in red."""
    from docx.shared import Cm, Pt

    t = TEXT[_lang(lang)]
    document = base_document(template_dir)
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(t["title"], level=1)
    for key, info in (("old", comparison.old), ("new", comparison.new)):
        para = document.add_paragraph()
        para.add_run(f"{t[key]}: ").bold = True
        para.add_run(_draft_line(info, lang))
    document.add_heading(t["summary"], level=2)
    table = add_table(document, (t["change"], t["count"]), (Cm(8), Cm(3)))
    for name, count in comparison.counts().items():
        cells = table.add_row().cells
        cells[0].text, cells[1].text = COUNT_NAMES[lang][name], str(count)
    renumbered = _renumbered_only(comparison, lang)
    if renumbered:
        para = document.add_paragraph()
        para.add_run(f"{t['renumbered_only']}: ").bold = True
        para.add_run(renumbered)
    if changes is not None:
        _docx_review(document, changes, lang, comparison)
    changed = list(iter_changed(comparison))
    if changed:
        document.add_heading(t["details"], level=2)
        document.add_paragraph().add_run(t["legend"]).italic = True
    for change in changed:
        document.add_heading(article_heading(change, lang, comparison), level=3)
        note = _container_note(change, lang)
        if change.old and change.new:
            info = document.add_paragraph().add_run(f"{t['similarity']}: {change.similarity:.3f}. {note}".strip())
            info.italic = True
        for line in _diff_lines(change.segments):
            if not line:
                continue
            add_diff_runs(document.add_paragraph(), line)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _docx_review(document: Any, changes: ReviewChanges, lang: str, comparison: DraftComparison) -> None:
    from docx.shared import Cm

    t = TEXT[lang]
    kb = load()
    document.add_heading(t["review"], level=2)
    head = (t["criterion"], t["area"], t["before"], t["after"])
    widths = (Cm(3.2), Cm(3.4), Cm(2.2), Cm(2.2), Cm(5.5))
    for key, items, opened in (("closed", changes.closed, False), ("opened", changes.opened, True)):
        document.add_heading(t[key], level=3)
        if not items:
            document.add_paragraph(t["none"])
            continue
        table = add_table(document, (*head, t["was_evidence"] if opened else t["evidence"]), widths)
        for row in _criterion_rows(items, kb, lang, opened, comparison):
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    document.add_heading(t["taken_up"], level=3)
    if not changes.taken_up:
        document.add_paragraph(t["none"])
        return
    table = add_table(document, (t["recommendation"], t["issue"], t["criterion"], t["evidence"]),
                      (Cm(2.4), Cm(7), Cm(3.3), Cm(3.8)))
    for row in _taken_rows(changes.taken_up, lang, comparison):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


# --- JSON ----------------------------------------------------------------------------------------------------


def _change_json(change: ArticleChange) -> dict[str, Any]:
    data = asdict(change)
    data["segments"] = [{"op": s.op, "text": s.text} for s in change.segments]
    return data


def _criterion_json(change: CriterionChange) -> dict[str, Any]:
    return {"criterion": change.criterion, "area": change.area, "old_status": change.old_status,
            "new_status": change.new_status, "old_evidence": list(change.old_evidence),
            "followed": list(change.followed), "in_new_text": change.in_new_text,
            "new_evidence": [asdict(e) for e in change.new_evidence]}


def _taken_json(taken: TakenUp) -> dict[str, Any]:
    return {"recommendation": taken.recommendation, "issue": taken.issue, "issue_ru": taken.issue_ru,
            "criteria": list(taken.criteria), "target": taken.target, "followed_target": taken.followed_target,
            "risks_resolved": list(taken.risks_resolved), "in_new_text": taken.in_new_text,
            "evidence": [asdict(e) for e in taken.evidence]}


def write_json(path: Path, comparison: DraftComparison, changes: ReviewChanges | None = None) -> Path:
    """The comparison as JSON in the structure of the module docstring (UTF-8, Cyrillic kept readable)."""
    review = None if changes is None else {
        "closed": [_criterion_json(c) for c in changes.closed],
        "opened": [_criterion_json(c) for c in changes.opened],
        "taken_up": [_taken_json(t) for t in changes.taken_up],
    }
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "old": asdict(comparison.old),
        "new": asdict(comparison.new),
        "counts": dict(comparison.counts().items()),
        "articles": [_change_json(c) for c in comparison.articles],
        "id_map": dict(comparison.id_map),
        "review_changes": review,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
