"""The review finds what was planted in the bundled sample draft (examples/draft-digital-code.notes.yaml).

Each good provision is reported as addressed, each deliberate gap as a gap or partial, each harmful provision
as a risk at the provision where it was planted, asserted by criterion id.
"""

from __future__ import annotations

import pytest

from crlens.analysis.engine import review_document
from crlens.ingest import parse_file

# good provision -> the criterion it meets, and where the evidence must be
ADDRESSED = {
    "general-principles-01": "art:1.20",   # child = every person under 18
    "data-privacy-01": "art:27",           # parental consent under 16
    "evolving-capacities-05": "art:27",    # age-appropriate notice to the child
    "redress-01": "art:39",                # complaint channel with a deadline
    "csea-01": "art:41",                   # CSAM removal within 24 hours
    "csea-02": "art:41",                   # reporting to law enforcement, evidence kept
    "csea-06": "art:1.8",                  # CSAM defined to cover digitally created or altered material
    "equal-access-01": "art:48",           # rural school connectivity
    "equal-access-02": "art:47",           # devices for low-income pupils
    "equal-access-03": "art:15",           # accessibility for children with disabilities
    "digital-literacy-02": "art:46",       # digital literacy for pupils, parents and teachers
    "dpg-03": "art:22",                    # open licences for publicly funded code
    "dpg-04": "art:2",                     # open standards, documentation, data export (arts 21-23)
    "cybersecurity-02": "art:30",          # breach notification within 72 hours
    "positive-effects-04": "art:16",       # proactive services at birth
}
# general provisions that serve children but name no child: partly met
PARTIAL_GOOD = {"ai-06": "art:35", "cybersecurity-01": "art:"}
# deliberate gaps: absences and partial provisions
NOT_MET = [
    "general-principles-02",    # art 5.1: no best interests
    "general-principles-05",    # art 7.2: consultations for adults only
    "general-principles-06",    # art 6.4: all rights exercised by representatives
    "evolving-capacities-01",   # art 38.2: minimum age left to platforms
    "safety-01",                # art 38: no privacy-by-default for children
    "ai-02",                    # art 16.4: automated decisions without human review
    "ai-04",                    # art 36.1: high-risk list omits education and children
    "schools-02", "schools-03",  # art 47.2: no smartphone or cyberbullying rules in schools
    "redress-05",               # art 50: fines only, no remedy for children
    "impact-liability-01",      # no central body responsible for children online
    "coordination-monitoring-03",  # no ombudsperson mandate
    "crdd-01",                  # no child rights impact assessment
    *[f"cyber-aggression-0{i}" for i in range(1, 7)],  # cyberbullying absent
    *[f"gender-0{i}" for i in range(1, 7)],  # no gender consideration
]
# harmful provisions -> (criterion whose safeguard they lack, provision prefix where the risk is reported)
RISKS = [
    ("data-privacy-02", "art:33"),    # sandbox uses state data, children not excluded
    ("schools-05", "art:32"),         # sandbox testing in schools
    ("data-privacy-04", "art:18"),    # mandatory biometrics, nothing on minors
    ("data-privacy-05", "art:24"),    # data sharing between state bodies without purpose limit
    ("ai-05", "art:24-1"),            # family well-being index
    ("access-information-02", "art:42"),  # blocking without notice or court review
    ("data-privacy-03", "art:40"),    # profiling-based advertising on consent
    ("general-principles-05", "art:7.2"),  # adults-only consultations
    ("ai-02", "art:16"),              # automated decisions without human review
    ("schools-04", "art:45.3"),       # pupil data to EdTech providers
]


@pytest.fixture(scope="module")
def review(sample_ru):
    return review_document(parse_file(sample_ru))


@pytest.fixture(scope="module")
def criteria(review):
    return {c.id: c for c in review.criteria}


@pytest.mark.parametrize("criterion", sorted(ADDRESSED))
def test_good_provision_is_addressed(criteria, criterion):
    result = criteria[criterion]
    assert result.status == "addressed", (criterion, result.status, result.missing)
    assert any(e.provision.startswith(ADDRESSED[criterion]) for e in result.evidence), result.evidence


@pytest.mark.parametrize("criterion", sorted(PARTIAL_GOOD))
def test_general_provision_serving_children_is_partly_met(criteria, criterion):
    assert criteria[criterion].status == "partial"


