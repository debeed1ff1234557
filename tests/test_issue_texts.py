"""How a recommendation's issue names what a provision already does and what it lacks."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import load
from drafts import review_text

GENERAL_REVIEW = (
    "Статья 1. Автоматизированные решения\n"
    "1. Решение о предоставлении государственной услуги может приниматься автоматизированным способом.\n"
    "2. Заявитель вправе требовать пересмотра автоматизированного решения с участием уполномоченного "
    "специалиста и обжаловать его в суд. Решение должно содержать указание оснований его принятия.\n"
)


def test_a_general_rule_that_names_no_child_is_called_not_child_specific(tmp_path: Path) -> None:
    """Human review of automated decisions for everyone: the gap is that nothing is specific to children."""
    review = review_text(tmp_path, GENERAL_REVIEW)
    [result] = [c for c in review.criteria if c.id == "ai-02"]
    assert result.status == "partial"
    [rec] = [r for r in review.recommendations if "ai-02" in r.criteria]
    assert rec.issue.startswith("Article 1(2) mentions automated decision-making; ")
    assert "but nothing in it is specific to children." in rec.issue
    assert "но нет положений, специально касающихся детей." in rec.ru.issue


def test_what_a_provision_mentions_is_quoted_from_it(tmp_path: Path) -> None:
    """"Mentions", with the provision's own words: our labels alone would claim a rule it may not make."""
    review = review_text(tmp_path, GENERAL_REVIEW)
    [rec] = [r for r in review.recommendations if "ai-02" in r.criteria]
    [result] = [c for c in review.criteria if c.id == "ai-02"]
    evidence = next(e for e in result.evidence if e.provision == "art:1.2")
    assert f"(“{evidence.quote}”)" in rec.issue
    assert f"(«{evidence.quote}»)" in rec.ru.issue
    assert "deals with" not in rec.issue and "касается следующего" not in rec.ru.issue


PARENTAL_CONSENT = (
    "Article 1. Consent\n"
    "An operator shall obtain verifiable parental consent before it collects personal data from children.\n"
)


def test_a_rule_that_names_children_is_never_called_not_child_specific(tmp_path: Path) -> None:
    """Parental consent for children without an age: what is missing is the age, not anything about children."""
    review = review_text(tmp_path, PARENTAL_CONSENT)
    [rec] = [r for r in review.recommendations if "data-privacy-01" in r.criteria]
    assert "specific to children" not in rec.issue
    assert "It does not mention: an age limit" in rec.issue


def test_a_partly_met_criterion_is_described_by_its_partial_text_not_by_its_gap_text(sample_ru: Path) -> None:
    """The sample's Art 27(4) sets 16 for consent: the issue must not say that the draft sets no age from which a
    child may act."""
    kb = load()
    review = review_document(parse_file(sample_ru))
    [rec] = [r for r in review.recommendations if "evolving-capacities-02" in r.criteria]
    template = kb.criteria["evolving-capacities-02"].recommendation
    assert template.partial is not None
    assert template.partial.en in rec.issue and template.partial.ru in rec.ru.issue
    assert template.gap.en not in rec.issue


def test_a_risky_provision_of_a_partly_met_criterion_is_described_by_the_partial_text(sample_ru: Path) -> None:
    """The sample's Art 16 lets decisions be automated (a risk) while 16(5) gives reasons on refusal: ai-02 is met
    in part, and the risk's issue uses the text that stays true of that."""
    kb = load()
    review = review_document(parse_file(sample_ru))
    assert next(c.status for c in review.criteria if c.id == "ai-02") == "partial"
    [rec] = [r for r in review.recommendations if "ai-02" in r.criteria and r.risks]
    template = kb.criteria["ai-02"].recommendation
    assert template.partial is not None and template.partial.en in rec.issue


