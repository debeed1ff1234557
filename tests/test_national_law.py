"""A review knows whose law the draft is: the draft's own country's law is national law in force, cited apart and
named as such, and a gap it already has rules on says so, instead of being shown as foreign practice or as
something missing. A jurisdiction that cannot be told changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crlens.analysis.engine import review_document
from crlens.analysis.review import Recommendation, Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import load
from crlens.report import brief, gap_table
from drafts import PLATFORM_ARTICLES as ARTICLES
from drafts import review_text

EU = (
    "REGULATION (EU) 2026/101 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on online platforms\n"
    "Article 1\nSubject matter\n"
    "This Regulation lays down rules for providers of online platforms.\n"
)
PLATFORMS_LAW = "Law on Online Platforms art. 14(3)"
PLATFORMS_LAW_RU = "Закон «Об онлайн-платформах и онлайн-рекламе», пункт 3 статьи 14"


def _rec(review: Review, criterion: str) -> Recommendation:
    return next(r for r in review.recommendations if criterion in r.criteria)


@pytest.fixture(scope="module")
def kz_code(corpus: Path) -> Review:
    return review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"))


# --- whose law the draft is -------------------------------------------------------------------------------------


def test_a_kazakh_drafts_review_records_jurisdiction_kz(kazakh: Review) -> None:
    assert kazakh.document.jurisdiction == "kz"
    assert json.loads(kazakh.to_json())["document"]["jurisdiction"] == "kz"


def test_a_draft_titled_in_kazakh_is_kazakhstans(tmp_path: Path) -> None:
    text = ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЦИФРЛЫҚ КОДЕКСІ\nЖОБА\n"
            "1-бап. Негізгі ұғымдар\nОсы Кодексте ұғымдар пайдаланылады.\n")
    assert review_text(tmp_path, text).document.jurisdiction == "kz"


def test_an_eu_regulations_review_records_eu(tmp_path: Path) -> None:
    assert review_text(tmp_path, EU).document.jurisdiction == "eu"


def test_a_law_whose_title_names_no_country_is_known_by_its_title_block(tmp_path: Path) -> None:
    text = ("Об онлайн-платформах и онлайн-рекламе\n"
            f"Закон Республики Казахстан от 10 июля 2023 года № 18-VIII ЗРК\n{ARTICLES}")
    assert review_text(tmp_path, text).document.jurisdiction == "kz"


def test_the_us_code_chapter_of_coppa_is_us_law(corpus: Path) -> None:
    """Its title ("Title 15— COMMERCE AND TRADE") names no country; its chapter is an act the knowledge base
    knows as United States law."""
    assert review_document(parse_file(corpus / "us-coppa-15usc6501.txt")).document.jurisdiction == "us"


def test_a_title_naming_two_jurisdictions_leaves_the_jurisdiction_unknown(tmp_path: Path) -> None:
    text = ("ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН О ратификации Соглашения между Правительством Республики Казахстан и "
            f"Правительством Российской Федерации\n{ARTICLES}")
    assert review_text(tmp_path, text).document.jurisdiction is None


def test_an_unknown_jurisdiction_is_absent_from_review_json(nameless: Review) -> None:
    assert nameless.document.jurisdiction is None
    assert "jurisdiction" not in json.loads(nameless.to_json())["document"]


# --- the sources: national law apart, named as such --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "cited"), [
    ("en", f"Kazakhstan, law in force: {PLATFORMS_LAW}"),
    ("ru", f"Казахстан, действующее законодательство: {PLATFORMS_LAW_RU}")])
def test_a_kazakh_drafts_gap_table_lists_the_online_platforms_law_as_national_law_in_force(
        kazakh: Review, tmp_path: Path, lang: str, cited: str) -> None:
    table = gap_table.write_markdown(kazakh, tmp_path / "gap-table.md", lang).read_text(encoding="utf-8")
    row = next(line for line in table.splitlines() if cited in line)
    assert row.index(cited) > max(row.index("Australia" if lang == "en" else "Австралия"),
                                  row.index("United Kingdom" if lang == "en" else "Соединенное Королевство"))
    assert f"{PLATFORMS_LAW} (Kazakhstan)" not in table and f"{PLATFORMS_LAW_RU} (Казахстан)" not in table


def test_the_kz_codes_gap_table_calls_no_kazakh_law_an_example_from_another_jurisdiction(
        kz_code: Review, tmp_path: Path) -> None:
    for lang, country in (("en", "(Kazakhstan)"), ("ru", "(Казахстан)")):
        rows = [cell.text for section in gap_table.sections(kz_code, lang) for row in section.rows
                for cell in row.sources]
        assert not [text for text in rows if country in text]
        assert len([text for text in rows if text.startswith(country[1:-1])]) >= 10


def test_the_justification_names_national_law_apart_from_the_examples(kazakh: Review) -> None:
    rec = _rec(kazakh, "cyber-aggression-02")
    english, russian = rec.amendment.justification, rec.amendment.justification_ru
    assert "Examples in legislation: " in english and "(Kazakhstan)" not in english
    examples, national = english.split(". Kazakhstan, law in force: ")
    assert "Examples in legislation: " in examples and national.endswith(".") and PLATFORMS_LAW in national
    assert "Примеры в законодательстве: " in russian and "(Казахстан)" not in russian
    examples, national = russian.split(". Казахстан, действующее законодательство: ")
    assert "Примеры в законодательстве: " in examples and national.endswith(".") and PLATFORMS_LAW_RU in national


def test_a_national_act_not_in_force_is_the_countrys_own_legislation_not_law_in_force(tmp_path: Path) -> None:
    """The Digital Code, adopted in 2026, is Kazakh law, but not law in force to refer a draft law to."""
    text = f"ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН О цифровых услугах\n(проект)\n{ARTICLES}"
    rec = _rec(review_text(tmp_path, text), "general-principles-03")
    assert "Kazakhstan, own legislation: Digital Code art. 43." in rec.amendment.justification
    assert "Digital Code" not in rec.issue


def test_without_a_jurisdiction_kazakh_law_is_cited_with_its_country_as_before(nameless: Review,
                                                                               tmp_path: Path) -> None:
    rec = _rec(nameless, "cyber-aggression-02")
    assert f"{PLATFORMS_LAW} (Kazakhstan)" in rec.amendment.justification
    table = gap_table.write_markdown(nameless, tmp_path / "gap-table.md").read_text(encoding="utf-8")
    assert f"{PLATFORMS_LAW} (Kazakhstan)" in table and "law in force" not in table


# --- the issue: what the law in force already has ----------------------------------------------------------------


def test_a_kazakh_drafts_cyberbullying_issue_names_the_law_in_force_and_what_it_provides(kazakh: Review) -> None:
    rec = _rec(kazakh, "cyber-aggression-02")
    # "on part of this": the recommendation gathers the area's criteria, not all of which that law touches
    assert (f"The law in force already has rules on part of this: {PLATFORMS_LAW} (within 24 hours of an order "
            "from the authorised body") in rec.issue
    assert "The draft should refer to it and be consistent with it" in rec.issue
    assert (f"Действующее законодательство уже содержит нормы по части этих вопросов: {PLATFORMS_LAW_RU} (в "
            "течение 24 часов") in rec.ru.issue
    assert "Проекту следует сослаться на него" in rec.ru.issue


def test_its_solution_builds_on_the_law_in_force(kazakh: Review) -> None:
    rec = _rec(kazakh, "cyber-aggression-02")
    _, laws = rec.solution.split(" Build on the law in force and refer to it: ")
    assert laws.startswith(PLATFORMS_LAW) and laws.endswith(".")
    _, laws = rec.ru.solution.split(" Опереться на действующее законодательство и сослаться на него: ")
    assert laws.startswith(PLATFORMS_LAW_RU) and laws.endswith(".")


def test_an_adopted_codes_complaints_issue_cites_the_twenty_day_reply_in_force(kz_code: Review) -> None:
    rec = _rec(kz_code, "redress-01")
    assert "way to complain that is answered within a set deadline" in rec.issue
    assert "Law on Online Platforms art. 11 (users may complain" in rec.issue
    assert "reasoned reply within 20 calendar days" in rec.issue
    assert "The Code should refer to it" in rec.issue
    assert "Кодексу следует сослаться на него" in rec.ru.issue


def test_without_a_jurisdiction_no_issue_speaks_of_the_law_in_force(nameless: Review) -> None:
    assert not [r.id for r in nameless.recommendations
                if "law in force" in r.issue + r.solution or "Действующее законодательство" in r.ru.issue]


# --- the policy brief -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "area", "said"), [
    ("en", "Accountability and redress", "The law in force already has rules on this: Law on Online Platforms "
                                         "art. 11 (users may complain"),
    ("ru", "Подотчетность и средства правовой защиты", "Действующее законодательство уже содержит нормы по этому "
                                                       "вопросу: Закон «Об онлайн-платформах и онлайн-рекламе», "
                                                       "статья 11 (пользователь вправе")])
def test_the_brief_says_what_the_law_in_force_has_where_it_finds_complaints_missing(
        kz_code: Review, lang: str, area: str, said: str) -> None:
    """The brief quotes the issue's first sentence ("... way to complain that is answered within a set
    deadline"); it does not leave the reader to believe complaints have no deadline in Kazakhstan, where that law
    sets twenty days. Since art. 38(4) (liability for harm) meets a child's remedy in part, the area is one the
    brief lists as addressed in part, without a line among the gaps; the issue on complaints still says it."""
    content = brief.build(kz_code, lang)
    for line in [g for g in content.gaps if g.startswith(area)]:
        assert said in line and ("20 calendar days" in line or "20 календарных дней" in line)
    assert any(area in conclusion for conclusion in content.conclusions)
    [rec] = [r for r in kz_code.recommendations if "redress-01" in r.criteria]
    issue = rec.issue if lang == "en" else rec.ru.issue
    assert said in issue and ("20 calendar days" in issue or "20 календарных дней" in issue)


def test_the_briefs_recommendations_cite_the_law_in_force_they_build_on(kz_code: Review) -> None:
    content = brief.build(kz_code, "en")
    cited = [ref for rec in content.recommendations for ref in rec.refs
             if ref.startswith("Kazakhstan, law in force: ")]
    assert cited
    assert any(line.startswith(cited[0]) for line in content.references)


def test_a_national_law_is_said_to_have_rules_only_on_what_its_summary_covers(sample_ru: Path) -> None:
    """The Law on the Protection of Children from Information Harmful to their Health and Development protects
    children from harmful information; it is no rule on the state supporting quality content for children, so a
    Kazakh draft's issue on that support must not say the law in force already has rules on it (it cites foreign
    practice that does: the US National Endowment for Children's Educational Television)."""
    review = review_document(parse_file(sample_ru))
    rec = _rec(review, "positive-effects-02")
    law = load().examples["kz-child-info-law-2018"]
    assert law.ref not in rec.issue and law.ref_ru not in rec.ru.issue
    assert "us-cta-47-usc-394" in {s.id for s in rec.sources}


