"""What a criterion cites supports the point it makes.

A norm or an example cited for a criterion appears in every review as a ground of the recommendation; one that is
about something else misleads the reader who follows it up. These tests hold the knowledge base to the citations a
lawyer's audit of the Kazakh Digital Code review found wanting, so that none of them comes back.
"""

from __future__ import annotations

import pytest

from crlens.knowledge.loader import load

MISFITS = [
    # (criterion, cited entry, why the entry does not support the criterion)
    ("equal-access-02", "us-erate-47-usc-254-h-1-b", "E-Rate discounts schools and libraries, not families"),
    ("data-privacy-05", "ee-public-information-act-x-tee", "X-tee is a layer for sharing data, not a limit on it"),
    ("positive-effects-01", "fi-digital-services-act-306-2019", "Act 306/2019 is on accessibility, not health"),
    ("negative-effects-05", "br-eca-digital-art-27", "ECA Digital art. 27 is notice and removal, not influencers"),
    ("access-information-05", "eu-csa-directive-art-25", "Directive 2011/93/EU art. 25 blocks CSAM, not networks"),
    ("access-information-06", "uk-aadc-std-11", "AADC Std 11 is parental controls, not monitoring by the state"),
    ("schools-06", "uk-aadc-std-11", "AADC Std 11 is parental controls, not video surveillance in schools"),
    ("schools-05", "unicef-edtech-policy-note", "not found; its address is another document's"),
]


@pytest.mark.parametrize(("criterion", "entry", "why"), MISFITS, ids=[f"{c}:{e}" for c, e, _ in MISFITS])
def test_a_criterion_does_not_cite_what_is_about_something_else(criterion: str, entry: str, why: str) -> None:
    crit = load().criteria[criterion]
    assert entry not in (*crit.norms, *crit.examples), why


NOT_MODELS = {"ru": "Russian Federation", "kg": "Kyrgyzstan"}
"""Jurisdictions whose laws on children and information are criticised as censorship: UNICEF does not hold them up
as practice, however a single provision reads."""


def test_no_criterion_or_age_holds_up_as_practice_a_law_criticised_as_censorship() -> None:
    kb = load()
    citing = {**{c.id: c.examples for c in kb.criteria.values()},
              **{f"age {a.age}": a.examples for a in kb.ages}}
    cited = {(entry, example) for entry, examples in citing.items() for example in examples
             if kb.examples[example].jurisdiction in NOT_MODELS}
    assert cited == set()
