"""Load the knowledge base from YAML, validate it, and index it.

The data lives under ``knowledge/data/``: ``framework/*.yaml`` (one file per area), ``lexicon/*.yaml``,
``norms/*.yaml``, ``examples/*.yaml``, ``relevance.yaml``, ``terminology.yaml``, ``ages.yaml``,
``localisation.yaml`` (our texts for a draft of another country), ``rule_sets.yaml`` (bodies of rules model
clauses refer to whole) and ``phrases.yaml`` (the sentence frames the review writes). Files of one kind are
merged; an id defined twice is an error. The loaded :class:`KnowledgeBase` is cached per data directory, so a run
pays for parsing once.

Validation happens in two layers: pydantic checks each file's shape (:mod:`crlens.knowledge.models`), then
:func:`check` cross-checks the whole (every reference resolves, every area has criteria, ...). Problems are
reported as :class:`Problem` objects naming the file, the entry and what is wrong.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from crlens.knowledge.models import (
    AREA_IDS,
    TEMPLATE_TEXTS,
    AgesFile,
    AgeThreshold,
    Area,
    AreaFile,
    Concept,
    Criterion,
    Example,
    ExamplesFile,
    Instrument,
    Jurisdiction,
    LexiconFile,
    Localisation,
    Norm,
    NormsFile,
    OwnBody,
    Phrases,
    RelevanceRules,
    RuleSet,
    RuleSetsFile,
    TermDefinition,
    TermEquivalence,
    TerminologyFile,
    Text,
    said,
    said_where,
)

DATA_DIR = Path(__file__).parent / "data"
# libyaml's C loader parses our ~1 MB of YAML about ten times faster than the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge base, located by file and entry."""

    file: str
    entry: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}" if self.entry else self.file
        return f"{where}: {self.message}"


class KnowledgeBaseError(Exception):
    """The knowledge base cannot be loaded; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class KnowledgeBase:
    """The validated, indexed knowledge base. Lookups are by id; lists keep file order."""

    areas: dict[str, Area] = field(default_factory=dict)
    criteria: dict[str, Criterion] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    norms: dict[str, Norm] = field(default_factory=dict)
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    examples: dict[str, Example] = field(default_factory=dict)
    relevance: RelevanceRules | None = None
    terminology: tuple[TermEquivalence, ...] = ()
    """The draft terms equivalent to ours (``terminology.yaml``), for Russian proposed text."""
    term_definitions: tuple[TermDefinition, ...] = ()
    """Terms our proposed texts use, with our definitions, for a draft that has no word for them
    (``terminology.yaml``)."""
    own_bodies: tuple[OwnBody, ...] = ()
    """Bodies our clauses name by their field that a draft defining the bare name has as its own
    (``terminology.yaml``)."""
    ages: tuple[AgeThreshold, ...] = ()
    """The ages the model clauses use and why (``ages.yaml``)."""
    age_group_criteria: tuple[str, ...] = ()
    """The criteria whose model clauses name ages only as the bounds of age groups (``ages.yaml``)."""
    defining_criteria: tuple[str, ...] = ()
    """The criteria whose model clauses define a term by the age of eighteen (``ages.yaml``)."""
    child_definition_criterion: str = ""
    """The criterion a definition of the child as every person under eighteen meets (``ages.yaml``)."""
    localisation: Localisation | None = None
    """Our texts' phrases naming their home country and what a draft of another gets (``localisation.yaml``)."""
    phrases: Phrases | None = None
    """The sentence frames the review writes (``phrases.yaml``); a checked knowledge base always has them."""
    rule_sets: dict[str, RuleSet] = field(default_factory=dict)
    """Bodies of rules model clauses refer to whole (``rule_sets.yaml``)."""
    origin: dict[str, str] = field(default_factory=dict)
    """Where each entry was defined: ``"kind:id"`` -> file path relative to the data directory."""
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Structures other modules compile from this knowledge base once (e.g. concept matchers per language)."""

    def criteria_of(self, area_id: str) -> list[Criterion]:
        """The criteria of an area, in file order."""
        return [c for c in self.criteria.values() if c.area == area_id]

    def ordered_areas(self) -> list[Area]:
        """The areas in framework order (the order of ``areas.md``)."""
        return [self.areas[a] for a in AREA_IDS if a in self.areas]

    def source_ref(self, ref_id: str) -> Norm | Example | None:
        """The norm or example with this id, if any."""
        return self.norms.get(ref_id) or self.examples.get(ref_id)


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file()) if directory.is_dir() else []


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crlens" / "yaml"


def _read_yaml(path: Path) -> object:
    """Parse a YAML file, through a JSON cache keyed by the file's content hash.

    Building Python objects from YAML costs about ten times more than loading the same data as JSON, and the
    knowledge base is read on every run; the cache cannot go stale because its key is the content itself.
    """
    data = path.read_bytes()
    cached = _cache_dir() / f"{hashlib.sha256(data).hexdigest()}.json"
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    raw = yaml.load(data.decode("utf-8"), Loader=_YAML_LOADER)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        tmp.replace(cached)
    except (OSError, TypeError, ValueError):
        pass  # a read-only home or a value JSON cannot hold: parse the YAML every time
    return raw


def _load_file(path: Path, model: type[M], rel: str, problems: list[Problem]) -> M | None:
    try:
        raw = _read_yaml(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(rel, "", f"cannot be read as YAML: {exc}"))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(rel, "", "must be a mapping at the top level"))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(Problem(rel, _entry_name(raw, err["loc"]), f"{err['msg']} (at {_loc(err['loc'])})"))
        return None


def _loc(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc)


def _entry_name(raw: dict, loc: tuple[int | str, ...]) -> str:
    """Name the entry an error is in by its id, e.g. ``criterion data-privacy-01``, not by list index."""
    node: object = raw
    name = ""
    for part in loc:
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            name = f"{loc[0]} {node['id']}" if isinstance(loc[0], str) else node["id"]
    return name


def _register(index: dict[str, M], items: Iterable[M], kind: str, rel: str, kb: KnowledgeBase,
              problems: list[Problem]) -> None:
    for item in items:
        key = item.id  # type: ignore[attr-defined]
        if key in index:
            first = kb.origin.get(f"{kind}:{key}", "?")
            problems.append(Problem(rel, f"{kind} {key}", f"duplicate id (first defined in {first})"))
            continue
        index[key] = item
        kb.origin[f"{kind}:{key}"] = rel


def load(data_dir: Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base; raise :class:`KnowledgeBaseError` on any problem.

    Cached per directory: repeated calls return the same object.
    """
    return _load_cached(str((data_dir or DATA_DIR).resolve()))


