"""Paragraphs added to one article by several recommendations: the amendments table reads in their numbering."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from crlens.cli import app
from drafts import list_supplement

runner = CliRunner()
FIRST_PARAGRAPH = re.compile(r"^(\d+)\.\s", re.M)


@pytest.fixture(scope="module")
def project_table(tmp_path_factory, sample_ru):
    """The Russian amendments table of project 'kz' (the Russian sample), as crlens project report writes it:
    (provision, proposed text) of each row."""
    folder = tmp_path_factory.mktemp("numbering")
    db = f"sqlite:///{folder / 'crlens.db'}"
    for args in (["project", "init", "kz", "--draft", str(sample_ru), "--by", "reviewer"],
                 ["project", "report", "--out", str(folder / "final"), "--formats", "xlsx", "--lang", "ru"]):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 0, result.output
    ws = load_workbook(folder / "final" / "amendments.ru.xlsx").active
    return [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=3).value) for r in range(2, ws.max_row + 1)]


def test_a_projects_amendments_table_gives_the_paragraphs_added_to_one_article_in_their_numbering(project_table):
    """A project keeps its recommendations in the order of their ids, not the review's; the rows of one article
    still read 5-8, 9-11, 12-13, not 12-13, 5-8, 9-11, and the row that numbers the present text of an article
    comes first."""
    added: dict[str, list[int]] = {}
    for provision, proposed in project_table:
        # a row that adds only items to a list of definitions numbers no paragraph
        if "(дополнить" in provision and (first := FIRST_PARAGRAPH.search(proposed)):
            added.setdefault(provision.split(" (")[0], []).append(int(first.group(1)))
    several = {provision: numbers for provision, numbers in added.items() if len(numbers) > 1}
    assert len(several) > 10
    assert {provision: sorted(numbers) for provision, numbers in several.items()} == several


@pytest.fixture(scope="module")
def sample_tables(tmp_path_factory, sample_en):
    """The amendments tables of the English sample in English and Russian, as crlens review writes them:
    (provision, proposed text) of each row, by language."""
    folder = tmp_path_factory.mktemp("sample")
    result = runner.invoke(app, ["review", str(sample_en), "--out", str(folder), "--formats", "xlsx"])
    assert result.exit_code == 0, result.output
    tables = {}
    for lang, suffix in (("en", ""), ("ru", ".ru")):
        ws = load_workbook(folder / f"amendments{suffix}.xlsx").active
        tables[lang] = [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=3).value)
                        for r in range(2, ws.max_row + 1)]
    return tables


def _rows_of(table, article: str) -> list[tuple[str, str]]:
    return [(provision, proposed) for provision, proposed in table if provision.split(" (")[0] == article]


@pytest.mark.parametrize(("lang", "article", "expected"), [
    ("en", "Article 6", "Article 6 (supplement with paragraphs 5–8)"),
    ("ru", "Статья 6", "Статья 6 (дополнить пунктами 5–8)"),
])
def test_a_supplement_names_the_paragraphs_it_adds(sample_tables, lang, article, expected):
    """As a drafting instruction does ("дополнить пунктами 5–8"): the lawyer sees where the row's text goes
    without reading its numbers. Article 6 of the sample has paragraphs 1-4."""
    provision, proposed = _rows_of(sample_tables[lang], article)[0]
    assert provision == expected
    assert proposed.startswith("5. ") and "\n8. " in proposed and "\n9. " not in proposed


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Article 6 (supplement with paragraphs 5–8)",
            "Article 6 (supplement with paragraphs 9–11, numbered after paragraphs 5–8 proposed above)",
            "Article 6 (supplement with paragraphs 12–14, numbered after paragraphs 5–11 proposed above)"]),
    ("ru", ["Статья 6 (дополнить пунктами 5–8)",
            "Статья 6 (дополнить пунктами 9–11; нумерация после пунктов 5–8, предложенных выше)",
            "Статья 6 (дополнить пунктами 12–14; нумерация после пунктов 5–11, предложенных выше)"]),
])
def test_a_supplement_numbered_on_from_the_rows_above_says_so(sample_tables, lang, expected):
    """Each row may be accepted or rejected on its own; a row whose numbers assume the rows above are accepted
    says which paragraphs it is numbered after, so that the drafter knows what to renumber if they are not."""
    article = expected[0].split(" (")[0]
    assert [provision for provision, _ in _rows_of(sample_tables[lang], article)] == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Article 9 (supplement with paragraph 2)"),
    ("ru", "Статья 9 (дополнить пунктом 2)"),
])
def test_a_supplement_that_numbers_the_present_text_names_the_one_paragraph_it_adds(sample_tables, lang,
                                                                                      expected):
    """Article 9 of the sample has no numbered paragraphs: its first supplement makes the present text paragraph
    1 and adds paragraph 2."""
    provision, proposed = _rows_of(sample_tables[lang], expected.split(" (")[0])[0]
    assert provision == expected and "\n2. " in proposed and "\n3. " not in proposed


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Article 6 (supplement with paragraphs 5–7; paragraphs 5–7 are also proposed above)"),
    ("ru", "Статья 6 (дополнить пунктами 5–7; пункты 5–7 также предложены выше)"),
])
def test_a_supplement_whose_numbers_are_also_proposed_above_is_flagged(sample_en, tmp_path, lang, expected):
    """A reviser who numbers a supplement from the draft's last paragraph, as if no other row added to the
    article, gives two rows the same paragraph numbers: the table says so at the later row."""
    from crlens.analysis.engine import review_document
    from crlens.ingest import parse_file
    from crlens.report import amendments

    review = review_document(parse_file(sample_en))
    second = [r for r in amendments.in_draft_order(review) if r.amendment.target == "art:6"][1]
    for lang_text in ("en", "ru"):
        text = getattr(second.amendment.proposed_text, lang_text)
        setattr(second.amendment.proposed_text, lang_text, re.sub(
            r"^(\d+)\.", lambda m: f"{int(m.group(1)) - 4}.", text, flags=re.M))
    path = amendments.write_xlsx(review, tmp_path / "amendments.xlsx", lang)
    ws = load_workbook(path).active
    provisions = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    assert expected in provisions


def test_leaving_out_a_supplement_closes_up_the_paragraphs_of_the_ones_after_it(sample_ru):
    """The final redline leaves out what the ministry rejected: the next supplement to the same article takes the
    rejected one's numbers, so the article has no hole, and its reference to its own paragraph follows."""
    from crlens.analysis.engine import review_document
    from crlens.ingest import parse_file
    from crlens.report.amendments import added_paragraphs, closed_up

    review = review_document(parse_file(sample_ru))
    by_target: dict[str, list] = {}
    for rec in review.recommendations:
        if added_paragraphs(rec):
            by_target.setdefault(rec.amendment.target, []).append(rec)
    first, second = next(recs for recs in by_target.values() if len(recs) > 1)[:2]
    first, second = sorted((first, second), key=lambda r: added_paragraphs(r))
    kept = [r for r in review.recommendations if r.id != first.id]
    [closed] = [r for r in closed_up(review.recommendations, kept) if r.id == second.id]
    start = min(added_paragraphs(first))
    assert added_paragraphs(closed) == list(range(start, start + len(added_paragraphs(second))))
    assert closed.amendment.proposed_text.ru.startswith(f"{start}. ")


