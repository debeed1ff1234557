"""Every input format yields the same provision tree: DOCX, PDF and HTML made from the sample draft."""

from __future__ import annotations

import html

import pytest

from crlens.ingest import parse_file
from makefiles import make_docx, make_pdf


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def _ids(document):
    return [p.id for p in document.provisions]


@pytest.fixture(scope="module", params=["ru", "en"])
def sample(request, sample_ru, sample_en):
    return sample_ru if request.param == "ru" else sample_en


def test_sample_draft_has_40_to_60_articles(sample):
    document = parse_file(sample)
    assert 40 <= len(document.articles) <= 60
    assert document.definitions, "the sample draft defines its terms in a definitions article"


def test_russian_and_english_samples_share_their_ids(sample_ru, sample_en):
    assert _ids(parse_file(sample_ru)) == _ids(parse_file(sample_en))


def test_docx_gives_the_same_tree_as_text(sample, tmp_path):
    expected = parse_file(sample)
    document = parse_file(make_docx(_lines(sample), tmp_path / "draft.docx"))
    assert document.input_format == "docx"
    assert _ids(document) == _ids(expected)
    assert [p.text for p in document.provisions] == [p.text for p in expected.provisions]


def test_pdf_gives_the_same_tree_as_text(sample, tmp_path):
    expected = parse_file(sample)
    document = parse_file(make_pdf(_lines(sample), tmp_path / "draft.pdf"))
    assert document.input_format == "pdf"
    assert _ids(document) == _ids(expected)


def test_pdf_running_header_and_page_numbers_are_removed(sample, tmp_path):
    document = parse_file(make_pdf(_lines(sample), tmp_path / "draft.pdf", header="ПРОЕКТ для обсуждения"))
    assert "ПРОЕКТ для обсуждения" not in document.text
    assert all(not line.strip().isdigit() for line in document.text.splitlines())


def test_html_page_gives_the_same_tree_without_menus_and_scripts(sample, tmp_path):
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in _lines(sample) if line.strip())
    page = tmp_path / "draft.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>adilet</title>"
        "<script>var menu = 'Статья 999. Script';</script><style>p{}</style></head><body>"
        "<nav class='top-menu'><a href='/'>Главная</a> <a href='/codes'>Кодексы</a></nav>"
        "<div class='sidebar'><p>Популярные документы</p></div>"
        f"<div id='text' class='container_gamma text'>{body}</div>"
        "<footer><p>© Министерство юстиции</p></footer></body></html>",
        encoding="utf-8",
    )
    document = parse_file(page)
    assert _ids(document) == _ids(parse_file(sample))
    assert "Главная" not in document.text and "Script" not in document.text and "©" not in document.text


def test_docx_automatic_numbering_is_rendered_as_text(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Статья 1. Цели")
    for text in ("Первый пункт.", "Второй пункт.", "Третий пункт."):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    parsed = parse_file(path)
    assert [p.id for p in parsed.provisions] == ["art:1", "art:1.1", "art:1.2", "art:1.3"]
    assert parsed.get("art:1.2").text == "Второй пункт."


def test_docx_tables_are_read_in_document_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Article 1. Scope")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Age band"
    table.rows[0].cells[1].text = "13-15"
    document.add_paragraph("Article 2. Entry into force")
    path = tmp_path / "table.docx"
    document.save(str(path))
    parsed = parse_file(path)
    assert "Age band | 13-15" in parsed.get("art:1").text
    assert parsed.get("art:2").heading == "Entry into force"


def test_docx_text_moved_with_track_changes_on_is_read_once_where_it_went(tmp_path):
    import docx

    from makefiles import track

    document = docx.Document()
    document.add_paragraph("Статья 1. Цели")
    moved_from = document.add_paragraph("1. Настоящий Кодекс регулирует цифровые отношения.")
    track(moved_from.add_run(" Он защищает права детей."), "moveFrom", 1)
    moved_to = document.add_paragraph("2. Кодекс основан на Конституции.")
    track(moved_to.add_run(" Он защищает права детей."), "moveTo", 2)
    path = tmp_path / "moved.docx"
    document.save(str(path))
    parsed = parse_file(path)
    assert parsed.get("art:1.1").text == "Настоящий Кодекс регулирует цифровые отношения."
    assert parsed.get("art:1.2").text == "Кодекс основан на Конституции. Он защищает права детей."
