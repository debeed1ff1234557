"""When the draft meets a criterion in full, and what the evidence of a finding quotes.

The Law on Online Platforms was credited with five criteria it meets only in part (the fourth lawyer's audit,
finding L15): its brief listed them among the Law's strengths.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crlens.analysis.engine import review_document
from crlens.analysis.review import CriterionResult, Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import load


@pytest.fixture(scope="module")
def law_op(corpus: Path) -> Review:
    return review_document(parse_file(corpus / "kz-law-online-platforms-2023-ru.txt"), load())


def _result(review: Review, criterion: str) -> CriterionResult:
    return next(c for c in review.criteria if c.id == criterion)


def test_a_list_items_element_is_quoted_from_its_own_lead_in_not_from_another_paragraph(law_op: Review) -> None:
    """Art. 9(4)(8) («принимать меры по обеспечению безопасности несовершеннолетних») is read with the lead-in of
    art. 9(4), «Собственники и (или) законные представители онлайн-платформ обязаны»: that is what the finding
    quotes for the platform, not art. 9(1), on a representative for the tax authority."""
    evidence = _result(law_op, "safety-05").evidence
    assert any(e.provision == "art:9.4" and e.quote.startswith("Собственники и (или) законные представители")
               for e in evidence), evidence


def test_the_owner_who_carries_the_duties_is_not_a_designated_person_responsible_for_children(law_op: Review
                                                                                           ) -> None:
    """«Собственники и (или) законные представители онлайн-платформ обязаны» names who carries the duties of art.
    9(4); only art. 9(1) designates a representative, and not for children: the criterion is met in part."""
    result = _result(law_op, "impact-liability-03")
    assert result.status == "partial"
    assert [e.provision for e in result.evidence] == ["art:9.1", "art:9.1"]


def test_an_article_that_names_the_subject_and_children_in_different_paragraphs_meets_the_criterion_in_part(
        law_op: Review) -> None:
    """Art. 20(3) bans profiling on sensitive data and art. 20(4) targeted ads to minors: no part of art. 20 bans
    profiling children. The issue quotes the part on profiling and says it names no child."""
    result = _result(law_op, "data-privacy-03")
    assert result.status == "partial"
    assert [e.provision for e in result.evidence] == ["art:20.3"]
    rec = next(r for r in law_op.recommendations if "data-privacy-03" in r.criteria)
    assert rec.issue.startswith("Article 20(3) mentions profiling")
    assert "but nothing in it is specific to children" in rec.issue
    assert "It does not mention: ." not in rec.issue


def test_a_platforms_report_of_orders_received_is_no_public_register_of_orders(law_op: Review) -> None:
    """Art. 13(2)(3): the platform's yearly report counts the authorised body's orders; the criterion asks the
    body itself for a public register of them."""
    result = _result(law_op, "access-information-03")
    assert result.status == "partial"
    rec = next(r for r in law_op.recommendations if "access-information-03" in r.criteria)
    assert "does not yet require the authorised body to keep a public register" in rec.issue


def test_an_order_to_remove_cyberbullying_without_a_complaint_route_meets_the_criterion_in_part(law_op: Review
                                                                                               ) -> None:
    """Art. 14(3) and art. 9(4)(10) let the authorised body order removal of cyberbullying of a child; the Law
    has no route for the child or a parent to ask it to. The issue must not say no body can order removal."""
    assert _result(law_op, "cyber-aggression-03").status == "partial"
    rec = next(r for r in law_op.recommendations if "cyber-aggression-03" in r.criteria)
    assert "gives no state body the power" not in rec.issue
    assert "does not yet let the child, a parent or the school turn to the authorised body" in rec.issue


def test_labels_on_targeted_ads_for_all_users_meet_the_criterion_on_child_readable_labels_in_part(
        law_op: Review) -> None:
    """Art. 20(1) makes targeted ads identifiable to every user; nothing makes labels readable to children."""
    assert _result(law_op, "industry-role-03").status == "partial"


def test_the_law_is_credited_with_no_criterion_it_meets_only_in_part(law_op: Review) -> None:
    assert not {f.criterion for f in law_op.positive_findings} & {
        "access-information-03", "cyber-aggression-03", "data-privacy-03", "impact-liability-03",
        "industry-role-03"}
