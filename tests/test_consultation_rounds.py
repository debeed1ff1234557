"""End to end, on SQLite and PostgreSQL, through the command line: two full consultation rounds on the sample
draft, with a new draft version in between, and the final deliverables with their consultation log."""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from consulting import answer_docx, answer_xlsx, draft_version_2
from crlens.cli import app

runner = CliRunner()


def crlens(db: str, *args: str | Path) -> str:
    result = runner.invoke(app, [*map(str, args), "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def exported_ids(path: Path) -> list[str]:
    return [row[0].value for row in load_workbook(str(path)).worksheets[0].iter_rows(min_row=2)]


def recommendations(db: str) -> dict[str, tuple[str, str]]:
    """rec id -> (state, target) from ``crlens rec list``."""
    out = {}
    for line in crlens(db, "rec", "list").splitlines():
        key, state, _version, target, *_ = line.split("\t")
        out[key] = (state, target)
    return out


def test_two_rounds_a_new_draft_and_final_deliverables(db_url: str, sample_ru: Path, tmp_path: Path) -> None:
    db = db_url
    crlens(db, "project", "init", "kz-digital-code", "--draft", sample_ru, "--by", "Reviewer")
    before = recommendations(db)
    # a recommendation on an article that the new version renumbers (42 -> 43), revised by hand in round 1
    renumbered = next(k for k, (_s, target) in before.items() if target.startswith("art:42"))

    # --- round 1: the file goes to two ministry officials, one answers in Excel, one in Word
    crlens(db, "consult", "export", "--round", "1", "--out", tmp_path / "round1.xlsx")
    crlens(db, "consult", "export", "--round", "1", "--out", tmp_path / "round1.docx", "--lang", "ru")
    # three other recommendations, so that round 1 gives feedback on four
    ids = [i for i in exported_ids(tmp_path / "round1.xlsx") if i != renumbered]
    first, second, third = ids[0], ids[1], ids[2]
    comments = {
        "a1": "Agreed in principle; align the wording with the Law on Personal Data.",
        "a2": "The Code on Children already covers this.",
        "a3": "Which age threshold do you propose?",
        "m1": "Согласны, но срок нужно увеличить.",
        "m2": "Нужна консультация с уполномоченным органом.",
    }
    aigerim = answer_xlsx(tmp_path / "round1.xlsx", tmp_path / "round1-aigerim.xlsx", {
        first: ("accept", comments["a1"]), second: ("reject", comments["a2"]),
        renumbered: ("question", comments["a3"])})
    marat = answer_docx(tmp_path / "round1.docx", tmp_path / "round1-marat.docx", {
        first: ("принять с изменениями", comments["m1"]), third: ("вопрос", comments["m2"])})
    assert "3 new answer(s)" in crlens(db, "consult", "import", aigerim, "--round", "1", "--by", "Aigerim")
    assert "2 new answer(s)" in crlens(db, "consult", "import", marat, "--round", "1", "--by", "Marat")
    assert "nothing changed" in crlens(db, "consult", "import", aigerim, "--round", "1", "--by", "Aigerim")
    assert "nothing changed" in crlens(db, "consult", "import", marat, "--round", "1", "--by", "Marat")
    assert "feedback on 4 recommendation(s)" in crlens(db, "project", "status")

    # --- the reviewer answers: one revision from a file, two in a batch
    answer = tmp_path / "answer.txt"
    answer.write_text("Blocking orders name the information, are notified to the owner and can be appealed "
                      "to a court; children under 16 are covered.", encoding="utf-8")
    crlens(db, "rec", "revise", renumbered, "--text-file", answer, "--reason", "Age threshold 16, as asked",
           "--by", "Reviewer")
    batch = tmp_path / "batch.yaml"
    batch.write_text(f"- {{id: {first}, field: solution, text: 'Align with the Law on Personal Data.', "
                     f"reason: 'Both officials agreed with changes'}}\n"
                     f"- {{id: {third}, field: solution, lang: ru, text: 'Согласовать с уполномоченным "
                     f"органом.', reason: 'Question from Marat'}}\n", encoding="utf-8")
    crlens(db, "rec", "revise", "--batch", batch, "--by", "Reviewer")

    # --- a new draft version: a new Article 8 renumbers the rest, and two gaps are fixed
    v2 = draft_version_2(sample_ru, tmp_path / "draft-v2.ru.txt")
    added = crlens(db, "project", "add-draft", v2, "--by", "Reviewer", "--diff-out", tmp_path / "v1-v2.md")
    assert "draft version 2" in added and "added 1" in added
    assert "<ins>" in (tmp_path / "v1-v2.md").read_text(encoding="utf-8")
    closed = added.split("gaps closed:")[1].split("\n")[0]
    assert "general-principles-05" in closed and "ai-02" in closed
    after = recommendations(db)
    taken = [k for k, (state, _t) in after.items() if state == "taken-up"]
    assert len(taken) >= 2
    assert after[renumbered][1].startswith("art:43"), "the recommendation follows its renumbered article"
    shown = crlens(db, "rec", "show", renumbered)
    assert "Age threshold 16, as asked" in shown and "provision ids follow draft version 2" in shown

    # --- round 2 on the new version, once round 1 is closed: taken-up recommendations are not sent again
    assert "round 1 closed: feedback on 4 of" in crlens(db, "consult", "close", "--round", "1")
    crlens(db, "consult", "export", "--round", "2", "--out", tmp_path / "round2.xlsx")
    ids2 = exported_ids(tmp_path / "round2.xlsx")
    assert not set(taken) & set(ids2) and renumbered in ids2
    comments["a4"] = "The revised wording is acceptable."
    round2 = answer_xlsx(tmp_path / "round2.xlsx", tmp_path / "round2-aigerim.xlsx",
                         {renumbered: ("accept", comments["a4"])})
    crlens(db, "consult", "import", round2, "--round", "2", "--by", "Aigerim")
    crlens(db, "consult", "close", "--round", "2")

    # --- final deliverables: latest versions, and nothing said in the consultation is lost
    final = tmp_path / "final"
    crlens(db, "project", "report", "--out", final, "--formats", "docx,xlsx,md,pdf")
    review = json.loads((final / "review.json").read_text(encoding="utf-8"))
    final_ids = {r["id"] for r in review["recommendations"]}
    assert not set(taken) & final_ids and renumbered in final_ids
    revised = next(r for r in review["recommendations"] if r["id"] == renumbered)
    assert revised["amendment"]["proposed_text"]["en"] == answer.read_text(encoding="utf-8")
    log = (final / "consultation-log.md").read_text(encoding="utf-8")
    gap_table = Document(str(final / "gap-table.docx"))
    annex = "\n".join([p.text for p in gap_table.paragraphs]
                      + [c.text for t in gap_table.tables for r in t.rows for c in r.cells])
    assert "Annex: Consultation log" in annex
    for comment in comments.values():
        assert comment in log, comment
        assert comment in annex, comment
    assert "Age threshold 16, as asked" in log and "taken up in the text" in log
    ru_log = (final / "consultation-log.ru.md").read_text(encoding="utf-8")
    assert "Журнал консультаций" in ru_log and comments["m1"] in ru_log
    assert (final / "policy-brief.pdf").read_bytes().startswith(b"%PDF")