@functools.lru_cache(maxsize=8)
def _load_cached(data_dir: str) -> KnowledgeBase:
    kb, problems = load_unchecked(Path(data_dir))
    problems += check(kb)
    if problems:
        raise KnowledgeBaseError(problems)
    return kb


def load_unchecked(data_dir: Path) -> tuple[KnowledgeBase, list[Problem]]:
    """Parse every file under ``data_dir``; return what loaded and the problems found while parsing."""
    kb = KnowledgeBase()
    problems: list[Problem] = []

    def rel(path: Path) -> str:
        return str(path.relative_to(data_dir))

    for path in _yaml_files(data_dir / "lexicon"):
        lexicon = _load_file(path, LexiconFile, rel(path), problems)
        if lexicon:
            _register(kb.concepts, lexicon.concepts, "concept", rel(path), kb, problems)
    for path in _yaml_files(data_dir / "norms"):
        norms = _load_file(path, NormsFile, rel(path), problems)
        if norms:
            _register(kb.instruments, norms.instruments, "instrument", rel(path), kb, problems)
            _register(kb.norms, norms.norms, "norm", rel(path), kb, problems)
    for path in _yaml_files(data_dir / "examples"):
        examples = _load_file(path, ExamplesFile, rel(path), problems)
        if examples:
            _register(kb.jurisdictions, examples.jurisdictions, "jurisdiction", rel(path), kb, problems)
            _register(kb.examples, examples.examples, "example", rel(path), kb, problems)
    relevance_path = data_dir / "relevance.yaml"
    if relevance_path.exists():
        kb.relevance = _load_file(relevance_path, RelevanceRules, rel(relevance_path), problems)
    else:
        problems.append(Problem("relevance.yaml", "", "missing: the child-relevance rules are required"))
    terminology_path = data_dir / "terminology.yaml"
    if terminology_path.exists():
        terminology = _load_file(terminology_path, TerminologyFile, rel(terminology_path), problems)
        if terminology:
            kb.terminology = terminology.equivalences
            kb.term_definitions = terminology.definitions
            kb.own_bodies = terminology.own_bodies
    ages_path = data_dir / "ages.yaml"
    if ages_path.exists():
        ages = _load_file(ages_path, AgesFile, rel(ages_path), problems)
        if ages:
            kb.ages = ages.ages
            kb.age_group_criteria = ages.age_group_criteria
            kb.defining_criteria = ages.defining_criteria
            kb.child_definition_criterion = ages.child_definition
    localisation_path = data_dir / "localisation.yaml"
    if localisation_path.exists():
        kb.localisation = _load_file(localisation_path, Localisation, rel(localisation_path), problems)
    rule_sets_path = data_dir / "rule_sets.yaml"
    if rule_sets_path.exists():
        rule_sets = _load_file(rule_sets_path, RuleSetsFile, rel(rule_sets_path), problems)
        if rule_sets:
            _register(kb.rule_sets, rule_sets.sets, "rule set", rel(rule_sets_path), kb, problems)
    phrases_path = data_dir / "phrases.yaml"
    if phrases_path.exists():
        kb.phrases = _load_file(phrases_path, Phrases, rel(phrases_path), problems)
    else:
        problems.append(Problem("phrases.yaml", "", "missing: the review's sentence frames are required"))
    for path in _yaml_files(data_dir / "framework"):
        area_file = _load_file(path, AreaFile, rel(path), problems)
        if area_file:
            _register(kb.areas, [area_file.area], "area", rel(path), kb, problems)
            _register(kb.criteria, area_file.criteria, "criterion", rel(path), kb, problems)
    return kb, problems