# --- the Law on Personal Data (No. 94-V): a rule for everyone, cited only for a Kazakh draft ---------------------

PERSONAL_DATA_LAW = "Law on Personal Data art. 8(1)–(2)"
PERSONAL_DATA_LAW_RU = "Закон «О персональных данных и их защите», пункты 1 и 2 статьи 8"
DATA_ARTICLES = ARTICLES + (
    "Статья 3. Персональные данные пользователей\n"
    "Владелец онлайн-платформы обрабатывает персональные данные пользователей с их согласия.\n"
)


@pytest.mark.parametrize("criterion", ["data-privacy-01", "data-privacy-06"])
def test_the_kz_codes_data_recommendations_name_the_law_on_personal_data_as_law_in_force(
        kz_code: Review, criterion: str) -> None:
    """The Code refers to that law (Articles 41(2), 48(1)); a consent the person or a legal representative gives,
    at no set age, is part of what the criterion asks, not all of it."""
    rec = _rec(kz_code, criterion)
    assert (f"The law in force already has rules on part of this: {PERSONAL_DATA_LAW} (the person concerned or "
            "that person's legal representative gives consent") in rec.issue
    assert (f"Действующее законодательство уже содержит нормы по части этих вопросов: {PERSONAL_DATA_LAW_RU} "
            "(согласие на сбор и обработку персональных данных дает и может отозвать сам субъект или его законный "
            "представитель") in rec.ru.issue
    _, laws = rec.solution.split(" Build on the law in force and refer to it: ")
    assert laws.startswith(PERSONAL_DATA_LAW)
    assert f"Kazakhstan, law in force: {PERSONAL_DATA_LAW}" in rec.amendment.justification
    assert f"Казахстан, действующее законодательство: {PERSONAL_DATA_LAW_RU}" in rec.amendment.justification_ru


