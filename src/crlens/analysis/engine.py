"""The review engine: provision tree + knowledge base -> :class:`~crlens.analysis.review.Review`.

Steps, each driven by the knowledge base and none holding child-rights prose of its own:

1. **Concepts.** Every provision's heading and text are matched against the lexicon (lemmas, prefixes,
   patterns); a provision's *subtree* concepts are its own plus its descendants'.
2. **Tagging.** An article gets an area when the weighted concepts of the area's tagging rule reach its
   threshold; a part of the article gets those of the article's areas whose concepts it contains itself, so an
   article's areas always include its parts'. Child relevance follows ``relevance.yaml``.
3. **Criteria.** A criterion's elements (groups of concepts) are looked for in the smallest provision that
   holds most of them: all elements make it *addressed*, ``partial_min`` of them with the first one *partial*,
   fewer a *gap*; when the draft does not regulate the criterion's field at all it is *not-applicable*, and
   one observation per area names the fields it leaves to other laws.
4. **Risks.** A provision that meets a risk rule's triggers, in an article that lacks the rule's safeguards.
5. **Recommendations.** One per gap, partial criterion or risk, merged where they share an area and a target,
   with the issue naming the draft's real provisions, the model clause, the justification and the sources.

Every quote is cut from the provision's own text and checked to occur there verbatim before it is written
(:func:`verify_quotes`); a failure raises :class:`UnfoundedQuoteError`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass, field

from crlens import __version__
from crlens.analysis.act_name import ActName, act_name, is_draft, name_the_act
from crlens.analysis.children import as_children
from crlens.analysis.definitions import definition_style, reworded
from crlens.analysis.duty import duty_holder_spans
from crlens.analysis.jurisdiction import (
    detect_jurisdiction,
    examples_of_act,
    in_brackets,
    is_national,
    laws_in_force_cited,
    localised,
    national_in_force,
    national_label,
)
from crlens.analysis.labels import (
    anchor_of,
    article_of,
    cite,
    inserted_number,
    label,
    label_genitive,
    label_in,
    labels,
    labels_in,
    last_item_semicolon,
    listed,
    new_after,
    numbers,
    present_text_numbered,
    renumber_own_paragraphs,
    run_on,
    within,
)
from crlens.analysis.language import analyzer as get_analyzer
from crlens.analysis.matcher import ConceptMatcher, Hit
from crlens.analysis.references import RulePlace, article_of_text, refer_to_rules
from crlens.analysis.review import (
    ActInfo,
    Amendment,
    AreaResult,
    Coverage,
    CriterionResult,
    DefinedTerm,
    DocumentInfo,
    Evidence,
    Level,
    NewChapter,
    Observation,
    PositiveFinding,
    ProposedText,
    ProvisionResult,
    Recommendation,
    RecommendationRu,
    Review,
    Risk,
    Signal,
    Source,
    TermUse,
    Tool,
    reading_order,
)
from crlens.analysis.terminology import (
    adapt_en,
    adapt_ru,
    as_the_acts_own_body,
    names_by_alternative,
    uses_term,
)
from crlens.ingest.model import ARTICLE_WORDS, Document, Naming, Provision
from crlens.knowledge.loader import KnowledgeBase, load, rule_set_members
from crlens.knowledge.models import (
    AREA_IDS,
    PRIORITY_RANK,
    RISK_OPENING,
    RISK_OPENING_EACH,
    SUBPARAGRAPH,
    Area,
    ConceptGroup,
    Criterion,
    Example,
    GeneralElement,
    Lowering,
    Phrase,
    Phrases,
    RiskRule,
    TermDefinition,
    Text,
    left_bare,
    said,
)

QUOTE_MAX = 280
RELATIVE_CUT = 0.5
TOP_CAP = 2.5
MAX_AREAS = 4
SIDE_CUT = 0.4
RELEVANCE_MIN_HITS = 2
CLOSING = "final-provisions"
ONE_BODY = "designated-body"
COMPETENCE = "competence-mandate"
DEFINED_TERM = "defined-term-clause"
LEAD_WORDS = 4
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "by", "with", "at", "from",
    "в", "во", "и", "или", "по", "на", "о", "об", "к", "с", "со", "при", "для", "из", "от",
})
"""Words a heading's lead is not counted in: English needs articles and prepositions where Russian uses cases."""


_LIST_ITEMS = frozenset({"subparagraph", "point"})
"""Kinds of provision that are items of a list ("1) ...", "(a) ...") under a lead-in."""


class UnfoundedQuoteError(AssertionError):
    """A quote that does not occur verbatim in the provision it cites: a bug, never a user error."""


@dataclass(frozen=True, slots=True)
class Found:
    """A concept occurrence inside a provision: which field it is in and the hit."""

    provision: Provision
    field: str
    hit: Hit


@dataclass
class _Analysis:
    """Per-document working state: concept occurrences per provision and per subtree."""

    own: dict[str, dict[str, list[Found]]] = field(default_factory=dict)
    duty: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per provision, how many times each concept names who carries an obligation (see :mod:`.duty`)."""
    subtree: dict[str, set[str]] = field(default_factory=dict)
    areas: dict[str, list[str]] = field(default_factory=dict)
    signals: dict[str, list[Signal]] = field(default_factory=dict)
    definitions: set[str] = field(default_factory=set)
    """Ids of the draft's definitions articles: they name everything, one term per sub-paragraph."""
    defines: dict[str, int] = field(default_factory=dict)
    """Per provision that defines a term, the concepts the term's first words name, as a :meth:`mask`: the
    definition of "child" is about children in a way the definition of "website directed to children" is not."""
    risk_notes: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Per risk id, the sentence (en, ru) naming where else the draft provides a safeguard the article lacks."""

    _units: dict[tuple[str, bool], list[tuple[Provision, int, int]]] = field(default_factory=dict)
    _held: dict[str, frozenset[str]] = field(default_factory=dict)
    _subtree_masks: dict[str, int] = field(default_factory=dict)
    _headed: dict[str, frozenset[str]] = field(default_factory=dict)
    _framed: dict[str, frozenset[str]] = field(default_factory=dict)
    _bits: dict[str, int] = field(default_factory=dict)

    def mask(self, concepts: Iterable[str]) -> int:
        """``concepts`` as a bit set: testing a provision against a criterion's elements is then one ``&`` per
        element, and a long draft has hundreds of thousands of such tests."""
        mask = 0
        for concept in concepts:
            bit = self._bits.get(concept)
            if bit is None:
                bit = self._bits[concept] = 1 << len(self._bits)
            mask |= bit
        return mask

    def units(self, article: Provision, whole: bool) -> list[tuple[Provision, int, int]]:
        """The candidate provisions of an article with their concepts (plus the article heading's, as a
        :meth:`mask`) and depth.

        The article's heading frames all its parts ("Article 27. Personal data of children").
        """
        key = (article.id, whole)
        if key not in self._units:
            heading = self.headed(article)
            nodes = article.walk() if whole or not article.children else article.walk()[1:]
            self._units[key] = [(node, self.mask(self.held(node) | heading), _depth(node)) for node in nodes]
        return self._units[key]

    def held(self, node: Provision) -> set[str]:
        """The concepts a provision holds together: its own text's and its parts', but not its list items' taken
        together. A list item is read with its lead-in, not with its sibling items: a list of an authority's
        powers that names children in one item and blocking in another makes no rule on blocking for children.
        Each item is a candidate provision of its own, read with what is above it."""
        concepts = self._together(node)
        if node.kind in _LIST_ITEMS:
            concepts |= self.above(node)
        return concepts

    def above(self, node: Provision, within_article: bool = False) -> set[str]:
        """The concepts of the texts above a provision (its lead-in, the paragraph and the article it sits in),
        with which a list item is read; with ``within_article``, not those of the chapter and section headings
        above the article ("Section 3. Data and innovative technologies" permits nothing to the items in it)."""
        concepts: set[str] = set()
        parent = node.parent
        while parent is not None:
            concepts |= self.lead(parent).keys()
            if within_article and parent.kind == "article":
                break
            parent = parent.parent
        return concepts

    def lead(self, provision: Provision) -> dict[str, list[Found]]:
        """The concepts of a provision's own words above its parts: all of :attr:`own`, but for the part that
        follows its list (``Provision.tail_at``), a rule of its own that the items are not read with."""
        found = self.own.get(provision.id, {})
        if not provision.tail_at:
            return found
        above = {c: [f for f in fs if f.field == "heading" or f.hit.start < provision.tail_at]
                 for c, fs in found.items()}
        return {c: fs for c, fs in above.items() if fs}

    def subtree_mask(self, provision: Provision) -> int:
        """:attr:`subtree` of the provision as a :meth:`mask`, computed once: every criterion asks it of every
        article."""
        if provision.id not in self._subtree_masks:
            self._subtree_masks[provision.id] = self.mask(self.subtree[provision.id])
        return self._subtree_masks[provision.id]

    def _together(self, node: Provision) -> set[str]:
        if node.id not in self._held:
            concepts = set(self.own.get(node.id, {}))
            for child in node.children:
                if child.kind not in _LIST_ITEMS:
                    concepts |= self._together(child)
            self._held[node.id] = frozenset(concepts)
        return set(self._held[node.id])

    def headed(self, provision: Provision) -> frozenset[str]:
        """The concepts the provision's own heading names, computed once: placing recommendations asks it of every
        article again and again."""
        if provision.id not in self._headed:
            self._headed[provision.id] = frozenset(
                c for c, found in self.own[provision.id].items() if any(f.field == "heading" for f in found))
        return self._headed[provision.id]

    def framed(self, article: Provision) -> frozenset[str]:
        """The concepts named by the headings of the chapters, sections and parts an article sits in, computed
        once per container: "Chapter VIII. Remedies, liability and penalties" frames every article in it."""
        parent = article.parent
        if parent is None:
            return frozenset()
        if parent.id not in self._framed:
            self._framed[parent.id] = self.framed(parent) | self.headed(parent)
        return self._framed[parent.id]

    def leads(self, provision: Provision) -> set[str]:
        """The concepts named by the first words of the provision's heading (``LEAD_WORDS``), which say what the
        article is: "Digital platforms", "Operator of e-government", but not "Right to erasure ... of personal
        data"."""
        heading = provision.heading or ""
        # function words do not count, so that "Obligations of the online platform operator" leads with the
        # operator as "Обязанности оператора онлайн-платформы" does
        words = [w for w in re.finditer(r"\w[\w-]*", heading) if w.group().lower() not in _FUNCTION_WORDS]
        end = words[LEAD_WORDS - 1].end() if len(words) >= LEAD_WORDS else len(heading)
        return {c for c, found in self.own[provision.id].items()
                if any(f.field == "heading" and f.hit.start < end for f in found)}

    def first(self, provision: Provision, concepts: Iterable[str]) -> Found | None:
        """The first occurrence of any of ``concepts`` in the text of ``provision``'s subtree, in document order;
        a heading's only when no text has one. A heading ("Self-regulatory incentives") names a subject; the
        text says what the law does with it, and that is what a lawyer wants quoted."""
        wanted = set(concepts)
        heading: Found | None = None
        for node in provision.walk():
            hits = [f for concept, found in self.own.get(node.id, {}).items() if concept in wanted for f in found]
            text = [f for f in hits if f.field == "text"]
            if text:
                return min(text, key=lambda f: f.hit.start)
            if heading is None and hits:
                heading = min(hits, key=lambda f: f.hit.start)
        return heading


def matcher_for(kb: KnowledgeBase, lang: str) -> ConceptMatcher:
    """The concept matcher for a knowledge base and language, compiled once and kept with the knowledge base."""
    key = f"matcher:{lang}"
    if key not in kb.derived:
        kb.derived[key] = ConceptMatcher(kb, get_analyzer(lang))
    return kb.derived[key]


def review_document(document: Document, kb: KnowledgeBase | None = None,
                    step: Callable[[str], None] | None = None) -> Review:
    """Review a parsed draft against the knowledge base; ``step`` is told the name of each stage."""
    kb = kb or load()
    tell = step or (lambda _name: None)
    matcher = matcher_for(kb, document.language)
    tell("concepts")
    state = _find_concepts(document, matcher, _duty_concepts(kb))
    tell("tagging")
    relevance = _tag(document, kb, state)
    tell("criteria")
    regulated = _regulated([p for p in document.provisions if p.kind == "article"], state)
    results, best_units, subject_units = _assess(document, kb, state, regulated)
    tell("risks")
    risks = _risks(document, kb, state)
    tell("recommendations")
    home = detect_jurisdiction(document, kb)
    kb = localised(kb, home)  # a draft of another country: our texts without the country they name
    recommendations = _recommend(document, kb, state, results, best_units, subject_units, risks, home)
    name = act_name(document.text, document.language)
    conditions = _conditions(document, kb, state, regulated, home)
    places = _write_proposed_texts(document, kb, recommendations, name, conditions, home)
    _refer_to_rules(document, kb, recommendations, results, places, name)
    _cite_law_in_force(kb, recommendations, home)
    _name_children_as_defined(kb, recommendations, results)
    if document.article_word == "section":
        _in_sections(recommendations)
    act = ActInfo(name=name.en, name_ru=name.ru, status="draft" if is_draft(document.text) else "adopted")
    review = Review(
        tool=Tool(version=__version__),
        document=DocumentInfo(
            **{k: v for k, v in document.document_json().items() if k != "definitions"},
            definitions=[DefinedTerm(term=d.term, provision=d.provision) for d in document.definitions],
            act=act,
            jurisdiction=home,
        ),
        coverage=_coverage(document, kb, relevance),
        provisions=_provision_results(document, state, relevance),
        areas=_area_results(document, kb, state, results),
        criteria=list(results.values()),
        risks=risks,
        recommendations=recommendations,
        positive_findings=_positives(kb, results),
        observations=_observations(document, kb, results, recommendations, matcher),
    )
    _speak_of_the_act(review)
    verify_quotes(review)
    return review


def _speak_of_the_act(review: Review) -> None:
    """Our findings about "the draft" speaking of an act in force by its name ("The Code does not ...")."""
    act = review.document.act
    for rec in review.recommendations:
        rec.issue = act.speak(rec.issue, "en")
        rec.ru.issue = act.speak(rec.ru.issue, "ru")
        rec.solution = act.speak(rec.solution, "en")
        rec.ru.solution = act.speak(rec.ru.solution, "ru")
    for observation in review.observations:
        if observation.kind != "parse-warning":
            observation.text = act.speak(observation.text, "en")
            observation.text_ru = act.speak(observation.text_ru, "ru")
    for result in review.criteria:
        result.note = act.speak(result.note, "en")


# --- 1. concepts -------------------------------------------------------------------------------------------


def _duty_concepts(kb: KnowledgeBase) -> frozenset[str]:
    """The concepts some area's tagging weighs as duty holders."""
    return frozenset(c for area in kb.areas.values() for c in area.tagging.duty_holders)


def _find_concepts(document: Document, matcher: ConceptMatcher, duty_concepts: frozenset[str] = frozenset()
                   ) -> _Analysis:
    """Concept occurrences per provision; for ``duty_concepts``, also where they name who carries a duty."""
    state = _Analysis(definitions={article_of(d.provision) for d in document.definitions})
    for node in document.provisions:
        found: dict[str, list[Found]] = {}
        duty: dict[str, int] = {}
        for field_name in ("heading", "text"):
            text = getattr(node, field_name)
            tokens = matcher.analyzer.tokens(text) if text else []
            hits = matcher.find(text, tokens)
            spans = (duty_holder_spans(matcher.analyzer, text, field_name == "heading", tokens)
                     if any(h.concept in duty_concepts for h in hits) else [])
            for hit in hits:
                found.setdefault(hit.concept, []).append(Found(node, field_name, hit))
                if any(a <= hit.start < b for a, b in spans):
                    duty[hit.concept] = duty.get(hit.concept, 0) + 1
        state.own[node.id] = found
        state.duty[node.id] = duty
    for definition in document.definitions:
        node = document.get(definition.provision)
        start = node.text.find(definition.term) if node is not None else -1
        if node is None or start < 0:
            continue
        # the term's head: "website directed to children" is a website, not a child
        state.defines[node.id] = state.mask(
            concept for concept, found in state.own[node.id].items()
            if any(f.field == "text" and start <= f.hit.start <= start + 1 for f in found))
    for node in reversed(document.provisions):
        concepts = set(state.own[node.id])
        for child in node.children:
            concepts |= state.subtree[child.id]
        state.subtree[node.id] = concepts
    return state


# --- 2. tagging --------------------------------------------------------------------------------------------


def _terms(state: _Analysis, provision: Provision, concepts: Iterable[str], limit: int = 6) -> list[str]:
    wanted = set(concepts)
    seen: list[str] = []
    for node in provision.walk():
        for concept, found in state.own.get(node.id, {}).items():
            if concept in wanted:
                for f in found:
                    word = f.hit.text.strip()
                    if word and word.lower() not in (s.lower() for s in seen):
                        seen.append(word)
    return seen[:limit]


_RECURRENCE = (0.0, 0.6, 1.0, 1.25)
"""How much a concept counts by how often the provision mentions it: once is a word in passing (``areas.md``: "a
word in passing does not count"), twice counts in full, more a little more, up to 1.5 from four mentions on."""


def _area_score(kb: KnowledgeBase, area_id: str, mentions: dict[str, int], headed: Set[str],
                duties: dict[str, int] | None = None) -> float:
    """Weighted evidence that a provision belongs to an area.

    Each of the area's concepts adds its weight times a factor for how often the provision mentions it
    (``_RECURRENCE``); a concept the heading names counts in full and half as much again. A concept the area
    weighs as a duty holder counts at least its duty-holder weight once the provision makes it carry an
    obligation, more when it does so again.
    """
    tagging = kb.areas[area_id].tagging
    score = 0.0
    for concept in tagging.concepts:
        n = mentions.get(concept, 0)
        if n:
            factor = _RECURRENCE[n] if n < len(_RECURRENCE) else 1.5
            if concept in headed and concept not in tagging.duty_holders:
                factor = max(factor, 1.0) * 1.5
            value = tagging.weights.get(concept, 1.0) * factor
            d = duties.get(concept, 0) if duties and concept in tagging.duty_holders else 0
            if d:
                value = max(value, tagging.duty_holders[concept] * _DUTY_RECURRENCE[min(d, 3)])
            score += value
    return score


FRAMING = 0.25
"""A reader takes an article in its chapter, but "Chapter 3. Personal data" may also hold the article on a
register's operator: a concept the chapter's heading names adds a quarter of its weight, enough to tip a close
call and no more."""