def load_terminology(path: Path) -> tuple[TermEquivalence, ...]:
    """Load and validate one terminology file on its own (the knowledge base loads the shipped one); raise
    :class:`KnowledgeBaseError` naming the file and the entry."""
    problems: list[Problem] = []
    terminology = _load_file(path, TerminologyFile, str(path), problems)
    if terminology is None:
        raise KnowledgeBaseError(problems)
    return terminology.equivalences


def check(kb: KnowledgeBase) -> list[Problem]:
    """Cross-check a parsed knowledge base: references, coverage, consistency."""
    problems: list[Problem] = []

    def where(kind: str, key: str) -> str:
        return kb.origin.get(f"{kind}:{key}", "?")

    for area_id in AREA_IDS:
        if area_id not in kb.areas:
            problems.append(Problem("framework", f"area {area_id}", "area of areas.md has no framework file"))
        elif not kb.criteria_of(area_id):
            problems.append(Problem(where("area", area_id), f"area {area_id}", "area has no criteria"))

    counted = {c.id: c.counts_as for c in kb.concepts.values() if c.counts_as is not None}
    for concept_id, broader in counted.items():
        if broader not in kb.concepts or broader in counted:
            problems.append(Problem(where("concept", concept_id), f"concept {concept_id}",
                                    f"counts_as {broader!r} is not a concept of its own"))

    def unknown(concept: str) -> str | None:
        """What is wrong with a rule's reference to ``concept``: unknown, or only ever found as another."""
        if concept not in kb.concepts:
            return f"unknown concept {concept!r}"
        if concept in counted:
            return f"concept {concept!r} is found as {counted[concept]!r}, never under its own id"
        return None

    for area in kb.areas.values():
        for concept in _concepts_of_area(area):
            if message := unknown(concept):
                problems.append(Problem(where("area", area.id), f"area {area.id}", message))

    if kb.relevance is not None:
        for concept in [*kb.relevance.direct, *kb.relevance.indirect, *kb.relevance.whom]:
            if message := unknown(concept):
                problems.append(Problem("relevance.yaml", "", message))

    for rule_set in kb.rule_sets.values():
        problems += [Problem(where("rule set", rule_set.id), f"rule set {rule_set.id}", message)
                     for message in _unresolved_set_members(kb, rule_set)]
    for crit in kb.criteria.values():
        file = where("criterion", crit.id)
        entry = f"criterion {crit.id}"
        if file != where("area", crit.area):
            problems.append(Problem(file, entry, f"criterion of area {crit.area!r} is not in that area's file"))
        for concept in _concepts_of_criterion(crit):
            if message := unknown(concept):
                problems.append(Problem(file, entry, message))
        problems += [Problem(file, entry, message) for message in _unresolved(kb, crit.norms, crit.examples)]
        problems += [Problem(file, entry, message) for message in _unresolved_rules(kb, crit)]
        problems += [Problem(file, entry, f"the model clause says words only of drafts that mention {concept!r} "
                             "(or do not), which is no concept") for concept in crit.recommendation.conditions
                     if concept not in kb.concepts]
        problems += [Problem(file, entry, message)
                     for message in _no_law_in_force(kb, "model clause", crit.recommendation.laws_in_force)]
        problems += [Problem(file, entry, message) for message in _definition_item_problems(kb, crit)]

    for definition in kb.term_definitions:
        problems += [Problem("terminology.yaml", f"definition {definition.id}", message)
                     for message in _no_law_in_force(kb, "definition", definition.laws_in_force)]
        if definition.law_in_force and not _is_law_in_force(kb, definition.law_in_force):
            problems.append(Problem("terminology.yaml", f"definition {definition.id}",
                                    f"law_in_force {definition.law_in_force!r} is no example of law in force"))
    for equivalence in kb.terminology:
        problems += [Problem("terminology.yaml", f"equivalence {equivalence.id}", message)
                     for message in _no_law_in_force(kb, "equivalence", equivalence.laws_in_force)]

    for norm in kb.norms.values():
        if norm.instrument not in kb.instruments:
            problems.append(Problem(where("norm", norm.id), f"norm {norm.id}",
                                    f"instrument {norm.instrument!r} does not resolve"))
    for example in kb.examples.values():
        jurisdiction = kb.jurisdictions.get(example.jurisdiction)
        if jurisdiction is None:
            problems.append(Problem(where("example", example.id), f"example {example.id}",
                                    f"jurisdiction {example.jurisdiction!r} is not declared"))
        elif (jurisdiction.acts and example.in_force and example.title is not None
              and example.title.en not in {a.title for a in jurisdiction.acts}):
            problems.append(Problem(where("example", example.id), f"example {example.id}",
                                    f"law in force of {jurisdiction.id!r}, whose acts do not say how its laws "
                                    f"cite {example.title.en!r}"))
    for jurisdiction in kb.jurisdictions.values():
        titles = {e.title.en for e in kb.examples.values() if e.jurisdiction == jurisdiction.id and e.title}
        problems += [Problem(where("jurisdiction", jurisdiction.id), f"jurisdiction {jurisdiction.id}",
                             f"act {act.title!r} is the title of none of its examples")
                     for act in jurisdiction.acts if act.title not in titles]
    problems += _check_ages(kb)
    problems += _check_localisation(kb)
    return problems