def test_a_risk_on_several_provisions_names_them_as_one_russian_sentence(sample_ru: Path) -> None:
    review = review_document(parse_file(sample_ru))
    [rec] = [r for r in review.recommendations if "access-information-02" in r.criteria and r.risks]
    assert rec.ru.issue.startswith("Подпункт 5) статьи 9, пункт 1 статьи 42, ")  # 9 is a list of items


def test_what_a_provision_mentions_is_named_by_the_concept_it_names_not_by_every_alternative(
        tmp_path: Path) -> None:
    """The criterion accepts human review or a review of the decision by a person; the draft names the first, so
    "mentions" names that one, not the whole list of what the criterion would accept."""
    concepts = load().concepts
    review = review_text(tmp_path, GENERAL_REVIEW)
    [result] = [c for c in review.criteria if c.id == "ai-02"]
    [rec] = [r for r in review.recommendations if "ai-02" in r.criteria]
    assert concepts["human-review"].label in result.found
    assert concepts["human-decision-review"].label not in rec.issue
    assert concepts["human-decision-review"].label_ru not in rec.ru.issue


ERASURE_FOR_EVERYONE = (
    "Глава 1. Общие положения\n"
    "Статья 1. Право на удаление персональных данных\n"
    "1. Субъект персональных данных вправе требовать удаления своих персональных данных, размещенных в "
    "цифровой среде, независимо от основания их получения.\n"
    "2. Оператор рассматривает требование в порядке, установленном законом.\n"
)


def test_the_closest_article_of_an_unmet_criterion_is_quoted_for_what_it_has_not_said_to_have_nothing(
        tmp_path: Path) -> None:
    """A general right to erasure is no child's easy, free right to it; but "Article 1 does not" would deny the
    right the article does give. The issue names what it has, in its words, and what it lacks."""
    review = review_text(tmp_path, ERASURE_FOR_EVERYONE)
    [result] = [c for c in review.criteria if c.id == "data-privacy-06"]
    assert result.status == "gap"
    [rec] = [r for r in review.recommendations if "data-privacy-06" in r.criteria]
    assert ("The closest provision, Article 1 (“Право на удаление персональных данных”), mentions erasure"
            in rec.issue)
    assert "(Article 1(1): “Субъект персональных данных вправе требовать удаления" in rec.issue
    assert "but not: children or minors" in rec.issue
    assert "(пункт 1 статьи 1: «Субъект персональных данных вправе требовать удаления" in rec.ru.issue
    assert "но не упоминаются: дети или несовершеннолетние" in rec.ru.issue
    assert "art:1.1" in rec.provisions


def test_the_closest_article_is_not_said_to_lack_what_another_of_its_parts_has(tmp_path: Path) -> None:
    """Article 6 of the sample gives everyone the right to information in a list item and restricts it only by
    law in another paragraph: the issue must not claim the article lacks the right to information."""
    review = review_text(tmp_path, (Path(__file__).parents[1] / "examples" / "draft-digital-code.en.txt")
                         .read_text(encoding="utf-8"))
    [rec] = [r for r in review.recommendations if "access-information-01" in r.criteria]
    assert "but not: the right to seek, receive and impart information" not in rec.issue


RULE_FOR_EVERYONE = (
    "Глава 1. Общие положения\n"
    "Статья 1. Принципы цифрового законодательства\n"
    "Правовое регулирование отношений в цифровой среде основывается на следующих принципах:\n"
    "1) законность;\n"
    "2) технологическая нейтральность.\n"
    "Статья 2. Права и свободы человека в цифровой среде\n"
    "1. Права, свободы и законные интересы человека в цифровой среде охраняются законом.\n"
    "2. Решения, принятые автоматизированным способом, применяются с соблюдением недискриминации.\n"
    "Статья 3. Алгоритмические системы\n"
    "Решения, принимаемые с использованием алгоритмических систем, не должны приводить к дискриминации.\n"
)


