"""The gap table: three columns, a row per recommendation, every source with its link, in en and ru."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import docx
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from crlens.analysis.labels import label
from crlens.analysis.review import Review
from crlens.cli import app
from crlens.knowledge.loader import load
from crlens.report.gap_table import HEADERS, OUTSIDE

runner = CliRunner()
CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")


@pytest.fixture(scope="module")
def out(tmp_path_factory, sample_ru):
    target = tmp_path_factory.mktemp("review")
    result = runner.invoke(app, ["review", str(sample_ru), "--out", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="module")
def review(out):
    return Review.read(out / "review.json")


def test_every_format_and_language_is_written(out):
    for suffix in ("", ".ru"):
        for fmt in ("docx", "xlsx", "html", "md"):
            assert (out / f"gap-table{suffix}.{fmt}").stat().st_size > 0


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_xlsx_has_the_three_columns_and_a_row_per_recommendation(out, review, suffix, lang):
    ws = load_workbook(out / f"gap-table{suffix}.xlsx").active
    header = [c.value for c in ws[1]]
    assert header[1:4] == list(HEADERS[lang])
    ids = [ws.cell(row=r, column=5).value for r in range(2, ws.max_row + 1)]
    assert ids == [rec.id for rec in _in_table_order(review)]
    assert ws.column_dimensions["E"].hidden
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_docx_is_landscape_with_repeated_header_rows(out, review, suffix, lang):
    document = docx.Document(str(out / f"gap-table{suffix}.docx"))
    section = document.sections[0]
    assert section.page_width > section.page_height
    rows = 0
    for table in document.tables:
        assert [c.text for c in table.rows[0].cells] == list(HEADERS[lang])
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
        rows += len(table.rows) - 1
    assert rows == len(review.recommendations)


@pytest.mark.parametrize("name", ["gap-table.docx", "amendments.docx"])
def test_word_tables_keep_their_column_widths_in_every_office_suite(out, name):
    """Word sizes columns by their cells, LibreOffice and Google Docs by the table's grid: the grid must hold the
    same widths, or those suites show every column equally wide."""
    document = docx.Document(str(out / name))
    assert document.tables
    for table in document.tables:
        grid = [column.width for column in table.columns]
        assert grid == [cell.width for cell in table.rows[0].cells]
        assert len(set(grid)) > 1 or len(grid) == 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_gap_tables_issue_and_solution_columns_at_their_widths(out, tmp_path):
    subprocess.run(["soffice", "--headless", "--convert-to", "html", "--outdir", str(tmp_path),
                    str(out / "gap-table.docx")], check=True, capture_output=True, timeout=180)
    widths = [int(w) for w in re.findall(r'<col width="(\d+)"', (tmp_path / "gap-table.html").read_text())[:3]]
    issue, solution, sources = widths
    assert solution > issue > sources


@pytest.mark.parametrize(("suffix", "heading"), [
    ("", "Proposed text — Article 6 (supplement with paragraphs 5–8)"),
    (".ru", "Предлагаемая редакция — статья 6 (дополнить пунктами 5–8)"),
])
def test_every_proposed_text_says_where_it_goes(out, review, suffix, heading):
    """Rows are grouped by area, not by article: a proposed "5. ..." must say what it is the fifth paragraph of."""
    markdown = (out / f"gap-table{suffix}.md").read_text(encoding="utf-8")
    assert f"**{heading}:**" in markdown
    assert markdown.count(f"**{heading.split(' — ')[0]} — ") == len(review.recommendations)
    bold = [run.text for table in docx.Document(str(out / f"gap-table{suffix}.docx")).tables
            for row in table.rows[1:] for p in row.cells[1].paragraphs for run in p.runs if run.bold]
    assert f"{heading}: " in bold
    ws = load_workbook(out / f"gap-table{suffix}.xlsx").active
    assert any(f"\n\n{heading}:\n" in (ws.cell(row=r, column=3).value or "") for r in range(2, ws.max_row + 1))
    assert f"<strong>{heading}:</strong>" in (out / f"gap-table{suffix}.html").read_text(encoding="utf-8")


def test_docx_sources_are_hyperlinks(out, review):
    document = docx.Document(str(out / "gap-table.docx"))
    targets = {rel.target_ref for rel in document.part.rels.values() if "hyperlink" in rel.reltype}
    for rec in review.recommendations:
        for source in rec.sources:
            assert source.url in targets


def test_markdown_names_the_draft_articles_and_every_source(out, review):
    text = (out / "gap-table.md").read_text(encoding="utf-8")
    for rec in review.recommendations:
        for provision in rec.provisions[:1]:
            assert label(provision.split(".")[0]) in text
        for source in rec.sources:
            assert source.url in text


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_every_example_in_the_sources_column_names_its_jurisdiction(out, review, suffix, lang):
    """"OSA 2023 s. 11" is British and "OSA 2021 (Cth) s. 30" Australian: the reader is not left to guess."""
    kb = load()
    ws = load_workbook(out / f"gap-table{suffix}.xlsx").active
    cells = {ws.cell(row=r, column=5).value: ws.cell(row=r, column=4).value for r in range(2, ws.max_row + 1)}
    examples = [(rec.id, s) for rec in review.recommendations for s in rec.sources if s.kind == "example"]
    assert len(examples) > 20
    for rec_id, source in examples:
        country = kb.jurisdictions[kb.examples[source.id].jurisdiction].short_name(lang)
        [line] = [line for line in cells[rec_id].splitlines() if line.endswith(f" — {source.url}")
                  and (source.ref_ru if lang == "ru" else source.ref) in line]
        assert country in line, line


def test_html_escapes_text_and_links_sources(out, review):
    page = (out / "gap-table.html").read_text(encoding="utf-8")
    assert page.count("<tr id=\"rec-") == len(review.recommendations)
    assert "<script" not in page


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_the_fields_the_draft_does_not_regulate_close_the_table(out, review, suffix, lang):
    """Their criteria have no row; a closing section names them by what they ask for (never by internal id), so
    that a missing area is not a mystery."""
    kb = load()
    not_applied = [c.id for c in review.criteria if c.status == "not-applicable"]
    assert not_applied, "the sample regulates no connected devices"
    heading = OUTSIDE[lang]
    markdown = (out / f"gap-table{suffix}.md").read_text(encoding="utf-8")
    page = html.unescape((out / f"gap-table{suffix}.html").read_text(encoding="utf-8"))
    word = "\n".join(p.text for p in docx.Document(str(out / f"gap-table{suffix}.docx")).paragraphs)
    for text in (markdown, page, word):
        assert heading in text
        closing = " ".join(text.split(heading)[1].split())
        for criterion in not_applied:
            assert kb.criteria[criterion].recommendation.heading.get(lang) in closing
            assert criterion not in closing


def test_russian_documents_are_in_russian(out):
    text = (out / "gap-table.ru.md").read_text(encoding="utf-8")
    letters = [c for c in text if c.isalpha()]
    assert sum(1 for c in letters if CYRILLIC.match(c)) > 0.6 * len(letters)
    assert HEADERS["ru"][0] in text


def test_english_deliverables_quote_the_title_of_a_russian_draft(out, review):
    """The draft's own title stays Russian but reads as a quotation, not as our text left untranslated."""
    quoted = f"“{review.document.title}”"
    assert re.search(r"[А-Я]", review.document.title)
    assert (out / "gap-table.md").read_text(encoding="utf-8").startswith(f"# Gap table: {quoted}\n")
    assert f"<h1>Gap table: {quoted}</h1>" in html.unescape((out / "gap-table.html").read_text(encoding="utf-8"))
    for name, heading in (("gap-table", "Gap table"), ("amendments", "Proposed amendments")):
        assert docx.Document(str(out / f"{name}.docx")).paragraphs[0].text == f"{heading}: {quoted}"
    assert docx.Document(str(out / "policy-brief.docx")).paragraphs[1].text == quoted


