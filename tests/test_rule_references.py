"""A proposed text that builds on another criterion's rule names where that rule is, instead of setting it again.

Due diligence includes the child-rights impact assessment; the person who carried out that assessment acts on it;
a supplier submits it. Each of these once set an assessment of its own, with its own trigger and period, so that
one platform owed four. Now each names the provision that sets the assessment in the draft as amended: the
paragraph a recommendation adds, the new article, or the draft's own provision that already requires it.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from crlens.analysis.act_name import CODE, ActName
from crlens.analysis.engine import review_document
from crlens.analysis.labels import articles_by, label_by, paragraphs_by
from crlens.analysis.references import LeftOut, RulePlace, follow_references, refer_to_rules
from crlens.analysis.review import Recommendation, Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import KnowledgeBase, check, load, rule_set_members
from crlens.knowledge.models import RuleSet
from drafts import PLATFORM_ARTICLES, review_text


@pytest.fixture(scope="module")
def kz_code(corpus: Path) -> Review:
    return review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"), load())


def _rec(review: Review, criterion: str) -> Recommendation:
    return next(r for r in review.recommendations if criterion in r.criteria)


def test_a_russian_provision_after_provided_for_is_named_in_the_instrumental() -> None:
    assert label_by("art:29.9", "ru") == "пунктом 9 статьи 29"
    assert label_by("art:29-9", "ru") == "статьей 29-9"
    assert label_by("art:29.9", "en") == "Article 29(9)"


def test_several_paragraphs_of_one_article_are_named_together() -> None:
    assert paragraphs_by("art:27", [8, 10], "ru") == "пунктами 8 и 10 статьи 27"
    assert paragraphs_by("art:27", [8, 10], "en") == "Article 27(8) and (10)"


def test_due_diligence_includes_the_impact_assessment_the_review_proposes_not_one_of_its_own(
        kz_code: Review) -> None:
    assessment = _rec(kz_code, "crdd-01")
    assert assessment.amendment.target == "art:29"
    assert assessment.amendment.proposed_text.ru.startswith("9. Владелец цифровой платформы")
    due_diligence = _rec(kz_code, "business-hrdd-03").amendment.proposed_text
    assert "оценку воздействия на права ребенка, предусмотренную пунктом 9 статьи 29 настоящего Кодекса" in (
        due_diligence.ru)
    assert "the assessment of the impact on the rights of the child provided for in Article 29(9)" in (
        due_diligence.en)
    assert "выявление и оценку фактического" not in due_diligence.ru


def test_due_diligence_results_may_go_into_the_platforms_report_on_children_not_a_report_of_their_own(
        kz_code: Review) -> None:
    report = _rec(kz_code, "industry-role-05").amendment
    assert report.number == "29-8"
    assert "\n9. Владелец цифровой платформы" in report.proposed_text.ru
    assert "могут включаться в отчет, предусмотренный пунктом 9 статьи 29-8 настоящего Кодекса" in (
        _rec(kz_code, "business-hrdd-03").amendment.proposed_text.ru)


def test_a_rule_in_the_same_article_is_a_paragraph_of_this_article(kz_code: Review) -> None:
    article = _rec(kz_code, "crdd-04").amendment
    assert article.number == "29-9" and "crdd-02" in _rec(kz_code, "crdd-04").criteria
    assert "\n1. Государственные органы" in article.proposed_text.ru
    assert ("Лицо, проводившее оценку воздействия на права ребенка, предусмотренную пунктом 9 статьи 29 "
            "настоящего Кодекса и пунктом 1 настоящей статьи, принимает меры") in article.proposed_text.ru
    assert "provided for in Article 29(9) and paragraph 1 of this article" in article.proposed_text.en


def test_the_best_interests_principle_has_the_impact_assessments_record_it_instead_of_a_third_assessment(
        kz_code: Review) -> None:
    # the duties of the principles added to art. 4 are an article of their own, after art. 13
    [principle] = [r.amendment.proposed_text.ru for r in kz_code.recommendations
                   if "general-principles-02" in r.criteria and r.amendment.action == "new"]
    assert ("1. В оценке воздействия на права ребенка, предусмотренной пунктом 9 статьи 29 и пунктом 1 "
            "статьи 29-9 настоящего Кодекса, указывается") in principle
    assert "оценивает, насколько выбранное решение" not in principle


def test_a_rule_the_draft_already_meets_is_its_own_provision(tmp_path: Path) -> None:
    review = review_text(tmp_path, "ЦИФРОВОЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН\n(проект)\n" + PLATFORM_ARTICLES
                         + "Статья 3. Оценка воздействия на права ребенка\n"
                         "1. Владелец онлайн-платформы, которой пользуются дети, до начала ее эксплуатации и до "
                         "внесения в нее существенных изменений проводит оценку воздействия на права ребенка.\n"
                         "2. Оценка выявляет риски онлайн-платформы для детей.\n")
    assert next(c for c in review.criteria if c.id == "crdd-01").status == "addressed"
    assert "оценку воздействия на права ребенка, предусмотренную пунктом 1 статьи 3 настоящего Кодекса" in (
        _rec(review, "business-hrdd-03").amendment.proposed_text.ru)


def test_a_rule_nowhere_in_the_draft_is_the_acts() -> None:
    phrases = load().phrases
    assert phrases is not None
    text = "оценку, предусмотренную {rule:crdd-01}"
    assert refer_to_rules(text, "ru", "art:5", {}, phrases, CODE) == "оценку, предусмотренную настоящим Кодексом"
    assert refer_to_rules(text, "ru", "art:5", {}, phrases, ActName("Law", "Закон")) == (
        "оценку, предусмотренную настоящим Законом")
    assert refer_to_rules("provided for in {rule:crdd-01}", "en", "art:5", {}, phrases, CODE) == (
        "provided for in this Code")


def test_a_rule_that_is_a_whole_new_article_is_named_without_a_paragraph() -> None:
    phrases = load().phrases
    assert phrases is not None
    assert refer_to_rules("предусмотренную {rule:crdd-01}", "ru", "art:13", {"crdd-01": RulePlace("art:29-9")},
                          phrases, CODE) == "предусмотренную статьей 29-9 настоящего Кодекса"


def test_no_proposed_text_keeps_a_reference_as_the_model_clause_wrote_it(kz_code: Review, sample_ru: Path) -> None:
    for review in (kz_code, review_document(parse_file(sample_ru), load())):
        left = [r.id for r in review.recommendations
                for text in (r.amendment.proposed_text.en, r.amendment.proposed_text.ru) if "{rule:" in text]
        assert left == []


def test_a_childs_challenge_to_a_moderation_decision_has_the_periods_of_a_childs_complaint(
        kz_code: Review) -> None:
    """A child's challenge to the removal of his or her content fell under two periods, five working days for
    complaints and ten for challenges; it now has the complaint's, named by the paragraph that sets them."""
    complaints = _rec(kz_code, "redress-01").amendment
    assert complaints.number == "29-7"
    assert "\n2. Получение жалобы подтверждается незамедлительно" in complaints.proposed_text.ru
    challenge = _rec(kz_code, "redress-02").amendment.proposed_text
    assert ("а жалоба ребенка или его законного представителя – в сроки, предусмотренные пунктом 2 статьи 29-7 "
            "настоящего Кодекса") in challenge.ru
    assert "within the periods provided for in Article 29-7(2)" in challenge.en