def test_a_rule_the_draft_makes_for_everyone_in_another_article_is_quoted_not_denied(tmp_path: Path) -> None:
    """KZ Digital Code: non-discrimination for children goes among the principles (art. 4), but art. 5(3) makes
    non-discrimination a condition of automated decisions for everyone: "the closest provision, Article 4, does
    not" would read as if the Code were silent. The issue quotes the general rule and names what it lacks."""
    review = review_text(tmp_path, RULE_FOR_EVERYONE)
    assert next(c.status for c in review.criteria if c.id == "general-principles-03") == "gap"
    [rec] = [r for r in review.recommendations if "general-principles-03" in r.criteria]
    assert ("Article 2 (“Права и свободы человека в цифровой среде”) mentions non-discrimination or equality "
            "(Article 2(2): “Решения, принятые автоматизированным способом, применяются с соблюдением "
            "недискриминации”), but not: children or minors; gender, girls or women." in rec.issue)
    assert ("В статье 2 («Права и свободы человека в цифровой среде») упоминаются: недискриминация или равенство "
            "(пункт 2 статьи 2: «Решения, принятые" in rec.ru.issue)
    assert rec.amendment is not None and rec.amendment.target == "art:1"
    assert "art:2.2" in rec.provisions


def test_the_other_articles_that_make_the_rule_for_everyone_are_named_too(tmp_path: Path) -> None:
    """KZ Digital Code art. 43(2), on algorithmic systems, forbids discrimination too: named after the quote."""
    review = review_text(tmp_path, RULE_FOR_EVERYONE)
    [rec] = [r for r in review.recommendations if "general-principles-03" in r.criteria]
    assert " Article 3 also mentions non-discrimination or equality" in rec.issue
    assert " В статье 3 также упоминаются: недискриминация или равенство" in rec.ru.issue
    assert "art:3" in rec.provisions


def test_a_recommendation_lists_the_general_rules_its_issue_quotes(tmp_path: Path) -> None:
    """The provisions the issue quotes as making the rule for everyone but not for children are listed in
    review.json, in the order the issue names them: the one quoted, then those that "also mention" it. The brief
    names them as rules to build on; it used to read them back from the issue's English."""
    [rec] = [r for r in review_text(tmp_path, RULE_FOR_EVERYONE).recommendations
             if "general-principles-03" in r.criteria]
    assert rec.general_rules == ["art:2.2", "art:3"]
    [rec] = [r for r in review_text(tmp_path, ERASURE_FOR_EVERYONE).recommendations
             if "data-privacy-06" in r.criteria]
    assert rec.general_rules == ["art:1.1"]


LEGALITY_FOR_EVERY_RIGHT = (
    "Статья 1. Права человека в цифровой среде\n"
    "1. Ограничение прав и свобод человека в цифровой среде допускается только законом и лишь в той мере, в какой "
    "это необходимо для защиты прав и свобод других лиц.\n"
    "Статья 2. Свобода информации\n"
    "1. Каждый вправе свободно искать, получать и распространять информацию в цифровой среде.\n"
)


def test_a_legality_test_the_draft_sets_for_every_right_is_named_where_the_childs_right_lacks_it(
        tmp_path: Path) -> None:
    """KZ Digital Code art. 5(1) lets every right in the digital environment be restricted only by law and as far
    as necessary. The issue on the child's right to information said the Code lacked the test and named only
    art. 7(1); a lawyer read a false gap. The provision that sets the test for everyone is named, quoted, cited
    and counted among the general rules to build on."""
    [rec] = [r for r in review_text(tmp_path, LEGALITY_FOR_EVERY_RIGHT).recommendations
             if "access-information-01" in r.criteria]
    assert ("Article 1(1) subjects any restriction of rights and freedoms, children's included, to the law and to "
            "what is necessary (“Ограничение прав и свобод человека в цифровой среде допускается только законом"
            in rec.issue)
    assert ("В пункте 1 статьи 1 ограничение любых прав и свобод, в том числе прав ребенка, допускается только "
            "законом и в необходимой мере («Ограничение прав и свобод" in rec.ru.issue)
    assert "art:1.1" in rec.provisions and rec.general_rules == ["art:1.1"]