@pytest.mark.parametrize("criterion", NOT_MET)
def test_deliberate_gap_is_reported(criteria, criterion):
    assert criteria[criterion].status in {"gap", "partial"}, criterion


@pytest.mark.parametrize(("criterion", "where"), RISKS)
def test_harmful_provision_is_a_risk(review, criterion, where):
    found = [r for r in review.risks if r.criterion == criterion and r.provision.startswith(where)]
    assert found, f"no {criterion} risk in {where}: {[(r.criterion, r.provision) for r in review.risks]}"


@pytest.mark.parametrize(("criterion", "where"), RISKS)
def test_every_risk_leads_to_a_recommendation_naming_its_article(review, criterion, where):
    recs = [r for r in review.recommendations if criterion in r.criteria]
    assert recs
    assert any(any(p.startswith(where) for p in r.provisions) for r in recs)


def test_positive_findings_include_the_good_provisions(review):
    found = {p.criterion for p in review.positive_findings}
    assert set(ADDRESSED) <= found


def test_english_sample_finds_the_same_planted_features(sample_en):
    review = review_document(parse_file(sample_en))
    statuses = {c.id: c.status for c in review.criteria}
    assert all(statuses[c] == "addressed" for c in ADDRESSED), {c: statuses[c] for c in ADDRESSED}
    risky = {(r.criterion, r.provision.split(".")[0]) for r in review.risks}
    for criterion, where in RISKS:
        assert any(c == criterion and p.startswith(where.split(".")[0]) for c, p in risky), criterion


def test_evidence_quotes_the_text_that_holds_a_concept_not_the_heading_naming_it(review):
    """Art 41 is headed "Противодействие распространению материалов сексуального насилия над детьми"; its
    paragraphs say what the draft does about such material, and they are what the evidence quotes."""
    heading = next(p.heading for p in review.provisions if p.id == "art:41")
    quotes = {c.id: [e.quote for e in c.evidence if e.provision.startswith("art:41")]
              for c in review.criteria if c.id in {"csea-01", "csea-02", "csea-03"}}
    assert all(quotes.values())
    assert not any(heading in q for q in quotes.values())


@pytest.fixture(scope="module")
def review_en(sample_en):
    return review_document(parse_file(sample_en))


def test_english_and_russian_samples_get_the_same_statuses(review, review_en):
    """The same draft in two languages gets the same review: a difference is a gap in one vocabulary."""
    assert {c.id: c.status for c in review.criteria} == {c.id: c.status for c in review_en.criteria}


def test_english_and_russian_samples_find_the_same_risks(review, review_en):
    def risks(r):
        return sorted((k.criterion, k.provision, k.severity) for k in r.risks)
    assert risks(review) == risks(review_en)


def test_english_and_russian_samples_amend_the_same_articles(review, review_en):
    """English headings spend words on articles and prepositions, and its vocabulary differs; the same draft
    must still get each amendment in the same place."""
    def targets(r):
        return {tuple(rec.criteria): rec.amendment.target for rec in r.recommendations}
    assert targets(review) == targets(review_en)


def test_a_list_item_is_read_with_its_lead_in_not_with_the_rest_of_its_article(review):
    """Art 6(1)(1) gives everyone the right to information, one item of a list of rights; 6(4), the planted
    flaw, has children's rights exercised by their representatives. Together they are no child's own right to
    information."""
    assert {c.id: c.status for c in review.criteria}["access-information-01"] != "addressed"


def test_no_risk_where_the_sample_only_lists_conditions_cases_or_what_a_decision_states(review):
    """31(3)(1) and 32(2)(1) say what a sandbox decision states and what a participant complies with (the chapter
    heading "data" above them permits nothing); 36(1)(3) lists biometric identification among high-risk AI
    systems; 45(3) has a platform, not a state body, transfer pupils' data; 5(1)(4) gives e-services priority,
    not exclusivity."""
    found = {(r.criterion, r.provision) for r in review.risks}
    assert not found & {("data-privacy-02", "art:31.3.1"), ("data-privacy-02", "art:32.2.1"),
                        ("data-privacy-04", "art:36.1.3"), ("data-privacy-05", "art:45.3"),
                        ("equal-access-05", "art:5.1.4")}