def test_a_rule_the_draft_meets_in_several_paragraphs_is_the_article_that_holds_them(sample_en: Path) -> None:
    """The sample draft's Article 39 has the complaint mechanism in paragraph 1 and its periods in paragraph 2."""
    review = review_document(parse_file(sample_en), load())
    complaints = next(c for c in review.criteria if c.id == "redress-01")
    assert complaints.status == "addressed"
    assert {e.provision for e in complaints.evidence} == {"art:39.1", "art:39.2"}
    assert "within the periods provided for in Article 39." in (
        _rec(review, "redress-02").amendment.proposed_text.en)


def test_access_to_harmful_content_is_restricted_by_the_age_assurance_whose_method_and_data_are_set_once(
        kz_code: Review) -> None:
    """Age checks kept their data by three rules in three places (audit L23); the restriction of harmful content
    now uses the method the age-assurance rule sets, whose data rule then applies."""
    assurance = _rec(kz_code, "evolving-capacities-03").amendment
    assert assurance.number == "29-3"
    assert "\n3. Если настоящим Кодексом или иным законом требуется подтверждение возраста" in (
        assurance.proposed_text.ru)
    restriction = _rec(kz_code, "safety-04").amendment.proposed_text.ru
    assert ("ограничивается посредством подтверждения возраста способом, предусмотренным пунктом 3 статьи 29-3 "
            "настоящего Кодекса.") in restriction
    assert "не сохраняющих их после проверки" not in restriction