IDENTIFICATION_NOT_COMPULSORY = (
    "Статья 1. Идентификация в цифровой среде\n"
    "1. Никто не может быть принужден к прохождению цифровой идентификации, если обязанность пройти ее не "
    "установлена законом.\n"
    "2. Пользование онлайн-платформой без идентификации допускается для услуг, для получения которых закон ее "
    "не требует.\n"
)


def test_a_rule_against_compulsory_identification_is_named_beside_the_childs_pseudonym(tmp_path: Path) -> None:
    """Fourth lawyer's audit, K6: the issue on children's use of services under a pseudonym quoted KZ Digital Code
    art. 40(3) (use without identification) and overlooked art. 40(2), under which no one may be compelled to
    undergo digital identification unless a law so requires: the proposed text builds on that rule, and the
    drafter should see it. The issue names and quotes it."""
    [rec] = [r for r in review_text(tmp_path, IDENTIFICATION_NOT_COMPULSORY).recommendations
             if "access-information-04" in r.criteria]
    assert ("Article 1(1) rules out compulsory digital identification except where a law expressly requires it "
            "(“Никто не может быть принужден") in rec.issue, rec.issue
    assert ("В пункте 1 статьи 1 исключена обязательная цифровая идентификация, кроме случаев, прямо "
            "предусмотренных законами («Никто не может быть принужден") in rec.ru.issue, rec.ru.issue
    assert "art:1.1" in rec.provisions


@pytest.mark.parametrize("text, restated", [
    (IDENTIFICATION_NOT_COMPULSORY, False),
    (IDENTIFICATION_NOT_COMPULSORY.replace(IDENTIFICATION_NOT_COMPULSORY.split("\n")[1] + "\n", ""), True)])
def test_the_proposed_text_does_not_restate_for_children_a_rule_the_draft_makes_for_everyone(
        tmp_path: Path, text: str, restated: bool) -> None:
    """Fourth lawyer's audit, K6: KZ Digital Code art. 40(2) already lets no one be compelled to undergo digital
    identification unless a law requires it, and the new art. 40(8) said it again of platforms and children. The
    proposed text keeps the pseudonym and the ban on exposing the child to other users; the words on
    identification are said only to a draft without such a rule."""
    [rec] = [r for r in review_text(tmp_path, text).recommendations if "access-information-04" in r.criteria]
    pseudonym = {lang: getattr(rec.amendment.proposed_text, lang).split("\n")[0] for lang in ("en", "ru")}
    assert "размещать контент под псевдонимом" in pseudonym["ru"]
    assert ("проходить цифровую идентификацию" in pseudonym["ru"]) is restated
    assert ("undergo digital identification" in pseudonym["en"]) is restated
    assert pseudonym["ru"].endswith("фамилию, имя или индивидуальный идентификационный номер.") is not restated


SIGNATURE_BELOW_SIXTEEN = (
    "Статья 1. Отказ в выдаче сертификата электронной цифровой подписи\n"
    "Удостоверяющий центр отказывает в выдаче сертификата открытого ключа электронной цифровой подписи в "
    "случаях:\n"
    "1) представления недостоверных сведений;\n"
    "2) недостижения лицом шестнадцатилетнего возраста.\n"
)


def test_an_age_below_which_a_person_is_a_child_is_named_as_the_age_not_as_children(tmp_path: Path) -> None:
    """KZ Digital Code art. 60(4): «недостижения лицом шестнадцатилетнего возраста» meets the criterion's child
    element (a person under sixteen is a child), but the issue quoting those words says they mention persons
    under a set age: "mentions children or minors" next to them is what a lawyer can see is not there."""
    review = review_text(tmp_path, SIGNATURE_BELOW_SIXTEEN)
    [result] = [c for c in review.criteria if c.id == "evolving-capacities-02"]
    assert result.status == "partial"
    assert result.found[0] == "persons under a set age"
    [rec] = [r for r in review.recommendations if "evolving-capacities-02" in r.criteria]
    assert rec.issue.startswith("Article 1(2) mentions persons under a set age; an age limit stated in years")
    assert rec.ru.issue.startswith("В подпункте 2) статьи 1 упоминаются: лица, не достигшие установленного "
                                   "возраста; возрастное ограничение")
    assert "children or minors" not in rec.issue and "дети или несовершеннолетние" not in rec.ru.issue


