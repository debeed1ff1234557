"""Control characters in text people give (a manual line break pasted from Word is a vertical tab): on the way
into the store, line breaks become newlines and any other control character is refused, naming the file or
field; on the way out, text a database already holds with such characters (stored before these checks) never
stops a Word, Excel or PDF deliverable from being written."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from consulting import answer_docx, answer_xlsx, form_sheet
from crlens.cli import app
from crlens.consult.project import find_project, find_recommendation
from crlens.consult.rounds import export_round, open_round
from crlens.store.database import Store
from crlens.store.models import Comment, Feedback, RecommendationVersion, now
from webclient import Person, workspace

runner = CliRunner()

PASTED = "Pasted from Word\vwith an escape\x1b character."
"""Text copied from Word (its manual line break) with an escape character in it."""
AS_WRITTEN = "Pasted from Word\nwith an escape character."
"""The same text as a deliverable holds it."""
CONTROLS = {chr(c) for c in range(32)} - {"\t", "\n", "\r"}


@pytest.fixture
def db(project_db: str) -> str:
    return project_db


def crlens(*args: str | Path, db: str) -> Any:
    return runner.invoke(app, [*map(str, args), "--db", db])


def stored_text(db: str, key: str = "rec-001", field: str = "proposed") -> str:
    store = Store(db)
    try:
        with store.session() as session:
            data = find_recommendation(find_project(session), key).latest.data
            return data["amendment"]["proposed_text"]["en"] if field == "proposed" else data[field]
    finally:
        store.dispose()


def version_of(db: str, key: str = "rec-001") -> int:
    store = Store(db)
    try:
        with store.session() as session:
            return find_recommendation(find_project(session), key).latest.version
    finally:
        store.dispose()


def feedback_comments(db: str) -> list[str]:
    store = Store(db)
    try:
        with store.session() as session:
            return [f.comment for f in session.query(Feedback).order_by(Feedback.id)]
    finally:
        store.dispose()


# --- on the way in: the command line ---------------------------------------------------------------------------


def test_a_manual_line_break_in_a_revision_file_is_stored_as_a_newline(db: str, tmp_path: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_bytes(b"Text.\vManual line break copied from Word\n")
    done = crlens("rec", "revise", "rec-001", "--text-file", text, "--reason", "pasted", db=db)
    assert done.exit_code == 0, done.output
    assert stored_text(db) == "Text.\nManual line break copied from Word"


def test_a_revision_file_with_a_control_character_is_refused_naming_the_file_and_the_place(db: str,
                                                                                          tmp_path: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_bytes(b"Line one\nLine \x1btwo\n")
    done = crlens("rec", "revise", "rec-001", "--text-file", text, "--reason", "x", db=db)
    assert done.exit_code == 2
    message = " ".join(done.output.split())
    assert f"{text}: contains the control character U+001B (line 2, column 6)" in message
    assert "Traceback" not in done.output
    assert version_of(db) == 1


def test_a_binary_revision_file_is_refused_as_not_a_text_file(db: str, tmp_path: Path) -> None:
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    done = crlens("rec", "revise", "rec-001", "--text-file", binary, "--reason", "x", db=db)
    assert done.exit_code == 2
    assert f"{binary}: is not a text file" in " ".join(done.output.split())
    assert version_of(db) == 1


def test_a_reason_with_a_control_character_is_refused(db: str, tmp_path: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_text("A new text.", encoding="utf-8")
    done = crlens("rec", "revise", "rec-001", "--text-file", text, "--reason", "typo\x07", db=db)
    assert done.exit_code == 2
    assert "--reason: contains the control character U+0007" in " ".join(done.output.split())
    assert version_of(db) == 1


def test_a_withdrawal_reason_with_a_control_character_is_refused(db: str) -> None:
    done = crlens("rec", "withdraw", "rec-001", "--reason", "dup\x01licate", db=db)
    assert done.exit_code == 2
    assert "reason: contains the control character U+0001" in " ".join(done.output.split())
    assert version_of(db) == 1


def test_a_batch_revision_with_a_control_character_is_refused_naming_its_entry(db: str, tmp_path: Path) -> None:
    batch = tmp_path / "answers.yaml"
    batch.write_text('- {id: rec-001, text: "Fine.", reason: ok}\n'
                     '- {id: rec-002, text: "Bad\\x01 text.", reason: ok}\n', encoding="utf-8")
    done = crlens("rec", "revise", "--batch", batch, db=db)
    assert done.exit_code == 2
    assert "entry 2: text: contains the control character U+0001" in " ".join(done.output.split())
    assert version_of(db, "rec-001") == 1


def test_a_batch_revision_keeps_a_manual_line_break_as_a_newline(db: str, tmp_path: Path) -> None:
    batch = tmp_path / "answers.yaml"
    batch.write_text('- {id: rec-001, text: "One.\\vTwo.", reason: ok}\n', encoding="utf-8")
    assert crlens("rec", "revise", "--batch", batch, db=db).exit_code == 0
    assert stored_text(db) == "One.\nTwo."


def test_a_name_given_with_by_that_holds_a_control_character_is_refused(db: str, tmp_path: Path) -> None:
    text = tmp_path / "new.txt"
    text.write_text("A new text.", encoding="utf-8")
    done = crlens("rec", "revise", "rec-001", "--text-file", text, "--reason", "x", "--by", "Rita\x1b[31m", db=db)
    assert done.exit_code == 2
    assert "--by: contains the control character U+001B" in " ".join(done.output.split())


def test_a_display_name_with_a_control_character_is_refused(db_url: str, tmp_path: Path) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("a long passphrase\n", encoding="utf-8")
    done = runner.invoke(app, ["user", "add", "aigerim", "--role", "ministry", "--name", "Aigerim\x08S.",
                               "--password-file", str(secret), "--db", db_url])
    assert done.exit_code == 2
    assert "display name: contains the control character U+0008" in " ".join(done.output.split())


# --- on the way in: feedback forms ------------------------------------------------------------------------------


def _export(db: str, path: Path) -> Path:
    store = Store(db)
    with store.session() as session:
        export_round(session, find_project(session), 1, path)
    store.dispose()
    return path


def test_a_line_break_excel_stored_in_a_comment_is_read_as_a_newline(db: str, tmp_path: Path) -> None:
    # Excel keeps a control character in a cell as _xHHHH_ (a manual line break pasted from Word: _x000B_)
    form = answer_xlsx(_export(db, tmp_path / "round1.xlsx"), tmp_path / "answered.xlsx",
                       {"rec-001": ("accept", "Agreed._x000B_Add a deadline.")})
    assert crlens("consult", "import", form, "--round", "1", "--by", "Aigerim", db=db).exit_code == 0
    assert feedback_comments(db) == ["Agreed.\nAdd a deadline."]


def test_a_comment_with_a_control_character_is_refused_naming_the_row_and_nothing_is_imported(
        db: str, tmp_path: Path) -> None:
    form = answer_xlsx(_export(db, tmp_path / "round1.xlsx"), tmp_path / "answered.xlsx",
                       {"rec-001": ("accept", "Fine."), "rec-002": ("reject", "No_x001B_.")})
    done = crlens("consult", "import", form, "--round", "1", "--by", "Aigerim", db=db)
    assert done.exit_code == 2
    assert "row 3: the comment contains the control character U+001B" in " ".join(done.output.split())
    assert feedback_comments(db) == []


# --- on the way in: the web workspace ---------------------------------------------------------------------------


@pytest.fixture
def web(db: str) -> Any:
    app = workspace(db)
    with app.state.store.session() as session:
        open_round(session, find_project(session, "kz"), 1)
    return app


def test_the_api_stores_a_manual_line_break_in_a_decision_comment_as_a_newline(web: Any, db: str) -> None:
    done = Person(web, "ministry").api("POST", "/api/projects/1/recommendations/rec-010/decisions",
                                       json={"decision": "accept", "comment": "a\u000bb"})
    assert done.status_code == 201, done.text
    assert feedback_comments(db) == ["a\nb"]


def test_the_api_refuses_a_decision_comment_with_a_control_character(web: Any, db: str) -> None:
    done = Person(web, "ministry").api("POST", "/api/projects/1/recommendations/rec-010/decisions",
                                       json={"decision": "accept", "comment": "a\u0000b"})
    assert done.status_code == 400
    assert done.json()["detail"].startswith("comment: contains the control character U+0000")
    assert feedback_comments(db) == []


def test_the_api_refuses_a_revision_with_a_control_character(web: Any, db: str) -> None:
    done = Person(web, "reviewer").api("POST", "/api/projects/1/recommendations/rec-001/revisions",
                                       json={"field": "proposed", "lang": "en", "text": "New\u001btext.",
                                             "reason": "typo"})
    assert done.status_code == 400
    assert done.json()["detail"].startswith("text: contains the control character U+001B")
    assert version_of(db) == 1


def test_the_api_refuses_a_discussion_comment_with_a_control_character(web: Any) -> None:
    reviewer = Person(web, "reviewer")
    done = reviewer.api("POST", "/api/projects/1/recommendations/rec-001/comments", json={"body": "see\u0007"})
    assert done.status_code == 400
    assert "comment: contains the control character U+0007" in done.json()["detail"]
    assert reviewer.get("/api/projects/1/recommendations/rec-001/comments").json() == []


def test_the_revision_form_refuses_a_control_character_with_a_message(web: Any, db: str) -> None:
    done = Person(web, "reviewer").form("/projects/1/recommendations/rec-001/revise",
                                        {"field": "proposed", "text_lang": "en", "text": "New\x01text.",
                                         "reason": "typo"})
    assert done.status_code == 400
    assert "contains the control character U+0001" in done.text
    assert version_of(db) == 1


# --- on the way out: a database that already holds control characters ------------------------------------------


@pytest.fixture
def old_db(db: str) -> Iterator[str]:
    """Project 'kz' as a database made before text was checked holds it: every recommendation revised with text
    pasted from Word (a vertical tab and an escape character), and a round 1 with an answer, a history reason
    and a discussion comment holding such characters. (PostgreSQL cannot store NUL, so there is none.)"""
    store = Store(db)
    with store.session() as session:
        project = find_project(session)
        consultation = open_round(session, project, 1)
        for rec in project.recommendations:
            data = dict(rec.latest.data)
            data["issue"] = f"{data['issue']} {PASTED}"
            data["solution"] = f"{PASTED} {data['solution']}"  # the brief quotes the first sentence
            data["ru"] = {**data["ru"], "issue": f"{data['ru']['issue']} {PASTED}",
                          "solution": f"{PASTED} {data['ru']['solution']}"}
            data["amendment"] = {**data["amendment"], "proposed_text": {
                "en": PASTED, "ru": PASTED}, "justification": PASTED, "justification_ru": PASTED}
            rec.versions.append(RecommendationVersion(version=rec.latest.version + 1, data=data,
                                                      author="Rita\vR.", reason=f"pasted {PASTED}",
                                                      round_number=1, created_at=now()))
            rec.state = "revised"
        rec = find_recommendation(project, "rec-001")
        session.add(Feedback(round=consultation, recommendation=rec, recommendation_version=2, person="Marat\x1b",
                             decision="reject", comment=PASTED))
        session.add(Comment(recommendation=rec, round_number=1, author="Rita", author_role="reviewer",
                            body=PASTED))
    store.dispose()
    yield db


def xlsx_texts(path: Path) -> list[str]:
    from openpyxl import load_workbook

    return [cell for ws in load_workbook(str(path)).worksheets for row in ws.iter_rows(values_only=True)
            for cell in row if isinstance(cell, str)]


def docx_texts(path: Path) -> list[str]:
    from docx import Document

    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))
    finally:
        pdf.close()


def assert_written_plainly(texts: list[str]) -> None:
    """The pasted text is in the document with its line break, and no control character is."""
    assert any(AS_WRITTEN in text for text in texts)
    assert not CONTROLS & set("".join(texts))


def test_excel_deliverables_are_written_from_text_stored_with_control_characters(old_db: str,
                                                                                 tmp_path: Path) -> None:
    done = crlens("project", "report", "--out", tmp_path / "final", "--formats", "xlsx", db=old_db)
    assert done.exit_code == 0, done.output
    for name in ("gap-table.xlsx", "amendments.xlsx", "gap-table.ru.xlsx", "amendments.ru.xlsx"):
        assert_written_plainly(xlsx_texts(tmp_path / "final" / name))


def test_word_deliverables_are_written_from_text_stored_with_control_characters(old_db: str,
                                                                                tmp_path: Path) -> None:
    done = crlens("project", "report", "--out", tmp_path / "final", "--formats", "docx", "--lang", "en",
                  db=old_db)
    assert done.exit_code == 0, done.output
    for name in ("gap-table.docx", "amendments.docx", "policy-brief.docx", "consultation-log.docx"):
        assert_written_plainly(docx_texts(tmp_path / "final" / name))


def test_the_pdf_brief_is_written_from_text_stored_with_control_characters(old_db: str, tmp_path: Path) -> None:
    done = crlens("project", "report", "--out", tmp_path / "final", "--formats", "pdf", "--lang", "en",
                  db=old_db)
    assert done.exit_code == 0, done.output
    text = pdf_text(tmp_path / "final" / "policy-brief.pdf")
    assert "with an escape character." in text
    assert not CONTROLS - {"\v", "\f"} & set(text)  # PDFium gives line ends as \r\n


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_a_feedback_form_is_written_from_text_stored_with_control_characters_and_imports(
        suffix: str, old_db: str, tmp_path: Path) -> None:
    form = tmp_path / f"round1.{suffix}"
    done = crlens("consult", "export", "--round", "1", "--out", form, db=old_db)
    assert done.exit_code == 0, done.output
    if suffix == "xlsx":
        from openpyxl import load_workbook

        assert_written_plainly([str(c) for row in form_sheet(load_workbook(str(form))).iter_rows(values_only=True)
                                for c in row if c])
        answered = answer_xlsx(form, tmp_path / "answered.xlsx", {"rec-002": ("accept", "Fine.")})
    else:
        assert_written_plainly(docx_texts(form))
        answered = answer_docx(form, tmp_path / "answered.docx", {"rec-002": ("accept", "Fine.")})
    imported = crlens("consult", "import", answered, "--round", "1", "--by", "Aigerim", db=old_db)
    assert imported.exit_code == 0, imported.output


def test_the_consultation_report_is_written_from_text_stored_with_control_characters(old_db: str,
                                                                                     tmp_path: Path) -> None:
    done = crlens("consult", "report", "--out", tmp_path / "log.docx", db=old_db)
    assert done.exit_code == 0, done.output
    assert_written_plainly(docx_texts(tmp_path / "log.docx"))


@pytest.mark.parametrize("name", ["gap-table.docx", "amendments.xlsx", "policy-brief.pdf",
                                  "consultation-log.docx"])
def test_the_workspace_downloads_deliverables_of_text_stored_with_control_characters(name: str,
                                                                                    old_db: str) -> None:
    response = Person(workspace(old_db), "viewer").get(f"/projects/1/downloads/{name}")
    assert response.status_code == 200
    assert response.content


# --- drafts ------------------------------------------------------------------------------------------------------


def test_a_draft_with_control_characters_is_reviewed_and_its_deliverables_written(sample_en: Path,
                                                                                  tmp_path: Path) -> None:
    draft = tmp_path / "pasted.txt"
    text = sample_en.read_text(encoding="utf-8")
    draft.write_text(text.replace("Article 2.", "Article 2.\v", 1).replace("children", "chil\x01dren", 1),
                     encoding="utf-8")
    done = runner.invoke(app, ["review", str(draft), "--out", str(tmp_path / "out"), "--lang", "en",
                               "--formats", "docx,xlsx"])
    assert done.exit_code == 0, done.output
    stored = (tmp_path / "out" / "review.json").read_text(encoding="utf-8")
    assert "\\u0001" not in stored and "\\u000b" not in stored
    assert zipfile.is_zipfile(tmp_path / "out" / "gap-table.docx")