def test_the_authoritys_cyberbullying_order_follows_the_period_the_platform_had_not_an_open_reference(
        kz_code: Review) -> None:
    """A child may turn to the authority when the platform has not removed cyberbullying in time: the time is
    the one the platform's paragraph sets, named, not "the period established by this Code" (audit L25)."""
    platform = _rec(kz_code, "cyber-aggression-02").amendment
    assert platform.number == "29-4"
    assert "\n2. Владелец цифровой платформы рассматривает жалобу" in platform.proposed_text.ru
    authority = _rec(kz_code, "cyber-aggression-03").amendment.proposed_text
    assert "в срок, установленный пунктом 2 статьи 29-4 настоящего Кодекса." in authority.ru
    assert "within the period established by Article 29-4(2)." in authority.en


def test_legal_representatives_limit_a_childs_time_with_the_parental_tools_not_a_second_set(
        kz_code: Review) -> None:
    """Audit L23: the time tools against compulsive use (negative-effects-03) gave legal representatives tools to
    limit the child's time, which the parental tools (safety-02, Article 29-6(3)) give them too, for children
    under sixteen. The child keeps its own tools; the representatives' are the parental tools, named."""
    parental = _rec(kz_code, "safety-02")
    assert parental.amendment.number == "29-6"
    assert "3. Владелец цифровой платформы или онлайн-игры, которыми пользуются дети, предоставляет родителям" in (
        parental.amendment.proposed_text.ru)
    time_tools = _rec(kz_code, "negative-effects-03").amendment.proposed_text
    assert "предоставляет детям простые средства просмотра и ограничения собственного времени" in time_tools.ru
    assert ("Законным представителям ребенка средства ограничения времени его пользования цифровой платформой "
            "предоставляются в порядке, предусмотренном пунктом 3 статьи 29-6 настоящего Кодекса.") in (
        time_tools.ru)
    assert "as provided for in Article 29-6(3)." in time_tools.en
    assert "детям и их законным представителям простые средства" not in time_tools.ru


def test_data_from_an_age_check_follow_the_one_age_assurance_data_rule(kz_code: Review) -> None:
    """Audit L23: pseudonymous use (access-information-04) had its own rule for data from age checks beside the
    age-assurance rule's (evolving-capacities-03, Article 29-3(4): used only for the check, not passed on, deleted
    at once). It keeps its rule for identity checks and refers to that paragraph for age checks."""
    age_assurance = _rec(kz_code, "evolving-capacities-03").amendment
    assert age_assurance.number == "29-3"
    assert "\n4. Персональные данные, полученные для подтверждения возраста, используются только" in (
        age_assurance.proposed_text.ru)
    pseudonym = _rec(kz_code, "access-information-04").amendment.proposed_text
    assert "при проверке личности ребенка, не раскрываются" in pseudonym.ru
    assert ("Сведения, полученные при подтверждении возраста ребенка, обрабатываются в порядке, предусмотренном "
            "пунктом 4 статьи 29-3 настоящего Кодекса.") in pseudonym.ru
    assert "is processed as provided for in Article 29-3(4)." in pseudonym.en
    assert "личности или возраста" not in pseudonym.ru


