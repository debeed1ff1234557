"""The redline: the Word draft with each amendment as a native tracked change and a comment."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from typer.testing import CliRunner

from crlens.analysis.labels import PRESENT_TEXT_NUMBERED, anchor_of
from crlens.analysis.review import Review
from crlens.cli import app
from drafts import list_supplement
from makefiles import accepted_text, make_docx, rejected_text

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
    """Every paragraph of the draft is there, as it was once the tracked changes are rejected; the only text
    deleted is the full stop of a list's last item that new items follow (a semicolon is inserted instead)."""
    path, _, draft = redline
    original = [p.text for p in docx.Document(str(draft)).paragraphs]
    kept = [rejected_text(p._p) for p in docx.Document(str(path)).paragraphs
            if not p._p.findall(f"./{W}pPr/{W}rPr/{W}ins")]
    assert kept == original
    deleted = [t.text for t in docx.Document(str(path)).element.body.iter(f"{W}delText")]
    assert deleted == ["."]


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


def test_each_inserted_paragraph_mark_is_one_tracked_insertion_with_its_own_id(redline):
    """A paragraph mark holds at most one insertion mark (WordprocessingML allows one), and no two revision marks
    share an id: an inserted paragraph copies the style of the one before it, not its revision marks."""
    path, _, _ = redline
    body = docx.Document(str(path)).element.body
    assert max(len(p.findall(f"./{W}pPr/{W}rPr/{W}ins")) for p in body.iter(f"{W}p")) == 1
    ids = [mark.get(f"{W}id") for tag in ("ins", "del") for mark in body.iter(f"{W}{tag}")]
    assert len(ids) == len(set(ids))


def test_a_supplements_paragraphs_go_to_its_article_not_into_a_new_article_after_it(redline):
    """Article 45 of the sample is supplemented and followed by a new Article 45-1, whichever the review gives
    first: the paragraphs added to Article 45 come before the new article's heading, not under it."""
    path, review, _ = redline
    shown = ["".join(t.text for t in p.iter(f"{W}t")) for p in docx.Document(str(path)).element.body.iter(f"{W}p")]
    pairs = [(supplement, new) for supplement in review.recommendations for new in review.recommendations
             if supplement.amendment.action == "supplement" and new.amendment.action == "new"
             and anchor_of(new.amendment.target) == supplement.amendment.target]
    assert "art:45" in {supplement.amendment.target for supplement, _ in pairs}
    for supplement, new in pairs:
        # its first numbered line: an instruction on the draft's text is carried out, not inserted
        added = next(line for line in supplement.amendment.proposed_text.ru.splitlines() if line[:1].isdigit())
        heading = new.amendment.proposed_text.ru.splitlines()[0]
        assert shown.index(added) < shown.index(heading), (supplement.id, new.id)


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


# --- amendments the redline cannot place -------------------------------------------------------------------------

LEFT_OUT_NOTE = {
    "ru": ("Примечание crlens: поправки, не внесенные в настоящий документ",
           "Поправки, которые не удалось разместить в файле Word ({n}), в настоящий документ не внесены; они есть "
           "в таблице пробелов и таблице поправок. Настоящее примечание не является частью текста акта.",
           "{key} — Статья 8 (дополнить): в файле Word не найден текст статьи 8."),
    "en": ("Note by crlens: amendments not in this redline",
           "{n} amendment(s) could not be placed in the Word draft and are not in this redline; the gap table and "
           "the amendments table have them. This note is not part of the legal text.",
           "{key} — Article 8 (supplement): Article 8 is not found in the Word draft."),
}