def _framing(kb: KnowledgeBase, scores: dict[str, float], framed: Set[str]) -> dict[str, float]:
    """What the concepts the headings of an article's chapters name (``framed``) add to its own area ``scores``,
    by area: ``FRAMING`` times each one's weight, and only to an area the article itself speaks of, so that a
    chapter tips a close call and puts no article in its area on its own."""
    framing: dict[str, float] = {}
    for area_id, score in scores.items():
        tagging = kb.areas[area_id].tagging
        framing[area_id] = sum(FRAMING * tagging.weights.get(c, 1.0) for c in tagging.concepts
                               if c in framed) if score else 0.0
    return framing


_DUTY_RECURRENCE = (0.0, 1.0, 1.25, 1.5)
"""A duty is no word in passing: one counts in full, more a little more."""


def _duties(state: _Analysis, provision: Provision) -> dict[str, int]:
    """For each concept, how many times it names a duty holder in the subtree."""
    counts: dict[str, int] = {}
    for node in provision.walk():
        for concept, n in state.duty.get(node.id, {}).items():
            counts[concept] = counts.get(concept, 0) + n
    return counts


def _mentions(state: _Analysis, provision: Provision) -> dict[str, int]:
    """For each concept, how many times it occurs in the subtree (headings and texts)."""
    counts: dict[str, int] = {}
    for node in provision.walk():
        for concept, found in state.own.get(node.id, {}).items():
            counts[concept] = counts.get(concept, 0) + len(found)
    return counts


def _governs(state: _Analysis, provision: Provision, concepts: set[str]) -> bool:
    """Whether a provision does more than mention an indirect-relevance subject in passing.

    Naming a child or a parent once makes a provision ``direct``; but a single reference to, say, "the
    legislation on cybersecurity" in an internal procedure does not mean the provision governs something
    children use. It counts when the provision's heading names such a subject, or when its subtree does at least
    ``RELEVANCE_MIN_HITS`` times.
    """
    hits = 0
    for node in provision.walk():
        for concept, found in state.own.get(node.id, {}).items():
            if concept in concepts:
                if node is provision and any(f.field == "heading" for f in found):
                    return True
                hits += len(found)
                if hits >= RELEVANCE_MIN_HITS:
                    return True
    return False


def _main_areas(kb: KnowledgeBase, scores: dict[str, float], headed: Set[str], definitions: bool,
                framing: dict[str, float]) -> list[str]:
    """The areas an article with these area scores belongs to, in the order of ``AREA_IDS``.

    An article is about a few things: keep the areas that pass their threshold and score close to its main one.
    The main score is capped so that an article saturated with one area's vocabulary (every article of a data
    protection law is full of "personal data") does not push out a second area with solid evidence of its own.
    A definitions article names every subject of the law once or twice; it is about the few it is mostly about,
    so its main score is not capped. An area with less than SIDE_CUT of the main area's uncapped evidence, and
    which the heading does not name either, is a side remark of the article rather than one of its subjects.
    What the chapter's heading adds (``framing``, by area) counts toward an area's own score, but the main score
    the others are measured against is the article's own: a chapter on principles does not push out a second
    subject of an article in it by raising the bar.
    """
    framed = {a: score + framing[a] for a, score in scores.items()}
    passing = [a for a, score in framed.items() if score >= kb.areas[a].tagging.threshold]
    full_top = max((scores[a] for a in passing), default=0.0)
    top = full_top if definitions else min(full_top, TOP_CAP)
    kept = sorted((a for a in passing if framed[a] >= RELATIVE_CUT * top
                   and (framed[a] >= SIDE_CUT * full_top or headed & set(kb.areas[a].tagging.concepts))),
                  key=lambda a: -framed[a])[:MAX_AREAS]
    return [a for a in AREA_IDS if a in kept]


def _tag(document: Document, kb: KnowledgeBase, state: _Analysis) -> dict[str, tuple[str, list[str]]]:
    relevance: dict[str, tuple[str, list[str]]] = {}
    rules = kb.relevance
    assert rules is not None
    wanted = set(rules.indirect)
    for node in document.provisions:
        concepts = state.subtree[node.id]
        direct = [c for c in rules.direct if c in concepts]
        indirect = [c for c in rules.indirect if c in concepts]
        if indirect and not direct and not _governs(state, node, wanted):
            indirect = []
        if direct:
            relevance[node.id] = ("direct", _terms(state, node, direct))
        elif indirect:
            relevance[node.id] = ("indirect", _terms(state, node, indirect))
        else:
            relevance[node.id] = ("none", [])
    for article in document.provisions:
        if article.kind not in {"article", "annex"}:
            continue
        mentions = _mentions(state, article)
        headed = state.headed(article)
        duties = _duties(state, article)
        scores = {a: _area_score(kb, a, mentions, headed, duties) for a in AREA_IDS if a in kb.areas}
        framing = _framing(kb, scores, state.framed(article))
        areas = _main_areas(kb, scores, headed, article.id in state.definitions, framing)
        state.areas[article.id] = areas
        state.signals[article.id] = [
            Signal(area=a, terms=_terms(state, article, kb.areas[a].tagging.concepts),
                   score=round(scores[a] + framing[a], 2))
            for a in areas]
        for part in article.walk()[1:]:
            own_concepts = state.subtree[part.id]
            part_areas = [a for a in areas if own_concepts & set(kb.areas[a].tagging.concepts)]
            state.areas[part.id] = part_areas
            part_mentions = _mentions(state, part) if part_areas else {}
            part_duties = _duties(state, part) if part_areas else {}
            state.signals[part.id] = [
                Signal(area=a, terms=_terms(state, part, kb.areas[a].tagging.concepts),
                       score=round(_area_score(kb, a, part_mentions, set(), part_duties), 2)) for a in part_areas]
    return relevance


# --- 3. criteria -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    """The provision that best meets a criterion, and which of its elements it meets."""

    provision: Provision
    met: tuple[bool, ...]
    names: bool = False
    """The provision defines a term that names the criterion's first element (the definition of "child")."""

    @property
    def count(self) -> int:
        return sum(self.met)

    @property
    def rank(self) -> tuple[int, int, int, int]:
        return _rank(self.met, self.names, _depth(self.provision))


def _rank(met: tuple[bool, ...], names: bool, depth: int) -> tuple[int, int, int, int]:
    """How well a provision meets a criterion, higher is better: most elements met, then the first element, then
    a definition of it, then the smallest provision."""
    return (sum(met), int(met[0]), int(names), depth)


def _met(groups: list[ConceptGroup], concepts: set[str]) -> tuple[bool, ...]:
    return tuple(not concepts.isdisjoint(group) for group in groups)


def _met_bits(mask: int, masks: list[int]) -> tuple[bool, ...]:
    """:func:`_met` on bit sets (:meth:`_Analysis.mask`): which groups the provision's concepts meet."""
    return tuple(mask & m != 0 for m in masks)


def _article(provision: Provision) -> Provision:
    return provision.article or provision


def _depth(provision: Provision) -> int:
    depth = 0
    node = provision
    while node.parent is not None and node.kind != "article":
        depth += 1
        node = node.parent
    return depth


def _best_unit(article: Provision, groups: list[ConceptGroup], state: _Analysis, whole: bool = True) -> _Unit:
    """The smallest provision of the article that meets the most elements (the first element weighs most).

    With ``whole=False`` the article as a whole is not a candidate, only its parts: a definitions article
    mentions everything, one term per sub-paragraph, and must not meet a criterion by adding them up.
    """
    masks = [state.mask(group) for group in groups]
    anything = state.mask(c for group in groups for c in group)
    nothing = (False,) * len(groups)
    best: _Unit | None = None
    best_key: tuple[int, int, int, int] = (-1, -1, -1, -1)
    for node, mask, depth in state.units(article, whole):
        met = _met_bits(mask, masks) if mask & anything else nothing
        names = bool(state.defines.get(node.id, 0) & masks[0])
        key = _rank(met, names, depth)
        if key > best_key:
            best, best_key = _Unit(node, met, names), key
    assert best is not None
    return best


def _assess(document: Document, kb: KnowledgeBase, state: _Analysis, regulated: Set[str]
            ) -> tuple[dict[str, CriterionResult], dict[str, _Unit], dict[str, list[_Unit]]]:
    """Each criterion's result, the provision that best meets it and, per criterion, the best provision of each
    article that names its first element (its subject), best first: an unmet criterion's issue names where the
    draft speaks of the subject at all. ``regulated``: the concepts the draft regulates (:func:`_regulated`); a
    criterion whose field is none of them does not apply."""
    articles = [p for p in document.provisions if p.kind == "article"]
    results: dict[str, CriterionResult] = {}
    best_units: dict[str, _Unit] = {}
    subject_units: dict[str, list[_Unit]] = {}
    for crit in kb.criteria.values():
        groups = crit.detect.elements
        labels = [_group_label(kb, g) for g in groups]
        if crit.detect.field and not any(c in regulated for c in crit.detect.field):
            results[crit.id] = CriterionResult(
                id=crit.id, area=crit.area, status="not-applicable", evidence=[], confidence=0.8,
                missing=[_group_label(kb, crit.detect.field)],
                note="the draft does not regulate this field")
            continue
        # Only articles that touch at least one element can hold the best provision.
        anything = state.mask(c for group in groups for c in group)
        touching = [a for a in articles if state.subtree_mask(a) & anything]
        # among equals, the one that speaks of children, then the one whose article's heading names more of what
        # it meets: KZ Code art. 42, "Digital accessibility and the rights of persons with disabilities", before
        # art. 10, "Accessibility and inclusiveness" (audit K6); stable: a tie keeps document order
        units = sorted((_best_unit(a, groups, state, whole=a.id not in state.definitions) for a in touching),
                       key=lambda u: (u.rank, _tie_break(state, u, groups)), reverse=True)
        partial_min = crit.detect.partial_min or max(2, len(groups) - 1)
        full = [u for u in units if u.count == len(groups) and _together_in_a_part(u, groups, state)]
        best = units[0] if units else None
        if full:
            status, chosen = "addressed", full[:3]
            confidence = 0.9 if _depth(full[0].provision) > 0 or len(groups) > 2 else 0.75
        elif best is not None and best.count == len(groups):
            # an article meets every element, but not of one rule: shown by its part on the subject, with what
            # that part leaves out
            best = _part_on_subject(best.provision, groups, state) or best
            status, chosen, confidence = "partial", [best], 0.6
        elif best is not None and best.met[0] and best.count >= min(partial_min, len(groups)):
            status, chosen, confidence = "partial", [best], 0.6
        else:
            status, chosen, confidence = "gap", [], 0.7
        evidence: list[Evidence] = []
        for unit in chosen:
            for ok, group in zip(unit.met, groups, strict=True):
                if not ok:
                    continue
                found = _occurrence(state, unit, group)
                if found is not None:
                    ev = Evidence(provision=found.provision.id, quote=_quote(found))
                    if ev not in evidence:
                        evidence.append(ev)
                if len(evidence) >= 4:
                    break
        shown = chosen[0] if chosen else best
        results[crit.id] = CriterionResult(
            id=crit.id, area=crit.area, status=status, evidence=evidence, confidence=confidence,
            found=[_found_label(kb, state, shown, group)
                   for group, ok in zip(groups, shown.met, strict=True) if ok] if shown else [],
            missing=[lab for lab, ok in zip(labels, shown.met, strict=True) if not ok] if shown else labels,
        )
        if best is not None:
            best_units[crit.id] = best
            subject_units[crit.id] = [u for u in units if u.met[0]]
    return results, best_units, subject_units


def _tie_break(state: _Analysis, unit: _Unit, groups: list[ConceptGroup]) -> tuple[bool, int]:
    """What decides between provisions that meet a criterion equally well: whether ``unit`` meets the element
    naming the child (the AI Act's risk management, art. 9, over the deployers' impact assessment, art. 27, for
    high-risk AI and children), then how many of the elements it meets its article's heading names."""
    headed = state.headed(_article(unit.provision))
    child = any(ok and _EVERY_RULES_SUBJECT in group for group, ok in zip(groups, unit.met, strict=True))
    return child, sum(1 for group, ok in zip(groups, unit.met, strict=True) if ok and not headed.isdisjoint(group))


def _together_in_a_part(unit: _Unit, groups: list[ConceptGroup], state: _Analysis) -> bool:
    """Whether an article that meets a criterion only as a whole speaks of its subject and of children in one of
    its parts: the elements of one scheme may sit in several paragraphs (a complaint channel in one, its deadline
    in the next), but a ban on profiling on sensitive data in one paragraph and a ban on targeted ads to minors in
    the next make no ban on profiling children (Law OP art. 20(3), (4)). A provision below the article, or an
    article without paragraphs, holds its elements together already."""
    article = unit.provision
    child = next((i for i, group in enumerate(groups) if _EVERY_RULES_SUBJECT in group), None)
    if child in (None, 0) or article.kind != "article" or all(c.kind in _LIST_ITEMS for c in article.children):
        return True
    subject, children = state.mask(groups[0]), state.mask(groups[child])
    return any(mask & subject and mask & children
               for node, mask, _ in state.units(article, True) if node is not article)


def _part_on_subject(article: Provision, groups: list[ConceptGroup], state: _Analysis) -> _Unit | None:
    """The part of an article that best meets a criterion among those that name its first element (its subject)."""
    masks = [state.mask(group) for group in groups]
    parts = [_Unit(node, _met_bits(mask, masks))
             for node, mask, _ in state.units(article, True) if node is not article]
    return max((u for u in parts if u.met[0]), key=lambda u: u.rank, default=None)


def _occurrence(state: _Analysis, unit: _Unit, group: ConceptGroup) -> Found | None:
    """Where the provision meets an element: its first occurrence in the provision, else in the lead-ins it is read
    with, nearest first, else anywhere in its article (its heading last). A list item meets "the owner" in its own
    lead-in («Собственники ... обязаны:»), not in the article's first paragraph on another matter (Law OP art.
    9(1))."""
    found = state.first(unit.provision, group)
    node = unit.provision
    while found is None and node.parent is not None and node.parent.kind != "article":
        node = node.parent
        hits = [f for concept, fs in state.lead(node).items() if concept in group for f in fs if f.field == "text"]
        found = min(hits, key=lambda f: f.hit.start) if hits else None
    return found or state.first(_article(unit.provision), group)


def _named(state: _Analysis, unit: _Unit, group: ConceptGroup) -> list[str]:
    """The concept of a met element that the provision names (the first it names): what a finding says the text
    mentions is what the text says, not every alternative the criterion would accept."""
    found = _occurrence(state, unit, group)
    return [found.hit.concept] if found is not None else list(group)


def _found_label(kb: KnowledgeBase, state: _Analysis, unit: _Unit, group: ConceptGroup, lang: str = "en") -> str:
    """How a finding names a met element: by the concept the provision names (:func:`_named`), and when its words
    are a narrower concept's that count as that one (``counts_as``), by the narrower one, the words the quote
    shows: «недостижения лицом шестнадцатилетнего возраста» meets "children" but mentions a person under a set
    age, not children."""
    found = _occurrence(state, unit, group)
    return _group_label(kb, [_as_named(found.hit)] if found is not None else group, lang)


def _as_named(hit: Hit) -> str:
    """The concept a hit's words name: the narrower one they are a term of, else the concept found."""
    return hit.named or hit.concept


def _regulated(articles: list[Provision], state: _Analysis) -> set[str]:
    """The concepts the draft regulates: named outside its definitions articles, or defined as terms of their own.

    A definitions article names things in passing ("a service reached over telecommunications networks"); a law
    that speaks of telecoms only there does not regulate telecoms.
    """
    defined = 0
    for bits in state.defines.values():
        defined |= bits
    regulated: set[str] = set()
    for article in articles:
        concepts = state.subtree[article.id]
        if article.id in state.definitions:
            concepts = {c for c in concepts if state.mask([c]) & defined}
        regulated |= concepts
    return regulated


def _group_label(kb: KnowledgeBase, group: Iterable[str], lang: str = "en") -> str:
    names = []
    for concept_id in group:
        concept = kb.concepts.get(concept_id)
        if concept is None:
            names.append(concept_id)
        elif lang == "ru" and concept.label_ru:
            names.append(concept.label_ru)
        else:
            names.append(concept.label)
    joiner = " или " if lang == "ru" else " or "
    return joiner.join(names)


_CLAUSE_BREAK = re.compile(r"[.;:!?\n]")


def _quote(found: Found) -> str:
    """The clause around a hit, cut from the provision's own text so that it occurs there verbatim."""
    return _clause_around(getattr(found.provision, found.field), found.hit.start, found.hit.end, QUOTE_MAX)


def _clause_around(text: str, start: int, end: int, limit: int) -> str:
    """The clause of ``text`` around ``start``-``end``, cut to about ``limit`` characters at word boundaries."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_BREAK.search(text, end)
    right = right_match.start() if right_match else len(text)
    if right - left > limit:
        # a clause's opening names its subject ("The use of records ... is carried out without ..."): keep it
        # when the hit still fits after it, else centre the hit
        if end - left > limit:
            left = max(left, start - limit // 2)
        right = min(right, max(end, left + limit))
        while left > 0 and not text[left - 1].isspace() and left < start:
            left += 1
        while right < len(text) and not text[right].isspace() and right > end:
            right -= 1
    quote = text[left:right].strip()
    return quote or text[start:end]


RISK_QUOTE_MAX = 2 * QUOTE_MAX
"""A risk's quote may be longer than other evidence: it must show every word that makes the provision a risk."""


def _risk_quote(found: Found, triggers: list[ConceptGroup], state: _Analysis) -> str:
    """The words of a risky provision that hold all its triggers, each group's occurrence nearest the first
    trigger's: the state body, the use without consent and the personal data of "the use of records by state
    bodies ... without their owners' agreement, in compliance with the law on personal data", not a window that
    stops before the personal data (and hides the compliance clause). When they lie too far apart, the clause
    around the first trigger, as any evidence is quoted."""
    own = state.own.get(found.provision.id, {})
    start, end = found.hit.start, found.hit.end
    for group in triggers[1:]:
        hits = [f.hit for concept in group for f in own.get(concept, []) if f.field == found.field]
        if not hits:
            continue
        nearest = min(hits, key=lambda h: abs(h.start - found.hit.start))
        start, end = min(start, nearest.start), max(end, nearest.end)
    if end - start > RISK_QUOTE_MAX:
        return _quote(found)
    return _clause_around(getattr(found.provision, found.field), start, end, RISK_QUOTE_MAX)


_OPENS_CLAUSE = re.compile(r"(?:^|[.;:!?\n])\s*$")
_CLOSES_CLAUSE = re.compile(r"^\s*(?:[.;:!?\n]|$)")


