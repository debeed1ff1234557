"""A recommendation the ministry rejected in a consultation round: the final amendments table and the policy brief
mark it, in the words the gap table uses at its row, in English and Russian."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from typer.testing import CliRunner

from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.cli import app
from crlens.consult.log import Answer, ConsultationLog, Entry, RoundLog
from crlens.ingest import parse_file
from crlens.knowledge.loader import load
from crlens.report import brief

runner = CliRunner()
MARK = {"en": "Rejected by the ministry (consultation round 1)",
        "ru": "Отклонена министерством (раунд консультаций 1)"}
COMMENT = "The Code on Children covers this."
SAID = {"en": f"Aigerim: “{COMMENT}”", "ru": f"Aigerim: «{COMMENT}»"}


@pytest.fixture(scope="module")
def chosen(sample_ru):
    """The recommendations the ministry answers: the first priority recommendation of the brief (rejected), one
    the brief does not list (rejected) and one it does not list either (accepted)."""
    review = review_document(parse_file(sample_ru))
    listed = [r.id for r in brief.build(review, "en").recommendations]
    others = [r.id for r in review.recommendations if r.id not in listed]
    return {"priority": listed[0], "other": others[0], "accepted": others[1]}


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


def _names_paragraph(text: str, paragraph: int, article: str, here: str = "") -> bool:
    """Whether a Russian text refers to that paragraph of the article, alone, in a list or in a run («пунктами
    6–9 статьи 38»); in the text of that article itself (``here``), also «пунктами 6–9 настоящей статьи»."""
    own = "|настоящей статьи" if here == f"art:{article}" else ""
    for run in re.findall(rf"пункт(?:ом|ами) ([\d, и–]+?) (?:статьи {re.escape(article)}\b{own})", text):
        for part in re.split(r", | и ", run):
            ends = [int(n) for n in part.split("–")]
            if ends[0] <= paragraph <= ends[-1]:
                return True
    return False


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


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_the_gap_table_the_amendments_table_and_the_brief_mark_a_rejection_in_the_same_words(
        final, chosen, suffix, lang):
    ws = load_workbook(final / f"gap-table{suffix}.xlsx").active
    gap = next(ws.cell(row=r, column=3).value for r in range(2, ws.max_row + 1)
               if ws.cell(row=r, column=5).value == chosen["priority"])
    amendment = _amendment_cells(final, suffix)[chosen["priority"]]
    word = "\n".join(p.text for p in docx.Document(str(final / f"policy-brief{suffix}.docx")).paragraphs)
    status = f"{MARK[lang]}: {SAID[lang]}\n"
    assert gap.startswith(status) and amendment.startswith(status)
    assert f"{MARK[lang]}." in word


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_the_word_brief_marks_a_rejected_priority_recommendation_at_its_item(
        final, final_review, chosen, suffix, lang):
    """The brief names the round but not the people or their words: it goes beyond the ministry's staff, and its
    five pages hold the recommendation, not the discussion (the tables and the annex keep it)."""
    item = next(i for i in brief.build(final_review, lang).recommendations if i.id == chosen["priority"])
    paragraphs = docx.Document(str(final / f"policy-brief{suffix}.docx")).paragraphs
    [para] = [p for p in paragraphs if p.style.name == "List Number" and item.text in p.text]
    assert para.text.startswith(f"{item.where}: {MARK[lang]}. {item.text}")
    assert [run.bold for run in para.runs[:2]] == [True, True] and COMMENT not in para.text


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_the_pdf_brief_marks_a_rejected_priority_recommendation_at_its_item(
        final, final_review, chosen, suffix, lang):
    item = next(i for i in brief.build(final_review, lang).recommendations if i.id == chosen["priority"])
    pdf = PdfReader(str(final / f"policy-brief{suffix}.pdf"))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert f"{item.where}: {MARK[lang]}. {' '.join(item.text.split())}" in text


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_the_brief_marks_no_priority_recommendation_the_ministry_did_not_reject(final, final_review, chosen,
                                                                               suffix, lang):
    items = brief.build(final_review, lang).recommendations
    marked = [i for i in docx.Document(str(final / f"policy-brief{suffix}.docx")).paragraphs
              if i.style.name == "List Number" and MARK[lang] in i.text]
    assert len(items) > 1 and len(marked) == 1


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_the_brief_counts_the_rejected_recommendations_it_does_not_list_by_area(
        final, final_review, chosen, suffix, lang):
    area = next(r.areas[0] for r in final_review.recommendations if r.id == chosen["other"])
    title = load().areas[area].title.get(lang)
    expected = {
        "en": f"Recommendations rejected by the ministry and not listed above: 1 (consultation round 1). "
              f"By area: {title} (1). The gap table and the amendments table mark each of them.",
        "ru": f"Рекомендаций, отклоненных министерством и не приведенных выше: 1 (раунд консультаций 1). "
              f"По направлениям: {title} (1). Каждая из них отмечена в таблице пробелов и в таблице поправок.",
    }[lang]
    paragraphs = [p.text for p in docx.Document(str(final / f"policy-brief{suffix}.docx")).paragraphs]
    assert expected in paragraphs
    pdf = PdfReader(str(final / f"policy-brief{suffix}.pdf"))
    assert expected in " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


@pytest.fixture(scope="module")
def all_rejected(sample_ru):
    """The sample's review and a consultation log in which the ministry rejected every recommendation with a
    long comment: the most a brief is asked to say about rejections."""
    review = review_document(parse_file(sample_ru))
    now = datetime(2026, 11, 1, tzinfo=UTC)
    comment = "The ministry considers that this matter is regulated by other legislation. " * 4
    entries = [Entry(key=r.id, issue=r.issue, issue_ru=r.ru.issue, state="rejected",
                     answers=[Answer("Aigerim", "reject", comment, 1, now)], changes=[])
               for r in review.recommendations]
    log = ConsultationLog("kz", [], [RoundLog(1, 1, now, now, ["Aigerim"], entries)],
                          {r.id: "rejected" for r in review.recommendations})
    return review, log


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_pdf_brief_with_every_recommendation_rejected_stays_within_five_pages(all_rejected, tmp_path, lang):
    review, log = all_rejected
    path = brief.write_pdf(review, tmp_path / "brief.pdf", lang, log=log)
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert MARK[lang] in " ".join(text.split())
    assert len(PdfReader(str(path)).pages) <= 5


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_word_brief_with_every_recommendation_rejected_stays_within_five_pages(all_rejected, tmp_path, lang):
    review, log = all_rejected
    path = brief.write_docx(review, tmp_path / "brief.docx", lang, log=log)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    assert len(PdfReader(str(tmp_path / "brief.pdf")).pages) <= 5


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Its proposed text refers to the rule of {}, which the ministry rejected: the reference is to be "
           "revised"),
    ("ru", "Предлагаемая редакция ссылается на норму рекомендации {}, отклоненной министерством: ссылка подлежит "
           "уточнению"),
])
def test_a_row_whose_text_refers_to_a_rejected_rule_says_so_in_both_tables(sample_ru, lang, expected):
    """The ministry rejects the impact assessment of the sample's Article 38(8) (crdd-01). The tables keep its
    row, marked, and the numbers of every row; the rows whose texts refer to "the assessment provided for in
    Article 38(8)" say that the reference must be revised before they are taken, and only those rows."""
    from crlens.report import amendments, gap_table

    review = review_document(parse_file(sample_ru))
    [assessment] = [r for r in review.recommendations if r.criteria == ["crdd-01"]]
    log = ConsultationLog(project="p", drafts=[], rounds=[], states={assessment.id: "rejected"})
    referring = {r.id for r in review.recommendations
                 if _names_paragraph(r.amendment.proposed_text.ru, 8, "38", r.amendment.target)
                 and r.id != assessment.id}
    assert len(referring) >= 3
    line = expected.format(assessment.id)
    in_amendments = {row.id for row in amendments.rows(review, lang, log) if row.status == line}
    in_gap_table = {row.id for section in gap_table.sections(review, lang, log=log) for row in section.rows
                    if row.status == line}
    assert in_amendments == in_gap_table == referring


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Its proposed text uses “content”, which {} was to define and the ministry rejected: the term is to be "
           "defined"),
    ("ru", "Предлагаемая редакция использует понятие «контент», определение которого содержалось в рекомендации "
           "{}, отклоненной министерством: понятие подлежит определению"),
])
def test_a_row_whose_text_uses_a_term_only_a_rejected_recommendation_defined_says_so(corpus, lang, expected):
    """The ministry rejects the definition of a child in the Kazakh Digital Code, the recommendation that also
    defines the terms the other texts use and the Code has no word for ("content"). Each row that uses
    "content" says that the term must be defined before it is taken, in both tables."""
    from crlens.report import amendments, gap_table

    path = corpus / "kz-digital-code-2026-ru.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    review = review_document(parse_file(path))
    [definitions] = [r for r in review.recommendations if r.defined_terms]
    [content] = [t for t in definitions.defined_terms if t.term_en == "content"]
    log = ConsultationLog(project="p", drafts=[], rounds=[], states={definitions.id: "rejected"})
    line = expected.format(definitions.id)
    in_amendments = {row.id for row in amendments.rows(review, lang, log) if line in (row.status or "")}
    in_gap_table = {row.id for section in gap_table.sections(review, lang, log=log) for row in section.rows
                    if line in (row.status or "")}
    assert len(content.used_in) >= 10
    assert in_amendments == in_gap_table == set(content.used_in) - {definitions.id}
