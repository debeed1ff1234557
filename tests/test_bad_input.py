"""Bad input: one clear message naming the file and the problem, exit code 2, never a traceback."""

from __future__ import annotations

import io
import zipfile

import pytest
from typer.testing import CliRunner

from crlens.cli import app
from makefiles import make_docx, make_pdf

runner = CliRunner()


def run_parse(path):
    result = runner.invoke(app, ["parse", str(path)])
    return result, result.stderr if result.stderr_bytes is not None else result.output


def assert_clean_failure(path, *words):
    result, stderr = run_parse(path)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Traceback" not in stderr
    assert str(path) in stderr.replace("\n", "")
    for word in words:
        assert word in stderr.replace("\n", " ")


def test_missing_file(tmp_path):
    assert_clean_failure(tmp_path / "nowhere.docx", "file not found")


def test_directory(tmp_path):
    assert_clean_failure(tmp_path, "is a directory")


def test_unsupported_extension(tmp_path):
    path = tmp_path / "draft.odt"
    path.write_bytes(b"something")
    assert_clean_failure(path, "unsupported file type", ".odt")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.touch()
    assert_clean_failure(path, "empty")


def test_corrupted_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive" * 10)
    assert_clean_failure(path, "corrupted")


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert_clean_failure(path, "not a Word document")


def test_password_protected_docx(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = make_docx(["Статья 1. Цели", "1. Текст."], tmp_path / "plain.docx")
    encrypted = tmp_path / "locked.docx"
    with plain.open("rb") as src, encrypted.open("wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    assert_clean_failure(encrypted, "password-protected")


def test_docx_zip_bomb_is_refused_without_expanding(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as fh:
            chunk = bytes(1024 * 1024)
            for _ in range(210):
                fh.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    assert_clean_failure(path, "zip bomb")


def test_corrupted_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n garbage garbage garbage\n")
    assert_clean_failure(path, "corrupted")


def test_password_protected_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(["Статья 1. Цели", "1. Текст."], tmp_path / "plain.pdf")
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    assert_clean_failure(locked, "password-protected")


def test_scanned_pdf_without_text_layer_asks_for_ocr(tmp_path):
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (200, 100), color=200)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(buffer), 50, 500, width=400, height=200)
    pdf.showPage()
    pdf.save()
    assert_clean_failure(path, "no text layer", "OCR")


def test_file_over_50_mb(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)
    assert_clean_failure(path, "50 MB")


def test_text_without_articles_is_parsed_as_preamble_with_a_warning(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("Пояснительная записка.\nЗдесь нет статей.\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert "no recognisable articles" in result.stderr
    assert '"id": "preamble"' in result.stdout


@pytest.mark.parametrize("fmt", ["tree", "json", "akn"])
def test_bad_input_fails_the_same_way_in_every_output_format(tmp_path, fmt):
    result = runner.invoke(app, ["parse", str(tmp_path / "missing.txt"), "--format", fmt])
    assert result.exit_code == 2


def test_a_word_document_saved_under_a_txt_name_is_named_for_what_it_is(tmp_path):
    docx = make_docx(["Статья 1. Цели", "1. Текст."], tmp_path / "draft.docx")
    path = tmp_path / "draft.txt"
    path.write_bytes(docx.read_bytes())
    assert_clean_failure(path, "Word document", ".docx")


def test_binary_data_under_a_txt_name_is_refused(tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert_clean_failure(path, "binary data")


def _review(*args: str):
    result = runner.invoke(app, ["review", *args, "--formats", "md", "--lang", "en"])
    return result, result.stderr if result.stderr_bytes is not None else result.output


def test_review_out_naming_a_file_fails_before_any_work(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Статья 1. Цели\n1. Текст.\n", encoding="utf-8")
    existing = tmp_path / "review.json"
    existing.write_text("{}", encoding="utf-8")
    result, stderr = _review(str(draft), "--out", str(existing))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert str(existing) in stderr and "is a file, not a directory" in stderr
    assert existing.read_text(encoding="utf-8") == "{}"


def test_review_out_below_a_file_fails_cleanly(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Статья 1. Цели\n1. Текст.\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result, stderr = _review(str(draft), "--out", str(blocker / "out"))
    assert result.exit_code == 2
    assert "cannot create the directory" in stderr.replace("\n", " ")


def test_report_from_an_empty_review_json_says_it_is_empty(tmp_path):
    empty = tmp_path / "review.json"
    empty.touch()
    result = runner.invoke(app, ["report", str(empty), "--out", str(tmp_path / "docs")])
    assert result.exit_code == 2
    assert "the file is empty" in result.stderr


def test_report_from_a_file_that_is_not_json_says_so_with_the_place(tmp_path):
    notes = tmp_path / "notes.json"
    notes.write_text("Meeting notes\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(notes), "--out", str(tmp_path / "docs")])
    assert result.exit_code == 2
    assert f"{notes}: is not JSON (expected value at line 1 column 1)" in " ".join(result.stderr.split())


def test_report_from_a_review_json_missing_a_field_names_the_field(tmp_path):
    import json

    review = json.loads(runner.invoke(app, ["review", "--json", "--formats", "md", "--out",
                                            str(tmp_path / "out")]).stdout)
    del review["document"]["title"]
    broken = tmp_path / "review.json"
    broken.write_text(json.dumps(review), encoding="utf-8")
    result = runner.invoke(app, ["report", str(broken), "--out", str(tmp_path / "docs")])
    assert result.exit_code == 2
    assert f"{broken}: is not a valid review.json: field 'document.title' is missing" in " ".join(
        result.stderr.split())


def test_review_without_a_draft_says_it_reviews_the_illustrative_sample(tmp_path):
    result, stderr = _review("--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "no draft given" in stderr and "not a real law" in stderr.replace("\n", " ")