def test_the_kz_codes_erasure_recommendation_names_removal_from_public_sources_within_a_working_day(
        kz_code: Review) -> None:
    rec = _rec(kz_code, "data-privacy-06")
    assert ("Law on Personal Data art. 6 (data on a person collected and processed in breach of the law are "
            "removed from publicly available sources") in rec.issue
    assert "within one working day" in rec.issue
    assert "Закон «О персональных данных и их защите», статья 6 (сведения о лице" in rec.ru.issue


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_kz_codes_brief_says_the_law_on_personal_data_has_rules_on_part_of_the_data_gap(
        kz_code: Review, lang: str) -> None:
    said = {"en": f"The law in force already has rules on part of this: {PERSONAL_DATA_LAW} (",
            "ru": "Действующее законодательство уже содержит нормы по части этого вопроса: "
                  f"{PERSONAL_DATA_LAW_RU} ("}
    area = {"en": "Data protection and privacy", "ru": "Защита данных и неприкосновенность частной жизни"}
    [line] = [g for g in brief.build(kz_code, lang).gaps if g.startswith(area[lang])]
    assert said[lang] in line


def test_a_kazakh_draft_on_personal_data_is_pointed_to_the_law_on_personal_data(tmp_path: Path) -> None:
    review = review_text(tmp_path, f"ЦИФРОВОЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН\n(проект)\n{DATA_ARTICLES}")
    rec = _rec(review, "data-privacy-01")
    assert {"kz-personal-data-art-8", "kz-personal-data-art-6"} <= {s.id for s in rec.sources}
    assert f"The law in force already has rules on part of this: {PERSONAL_DATA_LAW} (" in rec.issue
    # the law in force made for children, on profiling for advertising, is named where that gap is
    profiling = _rec(review, "data-privacy-03")
    assert "Law on Online Platforms art. 20(4) (targeted online advertising" in profiling.issue