@pytest.fixture(scope="module", params=["ru", "en"])
def without_article_8(request, tmp_path_factory, sample_ru, sample_en):
    """A sample draft's review marked up in a Word file of that draft whose Article 8 lost its heading (its text
    runs on in Article 7): the amendments to Article 8 and the new articles after it have nowhere to go."""
    lang = request.param
    sample, heading = (sample_ru, "Статья 8.") if lang == "ru" else (sample_en, "Article 8.")
    folder = tmp_path_factory.mktemp(f"redline-{lang}")
    result = runner.invoke(app, ["review", str(sample), "--out", str(folder), "--formats", "md"])
    assert result.exit_code == 0, result.output
    lines = [line for line in sample.read_text(encoding="utf-8").splitlines() if not line.startswith(heading)]
    draft = make_docx(lines, folder / "draft.docx")
    from crlens.report.redline import write_redline

    review = Review.read(folder / "review.json")
    return lang, review, write_redline(review, draft, folder / "amendments-redline.docx")


def test_a_redline_ends_with_a_note_naming_the_amendments_it_could_not_place_and_why(without_article_8):
    lang, review, written = without_article_8
    at_article_8 = [r.id for r in review.recommendations
                    if r.amendment.target == "art:8" or anchor_of(r.amendment.target) == "art:8"]
    assert written.skipped == at_article_8
    heading, intro, supplement = LEFT_OUT_NOTE[lang]
    paragraphs = [p.text for p in docx.Document(str(written.path)).paragraphs]
    note = paragraphs[-(len(at_article_8) + 2):]
    assert note[:2] == [heading, intro.format(n=len(at_article_8))]
    assert [line.split(" — ", 1)[0] for line in note[2:]] == at_article_8
    supplementing = next(r.id for r in review.recommendations if r.amendment.target == "art:8")
    assert supplement.format(key=supplementing) in note


def test_the_note_on_a_new_article_left_out_names_where_it_was_to_go(without_article_8):
    lang, review, written = without_article_8
    new = next(r for r in review.recommendations if anchor_of(r.amendment.target) == "art:8")
    expected = {"ru": f"{new.id} — Новая статья {new.amendment.number} (после статьи 8): в файле Word не найден "
                      "текст статьи 8.",
                "en": f"{new.id} — New article {new.amendment.number} (after Article 8): Article 8 is not found "
                      "in the Word draft."}[lang]
    assert expected in [p.text for p in docx.Document(str(written.path)).paragraphs]


def test_the_note_on_amendments_left_out_is_not_a_tracked_change(without_article_8):
    """Accepting every change in Word must not make the note part of the law: its paragraphs are plain text."""
    lang, _, written = without_article_8
    note = docx.Document(str(written.path)).paragraphs[-(len(written.skipped) + 2):]
    assert note[0].text == LEFT_OUT_NOTE[lang][0]
    assert not [p.text for p in note if p._p.findall(f".//{W}ins")]


def test_a_redline_that_places_every_amendment_has_no_note(redline):
    path, _, _ = redline
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert not [t for t in texts if t.startswith(LEFT_OUT_NOTE["ru"][0])]


PRINCIPLES_LIST = ["ЦИФРОВОЙ КОДЕКС", "Глава 1. Общие положения", "Статья 1. Цель настоящего Кодекса",
                   "Целью настоящего Кодекса является развитие цифровой среды.",
                   "Статья 2. Принципы цифрового законодательства",
                   "Регулирование основывается на следующих принципах:",
                   "1) законность;", "2) технологическая нейтральность."]


@pytest.fixture(scope="module")
def list_article_redline(principles_draft):
    """The redline of a Word draft whose Article 2 is one list of principles, with the review it came from."""
    draft, review = principles_draft
    return review, docx.Document(str(draft.parent / "amendments-redline.docx")).element.body


def test_numbering_a_list_articles_present_text_after_its_new_items_is_carried_out(list_article_redline):
    """A principle added to an article that is one list comes as its next item, the clause's duties as paragraphs
    2, 3, ... after the instruction to number the present text 1: that instruction, in the middle of the proposed
    text, is carried out too, not inserted as words of the law."""
    review, body = list_article_redline
    instruction = PRESENT_TEXT_NUMBERED["ru"]
    assert any(f"\n{instruction}\n" in r.amendment.proposed_text.ru for r in review.recommendations)
    assert instruction not in [t.text for t in body.iterfind(f".//{W}ins//{W}t")]
    numbered = [p for p in body.iter(f"{W}p") if [t.text for t in p.iterfind(f"./{W}ins//{W}t")][:1] == ["1. "]]
    assert any("Регулирование основывается" in "".join(t.text for t in p.iter(f"{W}t")) for p in numbered)