def test_russian_deliverables_show_the_title_of_a_russian_draft_as_it_is(out, review):
    markdown = (out / "gap-table.ru.md").read_text(encoding="utf-8")
    assert markdown.startswith(f"# Таблица пробелов: {review.document.title}\n")


def test_the_english_gap_table_of_a_russian_draft_has_russian_only_in_the_draft_s_own_words(out, review):
    """Russian in an English table is a quotation (“…”), the draft's title or an article heading; anything else
    would be text of ours left untranslated."""
    text = (out / "gap-table.md").read_text(encoding="utf-8")
    text = re.sub(r"“[^”]*”", "", text)
    for heading in sorted({p.heading for p in review.provisions if p.heading}, key=len, reverse=True):
        text = text.replace(heading, "")
    found = CYRILLIC.search(text)
    assert found is None, text[max(found.start() - 80, 0):found.start() + 80]


def test_report_rebuilds_documents_from_review_json(out, tmp_path):
    result = runner.invoke(app, ["report", str(out / "review.json"), "--out", str(tmp_path), "--lang", "en",
                                 "--formats", "md"])
    assert result.exit_code == 0
    assert (tmp_path / "gap-table.md").read_text(encoding="utf-8") == (out / "gap-table.md").read_text(
        encoding="utf-8")


