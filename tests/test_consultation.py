"""Review projects and consultation rounds, on SQLite and PostgreSQL: export for ministry staff, import their
answers (checked, transactional, idempotent, merged), revise recommendations, report the consultation."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from consulting import (
    add_excel_sheet_in_front,
    answer_docx,
    answer_docx_tracked,
    answer_xlsx,
    draft_version_2,
    drop_excel_columns,
    drop_word_columns,
    edit_docx_tracked,
    edit_xlsx_cell,
    insert_excel_column,
    rename_word_headings,
    word_column,
)
from crlens.cli import app
from crlens.consult.project import find_project, find_recommendation, latest_review, project_review
from crlens.consult.revisions import Revision, revise, stale_texts
from crlens.consult.rounds import export_round, import_feedback
from crlens.errors import UserError
from crlens.store.database import Store
from crlens.store.models import Feedback, RecommendationVersion

runner = CliRunner()


def crlens(*args: str | Path, db: str) -> tuple[int, str]:
    result = runner.invoke(app, [*map(str, args), "--db", db])
    return result.exit_code, result.output


def export(store: Store, path: Path, number: int = 1, lang: str = "en") -> Path:
    with store.session() as session:
        export_round(session, find_project(session), number, path, lang)
    return path


def load_rows(path: Path) -> list[tuple[object, ...]]:
    """The rows of an exported Excel form, below its header."""
    from openpyxl import load_workbook

    return list(load_workbook(str(path)).worksheets[0].iter_rows(min_row=2, values_only=True))


def word_rows(path: Path) -> dict[str, dict[str, str]]:
    """The rows of an exported Word form by recommendation id, each cell under its column's heading."""
    from docx import Document

    table = Document(str(path)).tables[0]
    headings = [cell.text for cell in table.rows[0].cells]
    return {row.cells[0].text: dict(zip(headings, (cell.text for cell in row.cells), strict=True))
            for row in table.rows[1:]}


def feedback_rows(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Feedback)) or 0


# --- projects -----------------------------------------------------------------------------------------------


def test_init_stores_the_draft_its_review_and_every_recommendation(store: Store, sample_ru: Path) -> None:
    with store.session() as session:
        project = find_project(session, "kz")
        draft = project.drafts[0]
        assert draft.version == 1 and draft.content == sample_ru.read_bytes() and draft.articles == 53
        assert len(draft.sha256) == 64
        review_recs = len(draft.reviews[0].review_json and project.recommendations)
        assert review_recs > 50
        assert all(rec.latest.version == 1 and rec.latest.author == "crlens" for rec in project.recommendations)


def test_a_projects_deliverables_list_the_recommendations_in_the_reviews_order(store: Store) -> None:
    """The store keeps recommendations by id; the final deliverables read them as the review does, an area's
    high priorities first, not in the order their ids were given."""
    with store.session() as session:
        project = find_project(session, "kz")
        reviewed = [r.id for r in latest_review(project).recommendations]
        assert [r.id for r in project_review(project).recommendations] == reviewed
        assert reviewed != sorted(reviewed)  # ids are not the review's order, or this would prove nothing


def _as_stored_before_general_rules(store: Store) -> tuple[str, str]:
    """Project 'kz' as a crlens from before recommendations listed their general rules left it: its review.json
    and every recommendation version without ``general_rules``. Returns the key of the recommendation that lists
    one now (the sample's Article 9(3), on coordination) and of one a person revised on a text whose provision
    ids the next draft version keeps (it adds an Article 8; the recommendation is on Article 1)."""
    with store.session() as session:
        project = find_project(session, "kz")
        [listing] = [r.key for r in project.recommendations if r.latest.data["general_rules"] == ["art:9.3"]]
        revised = next(r for r in project.recommendations if r.latest.data["amendment"]["target"] == "art:1")
        revise(project, Revision(id=revised.key, field="solution", text="Define the child.", reason="shorter"),
               "Dana")
        session.flush()
        run = project.drafts[0].reviews[0]
        stored = json.loads(run.review_json)
        for rec in stored["recommendations"]:
            del rec["general_rules"]
        run.review_json = json.dumps(stored, ensure_ascii=False)
        for rec in project.recommendations:
            for version in rec.versions:
                version.data = {k: v for k, v in version.data.items() if k != "general_rules"}
        return listing, revised.key