def test_the_full_stop_of_a_lists_last_item_is_replaced_by_a_tracked_semicolon(list_article_redline):
    """Items 3), 4) ... follow item 2), which closed the list: the instruction to end it with a semicolon is
    carried out in Word (the full stop deleted, the semicolon inserted, both tracked), not inserted as words."""
    _, body = list_article_redline
    assert not [t.text for t in body.iterfind(f".//{W}ins//{W}t") if t.text.startswith("В подпункте 2)")]
    [item] = [p for p in body.iter(f"{W}p") if "технологическая нейтральность" in "".join(
        t.text for t in p.iter(f"{W}t"))]
    assert [t.text for t in item.iterfind(f"./{W}del//{W}delText")] == ["."]
    assert [t.text for t in item.iterfind(f"./{W}ins//{W}t")] == [";"]
    assert "".join(t.text for t in item.iter(f"{W}t")) == "2) технологическая нейтральность;"


def _list_article_docx(path, last_item) -> None:
    """The list article's Word draft with its last item written by ``last_item(document)``."""
    document = docx.Document()
    for line in PRINCIPLES_LIST[:-1]:
        document.add_paragraph(line, style="Heading 2" if line.startswith(("Статья", "Глава")) else None)
    last_item(document)
    document.save(str(path))


def _split_runs(document) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run("2) технологическая нейтральность")
    paragraph.add_run(".")


def _trailing_space(document) -> None:
    document.add_paragraph("2) технологическая нейтральность. ")


def _in_a_hyperlink(document) -> None:
    from docx.oxml import OxmlElement

    paragraph = document.add_paragraph("2) технологическая нейтральность согласно ст.")
    link, run, text = OxmlElement("w:hyperlink"), OxmlElement("w:r"), OxmlElement("w:t")
    text.text = " 5 Закона."
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _in_a_table(document) -> None:
    document.add_table(rows=1, cols=1).cell(0, 0).text = "2) технологическая нейтральность."


@pytest.mark.parametrize("last_item", [_split_runs, _trailing_space, _in_a_hyperlink, _in_a_table])
def test_the_lists_closing_full_stop_is_found_however_word_holds_it(tmp_path, last_item):
    """Split over runs, followed by a space, inside a hyperlink (adilet copies link their references), or in a
    table row: the full stop that ends the item is the one replaced, never one before it ("ст. 5"), and the
    instruction is not inserted as words of the law."""
    draft = tmp_path / "draft.docx"
    _list_article_docx(draft, last_item)
    result = runner.invoke(app, ["review", str(draft), "--out", str(tmp_path), "--formats", "md"])
    assert result.exit_code == 0, result.output
    body = docx.Document(str(tmp_path / "amendments-redline.docx")).element.body
    assert not [t.text for t in body.iterfind(f".//{W}ins//{W}t") if t.text.startswith("В подпункте 2)")]
    [item] = [p for p in body.iter(f"{W}p") if "технологическая нейтральность" in "".join(
        t.text for t in p.iter(f"{W}t"))]
    assert [t.text for t in item.iter(f"{W}delText")] == ["."]
    shown = "".join(t.text for t in item.iter(f"{W}t")).rstrip()
    assert shown.endswith(";") and ("ст. 5" in shown or last_item is not _in_a_hyperlink), shown


# --- two recommendations adding items to one list ----------------------------------------------------------------

FIRST_ITEMS = ("В подпункте 2) точку заменить точкой с запятой.\n"
               "3) первоочередной учет наилучших интересов ребенка;\n"
               "4) недопустимость дискриминации детей в цифровой среде.")