@functools.cache
def _review(path: Path) -> Review:
    """The review of a corpus text, made once for the tests that read it."""
    return review_document(parse_file(path), load())


@pytest.mark.parametrize(("law", "criterion", "general"), [
    # KZ Digital Code: the right to erasure of art. 41(1) is everyone's, and so is non-discrimination, arts 5(3),
    # 10(1), 13(1) and 43(2); the brief names these for data protection and the general principles
    ("kz-digital-code-2026-ru.txt", "data-privacy-06", ["art:41.1"]),
    ("kz-digital-code-2026-ru.txt", "general-principles-03", ["art:5.3", "art:10.1", "art:13.1", "art:43.2"]),
    ("kz-digital-code-2026-ru.txt", "ai-01", ["art:43.2"]),
    # art. 5(1) sets the legality test for every right in the digital environment (the third review's finding 1)
    ("kz-digital-code-2026-ru.txt", "access-information-01", ["art:7.1", "art:5.1"]),
])
def test_the_kz_codes_recommendations_list_the_general_rules_their_issues_quote(corpus: Path, law: str,
                                                                                 criterion: str,
                                                                                 general: list[str]) -> None:
    # the first: KZ Code art. 4 takes principles, and their duties go to a new article after art. 13, which
    # quotes no rule
    rec = next(r for r in _review(corpus / law).recommendations if criterion in r.criteria)
    assert rec.general_rules == general
    assert set(rec.general_rules) <= set(rec.provisions)


@pytest.mark.parametrize(("law", "criterion", "quoted"), [
    # COPPA's parental consent names children; it lacks in-app purchases, not whom the rule is for
    ("us-coppa-15usc6501.txt", "negative-effects-04", "(Section 6502(b)(1)(A)(ii): “to obtain verifiable"),
    # the KZ Law on Online Platforms' art. 10(3) names a legal representative: it is no rule for everyone
    ("kz-law-online-platforms-2023-ru.txt", "data-privacy-01", "(Article 10(3): “не допускает"),
])
def test_a_quoted_provision_that_names_children_or_parents_is_no_general_rule(corpus: Path, law: str,
                                                                              criterion: str, quoted: str) -> None:
    [rec] = [r for r in _review(corpus / law).recommendations if criterion in r.criteria]
    assert quoted in rec.issue and "), but not: " in rec.issue
    assert rec.general_rules == []


def test_the_closest_article_is_quoted_when_it_rules_on_the_criterions_subject_alone(corpus: Path) -> None:
    """KZ Digital Code art. 40(3) allows taking part without identification where no rights and duties arise:
    it rules on pseudonymous use, the subject of access-information-04, though for everyone and not of platforms.
    The issue said art. 40 "does not", and a lawyer read a false gap; it now quotes what the article says."""
    [rec] = [r for r in _review(corpus / "kz-digital-code-2026-ru.txt").recommendations
             if "access-information-04" in r.criteria]
    assert "(Article 40(3): “Участие во взаимоотношениях в цифровой среде без идентификации" in rec.issue
    assert "), does not." not in rec.issue and "такого правила нет" not in rec.ru.issue
    assert "art:40.3" in rec.provisions