def test_the_complaint_mechanism_is_in_the_languages_of_the_one_language_rule(kz_code: Review) -> None:
    """Audit L23: the complaint mechanism (redress-01) set its own languages beside the rule on the languages of a
    platform's terms, settings and complaint mechanism (equal-access-04, Article 42-1(4)); it now refers to it."""
    languages = _rec(kz_code, "equal-access-04").amendment
    assert languages.number == "42-1"
    assert "\n4. Владелец цифровой платформы, которой пользуются дети на территории Республики Казахстан" in (
        languages.proposed_text.ru)
    complaints = _rec(kz_code, "redress-01").amendment.proposed_text
    assert "без помощи взрослых, на языках, предусмотренных пунктом 4 статьи 42-1 настоящего Кодекса." in (
        complaints.ru)
    assert "in the languages provided for in Article 42-1(4)." in complaints.en


def test_a_child_who_lowers_the_default_settings_keeps_the_bans_on_adult_strangers_and_advertising_profiling(
        kz_code: Review) -> None:
    """Audit M12: the default settings (safety-01) let a child lower every setting, messages from strangers and
    profiling included, while Article 29(7) barred unapproved adults from messaging a child outright, Article 41-1
    barred profiling for commercial ends and Article 29(11) set its own condition for a profiled recommender.
    Lowering a setting now leaves the first two standing and switches the recommender on only as the third says."""
    defaults = _rec(kz_code, "safety-01").amendment.proposed_text
    assert ("Такое изменение не освобождает от соблюдения требований, установленных пунктом 7 статьи 29 и статьей "
            "41-1 настоящего Кодекса, а вариант работы рекомендательной системы, основанный на профайлинге, "
            "включается только в порядке, предусмотренном пунктом 11 статьи 29 настоящего Кодекса.") in defaults.ru
    assert ("It does not lift the requirements set by Article 29(7) and Article 41-1, and an option of the "
            "recommender system based on profiling is switched on only as provided for in Article 29(11).") in (
        defaults.en)


def test_the_ban_on_commercial_profiling_leaves_the_recommender_option_a_child_switched_on(
        kz_code: Review) -> None:
    """Audit M12: a recommender is arguably a commercial purpose, so Article 41-1 barred what Article 29(11) let a
    child switch on; it now says so."""
    profiling = _rec(kz_code, "data-privacy-03").amendment.proposed_text
    assert ("не достиг восемнадцатилетнего возраста, за исключением варианта работы рекомендательной системы, "
            "основанного на профайлинге и включенного в порядке, предусмотренном пунктом 11 статьи 29 "
            "настоящего Кодекса.") in profiling.ru
    assert ("or other commercial purposes is prohibited, except for an option of the recommender system based on "
            "profiling that has been switched on as provided for in Article 29(11).") in profiling.en


def test_a_child_objects_to_no_processing_for_advertising_that_is_barred_anyway(kz_code: Review) -> None:
    """Audit M12: the right to object to processing for advertising (data-privacy-06) was a right against what
    Article 41-1(2) bars outright for everyone under eighteen."""
    withdrawal = _rec(kz_code, "data-privacy-06").amendment.proposed_text
    assert "возразить против их обработки в целях научных исследований" in withdrawal.ru
    assert "рекламы" not in withdrawal.ru.split("\n")[0]
    assert "advertising" not in withdrawal.en.split("\n")[0]
    assert "advertising" not in _rec(kz_code, "data-privacy-06").solution