SECOND_ITEMS = ("В подпункте 4) точку заменить точкой с запятой.\n"
                "5) защита права ребенка на жизнь, выживание и развитие;\n"
                "6) учет мнения ребенка.")
FIRST_PARAGRAPHS = f"\n{PRESENT_TEXT_NUMBERED['ru']}\n2. Собственники цифровых объектов учитывают интересы детей."


@pytest.fixture(scope="module")
def principles_draft(tmp_path_factory):
    """The Word draft whose Article 2 is one list of two principles, and its review."""
    folder = tmp_path_factory.mktemp("principles")
    draft = make_docx(PRINCIPLES_LIST, folder / "draft.docx")
    result = runner.invoke(app, ["review", str(draft), "--out", str(folder), "--formats", "md"])
    assert result.exit_code == 0, result.output
    return draft, Review.read(folder / "review.json")


def _list_redline(principles_draft, tmp_path, *texts: str):
    """The body of the redline of the principles draft with one list supplement to Article 2 per text."""
    from crlens.report.redline import write_redline

    draft, review = principles_draft
    recs = [list_supplement(f"rec-90{k}", "art:2", text) for k, text in enumerate(texts, start=1)]
    written = write_redline(review.model_copy(update={"recommendations": recs}), draft, tmp_path / "redline.docx")
    return docx.Document(str(written.path))


def test_a_second_list_supplement_ends_the_first_ones_last_item_with_a_tracked_semicolon(principles_draft,
                                                                                         tmp_path):
    """Items 5)-6) follow items 3)-4) another recommendation adds: item 4)'s full stop, inserted by the first, is
    deleted and a semicolon inserted as the second's tracked changes; the instruction is carried out, neither
    inserted as words of the law nor left to the comment."""
    document = _list_redline(principles_draft, tmp_path, FIRST_ITEMS, SECOND_ITEMS)
    body = document.element.body
    [item] = [p for p in body.iter(f"{W}p") if accepted_text(p).startswith("4) ")]
    assert accepted_text(item) == "4) недопустимость дискриминации детей в цифровой среде;"
    assert [t.text for t in item.iter(f"{W}delText")] == ["."]
    # the full stop was inserted, then deleted: its deletion sits inside the first's insertion, the semicolon
    # is an insertion of its own, not one nested in another
    assert item.find(f"./{W}ins/{W}del") is not None
    assert [t.text for t in item.iterfind(f"./{W}ins/{W}r/{W}t")][-1] == ";"
    assert not body.findall(f".//{W}ins//{W}ins")
    assert "В подпункте 4)" not in "\n".join(accepted_text(p) for p in body.iter(f"{W}p"))
    assert not [c.text for c in document.comments if "В подпункте 4)" in c.text]


def test_a_second_list_supplements_items_follow_the_first_ones(principles_draft, tmp_path):
    document = _list_redline(principles_draft, tmp_path, FIRST_ITEMS, SECOND_ITEMS)
    shown = [accepted_text(p) for p in document.element.body.iter(f"{W}p")]
    start = shown.index("1) законность;")
    assert [line.split(")", 1)[0] for line in shown[start:start + 6]] == ["1", "2", "3", "4", "5", "6"]


def test_a_second_list_supplements_items_go_before_the_paragraphs_the_first_adds(principles_draft, tmp_path):
    """The first supplement also numbers the present text 1 and adds paragraph 2 after its items: the second's
    items belong to the list, so they come after item 4), not after paragraph 2."""
    document = _list_redline(principles_draft, tmp_path, FIRST_ITEMS + FIRST_PARAGRAPHS, SECOND_ITEMS)
    shown = [accepted_text(p) for p in document.element.body.iter(f"{W}p")]
    start = shown.index("1) законность;")
    assert [line[:2] for line in shown[start:start + 7]] == ["1)", "2)", "3)", "4)", "5)", "6)", "2."]
    assert shown[start - 1].startswith("1. Регулирование основывается")