def _elided(provision: Provision | None, quote: str) -> str:
    """A quote as the issue texts show it: with "…" where it starts or ends inside a clause of the provision (a
    long clause cut to ``QUOTE_MAX``), so that no reader takes a fragment for the whole. The evidence keeps the
    bare words, which occur verbatim in the provision."""
    if provision is None:
        return quote
    for text in (provision.text, provision.heading):
        at = text.find(quote) if quote else -1
        if at >= 0:
            head = "" if _OPENS_CLAUSE.search(text, 0, at) else "…"
            tail = "" if _CLOSES_CLAUSE.match(text[at + len(quote):]) else "…"
            return f"{head}{quote}{tail}"
    return quote


# --- 4. risks ----------------------------------------------------------------------------------------------


def _risks(document: Document, kb: KnowledgeBase, state: _Analysis) -> list[Risk]:
    risks: list[Risk] = []
    # A definitions article names risky things (biometrics, the sandbox) without permitting them.
    articles = [p for p in document.provisions if p.kind == "article" and p.id not in state.definitions]
    meeting: dict[tuple[tuple[str, ...], ...], list[Provision]] = {}
    for crit in kb.criteria.values():
        rule = crit.risk
        if rule is None:
            continue
        for article in articles:
            if not all(_met(rule.triggers, state.subtree[article.id])):
                continue
            safeguards = _met(rule.safeguards, state.subtree[article.id])
            if all(safeguards) or any(_met(rule.exempt, state.subtree[article.id])):
                continue
            unit = _risk_unit(article, rule.triggers, state)
            if unit is None:
                continue
            # the trigger may sit in the article heading, which frames every part
            found = (_risk_place(unit.provision, rule.triggers[0], state, rule.triggers[1:])
                     or _risk_place(article, rule.triggers[0], state, rule.triggers[1:]))
            lowered = functools.partial(_lowered_at, rule, state)
            if found is not None and lowered(found.provision):
                # a part that leaves the matter to the person (KZ Digital Code art. 48(2), a right to biometric
                # registration) is the lesser risk: a part of the article that does not (48(3), biometrics made
                # mandatory where laws provide) is the one to name
                found = _risk_place(article, rule.triggers[0], state, rule.triggers[1:],
                                    skip=lowered) or found
            if found is None:
                continue
            lacking = [g for g, ok in zip(rule.safeguards, safeguards, strict=True) if not ok]
            missing = [_group_label(kb, g) for g in lacking]
            where = found.provision.id
            risk_id = f"{rule.id}@{where}"
            note_en = note_ru = ""
            severity = rule.severity
            # what would lower the risk in the provision itself is said, lowered or not: a provision that cites
            # the law on personal data but permits use without the owners' agreement is no lower, and says why
            said = _lowering_at(rule, state, found.provision)
            if said is not None:
                lowering, kept = said
                note = lowering.kept_note if kept else lowering.note
                assert note is not None  # the model requires a kept_note with unless
                note_en, note_ru = f" {note.en}", f" {note.ru}"
                if not kept:
                    severity = _LOWER[severity]
            else:
                # a part of the same article that narrows the matter bounds this one too: art. 48(3) of the KZ
                # Digital Code allows mandatory biometrics only where laws provide, which the authentication of
                # art. 48(5) is; a risk named without it overstated the harm
                part = _lowered_part(article, found.provision, rule, state)
                if part is not None:
                    sibling, lowering = part
                    note_en, note_ru = (f" {text}" for text in _both(
                        _phrases(kb).lowered_in_article,
                        where=(label(sibling.id, naming=document.naming),
                               run_on(label(sibling.id, "ru", naming=document.naming))),
                        note=(_run_on_note(lowering.note.en), _run_on_note(lowering.note.ru))))
                    severity = _LOWER[severity]
            # A general safeguard elsewhere in the draft (a right to human review in another chapter) may cover
            # this provision: say where it is and lower the severity, rather than call the safeguard absent.
            # Only a provision on the same subject that holds the whole missing safeguard is one: children named
            # in one article and an exclusion in another are no rule that excludes children from biometrics.
            place = _safeguard_elsewhere(articles, state, article, [rule.triggers[0], *lacking], meeting)
            if place is not None:
                elsewhere = _both(_phrases(kb).safeguard_elsewhere,
                                  said=_what_is_mentioned(kb, state, place, lacking, document.naming))
                note_en += f" {elsewhere[0]}"
                note_ru += f" {elsewhere[1]}"
                severity = _LOWER[severity]
            if note_en:
                state.risk_notes[risk_id] = (note_en.strip(), note_ru.strip())
            risks.append(Risk(
                id=risk_id, criterion=crit.id, area=crit.area,
                provision=where, quote=_risk_quote(found, rule.triggers, state),
                description=f"{label(where, naming=document.naming)}: {rule.description.en}{note_en}",
                description_ru=f"{label(where, 'ru', naming=document.naming)}: {rule.description.ru}{note_ru}",
                severity=severity, missing=missing,
            ))
    return risks


_LOWER = {"high": "medium", "medium": "low", "low": "low"}


def _lowered_part(article: Provision, place: Provision, rule: RiskRule, state: _Analysis
                  ) -> tuple[Provision, Lowering] | None:
    """The first part of ``article`` apart from ``place`` (neither containing it nor inside it) that holds the
    risk's triggers and lowers it for the whole article (:func:`_lowered_at`, a lowering ``whole_article``), with
    its lowering; None when there is none."""
    for node in article.walk():
        if within(place.id, [node.id]) or within(node.id, [place.id]):
            continue
        said = _lowering_at(rule, state, node)
        if (said is not None and said[0].whole_article and not said[1]
                and all(_met(rule.triggers, state.subtree[node.id]))):
            return node, said[0]
    return None


_NOT_A_RISK_PLACE = ("definition-sentence", "protective-duty", "record-of-information", "stricter-regime-cases",
                     "scope-clause")
"""Concepts of a provision's own text that make it no place for a risk: it defines, it protects, it says what
a report, a register or a notice must contain, it lists the cases a stricter regime covers, or it sets what the
act applies to."""
_LEAD_IN_SENSE = ("protective-duty", "record-of-information", "stricter-regime-cases", "scope-clause",
                  "conditions-list")
"""The ones a list item takes from its lead-in ("The report includes information on: ... 3) ..."): those above
but the definition, and a list of conditions, whose lead-in itself may well permit ("Personal data may be
processed ... when all of the following conditions are met: ...")."""


def _risk_unit(article: Provision, triggers: list[ConceptGroup], state: _Analysis) -> _Unit | None:
    """The provision of an article where a risk arises: as :func:`_best_unit` chooses among its parts, unless the
    trigger occurs there only in texts that define a term or are themselves a duty to prevent or protect
    ("Biometric data are personal data and are protected"); then the next best part where it occurs otherwise,
    or none. One part (read with the article's heading) must hold every trigger, as a safeguard elsewhere must:
    schools named in one item of a list of prohibitions and biometric identification in the next paragraph are
    no provision on biometrics in schools. An item that holds them only with its lead-in (the refusal in the
    lead-in, the ground in the item) makes the lead-in's provision the place: the lead-in and its list are one
    rule."""
    unit = _best_unit(article, triggers, state, whole=False)
    if all(unit.met) and _risk_place(unit.provision, triggers[0], state, triggers[1:]) is not None:
        return unit
    masks = [state.mask(group) for group in triggers]
    for node, mask, _depth in sorted(state.units(article, False), key=lambda u: -u[2]):
        met = _met_bits(mask, masks)  # the unit's concepts include the article heading's
        if not all(met):
            continue
        if _risk_place(node, triggers[0], state, triggers[1:]) is not None:
            return _Unit(node, met)
        # an item that meets the risk only with its lead-in ("A request to erase data is not carried out where
        # keeping them is needed for: ... 6) state functions"): the lead-in and its list are the one rule
        lead_in = node.parent
        if (node.kind in _LIST_ITEMS and lead_in is not None
                and _risk_place(lead_in, triggers[0], state, triggers[1:]) is not None):
            return _Unit(lead_in, met)
    return None


def _lowering_at(rule: RiskRule, state: _Analysis, provision: Provision) -> tuple[Lowering, bool] | None:
    """The first of the rule's lowerings whose subjects ``provision`` itself holds (it frames the risk as the
    person's own choice, or subjects it to a rule that narrows it), and whether something in it keeps the risk
    whole all the same (the lowering's ``unless``); None when none is held."""
    held = state.subtree[provision.id]
    for lowering in rule.lowered:
        if all(_met(lowering.by, held)):
            return lowering, any(_met(lowering.unless, held))
    return None


def _lowered_at(rule: RiskRule, state: _Analysis, provision: Provision) -> bool:
    """Whether ``provision`` itself makes the risk less severe: it holds one of the rule's lowerings and nothing
    that keeps the risk whole."""
    said = _lowering_at(rule, state, provision)
    return said is not None and not said[1]


def _risk_place(provision: Provision, trigger: ConceptGroup, state: _Analysis,
                others: list[ConceptGroup] | tuple[ConceptGroup, ...] = (),
                skip: Callable[[Provision], bool] | None = None) -> Found | None:
    """The first occurrence of ``trigger`` in the texts of ``provision``'s subtree that neither define nor
    protect; else its occurrence in a heading, when some text under that heading does neither (a heading names
    the subject of what the texts permit, and permits nothing itself).

    An item of a list is read with its lead-in, not with the other items: there the ``others`` (the rest of the
    risk's triggers) must be met by the item, its parts or the provisions above it. "The operator shall: ...
    5) give data to state bodies; 6) publish a report on removed content" lets no state body remove content.
    A provision ``skip`` is true of is passed over (and so is the heading, then)."""
    wanted = set(trigger)
    heading: Found | None = None
    permissive = False
    for node in provision.walk():
        if skip is not None and skip(node):
            continue
        harmless = _defines_or_protects(node, state)
        permissive = permissive or (bool(node.text.strip()) and not harmless)
        for concept, found in state.own.get(node.id, {}).items():
            if concept not in wanted:
                continue
            in_text = [f for f in found if f.field == "text"]
            if in_text and not harmless and (not others or _item_meets(node, others, state)):
                return in_text[0]
            heading = heading or next((f for f in found if f.field == "heading"), None)
    return heading if permissive and skip is None else None


def _item_meets(node: Provision, groups: list[ConceptGroup] | tuple[ConceptGroup, ...], state: _Analysis) -> bool:
    """Whether a list item, read with what is above it (not its sibling items), meets every group; anything that
    is not a list item does."""
    if node.kind not in _LIST_ITEMS:
        return True
    return all(_met(list(groups), state.subtree[node.id] | state.above(node, within_article=True)))


def _defines_or_protects(provision: Provision, state: _Analysis) -> bool:
    """Whether the provision's own text defines or protects; an item of a list takes its lead-in's sense
    ("The participant may not: ... 3) transfer data to third parties")."""
    own = state.own.get(provision.id, {})
    if any(any(f.field == "text" for f in own.get(concept, ())) for concept in _NOT_A_RISK_PLACE):
        return True
    lead_in = provision.parent
    if provision.kind not in _LIST_ITEMS or lead_in is None or lead_in.kind == "article":
        return False
    said = state.lead(lead_in)
    return any(f.field == "text" for concept in _LEAD_IN_SENSE for f in said.get(concept, ()))


def _what_is_mentioned(kb: KnowledgeBase, state: _Analysis, place: Provision, groups: list[ConceptGroup],
                       naming: Naming) -> tuple[str, str]:
    """What the provision mentions of each group, in its own words ("Article 12 mentions a right to appeal
    (“...”)."), in English and Russian: a mention elsewhere is not yet a safeguard here."""
    said_en: list[str] = []
    said_ru: list[str] = []
    for group in groups:
        mention = state.first(place, group)
        concepts = [_as_named(mention.hit)] if mention else list(group)
        quote = _elided(mention.provision, _quote(mention)) if mention else ""
        where = _in_provision(kb, label(place.id, naming=naming), label_in(place.id, "ru", naming=naming))
        named = (_group_label(kb, concepts), _group_label(kb, concepts, "ru"))
        en, ru = (_both(_phrases(kb).mentions_quoting, where=where, concepts=named, quote=quote) if quote
                  else _both(_phrases(kb).mentions, where=where, concepts=named))
        said_en.append(en)
        said_ru.append(ru)
    return " ".join(dict.fromkeys(said_en)), " ".join(dict.fromkeys(said_ru))


def _safeguard_elsewhere(articles: list[Provision], state: _Analysis, article: Provision,
                         groups: list[ConceptGroup], meeting: dict[tuple[tuple[str, ...], ...], list[Provision]]
                         ) -> Provision | None:
    """The smallest provision of another article that meets every group in ``groups`` (the risk's subject and
    the missing safeguard) by itself, if the draft has one: children named in one paragraph and "not
    prohibited" in another make no safeguard.

    ``meeting`` keeps, per set of groups, the first two such provisions: one of them is not in ``article``, and
    a long draft has many risks asking for the same safeguard.
    """
    key = tuple(tuple(g) for g in groups)
    if key not in meeting:
        meeting[key] = []
        for candidate in articles:
            if all(_met(groups, state.subtree[candidate.id])):
                unit = _best_unit(candidate, groups, state, whole=False)
                if all(unit.met):
                    meeting[key].append(unit.provision)
                    if len(meeting[key]) == 2:
                        break
    for place in meeting[key]:
        if article_of(place.id) != article.id:
            return place
    return None


# --- 5. recommendations ------------------------------------------------------------------------------------


def _superseded_examples(document: Document, kb: KnowledgeBase, state: _Analysis,
                         home: str | None) -> frozenset[str]:
    """The examples a draft cannot be pointed to: those of the act under review itself, those of an act the
    draft repeals, and general rules of another jurisdiction (or of an unknown one). A draft Digital Code is not
    shown "Digital Code art. 23" as practice, a code that repeals the law on online platforms is not shown that
    law, and a draft of another country is not shown Kazakhstan's general rule on consent as a way to protect
    children's data.

    The draft is the example's act when its title names the act's short title and names no other jurisdiction
    (a Digital Code of Uzbekistan may well learn from Kazakhstan's). A text that is one chapter of a larger code
    (COPPA, chapter 91 of Title 15) is named by that chapter's heading too (:func:`examples_of_act`)."""
    superseded = {ex.id for ex in examples_of_act(document, kb)} | _repealed_examples(document, kb, state)
    superseded |= {ex.id for ex in kb.examples.values() if ex.general_rule and not is_national(ex, home)}
    return frozenset(superseded)


def _repealed_examples(document: Document, kb: KnowledgeBase, state: _Analysis) -> set[str]:
    """The examples of the acts the draft repeals: an article on repeal names the act's short title."""
    repeals = " ".join(a.full_text().casefold() for a in document.articles if "repeal" in state.subtree[a.id])
    return {ex.id for ex in kb.examples.values()
            if ex.title is not None and any(n.casefold() in repeals for n in (ex.title.en, ex.title.ru))}


@dataclass(frozen=True)
class _Conditions:
    """What the words a model clause says only of some drafts (``models.CONDITION``) ask of this one."""

    regulated: Set[str]
    """The concepts the draft regulates (:func:`_regulated`): ``{if:sandbox}`` words are kept for such a draft,
    ``{ifnot:...}`` words left out."""
    in_force: Set[str]
    """The examples that are law in force of the draft's own country and that the draft does not repeal:
    ``{unless:...}`` words naming one are left out, as the draft would repeat that law."""
    own: Set[str]
    """The examples of the act under review: ``{while:...}`` words naming one are left out too, as the draft does
    not name its own body by another law's name or agree with itself; ``{while:...}`` words naming another
    example in force are kept."""

    def keep(self, kind: str, name: str) -> bool:
        if kind == "if":
            return name in self.regulated
        if kind == "ifnot":
            return name not in self.regulated
        if kind == "while":
            return name in self.in_force and name not in self.own
        return name not in self.in_force


def _conditions(document: Document, kb: KnowledgeBase, state: _Analysis, regulated: Set[str],
                home: str | None) -> _Conditions:
    """The draft's :class:`_Conditions`; the act under review itself counts as in force (its own rule is
    there)."""
    repealed = _repealed_examples(document, kb, state)
    in_force = {ex.id for ex in national_in_force(kb, kb.examples, home) if ex.id not in repealed}
    own = {ex.id for ex in examples_of_act(document, kb)}
    return _Conditions(frozenset(regulated), frozenset(in_force), frozenset(own))


def _sources(kb: KnowledgeBase, crit: Criterion, superseded: frozenset[str]) -> list[Source]:
    sources = []
    for norm_id in crit.norms:
        norm = kb.norms[norm_id]
        sources.append(Source(ref=norm.ref, ref_ru=norm.ref_ru, kind="norm", id=norm.id, url=norm.url,
                              verified=norm.verified))
    for example_id in crit.examples:
        if example_id in superseded:
            continue
        sources.append(_example_source(kb.examples[example_id]))
    return sources


def _example_source(example: Example) -> Source:
    return Source(ref=example.ref, ref_ru=example.ref_ru, kind="example", id=example.id, url=example.url)


def _with_jurisdiction(kb: KnowledgeBase, example: Example, lang: str) -> str:
    """An example's reference followed by its jurisdiction, unless the reference already names it."""
    ref = example.ref_ru if lang == "ru" else example.ref
    name = kb.jurisdictions[example.jurisdiction].short_name(lang)
    return ref if name in ref else f"{ref} ({name})"


def _justification(kb: KnowledgeBase, crits: list[Criterion], lang: str, superseded: frozenset[str],
                   home: str | None = None) -> str:
    """The grounds of a recommendation: each norm its criteria rest on once, then examples in legislation, each
    with its jurisdiction (when the draft's own jurisdiction is unknown, one may be its own country, so they are
    not called foreign), then, apart and named as such, the law of the draft's own jurisdiction ``home``
    ("Kazakhstan, law in force: ...")."""
    norms = [kb.norms[n] for n in dict.fromkeys(n for c in crits for n in c.norms)]
    cited = [kb.examples[e] for e in dict.fromkeys(e for c in crits for e in c.examples) if e not in superseded]
    examples = [e for e in cited if not is_national(e, home)]
    national: dict[str, list[str]] = {}  # "Kazakhstan, law in force" -> its references
    for example in cited:
        if is_national(example, home):
            national.setdefault(national_label(kb, example, lang), []).append(
                example.ref_ru if lang == "ru" else example.ref)
    own = "".join(f" {name}: {'; '.join(refs)}." for name, refs in national.items())
    # the caveat of an unverified pinpoint travels with the citation into every document
    phrases = _phrases(kb)
    parts = [f"{cite(n.ref_ru if lang == 'ru' else n.ref, n.verified, lang)}: {n.topic.get(lang).rstrip('.')}"
             for n in norms]
    text = phrases.grounds.fill(lang, norms="; ".join(parts))
    if examples:
        text += " " + phrases.examples_in_legislation.fill(
            lang, examples="; ".join(_with_jurisdiction(kb, e, lang) for e in examples))
    return text + own