def test_three_or_more_paragraphs_in_a_row_are_named_as_a_run() -> None:
    assert paragraphs_by("art:29", [7, 8, 11, 12, 13], "ru") == "пунктами 7, 8 и 11–13 статьи 29"
    assert paragraphs_by("art:29", [7, 8, 11, 12, 13], "en") == "Article 29(7), (8) and (11)–(13)"


def test_several_whole_articles_are_named_together() -> None:
    assert articles_by(["art:29-6", "art:29-7"], "ru") == "статьями 29-6 и 29-7"
    assert articles_by(["art:29-6", "art:29-7", "art:41-1"], "en") == "Articles 29-6, 29-7 and 41-1"


def test_a_reference_to_rules_whole_names_every_paragraph_and_a_new_article_they_fill_as_such() -> None:
    """Audit L25: "the requirements of this Code on the protection of children" left open what a duty reaches
    (the person responsible for compliance, state support, an app store's check). ``@`` refers to rules whole:
    an area's (``@a``) or a criterion's, each with all its paragraphs, and a new article as such when every rule in
    it is referred to; in the draft's order, with its own paragraphs among those added to the same article."""
    phrases = load().phrases
    assert phrases is not None
    places = {"a-01": RulePlace("art:29-2", 1, span=2, new=True), "a-02": RulePlace("art:29-2", 3, new=True),
              "b-01": RulePlace("art:29-3", 1, span=2, new=True),
              "b-02": RulePlace("art:29-3", 3, span=2, new=True),
              "c-01": RulePlace("art:37", 9, span=4), "d-01": RulePlace("art:41-1", whole=True),
              "e-01": RulePlace("art:37.2")}
    text = "требованиям, установленным {rule:@d-01,@a,@c-01,@b-01,@e-01}"
    assert refer_to_rules(text, "ru", "art:13-1", places, phrases, CODE, areas={"a": ["a-01", "a-02"]}) == (
        "требованиям, установленным статьей 29-2, пунктами 1 и 2 статьи 29-3, пунктами 2 и 9–12 статьи 37 и "
        "статьей 41-1 настоящего Кодекса")


def test_the_codes_requirements_on_children_are_named_where_a_duty_depends_on_them(kz_code: Review) -> None:
    """Audit L25: the person responsible for compliance, the reach to foreign platforms, state support and an app
    store's check each depended on "the requirements of this Code on the protection of children"."""
    for rec in kz_code.recommendations:
        assert not re.search(r"настоящего Кодекса о (защите|безопасности)", rec.amendment.proposed_text.ru), rec.id
        assert not re.search(r"of this Code on the (protection|safety)", rec.amendment.proposed_text.en), rec.id
    officer = _rec(kz_code, "impact-liability-03").amendment.proposed_text
    assert ("ответственное за соблюдение требований о защите детей, установленных пунктами 7–13 статьи 29, "
            "статьей 29-2, пунктами 1–6 статьи 29-3") in officer.ru
    assert "статьями 29-6 и 29-7" in officer.ru and "пунктами 4–6 статьи 39" in officer.ru
    assert "set by Article 29(7)–(13), Article 29-2," in officer.en and "Article 39(4)–(6)" in officer.en