def _unresolved(kb: KnowledgeBase, norms: Iterable[str], examples: Iterable[str]) -> list[str]:
    """What is wrong with the norms and examples an entry cites: each one the knowledge base does not have."""
    return ([f"norm {norm!r} does not resolve" for norm in norms if norm not in kb.norms]
            + [f"example {example!r} does not resolve" for example in examples if example not in kb.examples])


def rule_set_members(kb: KnowledgeBase, set_id: str, seen: frozenset[str] = frozenset()) -> list[str]:
    """The references a rule set stands for, with the sets among them replaced by theirs (``seen``: the sets
    being expanded, so that a set that includes itself ends rather than recurses)."""
    members: list[str] = []
    for rule in kb.rule_sets[set_id].rules:
        name = rule.removeprefix("@")
        if rule.startswith("@") and name in kb.rule_sets:
            members += [] if name in seen | {set_id} else rule_set_members(kb, name, seen | {set_id})
        else:
            members.append(rule)
    return list(dict.fromkeys(members))


def _unresolved_set_members(kb: KnowledgeBase, rule_set: RuleSet) -> list[str]:
    """What is wrong with a rule set's members: one that is no area, criterion, paragraph of a clause or set, or
    a set that includes itself."""
    messages = []
    for rule in rule_set.rules:
        name = rule.removeprefix("@")
        criterion, _, paragraph = name.partition(".")
        if rule.startswith("@") and name in kb.rule_sets:
            if rule_set.id in _sets_within(kb, name):
                messages.append(f"the rule set includes itself through {name!r}")
        elif rule.startswith("@") and name in kb.areas:
            continue
        elif criterion not in kb.criteria:
            messages.append(f"{rule!r} is no area, criterion or rule set")
        elif problem := _paragraph_problem(kb.criteria[criterion], paragraph):
            messages.append(f"{rule!r}: the clause of {criterion!r} {problem}")
    return messages