@pytest.mark.parametrize("title", ["ЦИФРОВОЙ КОДЕКС РЕСПУБЛИКИ УЗБЕКИСТАН", "КОДЕКС О ЦИФРОВЫХ УСЛУГАХ"])
def test_another_or_an_unknown_countrys_draft_is_not_shown_the_kazakh_law_on_personal_data(
        tmp_path: Path, title: str) -> None:
    """A general rule on consent is no practice to show another country; a Kazakh rule made for children (no
    targeted advertising to minors) still is."""
    review = review_text(tmp_path, f"{title}\n(проект)\n{DATA_ARTICLES}")
    rec = _rec(review, "data-privacy-01")
    cited = {s.id for s in rec.sources}
    assert not {s for s in cited if s.startswith("kz-personal-data-")}
    assert "kz-online-platforms-art-20-4" in {s.id for s in _rec(review, "data-privacy-03").sources}
    assert "Law on Personal Data" not in rec.issue + rec.solution + rec.amendment.justification
    assert "О персональных данных и их защите" not in rec.ru.issue + rec.amendment.justification_ru


def test_the_sample_draft_is_kazakh_but_repeals_the_law_on_personal_data_so_is_not_pointed_to_it(
        sample_en: Path) -> None:
    review = review_document(parse_file(sample_en))
    assert review.document.jurisdiction == "kz"
    assert not [s.id for r in review.recommendations for s in r.sources if s.id.startswith("kz-personal-data-")]


def test_a_laws_provisions_are_listed_under_one_label_in_the_briefs_references(kz_code: Review) -> None:
    """Two provisions of Law No. 94-V were each preceded by "Kazakhstan, law in force:" on one line. The brief now
    names a law by the first provision a recommendation cites; a law two recommendations cite by different
    provisions still has one line, one label."""
    for lang, label in (("en", "Kazakhstan, law in force: "), ("ru", "Казахстан, действующее законодательство: ")):
        lines = [r for r in brief.build(kz_code, lang).references if label in r]
        assert any(line.endswith("docs/Z1300000094") for line in lines)
        assert all(line.startswith(label) and line.count(label) == 1 for line in lines)
        urls = [line.rsplit(" — ", 1)[1] for line in lines]
        assert len(urls) == len(set(urls))