def test_the_duties_a_platforms_officer_answers_for_and_those_that_bind_foreign_providers_are_all_of_them(
        kz_code: Review) -> None:
    """A lawyer's review of the KZ Code: the lists of "requirements on the protection of children" left out the
    rules the review itself proposes for AI-altered images (29-4(5)–(7)), app stores (29-8), safety explanations
    (29-10), impact assessment (29(9)–(10)) and AI chatbots (43-1(6)–(7)); read a contrario, the reach to foreign
    persons (art. 1(7)) exempted the providers most likely to be abroad. The lists are now the rule sets
    ``platform-duties`` and ``provider-duties``, defined once."""
    officer = _rec(kz_code, "impact-liability-03").amendment.proposed_text.en
    abroad = _rec(kz_code, "impact-liability-04").amendment.proposed_text.en
    for named in ("Article 29(7)–(13)", "Article 29-4(1)–(7)", "29-10 and 29-11", "Article 43-1(6) and (7)"):
        assert named in officer and named in abroad, named
    assert "Article 29-8(4), (5), (9) and (10)" in officer  # a platform's own: advertising and its report
    assert "Articles 29-6, 29-7 and 29-8" in abroad  # app stores, operators, device makers too
    # and what an impact assessment binds its maker to do (audit K10: no list covered Article 29-9)
    assert "Article 29-9(5) and (6)" in abroad and "Article 29-9(5) and (6)" in officer
    assert "Article 43(6) and (7)" in abroad and "Article 43(6)" not in officer  # AI practices banned outright


def test_the_duties_that_bind_foreign_providers_are_a_providers_whole_and_only_its(corpus: Path) -> None:
    """Fourth lawyer's audit, L9 (Law on Online Platforms): the reach to foreign providers listed Article
    13(3)-(9), the assessment of impact on children's rights (13(8)-(9)), without what the assessment binds its
    maker to do (reduce the risks before children get access, review it yearly: 13(10)-(11)); and it listed the
    free psychological support given by organisations the education body designates (9(17)), no duty of a
    provider."""
    law = review_document(parse_file(corpus / "kz-law-online-platforms-2023-ru.txt"))
    abroad = _rec(law, "impact-liability-04").amendment.proposed_text.ru
    support = next(r for r in law.recommendations if "cyber-aggression-05" in r.criteria)
    [paragraph] = [int(line.split(".")[0]) for line in support.amendment.proposed_text.ru.splitlines()
                   if line.startswith(tuple("0123456789")) and "Психологическая помощь" in line]
    assert "пунктами 3–11 статьи 13" in abroad, abroad
    article_9 = re.search(r"пунктами ([^а-я]*?(?: и [^а-я]*?)?) статьи 9\b", abroad)
    assert article_9 is not None, abroad
    # "7–12, 16, 17 и 20–22": each part a paragraph or a range of them
    ranges = [tuple(map(int, part.split("–"))) for part in re.split(r",\s*|\s+и\s+", article_9.group(1))]
    assert not any(r[0] <= paragraph <= r[-1] for r in ranges), (paragraph, article_9.group(1))


def test_a_rule_set_stands_for_its_members_and_those_of_the_sets_in_it() -> None:
    kb = load()
    members = rule_set_members(kb, "provider-duties")
    assert "@safety" in members and "@ai-01" in members and "@platform-duties" not in members
    phrases = kb.phrases
    assert phrases is not None
    places = {"a-01": RulePlace("art:29-2", whole=True, new=True), "b-01": RulePlace("art:37", 9, span=2)}
    text = "требованиям, установленным {rule:@outer}"
    sets = {"outer": ["@a-01", "b-01.2"]}
    assert refer_to_rules(text, "ru", "art:13-1", places, phrases, CODE, sets=sets) == (
        "требованиям, установленным статьей 29-2 и пунктом 10 статьи 37 настоящего Кодекса")


def _with_rule_set(rules: tuple[str, ...]) -> KnowledgeBase:
    kb = load()
    extra = RuleSet(id="odd-set", title="a set for the test", rules=rules)
    return dataclasses.replace(kb, rule_sets={**kb.rule_sets, "odd-set": extra})


def test_kb_check_refuses_a_rule_set_member_that_is_nothing() -> None:
    kb = _with_rule_set(("@safety", "@no-such-thing", "csea-01.9"))
    assert [p.message for p in check(kb) if p.entry == "rule set odd-set"] == [
        "'@no-such-thing' is no area, criterion or rule set",
        "'csea-01.9': the clause of 'csea-01' has no such paragraph"]