def test_liability_for_the_harm_caused_is_quoted_as_the_rule_a_childs_remedy_builds_on(corpus: Path) -> None:
    """KZ Digital Code art. 38(4) makes owners and holders of digital objects liable for the harm their unlawful
    acts cause: the issues on businesses remedying harm to children and on a child's remedy said the Code had no
    such rule (lawyer's review); they now quote it."""
    recs = _review(corpus / "kz-digital-code-2026-ru.txt").recommendations
    for criterion in ("business-hrdd-06", "redress-05"):
        [rec] = [r for r in recs if criterion in r.criteria]
        assert "“Собственник и (или) владелец цифрового объекта несут ответственность за вред" in rec.issue
        assert "art:38.4" in rec.provisions



def test_a_users_right_to_defend_against_unlawful_restriction_is_the_closest_rule_on_challenging_a_takedown(
        corpus: Path) -> None:
    """KZ Digital Code art. 39(2)(3) lets a user defend his or her rights against an unlawful restriction of
    access. The issue on challenging a takedown named art. 20 (the kinds of digital objects) as the closest
    provision and said it "does not" (lawyer's review); it now quotes art. 39(2)(3), says what it lacks, and the
    notice-and-challenge paragraphs supplement art. 39, the users' article."""
    [rec] = [r for r in _review(corpus / "kz-digital-code-2026-ru.txt").recommendations
             if "redress-02" in r.criteria]
    assert "(Article 39(2)(3): “защищать свои права от неправомерного ограничения доступа" in rec.issue
    assert "art:39.2.3" in rec.provisions
    assert rec.amendment.target == "art:39" and rec.amendment.action == "supplement"
    assert rec.amendment.proposed_text.ru.startswith("4. ")

def test_a_lone_element_in_another_article_is_not_quoted_as_if_it_made_the_rule(tmp_path: Path) -> None:
    """The sample's Art 27(2) names online platforms and parents, not the safety education digital-literacy-05
    asks platforms to give: that is no rule for everyone, and quoting it would only lengthen the issue."""
    review = review_text(tmp_path, (Path(__file__).parents[1] / "examples" / "draft-digital-code.en.txt")
                         .read_text(encoding="utf-8"))
    [rec] = [r for r in review.recommendations if "digital-literacy-05" in r.criteria]
    assert "Article 27(2)" not in rec.issue and "art:27.2" not in rec.provisions


@pytest.mark.parametrize("law", ["kz-law-online-platforms-2023-ru.txt", "us-coppa-15usc6501.txt"])
def test_a_recommendation_quotes_a_provisions_words_once(corpus: Path, law: str) -> None:
    """Two criteria met in part by the same words merge into one recommendation: the words are quoted once and
    the second says what the same provision "also does not mention". So too when the second is unmet and its
    closest article is the one quoted (COPPA section 6502: notice of what is collected, then child-friendly
    terms)."""
    import re

    review = review_document(parse_file(corpus / law), load())
    also = 0
    for rec in review.recommendations:
        # a quote closes its parenthesis (the Kazakh Code's own «» inside a Russian quote do not end it); an
        # article's heading, quoted too, is followed by a comma and may well be named again
        for text, marks in ((rec.issue, r"“(.+?)”\)(?!,)"), (rec.ru.issue, r"«(.+?)»\)(?!,)")):
            quotes = re.findall(marks, text)
            assert len(quotes) == len(set(quotes)), rec.id
        also += "also does not mention" in rec.issue
    assert also


@pytest.mark.parametrize("law", ["eu-gdpr-2016-679.txt", "sample"])
def test_words_quoted_from_another_part_of_the_article_are_quoted_once_too(corpus: Path, sample_ru: Path,
                                                                           law: str) -> None:
    """A partly met criterion may quote its words from another part of the article than the part it names (GDPR
    art. 35(3)(a) quoting 35(1)): merged with a draft that quoted the same words, it does not quote them again."""
    import re

    document = parse_file(sample_ru if law == "sample" else corpus / law)
    headings = {p.heading for p in document.provisions}
    review = review_document(document, load())
    for rec in review.recommendations:
        # an article's heading, quoted too, may well be named again
        quotes = [q for q in re.findall(r"“(.+?)”", rec.issue) if q not in headings]
        assert len(quotes) == len(set(quotes)), rec.id