def test_the_power_to_order_removal_of_cyberbullying_cites_the_law_that_has_it(kz_code: Review) -> None:
    """The removal order with a 24-hour deadline is the Law on Online Platforms, art. 14(3); the Law on Mass
    Media, art. 40, sets an application to an expert group and no removal order, so it is not cited for it."""
    sources = {s.id for s in _rec(kz_code, "cyber-aggression-03").sources}
    assert "kz-online-platforms-art-14-3" in sources and "kz-mass-media-art-40" not in sources


def test_the_mass_media_laws_cyberbullying_applications_are_not_cited_as_a_route_for_any_complaint(
        kz_code: Review) -> None:
    """A free route to a supervisory body for any complaint a service leaves unresolved (redress-03) is not what
    art. 40 of the Law on Mass Media gives (applications about cyberbullying of a child in the media)."""
    assert "kz-mass-media-art-40" not in {s.id for s in _rec(kz_code, "redress-03").sources}


def test_the_mass_media_law_is_described_as_it_reads(kz_code: Review) -> None:
    """Art. 40 leaves the expert group's make-up to the authorised body and orders no removal: the summary
    quoted in the issues says neither that the group includes child-rights bodies nor that content is removed."""
    issues = " ".join(r.issue + " " + r.ru.issue for r in kz_code.recommendations if "Mass Media" in r.issue)
    assert issues and "order to remove" not in issues and "civil-society" not in issues
    assert "предписание об удалении контента" not in issues


# --- the proposed texts: what they add to the law in force, named in the text itself ---------------------------

APPLIES_WITH = "apply together with those set by {laws}."
APPLIES_WITH_RU = "применяются наряду с требованиями, установленными {laws}."
PLATFORMS_ACT = 'the Law of the Republic of Kazakhstan "On Online Platforms and Online Advertising"'
PLATFORMS_ACT_RU = "Законом Республики Казахстан «Об онлайн-платформах и онлайн-рекламе»"


def test_a_new_article_on_complaints_names_the_law_in_force_it_adds_to(kz_code: Review) -> None:
    """The issue tells the drafter to refer to the Law on Online Platforms, whose art. 11 gives every user twenty
    calendar days; the new article, which gives children five working days, says in its own text that it adds to
    that law, so a drafter reading the article alone sees the two regimes. It sets no priority between them: the
    Code prevails over laws (art. 2(3)), and a second collision rule would contradict it (lawyer's audit)."""
    proposed = _rec(kz_code, "redress-01").amendment.proposed_text
    assert proposed.en.splitlines()[-1] == (
        f"4. The requirements of this article {APPLIES_WITH.format(laws=PLATFORMS_ACT)}")
    assert proposed.ru.splitlines()[-1] == (
        f"4. Требования настоящей статьи {APPLIES_WITH_RU.format(laws=PLATFORMS_ACT_RU)}")


def test_the_law_in_forces_title_keeps_its_words_where_the_article_takes_the_drafts_terms(kz_code: Review) -> None:
    """The Code says "цифровая платформа" and the article follows it; the title of the law it adds to is that
    law's own."""
    proposed = _rec(kz_code, "redress-01").amendment.proposed_text
    assert "цифровой платформы" in proposed.ru and "«Об онлайн-платформах и онлайн-рекламе»" in proposed.ru
    assert "digital platform" in proposed.en and '"On Online Platforms and Online Advertising"' in proposed.en


def test_paragraphs_added_to_an_article_are_the_ones_said_to_apply_with_the_law_in_force(kz_code: Review) -> None:
    """Article 37 keeps its own paragraphs 1-8; what applies together with the Law on Personal Data is what the
    supplement adds."""
    proposed = _rec(kz_code, "data-privacy-01").amendment.proposed_text
    act = 'the Law of the Republic of Kazakhstan "On Personal Data and Their Protection"'
    act_ru = "Законом Республики Казахстан «О персональных данных и их защите»"
    assert proposed.en.splitlines()[0].startswith("9. ")
    assert proposed.en.splitlines()[-1] == (
        f"13. The requirements of paragraphs 9–12 of this article {APPLIES_WITH.format(laws=act)}")
    assert proposed.ru.splitlines()[-1] == (
        f"13. Требования пунктов 9–12 настоящей статьи {APPLIES_WITH_RU.format(laws=act_ru)}")


