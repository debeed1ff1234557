"""The redline among a project's final deliverables: after the consultation rounds, `crlens project report` writes
the Word draft the newest version was made from (as the project stored it) with the recommendations as they stand
as tracked changes: revised texts as revised, none the ministry rejected or the reviewer withdrew."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from consulting import answer_xlsx, draft_version_2
from crlens.analysis.review import Review
from crlens.cli import app
from crlens.store.database import Store
from drafts import list_supplement
from makefiles import accepted_text, make_docx, rejected_text

runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REJECTED, ACCEPTED, REVISED, WITHDRAWN = "rec-001", "rec-003", "rec-007", "rec-004"
REVISED_TEXT = ("6. Оператор не применяет автоматизированное профилирование ребенка, не достигшего шестнадцати "
                "лет, для показа рекламы.")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, sample_ru: Path) -> tuple[Path, Path, Path]:
    """Project 'kz' started from the Russian sample as a Word file: in round 1 Aigerim rejects one recommendation
    and accepts another; the reviewer revises a third's Russian proposed text and withdraws a fourth; then a
    second draft version arrives, as a Word file too (a new Article 8 renumbers the later ones), and the final
    deliverables are written. The folder of the final deliverables, and the two Word drafts."""
    folder = tmp_path_factory.mktemp("final-redline")
    db = f"sqlite:///{folder / 'crlens.db'}"

    def crlens(*args: str | Path) -> str:
        result = runner.invoke(app, [*map(str, args), "--db", db])
        assert result.exit_code == 0, result.output
        return result.output

    lines = sample_ru.read_text(encoding="utf-8").splitlines()
    first = make_docx(lines, folder / "draft-v1.docx")
    crlens("project", "init", "kz", "--draft", first, "--by", "Reviewer")
    crlens("consult", "export", "--round", "1", "--out", folder / "round1.xlsx")
    answer_xlsx(folder / "round1.xlsx", folder / "answers.xlsx",
                {REJECTED: ("reject", "The Code on Children covers this."), ACCEPTED: ("accept", "Agreed.")})
    crlens("consult", "import", folder / "answers.xlsx", "--round", "1", "--by", "Aigerim")
    (folder / "revised.txt").write_text(REVISED_TEXT, encoding="utf-8")
    crlens("rec", "revise", REVISED, "--text-file", folder / "revised.txt", "--lang", "ru", "--reason",
           "Age 16, as the ministry asked", "--by", "Reviewer")
    crlens("rec", "withdraw", WITHDRAWN, "--reason", "Covered by another recommendation", "--by", "Reviewer")
    crlens("consult", "close", "--round", "1")
    second_text = draft_version_2(sample_ru, folder / "draft-v2.txt").read_text(encoding="utf-8")
    second = make_docx(second_text.splitlines(), folder / "draft-v2.docx")
    crlens("project", "add-draft", second, "--by", "Reviewer")
    assert f"{REJECTED}\trejected" in crlens("rec", "list")
    crlens("project", "report", "--out", folder / "final", "--formats", "md")
    return folder / "final", first, second


def inserted_text(path: Path) -> str:
    return "".join(t.text or "" for t in docx.Document(str(path)).element.body.iterfind(f".//{W}ins//{W}t"))


def commented(path: Path) -> set[str]:
    return {c.text.split(":", 1)[0] for c in docx.Document(str(path)).comments}


def test_the_final_deliverables_include_the_redline_of_a_word_draft(project: tuple[Path, Path, Path]) -> None:
    final, _first, _second = project
    assert (final / "amendments-redline.docx").is_file()


def test_the_final_redline_is_the_newest_draft_versions_word_file(project: tuple[Path, Path, Path]) -> None:
    final, first, second = project
    kept = [rejected_text(p._p) for p in docx.Document(str(final / "amendments-redline.docx")).paragraphs
            if not p._p.findall(f"./{W}pPr/{W}rPr/{W}ins")]
    assert kept == [p.text for p in docx.Document(str(second)).paragraphs]
    assert kept != [p.text for p in docx.Document(str(first)).paragraphs]


def test_the_final_redline_leaves_out_rejected_and_withdrawn_recommendations(
        project: tuple[Path, Path, Path]) -> None:
    final, _first, _second = project
    marked = commented(final / "amendments-redline.docx")
    assert REJECTED not in marked and WITHDRAWN not in marked
    on_the_table = {r.id for r in Review.read(final / "review.json").recommendations}
    assert marked == on_the_table - {REJECTED}
    assert ACCEPTED in marked


def test_the_final_redline_inserts_a_revised_text_as_revised(project: tuple[Path, Path, Path]) -> None:
    final, _first, _second = project
    path = final / "amendments-redline.docx"
    assert REVISED in commented(path)
    assert REVISED_TEXT in inserted_text(path)


def test_a_project_whose_newest_draft_is_not_a_word_file_gets_no_redline_and_is_told(store: Store,
                                                                                    tmp_path: Path) -> None:
    result = runner.invoke(app, ["project", "report", "--out", str(tmp_path / "final"), "--formats", "md",
                                 "--db", store.url])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "final" / "amendments-redline.docx").exists()
    assert ("note: no redline: draft version 1 (draft-digital-code.ru.txt) is not a Word file"
            in " ".join(result.output.split()))


def test_the_final_redline_names_in_itself_the_amendments_crlens_project_report_notes(sample_ru: Path,
                                                                                      tmp_path: Path) -> None:
    """A Word draft without recognisable articles (a concept note, say) leaves every amendment without a place: a
    lawyer who opens only the redline reads which at its end, as the command line's note says."""
    lines = [line for line in sample_ru.read_text(encoding="utf-8").splitlines()[:80]
             if not line.startswith("Статья")]
    concept = make_docx(lines, tmp_path / "concept.docx")
    db = f"sqlite:///{tmp_path / 'crlens.db'}"
    assert runner.invoke(app, ["project", "init", "concept", "--draft", str(concept), "--db", db]).exit_code == 0
    report = runner.invoke(app, ["project", "report", "--out", str(tmp_path / "final"), "--formats", "md",
                                 "--db", db])
    noted = " ".join(report.output.split()).split("could not be placed in the Word draft: ")[1].split(", ")
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "final" / "amendments-redline.docx")).paragraphs]
    note = paragraphs[paragraphs.index("Примечание crlens: поправки, не внесенные в настоящий документ") + 2:]
    assert [line.split(" — ", 1)[0] for line in note] == noted


