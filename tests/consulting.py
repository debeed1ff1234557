"""Helpers for consultation tests: answer an exported file the way ministry staff would (in Excel or Word), and
write a second version of the sample draft."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any


def answer_xlsx(exported: Path, out: Path, answers: dict[str, tuple[str, str]]) -> Path:
    """Fill Decision and Comment for the given recommendation ids, as someone would in Excel."""
    from openpyxl import load_workbook

    wb = load_workbook(str(exported))
    ws = form_sheet(wb)
    id_at, decision_at, comment_at = (excel_column(ws, column) for column in ("id", "decision", "comment"))
    for row in ws.iter_rows(min_row=2):
        rid = row[id_at].value
        if rid in answers:
            row[decision_at].value, row[comment_at].value = answers[rid]
    wb.save(str(out))
    return out


def form_sheet(wb: Any) -> Any:
    """The sheet of recommendations of an Excel form, wherever someone moved it among the workbook's sheets."""
    return next(ws for ws in wb.worksheets if ws.title in {"Recommendations", "Рекомендации"})


def excel_column(ws: Any, column: str) -> int:
    """Where a column of an Excel form is (0-based), found by its heading in either language."""
    from crlens.consult.rounds import HEADERS

    headings = [cell.value for cell in ws[1]]
    return next(i for i, heading in enumerate(headings) if heading in {HEADERS[lang][column] for lang in HEADERS})


def drop_excel_columns(exported: Path, out: Path, columns: tuple[str, ...]) -> Path:
    """An Excel form from which someone, having switched off the sheet's protection, deleted some columns."""
    from openpyxl import load_workbook

    wb = load_workbook(str(exported))
    ws = form_sheet(wb)
    for at in sorted((excel_column(ws, column) for column in columns), reverse=True):
        ws.delete_cols(at + 1)
    wb.save(str(out))
    return out


def insert_excel_column(exported: Path, out: Path, before: str, heading: str, value: str) -> Path:
    """An Excel form into which someone inserted a column of their own (a department, a second comment)."""
    from openpyxl import load_workbook

    wb = load_workbook(str(exported))
    ws = form_sheet(wb)
    at = excel_column(ws, before) + 1
    ws.insert_cols(at)
    ws.cell(row=1, column=at, value=heading)
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=at, value=value)
    wb.save(str(out))
    return out


def add_excel_sheet_in_front(exported: Path, out: Path) -> Path:
    """An Excel form to which someone added a sheet of their own before the recommendations."""
    from openpyxl import load_workbook

    wb = load_workbook(str(exported))
    notes = wb.create_sheet("Notes", 0)
    notes.append(["Ministry notes"])
    notes.append(["rec-001", "to discuss"])
    wb.active = 0
    wb.save(str(out))
    return out


def answer_docx(exported: Path, out: Path, answers: dict[str, tuple[str, str]]) -> Path:
    """Fill Decision and Comment for the given recommendation ids, as someone would in Word."""
    from docx import Document

    document = Document(str(exported))
    table = document.tables[0]
    decision_at, comment_at = (word_column(table, column) for column in ("decision", "comment"))
    for row in table.rows[1:]:
        rid = row.cells[0].text.strip()
        if rid in answers:
            decision, comment = answers[rid]
            row.cells[decision_at].paragraphs[0].add_run(decision)
            row.cells[comment_at].paragraphs[0].add_run(comment)
    document.save(str(out))
    return out


def answer_docx_tracked(exported: Path, out: Path, answers: dict[str, tuple[str, str]],
                        crossed_out: dict[str, str] | None = None) -> Path:
    """Fill Decision and Comment as someone would in Word with Track Changes on: each answer is a tracked
    insertion (``w:ins`` with its author and date); ``crossed_out`` gives a decision typed first and then
    deleted, still tracked (``w:del``), in front of the one that stands."""
    from docx import Document

    from makefiles import track

    document = Document(str(exported))
    table = document.tables[0]
    decision_at, comment_at = (word_column(table, column) for column in ("decision", "comment"))
    number = 100
    for row in table.rows[1:]:
        rid = row.cells[0].text.strip()
        if rid not in answers:
            continue
        decision, comment = answers[rid]
        if crossed_out and rid in crossed_out:
            track(row.cells[decision_at].paragraphs[0].add_run(crossed_out[rid]), "del", number := number + 1)
        for at, text in ((decision_at, decision), (comment_at, comment)):
            if text:
                track(row.cells[at].paragraphs[0].add_run(text), "ins", number := number + 1)
    document.save(str(out))
    return out


def edit_docx_tracked(exported: Path, out: Path, rid: str, column: str, change: str) -> Path:
    """Change a protected cell of a Word form with Track Changes on: ``"del"`` deletes its text (the run goes
    into ``w:del``), ``"ins"`` inserts words after it (``w:ins``)."""
    from docx import Document

    from makefiles import track

    document = Document(str(exported))
    table = document.tables[0]
    row = next(row for row in table.rows[1:] if row.cells[0].text.strip() == rid)
    paragraph = row.cells[word_column(table, column)].paragraphs[0]
    if change == "del":
        for number, run in enumerate(paragraph.runs, start=200):
            track(run, "del", number)
    else:
        track(paragraph.add_run(" Except for small platforms."), "ins", 200)
    document.save(str(out))
    return out