def test_two_laws_in_force_are_both_named(kz_code: Review) -> None:
    proposed = _rec(kz_code, "access-information-01").amendment.proposed_text
    assert ('set by the Law of the Republic of Kazakhstan "On the Rights of the Child in the Republic of '
            'Kazakhstan" and the Law of the Republic of Kazakhstan "On the Protection of Children from '
            'Information Harmful to their Health and Development".') in proposed.en
    assert ("установленными Законом Республики Казахстан «О правах ребенка в Республике Казахстан» и Законом "
            "Республики Казахстан «О защите детей от информации, причиняющей вред их здоровью и "
            "развитию».") in proposed.ru


def test_a_definition_added_to_the_definitions_article_says_nothing_of_the_law_in_force(kz_code: Review) -> None:
    """A definitions article defines; what applies with which law is for the articles that set the rules."""
    rec = _rec(kz_code, "cyber-aggression-01")
    assert "Law on Mass Media" in rec.issue
    assert "apply together with" not in rec.amendment.proposed_text.en
    assert "применяются наряду" not in rec.amendment.proposed_text.ru


def test_no_two_paragraphs_added_to_one_article_share_a_number(kz_code: Review) -> None:
    from crlens.report.amendments import added_paragraphs

    added: dict[str, list[int]] = {}
    for rec in kz_code.recommendations:
        if rec.amendment.action == "supplement":
            added.setdefault(rec.amendment.target, []).extend(added_paragraphs(rec))
    assert all(len(numbers) == len(set(numbers)) for numbers in added.values())


def test_without_a_jurisdiction_no_proposed_text_refers_to_a_law_in_force(nameless: Review) -> None:
    assert not [r.id for r in nameless.recommendations if "apply together with" in r.amendment.proposed_text.en
                or "применяются наряду" in r.amendment.proposed_text.ru]


def test_the_kz_codes_automated_decisions_issue_names_the_law_on_artificial_intelligence_in_force(
        kz_code: Review) -> None:
    """The Code itself refers to that law (art. 100(4)); its users' rights to an explanation and to decline an AI
    system are rules for everyone, part of what the criterion asks for children."""
    rec = _rec(kz_code, "ai-02")
    assert ("The law in force already has rules on part of this: Law on Artificial Intelligence art. 16(1)(4)–(6) "
            "(a user may obtain") in rec.issue
    assert "Закон «Об искусственном интеллекте», подпункты 4)–6) пункта 1 статьи 16" in rec.ru.issue
    assert rec.amendment.proposed_text.ru.splitlines()[-1].endswith(
        "установленными Законом Республики Казахстан «Об искусственном интеллекте».")


def test_the_paragraph_on_the_law_in_force_sets_no_priority_of_its_own(kz_code: Review) -> None:
    """The Code prevails over other laws (art. 2(3)); "where they differ, the more protective applies" would be a
    second, contrary collision rule, and no test a controller or a court can apply in advance."""
    texts = [r.amendment.proposed_text for r in kz_code.recommendations]
    assert any("apply together with" in t.en for t in texts)
    assert not [t for t in texts if "more protective" in t.en or "более высокий уровень защиты" in t.ru]


def test_the_kz_codes_cyberbullying_texts_name_each_body_by_its_field(kz_code: Review) -> None:
    """In the Code a bare «уполномоченный орган» is the body in the field of digitalisation (art. 14(1)); the
    orders to remove cyberbullying are for the body the Law on Online Platforms sets up (its arts. 1(17), 14(3)),
    named as that law names it even where the Code says "цифровая платформа", and educational measures for a child
    who bullied are for the school both children attend, else for the child-rights body (lawyer's audit)."""
    import re

    texts = [r.amendment.proposed_text.ru for r in kz_code.recommendations
             if r.areas == ["cyber-aggression"] and r.amendment.action == "new"]
    assert texts
    joined = "\n".join(texts)
    assert "обратиться в уполномоченный орган в области онлайн-платформ и онлайн-рекламы" in joined
    assert "уполномоченным органом в области защиты прав детей совместно с законными представителями" in joined
    bare = re.findall(r"(?<!указанный )(?<!указанного )уполномоченн\w* орган\w*(?!\w)(?! в (?:области|сфере))",
                      joined)
    assert bare == []


