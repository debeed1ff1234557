"""The redline: the Word draft with each amendment as a native tracked change and a comment."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from typer.testing import CliRunner

from crlens.analysis.labels import PRESENT_TEXT_NUMBERED
from crlens.analysis.review import Review
from crlens.cli import app
from makefiles import make_docx

runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def redline(tmp_path_factory, sample_ru):
    folder = tmp_path_factory.mktemp("redline")
    draft = make_docx(sample_ru.read_text(encoding="utf-8").splitlines(), folder / "draft.docx")
    result = runner.invoke(app, ["review", str(draft), "--out", str(folder), "--formats", "md"])
    assert result.exit_code == 0, result.output
    return folder / "amendments-redline.docx", Review.read(folder / "review.json"), draft


def test_redline_is_written_for_docx_input(redline):
    path, _, _ = redline
    assert path.exists()


def test_every_amendment_is_a_tracked_insertion_with_its_comment(redline):
    path, review, _ = redline
    document = docx.Document(str(path))
    comments = {c.text.split(":", 1)[0]: c for c in document.comments}
    assert set(comments) == {rec.id for rec in review.recommendations}
    assert all(c.author == "crlens" for c in comments.values())
    body = document.element.body
    inserted_runs = body.findall(f".//{W}ins/{W}r")
    assert len(inserted_runs) >= len(review.recommendations)
    assert all(ins.get(f"{W}author") == "crlens" for ins in body.iter(f"{W}ins"))
    # each comment's anchor run sits inside a tracked insertion
    for start in body.iter(f"{W}commentRangeStart"):
        assert start.getnext().tag == f"{W}ins"


def test_the_original_text_is_kept_unchanged(redline):
    path, _, draft = redline
    original = [p.text for p in docx.Document(str(draft)).paragraphs]
    kept = [p.text for p in docx.Document(str(path)).paragraphs
            if not p._p.findall(f"./{W}pPr/{W}rPr/{W}ins")]
    assert kept == original
    assert not docx.Document(str(path)).element.body.findall(f".//{W}del")


def test_inserted_text_is_the_proposed_text_in_the_draft_language(redline):
    path, review, _ = redline
    inserted = "\n".join(t.text for t in docx.Document(str(path)).element.body.iterfind(f".//{W}ins//{W}t"))
    first = review.recommendations[0].amendment.proposed_text.ru.splitlines()[0]
    assert first in inserted


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_redline(redline, tmp_path):
    path, _, _ = redline
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "amendments-redline.pdf").stat().st_size > 0


def test_numbering_an_articles_present_text_is_carried_out_not_inserted_as_words(redline):
    """Supplementing the sample's Article 9 (sub-paragraphs only) makes its present text paragraph 1: the redline
    gives that paragraph a tracked "1. " and does not insert the instruction as text of the law."""
    path, review, _ = redline
    instruction = PRESENT_TEXT_NUMBERED["ru"]
    assert any(r.amendment.proposed_text.ru.startswith(instruction) for r in review.recommendations)
    body = docx.Document(str(path)).element.body
    inserted = [t.text for t in body.iterfind(f".//{W}ins//{W}t")]
    assert instruction not in inserted
    numbered = [p for p in body.iter(f"{W}p") if [t.text for t in p.iterfind(f"./{W}ins//{W}t")][:1] == ["1. "]]
    assert any("Уполномоченный орган в сфере цифровизации:" in "".join(t.text for t in p.iter(f"{W}t"))
               for p in numbered)


def test_the_same_review_gives_the_same_redline_markup(redline, tmp_path):
    """Same input, same output: neither the tracked changes nor the comments carry the time they were made."""
    import zipfile

    from crlens.report.redline import write_redline

    path, review, draft = redline
    again = write_redline(review, draft, tmp_path / "again.docx").path
    for part in ("word/document.xml", "word/comments.xml"):
        with zipfile.ZipFile(path) as first, zipfile.ZipFile(again) as second:
            assert first.read(part) == second.read(part), part
    comments = docx.Document(str(path)).comments
    assert all(c.timestamp is None for c in comments)
