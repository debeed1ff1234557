"""How a recommendation's issue names what a provision already does and what it lacks."""

from __future__ import annotations

from pathlib import Path

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
    assert "но не содержит положений, специально касающихся детей." in rec.ru.issue


def test_what_a_provision_mentions_is_quoted_from_it(tmp_path: Path) -> None:
    """"Mentions", with the provision's own words: our labels alone would claim a rule it may not make."""
    review = review_text(tmp_path, GENERAL_REVIEW)
    [rec] = [r for r in review.recommendations if "ai-02" in r.criteria]
    [result] = [c for c in review.criteria if c.id == "ai-02"]
    evidence = next(e for e in result.evidence if e.provision == "art:1.2")
    assert f"(“{evidence.quote}”)" in rec.issue
    assert f"(«{evidence.quote}»)" in rec.ru.issue
    assert "deals with" not in rec.issue and "касается следующего" not in rec.ru.issue