# --- two recommendations adding items to one list, one of them rejected ------------------------------------------

LIST_ARTICLE = ["ЦИФРОВОЙ КОДЕКС", "Статья 1. Принципы цифрового законодательства",
                "Регулирование основывается на следующих принципах:",
                "1) законность;", "2) технологическая нейтральность;", "3) открытость."]
FIRST = ("В подпункте 3) точку заменить точкой с запятой.\n"
         "4) первоочередной учет наилучших интересов ребенка;\n"
         "5) недопустимость дискриминации детей в цифровой среде.")
SECOND = ("В подпункте 5) точку заменить точкой с запятой.\n"
          "6) защита права ребенка на жизнь, выживание и развитие;\n"
          "7) учет мнения ребенка.")


def _final_list_redline(tmp_path: Path, rejected: str) -> docx.document.Document:
    """The final redline of the list article's Word draft with two list supplements to Article 1, rec-901 adding
    items 4)-5) and rec-902 items 6)-7), after the ministry rejected ``rejected``."""
    from crlens.analysis.engine import review_document
    from crlens.consult.log import ConsultationLog
    from crlens.ingest import parse_file
    from crlens.report.redline import write_final_redline

    draft = make_docx(LIST_ARTICLE, tmp_path / "draft.docx")
    recs = [list_supplement("rec-901", "art:1", FIRST), list_supplement("rec-902", "art:1", SECOND)]
    review = review_document(parse_file(draft)).model_copy(update={"recommendations": recs})
    log = ConsultationLog(project="p", drafts=[], rounds=[], states={rejected: "rejected"})
    written = write_final_redline(review, log, draft.name, draft.read_bytes(), tmp_path / "redline.docx")
    assert written is not None and written.skipped == []
    return docx.Document(str(written.path))


def test_a_list_supplement_kept_after_a_rejected_one_continues_the_drafts_list(tmp_path: Path) -> None:
    """The first supplement (items 4)-5)) is rejected: the second's items become 4)-5), after the draft's item 3),
    whose full stop becomes a tracked semicolon; no instruction is left in the law text or the comment."""
    document = _final_list_redline(tmp_path, rejected="rec-901")
    shown = [accepted_text(p) for p in document.element.body.iter(f"{W}p")]
    start = shown.index("1) законность;")
    assert shown[start + 2:start + 5] == ["3) открытость;",
                                          "4) защита права ребенка на жизнь, выживание и развитие;",
                                          "5) учет мнения ребенка."]
    [item] = [p for p in document.element.body.iter(f"{W}p") if accepted_text(p).startswith("3) ")]
    assert [t.text for t in item.iter(f"{W}delText")] == ["."]
    assert not [line for line in shown if "В подпункте" in line]
    assert [c.text.split(":", 1)[0] for c in document.comments] == ["rec-902"]
    assert not [c.text for c in document.comments if "В подпункте" in c.text]