def _join_sentences(texts: Iterable[str]) -> str:
    """Texts joined into one; a closing sentence repeated word for word (e.g. the same closest provision after
    each merged finding) is kept once, at its last place, so it closes the findings it applies to. Only closing
    sentences: a finding that opens like another ("Article 39(1)(b) mentions ...") keeps its opening, or what it
    does not mention would follow the other finding's words."""
    findings = [[s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s] for text in texts]
    closes = {finding[-1]: i for i, finding in enumerate(findings) if finding}
    return " ".join(sentence for i, finding in enumerate(findings) for j, sentence in enumerate(finding)
                    if j < len(finding) - 1 or closes[sentence] == i)


def _phrases(kb: KnowledgeBase) -> Phrases:
    """The sentence frames of ``phrases.yaml``."""
    assert kb.phrases is not None, "load() refuses a knowledge base without phrases.yaml"
    return kb.phrases


def _after(first: Text, then: tuple[str, str]) -> tuple[str, str]:
    """A knowledge-base text (a criterion's gap) followed by a sentence in each language."""
    return f"{first.en} {then[0]}", f"{first.ru} {then[1]}"


def _both(phrase: Phrase, **values: str | int | tuple[str, str]) -> tuple[str, str]:
    """A frame filled in English and in Russian; a value given as a pair is its (English, Russian) forms."""
    def lang_values(i: int) -> dict[str, str | int]:
        return {k: v[i] if isinstance(v, tuple) else v for k, v in values.items()}
    return phrase.fill("en", **lang_values(0)), phrase.fill("ru", **lang_values(1))


def _fill(clause: str, target: str, document: Document, lang: str, kb: KnowledgeBase, conditions: _Conditions
          ) -> str:
    """A model clause for the draft: its target article and the draft's title in their places, and the words it
    says only of some drafts kept or left out as ``conditions`` says (``{if:sandbox}...{endif}`` for a draft that
    regulates the concept; ``{unless:...}`` where the country has no such law in force, ``{while:...}`` where it
    has). A paragraph left out whole is the clause's last (the model checks it), so no other changes number."""
    article = (label(target, lang, naming=document.naming) if target.startswith("art:")
               else _phrases(kb).the_draft.get(lang))
    lines = []
    for line in clause.split("\n"):
        kept = said(line, conditions.keep)
        if kept == line or not left_bare(kept, line):
            lines.append(kept)
    return "\n".join(lines).replace("{article}", article).replace("{draft}", document.title)