def test_kb_check_refuses_a_rule_set_that_includes_itself() -> None:
    kb = _with_rule_set(("@safety", "@odd-set"))
    assert [p.message for p in check(kb) if p.entry == "rule set odd-set"] == [
        "the rule set includes itself through 'odd-set'"]


def test_a_reference_to_articles_left_out_is_marked_and_a_run_of_paragraphs_follows_its_renumbering() -> None:
    left = LeftOut({}, {"art:29-6": "rec-067"})
    marked: list[list[str]] = []

    def note(said: str, recs: list[str]) -> str:
        marked.append(recs)
        return f"[{said}]"

    text = "установленных статьями 29-2 и 29-6 настоящего Кодекса"
    assert follow_references(text, "art:13", {}, left, note) == (
        "установленных [статьями 29-2 и 29-6 настоящего Кодекса]")
    assert marked == [["rec-067"]]
    moved = {"art:37": {9: 7, 10: 8, 11: 9, 12: 10}}
    assert follow_references("пунктами 9–12 статьи 37 настоящего Кодекса", "art:13", moved) == (
        "пунктами 7–10 статьи 37 настоящего Кодекса")
    assert follow_references("Article 37(9)–(12)", "art:13", {"art:37": {9: 7, 12: 10}}) == "Article 37(7)–(10)"


def test_the_act_a_list_of_references_closes_with_stays_for_the_others_when_its_last_is_left_out() -> None:
    # «настоящего Кодекса» belongs to the whole list; marking the last reference must not take it from the others
    left = LeftOut({}, {"art:41-1": "rec-012"})

    def note(said: str, recs: list[str]) -> str:
        return f"[{said}]"

    text = "пунктами 10 и 11 статьи 29-8 и статьей 41-1 настоящего Кодекса"
    assert follow_references(text, "art:13", {}, left, note) == (
        "пунктами 10 и 11 статьи 29-8 и [статьей 41-1] настоящего Кодекса")
    listed = "статьей 29-2, статьями 29-11 и 41-1 настоящего Кодекса"
    assert follow_references(listed, "art:13", {}, left, note) == (
        "статьей 29-2, [статьями 29-11 и 41-1] настоящего Кодекса")
    alone = "предусмотренных статьей 41-1 настоящего Кодекса"
    assert follow_references(alone, "art:13", {}, left, note) == (
        "предусмотренных [статьей 41-1 настоящего Кодекса]")


def test_a_child_in_monetised_content_has_that_content_removed_under_the_one_rule_on_erasing_childhood_data(
        kz_code: Review) -> None:
    """A lawyer's review: "remove content showing the child", with no period and no bound, reached others' lawful
    publications and clashed with the erasure of data from childhood (data-privacy-06); given the same period, it
    was still a second rule beside it. The request reaches the monetised content the clause is about, and is dealt
    with as that rule provides: in the KZ Code, art. 41(6)."""
    clause = load().criteria["negative-effects-05"].recommendation.model_clause
    assert "as provided for in {rule:data-privacy-06.2}" in clause.en and "ten working days" not in clause.en
    [monetised] = [r for r in kz_code.recommendations if "negative-effects-05" in r.criteria]
    [erasure] = [r for r in kz_code.recommendations if "data-privacy-06" in r.criteria]
    assert erasure.amendment.target == "art:41" and "\n6. At the request of the child" in (
        erasure.amendment.proposed_text.en)
    proposed = monetised.amendment.proposed_text
    assert "is removed at the child's request as provided for in Article 41(6)." in proposed.en
    assert "в порядке, предусмотренном пунктом 6 статьи 41 настоящего Кодекса." in proposed.ru