def test_report_of_a_broken_review_json_fails_cleanly(tmp_path):
    bad = tmp_path / "review.json"
    bad.write_text(json.dumps({"schema_version": "1.0"}), encoding="utf-8")
    result = runner.invoke(app, ["report", str(bad), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a valid review.json" in result.stderr


def test_template_dir_overrides_the_html_template(sample_en, tmp_path):
    templates = tmp_path / "brand"
    templates.mkdir()
    (templates / "gap-table.html.j2").write_text("<p>OFFICE BRAND {{ sections|length }}</p>", encoding="utf-8")
    result = runner.invoke(app, ["review", str(sample_en), "--out", str(tmp_path / "o"), "--lang", "en",
                                 "--formats", "html", "--template-dir", str(templates)])
    assert result.exit_code == 0
    assert "OFFICE BRAND" in (tmp_path / "o" / "gap-table.html").read_text(encoding="utf-8")


def test_unknown_format_fails_cleanly(sample_en, tmp_path):
    result = runner.invoke(app, ["review", str(sample_en), "--out", str(tmp_path), "--formats", "pptx"])
    assert result.exit_code == 2
    assert "unknown format" in result.stderr


def _in_table_order(review):
    from crlens.knowledge.models import AREA_IDS

    return sorted(review.recommendations, key=lambda r: AREA_IDS.index(r.areas[0]))


@pytest.mark.parametrize(("suffix", "lang"), [("", "en"), (".ru", "ru")])
def test_amendments_table_has_four_columns_and_a_row_per_recommendation(out, review, suffix, lang):
    from crlens.report.amendments import HEADERS as AMENDMENT_HEADERS

    document = docx.Document(str(out / f"amendments{suffix}.docx"))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == list(AMENDMENT_HEADERS[lang])
    assert len(table.rows) - 1 == len(review.recommendations)
    ws = load_workbook(out / f"amendments{suffix}.xlsx").active
    assert ws.max_row - 1 == len(review.recommendations)


def test_amendments_mark_new_articles_with_where_they_go(out, review):
    from crlens.report.amendments import rows

    new = [r for r in review.recommendations if r.amendment.action == "new"]
    by_id = {row.id: row for row in rows(review, "en")}
    for rec in new:
        assert by_id[rec.id].provision.startswith("New article")


def test_reference_docx_in_template_dir_brands_the_word_documents(sample_en, tmp_path):
    brand = tmp_path / "brand"
    brand.mkdir()
    reference = docx.Document()
    reference.styles["Normal"].font.name = "Georgia"
    reference.add_paragraph("this body text is discarded")
    reference.save(str(brand / "reference.docx"))
    result = runner.invoke(app, ["review", str(sample_en), "--out", str(tmp_path / "o"), "--lang", "en",
                                 "--formats", "docx", "--template-dir", str(brand)])
    assert result.exit_code == 0, result.output
    for name in ("gap-table.docx", "amendments.docx", "policy-brief.docx"):
        document = docx.Document(str(tmp_path / "o" / name))
        assert document.styles["Normal"].font.name == "Georgia"
        assert "this body text is discarded" not in "\n".join(p.text for p in document.paragraphs)


def test_russian_amendments_name_the_anchor_of_a_new_article_in_the_genitive(review):
    from crlens.report.amendments import rows

    new = {r.id for r in review.recommendations if r.amendment.action == "new" and "art:" in r.amendment.target}
    assert new
    for row in rows(review, "ru"):
        if row.id in new:
            assert re.fullmatch(r"Новая статья [\d-]+ \(после статьи [\d-]+\)", row.provision), row.provision


def test_every_document_carries_the_caveat_of_an_unverified_pinpoint(review):
    from crlens.analysis.labels import UNVERIFIED
    from crlens.knowledge.loader import load

    kb = load()
    unverified = [(rec, s) for rec in review.recommendations for s in rec.sources
                  if s.kind == "norm" and not kb.norms[s.id].verified]
    assert unverified, "the sample should cite at least one unverified pinpoint to test this"
    for rec, source in unverified:
        assert f"{source.ref} ({UNVERIFIED['en']})" in rec.amendment.justification
        assert f"{source.ref_ru} ({UNVERIFIED['ru']})" in rec.amendment.justification_ru


@pytest.fixture
def final_after_a_rejection(project_db, tmp_path):
    """Project 'kz' (the Russian sample) after round 1, in which the ministry rejected rec-002 and accepted
    rec-001, and its final deliverables."""
    from consulting import answer_xlsx

    def crlens(*args):
        result = runner.invoke(app, [*map(str, args), "--db", project_db])
        assert result.exit_code == 0, result.output

    crlens("consult", "export", "--round", "1", "--out", tmp_path / "round1.xlsx")
    answer_xlsx(tmp_path / "round1.xlsx", tmp_path / "answers.xlsx",
                {"rec-001": ("accept", "Agreed."), "rec-002": ("reject", "The Code on Children covers this.")})
    crlens("consult", "import", tmp_path / "answers.xlsx", "--round", "1", "--by", "Aigerim")
    crlens("project", "report", "--out", tmp_path / "final", "--formats", "docx,xlsx,html,md")
    return tmp_path / "final"


@pytest.mark.parametrize(("suffix", "lang", "mark"), [
    ("", "en", "Rejected by the ministry (consultation round 1)"),
    (".ru", "ru", "Отклонена министерством (раунд консультаций 1)"),
])
def test_the_final_gap_table_marks_a_recommendation_the_ministry_rejected_and_keeps_it(
        final_after_a_rejection, suffix, lang, mark):
    final = final_after_a_rejection
    review = Review.read(final / "review.json")
    rejected = next(r for r in review.recommendations if r.id == "rec-002")
    solution = rejected.ru.solution if lang == "ru" else rejected.solution
    quoted = "«The Code on Children covers this.»" if lang == "ru" else "“The Code on Children covers this.”"

    ws = load_workbook(final / f"gap-table{suffix}.xlsx").active
    cells = {ws.cell(row=r, column=5).value: ws.cell(row=r, column=3).value for r in range(2, ws.max_row + 1)}
    assert cells["rec-002"].startswith(f"{mark}: Aigerim: {quoted}\n\n{solution}")
    assert mark not in cells["rec-001"]

    word = docx.Document(str(final / f"gap-table{suffix}.docx"))
    cell = next(row.cells[1] for table in word.tables for row in table.rows
                if row.cells[0].text == (rejected.ru.issue if lang == "ru" else rejected.issue))
    assert cell.paragraphs[0].text == f"{mark}: Aigerim: {quoted}" and cell.paragraphs[0].runs[0].bold
    assert cell.paragraphs[1].text == solution

    page = html.unescape((final / f"gap-table{suffix}.html").read_text(encoding="utf-8"))
    row_html = page.split('<tr id="rec-002">')[1].split("</tr>")[0]
    assert f'<div class="status">{mark}: Aigerim: {quoted}</div>{solution}' in row_html

    markdown = (final / f"gap-table{suffix}.md").read_text(encoding="utf-8")
    assert f"| **{mark}: Aigerim: {quoted}**<br><br>{solution}" in markdown
    assert markdown.count(mark) == 1
