"""A criterion applies only to a field the draft regulates; the fields it leaves to other laws are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import load
from drafts import review_text

# A platforms act: it names telecommunications only inside the definition of a platform.
PLATFORMS_ACT = (
    "Article 1. Definitions\n"
    "In this Act:\n"
    "(1) “platform” means an online service reached over telecommunications networks that stores and "
    "disseminates information at the request of users;\n"
    "(2) “operator” means a person who runs a platform.\n"
    "Article 2. Duties of operators\n"
    "An operator shall remove content that harasses a user, including content that humiliates a child.\n"
)

# The same act, defining telecom operators as a term of its own and giving them a duty.
WITH_TELECOM = PLATFORMS_ACT.replace(
    "(2) “operator”",
    "(2) “telecom operator” means a person who provides internet access to subscribers;\n(3) “operator”",
) + "Article 3. Telecom operators\nA telecom operator shall keep a record of its subscribers.\n"


def _status(review: Review, criterion: str) -> str:
    return next(c.status for c in review.criteria if c.id == criterion)


@pytest.fixture(scope="module")
def platforms_law(corpus: Path) -> Review:
    return review_document(parse_file(corpus / "kz-law-online-platforms-2023-ru.txt"))


@pytest.fixture(scope="module")
def digital_code(corpus: Path) -> Review:
    return review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"))


def test_a_criterion_on_a_field_the_draft_never_names_does_not_apply(tmp_path: Path) -> None:
    review = review_text(tmp_path, PLATFORMS_ACT)
    assert _status(review, "ai-01") == "not-applicable"
    assert _status(review, "schools-01") == "not-applicable"


def test_a_field_named_only_inside_another_terms_definition_is_not_regulated(tmp_path: Path) -> None:
    """The act mentions telecommunications in passing, as the means of reaching a platform."""
    assert _status(review_text(tmp_path, PLATFORMS_ACT), "industry-role-04") == "not-applicable"


def test_a_field_the_draft_defines_or_regulates_applies(tmp_path: Path) -> None:
    assert _status(review_text(tmp_path, WITH_TELECOM), "industry-role-04") == "gap"


def test_criteria_on_the_act_s_own_field_apply(tmp_path: Path) -> None:
    review = review_text(tmp_path, PLATFORMS_ACT)
    assert _status(review, "safety-03") != "not-applicable"
    assert _status(review, "general-principles-02") != "not-applicable"


def test_one_observation_per_area_names_the_criteria_that_do_not_apply(tmp_path: Path) -> None:
    review = review_text(tmp_path, PLATFORMS_ACT)
    not_regulated = [o for o in review.observations if o.kind == "not-regulated"]
    schools = [o for o in not_regulated if "schools-01" in o.criteria]
    assert len(schools) == 1
    [observation] = schools
    assert all(c.startswith("schools-") for c in observation.criteria)
    assert observation.text.startswith("School-level control and safety. ")
    assert "schools or education organisations" in observation.text
    # named by what they ask for, never by internal id: the observations go into the lawyers' gap table
    heading = load().criteria["schools-01"].recommendation.heading
    assert heading.en in observation.text and heading.ru in observation.text_ru
    assert "schools-01" not in observation.text and "schools-01" not in observation.text_ru
    covered = [c for o in not_regulated for c in o.criteria]
    assert sorted(covered) == sorted(c.id for c in review.criteria if c.status == "not-applicable")


def test_a_platforms_law_leaves_schools_and_digital_public_goods_to_other_laws(platforms_law: Review) -> None:
    """The 2023 law on online platforms never speaks of schools, e-government or open source."""
    for criterion in ("schools-01", "schools-03", "dpg-01", "dpg-04", "equal-access-01", "cybersecurity-05",
                      "positive-effects-04", "industry-role-06"):
        assert _status(platforms_law, criterion) == "not-applicable", criterion
    assert next(a.status for a in platforms_law.areas if a.id == "schools") == "not-applicable"
    assert not any(c.startswith(("schools-", "dpg-")) for r in platforms_law.recommendations for c in r.criteria)


def test_a_platforms_law_is_still_reviewed_on_platforms(platforms_law: Review) -> None:
    for criterion in ("safety-03", "evolving-capacities-01", "csea-01", "redress-01"):
        assert _status(platforms_law, criterion) != "not-applicable", criterion


def test_the_digital_code_regulates_schools_and_e_government(digital_code: Review) -> None:
    for criterion in ("schools-01", "dpg-01", "equal-access-05", "cybersecurity-05", "positive-effects-04"):
        assert _status(digital_code, criterion) != "not-applicable", criterion


def test_a_code_that_never_regulates_advertising_is_not_asked_to_ban_harmful_product_ads(
        digital_code: Review) -> None:
    """The KZ Code's brief said the Code does not regulate advertising at all (gender-04), then recommended a ban
    on advertising alcohol and tobacco to children in a new article: a ban presupposes advertising rules."""
    assert _status(digital_code, "gender-04") == _status(digital_code, "negative-effects-01") == "not-applicable"
    assert not any("negative-effects-01" in r.criteria for r in digital_code.recommendations)


def test_a_draft_with_advertising_rules_is_asked_to_ban_harmful_product_ads(sample_ru: Path) -> None:
    review = review_document(parse_file(sample_ru))
    assert _status(review, "negative-effects-01") != "not-applicable"


def test_a_field_left_to_other_laws_names_the_proposed_rules_that_would_bring_it_into_the_draft(
        digital_code: Review) -> None:
    """The gap table said the KZ Code does not regulate advertising at all, while the texts it proposed label
    advertising (art. 29-8) and bar profiling children for it (art. 41-1): a lawyer read a contradiction
    (lawyer's review). The observation now names those recommendations and says that once they are adopted the
    criteria left aside apply."""
    [advertising] = [o for o in digital_code.observations if o.criteria == ["negative-effects-01"]]
    ad_rules = sorted(r.id for r in digital_code.recommendations
                      if {"industry-role-03", "data-privacy-03"} & set(r.criteria))
    assert len(ad_rules) == 2
    assert (f"Yet the texts proposed in {ad_rules[0]} and {ad_rules[1]} bring rules in the fields listed into "
            "the Code") in advertising.text
    assert f"тексты, предлагаемые в {ad_rules[0]} и {ad_rules[1]}, вводят в Кодекс правила" in advertising.text_ru
    assert advertising.text.endswith("the Code itself should be checked against this criterion.")
    assert advertising.text_ru.endswith("сам Кодекс следует проверить и по этому критерию.")


def test_a_field_is_not_said_to_be_brought_in_by_a_text_whose_words_on_it_this_draft_drops(
        digital_code: Review) -> None:
    """The impact assessment and state support clauses are placed by experimental regimes among other subjects,
    but say nothing of them in a draft that has none: the KZ Code's note on sandboxes names no recommendation."""
    [sandboxes] = [o for o in digital_code.observations if o.criteria == ["data-privacy-02"]]
    assert "Yet the texts" not in sandboxes.text and "Вместе с тем" not in sandboxes.text_ru