def _supplement(rec_id: str, text: str):
    from crlens.analysis.review import Amendment, ProposedText, Recommendation, RecommendationRu

    return Recommendation(id=rec_id, areas=["safety"], criteria=["safety-01"], provisions=[], priority="high",
                          issue="i", solution="s", sources=[], amendment=Amendment(
                              target="art:3", action="supplement", current_text="", proposed_text=ProposedText(
                                  en=text, ru=text), justification="j", justification_ru="j"),
                          age_bands=[], gender="", ru=RecommendationRu(issue="i", solution="s", gender=""))


def test_a_proposed_texts_reference_to_its_own_added_paragraph_follows_it_when_closed_up():
    from crlens.report.amendments import closed_up

    supplement = _supplement
    rejected = supplement("rec-001", "3. A.\n4. B.")
    kept = supplement("rec-002", "5. C under paragraph 5 of this article, not paragraph 2 of this article.\n6. D.")
    [closed] = closed_up([rejected, kept], [kept])
    assert closed.amendment.proposed_text.en == (
        "3. C under paragraph 3 of this article, not paragraph 2 of this article.\n4. D.")


@pytest.mark.parametrize(("text", "expected"), [
    ("2. The assessment provided for in Article 3(5) covers girls.",
     "2. The assessment provided for in Article 3(3) covers girls."),
    ("2. Оценка, предусмотренная пунктами 5 и 7 статьи 3 настоящего Кодекса, охватывает девочек.",
     "2. Оценка, предусмотренная пунктами 3 и 5 статьи 3 настоящего Кодекса, охватывает девочек."),
])
def test_another_articles_reference_to_an_added_paragraph_follows_it_when_closed_up(text: str, expected: str):
    """A text that refers to a rule another recommendation adds ("the assessment provided for in Article 3(5)")
    still names it when a rejected supplement before it moves it to paragraph 3; so does one that refers to the
    next supplement's paragraph 7, now 5."""
    from crlens.report.amendments import closed_up

    rejected, moved = _supplement("rec-001", "3. A.\n4. B."), _supplement("rec-002", "5. C.\n6. D.")
    also_moved = _supplement("rec-004", "7. E.")
    referring = _supplement("rec-003", text)
    to_article_7 = referring.amendment.model_copy(update={"target": "art:7"})
    referring = referring.model_copy(update={"amendment": to_article_7})
    closed = closed_up([rejected, moved, also_moved, referring], [moved, also_moved, referring])
    assert closed[2].amendment.proposed_text.en == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("5. C.\n6. D.\n7. E.\n8. The requirements of paragraphs 5–7 of this article apply together with the law.",
     "3. C.\n4. D.\n5. E.\n6. The requirements of paragraphs 3–5 of this article apply together with the law."),
    ("5. C.\n6. D.\n7. Требования пунктов 5 и 6 настоящей статьи применяются наряду с законом.",
     "3. C.\n4. D.\n5. Требования пунктов 3 и 4 настоящей статьи применяются наряду с законом."),
])
def test_a_reference_to_a_run_of_its_own_paragraphs_follows_them_when_closed_up(text: str, expected: str):
    from crlens.report.amendments import closed_up

    [closed] = closed_up([_supplement("rec-001", "3. A.\n4. B."), kept := _supplement("rec-002", text)], [kept])
    assert closed.amendment.proposed_text.en == expected