def test_a_list_supplement_kept_before_a_rejected_one_keeps_its_closing_full_stop(tmp_path: Path) -> None:
    document = _final_list_redline(tmp_path, rejected="rec-902")
    [item] = [p for p in document.element.body.iter(f"{W}p") if accepted_text(p).startswith("5) ")]
    assert accepted_text(item) == "5) недопустимость дискриминации детей в цифровой среде."
    assert not list(item.iter(f"{W}delText"))
    assert not [p for p in document.element.body.iter(f"{W}p") if accepted_text(p).startswith(("6) ", "7) "))]


# --- a text that refers to the rule of a rejected recommendation -------------------------------------------------

def test_a_reference_to_the_rule_of_a_rejected_recommendation_is_marked_for_the_reviser(tmp_path: Path,
                                                                                        sample_ru: Path) -> None:
    """The ministry rejects the impact assessment the sample's Article 38(8) would set (crdd-01): the follow-up
    duties (crdd-04, new Article 38-7) still refer to "the assessment provided for in Article 38(8)", which names
    nothing in the final redline. The reference is marked in square brackets for the reviser, with whose rule it
    named; the reference to the draft's own Article 33(5) before it stays, and so does the act the two name
    together («настоящего Кодекса»), after the mark."""
    from crlens.analysis.engine import review_document
    from crlens.consult.log import ConsultationLog
    from crlens.ingest import parse_file
    from crlens.report.redline import write_final_redline

    draft = make_docx(sample_ru.read_text(encoding="utf-8").splitlines(), tmp_path / "draft.docx")
    review = review_document(parse_file(draft))
    [assessment] = [r for r in review.recommendations if r.criteria == ["crdd-01"]]
    log = ConsultationLog(project="p", drafts=[], rounds=[], states={assessment.id: "rejected"})
    written = write_final_redline(review, log, draft.name, draft.read_bytes(), tmp_path / "redline.docx")
    assert written is not None
    shown = [accepted_text(p) for p in docx.Document(str(written.path)).element.body.iter(f"{W}p")]
    [follow_up] = [line for line in shown if line.startswith("1. Лицо, проводившее оценку воздействия")]
    assert (f"предусмотренную пунктом 5 статьи 33 и [ссылка подлежит уточнению: «пунктом 8 статьи 38» указывала "
            f"на норму рекомендации {assessment.id}, которая не включена] настоящего Кодекса, принимает") in (
        follow_up)
    unmarked = [re.sub(r"\[ссылка подлежит уточнению: [^]]*\]", "", line) for line in shown]
    assert not [line for line in unmarked if "пунктом 8 статьи 38" in line]


def test_a_kept_supplement_numbers_the_articles_present_text_when_the_one_that_did_is_rejected(
        tmp_path: Path) -> None:
    """Article 1 has no numbered paragraphs: the first supplement (rejected) made its present text paragraph 1
    and added 2; the second added 3. In the final redline the second's paragraph is 2 and the present text still
    becomes 1, a tracked "1. " before it, with no instruction left in the law text."""
    from crlens.analysis.engine import review_document
    from crlens.consult.log import ConsultationLog
    from crlens.ingest import parse_file
    from crlens.report.redline import write_final_redline

    draft = make_docx(["ЦИФРОВОЙ КОДЕКС", "Статья 1. Принципы",
                       "Регулирование основывается на принципе законности."], tmp_path / "draft.docx")
    recs = [list_supplement("rec-901", "art:1", "Действующий текст статьи считать пунктом 1.\n2. Первое правило."),
            list_supplement("rec-902", "art:1", "3. Второе правило.")]
    review = review_document(parse_file(draft)).model_copy(update={"recommendations": recs})
    log = ConsultationLog(project="p", drafts=[], rounds=[], states={"rec-901": "rejected"})
    written = write_final_redline(review, log, draft.name, draft.read_bytes(), tmp_path / "redline.docx")
    assert written is not None and written.inserted == ["rec-902"]
    shown = [accepted_text(p) for p in docx.Document(str(written.path)).element.body.iter(f"{W}p")]
    start = shown.index("Статья 1. Принципы")
    assert shown[start + 1:start + 3] == ["1. Регулирование основывается на принципе законности.",
                                          "2. Второе правило."]
    assert not [line for line in shown if "Действующий текст" in line]