def _paragraph_problem(other: Criterion, paragraph: str) -> str | None:
    """What is wrong with a reference to ``paragraph`` of ``other``'s clause (none when it names no paragraph): one
    the clause does not have, or its last when some drafts leave that out."""
    if not paragraph:
        return None
    if not 1 <= int(paragraph) <= other.recommendation.paragraphs:
        return "has no such paragraph"
    if int(paragraph) == other.recommendation.paragraphs and other.recommendation.last_paragraph_may_be_left_out:
        return "is left out of some drafts"
    return None


def _sets_within(kb: KnowledgeBase, set_id: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """The rule sets a set includes, directly or through others."""
    within: set[str] = set()
    for rule in kb.rule_sets[set_id].rules:
        name = rule.removeprefix("@")
        if rule.startswith("@") and name in kb.rule_sets and name not in seen:
            within |= {name} | _sets_within(kb, name, seen | {name})
    return within


def _unresolved_rules(kb: KnowledgeBase, crit: Criterion) -> list[str]:
    """What is wrong with the rules a criterion's model clause refers to (``{rule:...}``): its own, no criterion's
    (nor, whole, an area's: ``@safety``, or a rule set's), or a paragraph the other clause does not have."""
    messages = []
    for rule in crit.recommendation.rules:
        if rule.startswith("@") and rule[1:] in kb.rule_sets:  # a named body of rules
            if crit.id in {r.removeprefix("@").partition(".")[0] for r in rule_set_members(kb, rule[1:])}:
                messages.append(f"the model clause refers to the rule set {rule[1:]!r}, which holds its own rule")
            continue
        if rule.startswith("@") and rule[1:] in kb.areas:  # every rule of an area
            if rule[1:] == crit.area:
                messages.append(f"the model clause refers to the rules of its own area {crit.area!r}")
            continue
        criterion, _, paragraph = rule.removeprefix("@").partition(".")
        other = kb.criteria.get(criterion)
        if criterion == crit.id or other is None:
            messages.append(f"the model clause refers to the rule of {criterion!r}, "
                            + ("its own" if criterion == crit.id else "which is no criterion"))
        elif problem := _paragraph_problem(other, paragraph):
            messages.append(f"the model clause refers to paragraph {paragraph} of the clause of {criterion!r}, "
                            f"which {problem}")
    return messages


def _definition_item_problems(kb: KnowledgeBase, crit: Criterion) -> list[str]:
    """What is wrong with the list item of a criterion whose clause defines a term (``place: definitions``): it
    must be there, as ``phrases.defined_term`` frames a definition ("<term> means <definition>"), with the
    definition the first paragraph of the model clause states, word for word."""
    template = crit.recommendation
    if template.place != "definitions" or kb.phrases is None:  # missing phrases are reported on their own
        return []
    if template.list_item is None:
        return ["the model clause defines a term, so its definition must also be given as a list_item"]
    messages = []
    for lang in ("en", "ru"):
        means = kb.phrases.definition_separator(lang)
        for in_force in (False, True):  # a definition by reference to a law in force, else our own
            _, said, definition = said_where(getattr(template.list_item, lang), in_force).partition(means)
            first = said_where(getattr(template.model_clause, lang), in_force).strip().split("\n")[0]
            if not said or definition not in first:
                messages.append(f"list_item.{lang} must read '<term>{means}<definition>', the definition word for "
                                "word as the first paragraph of the model clause states it")
                break
    return messages


def _localised_texts(crit: Criterion) -> Iterator[tuple[str, Text]]:
    """The texts of a criterion a draft of another jurisdiction is given (:func:`_check_localisation`), by name."""
    yield "statement", crit.statement
    template = crit.recommendation
    for name in TEMPLATE_TEXTS:
        text = getattr(template, name)
        if text is not None:
            yield name, text


def _check_localisation(kb: KnowledgeBase) -> list[Problem]:
    """``localisation.yaml`` leaves no text naming the home country, and every phrase it lists is used."""
    loc = kb.localisation
    if loc is None:
        return []
    problems: list[Problem] = []
    if loc.home not in kb.jurisdictions:
        problems.append(Problem("localisation.yaml", "home", f"jurisdiction {loc.home!r} is not declared"))
    used: set[tuple[str, str]] = set()

    def said_elsewhere(kind: str, name: str) -> bool:
        """Whether words under this condition may be said to a draft of another country: not those said only
        while a law of the home country is in force."""
        example = kb.examples.get(name)
        return not (kind == "while" and example is not None and example.jurisdiction == loc.home)

    for crit in kb.criteria.values():
        for name, text in _localised_texts(crit):
            for lang in ("en", "ru"):
                written = said(text.get(lang), said_elsewhere)
                used |= {(lang, phrase) for phrase in loc.phrases_in(written, lang)}
                if left := loc.named(loc.apply(written, lang)):
                    problems.append(Problem(
                        kb.origin.get(f"criterion:{crit.id}", ""), f"criterion {crit.id}",
                        f"the {lang} {name} still names the home country for a draft of another one: {left!r}; "
                        "add the phrase to localisation.yaml"))
    problems += [Problem("localisation.yaml", f"{lang}: {r.as_written}", "no text uses this phrase")
                 for lang in ("en", "ru") for r in getattr(loc, lang) if (lang, r.as_written) not in used]
    return problems


def _check_ages(kb: KnowledgeBase) -> list[Problem]:
    """``ages.yaml`` stays true of the model clauses: each criterion listed under an age names it in both
    languages, and each clause that names one of the ages is listed under it, unless it is listed as naming ages
    only as the bounds of age groups; its norms and examples resolve."""
    problems: list[Problem] = [Problem("ages.yaml", "age groups", f"criterion {c!r} does not resolve")
                               for c in kb.age_group_criteria if c not in kb.criteria]
    problems += [Problem("ages.yaml", "defining criteria", f"criterion {c!r} does not resolve")
                 for c in (*kb.defining_criteria, kb.child_definition_criterion) if c and c not in kb.criteria]
    for threshold in kb.ages:
        entry = f"age {threshold.age}"
        messages = _unresolved(kb, threshold.norms, threshold.examples)
        messages += [f"criterion {c!r} does not resolve" for c in threshold.criteria if c not in kb.criteria]
        for crit in kb.criteria.values():
            clause = crit.recommendation.model_clause
            unnamed = [lang for lang, text in (("en", clause.en), ("ru", clause.ru))
                       if _age_word(threshold, lang) not in text.lower()]
            if crit.id in threshold.criteria:
                messages += [f"the {lang} model clause of {crit.id} does not name the age "
                             f"({_age_word(threshold, lang)!r})" for lang in unnamed]
            elif len(unnamed) < 2 and crit.id not in kb.age_group_criteria:
                messages.append(f"the model clause of {crit.id} names the age but the criterion is not listed")
        problems += [Problem("ages.yaml", entry, message) for message in messages]
    return problems


def _age_word(threshold: AgeThreshold, lang: str) -> str:
    return getattr(threshold.words, lang).lower()


def _concepts_of_area(area: Area) -> Iterator[str]:
    yield from area.tagging.concepts
    yield from area.tagging.weights
    yield from area.tagging.duty_holders
    yield from area.placement


def _no_law_in_force(kb: KnowledgeBase, what: str, laws: tuple[str, ...]) -> list[str]:
    """What is wrong with the ``laws`` a text (``what``: a model clause, a definition) says words only while or
    unless they are in force: each that is no example of law in force."""
    return [f"the {what} has words that depend on {ex!r} being law in force, which is no example of law in force"
            for ex in laws if not _is_law_in_force(kb, ex)]


def _is_law_in_force(kb: KnowledgeBase, example: str) -> bool:
    return example in kb.examples and kb.examples[example].in_force


def _concepts_of_criterion(crit: Criterion) -> Iterator[str]:
    for group in crit.detect.elements:
        yield from group
    yield from crit.detect.field
    for general in crit.detect.general:
        yield from (concept for group in general.alongside for concept in group)
    if crit.risk:
        lowering = [group for low in crit.risk.lowered for group in [*low.by, *low.unless]]
        for group in [*crit.risk.triggers, *crit.risk.safeguards, *crit.risk.exempt, *lowering]:
            yield from group
    yield from crit.recommendation.target