def test_a_quote_cut_inside_a_clause_is_marked_with_an_ellipsis_where_it_is_cut(corpus: Path) -> None:
    """GDPR art. 12(4) is one clause longer than a quote: the issue shows the part it quotes as a fragment, with
    "…" where the clause is cut, while the evidence keeps the bare words that occur verbatim in the provision."""
    review = review_document(parse_file(corpus / "eu-gdpr-2016-679.txt"), load())
    [result] = [c for c in review.criteria if c.id == "business-hrdd-06"]
    quote = result.evidence[0].quote
    assert quote.startswith("of the reasons for not taking action") and not quote.startswith("…")
    [rec] = [r for r in review.recommendations if "business-hrdd-06" in r.criteria]
    assert f"(“…{quote}”)" in rec.issue
    assert f"(«…{quote}»)" in rec.ru.issue


def test_a_risky_clause_is_quoted_whole_when_it_fits(corpus: Path) -> None:
    """KZ Digital Code art. 82(6): the risk's quote holds the whole clause, up to the personal data and the law
    that protects them, so the issue shows no "…"."""
    review = review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"), load())
    [risk] = [r for r in review.risks if r.id == "risk-data-privacy-05@art:82.6"]
    [rec] = [r for r in review.recommendations if risk.id in r.risks]
    assert risk.quote.endswith("иного законодательства Республики Казахстан")
    assert f"(«{risk.quote}»)" in rec.ru.issue


def test_a_quote_of_a_whole_clause_has_no_ellipsis(tmp_path: Path) -> None:
    review = review_text(tmp_path, ERASURE_FOR_EVERYONE)
    [rec] = [r for r in review.recommendations if "data-privacy-06" in r.criteria]
    assert "…" not in rec.issue


def test_the_heading_of_the_closest_article_is_quoted_as_the_drafts_own_words(tmp_path: Path) -> None:
    """In the English deliverables of a Russian draft, a Russian heading reads as a quotation, not as crlens's
    own untranslated words."""
    review = review_text(tmp_path, ERASURE_FOR_EVERYONE)
    [rec] = [r for r in review.recommendations if "data-privacy-06" in r.criteria]
    assert "Article 1 (“Право на удаление персональных данных”)" in rec.issue
    assert "статье 1 («Право на удаление персональных данных»)" in rec.ru.issue


def test_an_article_without_a_heading_is_named_without_empty_quotes(tmp_path: Path) -> None:
    """Some drafts number their articles without headings ("Статья 1." alone): the closest article is then named
    by its number only, not followed by an empty quotation."""
    headingless = ERASURE_FOR_EVERYONE.replace("Статья 1. Право на удаление персональных данных", "Статья 1.")
    review = review_text(tmp_path, headingless)
    closest = [r for r in review.recommendations if "The closest provision, Article 1" in r.issue]
    assert closest, "the closest-provision frame is what this test is about"
    for rec in review.recommendations:
        assert "“”" not in rec.issue and "«»" not in rec.ru.issue
    assert any("The closest provision, Article 1, " in r.issue for r in closest)
    assert any("В наиболее близкой норме, статье 1, " in r.ru.issue for r in closest)


def test_a_long_clause_is_quoted_from_its_opening_when_the_words_found_fit(corpus: Path) -> None:
    """KZ Digital Code art. 20(4) is one clause longer than a quote: its opening names the subject (suspension
    or restriction of users' access), so the quote keeps it rather than starting mid-sentence around the words
    found, and is cut only at its end."""
    document = parse_file(corpus / "kz-digital-code-2026-ru.txt")
    review = review_document(document, load())
    [result] = [c for c in review.criteria if c.id == "access-information-02"]
    [evidence] = [e for e in result.evidence if e.provision == "art:20.4"]
    assert evidence.quote.startswith("Приостановление функционирования или ограничение доступа пользователей")
    text = document.get("art:20.4").text
    assert text.startswith(evidence.quote) and len(evidence.quote) < len(text)