def word_column(table: Any, column: str) -> int:
    """Where a column of a Word form is, found by its heading in either language (forms of several layouts are
    in use)."""
    from crlens.consult.rounds import HEADERS

    headings = [cell.text.strip() for cell in table.rows[0].cells]
    return next(i for i, heading in enumerate(headings) if heading in {HEADERS[lang][column] for lang in HEADERS})


def edit_xlsx_cell(exported: Path, out: Path, cell: str, value: str) -> Path:
    """Change any cell (e.g. a protected one), as someone who switched off sheet protection could."""
    from openpyxl import load_workbook

    wb = load_workbook(str(exported))
    form_sheet(wb)[cell] = value
    wb.save(str(out))
    return out


NEW_ARTICLE = ("Статья 8. Методическая помощь субъектам малого предпринимательства\n\n"
               "1. Уполномоченный орган оказывает методическую помощь субъектам малого предпринимательства "
               "при переходе на электронный документооборот.\n\n")
CHILD_CONSULTATION = ("3. Государственные органы при разработке нормативных правовых актов и государственных "
                      "цифровых услуг, затрагивающих детей, проводят консультации с детьми в формах, "
                      "соответствующих их возрасту, и надлежащим образом учитывают их мнение.\n4. ")
HUMAN_REVIEW = ("4. Решение, затрагивающее интересы ребенка, не принимается исключительно автоматизированным "
                "способом: его рассматривает и утверждает уполномоченное должностное лицо. Законный представитель "
                "ребенка информируется об основных причинах решения и вправе потребовать его пересмотра "
                "должностным лицом.")


def draft_version_2(sample_ru: Path, out: Path) -> Path:
    """The Russian sample with a new Article 8 (so later articles are renumbered: old 16 is new 17, old 42 is
    new 43), children consulted on digital acts (closes general-principles-05) and human review of automated
    decisions about children (closes ai-02)."""
    text = sample_ru.read_text(encoding="utf-8")
    text = text.replace("3. При уполномоченном органе в сфере цифровизации создается общественный совет",
                        CHILD_CONSULTATION + "При уполномоченном органе в сфере цифровизации создается "
                                             "общественный совет", 1)
    text = re.sub(r"^4\. Автоматизированное решение имеет ту же юридическую силу.*$", HUMAN_REVIEW, text,
                  count=1, flags=re.M)
    out.write_text(with_new_article(text, 8, NEW_ARTICLE), encoding="utf-8")
    return out


def with_new_article(text: str, number: int, article: str) -> str:
    """``text`` with ``article`` inserted as Article ``number``: that article and every later one renumbered up by
    one ("Статья 8." becomes "Статья 9.", "Статья 8-1." "Статья 9-1.")."""

    def renumber(match: re.Match[str]) -> str:
        found = int(match.group(1))
        return f"Статья {found + 1 if found >= number else found}{match.group(2) or ''}."

    text = re.sub(r"^Статья (\d+)(-\d+)?\.", renumber, text, flags=re.M)
    return re.sub(rf"^(?=Статья {number + 1}\.)", lambda _: article, text, count=1, flags=re.M)


def drop_word_columns(exported: Path, out: Path, columns: tuple[str, ...]) -> Path:
    """A Word form without some of its columns: the layout of forms written before those columns were added."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(str(exported))
    table = document.tables[0]
    grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
    for at in sorted((word_column(table, column) for column in columns), reverse=True):
        table._tbl.tblGrid.remove(grid[at])
        for row in table.rows:
            row._tr.remove(row._tr.findall(qn("w:tc"))[at])
    document.save(str(out))
    return out


def rename_word_headings(exported: Path, out: Path, headings: dict[str, str]) -> Path:
    """A Word form whose column headings read as they did in an earlier wording (column -> heading)."""
    from docx import Document

    document = Document(str(exported))
    table = document.tables[0]
    for column, heading in headings.items():
        runs = table.rows[0].cells[word_column(table, column)].paragraphs[0].runs
        for run in runs:
            run.text = ""
        runs[-1].text = heading  # the bold one
    document.save(str(out))
    return out


CSAM_ARTICLE = ("Статья 6. Удаление материалов сексуального насилия над детьми\n\n"
                "1. Оператор онлайн-платформы удаляет материалы сексуального насилия над детьми в течение "
                "двадцати четырех часов с момента получения уведомления уполномоченного органа.\n\n")


@functools.lru_cache(maxsize=8)
def key_of(draft: Path, criterion: str) -> str:
    """The id a project made from ``draft`` gives the recommendation on ``criterion``: ids follow the draft's
    order and change when the engine places a recommendation elsewhere, so tests name it by what it is about."""
    from crlens.analysis.engine import review_document
    from crlens.ingest import parse_file

    return next(r.id for r in review_document(parse_file(draft)).recommendations if criterion in r.criteria)


MOVED_TO_ARTICLE_6 = "safety-04"
"""The criterion whose recommendation on the sample's old Article 41 :func:`draft_with_new_article_6` moves (and
changes) to the new Article 6."""


def draft_with_new_article_6(sample_ru: Path, out: Path) -> Path:
    """The Russian sample with a new Article 6 on removing child sexual abuse material, and every later article
    renumbered (old 6 is new 7, old 41 is new 42); nothing else changes. The engine then proposes its hotline
    and age-labelling paragraphs for the new article instead of old Article 41."""
    out.write_text(with_new_article(sample_ru.read_text(encoding="utf-8"), 6, CSAM_ARTICLE), encoding="utf-8")
    return out
