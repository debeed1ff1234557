"""A recommendation the ministry rejected in a consultation round: the final amendments table marks it, in the
words the gap table uses at its row, in English and Russian."""

from __future__ import annotations

import docx
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.cli import app
from crlens.ingest import parse_file

runner = CliRunner()
MARK = {"en": "Rejected by the ministry (consultation round 1)",
        "ru": "Отклонена министерством (раунд консультаций 1)"}
COMMENT = "The Code on Children covers this."
SAID = {"en": f"Aigerim: “{COMMENT}”", "ru": f"Aigerim: «{COMMENT}»"}


@pytest.fixture(scope="module")
def chosen(sample_ru):
    """The recommendations the ministry answers: two it rejects and one it accepts."""
    ids = [r.id for r in review_document(parse_file(sample_ru)).recommendations]
    return {"priority": ids[0], "other": ids[1], "accepted": ids[2]}


@pytest.fixture(scope="module")
def final(tmp_path_factory, sample_ru, chosen):
    """Project 'kz' (the Russian sample) after round 1, in which Aigerim rejected two recommendations and accepted
    a third, and its final deliverables in Word, Excel and PDF."""
    from consulting import answer_xlsx

    folder = tmp_path_factory.mktemp("rejected")
    db = f"sqlite:///{folder / 'crlens.db'}"

    def crlens(*args):
        result = runner.invoke(app, [*map(str, args), "--db", db])
        assert result.exit_code == 0, result.output

    crlens("project", "init", "kz", "--draft", sample_ru, "--by", "reviewer")
    crlens("consult", "export", "--round", "1", "--out", folder / "round1.xlsx")
    answer_xlsx(folder / "round1.xlsx", folder / "answers.xlsx",
                {chosen["priority"]: ("reject", COMMENT), chosen["other"]: ("reject", COMMENT),
                 chosen["accepted"]: ("accept", "Agreed.")})
    crlens("consult", "import", folder / "answers.xlsx", "--round", "1", "--by", "Aigerim")
    crlens("project", "report", "--out", folder / "final", "--formats", "docx,xlsx,pdf")
    return folder / "final"


@pytest.fixture(scope="module")
def final_review(final):
    return Review.read(final / "review.json")


def _proposed(review: Review, rec_id: str, lang: str) -> str:
    rec = next(r for r in review.recommendations if r.id == rec_id)
    return rec.amendment.proposed_text.ru if lang == "ru" else rec.amendment.proposed_text.en


def _amendment_cells(final, suffix: str) -> dict[str, str]:
    """The proposed-text cell of each row of the Excel amendments table, by the id in its hidden column."""
    ws = load_workbook(final / f"amendments{suffix}.xlsx").active
    return {ws.cell(row=r, column=5).value: ws.cell(row=r, column=3).value for r in range(2, ws.max_row + 1)}


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_the_excel_amendments_table_marks_a_rejected_recommendation_before_its_proposed_text(
        final, final_review, chosen, suffix, lang):
    cell = _amendment_cells(final, suffix)[chosen["priority"]]
    assert cell == f"{MARK[lang]}: {SAID[lang]}\n\n{_proposed(final_review, chosen['priority'], lang)}"


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_the_excel_amendments_table_leaves_an_accepted_recommendation_unmarked(
        final, final_review, chosen, suffix, lang):
    cell = _amendment_cells(final, suffix)[chosen["accepted"]]
    assert cell == _proposed(final_review, chosen["accepted"], lang)


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_the_word_amendments_table_marks_a_rejected_recommendation_in_bold_before_its_proposed_text(
        final, final_review, chosen, suffix, lang):
    proposed = _proposed(final_review, chosen["priority"], lang)
    table = docx.Document(str(final / f"amendments{suffix}.docx")).tables[0]
    [cell] = [row.cells[2] for row in table.rows[1:] if row.cells[2].text.endswith(proposed)]
    first, *rest = cell.paragraphs
    assert first.text == f"{MARK[lang]}: {SAID[lang]}"
    assert all(run.bold for run in first.runs)
    assert "\n".join(p.text for p in rest) == proposed