def test_what_a_provision_lacks_is_named_by_its_main_concept_not_by_every_alternative(corpus: Path) -> None:
    """KZ Digital Code art. 41(1) gives everyone erasure: the issue says it does not mention children, not
    "children or minors or pupils, students or learners or ..." (every concept the criterion would accept is
    absent, so naming the first stays true and reads as a sentence, not a checklist)."""
    review = review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"), load())
    [rec] = [r for r in review.recommendations if "data-privacy-06" in r.criteria]
    assert "but not: children or minors; a time limit for action." in rec.issue
    assert "но не упоминаются: дети или несовершеннолетние; срок для принятия мер." in rec.ru.issue


def test_a_gap_no_provision_meets_is_said_to_have_no_rule_not_to_be_untouched(tmp_path: Path) -> None:
    """KZ Digital Code art. 8(3) has the state raise digital literacy, but makes none of the rules the
    digital-literacy criteria ask for: "no provision deals with it" would deny the article; "no provision makes
    such a rule" is true."""
    review = review_text(tmp_path, RULE_FOR_EVERYONE)
    untouched = [r for r in review.recommendations if "No provision of " in r.issue]
    assert untouched
    for rec in untouched:
        assert "makes such a rule." in rec.issue and "не устанавливает такого правила." in rec.ru.issue
    assert not any("deals with it" in r.issue or "этого не касается" in r.ru.issue for r in review.recommendations)


def test_a_russian_issue_lists_what_a_provision_mentions_after_it_in_the_prepositional(corpus: Path) -> None:
    """«Статья 5 упоминает: недискриминация или равенство» put a list of nominative labels after a transitive
    verb, which Russian declines; «В статье 5 упоминаются: недискриминация или равенство» is grammatical as it
    stands, and so are the closest-provision frame and the risks' descriptions."""
    review = review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"))
    texts = [r.ru.issue for r in review.recommendations] + [r.description_ru for r in review.risks]
    assert not [t for t in texts if re.search(r"упоминае?т:|упоминают:|Наиболее близкая норма", t)]
    assert any("В статье 5 («Соблюдение прав, свобод и законных интересов человека в цифровой среде») "
               "упоминаются: недискриминация или равенство" in t for t in texts)
    assert any("В наиболее близкой норме, статье 29 («Цифровые платформы»), такого правила нет." in t
               for t in texts)


def test_the_definition_of_a_child_is_not_proposed_to_replace_words_the_draft_never_uses(corpus: Path) -> None:
    """The KZ Digital Code speaks of no minor or young user; its recommendation to define a child told the drafter
    to use the term "instead of" them."""
    review = review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"))
    [rec] = [r for r in review.recommendations if "general-principles-01" in r.criteria]
    assert "young user" not in rec.solution and "юный пользователь" not in rec.ru.solution


def test_a_gap_names_the_general_limit_the_draft_sets_on_suspension_and_claims_only_what_it_lacks(
        corpus: Path) -> None:
    """KZ Digital Code art. 20(4) lets digital objects, networks among them, be suspended only as the laws
    provide: the issue on network shutdowns said the Code did not limit them at all (fourth lawyer's audit, K4).
    It now says the Code sets no limits of its own and names art. 20(4)."""
    review = _review(corpus / "kz-digital-code-2026-ru.txt")
    [rec] = [r for r in review.recommendations if "access-information-05" in r.criteria]
    assert "does not limit the suspension" not in rec.issue
    assert "sets no limits of its own on suspending communication networks" in rec.issue
    assert "Article 20(4) allows suspension or restriction of access only in the cases the law sets" in rec.issue
    assert ("В пункте 4 статьи 20 приостановление функционирования или ограничение доступа допускается"
            in rec.ru.issue)
    assert "art:20.4" in rec.general_rules