def test_ai_made_sexual_images_of_a_child_are_dealt_with_as_child_sexual_abuse_material(kz_code: Review) -> None:
    """The clause on AI-made images let a platform remove them «или ограничивает доступ к ним» within 24 hours,
    while sexualised images of a real child are also child sexual abuse material, which must be removed, preserved
    and reported (art. 29-5): a platform that only restricted access looked compliant (third lawyer's review)."""
    [rec] = [r for r in kz_code.recommendations if "cyber-aggression-02" in r.criteria]
    assert ("Изображения и записи, относящиеся к материалам сексуального насилия над детьми, удаляются и "
            "сохраняются, а о них сообщается в порядке, предусмотренном пунктами 1–5 статьи 29-5 настоящего "
            "Кодекса.") in rec.amendment.proposed_text.ru


def test_a_score_about_a_child_may_not_alone_refuse_support_and_is_reviewed_as_automated_decisions_are(
        kz_code: Review) -> None:
    """Art. 43(8) lets a decision that grants the child's right in full be automated, while the clause on scores
    required an official for every decision taken on a score, and let only the legal representative challenge it,
    with no procedure (third lawyer's review)."""
    [rec] = [r for r in kz_code.recommendations if "ai-05" in r.criteria]
    text = rec.amendment.proposed_text.ru
    assert "не может служить единственным основанием для отказа в выплате, услуге или иной мере поддержки" in text
    assert ("ребенок, достигший четырнадцатилетнего возраста, информируются о проведенной оценке и вправе ее "
            "оспорить; пересмотр решения, принятого на ее основе, осуществляется в порядке, предусмотренном "
            "пунктом 10 статьи 43 настоящего Кодекса.") in text


def test_a_business_duty_to_respect_childrens_rights_refers_to_the_one_rule_on_remedying_harm(
        kz_code: Review) -> None:
    """Art. 13 p.4 (respect for children's rights) said businesses «устраняют последствия возникшего воздействия»,
    and art. 38 p.8 said again that a business puts the consequences right (third lawyer's review): the first
    now refers to the second."""
    [respect] = [r for r in kz_code.recommendations if "business-hrdd-01" in r.criteria]
    assert ("устраняют последствия возникшего воздействия в порядке, предусмотренном пунктом 8 статьи 38 "
            "настоящего Кодекса.") in respect.amendment.proposed_text.ru


def test_the_access_log_refers_to_the_one_rule_on_who_may_see_childrens_data(kz_code: Review) -> None:
    """Art. 77 p.7 (the access log) and art. 98 p.5 (enhanced protection) each said that only those who need
    children's data for their duties may see it (third lawyer's review): the log now refers to art. 98(5)."""
    [log] = [r for r in kz_code.recommendations if "cybersecurity-05" in r.criteria]
    assert ("предоставляют доступ к таким данным в порядке, предусмотренном пунктом 5 статьи 98 настоящего "
            "Кодекса, ведут журнал доступа") in log.amendment.proposed_text.ru


def test_a_users_challenge_keeps_the_period_the_law_on_online_platforms_sets_for_complaints(
        kz_code: Review) -> None:
    """The notice-and-challenge clause gave every user's challenge ten working days, where the Law on Online
    Platforms (art. 11) already gives every complaint about a platform's actions twenty calendar days: a child
    rights review silently changed the period for adults too (third lawyer's review). In a Kazakh draft the
    clause sets only the child's period."""
    [rec] = [r for r in kz_code.recommendations if "redress-02" in r.criteria]
    assert "Жалоба рассматривается с участием человека, а жалоба ребенка" in rec.amendment.proposed_text.ru
    assert "десяти рабочих дней со дня ее получения" not in rec.amendment.proposed_text.ru


def test_a_run_of_a_sections_own_paragraphs_follows_its_renumbering() -> None:
    """In an act of sections our English texts say "of this section" (COPPA); when a rejected recommendation
    renumbers the paragraphs, the reference follows them as "of this article" does."""
    assert follow_references("paragraphs 9 and 10 of this section", "art:13", {"art:13": {9: 7, 10: 8}}) == (
        "paragraphs 7 and 8 of this section")