def _to(rec, target: str, action: str = "supplement", number: str = ""):
    """``rec`` amending ``target`` instead: a supplement to another article, or a new article ``number``."""
    amendment = rec.amendment.model_copy(update={"target": target, "action": action, "number": number})
    return rec.model_copy(update={"amendment": amendment})


def test_a_reference_to_another_supplements_paragraph_in_the_same_article_follows_it_when_closed_up():
    """Two kept supplements to Article 3 after a rejected one: the second's reference to the first's paragraph
    ("paragraph 5 of this article") follows it to 3, as a reference from another article does."""
    from crlens.report.amendments import closed_up

    rejected, moved = _supplement("rec-001", "3. A.\n4. B."), _supplement("rec-002", "5. C.")
    referring = _supplement("rec-003", "6. D under paragraph 5 of this article.")
    closed = closed_up([rejected, moved, referring], [moved, referring])
    assert closed[1].amendment.proposed_text.en == "4. D under paragraph 3 of this article."


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "2. The assessment provided for in Article 3(3) covers girls.",
     "2. The assessment provided for in [reference to be revised: “Article 3(3)” named the rule of rec-001, which "
     "is left out] covers girls."),
    ("ru", "2. Оценка, предусмотренная пунктом 3 статьи 3 настоящего Кодекса, охватывает девочек.",
     "2. Оценка, предусмотренная [ссылка подлежит уточнению: «пунктом 3 статьи 3 настоящего Кодекса» указывала на "
     "норму рекомендации rec-001, которая не включена], охватывает девочек."),
])
def test_a_reference_to_a_paragraph_a_left_out_supplement_proposed_is_marked_for_the_reviser(
        lang: str, text: str, expected: str):
    """The ministry rejects rec-001, which adds Article 3(3)-(4) with the rule another text refers to: once the
    next supplement closes up, "Article 3(3)" would name its paragraph, another rule. The reference is marked in
    square brackets, with what it said and whose rule it was, for the reviser to mend."""
    from crlens.report.amendments import closed_up

    rejected, moved = _supplement("rec-001", "3. A.\n4. B."), _supplement("rec-002", "5. C.")
    referring = _to(_supplement("rec-003", text), "art:7")
    closed = closed_up([rejected, moved, referring], [moved, referring])
    assert closed[0].amendment.proposed_text.en == "3. C."
    assert getattr(closed[1].amendment.proposed_text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "1. Due diligence includes the assessment provided for in Article 3-1 and Article 3(5).",
     "1. Due diligence includes the assessment provided for in [reference to be revised: “Article 3-1” named the "
     "rule of rec-001, which is left out] and Article 3(5)."),
    ("ru", "1. Оценка, предусмотренная статьей 3-1 настоящего Кодекса, и пунктом 2 статьи 3-1.",
     "1. Оценка, предусмотренная [ссылка подлежит уточнению: «статьей 3-1 настоящего Кодекса» указывала на норму "
     "рекомендации rec-001, которая не включена], и [ссылка подлежит уточнению: «пунктом 2 статьи 3-1» указывала "
     "на норму рекомендации rec-001, которая не включена]."),
])
def test_a_reference_to_a_new_article_left_out_is_marked_for_the_reviser(lang: str, text: str, expected: str):
    """A new article the ministry rejects (rec-001, Article 3-1) is referred to as a whole or by a paragraph:
    both are marked; the reference to Article 3(5), a kept paragraph, stays."""
    from crlens.report.amendments import closed_up

    rejected = _to(_supplement("rec-001", "Article 3-1. Assessment\n1. A."), "new after art:3", "new", "3-1")
    kept = _to(_supplement("rec-002", "5. C."), "art:3")
    referring = _to(_supplement("rec-003", text), "art:7")
    closed = closed_up([rejected, kept, referring], [kept, referring])
    assert getattr(closed[1].amendment.proposed_text, lang) == expected


