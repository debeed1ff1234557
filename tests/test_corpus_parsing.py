"""Parsing the real law texts of ../shared/corpus into provision trees."""

from __future__ import annotations

import json

import pytest

from crlens.ingest import parse_file

# Article counts counted by hand once (and given in shared/corpus/SOURCES.md).
CORPUS_ARTICLES = {
    "kz-digital-code-2026-ru.txt": (106, "ru"),
    "kz-law-online-platforms-2023-ru.txt": (25, "ru"),
    "eu-gdpr-2016-679.txt": (99, "en"),
    "eu-ai-act-2024-1689.txt": (113, "en"),
    "us-coppa-15usc6501.txt": (6, "en"),
}
# Laws with a definitions article: (article id, a term it defines, the provision that defines it)
DEFINED = {
    "kz-law-online-platforms-2023-ru.txt": "art:1",
    "eu-gdpr-2016-679.txt": "art:4",
    "eu-ai-act-2024-1689.txt": "art:3",
    "us-coppa-15usc6501.txt": "art:6501",
}
EXPECTED_TERMS = {
    "eu-gdpr-2016-679.txt": ("personal data", "art:4.1"),
    "us-coppa-15usc6501.txt": ("child", "art:6501.1"),
    # this copy numbers the definitions from 3.2 (3.1 is the chapeau)
    "eu-ai-act-2024-1689.txt": ("AI system", "art:3.2"),
}


@pytest.mark.parametrize("name", sorted(CORPUS_ARTICLES))
def test_article_count_matches_the_hand_count(corpus, name):
    document = parse_file(corpus / name)
    expected, _ = CORPUS_ARTICLES[name]
    assert len(document.articles) == expected


@pytest.mark.parametrize("name", sorted(CORPUS_ARTICLES))
def test_language_is_detected(corpus, name):
    assert parse_file(corpus / name).language == CORPUS_ARTICLES[name][1]


@pytest.mark.parametrize("name", sorted(CORPUS_ARTICLES))
def test_provision_ids_are_unique(corpus, name):
    ids = [p.id for p in parse_file(corpus / name).provisions]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", sorted(CORPUS_ARTICLES))
def test_tree_round_trips_through_json(corpus, name):
    document = parse_file(corpus / name)
    data = json.loads(json.dumps(document.to_json(), ensure_ascii=False))
    assert [p["id"] for p in data["provisions"]] == [p.id for p in document.provisions]
    by_id = {p["id"]: p for p in data["provisions"]}
    for provision in document.provisions:
        entry = by_id[provision.id]
        assert entry["parent"] == (provision.parent.id if provision.parent else None)
        assert entry["text"] == provision.text
        start, end = entry["offsets"]
        assert 0 <= start <= end <= len(document.text)
    assert all(p["kind"] == "article" for p in data["provisions"] if p["id"].startswith("art:")
               and "." not in p["id"])
    assert data["document"]["articles"] == CORPUS_ARTICLES[name][0]


@pytest.mark.parametrize("name", sorted(CORPUS_ARTICLES))
def test_offsets_point_at_the_provision_text(corpus, name):
    document = parse_file(corpus / name)
    for provision in document.provisions:
        if provision.kind != "preamble" and provision.text:
            first_line = provision.text.splitlines()[0]
            assert first_line[:40] in document.text[provision.start:provision.end]


@pytest.mark.parametrize("name", sorted(DEFINED))
def test_defined_terms_are_found_in_the_definitions_article(corpus, name):
    document = parse_file(corpus / name)
    article = DEFINED[name]
    assert document.definitions, "no defined terms found"
    assert all(d.provision == article or d.provision.startswith(article + ".") for d in document.definitions)


@pytest.mark.parametrize("name", sorted(EXPECTED_TERMS))
def test_a_known_term_is_listed_with_its_provision(corpus, name):
    term, provision = EXPECTED_TERMS[name]
    found = {(d.term.lower(), d.provision) for d in parse_file(corpus / name).definitions}
    assert (term.lower(), provision) in found


def test_kazakh_code_structure_keeps_sections_chapters_and_headings(corpus):
    document = parse_file(corpus / "kz-digital-code-2026-ru.txt")
    art1 = document.get("art:1")
    assert art1 is not None and art1.heading == "Отношения, регулируемые настоящим Кодексом"
    assert art1.parent is not None and art1.parent.id == "ch:1"
    assert art1.parent.parent is not None and art1.parent.parent.id == "sec:1"
    assert document.get("art:1.1") is not None


