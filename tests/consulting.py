"""Helpers for consultation tests: answer an exported file the way ministry staff would (in Excel or Word), and
write a second version of the sample draft."""

from __future__ import annotations

import re
from pathlib import Path


def answer_xlsx(exported: Path, out: Path, answers: dict[str, tuple[str, str]]) -> Path:
    """Fill Decision and Comment for the given recommendation ids, as someone would in Excel."""
    from openpyxl import load_workbook

    wb = load_workbook(str(exported))
    ws = wb.worksheets[0]
    for row in ws.iter_rows(min_row=2):
        rid = row[0].value
        if rid in answers:
            row[9].value, row[10].value = answers[rid]
    wb.save(str(out))
    return out


def answer_docx(exported: Path, out: Path, answers: dict[str, tuple[str, str]]) -> Path:
    """Fill Decision and Comment for the given recommendation ids, as someone would in Word."""
    from docx import Document

    document = Document(str(exported))
    for row in document.tables[0].rows[1:]:
        rid = row.cells[0].text.strip()
        if rid in answers:
            decision, comment = answers[rid]
            row.cells[4].paragraphs[0].add_run(decision)
            row.cells[5].paragraphs[0].add_run(comment)
    document.save(str(out))
    return out


def edit_xlsx_cell(exported: Path, out: Path, cell: str, value: str) -> Path:
    """Change any cell (e.g. a protected one), as someone who switched off sheet protection could."""
    from openpyxl import load_workbook

    wb = load_workbook(str(exported))
    wb.worksheets[0][cell] = value
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

    def renumber(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return f"Статья {number + 1 if number >= 8 else number}{match.group(2) or ''}."

    text = re.sub(r"^Статья (\d+)(-\d+)?\.", renumber, text, flags=re.M)
    text = text.replace("Статья 9.", NEW_ARTICLE + "Статья 9.", 1)
    out.write_text(text, encoding="utf-8")
    return out