@pytest.mark.parametrize(("lang", "rejected", "kept", "expected"), [
    ("en", "The present text of the article becomes paragraph 1.\n2. A.\n3. B.", "4. C.\n5. D.",
     "The present text of the article becomes paragraph 1.\n2. C.\n3. D."),
    ("ru", "Действующий текст статьи считать пунктом 1.\n2. А.", "3. В.",
     "Действующий текст статьи считать пунктом 1.\n2. В."),
    ("ru", "В подпункте 9) точку заменить точкой с запятой.\n10) А.\nДействующий текст статьи считать пунктом 1.\n"
           "2. Б.", "3. В.",
     "Действующий текст статьи считать пунктом 1.\n2. В."),
])
def test_a_kept_supplement_numbers_the_present_text_when_the_one_that_did_is_left_out(lang: str, rejected: str,
                                                                                      kept: str, expected: str):
    """The first supplement to an article without numbered paragraphs made its present text paragraph 1 ("The
    present text of the article becomes paragraph 1."); when the ministry rejects it, the next one's paragraphs
    close up to 2, 3, ... and it carries the instruction, or the article would read its present text, then
    "2."."""
    from crlens.report.amendments import closed_up

    [closed] = closed_up([_supplement("rec-001", rejected), kept_rec := _supplement("rec-002", kept)], [kept_rec])
    assert getattr(closed.amendment.proposed_text, lang) == expected


