"""The knowledge base: validated data, its checks, and the kb commands."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

import crlens.knowledge
from crlens.cli import app
from crlens.knowledge.loader import DATA_DIR, load
from crlens.knowledge.models import AREA_IDS, PHRASE_SLOTS, Phrases

runner = CliRunner()
AREAS_MD = Path(__file__).resolve().parents[2] / "shared" / "spec" / "areas.md"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def check(data_dir: Path):
    return runner.invoke(app, ["kb", "check", "--data-dir", str(data_dir)])


def test_kb_check_passes():
    result = runner.invoke(app, ["kb", "check"])
    assert result.exit_code == 0, result.stderr
    assert "ok" in result.stdout


def test_every_area_of_the_spec_has_at_least_four_criteria():
    kb = load()
    assert [a.id for a in kb.ordered_areas()] == list(AREA_IDS)
    for area_id in AREA_IDS:
        assert len(kb.criteria_of(area_id)) >= 4, area_id
    assert len(kb.criteria) >= 100


def test_area_ids_match_the_spec():
    if not AREAS_MD.exists():
        pytest.skip("shared/spec not present")
    spec_ids = [line.split("`")[1] for line in AREAS_MD.read_text(encoding="utf-8").splitlines()
                if line.startswith("| `")]
    assert spec_ids == list(AREA_IDS)


def test_examples_cover_at_least_40_entries_from_12_jurisdictions():
    kb = load()
    assert len(kb.examples) >= 40
    assert len({e.jurisdiction for e in kb.examples.values()}) >= 12


def test_every_norm_the_framework_cites_is_verified_or_listed():
    kb = load()
    cited = {n for c in kb.criteria.values() for n in c.norms}
    assert cited <= set(kb.norms)


def _first_criterion_file(data_dir: Path) -> Path:
    return sorted((data_dir / "framework").glob("*.yaml"))[0]


def test_dangling_norm_reference_is_rejected_naming_file_entry_and_problem(data_copy):
    path = _first_criterion_file(data_copy)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    crit_id = data["criteria"][0]["id"]
    data["criteria"][0]["norms"].append("gc25-para-999")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert f"framework/{path.name}: criterion {crit_id}: norm 'gc25-para-999' does not resolve" in result.stderr


def test_an_unknown_concept_where_an_area_places_new_articles_is_rejected(data_copy):
    path = data_copy / "framework" / "csea.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["area"]["placement"] = ["platform", "no-such-concept"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "area csea: unknown concept 'no-such-concept'" in result.stderr


def _with_risk_change(data_copy: Path, change: Callable[[dict[str, Any]], None]) -> str:
    """Apply ``change`` to the data-privacy biometric risk rule; the id of its criterion."""
    path = data_copy / "framework" / "data-privacy.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    [crit] = [c for c in data["criteria"] if c.get("risk", {}).get("id") == "risk-data-privacy-04"]
    change(crit["risk"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(crit["id"])


def test_an_unknown_concept_that_exempts_from_a_risk_is_rejected(data_copy):
    crit_id = _with_risk_change(data_copy, lambda risk: risk.update(exempt=[["no-such-concept"]]))
    result = check(data_copy)
    assert result.exit_code == 2
    assert f"criterion {crit_id}: unknown concept 'no-such-concept'" in result.stderr


def test_a_risk_lowered_without_saying_why_is_rejected(data_copy):
    _with_risk_change(data_copy, lambda risk: risk["lowered"][0].pop("note"))
    result = check(data_copy)
    assert result.exit_code == 2
    assert "lowered.0.note" in result.stderr


def test_a_risk_kept_whole_without_saying_why_is_rejected(data_copy):
    """A lowering that something in the provision can cancel must say what the issue then says: the provision
    has what would lower the risk, and why it does not."""
    _with_risk_change(data_copy, lambda risk: risk["lowered"][0].update(unless=[["use-without-consent"]]))
    result = check(data_copy)
    assert result.exit_code == 2
    assert "a lowering's unless and kept_note go together" in result.stderr


def test_an_unknown_concept_that_keeps_a_risk_whole_is_rejected(data_copy):
    def change(risk: dict[str, Any]) -> None:
        risk["lowered"][0].update(unless=[["no-such-concept"]], kept_note={"en": "Kept.", "ru": "Нет."})

    crit_id = _with_risk_change(data_copy, change)
    result = check(data_copy)
    assert result.exit_code == 2
    assert f"criterion {crit_id}: unknown concept 'no-such-concept'" in result.stderr


def _set_concept(data_copy: Path, concept_id: str, **values: Any) -> None:
    """Give the lexicon's concept ``concept_id`` the fields ``values``."""
    for path in sorted((data_copy / "lexicon").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for concept in data["concepts"]:
            if concept["id"] == concept_id:
                concept.update(values)
                path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
                return
    raise AssertionError(concept_id)


def _with_general_element_change(data_dir: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = data_dir / "framework" / "access-information.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    crit = next(c for c in data["criteria"] if c.get("detect", {}).get("general"))
    change(crit["detect"]["general"][0])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_an_element_met_for_everyone_must_be_one_of_the_criterions_elements(data_copy):
    _with_general_element_change(data_copy, lambda general: general.update(element=["information-access"]))
    result = check(data_copy)
    assert result.exit_code == 2
    assert "a general element must be one of the elements" in result.stderr


def test_a_rule_the_clause_restates_must_be_none_of_the_criterions_elements(data_copy):
    _with_general_element_change(data_copy, lambda general: general.update(restated=True))
    result = check(data_copy)
    assert result.exit_code == 2
    assert "a restated one must be none of them" in result.stderr


def test_an_unknown_concept_that_makes_an_element_general_is_rejected(data_copy):
    _with_general_element_change(data_copy, lambda general: general.update(alongside=[["no-such-concept"]]))
    result = check(data_copy)
    assert result.exit_code == 2
    assert "unknown concept 'no-such-concept'" in result.stderr


def test_a_concept_that_counts_as_another_needs_a_concept_of_its_own_to_count_as(data_copy):
    _set_concept(data_copy, "under-age", counts_as="no-such-concept")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "concept under-age: counts_as 'no-such-concept' is not a concept of its own" in result.stderr


def test_a_rule_cannot_ask_for_a_concept_that_is_only_found_as_another(data_copy):
    """A person under a set age is found as a child: a criterion asking for ``under-age`` would never be met."""
    path = data_copy / "framework" / "csea.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["criteria"][0]["detect"]["elements"][0].append("under-age")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "concept 'under-age' is found as 'child', never under its own id" in result.stderr


def test_a_subject_that_is_not_one_of_the_target_concepts_is_rejected(data_copy):
    path = data_copy / "framework" / "redress.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    crit = next(c for c in data["criteria"] if c["recommendation"].get("subject"))
    crit["recommendation"]["subject"] = "grievance"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "subject 'grievance' is not one of the target concepts" in result.stderr


def test_duplicate_id_is_rejected_naming_both_files(data_copy):
    src = _first_criterion_file(data_copy)
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    dup = data_copy / "norms" / "zz-duplicate.yaml"
    norm = yaml.safe_load((data_copy / "norms" / "crc.yaml").read_text(encoding="utf-8"))["norms"][0]
    dup.write_text(yaml.safe_dump({"norms": [norm]}, allow_unicode=True), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert f"norms/zz-duplicate.yaml: norm {norm['id']}: duplicate id (first defined in norms/crc.yaml)" in (
        result.stderr)
    del data


def test_empty_russian_field_is_rejected(data_copy):
    path = _first_criterion_file(data_copy)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    crit_id = data["criteria"][1]["id"]
    data["criteria"][1]["statement"]["ru"] = ""
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert f"framework/{path.name}: criteria {crit_id}" in result.stderr
    assert "statement.ru" in result.stderr


def test_unknown_model_clause_placeholder_is_rejected(data_copy):
    path = _first_criterion_file(data_copy)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["criteria"][0]["recommendation"]["model_clause"]["en"] += " {minister}"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "unknown placeholders: ['minister']" in result.stderr


def test_kb_stats_prints_the_counts():
    result = runner.invoke(app, ["kb", "stats"])
    assert result.exit_code == 0
    assert "22/22" in result.stdout
    assert "cited norms verified" in result.stdout


def test_kb_show_an_area_a_criterion_and_a_norm():
    kb = load()
    crit = next(iter(kb.criteria.values()))
    for entry in ("data-privacy", crit.id, crit.norms[0], crit.examples[0]):
        result = runner.invoke(app, ["kb", "show", entry])
        assert result.exit_code == 0, entry
        assert entry in result.stdout or kb.areas.get(entry) is not None


def test_kb_show_unknown_id_fails_cleanly():
    result = runner.invoke(app, ["kb", "show", "no-such-thing"])
    assert result.exit_code == 2


def test_kb_search_finds_criteria_norms_and_examples():
    result = runner.invoke(app, ["kb", "search", "consent"])
    assert result.exit_code == 0
    assert "criterion" in result.stdout and "norm" in result.stdout


def test_kb_export_markdown_lists_every_criterion(tmp_path):
    out = tmp_path / "checklist.md"
    result = runner.invoke(app, ["kb", "export", "--format", "md", "--out", str(out)])
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert all(crit_id in text for crit_id in load().criteria)


def test_kb_export_xlsx_has_a_row_per_criterion(tmp_path):
    out = tmp_path / "checklist.xlsx"
    result = runner.invoke(app, ["kb", "export", "--format", "xlsx", "--lang", "ru", "--out", str(out)])
    assert result.exit_code == 0
    ws = load_workbook(out).active
    assert ws.max_row == len(load().criteria) + 1
    assert ws.freeze_panes == "A2"


@pytest.mark.parametrize("fmt", ["md", "xlsx"])
def test_the_russian_checklist_names_the_priority_in_russian(tmp_path, fmt):
    out = tmp_path / f"checklist.{fmt}"
    assert runner.invoke(app, ["kb", "export", "--format", fmt, "--lang", "ru", "--out", str(out)]).exit_code == 0
    if fmt == "md":
        text = out.read_text(encoding="utf-8")
        assert "приоритет: высокий" in text and "приоритет: high" not in text
    else:
        priorities = {row[3] for row in load_workbook(out).active.iter_rows(min_row=2, values_only=True)}
        assert priorities == {"высокий", "средний", "низкий"}


def test_kb_check_validates_the_terminology_file(data_copy: Path) -> None:
    (data_copy / "terminology.yaml").write_text(
        "equivalences:\n  - id: platform\n    term: Online Platform\n    alternatives: [цифровая платформа]\n"
        "    note: x\n", encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "terminology.yaml: equivalences platform" in result.stderr
    assert "lower-case Russian words" in result.stderr


def test_russian_texts_spell_out_csam_before_using_the_abbreviation() -> None:
    """A Russian reader of the justifications meets «материалы сексуального насилия над детьми (CSAM)», not an
    English abbreviation alone."""
    kb = load()
    bare = [n.id for n in kb.norms.values() if "CSAM" in n.topic.ru and "сексуального насилия" not in n.topic.ru]
    assert bare == []


def test_kb_check_refuses_an_age_listed_for_a_criterion_whose_clause_does_not_name_it(data_copy: Path) -> None:
    path = data_copy / "ages.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "criteria: [ai-02, ai-05, cybersecurity-05,", "criteria: [ai-01, ai-02, ai-05, cybersecurity-05,"),
        encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "ages.yaml: age 14: the en model clause of ai-01 does not name the age ('fourteen')" in result.stderr


def test_kb_check_refuses_a_clause_naming_an_age_its_criterion_is_not_listed_under(data_copy: Path) -> None:
    """Every fourteen in a proposed text is one ages.yaml explains: a new clause cannot use it unnoticed."""
    path = data_copy / "ages.yaml"
    ages = path.read_text(encoding="utf-8")
    listed = "criteria: [ai-02, ai-05, cybersecurity-05,"
    path.write_text(ages.replace(listed, "criteria: [ai-05, cybersecurity-05,"), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "the model clause of ai-02 names the age but the criterion is not listed" in result.stderr


def test_every_sentence_frame_the_engine_fills_is_a_frame_of_the_phrases_file() -> None:
    """The slots table and the model name the same frames: a frame added to one is added to the other."""
    assert set(PHRASE_SLOTS) == set(Phrases.model_fields)
    assert load().phrases is not None


def test_kb_check_refuses_a_sentence_frame_with_a_slot_the_engine_does_not_fill(data_copy: Path) -> None:
    """A translator's typo ("{wher}") is refused when the knowledge base is checked, naming the frame and the
    slots the engine fills, not found as a KeyError while a lawyer's review is written."""
    path = data_copy / "phrases.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('ru: "{where} также не упоминаются: {missing}."',
                                                             'ru: "{wher} также не упоминаются: {missing}."'),
                    encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "phrases.yaml" in result.stderr
    assert ("also_lacks (ru) has the slots ['missing', 'wher']; the engine fills ['missing', 'where']"
            in result.stderr)


def test_kb_check_refuses_a_knowledge_base_without_its_sentence_frames(data_copy: Path) -> None:
    (data_copy / "phrases.yaml").unlink()
    result = check(data_copy)
    assert result.exit_code == 2
    assert "phrases.yaml: missing: the review's sentence frames are required" in result.stderr


# notions whose "and" joins one thing, not alternatives: "rights and freedoms", "necessary and proportionate"
ONE_NOTION = {"rights-freedoms", "lawful-restriction-test"}


def _top_level(label: str, word: str) -> list[int]:
    """Where `` word `` occurs in ``label`` outside brackets and quotation marks."""
    depth, found = 0, []
    for i, char in enumerate(label):
        depth += char in "(«"
        depth -= char in ")»"
        if depth == 0 and label.startswith(f" {word} ", i):
            found.append(i)
    return found


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_concept_label_listing_several_things_names_them_as_alternatives(lang: str) -> None:
    """A provision with one of a concept's terms is said to mention the concept: "Article 41 mentions erasure of
    data, withdrawal of consent or opting out of processing" is true of a right to erasure alone, "... and opting
    out" is not (the KZ Digital Code's art. 41 has no withdrawal of consent). Likewise "does not mention: children
    or minors" says it names neither."""
    kb = load()
    conjunction, alternatives = ("and", ["or"]) if lang == "en" else ("и", ["или", "либо"])
    wrong = []
    for concept in kb.concepts.values():
        label = concept.label if lang == "en" else concept.label_ru
        ands = _top_level(label, conjunction)
        ors = [i for word in alternatives for i in _top_level(label, word)]
        if ands and not ors and concept.id not in ONE_NOTION:
            wrong.append(f"{concept.id}: {label}")
    assert wrong == []


def test_the_knowledge_bases_russian_is_written_with_e_not_yo() -> None:
    """Kazakh (and Russian) legislation writes «ребенок», not «ребёнок»; the gap table mixed both, as the
    examples' summaries wrote ё. The lexicon's patterns may match either and are left out."""
    data = Path(crlens.knowledge.__file__).parent / "data"
    written = [p for p in data.rglob("*.yaml")
               if "lexicon" not in p.parts and "ё" in p.read_text(encoding="utf-8")]
    assert not written


def test_kb_check_lets_a_clause_name_an_age_bounding_an_age_group_only_when_listed_so(data_copy: Path) -> None:
    """Age-appropriate design names its groups in words («достигшие тринадцати лет, но не достигшие шестнадцати
    лет»): sixteen there bounds a group, it is not the age of consent that ages.yaml explains, and the clause is
    listed as one naming age groups; a clause not so listed may not name the age unnoticed."""
    path = data_copy / "ages.yaml"
    text = path.read_text(encoding="utf-8")
    assert "age_group_criteria: [evolving-capacities-01]" in text
    path.write_text(text.replace("age_group_criteria: [evolving-capacities-01]",
                                 "age_group_criteria: [evolving-capacities-09]"), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "ages.yaml: age 16: the model clause of evolving-capacities-01 names the age" in result.stderr
    assert "ages.yaml: age groups: criterion 'evolving-capacities-09' does not resolve" in result.stderr


def test_kb_check_refuses_a_law_in_force_whose_country_does_not_say_how_its_laws_cite_it(data_copy: Path) -> None:
    """A Kazakh draft's proposed texts name the Kazakh law in force they add to, in the words Kazakh laws use; a
    new example of a Kazakh law in force without them would be cited in the issue but never named in the text."""
    path = data_copy / "examples" / "examples.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kz = next(j for j in data["jurisdictions"] if j["id"] == "kz")
    kz["acts"] = [a for a in kz["acts"] if a["title"] != "On Online Platforms and Online Advertising"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert ("example kz-online-platforms-art-11: law in force of 'kz', whose acts do not say how its laws cite "
            "'On Online Platforms and Online Advertising'") in result.stderr


def test_kb_check_refuses_an_act_citation_no_example_is_of(data_copy: Path) -> None:
    path = data_copy / "examples" / "examples.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kz = next(j for j in data["jurisdictions"] if j["id"] == "kz")
    kz["acts"].append({"title": "On Nothing", "cited": {"en": 'the Law "On Nothing"', "ru": "Законом «О ничем»"}})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "jurisdiction kz: act 'On Nothing' is the title of none of its examples" in result.stderr


def test_kb_check_refuses_a_text_naming_kazakhstan_that_the_localisation_does_not_cover(data_copy: Path) -> None:
    """A clause written for Kazakhstan that a draft of another country would get with Kazakhstan in it is refused
    when the knowledge base is checked, naming the criterion, the text and the words."""
    path = data_copy / "framework" / "negative-effects.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "установленном Правительством Республики Казахстан, независимо",
        "установленном Трудовым кодексом Республики Казахстан, независимо"), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "the ru model_clause still names the home country" in result.stderr
    assert "Трудовым кодексом Республики Казахстан" in result.stderr


def test_kb_check_refuses_a_localisation_phrase_no_text_uses(data_copy: Path) -> None:
    path = data_copy / "localisation.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '  - {as_written: "в Казахстане", elsewhere: "в стране"}\n',
        '  - {as_written: "в Казахстане", elsewhere: "в стране"}\n'
        '  - {as_written: "в Алматы", elsewhere: "в столице"}\n'), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "localisation.yaml: ru: в Алматы: no text uses this phrase" in result.stderr


def test_kb_check_refuses_a_model_clause_referring_to_the_rule_of_no_criterion(data_copy: Path) -> None:
    """A clause that names where another criterion's rule is (``{rule:crdd-01}``) must name a criterion: a typo
    would otherwise refer the drafter to the act as a whole."""
    path = data_copy / "framework" / "gender.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{rule:crdd-01,crdd-02}", "{rule:crdd-01,crdd-99}"),
                    encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "criterion gender-03: the model clause refers to the rule of 'crdd-99', which is no criterion" in (
        result.stderr)


def test_kb_check_refuses_a_model_clause_referring_to_the_rules_of_no_area_or_of_its_own(data_copy: Path) -> None:
    """``{rule:@safety}`` names every rule of an area: a typo names none, and a clause's own area includes the
    clause itself."""
    path = data_copy / "framework" / "gender.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{rule:crdd-01,crdd-02}", "{rule:@crdd,@safty,@gender}"), encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "criterion gender-03: the model clause refers to the rule of 'safty', which is no criterion" in (
        result.stderr)
    assert "criterion gender-03: the model clause refers to the rules of its own area 'gender'" in result.stderr
    assert "'crdd'" not in result.stderr


def test_kb_check_refuses_a_definition_whose_list_item_defines_the_term_otherwise(data_copy: Path) -> None:
    """A draft whose definitions are a list gets the definition of a child as an item (``list_item``), others as
    the model clause's paragraph: the two must define the term alike, word for word."""
    path = data_copy / "framework" / "general-principles.yaml"
    text = path.read_text(encoding="utf-8")
    item = "ребенок – физическое лицо, не достигшее восемнадцатилетнего возраста (совершеннолетия)"
    assert text.count(item) == 1
    path.write_text(text.replace(item, "ребенок – физическое лицо, не достигшее шестнадцатилетнего возраста"),
                    encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert ("criterion general-principles-01: list_item.ru must read '<term> – <definition>', the definition "
            "word for word as the first paragraph of the model clause states it") in result.stderr


def test_kb_check_refuses_a_model_clause_referring_to_other_rules_in_english_than_in_russian(data_copy: Path
                                                                                            ) -> None:
    path = data_copy / "framework" / "gender.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("provided for in {rule:crdd-01,crdd-02}", "provided for in {rule:crdd-01}"),
                    encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "refers to rules [('crdd-01',)] in English but [('crdd-01', 'crdd-02')] in Russian" in result.stderr


def test_kb_check_refuses_a_reference_to_a_paragraph_the_other_clause_lacks(data_copy: Path) -> None:
    path = data_copy / "framework" / "redress.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{rule:redress-01.2}", "{rule:redress-01.7}"),
                    encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert ("criterion redress-02: the model clause refers to paragraph 7 of the clause of 'redress-01', which "
            "has no such paragraph") in result.stderr


def test_kb_check_refuses_a_definition_depending_on_a_law_in_force_that_is_no_example_of_one(data_copy: Path
                                                                                             ) -> None:
    path = data_copy / "terminology.yaml"
    text = path.read_text(encoding="utf-8")
    for said in ("        artificial intelligence systems\n",
                 "        использованием систем искусственного интеллекта\n"):
        text = text.replace(said, f"{said.rstrip()}{{while:no-such-law}}, x{{endif}}\n", 1)
    path.write_text(text, encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "definition content" in result.stderr
    assert "depend on 'no-such-law' being law in force" in result.stderr


def test_kb_check_refuses_a_definition_citing_a_law_in_force_that_is_no_example_of_one(data_copy: Path) -> None:
    path = data_copy / "terminology.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  - id: account\n")
    rest = text[at:].replace("law_in_force: kz-online-platforms-art-1", "law_in_force: no-such-law", 1)
    path.write_text(text[:at] + rest, encoding="utf-8")
    result = check(data_copy)
    assert result.exit_code == 2
    assert "definition account: law_in_force 'no-such-law' is no example of law in force" in result.stderr