def test_the_kz_codes_csam_article_names_the_law_on_online_platforms_it_adds_to(kz_code: Review) -> None:
    """The Law on Online Platforms already bans paedophilia and pornography as illegal content and sends their
    removal to art. 41-1 of the Law on Communications (its art. 14(1)–(2)), and has platforms tell the police at
    once (its art. 9(4)(5)): the CSAM article says it applies together with that law, and cites it (lawyer's audit,
    H2 and H7)."""
    rec = _rec(kz_code, "csea-01")
    cited = {s.id for s in rec.sources}
    assert {"kz-online-platforms-art-14-1", "kz-online-platforms-art-9-4-5"} <= cited
    assert rec.amendment.proposed_text.ru.splitlines()[-1].endswith(
        "применяются наряду с требованиями, установленными Законом Республики Казахстан "
        "«Об онлайн-платформах и онлайн-рекламе».")


def test_the_kz_codes_csam_definition_goes_to_its_definitions_article(kz_code: Review) -> None:
    """A term is defined with the Code's other terms (the new art. 1-1), before the articles that use it, not at
    the end of the article that has used it since its first paragraph."""
    rec = _rec(kz_code, "csea-06")
    assert "csea-06" in rec.criteria and rec.amendment.number == "1-1"
    assert "\n5) материалы сексуального насилия над детьми – любые визуальные или звуковые материалы" in (
        rec.amendment.proposed_text.ru)
    assert "сексуального насилия над детьми —" not in _rec(kz_code, "csea-01").amendment.proposed_text.ru


def test_the_kz_codes_csam_texts_name_each_body_by_its_field(kz_code: Review) -> None:
    """The hotline and the referral of a child to help are the child-rights body's, not the digitalisation body's
    that a bare «уполномоченный орган» means in the Code (art. 14(1))."""
    import re

    text = "\n".join(r.amendment.proposed_text.ru for r in kz_code.recommendations if r.areas == ["csea"])
    assert "Уполномоченный орган в области защиты прав детей обеспечивает функционирование горячей линии" in text
    bare = re.findall(r"уполномоченн\w* орган\w*(?!\w)(?! в (?:области|сфере))", text)
    assert bare == []


def test_the_kz_codes_complaints_and_oversight_texts_name_no_body_the_code_does_not_mean(kz_code: Review) -> None:
    """A bare «уполномоченный орган» in the Code is the digitalisation body (art. 14(1)). Complaints of every kind
    of online harm go to the state body that supervises the requirement breached; the children's unit and its
    report belong to the personal-data body the paragraph before names; age categories are the ones the law on
    harmful information already sets, not a second classification (lawyer's audit H3)."""
    import re

    wanted = {*(f"redress-0{n}" for n in range(1, 7)), "business-hrdd-05", "business-hrdd-06",
              "coordination-monitoring-06", "safety-04", "industry-role-01"}
    texts = [r.amendment.proposed_text.ru for r in kz_code.recommendations if wanted & set(r.criteria)]
    assert len(texts) >= 6
    bare = [m.group() for text in texts for m in re.finditer(
        r"уполномоченн\w* орган\w*(?!\w)(?! в (?:области|сфере))", text, re.I)
        if "указанн" not in text[max(0, m.start() - 12):m.start()].lower()]
    assert bare == []
    assert any("возрастной классификацией информационной продукции" in text for text in texts)


def test_a_kazakh_law_is_cited_by_its_title_not_by_its_number_alone() -> None:
    """A Kazakh lawyer knows a law by its title: «Закон № 169-VI (2018)» sends the ministry reader to a search;
    the title, in «», says what the law is."""
    for example in load().examples.values():
        if example.jurisdiction == "kz" and example.title is not None:
            assert example.title.ru in example.ref_ru, example.id


def test_the_definition_of_cyberbullying_names_the_one_the_law_on_the_rights_of_the_child_already_gives(
        kz_code: Review) -> None:
    """The issue said the Code does not define cyberbullying and cited only the Law on Mass Media, while the Law on
    the Rights of the Child (art. 1(4-1), since 2024) already defines bullying, and cyberbullying, as systematic
    acts: a ministry reader would ask why the proposed definition differs from it (third lawyer's review)."""
    [rec] = [r for r in kz_code.recommendations if "cyber-aggression-01" in r.criteria]
    assert "Закон «О правах ребенка в Республике Казахстан», подпункт 4-1) статьи 1 (определяет травлю" in (
        rec.ru.issue)
    assert "Law on the Rights of the Child art. 1(4-1)" in rec.solution
