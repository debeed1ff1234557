"""The review engine and review.json: schema-valid, every rule of the contract, nothing unfounded."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from crlens.analysis.engine import UnfoundedQuoteError, review_document, verify_quotes
from crlens.analysis.review import SCHEMA_PATH, Review, json_schema
from crlens.cli import app
from crlens.ingest import parse_file
from crlens.knowledge.loader import load
from crlens.knowledge.models import AREA_IDS

runner = CliRunner()
CORPUS_TEXTS = ["kz-digital-code-2026-ru.txt", "kz-law-online-platforms-2023-ru.txt", "eu-gdpr-2016-679.txt",
                "eu-ai-act-2024-1689.txt", "us-coppa-15usc6501.txt"]


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_review(sample_ru):
    return review_document(parse_file(sample_ru))


def check_contract(review, schema) -> None:
    """The rules at the end of shared/spec/review-json.md, and schema validity."""
    data = json.loads(review.to_json())
    jsonschema.validate(data, schema)
    assert [a["id"] for a in data["areas"]] == list(AREA_IDS)
    ids = {p["id"] for p in data["provisions"]}
    for area in data["areas"]:
        assert set(area["evidence"]) <= ids
    for crit in data["criteria"]:
        assert {e["provision"] for e in crit["evidence"]} <= ids
    for risk in data["risks"]:
        assert risk["provision"] in ids
    kb = load()
    for rec in data["recommendations"]:
        assert set(rec["provisions"]) <= ids
        assert set(rec["general_rules"]) <= set(rec["provisions"])
        target = rec["amendment"]["target"]
        assert target.split(" in ")[0].removeprefix("new after ") in ids or target == "new"
        for source in rec["sources"]:
            assert kb.source_ref(source["id"]) is not None, source
            entry = kb.source_ref(source["id"])
            assert source["ref"] == entry.ref
    by_id = {p["id"]: p for p in data["provisions"]}
    for provision in data["provisions"]:
        if provision["parent"] and by_id[provision["parent"]]["kind"] == "article":
            assert set(provision["areas"]) <= set(by_id[provision["parent"]]["areas"])
    assert {c["id"] for c in data["criteria"]} == set(kb.criteria)


def test_shipped_schema_matches_the_models(schema):
    assert schema == json.loads(json.dumps(json_schema()))


def test_a_review_json_written_before_recommendations_listed_their_general_rules_still_loads(sample_review, schema,
                                                                                            tmp_path):
    """review.json gained ``general_rules`` (an optional field, so schema_version stays 1.0): one written before
    it is valid under the shipped schema, loads with none, and ``crlens report`` still makes the deliverables."""
    data = json.loads(sample_review.to_json())
    popped = [rec.pop("general_rules") for rec in data["recommendations"]]
    assert any(popped)  # the sample's Article 9(3)
    jsonschema.validate(data, schema)
    old = tmp_path / "review.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert all(rec.general_rules == [] for rec in Review.read(old).recommendations)
    result = runner.invoke(app, ["report", str(old), "--out", str(tmp_path), "--formats", "md"])
    assert result.exit_code == 0, result.output


def test_sample_review_meets_the_contract(sample_review, schema):
    check_contract(sample_review, schema)


def test_coverage_states_every_article_assessed(sample_review):
    n = sample_review.document.articles
    assert sample_review.coverage.statement == f"{n} of {n} articles assessed"
    assert sample_review.coverage.articles_assessed == n


def test_every_quote_occurs_verbatim_in_its_provision(sample_review):
    verify_quotes(sample_review)
    assert any(c.evidence for c in sample_review.criteria)


def test_a_tampered_quote_stops_the_run(sample_review):
    tampered = sample_review.model_copy(deep=True)
    crit = next(c for c in tampered.criteria if c.evidence)
    crit.evidence[0].quote = crit.evidence[0].quote + " (not in the law)"
    with pytest.raises(UnfoundedQuoteError):
        verify_quotes(tampered)


def test_recommendations_name_real_articles(sample_review):
    assert sample_review.recommendations
    for rec in sample_review.recommendations:
        if rec.provisions:
            assert any(word in rec.issue for word in ("Article", "article")), rec.issue


def test_positive_findings_are_recorded(sample_review):
    assert sample_review.positive_findings


@pytest.mark.parametrize("name", CORPUS_TEXTS)
def test_review_runs_on_every_corpus_text(corpus, name, schema):
    review = review_document(parse_file(corpus / name))
    check_contract(review, schema)


def test_review_command_writes_review_json(sample_en, tmp_path):
    result = runner.invoke(app, ["review", str(sample_en), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
    assert data["document"]["language"] == "en"
    assert "articles assessed" in result.stdout


def test_review_json_flag_prints_to_stdout(sample_ru, tmp_path):
    result = runner.invoke(app, ["review", str(sample_ru), "--out", str(tmp_path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["schema_version"] == "1.0"


def test_review_of_bad_input_fails_cleanly(tmp_path):
    result = runner.invoke(app, ["review", str(tmp_path / "missing.pdf"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "file not found" in result.stderr


def test_an_items_lead_in_does_not_lend_it_the_rule_after_the_list(corpus):
    """Law on Online Platforms art. 9(3): the item on complaints was taken to mention misleading design, the rule
    that follows the list; the issue now names paragraph 3, where that rule is."""
    from crlens.analysis.engine import review_document
    from crlens.ingest import parse_file
    from crlens.knowledge.loader import load

    review = review_document(parse_file(corpus / "kz-law-online-platforms-2023-ru.txt"), load())
    [rec] = [r for r in review.recommendations if "negative-effects-02" in r.criteria]
    assert rec.ru.issue.startswith("В пункте 3 статьи 9 упоминаются: манипулятивный")
    assert "art:9.3.2" not in rec.provisions