def _target_article(document: Document, state: _Analysis, concepts: list[str], area: str,
                    least: int | None = None, subject: str | None = None) -> Provision | None:
    """The article a recommendation should amend: the one whose subject its target concepts are.

    It must contain at least ``least`` of them (by default half); among those, one that contains ``subject`` (the
    concept the rule is about, :attr:`~crlens.knowledge.models.RecommendationTemplate.subject`) comes first, then
    the one that contains the most wins, then the one whose heading names the most (an article headed "Digital
    platforms" is where platform duties go, not the first article that mentions a platform), then the one whose
    heading names the rarest of them (of "Obligations of the platform operator" and "Users' complaints", a rule on
    complaints to platforms goes to the one complaints head), then one tagged with the criterion's area, then the
    one that mentions them most often; a tie goes to the earlier article. An article that names the subject only in
    passing is no candidate: it must be tagged with the area, name a target concept in the first words of its
    heading (:meth:`_Analysis.leads`), or hold all of several target concepts. Nor is an article that sets up one
    body the Government designates (:func:`_one_bodys`), unless its heading leads with a target concept: it lists
    that body's tasks.
    """
    if not concepts:
        return None
    wanted = set(concepts)
    best: Provision | None = None
    need = least if least is not None else max(1, (len(concepts) + 1) // 2)
    best_key: tuple[int, ...] = (0, need, -1, -(10 ** 9), -1, -1)
    heading_counts = {c: sum(1 for a in document.provisions if a.kind == "article" and c in state.headed(a))
                      for c in wanted}
    for article in document.provisions:
        if article.kind != "article" or article.id in state.definitions or _closing(state, article):
            continue
        covered = len(wanted & state.subtree[article.id])
        if covered < need:
            continue
        in_area = area in state.areas.get(article.id, [])
        if not (in_area or wanted & state.leads(article) or covered == len(wanted) > 1):
            # the subject in passing: "personal data" at the end of "Right to erasure ... of personal data" does
            # not make the erasure article the place, or the neighbour, of every rule on children's data
            continue
        if _tasks_of_another(state, article, wanted):
            # the e-government operator's list of tasks names breaches it reports; a duty of everyone who
            # processes data is not one more task of that operator
            continue
        named = wanted & state.headed(article)
        rarity = -min((heading_counts[c] for c in named), default=len(document.provisions))
        mentions = sum(n for c, n in _mentions(state, article).items() if c in wanted)
        key = (int(subject in state.subtree[article.id]), covered, len(named), rarity, int(in_area), mentions)
        if key > best_key:
            best, best_key = article, key
    return best


_EVERY_RULES_SUBJECT = "child"
"""The concept every rule of the review is about, which therefore locates none: an article that names a child and
nothing else of a rule's subject (the Kazakh Code's refusal of a signature below sixteen) is no neighbour for a
new article on helplines."""


def _new_article_place(document: Document, state: _Analysis, area: Area, concepts: list[str]) -> str:
    """Where a new article fits: after the article closest to its subject (one that touches any of its target
    concepts other than the child, chosen as :func:`_target_article` chooses), else after the article closest to
    where the area's new provisions belong (its ``placement``: platform duties after the platforms article), else
    after the last article of the chapter most concerned with the area, else after the last article of the first
    chapter (the general provisions). Never after the entry into force or the transitional provisions
    (:func:`_closing`): a new rule goes before them."""
    area_id = area.id
    articles = [a for a in document.articles if not _closing(state, a)] or document.articles
    if not articles:
        return "new"
    subject = [c for c in concepts if c != _EVERY_RULES_SUBJECT] or concepts
    near = _target_article(document, state, subject, area_id, least=1) or _placement(state, articles, area)
    if near is not None:
        return _new_after(near)
    counts: dict[str, int] = {}
    last_in: dict[str, Provision] = {}
    for article in articles:
        container = article.parent.id if article.parent is not None else ""
        last_in[container] = article
        if area_id in state.areas.get(article.id, []):
            counts[container] = counts.get(container, 0) + 1
    if counts:
        container = max(counts, key=lambda c: (counts[c], c))
    else:
        container = articles[0].parent.id if articles[0].parent is not None else ""
    return _new_after(last_in[container])


def _placement(state: _Analysis, articles: list[Provision], area: Area) -> Provision | None:
    """The article whose heading names the first of the area's ``placement`` concepts that any heading names;
    among several, the one tagged with the area, then one whose heading leads with it (:meth:`_Analysis.leads`:
    "Cybersecurity", not "Testing of digital objects for compliance with cybersecurity requirements"), then the
    one that mentions the concept most, then the earlier (``max`` keeps the first of equals). A heading, not a
    mention: in a law on platforms every article mentions platforms."""
    for concept in area.placement:
        headed = [a for a in articles if concept in state.headed(a)]
        if headed:
            return max(headed, key=lambda a: (area.id in state.areas.get(a.id, []), concept in state.leads(a),
                                              _mentions(state, a).get(concept, 0)))
    return None


def _one_bodys(state: _Analysis, article: Provision) -> bool:
    """Whether the article sets up one body the Government designates (its opening words name it "a legal entity
    designated by the Government"): its text is that body's tasks."""
    opening = article.children[0] if article.children and not article.text.strip() else article
    return ONE_BODY in state.own.get(opening.id, {})


def _tasks_of_another(state: _Analysis, article: Provision, wanted: set[str]) -> bool:
    """Whether the article lists the tasks of one body the Government designates (:func:`_one_bodys`) and its
    heading does not lead with any of the ``wanted`` concepts: no place for a rule of everyone else."""
    return _one_bodys(state, article) and not wanted & state.leads(article)


def _closing(state: _Analysis, article: Provision) -> bool:
    """Whether the article closes the act: its heading names the entry into force, transitional provisions or
    repeals."""
    return CLOSING in state.headed(article)


def _definition_place(document: Document, state: _Analysis, crit: Criterion) -> Provision | None:
    """Where a clause defining a term belongs: in place of the draft's own definition of the same term (a
    "child" defined as under thirteen is amended), else in its definitions article; None when the draft has no
    definitions article, and the review's definitions make one (:func:`_definitions_article`). Not the first
    article that defines a term in passing: a lawyer found the KZ Digital Code's art. 1, on the relations the
    Code governs, grown into a list of definitions with two more as paragraphs of their own after it."""
    first = state.mask(crit.detect.elements[0])
    for definition in document.definitions:
        node = document.get(definition.provision)
        if node is not None and state.defines.get(node.id, 0) & first:
            return node
    return next((a for a in document.articles if a.id in state.definitions), None)


def _definitions_article(document: Document) -> str:
    """Where the definitions of a draft without a definitions article go: one new article after its first (the
    subject of the act), as Kazakh codes put their «Основные понятия» right after it, with all the review's
    definitions in one list (:func:`_write_proposed_texts`)."""
    return _new_after(document.articles[0]) if document.articles else "new"


def _defines_in_passing(document: Document, state: _Analysis) -> Provision | None:
    """The first provision of a draft without a definitions article that defines a term where it uses it («Под
    цифровой средой понимается ...»), if any."""
    return next((p for p in document.provisions if DEFINED_TERM in state.own.get(p.id, {})), None)


def _definition_amendment(place: Provision) -> tuple[str, str, str]:
    """Target, action and current text of a definition placed at ``place``: a definition of the same term is
    replaced, an article is supplemented."""
    return place.id, "supplement" if place.kind == "article" else "amend", place.numbered_text()


def _new_after(article: Provision) -> str:
    return new_after(article.id, article.parent.id if article.parent is not None else "")


def _number_new_articles(document: Document, recommendations: list[Recommendation]) -> None:
    """Give each new article a number in the draft's own style, after its anchor and not already used: as the
    draft numbers an article it already inserts ("24-1", "24A", "24a"), else "43-1", "43-2" in Russian and Kazakh
    drafting, "43a", "43b" in English."""
    taken = {p.id for p in document.provisions}
    inserted = [p.number for p in document.provisions if p.kind == "article" and p.number
                and re.fullmatch(r"\d+(?:-\d+|[A-Za-z])", p.number)]
    if inserted:
        letter = None if "-" in inserted[0] else ("A" if inserted[0][-1].isupper() else "a")
    else:
        letter = None if document.language in {"ru", "kk"} else "a"
    for rec in recommendations:
        amendment = rec.amendment
        anchor = anchor_of(amendment.target)
        if amendment.action != "new" or not anchor.startswith("art:"):
            continue
        amendment.number = _take_free_number("art", anchor.removeprefix("art:"), letter, taken, 99)


def _take_free_number(kind: str, base: str, letter: str | None, taken: set[str], tries: int) -> str:
    """The first number inserted after ``base`` (:func:`~crlens.analysis.labels.inserted_number`) that no
    provision of ``kind`` ("art", "ch") in ``taken`` has, of the first ``tries``; it is added to ``taken``."""
    for k in range(1, tries + 1):
        number = inserted_number(base, k, letter)
        if f"{kind}:{number}" not in taken:
            break
    taken.add(f"{kind}:{number}")
    return number


NEW_CHAPTER_AT = 5
"""How many new articles after the article that closes a chapter make a chapter of their own: a drafter gathers
as many rules on one subject under their own heading rather than lengthen a chapter on something else (a
lawyer's review of the KZ Digital Code found eleven child-protection articles appended to its chapter on kinds of
digital objects)."""


def _new_chapters(document: Document, kb: KnowledgeBase, recommendations: list[Recommendation]) -> None:
    """Put in a chapter of their own (:class:`NewChapter`) the new articles that follow the last article of a
    chapter, when there are at least :data:`NEW_CHAPTER_AT` of them and the draft has chapters to set it among.
    The chapter follows the one the articles follow, so they keep the numbers :func:`_number_new_articles` gave;
    it is numbered in the draft's style, as a new article is ("4-1" in Russian and Kazakh drafting, "Ia" in
    English, as EU acts insert "Chapter IXa") and headed as the draft heads its chapters: in capitals when they all
    are."""
    chapters = [p for p in document.provisions if p.kind == "chapter"]
    if len(chapters) < 2:
        return
    closing: dict[str, Provision] = {}  # the article that closes each chapter -> that chapter
    for chapter in chapters:
        articles = [p for p in chapter.walk() if p.kind == "article"]
        if articles:
            closing[articles[-1].id] = chapter
    following: dict[str, list[Recommendation]] = {}
    for rec in recommendations:
        anchor = anchor_of(rec.amendment.target)
        if rec.amendment.action == "new" and anchor in closing:
            following.setdefault(anchor, []).append(rec)
    taken = {p.id for p in chapters}
    phrase = _phrases(kb).new_chapter_heading
    headings = [c.heading for c in chapters if c.heading]
    capitals = bool(headings) and all(h.isupper() for h in headings)  # «Глава 4. ЦИФРОВЫЕ ОБЪЕКТЫ»
    heading = ProposedText(en=phrase.en.upper() if capitals else phrase.en,
                           ru=phrase.ru.upper() if capitals else phrase.ru)
    for anchor, group in following.items():
        if len(group) < NEW_CHAPTER_AT:
            continue
        chapter = closing[anchor]
        number = _take_free_number("ch", chapter.number or chapter.id.removeprefix("ch:"),
                                   None if document.language in {"ru", "kk"} else "a", taken, 26)
        for rec in group:
            rec.amendment.chapter = NewChapter(number=number, after=chapter.id, heading=heading)


@dataclass
class _Draft:
    """A recommendation being assembled, before merging."""

    crit: Criterion
    target: str
    action: str
    current: str
    provisions: list[str]
    risks: list[str]
    issue: str
    issue_ru: str
    opening: str = ""
    """The provision and the words the issue quotes from it; quoted once when merged drafts share them."""
    again: tuple[str, str] = ("", "")
    """The issue (en, ru) to use instead when another merged draft has already said :attr:`opening`."""
    severity: Level | None = None
    """The severity of the most severe risk this draft's safeguard answers, if it answers one."""
    closest: bool = False
    """Whether the target is only the article closest to a subject the draft lacks (a gap's rule), not one whose
    words the amendment completes or whose risk it answers: such a rule may go to a new article after it."""
    general_rules: list[str] = field(default_factory=list)
    """The provisions :attr:`issue` quotes as making the criterion's rule for everyone, not for children
    (:func:`_general_rule`); :attr:`again` names none it has not."""


def _spoken_of(rule: RiskRule | None, provisions: int) -> dict[str, str]:
    """A risk's description in the issue that names ``provisions`` provisions with it: "Each of these provisions
    lets ..." for several, as it is for one."""
    if rule is None:
        return {"en": "", "ru": ""}
    said = {lang: getattr(rule.description, lang) for lang in RISK_OPENING}
    if provisions < 2:
        return said
    return {lang: RISK_OPENING_EACH[lang] + text.removeprefix(RISK_OPENING[lang]) for lang, text in said.items()}


def _risk_notes(risks: list[Risk], state: _Analysis, naming: Naming) -> tuple[str, str]:
    """What the issue adds to the risks it names (en, ru): why one is lower, where a safeguard is. A note that
    holds for only some of several provisions is said of them by name, lest a lowered risk lower the others."""
    holds: dict[tuple[str, str], list[str]] = {}
    for risk in risks:
        if risk.id in state.risk_notes:
            holds.setdefault(state.risk_notes[risk.id], []).append(risk.provision)
    said_en, said_ru = [], []
    for (en, ru), provisions in holds.items():
        if len(provisions) < len(risks):
            en = f"{labels(provisions, naming=naming)}: {_run_on_note(en)}"
            ru = f"{labels(provisions, 'ru', naming=naming)}: {_run_on_note(ru)}"
        said_en.append(f" {en}")
        said_ru.append(f" {ru}")
    return "".join(said_en), "".join(said_ru)


def _run_on_note(note: str) -> str:
    """A note run on after a provision's name and a colon: "it is made subject ...", but "Article 3(1) mentions
    ..." as it is, since a provision's name (a word and its number) keeps its capital; a Russian note opening
    «В статье 3 упоминаются» runs on as «в статье 3 ...»."""
    return note if re.match(r"\S+ \d", note) else note[:1].lower() + note[1:]


def _issues(group: list[_Draft]) -> tuple[str, str, list[str]]:
    """The merged issue text, en and ru: a provision's words quoted once, not once per criterion they touch; and
    the general rules it quotes, in the order it names them (a draft's :attr:`~_Draft.again` adds none)."""
    said: set[str] = set()
    en: list[str] = []
    ru: list[str] = []
    general: list[str] = []
    for draft in group:
        if draft.opening and draft.opening in said:
            en.append(draft.again[0])
            ru.append(draft.again[1])
            continue
        said.add(draft.opening)
        en.append(draft.issue)
        ru.append(draft.issue_ru)
        general += draft.general_rules
    return _join_sentences(en), _join_sentences(ru), list(dict.fromkeys(general))


def _recommend(document: Document, kb: KnowledgeBase, state: _Analysis, results: dict[str, CriterionResult],
               best_units: dict[str, _Unit], subject_units: dict[str, list[_Unit]], risks: list[Risk],
               home: str | None = None) -> list[Recommendation]:
    risks_by_crit: dict[str, list[Risk]] = {}
    for risk in risks:
        risks_by_crit.setdefault(risk.criterion, []).append(risk)
    drafts: list[_Draft] = []
    phrases = _phrases(kb)
    for crit in kb.criteria.values():
        result = results[crit.id]
        crit_risks = risks_by_crit.get(crit.id, [])
        if result.status not in {"gap", "partial"} and not crit_risks:
            continue
        template = crit.recommendation
        if crit_risks:
            first = document.get(crit_risks[0].provision)
            assert first is not None
            named = labels([r.provision for r in crit_risks[:4]], naming=document.naming)
            named_ru = labels([r.provision for r in crit_risks[:4]], "ru", naming=document.naming)
            note_en, note_ru = _risk_notes(crit_risks[:4], state, document.naming)
            # a criterion met in part elsewhere in the draft: the gap text would deny the part that is there
            lacks = template.partial or template.gap if result.status == "partial" else template.gap
            shown = _elided(first, crit_risks[0].quote)
            description = _spoken_of(crit.risk, len(crit_risks[:4]))
            issue, issue_ru = _both(phrases.risky_provision, where=(named, named_ru),
                                    description=(description["en"], description["ru"]), quote=shown,
                                    note=(note_en, note_ru), lacks=(lacks.en, lacks.ru))
            cited = [r.provision for r in crit_risks]
            general: list[str] = []
            said = _general_rule_said(document, kb, state, crit, best_units.get(crit.id), result, cited)
            if said is not None:
                # the rule the draft makes for everyone (KZ art. 41(1), erasure) beside the exceptions that put
                # children at risk (41(4)): the finding would otherwise read as if the draft had no such right
                closest_en, closest_ru = _closest(document, kb, _article(said.at))
                issue, issue_ru = f"{issue} {closest_en} {said.en}", f"{issue_ru} {closest_ru} {said.ru}"
                cited.append(said.provision)
                general = [said.provision]
            # the safeguard is added to the risky provision's article; replacing the provision with it would
            # delete the power or rule the safeguard is meant to accompany
            article = _article(first)
            drafts.append(_Draft(crit, article.id, "supplement", article.numbered_text(),
                                 cited, [r.id for r in crit_risks], issue, issue_ru,
                                 severity=min((r.severity for r in crit_risks), key=PRIORITY_RANK.__getitem__),
                                 general_rules=general))
            continue
        defined_in = _definition_place(document, state, crit) if template.place == "definitions" else None
        if result.status == "partial":
            unit = best_units[crit.id]
            met, lacking, found_ru, missing_en, missing_ru = _elements(kb, state, crit, unit)
            direct = set(kb.relevance.direct) if kb.relevance else set()
            where = _in_provision(kb, label(unit.provision.id, naming=document.naming),
                                  label_in(unit.provision.id, "ru", naming=document.naming))
            found = ("; ".join(result.found), "; ".join(found_ru))
            missing = ("; ".join(missing_en), "; ".join(missing_ru))
            # Labels join their concepts with "or", so the elements are listed with semicolons, not commas.
            # What was found is words, quoted: "mentions", not "deals with", which would claim a rule the
            # provision may not make.
            quoted_ev = next((e for e in result.evidence if e.provision == unit.provision.id),
                             result.evidence[0] if result.evidence else None)
            quote = quoted_ev.quote if quoted_ev else ""
            shown = _elided(document.get(quoted_ev.provision), quote) if quoted_ev else ""
            said_en, said_ru = (tuple(f" {q}" for q in _both(phrases.quoted, quote=shown)) if quote
                                else ("", ""))
            lacks = template.partial or template.gap
            lacking_text = (lacks.en, lacks.ru)
            # "nothing specific to children" only of a provision that names no child, age or parent at all
            # merged drafts quoting the same words of the same provision quote them once (as _said_in's key)
            opening = f"{quoted_ev.provision} {quote}" if quoted_ev else ""
            if lacking and all(set(g) <= direct for g in lacking) and not any(direct & set(g) for g in met):
                # A general rule that names no child: the lawyer's remedy is to make it child-specific there.
                issue, issue_ru = _both(phrases.mentions_but_not_child_specific, where=where, found=found,
                                        said=(said_en, said_ru), lacks=lacking_text)
                again = _both(phrases.no_more_child_specific, where=where, lacks=lacking_text)
            else:
                issue, issue_ru = _both(phrases.mentions_but_lacks, where=where, found=found,
                                        said=(said_en, said_ru), missing=missing, lacks=lacking_text)
                also_en, also_ru = _both(phrases.also_lacks, where=where, missing=missing)
                again = (f"{also_en} {lacks.en}", f"{also_ru} {lacks.ru}")
            if defined_in is not None:
                # the amendment goes where the draft keeps its definitions, wherever the elements were found
                drafts.append(_Draft(crit, *_definition_amendment(defined_in),
                                     list(dict.fromkeys([unit.provision.id, defined_in.id])), [], issue, issue_ru,
                                     opening, again))
            elif template.place == "definitions":
                # no definitions article: ours make one, whatever article the part found is in
                drafts.append(_Draft(crit, _definitions_article(document), "new", "", [unit.provision.id], [],
                                     issue, issue_ru, opening, again))
            elif _article(unit.provision).id in state.definitions or _tasks_of_another(
                    state, _article(unit.provision), set(template.target)):
                # a definition names the subject but is no place for a duty, nor is the list of one designated
                # body's tasks the place of a rule for every state body: the rule goes where a gap's would
                target, place = _subject_place(document, kb, state, crit)
                if target is not None:
                    drafts.append(_Draft(crit, place, "supplement", target.numbered_text(),
                                         [unit.provision.id, place], [], issue, issue_ru, opening, again,
                                         closest=True))
                else:
                    drafts.append(_Draft(crit, place, "new", "", [unit.provision.id], [], issue, issue_ru,
                                         opening, again))
            elif template.place == "subject" and (target := _subject_place(document, kb, state, crit)[0]) \
                    is not None and target is not _article(unit.provision):
                # the part found may sit in an article on another subject (the KZ Digital Code's refusal of an
                # e-signature certificate below sixteen, for the rights a child exercises from an age): the rule
                # goes to the article on its own subject
                drafts.append(_Draft(crit, target.id, "supplement", target.numbered_text(),
                                     [unit.provision.id, target.id], [], issue, issue_ru, opening, again,
                                     closest=True))
            else:
                # new paragraphs of the article that holds the part found, numbered after its last paragraph:
                # a numbered clause cannot be added inside a sub-paragraph
                article = _article(unit.provision)
                drafts.append(_Draft(crit, article.id, "supplement", article.numbered_text(),
                                     [unit.provision.id], [], issue, issue_ru, opening, again))
            continue
        if template.place == "definitions":
            if defined_in is None:
                # that the draft has no definitions article is said once in the new one that gathers them all
                in_passing = _defines_in_passing(document, state)
                said = _both(phrases.no_terms_defined) if in_passing is None else _both(
                    phrases.defines_in_passing, where=(label(in_passing.id, naming=document.naming),
                                                       run_on(label(in_passing.id, "ru", naming=document.naming))))
                drafts.append(_Draft(crit, _definitions_article(document), "new", "", [], [],
                                     f"{said[0]} {template.gap.en}", f"{said[1]} {template.gap.ru}",
                                     opening=DEFINED_TERM, again=(template.gap.en, template.gap.ru)))
                continue
            if defined_in.id in state.definitions:
                # in Russian the heading follows the name inside the brackets: "(статья 1, «Основные понятия»)"
                titled_ru = run_on(label(defined_in.id, "ru", naming=document.naming)) + (
                    f", «{defined_in.heading}»" if defined_in.heading else "")
                said = _both(phrases.definition_missing, where=(_titled(document, defined_in), titled_ru))
            else:
                said = _both(phrases.no_definitions_article,
                             where=(label(defined_in.id, naming=document.naming),
                                    run_on(label(defined_in.id, "ru", naming=document.naming))))
            drafts.append(_Draft(crit, *_definition_amendment(defined_in), [defined_in.id], [],
                                 *_after(template.gap, said)))
            continue
        target, place = _subject_place(document, kb, state, crit)
        unit = best_units.get(crit.id)
        at_target = unit is not None and target is not None and _article(unit.provision) is target
        said = _said_in(document, kb, state, crit, unit, general_only=not at_target) if unit else None
        if said is not None and not at_target and (
                _article(said.at).id in state.definitions or crit.area not in state.areas.get(said.at.id, [])):
            # elsewhere, only a rule on the area's subject, not words met in passing or in a definition
            said = None
        if said is None and target is not None and not at_target and template.subject is not None:
            # what the article the rule goes to for its subject says of it, though the criterion's best part lies
            # elsewhere: the Law on Online Platforms' art. 11(1) lets a user complain of the platform's actions,
            # and "does not" denied it where the takedown that art. 15 names met as many elements
            unit = _best_unit(target, crit.detect.elements, state)
            at_target = True
            said = _said_in(document, kb, state, crit, unit)
        if said is not None and not at_target:
            # the draft makes the rule for everyone elsewhere: "no provision makes such a rule", or "the closest
            # provision, Article 4, does not", would deny the articles that do (the KZ Digital Code's art. 43(2)
            # forbids discrimination by algorithmic systems; its principles, art. 4, where the rule goes, do not)
            home_article = _article(said.at)
            where_en, where_ru = _in_provision(kb, _titled(document, home_article),
                                               _titled(document, home_article, "ru", inside=True))
            also, also_general, also_en, also_ru = _also_named(document, kb, state, crit,
                                                               subject_units.get(crit.id, []), home_article)
            general = ([said.provision] if said.general else []) + also_general
            issue, issue_ru = _after(template.gap, (f"{where_en} {said.en}{also_en}",
                                                    f"{where_ru} {said.ru}{also_ru}"))
            opening = f"{said.provision} {said.quote}"
            again = _after(template.gap, _both(phrases.also_lacks, where=(where_en, where_ru),
                                               missing=said.missing))
            if target is not None:
                drafts.append(_Draft(crit, place, "supplement", target.numbered_text(),
                                     [said.provision, *also, place], [], issue, issue_ru, opening, again,
                                     closest=True, general_rules=general))
            else:
                drafts.append(_Draft(crit, place, "new", "", [said.provision, *also], [], issue, issue_ru, opening,
                                     again, general_rules=general))
        elif target is not None:
            closest_en, closest_ru = _closest(document, kb, target)
            if said is not None:
                # what the article has, quoted, and what it lacks: "does not" alone would deny a general rule
                # the article does make ("Article 41 gives everyone a right to erasure"); and what it lacks is said
                # as of a criterion met in part: the gap text would deny the part quoted
                lacks = template.partial or template.gap
                issue, issue_ru = _after(lacks, (f"{closest_en} {said.en}", f"{closest_ru} {said.ru}"))
                cited = list(dict.fromkeys([said.provision, place]))
                # merged with a draft that already quoted these words, it names only what is missing
                opening = f"{said.provision} {said.quote}"
                again = _after(lacks, _both(phrases.also_lacks, where=(closest_en, closest_ru),
                                            missing=said.missing))
                general = ([said.provision] if said.general else [])
            else:
                issue, issue_ru = _after(template.gap, _both(phrases.does_not, closest=(closest_en, closest_ru)))
                cited = [place]
                opening, again, general = "", ("", ""), []
            drafts.append(_Draft(crit, place, "supplement", target.numbered_text(), cited, [], issue, issue_ru,
                                 opening, again, closest=True, general_rules=general))
        else:
            drafts.append(_Draft(crit, place, "new", "", [], [],
                                 *_after(template.gap, _both(phrases.no_provision))))
    _name_general_elements(document, kb, state, drafts, best_units)
    _keep_to_their_body(document, state, drafts)
    _spread(document, drafts)
    return _merge(document, kb, drafts, _superseded_examples(document, kb, state, home), home)


def _name_general_elements(document: Document, kb: KnowledgeBase, state: _Analysis, drafts: list[_Draft],
                           best_units: dict[str, _Unit]) -> None:
    """Name, in the issue of each gap, the provision that meets an element of its criterion for everyone where the
    provision closest to the criterion lacks it (:class:`~crlens.knowledge.models.GeneralElement`): beside "Article
    7 ... does not mention the legality test", "Article 5(1) subjects any restriction of rights and freedoms ... to
    the law" (KZ Digital Code); and the one that makes a rule the model clause restates for children, wherever
    the draft has it. The provision is cited, and counted among the general rules the issue quotes."""
    phrases = _phrases(kb)
    for draft in drafts:
        if draft.risks or not draft.crit.detect.general:
            continue
        unit = best_units.get(draft.crit.id)
        groups = draft.crit.detect.elements
        # where the issue says no provision makes the rule, every element is lacking, whatever the best provision
        # (one that does not name the criterion's subject) has
        lacking = (groups if unit is None or (not unit.met[0] and not draft.closest)
                   else [g for g, ok in zip(groups, unit.met, strict=True) if not ok])
        for general in draft.crit.detect.general:
            wanted = general.restated or general.part_of(lacking)
            found = _general_element_at(document, state, general) if wanted else None
            if found is None or found.provision.id in draft.provisions:
                continue
            pid = found.provision.id
            said_en, said_ru = _both(phrases.general_element,
                                     where=_in_provision(kb, label(pid, naming=document.naming),
                                                         label_in(pid, "ru", naming=document.naming)),
                                     said=(general.said.en, general.said.ru),
                                     quote=_elided(found.provision, _quote(found)))
            draft.issue, draft.issue_ru = f"{draft.issue} {said_en}", f"{draft.issue_ru} {said_ru}"
            if draft.opening:
                draft.again = (f"{draft.again[0]} {said_en}", f"{draft.again[1]} {said_ru}")
            draft.provisions.append(pid)
            draft.general_rules.append(pid)


def _general_element_at(document: Document, state: _Analysis, general: GeneralElement) -> Found | None:
    """Where the draft first meets ``general`` for everyone: the words of the element in the first provision,
    outside the definitions, whose own text names the element and every group of its ``alongside``."""
    for article in document.provisions:
        if article.kind != "article" or article.id in state.definitions:
            continue
        for node in article.walk():
            own = {c: [f for f in found if f.field == "text"] for c, found in state.own.get(node.id, {}).items()}
            hits = [f for c in general.element for f in own.get(c, [])]
            if hits and all(any(own.get(c) for c in group) for group in general.alongside):
                return min(hits, key=lambda f: f.hit.start)
    return None


_BODY_FIELD = re.compile(r"\b(?:в (?:сфере|области)|in the field of) [^.,;:()\n]+", re.IGNORECASE)
"""The field a body is named by: "в сфере цифровизации" of "уполномоченный орган в сфере цифровизации",
"in the field of personal data protection". The words do not decline with the body's name."""


def _competence_field(state: _Analysis, article: Provision) -> str | None:
    """The field of the body whose competence the article lists, as its heading names it ("в сфере
    цифровизации" of "Компетенция уполномоченного органа в сфере цифровизации"); None for an article whose
    heading does not lead with a competence or names no field."""
    match = _BODY_FIELD.search(article.heading or "")
    return match.group().strip().lower() if match and COMPETENCE in state.leads(article) else None


def _keep_to_their_body(document: Document, state: _Analysis, drafts: list[_Draft]) -> None:
    """Move to a new article after it a supplement to an article that lists the competence of the body of one
    field (the KZ Digital Code's Article 14, "Компетенция уполномоченного органа в сфере цифровизации") when the
    clause does not name that field: what it sets are another body's tasks (the child-rights body's
    coordination), or those of an "authorised body" it names by no field, which in that article would read as
    the body of the article's field. A drafter lists one body's powers in its competence article. Only a rule
    placed there as the article closest to its subject moves (:attr:`_Draft.closest`): a safeguard for a power the
    article gives (blocking without a court) stays with that power."""
    lang = "en" if document.language == "en" else "ru"
    for draft in drafts:
        article = document.get(draft.target) if draft.action == "supplement" and draft.closest else None
        if article is None or article.kind != "article" or (field := _competence_field(state, article)) is None:
            continue
        if field not in draft.crit.recommendation.model_clause.get(lang).lower():
            draft.target, draft.action, draft.current = _new_after(article), "new", ""


MAX_SUPPLEMENTS = 3
"""How many recommendations may add paragraphs to one article. Beyond that the article would swell past what a
drafter would accept (the KZ Digital Code's six-paragraph Article 29 took 48 new paragraphs from twelve), so the
further regimes on subjects it lacks become new articles after it."""


def _spread(document: Document, drafts: list[_Draft]) -> None:
    """Keep at most :data:`MAX_SUPPLEMENTS` recommendations supplementing one article (those of one area to one
    article are one, :func:`_merge`) and move the regimes of the others to new articles after it. The ones kept:
    first those that complete the article's own words or answer its risks, then the most urgent, then in the
    order of the areas. What moves is a regime on a subject the article lacks (:attr:`_Draft.closest`, a clause of
    several paragraphs); a single rule stays where a drafter adds it."""
    by_target: dict[str, dict[str, list[_Draft]]] = {}
    for draft in drafts:
        if draft.action == "supplement":
            by_target.setdefault(draft.target, {}).setdefault(draft.crit.area, []).append(draft)
    for target, areas in by_target.items():
        article = document.get(target)
        if article is None or len(areas) <= MAX_SUPPLEMENTS:
            continue
        ranked = sorted(areas.values(), key=lambda group: (
            all(d.closest for d in group),
            min(PRIORITY_RANK[d.crit.priority] for d in group)))
        for group in ranked[MAX_SUPPLEMENTS:]:
            for draft in group:
                if draft.closest and draft.crit.recommendation.paragraphs > 1:
                    draft.target, draft.action, draft.current = _new_after(article), "new", ""


def _elements(kb: KnowledgeBase, state: _Analysis, crit: Criterion, unit: _Unit
              ) -> tuple[list[ConceptGroup], list[ConceptGroup], list[str], list[str], list[str]]:
    """The criterion's elements the provision meets and those it lacks, with the labels an issue names them by: a
    met one (in Russian) by the concept the provision names (:func:`_found_label`), a lacking one (in English and
    Russian) by its first concept. Every concept of a lacking element is absent, so "does not mention: children
    and minors" stays true without listing each alternative the criterion would accept (pupils, persons
    vulnerable because of their age ...), which made issues read like checklists."""
    met = [g for g, ok in zip(crit.detect.elements, unit.met, strict=True) if ok]
    lacking = [g for g, ok in zip(crit.detect.elements, unit.met, strict=True) if not ok]
    return (met, lacking, [_found_label(kb, state, unit, g, "ru") for g in met],
            [_group_label(kb, g[:1]) for g in lacking], [_group_label(kb, g[:1], "ru") for g in lacking])


@dataclass(frozen=True)
class _Said:
    """What the article closest to an unmet criterion says of it (:func:`_said_in`)."""

    en: str
    ru: str
    provision: str
    """The provision quoted."""
    quote: str
    """Its words, bare, as the evidence has them."""
    missing_en: list[str]
    """The English labels of the elements it lacks (:func:`_elements`)."""
    missing_ru: list[str]
    """Their Russian labels."""
    at: Provision
    """The provision quoted, itself."""
    general: bool
    """Whether it makes the criterion's rule for everyone, not for children (:func:`_general_rule`)."""

    @property
    def missing(self) -> tuple[str, str]:
        """What it lacks, listed in English and in Russian."""
        return "; ".join(self.missing_en), "; ".join(self.missing_ru)


def _general_rule_said(document: Document, kb: KnowledgeBase, state: _Analysis, crit: Criterion,
                       unit: _Unit | None, result: CriterionResult, risky: list[str]) -> _Said | None:
    """What a provision that makes an unmet criterion's rule for everyone says of it, for the issue of a risk
    under that criterion: the closest provision, when it is a general rule (:func:`_general_rule`), neither
    defines, protects nor sets a scope, and is not itself one of the ``risky`` provisions, whose words the issue
    already quotes."""
    if unit is None or result.status not in ("gap", "partial") or within(unit.provision.id, risky):
        return None
    said = _said_in(document, kb, state, crit, unit)
    # a scope clause or a definition is no rule to build on ("this article does not apply to intelligence work")
    if said is None or not said.general or said.provision in risky or _defines_or_protects(said.at, state):
        return None
    # nor is a provision that has the risky matter without the safeguard (state bodies given access to registers,
    # with no purpose limit): only one whose safeguard lacks no more than whom it is for
    assert crit.risk is not None  # asked for a risk's issue
    held = state.subtree[said.at.id]
    if not _for_everyone(kb, [g for g, ok in zip(crit.risk.safeguards, _met(crit.risk.safeguards, held),
                                                 strict=True) if not ok]):
        return None
    return said


def _said_in(document: Document, kb: KnowledgeBase, state: _Analysis, crit: Criterion, unit: _Unit,
             general_only: bool = False) -> _Said | None:
    """What the provision closest to an unmet criterion says of it and what it leaves out, quoted, in English and
    Russian ("mentions erasure of data ... (Article 41(1): “…”), but not: children or minors"); None when it
    meets no element, or only one other than the criterion's subject while more than whom the rule is for is
    missing, or, ``general_only``, when it is not the rule made for everyone (:func:`_for_everyone`)."""
    met, lacking, found_ru, missing_en, missing_ru = _elements(kb, state, crit, unit)
    general = _for_everyone(kb, lacking)
    subject_only = met == crit.detect.elements[:1]
    if not met or (len(met) < 2 and not general and not subject_only) or (general_only and not general):
        # one element alone ("state bodies") says nothing of the rule, unless it is the criterion's subject, its
        # first element: "does not" of an article that rules on pseudonymous use (KZ art. 40(3)) was read as a
        # false gap; a general rule that lacks only whom it is for is worth quoting
        return None
    if any(state.subtree[_article(unit.provision).id] & set(g) for g in lacking):
        # "the article does not mention X" must be true of the whole article, not only of its closest part
        return None
    found = _occurrence(state, unit, met[0])
    if found is None:
        return None
    quote = _quote(found)
    shown = _elided(found.provision, quote)
    where_en = label(found.provision.id, naming=document.naming)
    where_ru = label(found.provision.id, "ru", naming=document.naming)
    at_en, at_ru = (f"{where_en}: ", f"{run_on(where_ru)}: ") if found.provision.kind != "article" else ("", "")
    said_en, said_ru = _both(_phrases(kb).mentions_quoted_but_not,
                             found=("; ".join(_found_label(kb, state, unit, g) for g in met), "; ".join(found_ru)),
                             at=(at_en, at_ru), quote=shown,
                             missing=("; ".join(missing_en), "; ".join(missing_ru)))
    return _Said(said_en, said_ru, found.provision.id, quote, missing_en, missing_ru, found.provision,
                 _general_rule(kb, state, crit, unit))


def _in_provision(kb: KnowledgeBase, where_en: str, where_ru: str) -> tuple[str, str]:
    """The ``where`` of the frames that say what a provision mentions, in English and Russian: the provision's
    name in English ("Article 5"), "В статье 5" in Russian (``where_ru`` in the prepositional case,
    :func:`~crlens.analysis.labels.label_in`), where the frames list what is mentioned in the nominative
    ("В статье 5 упоминаются: недискриминация или равенство"): a list of concept labels cannot be declined
    after a Russian transitive verb."""
    return _both(_phrases(kb).in_provision, where=(where_en, where_ru))


def _closest(document: Document, kb: KnowledgeBase, article: Provision) -> tuple[str, str]:
    """"The closest provision, Article 41 (“…”)," in English and Russian, the opening of what an issue says of
    the article nearest to an unmet criterion."""
    return _both(_phrases(kb).closest_provision,
                 where=(_titled(document, article), _titled(document, article, "ru", inside=True)))


def _titled(document: Document, article: Provision, lang: str = "en", *, inside: bool = False) -> str:
    """An article's name with its heading quoted as the draft's own words ("Article 1 (“Право на удаление
    персональных данных”)"), or its name alone when it has no heading; ``inside``, its name after "in" (Russian
    "статье 1 («…»)", :func:`~crlens.analysis.labels.label_in`)."""
    name = (label_in if inside else label)(article.id, lang, naming=document.naming)
    if not article.heading:
        return name
    return f"{name} («{article.heading}»)" if lang == "ru" else f"{name} (“{article.heading}”)"


def _for_everyone(kb: KnowledgeBase, lacking: list[ConceptGroup]) -> bool:
    """Whether the elements a provision lacks only name whom the rule is for (children, girls: the relevance
    rules' ``direct`` and ``whom`` concepts): the provision then makes the criterion's rule for everyone."""
    whom = set(kb.relevance.direct + kb.relevance.whom) if kb.relevance else set()
    return bool(lacking) and all(set(g) <= whom for g in lacking)


def _general_rule(kb: KnowledgeBase, state: _Analysis, crit: Criterion, unit: _Unit) -> bool:
    """Whether ``unit``'s provision, quoted in an issue, makes the criterion's rule for everyone but not for
    children: among the elements it lacks is the child (an element of the relevance rules' ``direct`` concepts),
    and what it meets names no child, parent or age (:func:`_named`). Such a provision is a general rule a
    child-specific one can build on; one that names children and lacks something else (COPPA's parental consent,
    without in-app purchases) is not, nor is one that names parents but not children."""
    direct = set(kb.relevance.direct) if kb.relevance else set()
    groups = crit.detect.elements
    lacks_child = any(direct & set(g) for g, ok in zip(groups, unit.met, strict=True) if not ok)
    names_child = any(direct & set(_named(state, unit, g)) for g, ok in zip(groups, unit.met, strict=True) if ok)
    return lacks_child and not names_child


def _also_named(document: Document, kb: KnowledgeBase, state: _Analysis, crit: Criterion, units: list[_Unit],
                home: Provision) -> tuple[list[str], list[str], str, str]:
    """Up to three more provisions, in other articles, that make the criterion's rule for everyone, in the draft's
    order, those of them that name no child (:func:`_general_rule`: one may lack only girls), and the sentence
    naming them (" Article 13(2), Article 43(2) also mention non-discrimination and equality."), in English and
    Russian; nothing when there are none. Unlike the provision quoted, they need not
    be tagged with the criterion's area: each meets every element but whom the rule is for, so it makes the rule
    (the KZ Digital Code's art. 43(2), on algorithmic systems, forbids discrimination)."""
    groups = crit.detect.elements
    others = [u for u in units if _article(u.provision) is not home
              and _article(u.provision).id not in state.definitions
              and _for_everyone(kb, [g for g, ok in zip(groups, u.met, strict=True) if not ok])][:3]
    if not others:
        return [], [], "", ""
    order = {p.id: i for i, p in enumerate(document.provisions)}
    ids = sorted((u.provision.id for u in others), key=order.__getitem__)
    general = {u.provision.id for u in others if _general_rule(kb, state, crit, u)}
    subject = crit.detect.elements[0]
    phrases = _phrases(kb)
    also_en, also_ru = _both(phrases.also_mentions_one if len(ids) == 1 else phrases.also_mentions_many,
                             where=_in_provision(kb, labels(ids, naming=document.naming),
                                                 labels_in(ids, "ru", naming=document.naming)),
                             subject=(_group_label(kb, subject), _group_label(kb, subject, "ru")))
    return ids, [p for p in ids if p in general], f" {also_en}", f" {also_ru}"


def _subject_place(document: Document, kb: KnowledgeBase, state: _Analysis,
                   crit: Criterion) -> tuple[Provision | None, str]:
    """Where a criterion's rule goes when no provision found for it is amended: the article on its subject
    (:func:`_target_article`), returned with its id, else no article and the place of a new one
    (:func:`_new_article_place`)."""
    template = crit.recommendation
    target = _target_article(document, state, template.target, crit.area, subject=template.subject)
    if target is not None:
        return target, target.id
    return None, _new_article_place(document, state, kb.areas[crit.area], template.target)


_PARAGRAPH = re.compile(r"(\d+)\.\s+")


def _paragraph_numbers(document: Document, target: str) -> list[int] | None:
    """The numbers of the paragraphs of the article ``target`` (not of its sub-paragraphs, "1)"); None when
    ``target`` is not an article."""
    provision = document.get(target)
    if provision is None or provision.kind != "article":
        return None
    return [int(m.group()) for child in provision.children if child.kind == "paragraph" and child.number
            for m in [re.match(r"\d+", child.number)] if m]


def _next_paragraph(numbers: list[int] | None) -> int:
    """The number the first added paragraph takes when supplementing an article with paragraphs ``numbers``
    (:func:`_paragraph_numbers`): after its last numbered paragraph; 2 when it has none (its present text becomes
    paragraph 1, whatever list of sub-paragraphs it holds); 1 when the target is not an article."""
    if numbers is None:
        return 1
    return max(numbers) + 1 if numbers else 2


def _number_paragraphs(clauses: list[str], first: int) -> tuple[str, int, list[int | None]]:
    """Model clauses joined into the text of one article or one supplement, its paragraphs numbered in sequence
    from ``first``: each clause numbers its paragraphs from 1, so two merged clauses would repeat "1.", and a
    supplement to an article with five paragraphs adds paragraph 6. Sub-paragraphs ("1)") keep their numbers.
    Returns the text, the number the next added paragraph would take, and the number each clause begins at
    (None for a clause left unnumbered: the only clause of a new article, of one paragraph)."""
    several = len(clauses) > 1 or first > 1
    number = first
    lines: list[str] = []
    starts: list[int | None] = []
    for clause in clauses:
        starts.append(number)
        # "paragraph 1 of this article" in a clause means its own first paragraph, wherever that now lands
        shift = number - 1
        clause = renumber_own_paragraphs(clause, lambda n, shift=shift: n + shift)
        for line in clause.strip().split("\n"):
            marker = _PARAGRAPH.match(line)
            if marker:
                line = f"{number}. {line[marker.end():]}"
                number += 1
            elif several and line.strip() and not SUBPARAGRAPH.match(line):
                line = f"{number}. {line}"
                number += 1
            lines.append(line)
    return "\n".join(lines), number, [start if start < number else None for start in starts]


def _merge(document: Document, kb: KnowledgeBase, drafts: list[_Draft], superseded: frozenset[str],
           home: str | None = None) -> list[Recommendation]:
    groups: dict[tuple[str, str, str], list[_Draft]] = {}
    order: list[tuple[str, str, str]] = []
    for draft in drafts:
        # Supplements to the same article within one area are one recommendation (every supplement targets an
        # article, quoted whole), and so are new provisions of one area that go to the same place: one new
        # article with a paragraph per criterion. A replaced definition stays apart: merged, it would replace the
        # whole definitions article.
        # The definitions of a draft without a definitions article make one new article, whatever their areas.
        definitions = draft.action == "new" and draft.crit.recommendation.place == "definitions"
        key = ("" if definitions else draft.crit.area, draft.action, draft.target)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(draft)
    recommendations: list[Recommendation] = []
    for index, key in enumerate(order, start=1):
        # a definitions article, the one group of several areas, leads with the child, the area the review starts
        # with; a group of one area keeps its order (the sort is stable)
        group = sorted(groups[key], key=lambda d: AREA_IDS.index(d.crit.area))
        lead = group[0]
        crits = [d.crit for d in group]
        sources: list[Source] = []
        for crit in crits:
            for source in _sources(kb, crit, superseded):
                if source.id not in {s.id for s in sources}:
                    sources.append(source)
        target, action, current = lead.target, lead.action, lead.current
        ages = sorted({band for c in crits for band in c.age_bands})
        gender_en = " ".join(c.gender.en for c in crits if c.gender)
        gender_ru = " ".join(c.gender.ru for c in crits if c.gender)
        issues = _issues(group)  # en, ru and the general rules they quote
        recommendations.append(Recommendation(
            id=f"rec-{index:03d}",
            areas=list(dict.fromkeys(c.area for c in crits)),
            criteria=[c.id for c in crits],
            risks=[r for d in group for r in d.risks],
            provisions=list(dict.fromkeys(p for d in group for p in d.provisions)),
            general_rules=issues[2],
            # a provision of the draft that can harm children makes its safeguard at least as urgent as the harm
            priority=min([c.priority for c in crits] + [d.severity for d in group if d.severity],
                         key=PRIORITY_RANK.__getitem__),
            issue=issues[0],
            solution=" ".join(c.recommendation.solution.en for c in crits),
            sources=sources,
            amendment=Amendment(
                target=target, action=action, current_text=current,
                proposed_text=ProposedText(en="", ru=""),  # numbered below, once the order is final
                justification=_justification(kb, crits, "en", superseded, home),
                justification_ru=_justification(kb, crits, "ru", superseded, home),
            ),
            age_bands=ages,
            gender=gender_en,
            ru=RecommendationRu(issue=issues[1],
                                solution=" ".join(c.recommendation.solution.ru for c in crits),
                                gender=gender_ru),
        ))
    recommendations += _companions(document, kb, recommendations, len(order))
    recommendations.sort(key=reading_order)
    _number_new_articles(document, recommendations)
    _new_chapters(document, kb, recommendations)
    return recommendations


def _companions(document: Document, kb: KnowledgeBase, recommendations: list[Recommendation], numbered: int
                ) -> list[Recommendation]:
    """For each recommendation that adds principles to a list carried out article by article
    (:func:`_carried_out_one_by_one`), a companion recommendation: a new article after the last of those articles,
    with the duties its clauses require beyond the principles, which the list does not take (a lawyer read the
    KZ Digital Code's art. 4 grown into paragraphs of operative rules as a break of the Code's scheme). Numbered on
    from the ``numbered`` recommendations; it cites the list and the articles that carry it out."""
    phrases = _phrases(kb)
    companions: list[Recommendation] = []
    for rec in recommendations:
        amendment = rec.amendment
        crits = [kb.criteria[c] for c in rec.criteria]
        if amendment.action != "supplement" or not crits or not all(c.recommendation.list_item for c in crits):
            continue
        carrying = _carried_out_one_by_one(document, amendment.target)
        with_duties = [c for c in crits if _after_first_paragraph(c.recommendation.model_clause.en)]
        if not carrying or not with_duties:
            continue
        first, last = carrying[0], carrying[-1]
        naming = document.naming
        issue = _both(phrases.principles_carried_out,
                      list=(label(amendment.target, naming=naming),
                            label_in(amendment.target, "ru", naming=naming)),
                      first=(label(first.id, naming=naming), run_on(label(first.id, "ru", naming=naming))),
                      last=(label(last.id, naming=naming), run_on(label(last.id, "ru", naming=naming))))
        solution = _both(phrases.carry_out_added_principles,
                         list=(label(amendment.target, naming=naming),
                               run_on(label(amendment.target, "ru", naming=naming))),
                         last=(label(last.id, naming=naming), label_genitive(last.id, "ru", naming=naming)))
        companions.append(rec.model_copy(deep=True, update={
            "id": f"rec-{numbered + len(companions) + 1:03d}",
            "criteria": [c.id for c in with_duties], "risks": [], "general_rules": [],
            "provisions": [amendment.target, first.id, last.id],
            "issue": issue[0], "solution": solution[0],
            "amendment": amendment.model_copy(update={"target": _new_after(last), "action": "new",
                                                      "current_text": ""}),
            "ru": rec.ru.model_copy(update={"issue": issue[1], "solution": solution[1]}),
        }))
    return companions


def _new_article_heading(kb: KnowledgeBase, crits: list[Criterion], lang: str) -> str:
    """The heading of a new article: its criterion's, or, when it gathers criteria with different headings, its
    area's (an article's heading names all it holds, not its first clause)."""
    headings = {c.recommendation.heading.get(lang) for c in crits}
    return headings.pop() if len(headings) == 1 else kb.areas[crits[0].area].article_heading.get(lang)


def _new_article_titled(document: Document, amendment: Amendment, heading: str, text: str, lang: str) -> str:
    """A new article's ``text`` under its title: "Статья 1-1. Основные понятия ...", "Section 6506a. ..."."""
    number = f" {amendment.number}" if amendment.number else ""
    return f"{ARTICLE_WORDS[document.article_word][lang]}{number}. {heading}\n{text}"


def _write_proposed_texts(document: Document, kb: KnowledgeBase, recommendations: list[Recommendation],
                          name: ActName, conditions: _Conditions, home: str | None = None
                          ) -> dict[str, RulePlace]:
    """Fill each amendment's proposed text from its criteria's model clauses, in the recommendations' final
    order: paragraphs added to the same article by several recommendations are numbered on from one another
    (Article 29 gets paragraphs 7-8 from one, 9-12 from the next), so accepting them all gives no two
    paragraphs one number. An article that is one list of principles takes a principle as its next item ("10)
    ..."), and what the clause requires beyond it as paragraphs 2, 3, ..., its present text becoming paragraph 1;
    an article of definitions takes ours as its next items or paragraphs, worded as its own.
    Our texts, written for a code, name the act as the draft names itself ("this Law":
    :func:`~crlens.analysis.act_name.name_the_act`), then take the draft's own terms, the Russian text and
    solution (:func:`~crlens.analysis.terminology.adapt_ru`) and the English ones by the same decision
    (:func:`~crlens.analysis.terminology.adapt_en`). A text that adds to the law in force of the draft's own
    country ``home`` ends by saying so (:func:`_applies_with_law_in_force`). ``conditions``: what the words a
    clause says only of some drafts ask of this one (:func:`_fill`). Returns where each criterion's rule now is,
    for the texts that refer to it (:func:`_refer_to_rules`)."""
    next_free: dict[str, int] = {}
    next_item: dict[str, int] = {}
    places: dict[str, RulePlace] = {}
    terms = _terms_to_define(document, kb, recommendations)
    # the new articles that carry out principles added to a list (:func:`_companions`): they share its criteria
    listed = {c for r in recommendations if r.amendment.action == "supplement"
              and _carried_out_one_by_one(document, r.amendment.target) for c in r.criteria}
    companions = {r.id for r in recommendations if r.amendment.action == "new" and set(r.criteria) <= listed}
    host = _definitions_host(kb, recommendations, terms)

    def entries_written(rec: Recommendation, texts: dict[str, str], defined: bool) -> None:
        # a recommendation that adds items or definitions to an article, or replaces one: its rules are in that
        # article, wherever in it
        rec.amendment.proposed_text = ProposedText(**texts)
        if defined:
            _say_terms_are_defined(document, kb, rec, terms, conditions)
        _name_the_act_in_solution(document, kb, rec, name, conditions.in_force)
        places.update({c: RulePlace(rec.amendment.target) for c in rec.criteria})
    for rec in recommendations:
        amendment = rec.amendment
        crits = [kb.criteria[c] for c in rec.criteria]
        last_item = _last_list_item(document, amendment.target) if amendment.action == "supplement" else None
        # items go on after those of the recommendations before, even when one of them added paragraphs after
        # the list too; not after paragraphs that another kind of text added, which closed the list
        listing = amendment.target not in next_free or amendment.target in next_item
        if last_item is not None and listing and crits and all(c.recommendation.list_item for c in crits):
            # a list of principles takes principles as its next items, not paragraphs that renumber it, and a list
            # of definitions takes definitions; what the clauses require beyond the item (recording how the
            # child's interests were weighed) follows as paragraphs, the present text becoming paragraph 1, so
            # nothing the solution promises is lost
            defined = terms if rec is host else []
            first_item = next_item.get(amendment.target, last_item + 1)
            next_item[amendment.target] = first_item + len(crits) + len(defined)
            # the item the new ones follow closed the list: its full stop becomes a semicolon (the draft's last
            # item, or the last one another recommendation proposed)
            closed = first_item > last_item + 1 or _closes_list(document, amendment.target, last_item)
            # the present text became paragraph 1 when an earlier recommendation added paragraphs to it
            numbered, first_paragraph = amendment.target in next_free, next_free.get(amendment.target, 2)
            texts = {}
            for lang in ("en", "ru"):
                as_drafted = _definition_wording(document, kb, amendment.target, lang)
                own = [said(getattr(c.recommendation.list_item, lang), conditions.keep) for c in crits]
                own = [as_drafted(item) if c.recommendation.place == "definitions" else item
                       for c, item in zip(crits, own, strict=True)]
                items = _list_items(own + [as_drafted(t) for t in _defined_term_items(kb, defined, lang,
                                                                                       conditions)],
                                    first_item)
                if closed:
                    items = f"{last_item_semicolon(lang, first_item - 1)}\n{items}"
                # a list carried out article by article keeps its items only: the duties are the companion's
                duties = ([] if _carried_out_one_by_one(document, amendment.target) else
                          _beyond_first_paragraphs(crits, amendment.target, document, lang, kb, conditions))
                if duties:
                    added, following, _ = _number_paragraphs(duties, first_paragraph)
                    if not numbered:
                        added = f"{present_text_numbered(lang, document.article_word)}\n{added}"
                    items += f"\n{added}"
                    next_free[amendment.target] = following
                texts[lang] = _in_drafts_terms(document, kb, name_the_act(items, name, lang), lang,
                                               conditions.in_force)
            entries_written(rec, texts, bool(defined))
            continue
        if amendment.action == "new" and crits and all(c.recommendation.place == "definitions" for c in crits):
            # a draft without a definitions article gets one, headed and led in as laws word theirs, with all our
            # definitions in one list in alphabetical order, then what the clauses require beyond a definition
            defined = terms if rec is host else []
            phrases = _phrases(kb)
            entries = {lang: [said(getattr(c.recommendation.list_item, lang), conditions.keep) for c in crits]
                       + _defined_term_items(kb, defined, lang, conditions) for lang in ("en", "ru")}
            # in the order of the draft's language, in both texts: the English item 2) translates the Russian 2)
            by_term = entries["en" if document.language == "en" else "ru"]
            order = sorted(range(len(by_term)), key=lambda k: _alphabetical(by_term[k]))
            texts = {}
            for lang in ("en", "ru"):
                listed = f"1. {phrases.definitions_article_lead.get(lang)}\n" \
                         f"{_list_items([entries[lang][k] for k in order], 1)}"
                duties = _beyond_first_paragraphs(crits, amendment.target, document, lang, kb, conditions)
                text = _number_paragraphs([listed, *duties], 1)[0]
                titled = _new_article_titled(document, amendment, phrases.definitions_article_heading.get(lang),
                                             text, lang)
                texts[lang] = _in_drafts_terms(document, kb, name_the_act(titled, name, lang), lang,
                                               conditions.in_force)
            first = anchor_of(amendment.target)
            made = _both(phrases.make_definitions_article,
                         where=(label(first, naming=document.naming),
                                label_genitive(first, "ru", naming=document.naming)))
            rec.solution, rec.ru.solution = f"{made[0]} {rec.solution}", f"{made[1]} {rec.ru.solution}"
            entries_written(rec, texts, bool(defined))
            continue
        if (amendment.action == "supplement" and crits and _defines_by_paragraphs(document, amendment.target)
                and all(c.recommendation.place == "definitions" for c in crits)):
            # an article whose paragraphs are each a definition ("(4) ‘profiling’ means ...") takes ours as its
            # next paragraphs, worded as its own, not as sentences of a code ("For the purposes of ..., a child
            # is ...") nor as a paragraph with a list of its own; what the clauses require beyond the definition
            # follows them
            defined = terms if rec is host else []
            first = next_free.get(amendment.target) or _next_paragraph(
                _paragraph_numbers(document, amendment.target))
            texts = {}
            for lang in ("en", "ru"):
                as_drafted = _definition_wording(document, kb, amendment.target, lang)
                entries = [said(getattr(c.recommendation.list_item, lang), conditions.keep) for c in crits]
                entries += _defined_term_items(kb, defined, lang, conditions)
                duties = _beyond_first_paragraphs(crits, amendment.target, document, lang, kb, conditions)
                text, next_free[amendment.target], _ = _number_paragraphs(
                    [f"1. {as_drafted(entry)}." for entry in entries] + duties, first)
                texts[lang] = _in_drafts_terms(document, kb, name_the_act(text, name, lang), lang,
                                               conditions.in_force)
            entries_written(rec, texts, bool(defined))
            continue
        item = document.get(amendment.target) if amendment.action == "amend" else None
        if (item is not None and item.number.isdigit() and crits
                and (item.kind in _LIST_ITEMS or _defines_by_paragraphs(document, article_of(amendment.target)))
                and all(c.recommendation.place == "definitions" for c in crits)):
            # the draft's own definition in a list of them ("4) ребенок – лицо, не достигшее тринадцати лет;", "(1)
            # The term “child” means an individual under the age of 13.") is replaced by ours as that item or
            # paragraph, not by paragraphs that would break the list or take the numbers of those after it
            end = ";" if item.text.rstrip().endswith(";") else "."
            texts = {}
            for lang in ("en", "ru"):
                as_drafted = _definition_wording(document, kb, article_of(amendment.target), lang)
                entries = [as_drafted(said(getattr(c.recommendation.list_item, lang), conditions.keep))
                           for c in crits]
                text = (_list_items(entries, int(item.number), end) if item.kind in _LIST_ITEMS
                        else _number_paragraphs([f"1. {entry}{end}" for entry in entries], int(item.number))[0])
                texts[lang] = _in_drafts_terms(document, kb, name_the_act(text, name, lang), lang,
                                               conditions.in_force)
            entries_written(rec, texts, False)
            continue
        numbers = None if amendment.action == "new" else _paragraph_numbers(document, amendment.target)
        first = 1 if amendment.action == "new" else next_free.get(amendment.target) or _next_paragraph(numbers)
        # the first supplement to an article without numbered paragraphs numbers its present text
        numbers_present = (amendment.action == "supplement" and amendment.target not in next_free
                           and numbers == [])
        texts = {}
        for lang in ("en", "ru"):
            clauses = [_fill(getattr(c.recommendation.model_clause, lang), amendment.target, document, lang, kb,
                             conditions)
                       for c in crits]
            if rec.id in companions:
                # the duties alone, their paragraphs numbered from 1: the principle is an item of the list; a
                # criterion whose duties this draft is not told (words said only of some drafts) is not its
                duties = [_after_first_paragraph(clause) for clause in clauses]
                crits = [c for c, text in zip(crits, duties, strict=True) if text]
                rec.criteria = [c.id for c in crits]
                clauses = [renumber_own_paragraphs(text, lambda n: n - 1) for text in duties if text]
            if rec is host:
                clauses.append(_definitions_paragraph(document, kb, terms, lang, conditions))
            texts[lang], following, starts = _number_paragraphs(clauses, first)
            # each rule runs to where the next begins; the definitions paragraph is no criterion's rule
            ends = [*starts[1:len(crits)], following - 1 if rec is host else following]
            starts = starts[:len(crits)]
            if amendment.action == "new":
                texts[lang] = _new_article_titled(document, amendment, _new_article_heading(kb, crits, lang),
                                                  texts[lang], lang)
            texts[lang] = name_the_act(texts[lang], name, lang)
            if numbers_present:
                texts[lang] = f"{present_text_numbered(lang, document.article_word)}\n{texts[lang]}"
        texts = {lang: _in_drafts_terms(document, kb, text, lang, conditions.in_force)
                 for lang, text in texts.items()}
        target = document.get(amendment.target)
        if amendment.action == "new" or (target is not None and target.kind == "article"):
            # after the draft's terms replace ours: the law's title is its own ("онлайн-платформы" stays)
            added = [] if amendment.action == "new" else list(range(first, following))
            closing = {lang: _applies_with_law_in_force(kb, rec, crits, home, added, lang) for lang in texts}
            if closing["en"]:
                texts = {lang: f"{text}\n{following}. {closing[lang]}" for lang, text in texts.items()}
                following += 1
        if amendment.action != "new" and following > first:
            next_free[amendment.target] = following
        if rec is host:
            _say_terms_are_defined(document, kb, rec, terms, conditions)
        _name_the_act_in_solution(document, kb, rec, name, conditions.in_force)
        amendment.proposed_text = ProposedText(**texts)
        places.update(_rule_places(document, amendment, crits, starts, ends))
    return places


@dataclass(frozen=True)
class _TermToDefine:
    """A term of ours (``terminology.yaml``, definitions) that proposed texts use and the draft has no word for."""

    term: TermDefinition
    used_in: tuple[str, ...]
    """The recommendations whose proposed texts use it."""


def _clause_texts(kb: KnowledgeBase, rec: Recommendation, lang: str) -> Iterator[str]:
    for crit in (kb.criteria[c] for c in rec.criteria):
        yield getattr(crit.recommendation.model_clause, lang)
        if crit.recommendation.list_item:
            yield getattr(crit.recommendation.list_item, lang)


def _terms_to_define(document: Document, kb: KnowledgeBase, recommendations: list[Recommendation]
                     ) -> list[_TermToDefine]:
    """The terms our proposed texts use that the draft never uses, in any form, so does not define either, nor
    names by a word of its own that the texts take instead (``terminology.yaml``: «профайлинг» for our
    «профилирование»), with the recommendations that use each; a term that one of their definitions uses counts
    too ("content", in the definition of a hosting provider). In the order of the draft's language ("контент",
    "онлайн-игра", ...). Our texts are read in the draft's language: Russian for a Russian or Kazakh draft,
    English for an English one."""
    lang = "en" if document.language == "en" else "ru"
    missing = [t for t in kb.term_definitions
               if not uses_term(document.text, t.term, t.term_en, document.language)
               and not names_by_alternative(document.text, t.term, kb.terminology, document.language)]
    used_in: dict[str, list[str]] = {t.id: [] for t in missing}
    for rec in recommendations:
        texts = "\n".join(_clause_texts(kb, rec, lang))
        for term in missing:
            if uses_term(texts, term.term, term.term_en, lang):
                used_in[term.id].append(rec.id)
    needed = {t.id for t in missing if used_in[t.id]}
    grown = True
    while grown:  # a definition may use another of our terms
        grown = False
        for term in missing:
            if term.id not in needed and any(
                    uses_term(d.definition.get(lang), term.term, term.term_en, lang)
                    for d in missing if d.id in needed):
                needed.add(term.id)
                grown = True
    chosen = [t for t in missing if t.id in needed]
    chosen.sort(key=lambda t: (t.term_en if lang == "en" else t.term).replace("ё", "е"))
    return [_TermToDefine(t, tuple(sorted(used_in[t.id]))) for t in chosen]


def _definitions_host(kb: KnowledgeBase, recommendations: list[Recommendation], terms: list[_TermToDefine]
                      ) -> Recommendation | None:
    """The recommendation whose proposed text also defines ``terms``: the first that adds definitions to the
    draft (a child, cyberbullying) as paragraphs of its own, else the first whose text uses one of the terms.
    Only one that adds paragraphs (a supplement or a new article) or definitions to a list of them, not one that
    rewrites a provision or adds principles to a list. None when there is nothing to define."""
    if not terms:
        return None
    adds = [r for r in recommendations if r.amendment.action in {"supplement", "new"}]
    defining = (r for r in adds if any(kb.criteria[c].recommendation.place == "definitions" for c in r.criteria))
    users = {r for t in terms for r in t.used_in}
    # principles added to a list are items; a paragraph of definitions after them would end the list
    principles = {r.id for r in adds if all(kb.criteria[c].recommendation.list_item for c in r.criteria)}
    return next(defining, None) or next((r for r in adds if r.id in users and r.id not in principles), None)


def _definitions_paragraph(document: Document, kb: KnowledgeBase, terms: list[_TermToDefine], lang: str,
                          conditions: _Conditions) -> str:
    """One paragraph that defines ``terms``, a sub-paragraph each ("1) контент – информация ...;"), worded as
    a model clause is ("1. ..."), for :func:`_number_paragraphs` to number."""
    items = _list_items(_defined_term_items(kb, terms, lang, conditions), 1)
    return f"1. {_phrases(kb).defined_terms.get(lang)}\n{items}"


def _defined_term_items(kb: KnowledgeBase, terms: list[_TermToDefine], lang: str, conditions: _Conditions
                        ) -> list[str]:
    """``terms`` each with its definition, as items of a list without their numbers or closing punctuation
    ("контент – информация ..."), with the words a definition says only of some drafts kept or left out as
    ``conditions`` says (the reference to a law in force of the draft's country that defines the word too)."""
    phrases = _phrases(kb)
    return [phrases.defined_term.fill(lang, term=t.term.term_en if lang == "en" else t.term.term,
                                      definition=said(t.term.definition.get(lang), conditions.keep))
            for t in terms]


def _defines_by_paragraphs(document: Document, target: str) -> bool:
    """Whether ``target`` is an article whose paragraphs are definitions worded alike ("(1) ‘personal data’
    means ...; (2) ‘processing’ means ..."), as EU regulations and common-law acts define their terms."""
    article = document.get(target)
    if article is None or article.kind != "article":
        return False
    paragraphs = [c.text for c in article.children if c.kind == "paragraph"]
    return len(paragraphs) > 1 and definition_style(paragraphs) is not None


def _definition_wording(document: Document, kb: KnowledgeBase, article: str, lang: str) -> Callable[[str], str]:
    """How a definition we add to ``article`` is worded in ``lang``: in the draft's language, as the draft words
    the definitions there ("child – ...", "‘child’ means ..."); as ours are (``phrases.defined_term``) in the
    other language, or when the draft's are not worded alike, with a capital where the draft's have one."""
    provision = document.get(article)
    style = (definition_style([c.text for c in provision.children])
             if provision is not None and provision.children else None)
    if style is None:
        return lambda definition: definition
    if lang != ("en" if document.language == "en" else "ru"):
        return lambda definition: (definition[:1].upper() + definition[1:]) if style.capital else definition
    separator = _phrases(kb).definition_separator(lang)
    return lambda definition: reworded(definition, separator, style)


def _say_terms_are_defined(document: Document, kb: KnowledgeBase, rec: Recommendation, terms: list[_TermToDefine],
                           conditions: _Conditions) -> None:
    """The issue and solution of the recommendation that defines ``terms`` say so, naming each term as the
    proposed texts do (:func:`_in_drafts_terms`: «профайлинг» where a law in force says so) and the
    recommendations whose texts use it. A law in force of the draft's country that defines one of them too
    (:attr:`~crlens.knowledge.models.TermDefinition.law_in_force`) is cited among its sources, and the issue then
    names it (:func:`_cite_law_in_force`)."""
    in_force = conditions.in_force
    for law in dict.fromkeys(t.term.law_in_force for t in terms):
        if law in in_force and law not in conditions.own and law not in {s.id for s in rec.sources}:
            rec.sources.append(_example_source(kb.examples[law]))
    phrases = _phrases(kb)
    said = [(_in_drafts_terms(document, kb, t.term.term_en, "en", in_force),
             _in_drafts_terms(document, kb, t.term.term, "ru", in_force)) for t in terms]
    listed = {lang: "; ".join(phrases.term_used_in.fill(
        lang, term=word[lang == "ru"], recommendations=", ".join(t.used_in))
        for t, word in zip(terms, said, strict=True)) for lang in ("en", "ru")}
    words = {"en": ", ".join(en for en, _ in said), "ru": ", ".join(ru for _, ru in said)}
    issue = _both(phrases.terms_our_texts_use, terms=(listed["en"], listed["ru"]))
    solution = _both(phrases.define_terms_our_texts_use, terms=(words["en"], words["ru"]))
    rec.defined_terms = [TermUse(term=ru, term_en=en, used_in=list(t.used_in))
                         for t, (en, ru) in zip(terms, said, strict=True)]
    rec.issue = f"{rec.issue} {issue[0]}"
    rec.ru.issue = f"{rec.ru.issue} {issue[1]}"
    rec.solution = f"{rec.solution} {solution[0]}"
    rec.ru.solution = f"{rec.ru.solution} {solution[1]}"


def _rule_places(document: Document, amendment: Amendment, crits: list[Criterion],
                 starts: list[int | None], ends: list[int | None]) -> dict[str, RulePlace]:
    """Where the rule of each of ``crits`` is once ``amendment`` is made, each beginning at the paragraph
    ``starts`` gives it (:func:`_number_paragraphs`) and running to the one before ``ends``: a new article that
    holds one rule is that rule; a supplement to a provision that is no article (a definition, a paragraph) is
    that provision."""
    new = amendment.action == "new"
    if new:
        if not amendment.number:
            return {}
        if len(crits) == 1:
            return {crits[0].id: RulePlace(article_of_text(amendment), whole=True)}
    elif (target := document.get(amendment.target)) is None or target.kind != "article":
        return {c.id: RulePlace(amendment.target) for c in crits}
    article = article_of_text(amendment)
    return {c.id: RulePlace(article, start, span=end - start if start and end else 1, new=new)
            for c, start, end in zip(crits, starts, ends, strict=True)}


def _holding(first: str, provisions: list[str]) -> str:
    """The smallest provision that holds all ``provisions`` of the article of the ``first`` (the draft's rule on
    complaints is its Article 39: a mechanism in paragraph 1, the periods in paragraph 2); ``first`` itself when
    the others are in other articles."""
    parts = first.split(".")
    for other in provisions:
        if article_of(other) != parts[0]:
            continue
        shared = other.split(".")
        depth = next((i for i, (a, b) in enumerate(zip(parts, shared, strict=False)) if a != b),
                     min(len(parts), len(shared)))
        parts = parts[:depth]
    return ".".join(parts)


def _refer_to_rules(document: Document, kb: KnowledgeBase, recommendations: list[Recommendation],
                    results: dict[str, CriterionResult], places: dict[str, RulePlace], name: ActName) -> None:
    """Name in each proposed text where the rules it refers to are (:func:`~crlens.analysis.references.
    refer_to_rules`): those our texts set where :func:`_write_proposed_texts` put them (``places``), the others
    in the draft's provision that holds the words meeting them, in part or in full (:func:`_holding`)."""
    everywhere = dict(places)
    areas = {area: [crit.id for crit in kb.criteria_of(area)] for area in kb.areas}
    sets = {set_id: rule_set_members(kb, set_id) for set_id in kb.rule_sets}
    for crit_id, result in results.items():
        if crit_id not in everywhere and result.status in ("addressed", "partial") and result.evidence:
            provisions = [e.provision for e in result.evidence]
            everywhere[crit_id] = RulePlace(_holding(provisions[0], provisions))
    for rec in recommendations:
        if not any(kb.criteria[c].recommendation.rules for c in rec.criteria):
            continue
        amendment = rec.amendment
        here = article_of_text(amendment)
        amendment.proposed_text = ProposedText(**{
            lang: refer_to_rules(getattr(amendment.proposed_text, lang), lang, here, everywhere, _phrases(kb),
                                 name, document.naming, areas, sets)
            for lang in ("en", "ru")})


def _applies_with_law_in_force(kb: KnowledgeBase, rec: Recommendation, crits: list[Criterion], home: str | None,
                               added: list[int], lang: str) -> str:
    """The paragraph that closes a proposed text which adds to the law in force of the draft's own country
    ``home``: what it sets (the article, or the paragraphs ``added`` to one) applies together with that law,
    named as that country's laws cite it (``Jurisdiction.acts``). The issue tells the drafter to refer to that
    law and add only what it lacks; a text that then set its own periods (five working days for a child's
    complaint, where the Law on Online Platforms gives every user twenty calendar days) without naming it would
    leave the two regimes side by side unseen. It sets no priority of its own: the draft's collision rule (the
    KZ Code prevails over laws, its art. 2(3)) decides, and a second one would contradict it. "" when the
    recommendation cites no such law, or defines a term (a definitions article defines; the articles that set
    rules refer)."""
    jurisdiction = kb.jurisdictions.get(home) if home else None
    if jurisdiction is None or any(c.recommendation.place == "definitions" for c in crits):
        return ""
    cited = {act.title: act.cited.get(lang) for act in jurisdiction.acts}
    laws = laws_in_force_cited(kb, rec, home)
    acts = list(dict.fromkeys(cited[e.title.en] for e in laws if e.title is not None and e.title.en in cited))
    if not acts:
        return ""
    phrases = _phrases(kb)
    if not added:
        what = phrases.this_article.get(lang)
    elif len(added) == 1:
        what = phrases.paragraph_of_this_article.fill(lang, number=added[0])
    else:  # "paragraphs 9 and 10", as a drafter writes two; a run of more, "9–12"
        what = phrases.paragraphs_of_this_article.fill(lang, numbers=numbers(added, lang=lang))
    return phrases.applies_with_law_in_force.fill(lang, what=what, laws=listed(acts, lang))


def _in_drafts_terms(document: Document, kb: KnowledgeBase, text: str, lang: str, in_force: Set[str], *,
                     quotes: bool = False) -> str:
    """A proposed text or solution in the draft's own terms: "цифровая платформа" where ours says
    "онлайн-платформа" (:func:`~crlens.analysis.terminology.adapt_ru`), and by the same decision "digital
    platform" in English (:func:`~crlens.analysis.terminology.adapt_en`), so both texts name what the draft
    names; or, for a term the draft does not use, the word of a law of its country ``in_force`` (examples).
    With ``quotes`` (an issue text), the draft's words it quotes stay as they are. A body ours names by its field
    is the draft's own where the draft defines the bare name
    (:func:`~crlens.analysis.terminology.as_the_acts_own_body`); a dash is the draft's kind
    (:func:`_en_dash_only`)."""
    defined = [d.term for d in document.definitions]
    if lang == "ru":
        text = adapt_ru(text, document.text, kb.terminology, document.language, frozenset(in_force), quotes=quotes)
        if _en_dash_only(document.text):
            text = text.replace("—", "–")
    else:
        text = adapt_en(text, document.text, kb.terminology, document.language, frozenset(in_force), quotes=quotes)
    return as_the_acts_own_body(text, lang, defined, kb.own_bodies)


@functools.lru_cache(maxsize=8)
def _en_dash_only(draft_text: str) -> bool:
    """Whether a draft writes its dashes as en dashes only («ребенок – физическое лицо»), as Kazakh laws do: our
    Russian texts then write theirs so too (a lawyer found «—» beside the Code's «–»)."""
    return "–" in draft_text and "—" not in draft_text


def _name_the_act_in_solution(document: Document, kb: KnowledgeBase, rec: Recommendation, name: ActName,
                              in_force: Set[str]) -> None:
    """The solutions (en, ru) naming the act as the draft names itself, in the draft's terms; the issues too in
    the draft's terms, outside what they quote, so that an issue names what its proposed text names."""
    rec.solution = _in_drafts_terms(document, kb, name_the_act(rec.solution, name, "en"), "en", in_force)
    rec.ru.solution = _in_drafts_terms(document, kb, name_the_act(rec.ru.solution, name, "ru"), "ru", in_force)
    rec.issue = _in_drafts_terms(document, kb, rec.issue, "en", in_force, quotes=True)
    rec.ru.issue = _in_drafts_terms(document, kb, rec.ru.issue, "ru", in_force, quotes=True)


def _last_list_item(document: Document, target: str) -> int | None:
    """The number of the last item of an article that is one list under a lead-in ("... is based on the following
    principles: 1) ...; 9) ..."), with no numbered paragraph; None for any other target."""
    article = document.get(target)
    if article is None or article.kind != "article" or not article.text.strip() or not article.children:
        return None
    if not all(c.kind in _LIST_ITEMS and c.number.isdigit() for c in article.children):
        return None
    return int(article.children[-1].number)


def _closes_list(document: Document, target: str, number: int) -> bool:
    """Whether item ``number`` of the list article ``target`` ends with a full stop (it closes the list)."""
    item = document.get(f"{target}.{number}")
    return item is not None and item.text.rstrip().endswith(".")


def _carried_out_one_by_one(document: Document, target: str) -> list[Provision] | None:
    """The articles that each carry out one item of the list article ``target``, in the draft's order, when every
    item is, word for word, the heading of an article after it (the KZ Digital Code's art. 4 lists nine
    principles, and arts. 5 to 13 are headed by them); None otherwise. Such a list takes principles only: the
    duties that give effect to a principle added to it go to an article of their own after the last of these
    (:func:`_companions`)."""
    article = document.get(target)
    if article is None or _last_list_item(document, target) is None or len(article.children) < 2:
        return None
    articles = [p for p in document.provisions if p.kind == "article"]
    after = {_as_heading(p.heading): p for p in articles[articles.index(article) + 1:] if p.heading}
    carrying = [after.get(_as_heading(item.text)) for item in article.children]
    if any(p is None for p in carrying):
        return None
    return sorted(carrying, key=articles.index)  # type: ignore[arg-type]


def _as_heading(words: str) -> str:
    return words.strip().rstrip(";.").strip().casefold()


def _beyond_first_paragraphs(crits: list[Criterion], target: str, document: Document, lang: str,
                             kb: KnowledgeBase, conditions: _Conditions) -> list[str]:
    """What the clauses of ``crits`` require beyond the first paragraph each (the principle or definition a list
    item states instead), filled for the draft; none for a clause of one paragraph."""
    return [duties for c in crits if (duties := _after_first_paragraph(_fill(
        getattr(c.recommendation.model_clause, lang), target, document, lang, kb, conditions)))]


def _after_first_paragraph(clause: str) -> str:
    """A model clause without its first paragraph (the principle a list item states instead): its paragraphs
    from "2." on, or nothing when it has one paragraph only."""
    lines = clause.strip().split("\n")
    start = next((i for i, line in enumerate(lines) if (m := _PARAGRAPH.match(line)) and m.group(1) == "2"), None)
    return "\n".join(lines[start:]) if start is not None else ""


def _alphabetical(entry: str) -> str:
    """The key that orders definitions by their terms, as a law lists them: quotes and case aside, «ё» as «е»."""
    return entry.lstrip("«“‘\"'").casefold().replace("ё", "е")


def _list_items(items: list[str], first: int, end: str = ".") -> str:
    """Items added to a list, numbered from ``first`` as the list numbers them ("10) ...;"), the last ending with
    ``end``: a full stop when it closes the list, a semicolon when it replaces an item others follow."""
    return "\n".join(f"{first + k}) {item}{end if k == len(items) - 1 else ';'}" for k, item in enumerate(items))


_THIS_ARTICLE = re.compile(r"\bthis article\b")


def _in_sections(recommendations: list[Recommendation]) -> None:
    """The English texts for an act of sections (COPPA, 15 U.S.C. §§ 6501–6506) say "this section" where ours say
    "this article": the act names no articles, and "paragraph 1 of this article" in a new section pointed at
    nothing. The Russian ones keep «настоящей статьи», as they name the sections' paragraphs «пункт»."""
    for rec in recommendations:
        rec.solution = _THIS_ARTICLE.sub("this section", rec.solution)
        text = rec.amendment.proposed_text
        rec.amendment.proposed_text = ProposedText(en=_THIS_ARTICLE.sub("this section", text.en), ru=text.ru)


def _cite_law_in_force(kb: KnowledgeBase, recommendations: list[Recommendation], home: str | None) -> None:
    """A recommendation whose criteria the draft's own country's law in force already has rules on says so:
    the issue names that law, its pinpoint and what it provides, and says the draft should refer to it rather
    than set up a parallel regime; the solution says to build on it. Our words are frames; what the law provides
    is the example's summary in the knowledge base. Added once the texts are final (after the draft's own terms
    replace ours in the solutions, which must not rename a law's title)."""
    phrases = _phrases(kb)
    for rec in recommendations:
        laws = laws_in_force_cited(kb, rec, home)
        if not laws:
            continue
        ids = {e.id for e in laws}
        part = (any(e.general_rule for e in laws)
                or any(not ids & set(kb.criteria[c].examples) for c in rec.criteria))
        # the law in force has rules on the whole issue, or on part of it when some of the recommendation's
        # criteria have no example in that law, or when what it has is a rule for everyone, not for children
        this = phrases.law_in_force_part if part else phrases.law_in_force_whole
        texts = {}
        for lang in ("en", "ru"):
            ref = (lambda e: e.ref_ru) if lang == "ru" else (lambda e: e.ref)
            described = "; ".join(f"{ref(e)} ({in_brackets(e.summary.get(lang))})" for e in laws)
            texts[lang] = (phrases.law_in_force.fill(lang, this=this.get(lang), laws=described),
                           phrases.build_on_law_in_force.fill(lang, refs="; ".join(ref(e) for e in laws)))
        rec.issue = f"{rec.issue} {texts['en'][0]}"
        rec.ru.issue = f"{rec.ru.issue} {texts['ru'][0]}"
        rec.solution = f"{rec.solution} {texts['en'][1]}"
        rec.ru.solution = f"{rec.ru.solution} {texts['ru'][1]}"


# --- assembling the review ---------------------------------------------------------------------------------


def _name_children_as_defined(kb: KnowledgeBase, recommendations: list[Recommendation],
                              results: dict[str, CriterionResult]) -> None:
    """Where «ребенок» is every person under eighteen, as the draft defines it or our review has it define it
    (``ages.yaml``'s ``child_definition`` met, or recommended), the Russian proposed texts name that person
    «ребенок», not by the age (:func:`~crlens.analysis.children.as_children`); the texts that define a term by
    the age keep it."""
    definition = kb.child_definition_criterion
    if not definition:
        return
    defined = definition in results and results[definition].status == "addressed"
    if not defined and not any(definition in rec.criteria for rec in recommendations):
        return
    for rec in recommendations:
        if set(rec.criteria) & set(kb.defining_criteria):
            continue
        text = rec.amendment.proposed_text
        if text.ru:
            rec.amendment.proposed_text = text.model_copy(update={"ru": as_children(text.ru)})


def _provision_results(document: Document, state: _Analysis,
                       relevance: dict[str, tuple[str, list[str]]]) -> list[ProvisionResult]:
    out = []
    for node in document.provisions:
        rel, terms = relevance[node.id]
        out.append(ProvisionResult(
            id=node.id, parent=node.parent.id if node.parent else None, kind=node.kind, number=node.number,
            label=node.label, heading=node.heading, text=node.text, offsets=[node.start, node.end],
            areas=state.areas.get(node.id, []), child_relevance=rel, relevance_terms=terms,
            signals=state.signals.get(node.id, []),
        ))
    return out


def _area_results(document: Document, kb: KnowledgeBase, state: _Analysis,
                  results: dict[str, CriterionResult]) -> list[AreaResult]:
    out = []
    for area_id in AREA_IDS:
        crits = [r for r in results.values() if r.area == area_id]
        counts = {s: sum(1 for r in crits if r.status == s) for s in ("addressed", "partial", "gap",
                                                                         "not-applicable")}
        applicable = len(crits) - counts["not-applicable"]
        if applicable == 0:
            status = "not-applicable"
        elif counts["addressed"] == applicable:
            status = "addressed"
        elif counts["addressed"] or counts["partial"]:
            status = "partial"
        else:
            status = "gap"
        evidence = list(dict.fromkeys(e.provision for r in crits for e in r.evidence))[:12]
        tagged = sum(1 for p in document.articles if area_id in state.areas.get(p.id, []))
        summary, summary_ru = _both(_phrases(kb).area_summary, addressed=counts["addressed"],
                                    applicable=applicable, partial=counts["partial"], gap=counts["gap"],
                                    tagged=tagged)
        out.append(AreaResult(id=area_id, status=status, evidence=evidence, summary=summary, summary_ru=summary_ru,
                              criteria=counts, provisions=tagged))
    return out


def _positives(kb: KnowledgeBase, results: dict[str, CriterionResult]) -> list[PositiveFinding]:
    out = []
    for result in results.values():
        if result.status != "addressed" or not result.evidence:
            continue
        crit = kb.criteria[result.id]
        ev = result.evidence[0]
        out.append(PositiveFinding(criterion=crit.id, area=crit.area, provision=ev.provision, quote=ev.quote,
                                   statement=crit.statement.en, statement_ru=crit.statement.ru))
    return out


def _observations(document: Document, kb: KnowledgeBase, results: dict[str, CriterionResult],
                  recommendations: list[Recommendation], matcher: ConceptMatcher) -> list[Observation]:
    """One observation per area with criteria that do not apply: the fields the draft leaves to other laws, and
    the recommendations whose rules would bring such a field into the draft (a rule on labelling advertising
    while "the draft does not regulate advertising" reads as a contradiction unless it is named). ``matcher``:
    the draft's, which reads the proposed texts in the draft's language."""
    out = []

    @functools.cache
    def named_in(rec_id: str) -> frozenset[str]:
        """The concepts a recommendation's proposed text names, read in the draft's language (none in Kazakh,
        which the proposed texts are not written in)."""
        if document.language not in ("en", "ru"):
            return frozenset()
        text = getattr(by_id[rec_id].amendment.proposed_text, document.language)
        return frozenset(hit.concept for hit in matcher.find(text))

    by_id = {rec.id: rec for rec in recommendations}
    by_area: dict[str, list[str]] = {}
    for result in results.values():
        if result.status == "not-applicable":
            by_area.setdefault(result.area, []).append(result.id)
    for area_id, crits in by_area.items():
        # the field concepts of the area's criteria, once each: the draft regulates none of them
        concepts = list(dict.fromkeys(c for crit in crits for c in kb.criteria[crit].detect.field))
        fields_en = "; ".join(_group_label(kb, [c]) for c in concepts)
        fields_ru = "; ".join(_group_label(kb, [c], "ru") for c in concepts)
        title = kb.areas[area_id].title
        # named by what they ask for, as the recommendations head them; the ids are in ``criteria``
        names_en = "; ".join(kb.criteria[c].recommendation.heading.en for c in crits)
        names_ru = "; ".join(kb.criteria[c].recommendation.heading.ru for c in crits)
        phrases = _phrases(kb)
        text, text_ru = _both(phrases.not_regulated_one if len(crits) == 1 else phrases.not_regulated_many,
                              area=(title.en, title.ru), fields=(fields_en, fields_ru), count=len(crits),
                              names=(names_en, names_ru))
        # proposed rules on the subject of a field the draft does not regulate, which their texts name: a clause
        # placed by its subject may drop the words on it in this draft (no experimental regimes in a draft that
        # has none)
        fields = set(concepts)
        bringing = sorted(rec.id for rec in recommendations
                          if any((placed := fields & set(kb.criteria[c].recommendation.target))
                                 and placed & named_in(rec.id) for c in rec.criteria))
        if bringing:
            also_en, also_ru = _both(phrases.brought_in_by_one if len(crits) == 1 else phrases.brought_in_by_many,
                                     recs=(listed(bringing, "en"), listed(bringing, "ru")))
            text, text_ru = f"{text} {also_en}", f"{text_ru} {also_ru}"
        out.append(Observation(kind="not-regulated", criteria=crits, text=text, text_ru=text_ru))
    for warning in document.warnings:
        out.append(Observation(kind="parse-warning", text=warning, text_ru=warning))
    return out


def _coverage(document: Document, kb: KnowledgeBase, relevance: dict[str, tuple[str, list[str]]]) -> Coverage:
    articles = len(document.articles)
    relevant = sum(1 for rel, _ in relevance.values() if rel != "none")
    statement, statement_ru = _both(_phrases(kb).coverage, assessed=articles, articles=articles)
    return Coverage(
        articles=articles, articles_assessed=articles, provisions=len(document.provisions),
        provisions_child_relevant=relevant, statement=statement, statement_ru=statement_ru,
    )


def verify_quotes(review: Review) -> None:
    """Check that every quote occurs verbatim in the provision it cites; raise on the first that does not."""
    by_id = {p.id: p for p in review.provisions}

    def check(provision_id: str, quote: str, where: str) -> None:
        provision = by_id.get(provision_id)
        if provision is None:
            raise UnfoundedQuoteError(f"{where}: provision {provision_id} does not exist")
        if quote not in provision.text and quote not in provision.heading:
            raise UnfoundedQuoteError(f"{where}: quote not found verbatim in {provision_id}: {quote!r}")

    for crit in review.criteria:
        for ev in crit.evidence:
            check(ev.provision, ev.quote, f"criterion {crit.id}")
    for risk in review.risks:
        check(risk.provision, risk.quote, f"risk {risk.id}")
    for finding in review.positive_findings:
        check(finding.provision, finding.quote, f"positive finding {finding.criterion}")
    for rec in review.recommendations:
        for pid in rec.provisions:
            if pid not in by_id:
                raise UnfoundedQuoteError(f"recommendation {rec.id}: provision {pid} does not exist")