def test_footnotes_mentioning_articles_do_not_open_articles(corpus):
    document = parse_file(corpus / "kz-digital-code-2026-ru.txt")
    numbers = [int(a.number) for a in document.articles]
    assert numbers == list(range(1, 107))


def test_wrapped_reference_to_an_article_is_not_a_heading(corpus):
    # The AI Act copy has a line that starts "Article 49(2). Upon request..." inside Article 6.
    document = parse_file(corpus / "eu-ai-act-2024-1689.txt")
    assert "art:49~2" not in {p.id for p in document.provisions}
    art6 = document.get("art:6")
    assert art6 is not None and "Article 49(2). Upon request" in art6.full_text()


def test_ai_act_article_66_keeps_every_line_in_order_and_its_points_under_the_right_parent(corpus):
    # This copy runs point (a) on in the lead-in line and gives (iii)-(vii) and (f)-(o) before (b)-(e), (i)
    # and (ii). The letter "(i)" after "(h)" must not open a roman list that takes (b)-(e) as its children.
    document = parse_file(corpus / "eu-ai-act-2024-1689.txt")
    article, following = document.get("art:66"), document.get("art:67")
    assert article is not None and following is not None
    assert [child.id for child in article.children] == ["art:66.b", "art:66.c", "art:66.d", "art:66.e"]
    assert [child.id for child in document.get("art:66.e").children] == ["art:66.e.i", "art:66.e.ii"]
    copy_lines = [line.strip() for line in document.text[article.start:following.start].splitlines()]
    assert article.numbered_text().splitlines() == ["Tasks of the Board"] + [
        line for line in copy_lines[1:] if line]


def test_dotted_paragraph_numbers_give_the_path(corpus):
    document = parse_file(corpus / "eu-gdpr-2016-679.txt")
    assert document.get("art:8.1") is not None
    assert document.get("art:9.2.a") is not None
    assert document.get("art:9.2.a").parent.id == "art:9.2"


def test_ai_act_points_after_a_dotted_paragraph_are_that_paragraph_s_points(corpus):
    # The AI Act copy numbers paragraphs "1.2" and gives their points as "(a)" lines: Article 1(2)(a)
    document = parse_file(corpus / "eu-ai-act-2024-1689.txt")
    assert [child.id for child in document.get("art:1.2").children] == [f"art:1.2.{c}" for c in "abcdefg"]
    assert document.get("art:1.a") is None


def test_ai_act_regulation_cited_on_a_wrapped_line_stays_text_of_its_point(corpus):
    # Article 59(1)(c) wraps "Regulation\n(EU) 2016/679": "(EU)" is no item marker
    document = parse_file(corpus / "eu-ai-act-2024-1689.txt")
    assert document.get("art:59.1.c.EU") is None
    assert "\n(EU) 2016/679 and in Article 39" in document.get("art:59.1.c").text


def test_ai_act_annex_xii_points_1_and_2_hold_their_own_lettered_points(corpus):
    # The copy runs point 1 on at the end of the annex's lead-in line
    document = parse_file(corpus / "eu-ai-act-2024-1689.txt")
    annex = document.get("annex:XII")
    assert [child.id for child in annex.children] == ["annex:XII.1", "annex:XII.2"]
    assert [child.id for child in annex.children[0].children] == [f"annex:XII.1.{c}" for c in "abcdefgh"]
    assert [child.id for child in annex.children[1].children] == [f"annex:XII.2.{c}" for c in "abc"]
    assert not [node.id for node in annex.walk() if "~" in node.id]


def test_ai_act_article_108_s_amending_points_are_the_article_s_points(corpus):
    # The copy numbers Article 108's lead-in "108.1"; the Regulation's points (1) to (6) are Article 108's
    document = parse_file(corpus / "eu-ai-act-2024-1689.txt")
    article = document.get("art:108")
    assert [child.id for child in article.children] == [f"art:108.{n}" for n in range(1, 7)]
    assert article.text == "Regulation (EU) 2018/1139 is amended as follows:"


def test_ai_act_paragraphs_after_a_dotted_number_written_with_its_own_number_are_siblings(corpus):
    # "111.1 1.   Without prejudice..." then "2.", "3.": Article 111(2), not Article 111(1)(2)
    document = parse_file(corpus / "eu-ai-act-2024-1689.txt")
    assert [child.id for child in document.get("art:111").children] == ["art:111.1", "art:111.2", "art:111.3"]
    assert [child.id for child in document.get("art:112").children] == [f"art:112.{n}" for n in range(1, 14)]
    assert document.get("art:112.2.a") is not None