def test_a_kept_supplement_after_one_that_numbered_the_present_text_does_not_repeat_it():
    from crlens.report.amendments import closed_up

    first = _supplement("rec-001", "The present text of the article becomes paragraph 1.\n2. A.")
    second, third = _supplement("rec-002", "3. B."), _supplement("rec-003", "4. C.")
    closed = closed_up([first, second, third], [first, third])
    assert [r.amendment.proposed_text.en for r in closed] == [
        "The present text of the article becomes paragraph 1.\n2. A.", "3. C."]


# --- items added to a list article by two recommendations -------------------------------------------------------

LIST_SUPPLEMENTS = {
    "en": ("In subparagraph 9), the full stop is replaced by a semicolon.\n10) A;\n11) B.",
           "In subparagraph 11), the full stop is replaced by a semicolon.\n12) C;\n13) D.",
           "In subparagraph 9), the full stop is replaced by a semicolon.\n10) C;\n11) D."),
    "ru": ("В подпункте 9) точку заменить точкой с запятой.\n10) А;\n11) Б.",
           "В подпункте 11) точку заменить точкой с запятой.\n12) В;\n13) Г.",
           "В подпункте 9) точку заменить точкой с запятой.\n10) В;\n11) Г."),
}
"""The texts of two supplements adding items to a list whose last item in the draft is 9), in each language, and
what the second's must read when the first is left out."""


def _list_supplements(index: int, rec_id: str):
    return list_supplement(rec_id, "art:4", LIST_SUPPLEMENTS["en"][index], LIST_SUPPLEMENTS["ru"][index])


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_leaving_out_a_list_supplement_closes_up_the_items_of_the_one_after_it(lang: str):
    """The draft's list ends with item 9); the first supplement (items 10)-11)) is rejected: the second's items
    become 10)-11), and the item whose full stop becomes a semicolon is the draft's 9), not the rejected 11)."""
    from crlens.report.amendments import added_items, closed_up

    kept = _list_supplements(1, "rec-002")
    [closed] = closed_up([_list_supplements(0, "rec-001"), kept], [kept])
    assert getattr(closed.amendment.proposed_text, lang) == LIST_SUPPLEMENTS[lang][2]
    assert added_items(closed) == [10, 11]


def test_a_closed_up_list_supplement_tells_no_full_stop_to_change_where_the_drafts_list_had_none():
    """The draft's item 9) ends without a full stop, so the first supplement had no instruction on it; the second,
    left first when the first is rejected, follows item 9) too and drops its instruction on 11)."""
    from crlens.report.amendments import closed_up

    rejected = list_supplement("rec-001", "art:4", "10) A;\n11) B.")
    kept = _list_supplements(1, "rec-002")
    [closed] = closed_up([rejected, kept], [kept])
    assert closed.amendment.proposed_text.en == "10) C;\n11) D."


@pytest.mark.parametrize(("lang", "cell"), [
    ("en", "Article 4 (supplement with subparagraphs 12) and 13), numbered after subparagraphs 10) and 11) "
           "proposed above)"),
    ("ru", "Статья 4 (дополнить подпунктами 12) и 13); нумерация после подпунктов 10) и 11), предложенных выше)"),
])
def test_a_second_list_supplement_says_which_items_proposed_above_it_is_numbered_after(lang: str, cell: str):
    """Each row is accepted or rejected on its own: the row adding items 12)-13) says they follow the items
    10)-11) proposed in the row above, as a row of paragraphs does, so the drafter knows to renumber them."""
    from crlens.report.amendments import supplement_place

    second = _list_supplements(1, "rec-002")
    assert supplement_place(second, lang, [], above_items=[10, 11]) == cell