def test_a_project_stored_before_recommendations_listed_their_general_rules_loads_and_gains_them(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    """A stored review and recommendations without ``general_rules`` load with none, and the deliverables are
    made from them; a new draft version's review gives the engine's recommendations theirs, and a person's
    revision whose ids stay the same gets no new version for the field alone."""
    from crlens.report import brief

    listing, revised = _as_stored_before_general_rules(store)
    with store.session() as session:
        project = find_project(session, "kz")
        assert not [r for r in latest_review(project).recommendations if r.general_rules]
        assert not [r for r in project_review(project).recommendations if r.general_rules]
        assert brief.build(project_review(project), "en").gaps
        versions = len(find_recommendation(project, revised).versions)
    code, output = crlens("project", "add-draft", draft_version_2(sample_ru, tmp_path / "v2.txt"), db=store.url)
    assert code == 0, output
    with store.session() as session:
        project = find_project(session, "kz")
        assert find_recommendation(project, listing).latest.data["general_rules"] == ["art:10.3"]  # was 9(3)
        assert len(find_recommendation(project, revised).versions) == versions


def test_the_general_rules_of_a_revised_recommendation_follow_a_new_draft_versions_ids(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    """A person's revision is carried over with its ids followed: its general rules too (the sample's Article 9(3)
    is Article 10(3) once a new Article 8 is inserted)."""
    with store.session() as session:
        project = find_project(session, "kz")
        [listing] = [r for r in project.recommendations if r.latest.data["general_rules"] == ["art:9.3"]]
        revise(project, Revision(id=listing.key, field="solution", text="Coordinate.", reason="shorter"), "Dana")
        key = listing.key
    code, output = crlens("project", "add-draft", draft_version_2(sample_ru, tmp_path / "v2.txt"), db=store.url)
    assert code == 0, output
    with store.session() as session:
        latest = find_recommendation(find_project(session, "kz"), key).latest
        assert (latest.author, latest.data["general_rules"]) == ("crlens", ["art:10.3"])


def test_commands_act_on_the_only_project_by_default(store: Store) -> None:
    code, output = crlens("project", "status", db=store.url)
    assert code == 0, output
    assert "project kz" in output and "proposed" in output


def test_an_unknown_project_is_named_in_a_clear_error(store: Store) -> None:
    code, output = crlens("project", "status", "--project", "nope", db=store.url)
    assert code == 2
    assert "'nope'" in output and "kz" in output and "Traceback" not in output


def test_a_second_project_with_the_same_name_is_refused(store: Store, sample_ru: Path) -> None:
    code, output = crlens("project", "init", "kz", "--draft", sample_ru, db=store.url)
    assert code == 2 and "already exists" in output


# --- export -----------------------------------------------------------------------------------------------


def test_excel_export_protects_every_cell_but_decision_and_comment(store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(export(store, tmp_path / "r1.xlsx")).worksheets[0]
    assert ws.protection.sheet
    header = [c.value for c in ws[1]]
    assert header[0] == "ID" and header[-2:] == ["Decision", "Comment"]
    row = ws[2]
    assert row[0].value.startswith("rec-")
    assert row[0].protection.locked and row[4].protection.locked
    assert not row[9].protection.locked and not row[10].protection.locked
    assert any("accept with changes" in dv.formula1 for dv in ws.data_validations.dataValidation)


def test_word_export_is_read_only_except_the_answer_cells(store: Store, tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    path = export(store, tmp_path / "r1.docx", lang="ru")
    with zipfile.ZipFile(path) as archive:
        settings = archive.read("word/settings.xml").decode()
        body = archive.read("word/document.xml").decode()
    assert 'w:edit="readOnly"' in settings and 'w:enforcement="1"' in settings
    table = Document(str(path)).tables[0]
    rows = len(table.rows) - 1
    assert body.count('w:edGrp="everyone"') == 2 * rows
    answers = {word_column(table, "decision"), word_column(table, "comment")}
    editable = {at for row in table.rows[1:] for at, cell in enumerate(row.cells)
                if cell._tc.findall(f".//{qn('w:permStart')}")}
    assert editable == answers
    assert "Решение" in body and "Комментарий" in body


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_word_form_names_the_area_and_provision_as_the_excel_form_does(lang: str, store: Store,
                                                                          tmp_path: Path) -> None:
    suffix = ".ru" if lang == "ru" else ""
    word = word_rows(export(store, tmp_path / f"r1{suffix}.docx", lang=lang))
    excel = {row[0]: row for row in load_rows(export(store, tmp_path / f"r1{suffix}.xlsx", lang=lang))}
    area, provision = ("Область", "Положение") if lang == "ru" else ("Area", "Provision")
    assert set(word) == set(excel)
    assert all(row[area] == excel[key][2] and row[provision] == excel[key][3] for key, row in word.items())
    assert word["rec-001"][area] and word["rec-001"][provision]


def test_the_feedback_form_names_areas_by_their_titles(store: Store, tmp_path: Path) -> None:
    english = {row[0]: row[2] for row in load_rows(export(store, tmp_path / "r1.xlsx"))}
    russian = {row[0]: row[2] for row in load_rows(export(store, tmp_path / "r1.ru.xlsx", lang="ru"))}
    assert english["rec-001"] == "Access to information, expression and participation"
    assert russian["rec-001"] == "Доступ к информации, свобода выражения мнения и участие"
    assert not [area for area in [*english.values(), *russian.values()] if "-" in area and " " not in area]


def test_the_feedback_form_names_provisions_as_a_lawyer_does(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        targets = {rec.key: rec.latest.data["amendment"]["target"]  # type: ignore[index]
                   for rec in find_project(session).recommendations}
        numbers = {rec.key: rec.latest.data["amendment"]["number"]  # type: ignore[index]
                   for rec in find_project(session).recommendations}
    # the first new article after its anchor (the next ones follow the one numbered before them)
    new = next(key for key, target in targets.items() if target.startswith("new after art:")
               and numbers[key].endswith("-1"))
    after = targets[new].removeprefix("new after art:").split()[0]
    amended = next(key for key, target in targets.items() if re.fullmatch(r"art:[\d-]+", target))
    english = {row[0]: row[3] for row in load_rows(export(store, tmp_path / "r1.xlsx"))}
    russian = {row[0]: row[3] for row in load_rows(export(store, tmp_path / "r1.ru.xlsx", lang="ru"))}
    assert english[new].startswith("New article ") and english[new].endswith(f"(after Article {after})")
    assert russian[new].startswith("Новая статья ") and russian[new].endswith(f"(после статьи {after})")
    article = targets[amended].removeprefix("art:")
    assert english[amended].startswith(f"Article {article}") and russian[amended].startswith(f"Статья {article}")
    assert not [p for p in [*english.values(), *russian.values()] if "art:" in p or " in ch:" in p]


def test_the_feedback_form_names_the_paragraphs_a_supplement_adds(store: Store, tmp_path: Path) -> None:
    """Each row is decided on its own: "Article 6 (supplement with paragraphs 5–8)", as the gap table heads the
    proposed text, says what its "5. ..." is the fifth paragraph of."""
    english = {row[3] for row in load_rows(export(store, tmp_path / "r1.xlsx"))}
    russian = {row[3] for row in load_rows(export(store, tmp_path / "r1.ru.xlsx", lang="ru"))}
    assert "Article 6 (supplement with paragraphs 5–8)" in english
    assert "Статья 6 (дополнить пунктами 5–8)" in russian


def test_the_feedback_form_cites_the_drafts_own_countrys_law_as_law_in_force(store: Store, tmp_path: Path) -> None:
    """The sample is a Kazakh draft: the Law on Mass Media is Kazakhstan's law in force, as the gap table has it,
    not an example from another jurisdiction."""
    english = [row[7] for row in load_rows(export(store, tmp_path / "r1.xlsx"))]
    russian = [row[7] for row in load_rows(export(store, tmp_path / "r1.ru.xlsx", lang="ru"))]
    assert [s for s in english if s.endswith("; Kazakhstan, law in force: Law on Mass Media art. 40")]
    assert [s for s in russian if s.endswith("; Казахстан, действующее законодательство: Закон «О масс-медиа», "
                                             "статья 40")]
    assert not [s for s in english if "(Kazakhstan)" in s]


def test_the_russian_feedback_form_names_priorities_in_russian(store: Store, tmp_path: Path) -> None:
    english = {row[0]: row[8] for row in load_rows(export(store, tmp_path / "r1.xlsx"))}
    russian = {row[0]: row[8] for row in load_rows(export(store, tmp_path / "r1.ru.xlsx", lang="ru"))}
    assert set(english.values()) == {"high", "medium", "low"}
    # the words of the web workspace's Russian interface
    assert {(english[key], russian[key]) for key in english} == {
        ("high", "высокий"), ("medium", "средний"), ("low", "низкий")}


def test_exporting_a_round_that_is_not_the_next_one_is_refused(store: Store, tmp_path: Path) -> None:
    code, output = crlens("consult", "export", "--round", "3", "--out", tmp_path / "r3.xlsx", db=store.url)
    assert code == 2 and "next round" in output


# --- import -----------------------------------------------------------------------------------------------


def test_files_from_two_people_for_one_round_are_merged(store: Store, tmp_path: Path) -> None:
    exported = export(store, tmp_path / "r1.xlsx")
    answer_xlsx(exported, tmp_path / "a.xlsx", {"rec-001": ("accept", "Agreed."), "rec-002": ("reject", "No.")})
    answer_docx(export(store, tmp_path / "r1.docx"), tmp_path / "b.docx", {"rec-001": ("reject", "Too broad.")})
    with store.session() as session:
        project = find_project(session)
        import_feedback(session, project, 1, tmp_path / "a.xlsx", "Aigerim")
        import_feedback(session, project, 1, tmp_path / "b.docx", "Marat")
    with store.session() as session:
        project = find_project(session)
        answers = session.scalars(select(Feedback).order_by(Feedback.id)).all()
        assert [(a.person, a.decision, a.comment) for a in answers] == [
            ("Aigerim", "accept", "Agreed."), ("Aigerim", "reject", "No."), ("Marat", "reject", "Too broad.")]
        assert find_recommendation(project, "rec-001").state == "disputed"
        assert find_recommendation(project, "rec-002").state == "rejected"


def test_a_word_form_is_imported(store: Store, tmp_path: Path) -> None:
    answered = answer_docx(export(store, tmp_path / "r1.ru.docx", lang="ru"), tmp_path / "a.docx",
                           {"rec-001": ("принять с изменениями", "Возраст 16 лет."), "rec-003": ("вопрос", "")})
    code, output = crlens("consult", "import", answered, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 0, output
    with store.session() as session:
        answers = session.scalars(select(Feedback).order_by(Feedback.id)).all()
        assert [(a.recommendation.key, a.decision, a.comment) for a in answers] == [
            ("rec-001", "accept with changes", "Возраст 16 лет."), ("rec-003", "question", "")]


def test_answers_typed_in_word_with_track_changes_on_are_imported(store: Store, tmp_path: Path) -> None:
    """A form read as it reads with every tracked change accepted: an inserted answer counts, a deleted one
    does not (python-docx's cell text leaves out whatever sits in w:ins, which read every answer as blank)."""
    answered = answer_docx_tracked(
        export(store, tmp_path / "r1.ru.docx", lang="ru"), tmp_path / "a.docx",
        {"rec-001": ("принять", ""), "rec-002": ("отклонить", "Слишком широко."), "rec-003": ("отклонить", "")},
        crossed_out={"rec-003": "принять"})
    code, output = crlens("consult", "import", answered, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 0, output
    assert "3 new answer(s)" in output, output
    with store.session() as session:
        answers = session.scalars(select(Feedback).order_by(Feedback.id)).all()
        assert [(a.recommendation.key, a.decision, a.comment) for a in answers] == [
            ("rec-001", "accept", ""), ("rec-002", "reject", "Слишком широко."), ("rec-003", "reject", "")]


@pytest.mark.parametrize("change", ["del", "ins"])
def test_a_protected_text_changed_with_track_changes_on_is_an_edit(change: str, store: Store,
                                                                   tmp_path: Path) -> None:
    exported = export(store, tmp_path / "r1.docx")
    edited = edit_docx_tracked(exported, tmp_path / "edited.docx", "rec-001", "proposed", change)
    answered = answer_docx(edited, tmp_path / "a.docx", {"rec-001": ("accept", ""), "rec-002": ("accept", "")})
    code, output = crlens("consult", "import", answered, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 2, output
    assert "row 2: protected cells were edited for rec-001 (Proposed text)" in " ".join(output.split())
    assert feedback_rows(store) == 0


def test_a_word_form_sent_out_without_the_area_and_provision_columns_is_imported(store: Store,
                                                                                 tmp_path: Path) -> None:
    # the layout of the Word forms written before the area and provision were added
    old = drop_word_columns(export(store, tmp_path / "r1.docx"), tmp_path / "old.docx", ("area", "provision"))
    answered = answer_docx(old, tmp_path / "a.docx", {"rec-001": ("reject", "Too broad."),
                                                      "rec-002": ("accept", "")})
    code, output = crlens("consult", "import", answered, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 0, output
    with store.session() as session:
        answers = session.scalars(select(Feedback).order_by(Feedback.id)).all()
        assert [(a.recommendation.key, a.decision, a.comment) for a in answers] == [
            ("rec-001", "reject", "Too broad."), ("rec-002", "accept", "")]


def test_a_word_form_with_the_former_russian_headings_is_imported(store: Store, tmp_path: Path) -> None:
    # Russian forms sent out before the form took the gap table's wording of the issue and proposed-text headings
    old = drop_word_columns(export(store, tmp_path / "r1.ru.docx", lang="ru"), tmp_path / "old.docx",
                            ("area", "provision"))
    old = rename_word_headings(old, tmp_path / "older.docx", {
        "issue": "Проблема/пробел, затрагивающий права детей", "proposed": "Предлагаемый текст"})
    answered = answer_docx(old, tmp_path / "a.docx", {"rec-001": ("принять", "")})
    code, output = crlens("consult", "import", answered, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 0, output
    assert feedback_rows(store) == 1


def test_an_edited_text_in_a_word_form_of_the_former_layout_is_refused(store: Store, tmp_path: Path) -> None:
    from docx import Document

    old = drop_word_columns(export(store, tmp_path / "r1.docx"), tmp_path / "old.docx", ("area", "provision"))
    document = Document(str(old))
    table = document.tables[0]
    table.rows[1].cells[word_column(table, "proposed")].paragraphs[0].add_run(" And more.")
    document.save(str(tmp_path / "edited.docx"))
    code, output = crlens("consult", "import", tmp_path / "edited.docx", "--round", "1", "--by", "Marat",
                          db=store.url)
    assert code == 2, output
    assert "row 2: protected cells were edited for rec-001 (Proposed text)" in " ".join(output.split())
    assert feedback_rows(store) == 0


def test_a_word_form_without_its_decision_column_is_refused_naming_the_file(store: Store, tmp_path: Path) -> None:
    broken = drop_word_columns(export(store, tmp_path / "r1.docx"), tmp_path / "broken.docx", ("decision",))
    code, output = crlens("consult", "import", broken, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 2, output
    line = " ".join(output.split())
    assert "broken.docx" in line and "its table has no Decision column" in line, output
    assert "Traceback" not in output
    assert feedback_rows(store) == 0


def test_an_excel_form_whose_sources_column_was_deleted_keeps_every_decision(store: Store, tmp_path: Path) -> None:
    """Someone who switches off the sheet's protection may delete a column to print the form; its answers are
    read under their headings, not from where the columns used to be (which read each comment as the decision,
    and a decision without a comment as no answer at all)."""
    narrow = drop_excel_columns(export(store, tmp_path / "r1.xlsx"), tmp_path / "narrow.xlsx", ("sources",))
    answered = answer_xlsx(narrow, tmp_path / "a.xlsx", {"rec-001": ("reject", "Too broad."),
                                                         "rec-002": ("accept", "")})
    code, output = crlens("consult", "import", answered, "--round", "1", "--by", "Aigerim", db=store.url)
    assert code == 0, output
    with store.session() as session:
        answers = session.scalars(select(Feedback).order_by(Feedback.id)).all()
        assert [(a.recommendation.key, a.decision, a.comment) for a in answers] == [
            ("rec-001", "reject", "Too broad."), ("rec-002", "accept", "")]


def test_an_excel_form_with_a_column_of_the_ministrys_own_is_imported(store: Store, tmp_path: Path) -> None:
    widened = insert_excel_column(export(store, tmp_path / "r1.ru.xlsx", lang="ru"), tmp_path / "wide.xlsx",
                                  "decision", "Ответственный департамент", "Департамент цифровизации")
    answered = answer_xlsx(widened, tmp_path / "a.xlsx", {"rec-001": ("принять", "Согласны.")})
    code, output = crlens("consult", "import", answered, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 0, output
    with store.session() as session:
        answers = session.scalars(select(Feedback)).all()
        assert [(a.recommendation.key, a.decision, a.comment) for a in answers] == [
            ("rec-001", "accept", "Согласны.")]


def test_an_excel_form_with_a_sheet_added_in_front_is_imported(store: Store, tmp_path: Path) -> None:
    answered = answer_xlsx(export(store, tmp_path / "r1.xlsx"), tmp_path / "a.xlsx", {"rec-002": ("reject", "")})
    noted = add_excel_sheet_in_front(answered, tmp_path / "noted.xlsx")
    code, output = crlens("consult", "import", noted, "--round", "1", "--by", "Aigerim", db=store.url)
    assert code == 0, output
    with store.session() as session:
        assert [(a.recommendation.key, a.decision) for a in session.scalars(select(Feedback))] == [
            ("rec-002", "reject")]


def test_an_excel_form_without_its_decision_column_is_refused_naming_the_file(store: Store,
                                                                             tmp_path: Path) -> None:
    broken = drop_excel_columns(export(store, tmp_path / "r1.xlsx"), tmp_path / "broken.xlsx", ("decision",))
    code, output = crlens("consult", "import", broken, "--round", "1", "--by", "Aigerim", db=store.url)
    assert code == 2, output
    line = " ".join(output.split())
    assert "broken.xlsx" in line and "has no Decision column" in line, output
    assert "Traceback" not in output
    assert feedback_rows(store) == 0


def test_importing_the_same_file_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    answered = answer_xlsx(export(store, tmp_path / "r1.xlsx"), tmp_path / "a.xlsx",
                           {"rec-001": ("question", "Which age?")})
    first = crlens("consult", "import", answered, "--round", "1", "--by", "Aigerim", db=store.url)
    second = crlens("consult", "import", answered, "--round", "1", "--by", "Aigerim", db=store.url)
    assert first[0] == 0 and second[0] == 0
    assert "nothing changed" in second[1]
    assert feedback_rows(store) == 1


def test_a_changed_answer_supersedes_the_earlier_one_and_keeps_it(store: Store, tmp_path: Path) -> None:
    exported = export(store, tmp_path / "r1.xlsx")
    answer_xlsx(exported, tmp_path / "v1.xlsx", {"rec-001": ("question", "Which age?")})
    answer_xlsx(exported, tmp_path / "v2.xlsx", {"rec-001": ("accept", "Sixteen, agreed.")})
    with store.session() as session:
        import_feedback(session, find_project(session), 1, tmp_path / "v1.xlsx", "Aigerim")
    with store.session() as session:
        result = import_feedback(session, find_project(session), 1, tmp_path / "v2.xlsx", "Aigerim")
        assert result.changed == 1
    with store.session() as session:
        comments = session.scalars(select(Feedback.comment).order_by(Feedback.id)).all()
        assert comments == ["Which age?", "Sixteen, agreed."]
        assert find_recommendation(find_project(session), "rec-001").state == "accepted"


def test_reimporting_an_older_file_after_a_later_answer_says_the_later_one_supersedes_it(store: Store,
                                                                                        tmp_path: Path) -> None:
    exported = export(store, tmp_path / "r1.xlsx")
    older = answer_xlsx(exported, tmp_path / "v1.xlsx", {"rec-001": ("question", "Which age?"),
                                                         "rec-002": ("accept", "")})
    newer = answer_xlsx(exported, tmp_path / "v2.xlsx", {"rec-001": ("accept", "Sixteen, agreed."),
                                                         "rec-002": ("accept", "")})
    crlens("consult", "import", older, "--round", "1", "--by", "Aigerim", db=store.url)
    crlens("consult", "import", newer, "--round", "1", "--by", "Aigerim", db=store.url)
    code, output = crlens("consult", "import", older, "--round", "1", "--by", "Aigerim", db=store.url)
    assert code == 0, output
    said = " ".join(output.split())
    assert "already imported for Aigerim in round 1; nothing changed" in said
    assert "a later answer supersedes 1 of its answers: rec-001 (now accept, from v2.xlsx)" in said
    assert "rec-002" not in said


def _rejected_then_commented(store: Store, tmp_path: Path) -> Path:
    """Aigerim's first file rejects rec-001 and is imported; her second only comments on it: that file."""
    exported = export(store, tmp_path / "r1.xlsx")
    answer_xlsx(exported, tmp_path / "v1.xlsx", {"rec-001": ("reject", "first")})
    answer_xlsx(exported, tmp_path / "v2.xlsx", {"rec-001": ("", "adding a clarification")})
    crlens("consult", "import", tmp_path / "v1.xlsx", "--round", "1", "--by", "Aigerim", db=store.url)
    return tmp_path / "v2.xlsx"


def test_a_comment_without_a_decision_in_a_later_file_keeps_the_earlier_decision(store: Store,
                                                                                   tmp_path: Path) -> None:
    later = _rejected_then_commented(store, tmp_path)
    crlens("consult", "import", later, "--round", "1", "--by", "Aigerim", db=store.url)
    with store.session() as session:
        answers = session.scalars(select(Feedback).order_by(Feedback.id)).all()
        assert [(a.decision, a.comment) for a in answers] == [("reject", "first"),
                                                              ("reject", "adding a clarification")]
        assert find_recommendation(find_project(session), "rec-001").state == "rejected"


def test_importing_a_comment_without_a_decision_says_the_earlier_decision_is_kept(store: Store,
                                                                                  tmp_path: Path) -> None:
    later = _rejected_then_commented(store, tmp_path)
    code, output = crlens("consult", "import", later, "--round", "1", "--by", "Aigerim", db=store.url)
    assert code == 0, output
    assert ("1 row(s) had a comment but no decision: Aigerim's decision given before is kept with the new "
            "comment: rec-001 (reject)") in " ".join(output.split())


def _bad_file(kind: str, store: Store, tmp_path: Path) -> tuple[Path, int, str]:
    """A feedback file with one kind of mistake: (file, round to import into, words the error must say)."""
    exported = export(store, tmp_path / "r1.xlsx")
    answered = answer_xlsx(exported, tmp_path / "answered.xlsx", {"rec-001": ("accept", "fine")})
    if kind == "wrong round":
        return answered, 2, "round 1, not round 2"
    if kind == "unknown id":
        return edit_xlsx_cell(answered, tmp_path / "bad.xlsx", "A3", "rec-999"), 1, "row 3: unknown recommendation"
    if kind == "invalid decision":
        bad = answer_xlsx(exported, tmp_path / "bad.xlsx", {"rec-002": ("maybe later", "")})
        return bad, 1, "row 3: 'maybe later'"
    if kind == "tampered id column":
        return edit_xlsx_cell(answered, tmp_path / "bad.xlsx", "A4", "rec-005"), 1, "row 4: protected cells"
    if kind == "edited protected cell":
        return edit_xlsx_cell(answered, tmp_path / "bad.xlsx", "G2", "Our own text."), 1, "row 2: protected cells"
    if kind == "wrong file type":
        path = tmp_path / "answers.csv"
        path.write_text("id,decision\nrec-001,accept\n", encoding="utf-8")
        return path, 1, "not .csv"
    if kind == "not a crlens file":
        from openpyxl import Workbook

        wb = Workbook()
        wb.active.append(["ID", "Decision"])
        wb.save(str(tmp_path / "other.xlsx"))
        return tmp_path / "other.xlsx", 1, "is not a crlens consultation file"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["wrong round", "unknown id", "invalid decision", "tampered id column",
                                  "edited protected cell", "wrong file type", "not a crlens file"])
def test_a_bad_feedback_file_is_refused_and_nothing_is_written(kind: str, store: Store, tmp_path: Path) -> None:
    path, number, says = _bad_file(kind, store, tmp_path)
    if kind == "wrong round":
        assert crlens("consult", "close", "--round", "1", db=store.url)[0] == 0
        export(store, tmp_path / "r2.xlsx", number=2)
    code, output = crlens("consult", "import", path, "--round", str(number), "--by", "Aigerim", db=store.url)
    assert code == 2, output
    assert says in " ".join(output.split()), output
    assert "Traceback" not in output
    assert feedback_rows(store) == 0


def test_every_problem_of_a_file_is_reported_at_once(store: Store, tmp_path: Path) -> None:
    exported = export(store, tmp_path / "r1.xlsx")
    bad = answer_xlsx(exported, tmp_path / "a.xlsx", {"rec-001": ("yes", ""), "rec-002": ("no", "")})
    bad = edit_xlsx_cell(bad, tmp_path / "b.xlsx", "A5", "rec-998")
    code, output = crlens("consult", "import", bad, "--round", "1", "--by", "X", db=store.url)
    assert code == 2
    assert "row 2" in output and "row 3" in output and "row 5" in output


def test_a_closed_round_takes_no_more_feedback(store: Store, tmp_path: Path) -> None:
    answered = answer_xlsx(export(store, tmp_path / "r1.xlsx"), tmp_path / "a.xlsx", {"rec-001": ("accept", "")})
    assert crlens("consult", "close", "--round", "1", db=store.url)[0] == 0
    code, output = crlens("consult", "import", answered, "--round", "1", "--by", "X", db=store.url)
    assert code == 2 and "closed" in output


def test_the_next_round_is_not_opened_while_the_previous_one_is_open(store: Store, tmp_path: Path) -> None:
    answered = answer_xlsx(export(store, tmp_path / "r1.xlsx"), tmp_path / "a.xlsx", {"rec-001": ("accept", "")})
    assert crlens("consult", "import", answered, "--round", "1", "--by", "Aigerim", db=store.url)[0] == 0
    code, output = crlens("consult", "export", "--round", "2", "--out", tmp_path / "r2.xlsx", db=store.url)
    assert code == 2, output
    sent = len(load_rows(tmp_path / "r1.xlsx"))
    line = " ".join(output.split())
    assert f"round 1 is still open (feedback on 1 of {sent} recommendations; {sent - 1} have none)" in line
    assert "crlens consult close --round 1" in line and "Traceback" not in output
    assert not (tmp_path / "r2.xlsx").exists()
    status = crlens("project", "status", db=store.url)[1]
    assert "round 1: draft version 1, open" in status and "round 2" not in status


def test_feedback_arriving_after_a_refused_export_of_the_next_round_is_still_imported(store: Store,
                                                                                   tmp_path: Path) -> None:
    late = answer_xlsx(export(store, tmp_path / "r1.xlsx"), tmp_path / "late.xlsx", {"rec-002": ("reject", "")})
    assert crlens("consult", "export", "--round", "2", "--out", tmp_path / "r2.xlsx", db=store.url)[0] == 2
    code, output = crlens("consult", "import", late, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 0, output
    assert feedback_rows(store) == 1


def test_closing_a_round_says_how_many_recommendations_had_no_feedback(store: Store, tmp_path: Path) -> None:
    answered = answer_xlsx(export(store, tmp_path / "r1.xlsx"), tmp_path / "a.xlsx",
                           {"rec-001": ("accept", ""), "rec-002": ("question", "Which age?")})
    assert crlens("consult", "import", answered, "--round", "1", "--by", "Aigerim", db=store.url)[0] == 0
    code, output = crlens("consult", "close", "--round", "1", db=store.url)
    assert code == 0, output
    sent = len(load_rows(tmp_path / "r1.xlsx"))
    assert f"round 1 closed: feedback on 2 of {sent} recommendations; {sent - 2} had none" in " ".join(
        output.split())


def test_the_next_round_is_exported_once_the_previous_one_is_closed(store: Store, tmp_path: Path) -> None:
    export(store, tmp_path / "r1.xlsx")
    assert crlens("consult", "close", "--round", "1", db=store.url)[0] == 0
    code, output = crlens("consult", "export", "--round", "2", "--out", tmp_path / "r2.xlsx", db=store.url)
    assert code == 0, output
    assert "round 2:" in output and (tmp_path / "r2.xlsx").is_file()


# --- revisions ----------------------------------------------------------------------------------------------


def test_a_revision_is_a_new_version_with_its_author_and_reason(store: Store, tmp_path: Path) -> None:
    text = tmp_path / "text.txt"
    text.write_text("A child under sixteen may not be profiled for advertising.", encoding="utf-8")
    code, output = crlens("rec", "revise", "rec-001", "--text-file", text, "--reason", "Ministry asked for 16",
                          "--by", "Dana", db=store.url)
    assert code == 0, output
    with store.session() as session:
        rec = find_recommendation(find_project(session), "rec-001")
        assert [v.version for v in rec.versions] == [1, 2]
        assert rec.latest.author == "Dana" and rec.latest.reason == "Ministry asked for 16"
        assert rec.latest.data["amendment"]["proposed_text"]["en"] == text.read_text(encoding="utf-8")
        assert rec.versions[0].data != rec.latest.data
        assert rec.state == "revised"


def test_revising_with_the_same_text_adds_no_version(store: Store) -> None:
    with store.session() as session:
        project = find_project(session)
        current = find_recommendation(project, "rec-001").latest.data["solution"]
        result = revise(project, Revision(id="rec-001", field="solution", text=current, reason="none"), "Dana")
        assert not result.changed and result.version == 1


def test_a_persons_reason_worded_like_crlenss_is_no_taking_up_in_the_text(store: Store) -> None:
    """crlens records that a draft version took a recommendation up by a reason code; a person who explains a
    revision in the same words has not told crlens that the draft took it up."""
    from crlens.consult.log import build_log

    with store.session() as session:
        project = find_project(session)
        revise(project, Revision(id="rec-001", field="solution", text="A new solution.",
                                 reason="taken up in the text of draft version 1"), "Dana")
    with store.session() as session:
        [draft] = build_log(session, find_project(session)).drafts
        assert draft.taken_up == []


def test_a_batch_of_revisions_is_applied_together(store: Store, tmp_path: Path) -> None:
    batch = tmp_path / "batch.yaml"
    batch.write_text("- {id: rec-001, field: solution, text: New solution one., reason: round 1}\n"
                     "- {id: rec-002, field: proposed, lang: ru, text: Новый текст., reason: round 1}\n",
                     encoding="utf-8")
    code, output = crlens("rec", "revise", "--batch", batch, "--by", "Dana", db=store.url)
    assert code == 0, output
    with store.session() as session:
        project = find_project(session)
        assert find_recommendation(project, "rec-001").latest.data["solution"] == "New solution one."
        assert find_recommendation(project, "rec-002").latest.data["amendment"]["proposed_text"]["ru"] == \
            "Новый текст."


def test_a_batch_with_an_unknown_id_applies_nothing(store: Store, tmp_path: Path) -> None:
    batch = tmp_path / "batch.yaml"
    batch.write_text("- {id: rec-001, field: solution, text: New., reason: r}\n"
                     "- {id: rec-999, field: solution, text: New., reason: r}\n", encoding="utf-8")
    code, output = crlens("rec", "revise", "--batch", batch, db=store.url)
    assert code == 2 and "rec-999" in output
    with store.session() as session:
        assert session.scalar(select(func.max(RecommendationVersion.version))) == 1


def test_withdrawing_a_recommendation_twice_is_refused_and_adds_no_version(store: Store) -> None:
    assert crlens("rec", "withdraw", "rec-001", "--reason", "overlaps rec-002", db=store.url)[0] == 0
    code, output = crlens("rec", "withdraw", "rec-001", "--reason", "again", db=store.url)
    assert code == 2
    assert "rec-001: is already withdrawn" in output
    with store.session() as session:
        assert [v.reason for v in find_recommendation(find_project(session), "rec-001").versions[1:]] == [
            "withdrawn: overlaps rec-002"]


def test_a_withdrawal_without_a_reason_is_refused(store: Store) -> None:
    code, output = crlens("rec", "withdraw", "rec-001", "--reason", " ", db=store.url)
    assert code == 2
    assert "rec-001: say why it is withdrawn" in output
    with store.session() as session:
        assert find_recommendation(find_project(session), "rec-001").state == "proposed"


def test_a_list_read_by_a_reader_that_stops_early_ends_quietly(store: Store) -> None:
    # as in 'crlens rec list | head -1': the reader has closed the pipe before crlens writes to it
    import subprocess
    import sys

    listing = subprocess.Popen([sys.executable, "-c", "from crlens.cli import app; app()", "rec", "list",
                                "--db", store.url], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert listing.stdout is not None and listing.stderr is not None
    listing.stdout.close()
    stderr = listing.stderr.read()
    assert listing.wait(timeout=120) == 1  # as click ends any command whose reader went away
    assert stderr == b""


def test_listing_an_unknown_state_is_refused_naming_the_states(store: Store) -> None:
    code, output = crlens("rec", "list", "--state", "bogus", db=store.url)
    assert code == 2
    words = " ".join(output.split())
    assert "'bogus' is not one of" in words
    assert all(f"'{state}'" in words for state in ("proposed", "accepted-with-changes", "taken-up", "withdrawn"))


def test_listing_one_state_lists_only_its_recommendations(store: Store) -> None:
    assert crlens("rec", "withdraw", "rec-002", "--reason", "overlap", db=store.url)[0] == 0
    code, output = crlens("rec", "list", "--state", "withdrawn", db=store.url)
    assert code == 0
    assert [line.split("\t")[:2] for line in output.splitlines()] == [["rec-002", "withdrawn"]]


def test_every_problem_of_a_batch_is_reported_at_once_numbered_as_in_the_sheet(store: Store,
                                                                            tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["id", "field", "lang", "text", "reason"])
    wb.active.append(["rec-001", "issue", "en", "Restated.", None])  # row 2: no reason
    wb.active.append([])
    wb.active.append(["rec-999", "issue", "en", "Restated.", "Clearer"])  # row 4: no such recommendation
    wb.save(str(tmp_path / "batch.xlsx"))
    code, output = crlens("rec", "revise", "--batch", tmp_path / "batch.xlsx", db=store.url)
    assert code == 2
    lines = [" ".join(line.split()) for line in output.splitlines()]
    assert "row 2: reason: Field required" in lines
    assert "row 4: project 'kz' has no recommendation with this id (rec-999)" in lines


def test_an_empty_text_file_is_refused_naming_it(store: Store, tmp_path: Path) -> None:
    empty = tmp_path / "new.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    code, output = crlens("rec", "revise", "rec-001", "--text-file", empty, "--reason", "x", db=store.url)
    assert code == 2
    assert f"{empty}: the text file is empty" in " ".join(output.split())


def test_a_batch_revision_of_blank_text_is_refused(store: Store, tmp_path: Path) -> None:
    batch = tmp_path / "batch.yaml"
    batch.write_text('- {id: rec-001, text: "   ", reason: tidy}\n', encoding="utf-8")
    code, output = crlens("rec", "revise", "--batch", batch, db=store.url)
    assert code == 2
    assert "entry 1: text: is empty" in output
    with store.session() as session:
        assert find_recommendation(find_project(session), "rec-001").latest.version == 1


def test_an_unknown_recommendation_is_a_clear_error(store: Store) -> None:
    with store.session() as session, pytest.raises(UserError, match="no recommendation"):
        find_recommendation(find_project(session), "rec-999")


# --- a text revised in one language only ---------------------------------------------------------------------


def revise_english(store: Store, tmp_path: Path, key: str = "rec-001") -> tuple[int, str]:
    """Revise the English proposed text of a recommendation on the command line, leaving the Russian one."""
    text = tmp_path / "english.txt"
    text.write_text("A child under sixteen may not be profiled for advertising.", encoding="utf-8")
    return crlens("rec", "revise", key, "--text-file", text, "--reason", "Ministry asked for 16", "--by", "Dana",
                  db=store.url)


def test_revising_one_language_warns_that_the_other_is_out_of_date(store: Store, tmp_path: Path) -> None:
    code, output = revise_english(store, tmp_path)
    assert code == 0, output
    line = " ".join(output.split())
    assert ("warning: rec-001: the Russian proposed text was not revised when the English one was (version 2)"
            in line), output
    assert "crlens rec revise rec-001 --field proposed --lang ru" in line
    assert "crlens rec confirm rec-001 --field proposed --lang ru" in line


def test_revising_the_other_language_brings_the_two_back_in_line(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    russian = tmp_path / "russian.txt"
    russian.write_text("Профилирование ребенка до шестнадцати лет в рекламных целях не допускается.",
                       encoding="utf-8")
    code, output = crlens("rec", "revise", "rec-001", "--text-file", russian, "--lang", "ru", "--reason",
                          "Translation of version 2", db=store.url)
    assert code == 0, output
    assert "warning" not in output
    with store.session() as session:
        assert stale_texts(find_recommendation(find_project(session), "rec-001")) == []


def confirm_russian(store: Store, *extra: str) -> tuple[int, str]:
    """Say on the command line that rec-001's Russian proposed text still matches the revised English one."""
    return crlens("rec", "confirm", "rec-001", "--field", "proposed", "--lang", "ru", "--by", "Aigerim", *extra,
                  db=store.url)


def test_confirming_that_the_other_language_still_matches_brings_the_two_back_in_line(store: Store,
                                                                                      tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    code, output = confirm_russian(store)
    assert code == 0, output
    assert "rec-001: version 3 (confirmed, no text changed)" in output
    with store.session() as session:
        rec = find_recommendation(find_project(session), "rec-001")
        assert stale_texts(rec) == []
        assert rec.versions[2].data == rec.versions[1].data


def test_the_history_shows_who_confirmed_a_text_and_when(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    confirm_russian(store, "--reason", "Only the English wording was tightened")
    with store.session() as session:
        confirmation = find_recommendation(find_project(session), "rec-001").latest
        assert (confirmation.author, confirmation.confirmed_field, confirmation.confirmed_lang) == (
            "Aigerim", "proposed", "ru")
    code, output = crlens("rec", "show", "rec-001", db=store.url)
    assert code == 0, output
    assert (f"v3 {confirmation.created_at:%Y-%m-%d %H:%M} Aigerim: Confirmed: the Russian proposed text still "
            "matches the English one (revised in version 2): Only the English wording was tightened"
            in " ".join(output.split())), output
    assert "out of date" not in output


def test_a_revision_after_a_confirmation_leaves_the_other_language_out_of_date_again(store: Store,
                                                                                    tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    confirm_russian(store)
    text = tmp_path / "again.txt"
    text.write_text("A child under sixteen may never be profiled for advertising.", encoding="utf-8")
    code, output = crlens("rec", "revise", "rec-001", "--text-file", text, "--reason", "Stronger", db=store.url)
    assert code == 0, output
    with store.session() as session:
        assert [(s.field, s.lang, s.since) for s in stale_texts(find_recommendation(find_project(session),
                                                                                     "rec-001"))] == [
            ("proposed", "ru", 4)]


def test_confirming_a_text_that_is_not_out_of_date_is_refused(store: Store) -> None:
    code, output = confirm_russian(store)
    assert code == 2, output
    assert "rec-001: the Russian proposed text is not out of date, so there is nothing to confirm" in " ".join(
        output.split())
    with store.session() as session:
        assert session.scalar(select(func.max(RecommendationVersion.version))) == 1


def test_confirming_an_unknown_field_is_refused(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    code, output = crlens("rec", "confirm", "rec-001", "--field", "title", "--lang", "ru", db=store.url)
    assert code == 2, output
    assert "field must be one of issue, solution, proposed, justification, gender" in " ".join(output.split())


def test_answers_on_a_text_later_confirmed_still_decide_the_state(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    form = answer_xlsx(export(store, tmp_path / "r1.xlsx"), tmp_path / "a.xlsx", {"rec-001": ("accept", "")})
    confirm_russian(store)  # after the form went out with version 2: version 3 has the same text
    code, output = crlens("consult", "import", form, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 0, output
    with store.session() as session:
        assert find_recommendation(find_project(session), "rec-001").state == "accepted"


def test_a_text_the_engine_rewrites_in_one_language_is_not_out_of_date(store: Store) -> None:
    # the engine writes both languages together: re-reviewing a new draft can change the English wording alone
    with store.session() as session:
        rec = find_recommendation(find_project(session), "rec-001")
        data = {**rec.latest.data, "issue": "The engine's new wording of the issue."}
        rec.versions.append(RecommendationVersion(version=2, data=data, author="crlens", reason="re-reviewed"))
        session.flush()
        assert stale_texts(rec) == []


def test_rec_show_says_which_text_is_out_of_date(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    code, output = crlens("rec", "show", "rec-001", db=store.url)
    assert code == 0, output
    assert "out of date: the Russian proposed text (the English one was revised in version 2)" in " ".join(
        output.split())


def test_a_text_out_of_date_is_marked_in_the_feedback_form_of_its_language(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    russian = {row[0]: row for row in load_rows(export(store, tmp_path / "r1.ru.xlsx", lang="ru"))}
    english = {row[0]: row for row in load_rows(export(store, tmp_path / "r1.xlsx"))}
    assert str(russian["rec-001"][6]).startswith(
        "[Не обновлено после изменения английского текста в версии 2: возможны расхождения]")
    assert not str(russian["rec-001"][4]).startswith("[") and not str(russian["rec-002"][6]).startswith("[")
    assert english["rec-001"][6] == "A child under sixteen may not be profiled for advertising."


def test_a_form_with_a_marked_text_is_imported_like_any_other(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    answered = answer_docx(export(store, tmp_path / "r1.ru.docx", lang="ru"), tmp_path / "a.docx",
                           {"rec-001": ("принять", "Согласны.")})
    code, output = crlens("consult", "import", answered, "--round", "1", "--by", "Marat", db=store.url)
    assert code == 0, output
    assert feedback_rows(store) == 1


def test_exporting_a_form_warns_of_the_texts_out_of_date_in_its_language(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    code, output = crlens("consult", "export", "--round", "1", "--lang", "ru", "--out", tmp_path / "r1.ru.xlsx",
                          db=store.url)
    assert code == 0, output
    assert "warning: rec-001: the Russian proposed text was not revised" in " ".join(output.split())
    code, output = crlens("consult", "export", "--round", "1", "--out", tmp_path / "r1.xlsx", db=store.url)
    assert code == 0 and "warning" not in output


def test_the_consultation_log_lists_the_texts_out_of_date(store: Store, tmp_path: Path) -> None:
    from docx import Document

    revise_english(store, tmp_path)
    for name, lang in (("log.md", "en"), ("log.ru.md", "ru"), ("log.docx", "en"), ("log.ru.docx", "ru")):
        code, output = crlens("consult", "report", "--lang", lang, "--out", tmp_path / name, db=store.url)
        assert code == 0, output
    english = (tmp_path / "log.md").read_text(encoding="utf-8")
    russian = (tmp_path / "log.ru.md").read_text(encoding="utf-8")
    assert "## Texts not yet brought into line across languages" in english
    assert "- rec-001: the Russian proposed text (the English one was revised in version 2)" in english
    assert "## Тексты, еще не приведенные в соответствие на двух языках" in russian
    assert ("- rec-001: предлагаемая редакция на русском языке (английский текст изменен в версии 2)" in russian)
    for name, words in (("log.docx", "rec-001: the Russian proposed text"),
                        ("log.ru.docx", "rec-001: предлагаемая редакция на русском языке")):
        assert words in "\n".join(p.text for p in Document(str(tmp_path / name)).paragraphs), name


def test_the_final_report_warns_of_texts_out_of_date_in_one_language(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    code, output = crlens("project", "report", "--out", tmp_path / "final", "--formats", "md", db=store.url)
    assert code == 0, output
    assert "warning: rec-001: the Russian proposed text was not revised" in " ".join(output.split())
    annex = (tmp_path / "final" / "gap-table.ru.md").read_text(encoding="utf-8")
    assert "rec-001: предлагаемая редакция на русском языке (английский текст изменен в версии 2)" in annex


# --- showing a recommendation --------------------------------------------------------------------------------


def test_rec_show_in_russian_shows_the_russian_issue_solution_and_proposed_text(store: Store) -> None:
    with store.session() as session:
        data = find_recommendation(find_project(session), "rec-001").latest.data
    code, output = crlens("rec", "show", "rec-001", "--lang", "ru", db=store.url)
    assert code == 0, output
    shown = " ".join(output.split())
    for label, text in (("проблема", data["ru"]["issue"]), ("решение", data["ru"]["solution"]),  # type: ignore[index]
                        ("предлагаемая редакция", data["amendment"]["proposed_text"]["ru"])):  # type: ignore[index]
        assert f"{label}: {' '.join(str(text).split())}" in shown
    assert " ".join(str(data["issue"]).split()) not in shown


def test_rec_show_refuses_a_language_it_has_no_texts_in(store: Store) -> None:
    code, output = crlens("rec", "show", "rec-001", "--lang", "kk", db=store.url)
    assert code == 2
    assert "'kk' is not one of 'en', 'ru'" in " ".join(output.split())


def history_line(store: Store, version: int, lang: str) -> str:
    """How ``rec show`` opens the line of rec-001's ``version`` in the history: version, time and author."""
    with store.session() as session:
        made = next(v for v in find_recommendation(find_project(session), "rec-001").versions
                    if v.version == version)
        word = f"версия {version}" if lang == "ru" else f"v{version}"
        return f"{word} {made.created_at:%Y-%m-%d %H:%M} {made.author}: "


def shown_in(lang: str, store: Store) -> str:
    code, output = crlens("rec", "show", "rec-001", "--lang", lang, db=store.url)
    assert code == 0, output
    return " ".join(output.split())


@pytest.mark.parametrize(("lang", "reason"), [("en", "first review of draft version 1"),
                                              ("ru", "первичный анализ редакции проекта 1")])
def test_rec_show_says_why_crlens_wrote_the_first_version_in_the_language_asked(store: Store, lang: str,
                                                                               reason: str) -> None:
    assert history_line(store, 1, lang) + reason in shown_in(lang, store)


@pytest.mark.parametrize(("lang", "reason"), [("en", "withdrawn: Covered by rec-002"),
                                              ("ru", "отозвана: Covered by rec-002")])
def test_rec_show_says_a_withdrawal_in_the_language_asked_with_the_reason_as_written(store: Store, lang: str,
                                                                                     reason: str) -> None:
    assert crlens("rec", "withdraw", "rec-001", "--reason", "Covered by rec-002", "--by", "Dana",
                  db=store.url)[0] == 0
    assert history_line(store, 2, lang) + reason in shown_in(lang, store)


@pytest.mark.parametrize(("lang", "reason"), [
    ("en", "Confirmed: the Russian proposed text still matches the English one (revised in version 2): Only a "
           "typo"),
    ("ru", "Подтверждено: предлагаемая редакция на русском языке по-прежнему соответствует тексту на английском "
           "языке (изменен в версии 2): Only a typo")])
def test_rec_show_says_a_confirmation_in_the_language_asked_whatever_language_recorded_it(
        store: Store, tmp_path: Path, lang: str, reason: str) -> None:
    revise_english(store, tmp_path)
    assert confirm_russian(store, "--reason", "Only a typo")[0] == 0  # the command line records it in English
    assert history_line(store, 3, lang) + reason in shown_in(lang, store)


def test_rec_show_in_russian_shows_a_persons_reason_as_it_was_written(store: Store, tmp_path: Path) -> None:
    revise_english(store, tmp_path)
    assert history_line(store, 2, "ru") + "Ministry asked for 16" in shown_in("ru", store)


def answered_by_two(store: Store, tmp_path: Path) -> None:
    """Round 1 on rec-001: Aigerim accepts it with a comment, Marat rejects it without one."""
    form = export(store, tmp_path / "r1.xlsx")
    for person, answer in (("Aigerim", ("accept", "Agreed, as written.")), ("Marat", ("reject", ""))):
        answered = answer_xlsx(form, tmp_path / f"{person}.xlsx", {"rec-001": answer})
        assert crlens("consult", "import", answered, "--round", "1", "--by", person, db=store.url)[0] == 0


def test_rec_show_lists_each_persons_answer_round_by_round(store: Store, tmp_path: Path) -> None:
    answered_by_two(store, tmp_path)
    with store.session() as session:
        given = {f.person: f.created_at for f in session.scalars(select(Feedback))}
    code, output = crlens("rec", "show", "rec-001", db=store.url)
    assert code == 0, output
    answers = output.split("round 1 (open): 2 answer(s)\n")[1].splitlines()
    assert answers == [f"  Aigerim ({given['Aigerim']:%Y-%m-%d %H:%M}, version 1): accept: Agreed, as written.",
                       f"  Marat ({given['Marat']:%Y-%m-%d %H:%M}, version 1): reject"]


def test_rec_show_says_when_a_recommendation_has_no_answers_yet(store: Store, tmp_path: Path) -> None:
    assert crlens("rec", "show", "rec-001", db=store.url)[1].endswith("answers: no consultation round yet\n")
    answered_by_two(store, tmp_path)
    assert crlens("rec", "show", "rec-002", db=store.url)[1].endswith("round 1 (open): no answers\n")


def test_rec_show_in_russian_says_its_state_versions_answers_and_texts_out_of_date_in_russian(
        store: Store, tmp_path: Path) -> None:
    answered_by_two(store, tmp_path)
    revise_english(store, tmp_path)
    with store.session() as session:
        revised = find_recommendation(find_project(session), "rec-001").latest.created_at
        given = {f.person: f.created_at for f in session.scalars(select(Feedback))}
    code, output = crlens("rec", "show", "rec-001", "--lang", "ru", db=store.url)
    assert code == 0, output
    shown = " ".join(output.split())
    assert shown.startswith("rec-001 (пересмотрена, версия 2) проблема: ")
    assert f"версия 2 {revised:%Y-%m-%d %H:%M} Dana: Ministry asked for 16 предлагаемая редакция (en): " in shown
    assert "не обновлено: предлагаемая редакция на русском языке (английский текст изменен в версии 2)" in shown
    note = ("дан на прежний текст и больше не определяет статус: версия 2 изменила предложение (Ministry asked "
            "for 16)")
    assert shown.endswith(
        f"раунд 1 (открыт): ответов: 2 Aigerim ({given['Aigerim']:%Y-%m-%d %H:%M}, версия 1): принять: Agreed, as "
        f"written. {note} Marat ({given['Marat']:%Y-%m-%d %H:%M}, версия 1): отклонить {note}"), output


def test_rec_show_in_russian_says_in_russian_when_there_are_no_answers_yet(store: Store, tmp_path: Path) -> None:
    assert crlens("rec", "show", "rec-001", "--lang", "ru", db=store.url)[1].endswith(
        "ответы: раундов консультаций еще не было\n")
    answered_by_two(store, tmp_path)
    assert crlens("rec", "show", "rec-002", "--lang", "ru", db=store.url)[1].endswith(
        "раунд 1 (открыт): ответов нет\n")


def test_rec_show_marks_an_answer_given_on_a_text_revised_since(store: Store, tmp_path: Path) -> None:
    answered_by_two(store, tmp_path)
    revise_english(store, tmp_path)
    code, output = crlens("rec", "show", "rec-001", db=store.url)
    assert code == 0, output
    answers = " ".join(output.split("round 1 (open): 2 answer(s)")[1].split())
    note = "given on an earlier text, so it no longer decides the state: version 2 changed what it proposes " \
           "(Ministry asked for 16)"
    assert f"accept: Agreed, as written. {note}" in answers and answers.endswith(f"reject {note}"), output


# --- consultation report ------------------------------------------------------------------------------------


def test_the_consultation_report_says_what_was_said_and_what_changed(store: Store, tmp_path: Path) -> None:
    answered = answer_xlsx(export(store, tmp_path / "r1.xlsx"), tmp_path / "a.xlsx",
                           {"rec-001": ("accept with changes", "Say sixteen, not eighteen.")})
    assert crlens("consult", "import", answered, "--round", "1", "--by", "Aigerim", db=store.url)[0] == 0
    text = tmp_path / "t.txt"
    text.write_text("Sixteen years.", encoding="utf-8")
    assert crlens("rec", "revise", "rec-001", "--text-file", text, "--reason", "As the ministry asked",
                  db=store.url)[0] == 0
    assert crlens("consult", "report", "--round", "1", "--out", tmp_path / "log.md", db=store.url)[0] == 0
    assert crlens("consult", "report", "--round", "1", "--out", tmp_path / "log.docx", db=store.url)[0] == 0
    markdown = (tmp_path / "log.md").read_text(encoding="utf-8")
    assert "Say sixteen, not eighteen." in markdown and "Aigerim" in markdown
    assert "As the ministry asked" in markdown and "**Sixteen years.**" in markdown
    from docx import Document

    words = "\n".join(c.text for t in Document(str(tmp_path / "log.docx")).tables for r in t.rows for c in r.cells)
    assert "Say sixteen, not eighteen." in words and "As the ministry asked" in words


def test_a_batch_of_revisions_can_come_from_an_excel_sheet(store: Store, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["id", "field", "lang", "text", "reason"])
    wb.active.append(["rec-003", "issue", "en", "The issue, restated.", "Clearer after round 1"])
    wb.save(str(tmp_path / "batch.xlsx"))
    code, output = crlens("rec", "revise", "--batch", tmp_path / "batch.xlsx", "--by", "Dana", db=store.url)
    assert code == 0, output
    with store.session() as session:
        rec = find_recommendation(find_project(session), "rec-003")
        assert rec.latest.data["issue"] == "The issue, restated." and rec.latest.reason == "Clearer after round 1"


def test_a_resaved_file_with_the_same_answers_changes_nothing(store: Store, tmp_path: Path) -> None:
    from crlens.store.models import FeedbackImport

    exported = export(store, tmp_path / "r1.xlsx")
    answer_xlsx(exported, tmp_path / "a.xlsx", {"rec-001": ("accept", "Fine.")})
    from openpyxl import load_workbook

    wb = load_workbook(str(tmp_path / "a.xlsx"))
    wb["Info"]["A5"] = "opened and saved again"
    wb.save(str(tmp_path / "a-resaved.xlsx"))
    assert (tmp_path / "a.xlsx").read_bytes() != (tmp_path / "a-resaved.xlsx").read_bytes()
    for name in ("a.xlsx", "a-resaved.xlsx"):
        code, _out = crlens("consult", "import", tmp_path / name, "--round", "1", "--by", "A", db=store.url)
        assert code == 0
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(FeedbackImport)) == 1
    assert feedback_rows(store) == 1
