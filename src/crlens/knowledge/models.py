"""Pydantic models of the knowledge base.

The knowledge base is data: the review framework (areas and criteria), the concept lexicon the engine uses to
recognise what a provision is about, the norms library and the jurisdiction examples. These models are the
contract those YAML files must meet; :mod:`crlens.knowledge.loader` reads and cross-checks them.

Every model forbids unknown keys so that a typo in a data file is an error, not a silently ignored field.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# terms are compared as the language tools compare the draft's words
from crlens.analysis.language import fold

AGE_BANDS: tuple[str, ...] = ("0-5", "6-9", "10-12", "13-15", "16-17")

MODEL_CLAUSE_PLACEHOLDERS: frozenset[str] = frozenset(
    {"article", "draft", "rule", "if", "ifnot", "unless", "while", "endif"})
"""Placeholders a model clause may use: ``{article}`` is the target article's label as the draft writes it
(e.g. "Article 40"), ``{draft}`` the draft's title, ``{rule:crdd-01}`` where the rule of another criterion is in
the draft as amended (or the rules of several: ``{rule:crdd-01,crdd-02}``; or a paragraph of its clause:
``{rule:redress-01.2}``; or rules whole, every paragraph of a criterion's or of an area's:
``{rule:@safety,@csea-01}``; or a body of rules named once in ``rule_sets.yaml``: ``{rule:@platform-duties}``),
named as the words before it need it ("provided for in Article 29(9)",
«предусмотренную пунктом 9 статьи 29 настоящего Кодекса»), so that a clause building on that rule refers to it
instead of setting it a second time. ``{if:sandbox}...{endif}``, within one paragraph, is words the clause says
only of a draft that mentions the concept ``sandbox`` outside its definitions, as the criteria on the sandbox
apply only to such a draft (an assessment before an experimental legal regime is set up): of any other they
would name a regime the draft does not have. ``{ifnot:identification-not-compulsory}...{endif}`` is the reverse:
words said only of a draft that does not mention the concept, as a rule the clause would otherwise restate for
children which such a draft makes for everyone (KZ Digital Code art. 40(2): no one is compelled to undergo
digital identification unless a law requires it). ``{unless:kz-online-platforms-art-22-1}...{endif}`` is words left
out of a draft whose own country has that example as law in force (and which does not repeal it): to that
country's draft they would repeat its law, which the text then applies together with.
``{while:kz-online-platforms-art-6-8}...{endif}`` is the reverse: words said only to such a draft, other than that
act itself, as the name of a body that law sets up, which a country without it does not have. Words said only of
some drafts may be a whole paragraph only when it is the clause's last, so that no paragraph after it changes
number."""
CONDITION = re.compile(r"\{(if|ifnot|unless|while):([\w-]+)\}([^{}\n]*)\{endif\}")
"""Words of a model clause said only of some drafts (:data:`MODEL_CLAUSE_PLACEHOLDERS`): the kind of condition
(``if``, ``ifnot``, ``unless``, ``while``), what it names (a concept, an example) and the words."""


def said(text: str, keep: Callable[[str, str], bool]) -> str:
    """A model clause's ``text`` (a paragraph, a list item) with the words it says only of some drafts kept where
    ``keep(kind, name)`` holds of their condition, else left out."""
    return CONDITION.sub(lambda m: m.group(3) if keep(m.group(1), m.group(2)) else "", text)


def conditions_of(text: str) -> list[tuple[str, str]]:
    """The conditions (kind, name) of the words ``text`` says only of some drafts, in order."""
    return [(match.group(1), match.group(2)) for match in CONDITION.finditer(text)]


def laws_in_force_named(conditions: list[tuple[str, str]]) -> tuple[str, ...]:
    """The examples of law in force that ``conditions`` (:func:`conditions_of`) name, once each, in order: the
    words are left out of the drafts of their country (``{unless:...}``) or said only to them (``{while:...}``)."""
    return tuple(dict.fromkeys(name for kind, name in conditions if kind in ("unless", "while")))


def unclosed_condition(text: str) -> bool:
    """Whether ``text`` has an ``{if:...}``, ``{ifnot:...}``, ``{unless:...}`` or ``{while:...}`` without its
    ``{endif}`` in the same paragraph, or one around another placeholder."""
    return re.search(r"\{(?:(?:if|ifnot|unless|while):[^}]*|endif)\}", CONDITION.sub("", text)) is not None


def said_where(text: str, in_force: bool) -> str:
    """A model clause's ``text`` as said to a draft whose country has (``in_force``), or has not, the laws its
    ``{unless:...}`` and ``{while:...}`` words name, and which mentions every concept its ``{if:...}`` words
    name and none its ``{ifnot:...}`` words name: what a check of the text as a drafter reads it checks, for each
    of the two."""
    return said(text, lambda kind, _: kind in ("if", "ifnot") or (kind == "while") == in_force)

Priority = Literal["high", "medium", "low"]
Severity = Literal["high", "medium", "low"]
PRIORITY_RANK: dict[str, int] = {"high": 0, "medium": 1, "low": 2}
"""How to sort priorities and severities, most urgent first: one order for the engine, the brief and the web."""
PRIORITY_RU: dict[str, str] = {"high": "высокий", "medium": "средний", "low": "низкий"}
"""A priority or severity in Russian: one vocabulary for the feedback forms, the checklist and the web."""
AreaId = Literal[
    "general-principles",
    "impact-liability",
    "positive-effects",
    "negative-effects",
    "equal-access",
    "evolving-capacities",
    "cyber-aggression",
    "csea",
    "data-privacy",
    "safety",
    "redress",
    "schools",
    "dpg",
    "industry-role",
    "business-hrdd",
    "crdd",
    "access-information",
    "cybersecurity",
    "coordination-monitoring",
    "ai",
    "digital-literacy",
    "gender",
]
AgeBand = Literal["0-5", "6-9", "10-12", "13-15", "16-17"]

AREA_IDS: tuple[str, ...] = get_args(AreaId)
"""The fixed review areas of ``shared/spec/areas.md``, in framework order. A public contract."""
AreaChoice = StrEnum("AreaChoice", {area: area for area in AREA_IDS})  # type: ignore[misc]
"""The areas as a type, for the API's ?area=: an unknown one is refused, naming these (as ``State`` for
?state=)."""

_ID = re.compile(r"^[a-z0-9][a-z0-9.\-]*[a-z0-9]$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"id {value!r} must be lower-case letters, digits, '-' and '.'")
    return value


class Text(_Strict):
    """A text in English and Russian; both are required and must not be empty."""

    en: str = Field(min_length=1)
    ru: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``en`` or ``ru``); English for any other language."""
        return self.ru if lang == "ru" else self.en


class Terms(_Strict):
    """Words that signal a concept, per language.

    A term is a word or phrase in its dictionary form ("персональные данные", "child", "бала"): the engine
    lemmatises both the term and the provision, so inflected forms match. A term ending in ``*`` matches any
    word beginning with it ("несовершеннолетн*"). A term starting with ``re:`` is a regular expression matched
    against the lower-cased text of the provision.
    """

    ru: list[str] = Field(default_factory=list)
    kk: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _valid(self) -> Terms:
        for lang in ("ru", "kk", "en"):
            for term in getattr(self, lang):
                if not term.strip():
                    raise ValueError(f"empty {lang} term")
                if term.startswith("re:"):
                    try:
                        re.compile(term[3:])
                    except re.error as exc:
                        raise ValueError(f"bad regular expression {term!r}: {exc}") from exc
        if not (self.ru and self.en):
            raise ValueError("a concept needs at least one ru and one en term")
        return self


class Concept(_Strict):
    """A named idea the engine recognises in a provision (``child``, ``personal-data``, ``consent``...).

    ``label`` (English) and ``label_ru`` name the concept in findings, e.g. "the provision mentions consent but
    not an age limit".

    ``counts_as`` names a broader concept whose occurrence this one's words are, everywhere the engine looks for
    that concept (a person below an age under eighteen is a child), while a finding names what the words say by
    this concept's label: "недостижения лицом шестнадцатилетнего возраста" mentions a person under a set age, not
    children. Such a concept is never found under its own id, so no rule names it.
    """

    id: str
    label: str = Field(min_length=1)
    label_ru: str | None = None
    terms: Terms
    counts_as: str | None = None

    _id = field_validator("id")(_check_id)


ConceptGroup = list[str]
"""An element of a rule: the ids of concepts any one of which satisfies it."""


class AreaTagging(_Strict):
    """How the engine decides that a provision belongs to an area.

    ``concepts``: any of these in a provision is a signal for the area. ``weights`` may raise or lower a
    concept's weight (default 1.0). A provision belongs to the area when its score reaches ``threshold``.
    ``duty_holders`` gives some of the concepts a weight for where they name who carries an obligation (the
    subject of "shall", "обязан", "обеспечивает": :mod:`crlens.analysis.duty`); a concept counts with the larger
    of its weight as a mention and its weight as a duty holder.
    """

    concepts: list[str] = Field(min_length=1)
    weights: dict[str, float] = Field(default_factory=dict)
    duty_holders: dict[str, float] = Field(default_factory=dict)
    threshold: float = 1.0

    @model_validator(mode="after")
    def _known(self) -> AreaTagging:
        for name, table in (("weights", self.weights), ("duty_holders", self.duty_holders)):
            unknown = sorted(set(table) - set(self.concepts))
            if unknown:
                raise ValueError(f"{name} names concepts that are not among the area's concepts: {unknown}")
        return self


class Area(_Strict):
    """A review area of the framework with its guiding questions.

    ``placement``: where a new article of this area goes when the draft has nothing on a recommendation's own
    subject: after the article most about these concepts (platform duties after the platforms article, state
    duties after the authorised body's competence), rather than at the end of the general provisions.
    """

    id: AreaId
    title: Text
    questions: list[Text] = Field(min_length=1)
    tagging: AreaTagging
    placement: list[str] = Field(default_factory=list)
    article_heading: Text
    """The heading of a new article that gathers the clauses of several of this area's criteria."""


class GeneralElement(_Strict):
    """An element of a criterion that a draft may meet once for everyone, in a general provision, rather than in
    the provision on the criterion's subject: the legality test of restrictions, which the KZ Digital Code's
    art. 5(1) sets for every right and freedom in the digital environment. When the provision closest to the
    criterion lacks it, the issue names the first provision of the draft whose own words meet ``element`` and
    every group of ``alongside`` (what makes it general: rights and freedoms, their restriction), saying what it
    does (``said``, read after the provision's name: "Article 5(1) subjects ..."; in Russian after "В пункте 1
    статьи 5"). "Does not mention the legality test" would otherwise read as if the draft had none."""

    element: ConceptGroup = Field(min_length=1)
    alongside: list[ConceptGroup] = Field(default_factory=list)
    said: Text
    restated: bool = False
    """The element is none of the criterion's elements but a rule the model clause states for children, which
    the draft may make for everyone: no one may be compelled to undergo digital identification (KZ Digital Code
    art. 40(2)) beside the child's pseudonym. The issue names the provision that makes it whatever the closest
    provision has, so that the drafter sees the rule the proposed text builds on; the clause says the rule only
    to a draft without it (``{ifnot:...}``)."""

    def part_of(self, groups: Iterable[ConceptGroup]) -> bool:
        """Whether :attr:`element` is one of ``groups``, or some of the concepts of one."""
        return any(set(self.element) <= set(group) for group in groups)


class Detection(_Strict):
    """How the engine decides whether a draft meets a criterion.

    ``elements``: each element is a group of concepts, any of which satisfies it; a provision (an article with
    its parts) that satisfies every element addresses the criterion. One that satisfies at least
    ``partial_min`` of them, including the first element, meets it in part. ``field``: concepts that show the
    draft regulates the field the criterion presupposes (schools, e-government, telecoms); when no article
    names any of them, other than in passing in the definition of another term, the criterion is
    ``not-applicable``: a platforms law leaves schools to the education law. An empty ``field`` means the
    criterion applies to every digital law.
    """

    elements: list[ConceptGroup] = Field(min_length=1)
    partial_min: int | None = None
    field: list[str] = Field(default_factory=list)
    general: list[GeneralElement] = Field(default_factory=list)
    """Elements a draft may meet for everyone in a general provision, which the issue then names
    (:class:`GeneralElement`)."""

    @model_validator(mode="after")
    def _valid(self) -> Detection:
        if any(not group for group in self.elements):
            raise ValueError("an element must name at least one concept")
        if not all(general.part_of(self.elements) != general.restated for general in self.general):
            raise ValueError("a general element must be one of the elements, or some of its concepts; a restated "
                             "one must be none of them")
        if self.partial_min is not None and not 1 <= self.partial_min <= len(self.elements):
            raise ValueError("partial_min must be between 1 and the number of elements")
        return self


class Lowering(_Strict):
    """Subjects of a risky provision itself that make it less severe by one step (``by``: every group met), unless
    something in it keeps the risk whole (``unless``: any group met). Only the provision where the risk arises
    counts, unless ``whole_article``: the article's next paragraph may well impose what this one leaves to
    choice."""

    by: list[ConceptGroup] = Field(min_length=1)
    whole_article: bool = False
    """Whether another part of the article that holds ``by`` lowers the risk too: a legality test ("only in the
    cases the laws set", KZ Digital Code art. 48(3)) bounds every use the article allows (the authentication of
    art. 48(5)), where a choice left to the person in one paragraph says nothing of the next."""
    unless: list[ConceptGroup] = Field(default_factory=list)
    """Subjects that keep the severity although ``by`` is met: compliance with the law on personal data lessens a
    transfer of data between state bodies, not a use of data without the person's agreement, which the provision
    itself then permits."""
    note: Text
    """What the issue says of a risk so lowered: why it is lower and what is still missing."""
    kept_note: Text | None = None
    """What the issue says when ``unless`` keeps the risk whole: that the provision has what would lower it (it
    cites the law on personal data), and why it does not (it still permits a use without the owners' agreement),
    so that the severity is explained by the text the issue quotes."""

    @model_validator(mode="after")
    def _kept_note_with_unless(self) -> Lowering:
        if bool(self.unless) != (self.kept_note is not None):
            raise ValueError("a lowering's unless and kept_note go together")
        return self


class RiskRule(_Strict):
    """A provision that can harm children when no safeguard accompanies it.

    A provision that satisfies every group of ``triggers`` is a risk unless the same article also satisfies
    every group of ``safeguards``, or any group of ``exempt``.
    """

    id: str
    description: Text
    triggers: list[ConceptGroup] = Field(min_length=1)
    safeguards: list[ConceptGroup] = Field(min_length=1)
    exempt: list[ConceptGroup] = Field(default_factory=list)
    """Subjects that take an article out of the risk rather than protect within it: a power to block child sexual
    abuse material does not threaten children's access to lawful information. Unlike a safeguard, an exemption
    is never missing and is never looked for elsewhere in the draft (CSAM removal in another article does
    nothing for a general blocking power)."""
    severity: Severity
    lowered: list[Lowering] = Field(default_factory=list)
    """What makes the risky provision itself less severe by one step without making it safe, each with the note
    that says why: a right of every citizen to biometric registration is the person's choice, not a duty imposed
    on a child; mandatory biometrics allowed only in the cases laws set is bound by the legality test. The first
    that holds of the provision is the one said; however many hold, the severity drops one step. A part of the
    article that is so lowered gives way, as the place of the risk, to one that is not."""

    _id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _speaks_of_the_provision(self) -> RiskRule:
        # an issue naming several provisions says "Each of these provisions ..." in place of this opening
        for lang, opening in RISK_OPENING.items():
            if not getattr(self.description, lang).startswith(opening):
                raise ValueError(f"risk {self.id}: its {lang} description must begin {opening!r}")
        return self


RISK_OPENING = {"en": "The provision ", "ru": "Положение "}
"""How a risk's description begins: it speaks of the one provision where the risk arises."""
RISK_OPENING_EACH = {"en": "Each of these provisions ", "ru": "Каждое из этих положений "}
"""The opening in its place when an issue names several provisions with the same risk."""


SUBPARAGRAPH = re.compile(r"\d+\)\s")
"""A line of a model clause that is a sub-paragraph ("1) ..."), part of the paragraph before it."""

TEMPLATE_TEXTS = ("gap", "partial", "solution", "heading", "model_clause", "list_item")
"""The texts of a :class:`RecommendationTemplate` that go into a review."""


class RecommendationTemplate(_Strict):
    """What the review recommends when a criterion is not met.

    ``gap``: the issue in general terms (the engine adds the draft's articles). ``partial``: the issue when the
    criterion is partly met, worded so that it stays true whatever part the draft has (a gap's "the draft does
    not set an age" is false of a draft that sets one for consent); without it the gap is used. ``solution``:
    what to do.
    ``model_clause``: proposed text with placeholders (see :data:`MODEL_CLAUSE_PLACEHOLDERS`). ``target``:
    concepts that identify the article the clause belongs in; when no article matches, the clause becomes a
    new article. ``place: definitions`` says the clause defines a term: it belongs with the draft's other
    definitions (its definition of the same term, else its definitions article), whatever article the target
    concepts would find. ``place: subject`` says the clause goes to the article its target concepts find even when
    the criterion is met in part elsewhere: the part found may sit in an article on another subject (an age set
    for an e-signature is no place for the rights a child exercises from an age). ``list_item``: the rule said as
    one item of a list (a principle: "the best interests of the child as a primary consideration"), without
    closing punctuation; an article that is one list under a lead-in, as a law's principles often are, takes it
    as its next item, where the model clause's paragraphs would turn the list into paragraph 1 of the article.
    A clause that defines a term (``place: definitions``) has its definition as a list item too, worded as
    ``phrases.defined_term`` words ours ("cyberbullying of a child means ...", «кибербуллинг в отношении ребенка
    – ...»), for a draft whose definitions article is a list: ``kb check`` holds the definition it states to be
    the model clause's own, word for word, so that the two cannot drift apart.
    """

    gap: Text
    partial: Text | None = None
    solution: Text
    heading: Text
    """The heading of the article the model clause makes when it becomes a new article ("Age assurance")."""
    model_clause: Text
    target: list[str] = Field(default_factory=list)
    subject: str | None = None
    """The one target concept the rule is about where the others are only what it acts on (the right to challenge,
    not the removal challenged): an article that names it comes before one that names only the others, so that
    an article headed «Удаление ложной информации» does not take the user's challenge of a takedown from the
    article on users' complaints."""
    place: Literal["definitions", "subject"] | None = None
    list_item: Text | None = None

    @model_validator(mode="after")
    def _subject_is_a_target(self) -> RecommendationTemplate:
        if self.subject is not None and self.subject not in self.target:
            raise ValueError(f"subject {self.subject!r} is not one of the target concepts {self.target}")
        return self

    @model_validator(mode="after")
    def _placeholders_known(self) -> RecommendationTemplate:
        for lang in ("en", "ru"):
            used = {name for _, name, _, _ in string.Formatter().parse(getattr(self.model_clause, lang)) if name}
            unknown = used - MODEL_CLAUSE_PLACEHOLDERS
            if unknown:
                raise ValueError(f"model_clause.{lang} uses unknown placeholders: {sorted(unknown)}")
        if self._rules("en") != self._rules("ru"):
            raise ValueError(f"model_clause refers to rules {self._rules('en')} in English but "
                             f"{self._rules('ru')} in Russian")
        for lang in ("en", "ru"):
            clause = getattr(self.model_clause, lang)
            for part, text in (("model_clause", clause), ("list_item", getattr(self.list_item, lang, ""))):
                if unclosed_condition(text):
                    raise ValueError(f"{part}.{lang} has an {{if:...}}, {{ifnot:...}}, {{unless:...}} or "
                                     "{while:...} without its {endif} in the same paragraph, or one around "
                                     "another placeholder")
            if any(_all_conditional(line) for line in _paragraph_lines(clause)[:-1]):
                raise ValueError(f"model_clause.{lang} may leave out a paragraph that is not its last, and the "
                                 "paragraphs after it would change number")
        if self._conditions("en") != self._conditions("ru"):
            raise ValueError(f"model_clause says words only of some drafts, {self._conditions('en')} in English "
                             f"but {self._conditions('ru')} in Russian")
        return self

    def _conditions(self, lang: str) -> list[tuple[str, str]]:
        """The conditions of the model clause's words, then of the list item's (the rule said as an item)."""
        texts = (getattr(self.model_clause, lang), getattr(self.list_item, lang, ""))
        return [condition for text in texts for condition in conditions_of(text)]

    @property
    def conditions(self) -> tuple[str, ...]:
        """The concepts some words of the model clause are said only for (``{if:sandbox}...{endif}``) or only
        without (``{ifnot:...}``)."""
        return tuple(dict.fromkeys(name for kind, name in self._conditions("en") if kind in ("if", "ifnot")))

    @property
    def laws_in_force(self) -> tuple[str, ...]:
        """The examples of law in force whose country's drafts some words of the model clause are left out of
        (``{unless:kz-online-platforms-art-22-1}...{endif}``) or said only to (``{while:...}``)."""
        return laws_in_force_named(self._conditions("en"))

    @property
    def last_paragraph_may_be_left_out(self) -> bool:
        """Whether the clause's last paragraph is all words said only of some drafts: no other clause may refer
        to it by number."""
        lines = _paragraph_lines(self.model_clause.en)
        return bool(lines) and _all_conditional(lines[-1])

    def _rules(self, lang: str) -> list[tuple[str, ...]]:
        return [tuple(spec.split(",")) for _, name, spec, _ in string.Formatter().parse(
            getattr(self.model_clause, lang)) if name == "rule"]

    @property
    def paragraphs(self) -> int:
        """How many paragraphs the model clause has (its sub-paragraphs, "1)", are part of a paragraph)."""
        return sum(1 for line in _paragraph_lines(self.model_clause.en) if not SUBPARAGRAPH.match(line))

    @property
    def rules(self) -> tuple[str, ...]:
        """The criteria whose rules the model clause refers to (``{rule:...}``), each once, in order, with the
        paragraph of their clause it names when it names one (``redress-01.2``)."""
        return tuple(dict.fromkeys(c for group in self._rules("en") for c in group))


def left_bare(rest: str, line: str) -> bool:
    """Whether ``rest``, what is left of a model clause's paragraph or sub-paragraph ``line`` once words said only
    of some drafts are taken out, is nothing but the number it opens with ("3.", "2)")."""
    marker = re.match(r"\s*\d+[.)]", line)
    return rest.strip() in {"", marker.group().strip() if marker else ""}


def _paragraph_lines(clause: str) -> list[str]:
    """The non-blank lines of a model clause: its paragraphs and sub-paragraphs."""
    return [line for line in clause.strip().split("\n") if line.strip()]


def _all_conditional(line: str) -> bool:
    """Whether a model clause's paragraph is, but for its number, all words said only of some drafts."""
    rest = CONDITION.sub("", line)
    return rest != line and left_bare(rest, line)


class Criterion(_Strict):
    """One checkable legislative element a good digital code contains."""

    id: str
    area: AreaId
    statement: Text
    rationale: Text
    priority: Priority
    age_bands: list[AgeBand] = Field(default_factory=list)
    gender: Text | None = None
    detect: Detection
    risk: RiskRule | None = None
    norms: list[str] = Field(min_length=1)
    examples: list[str] = Field(default_factory=list)
    """Provisions of law that do what the criterion asks, cited as examples to follow. Empty when the knowledge
    base has none that does: a law on something else (school connectivity for a family tariff, accessibility for
    telemedicine) does not support the point, and a citation that does not support it is worse than none."""
    recommendation: RecommendationTemplate

    _id = field_validator("id")(_check_id)


class AreaFile(_Strict):
    """One framework file: an area and its criteria."""

    area: Area
    criteria: list[Criterion] = Field(min_length=1)


class Instrument(_Strict):
    """An international instrument, guidance document, standard or study the norms cite."""

    id: str
    short: str = Field(min_length=1)
    title: Text
    year: int | None = None
    kind: Literal["treaty", "protocol", "general-comment", "recommendation", "guidance", "standard",
                  "principles", "study", "law"]
    url: str = Field(pattern=r"^https?://")

    _id = field_validator("id")(_check_id)


class Norm(_Strict):
    """A pinpoint in an instrument, cited as a lawyer writes it ("GC25 para 70")."""

    id: str
    instrument: str
    ref: str = Field(min_length=1)
    ref_ru: str = Field(min_length=1)
    pinpoint: str = Field(min_length=1)
    topic: Text
    areas: list[AreaId] = Field(default_factory=list)
    url: str = Field(pattern=r"^https?://")
    verified: bool = False
    verified_by: str | None = None
    figure: str | None = None

    _id = field_validator("id")(_check_id)

    @model_validator(mode="after")
    def _verified_has_source(self) -> Norm:
        if self.verified and not self.verified_by:
            raise ValueError("a verified norm must say how it was verified (verified_by)")
        return self


class ActCitation(_Strict):
    """How the laws of a jurisdiction cite one of its acts in their text: a proposed text for a draft of that
    jurisdiction names the law in force it adds to in these words."""

    title: str = Field(min_length=1)
    """The act's short title, as its examples give it in English (``Example.title``)."""
    cited: Text
    """The act as a law cites it: 'the Law of the Republic of Kazakhstan "On Mass Media"'; in Russian in the
    instrumental case, as it follows «установленными» («Законом Республики Казахстан «О масс-медиа»»)."""


class Jurisdiction(_Strict):
    """A country or union whose law serves as an example."""

    id: str
    name: Text
    also_named: list[str] = Field(default_factory=list)
    """Other words by which its acts name it in their titles, besides its short names: "Қазақстан", "EU",
    "Российской Федерации". A name in capitals (an abbreviation) is matched only in capitals."""
    acts: list[ActCitation] = Field(default_factory=list)
    """How its laws cite its acts in force that examples are of. A jurisdiction that lists any must list every
    one (``kb check``): a draft of its own then names in its proposed texts the law in force they add to."""

    _id = field_validator("id")(_check_id)

    def names(self) -> list[str]:
        """Every name by which a title names it: its short names in English and Russian and ``also_named``."""
        return list(dict.fromkeys([self.short_name("en"), self.short_name("ru"), *self.also_named]))

    def short_name(self, lang: str) -> str:
        """The name without its parenthesis: "США", not "США (федеральный уровень)"."""
        return self.name.get(lang).split(" (")[0]


class Example(_Strict):
    """A provision of another jurisdiction's law that shows how a gap can be closed; for a draft of its own
    jurisdiction, the national law the draft should refer to (:mod:`crlens.analysis.jurisdiction`)."""

    id: str
    jurisdiction: str
    instrument: str = Field(min_length=1)
    year: int | None = None
    pinpoint: str = Field(min_length=1)
    ref: str = Field(min_length=1)
    ref_ru: str = Field(min_length=1)
    title: Text | None = None
    """The instrument's short title as laws cite it ("On Online Platforms and Online Advertising"): a draft that
    bears it is that instrument, and one that repeals it cannot be pointed to it as practice."""
    summary: Text
    areas: list[AreaId] = Field(min_length=1)
    url: str = Field(pattern=r"^https?://")
    status: str | None = None
    general_rule: bool = False
    """A rule for everyone on the criterion's subject, not one made for children (consent given by the person or
    the person's legal representative, with no age set): the national law a draft of its own jurisdiction builds
    on, so cited only for such a draft, and there as rules on part of the issue. It is no practice to show
    another country how to protect children."""

    _id = field_validator("id")(_check_id)

    @property
    def in_force(self) -> bool:
        """Whether its status says it is in force ("in force since ..."); "adopted", "non-binding" and an
        unknown status do not."""
        return (self.status or "").startswith("in force")


class NormsFile(_Strict):
    instruments: list[Instrument] = Field(default_factory=list)
    norms: list[Norm] = Field(default_factory=list)


class ExamplesFile(_Strict):
    jurisdictions: list[Jurisdiction] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)


class LexiconFile(_Strict):
    concepts: list[Concept] = Field(min_length=1)


class RelevanceRules(_Strict):
    """How the engine decides a provision's child relevance (``shared/spec/areas.md``).

    A provision is ``direct`` when it mentions any ``direct`` concept, ``indirect`` when it governs an
    ``indirect`` concept (mentions it at least twice, or in its heading: a passing reference does not count),
    and ``none`` otherwise.
    """

    direct: list[str] = Field(min_length=1)
    indirect: list[str] = Field(min_length=1)
    whom: list[str] = Field(default_factory=list)
    """Concepts that, besides the ``direct`` ones, name whom a rule is for (girls): a provision that lacks only
    these and the child makes a criterion's rule for everyone, and an issue quotes it as such."""


# --- terminology: the draft's own words for our terms ---------------------------------------------------------

_TERM_WORD_RU = r"[а-яё]+(?:-[а-яё]+)*"
_TERM = re.compile(rf"^{_TERM_WORD_RU}(?: {_TERM_WORD_RU})*$")


def _check_term(value: str) -> str:
    if not _TERM.match(value):
        raise ValueError(f"term {value!r} must be lower-case Russian words separated by single spaces")
    return value


def _contains(longer: str, shorter: str) -> bool:
    """Whether the phrase ``longer`` contains the phrase ``shorter`` as whole words."""
    return f" {fold(shorter)} " in f" {fold(longer)} "


_TERM_WORD_EN = r"[a-z]+(?:-[a-z]+)*"
_TERM_EN = re.compile(rf"^{_TERM_WORD_EN}(?: {_TERM_WORD_EN})*$")
ENGLISH_ARTICLES = frozenset({"a", "an", "the"})


def english_term_parts(term: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """An English term split into the words before its head noun, the head and the words after it: the head is
    the word before the first "of" ("owner of an online platform"), else the last word ("online platform")."""
    words = term.split()
    head = words.index("of", 1) - 1 if "of" in words[1:] else len(words) - 1
    return tuple(words[:head]), words[head], tuple(words[head + 1:])


def _after_head(term: str) -> tuple[str, ...]:
    """The words after an English term's head, any article standing for every article."""
    return tuple("<article>" if w in ENGLISH_ARTICLES else w for w in english_term_parts(term)[2])


def _check_term_en(value: str) -> str:
    if not _TERM_EN.match(value):
        raise ValueError(f"English term {value!r} must be lower-case English words separated by single spaces")
    before, head, _ = english_term_parts(value)
    if head in ENGLISH_ARTICLES or ENGLISH_ARTICLES & set(before):
        raise ValueError(f"English term {value!r} must not start with an article: the text's own one is kept")
    return value


class AgeThreshold(_Strict):
    """An age the model clauses use, what it is for and what it rests on (``ages.yaml``): one place for a reader
    who meets fourteen in one proposed text and sixteen in another."""

    age: int = Field(ge=1, le=18)
    words: Text
    """How the clauses write the age: the English word and the stem every Russian case form starts with
    ("fourteen", "четырнадцат")."""
    use: Text
    norms: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    criteria: list[str] = Field(min_length=1)
    """The criteria whose model clauses use the age."""


class RuleSet(_Strict):
    """A body of rules that several model clauses refer to whole (``{rule:@platform-duties}``), named once so that
    each clause that depends on it (who must comply, whom it binds abroad, what state support requires) names the
    same rules, and a rule added to the body reaches them all."""

    id: str
    title: str
    """What the rules are, for a maintainer ("the duties of online platforms toward children")."""
    rules: tuple[str, ...] = Field(min_length=1)
    """As in a ``{rule:...}`` reference: ``@area``, ``@criterion``, ``criterion.N`` (one paragraph of its clause)
    or ``@another-set``."""

    _id = field_validator("id")(_check_id)


class RuleSetsFile(_Strict):
    """The shape of ``rule_sets.yaml``."""

    sets: tuple[RuleSet, ...] = Field(min_length=1)


class AgesFile(_Strict):
    """The shape of ``ages.yaml``."""

    ages: tuple[AgeThreshold, ...] = Field(min_length=1)
    age_group_criteria: tuple[str, ...] = ()
    """The criteria whose model clauses name ages only as the bounds of the framework's age groups ("children who
    have reached thirteen but not sixteen"), not as an age from which the child acts: they need not be listed
    under those ages."""
    child_definition: str = ""
    """The criterion a definition of the child as every person under eighteen meets."""
    defining_criteria: tuple[str, ...] = ()
    """The criteria whose model clauses define a term by the age of eighteen (who is a child, what is child sexual
    abuse material): they keep the age's words where the proposed texts otherwise name the defined «ребенок»
    (:func:`~crlens.analysis.children.as_children`)."""

    @model_validator(mode="after")
    def _unique(self) -> AgesFile:
        ages = [a.age for a in self.ages]
        if len(set(ages)) != len(ages):
            raise ValueError("an age is listed twice")
        return self


class TermEquivalence(_Strict):
    """One concept: the term our model clauses use and the terms a draft may use for it instead.

    All terms are in dictionary form (nominative singular); agreeing adjectives come before the head noun, and
    words after the head are kept as written when the term is inflected. The English terms, when given, say the
    same in English (singular, lower case, no article before them), so that the English proposed text names the
    concept as the Russian one does."""

    id: str
    term: str
    """Our term, as the model clauses use it."""
    alternatives: tuple[str, ...] = Field(min_length=1)
    """Equivalent terms a draft may use, in order of preference when a draft uses several equally often."""
    term_en: tuple[str, ...] = ()
    """Our term in English, as the model clauses write it; more than one when they word it more than one way
    ("education organisation", "organisation of education"). Empty when the English needs no switch."""
    alternatives_en: tuple[str, ...] = ()
    """The English of each alternative, in the same order, as English legislation renders it. One that is the
    same as ours ("owner" for both «владелец» and «собственник») leaves the English as it is."""
    note: str = Field(min_length=1)
    """Why the terms are equivalent (in English, for the reviewer)."""
    kept_in: tuple[str, ...] = ()
    """Names, in Russian and English, in which our term stays as written whatever the draft says: the field of a
    body that another law sets up ("в области онлайн-платформ и онлайн-рекламы" is the Law on Online Platforms'
    own body, not one the Code could rename)."""
    law_in_force: str | None = None
    """An example of a law in force that says the first alternative: a Russian or Kazakh draft of its country that
    uses none of the terms takes that law's word, so that the two laws name the notion alike."""

    @property
    def laws_in_force(self) -> tuple[str, ...]:
        """:attr:`law_in_force`, if any, as the model clause and the term definition name theirs."""
        return (self.law_in_force,) if self.law_in_force else ()

    _id = field_validator("id")(_check_id)

    @field_validator("term_en", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        # a single wording is written as a string, several as a list
        return (value,) if isinstance(value, str) else value

    @field_validator("term_en", "alternatives_en")
    @classmethod
    def _english_shape(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for term in value:
            _check_term_en(term)
        if len(set(value)) != len(value):
            raise ValueError("English terms must not repeat")
        return value

    _term = field_validator("term")(_check_term)

    @field_validator("alternatives")
    @classmethod
    def _alternatives_shape(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for alternative in value:
            _check_term(alternative)
        if len({fold(a) for a in value}) != len(value):
            raise ValueError("alternatives must not repeat")
        return value

    @model_validator(mode="after")
    def _alternatives_differ(self) -> TermEquivalence:
        for alternative in self.alternatives:
            if _contains(alternative, self.term) or _contains(self.term, alternative):
                raise ValueError(f"alternative {alternative!r} contains or is contained in the term {self.term!r}")
        return self

    @model_validator(mode="after")
    def _english_lines_up(self) -> TermEquivalence:
        if bool(self.term_en) != bool(self.alternatives_en):
            raise ValueError("term_en and alternatives_en go together: give both or neither")
        if self.alternatives_en and len(self.alternatives_en) != len(self.alternatives):
            raise ValueError(f"alternatives_en must give the English of each alternative, in the same order: "
                             f"{len(self.alternatives)} alternatives, {len(self.alternatives_en)} in English")
        for alternative in self.alternatives_en:
            if alternative in self.term_en:
                continue  # the same in English: nothing to switch
            for ours in self.term_en:
                if _contains(alternative, ours) or _contains(ours, alternative):
                    raise ValueError(f"English alternative {alternative!r} contains or is contained in the "
                                     f"English term {ours!r}")
                # an article after the head is kept from the text, so the words around it must be the same
                if "<article>" in _after_head(ours) and _after_head(alternative) != _after_head(ours):
                    raise ValueError(f"English alternative {alternative!r} must end as {ours!r} does after "
                                     "its head, whose article is kept as written")
        return self


class TermDefinition(_Strict):
    """A term our model clauses use that a draft may have no word for ("контент", "онлайн-игра"), with our
    definition of it: when the proposed texts of a review use the term and the draft neither uses nor defines it,
    the review proposes the definition, so that no proposed duty rests on an undefined word."""

    id: str
    term: str
    """The term in dictionary form, as the Russian model clauses use it."""
    term_en: str
    """The term as the English model clauses write it (singular, lower case, no article)."""
    definition: Text
    """What the term means, in our own words, written to follow the term ("information in any form ...")."""
    note: str = Field(min_length=1)
    """Why the proposed texts need the term defined (in English, for the reviewer)."""
    law_in_force: str | None = None
    """An example of law in force that defines the same term for its own field (the Kazakh Law on Online Platforms'
    account, art. 1(1)). A draft of its country that takes our definition cites that law beside it, so that the
    drafter keeps the two consistent; our definition does not take that law's in as a second meaning (a lawyer
    read «..., а также аккаунт в значении, определенном Законом ...» as one term defined twice)."""

    _id = field_validator("id")(_check_id)
    _term = field_validator("term")(_check_term)
    _term_en = field_validator("term_en")(_check_term_en)

    @field_validator("definition")
    @classmethod
    def _definition_shape(cls, value: Text) -> Text:
        for lang in ("en", "ru"):
            text = value.get(lang)
            # it is set as a sub-paragraph of a definitions paragraph: "1) content means information ...;"
            if not text[:1].islower() or text.rstrip()[-1:] in {".", ";"}:
                raise ValueError(f"definition ({lang}) must start in lower case and end without a full stop or "
                                 "semicolon: it follows the term in a list of definitions")
            if unclosed_condition(text):
                raise ValueError(f"definition ({lang}) has an {{if:...}}, {{ifnot:...}}, {{unless:...}} or "
                                 "{while:...} without its {endif}")
        if conditions_of(value.en) != conditions_of(value.ru):
            raise ValueError(f"definition says words only of some drafts, {conditions_of(value.en)} in English "
                             f"but {conditions_of(value.ru)} in Russian")
        return value

    @property
    def laws_in_force(self) -> tuple[str, ...]:
        """The examples of law in force whose country's drafts some words of the definition are left out of or
        said only to (``{unless:...}``, ``{while:...}``, as in a model clause): the reference to a law of that
        country that defines the same word ("including profiling as defined by the Law ... On Online
        Platforms ...")."""
        return laws_in_force_named(conditions_of(self.definition.en))


class OwnBody(_Strict):
    """A body our model clauses name by its field that is, in a draft defining the bare name as its own body, that
    draft's body: «уполномоченный орган в сфере цифровизации» is «уполномоченный орган» in a law whose art. 1
    defines «уполномоченный орган» (the Kazakh Law on Online Platforms). Our clauses give the regulator of a
    digital act its tasks; in a law with a regulator of its own those tasks are that regulator's, and a law does
    not give duties to a body it does not deal with."""

    id: str
    name: str
    """The bare name the draft defines, in dictionary form («уполномоченный орган»)."""
    name_en: str
    """The same in English, lower case, no article ("authorised body")."""
    field: str
    """The words that follow the name in our clauses («в сфере цифровизации»); they are left out."""
    field_en: str
    """The same in English ("in the field of digitalisation")."""
    note: str = Field(min_length=1)
    """Why (in English, for the reviewer)."""

    _id = field_validator("id")(_check_id)
    _name = field_validator("name")(_check_term)
    _name_en = field_validator("name_en")(_check_term_en)


class TerminologyFile(_Strict):
    """The shape of ``terminology.yaml``."""

    equivalences: tuple[TermEquivalence, ...] = Field(min_length=1)
    definitions: tuple[TermDefinition, ...] = ()
    own_bodies: tuple[OwnBody, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> TerminologyFile:
        ids: set[str] = set()
        terms: dict[str, str] = {}
        for entry in self.equivalences:
            if entry.id in ids:
                raise ValueError(f"duplicate id {entry.id!r}")
            ids.add(entry.id)
            for term in (entry.term, *entry.alternatives):
                other = terms.setdefault(fold(term), entry.id)
                if other != entry.id:
                    raise ValueError(f"term {term!r} of {entry.id!r} is already listed under {other!r}")
            for term in entry.term_en:
                other = terms.setdefault(term, entry.id)
                if other != entry.id:
                    raise ValueError(f"English term {term!r} of {entry.id!r} is already listed under {other!r}")
        for definition in self.definitions:
            if definition.id in ids:
                raise ValueError(f"duplicate id {definition.id!r}")
            ids.add(definition.id)
            alternative = next((e.id for e in self.equivalences if fold(definition.term) in
                                {fold(a) for a in e.alternatives}), None)
            if alternative is not None:
                # our texts never say a draft's word (the rewrite does): a definition of it would define nothing
                # they use
                raise ValueError(f"defined term {definition.term!r} is an alternative of {alternative!r}, "
                                 "not a term of ours")
        return self


class Replacement(_Strict):
    """A phrase of our texts that names the home jurisdiction, and what a draft of another one gets instead."""

    as_written: str = Field(min_length=1)
    elsewhere: str = Field(min_length=1)


@functools.lru_cache(maxsize=8)
def _replacements(rules: tuple[Replacement, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]] | None:
    """One pattern for all the phrases of ``rules`` (the longest first, whole words), and for each way a phrase
    is written (also with a capital, when it is written in lower case) the phrase and what it becomes."""
    table: dict[str, tuple[str, str]] = {}
    for rule in rules:
        table[rule.as_written] = (rule.as_written, rule.elsewhere)
        if rule.as_written[0].islower():
            table.setdefault(rule.as_written[0].upper() + rule.as_written[1:],
                             (rule.as_written, rule.elsewhere[0].upper() + rule.elsewhere[1:]))
    if not table:
        return None
    phrases = sorted(table, key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in phrases)), table


class Localisation(_Strict):
    """The shape of ``localisation.yaml``: our texts are written for the law of ``home``; a draft of another
    jurisdiction gets them with these phrases replaced (:meth:`apply`)."""

    home: str
    names: tuple[str, ...] = Field(min_length=1)
    """Stems of the home country's names (any case) that no text may keep once the phrases are replaced."""
    en: tuple[Replacement, ...] = ()
    ru: tuple[Replacement, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> Localisation:
        for lang in ("en", "ru"):
            phrases = [r.as_written for r in getattr(self, lang)]
            if len(set(phrases)) != len(phrases):
                raise ValueError(f"a phrase is listed twice under {lang}")
        return self

    def apply(self, text: str, lang: str) -> str:
        """``text`` with every phrase of ``lang`` replaced, the longest first and each word for word; a phrase in
        lower case is also replaced when a sentence opens with it."""
        compiled = _replacements(self.ru if lang == "ru" else self.en)
        if compiled is None:
            return text
        pattern, table = compiled
        return pattern.sub(lambda m: table[m.group()][1], text)

    def phrases_in(self, text: str, lang: str) -> set[str]:
        """The phrases of ``lang`` that :meth:`apply` replaces in ``text``, as listed."""
        compiled = _replacements(self.ru if lang == "ru" else self.en)
        if compiled is None:
            return set()
        pattern, table = compiled
        return {table[m.group()][0] for m in pattern.finditer(text)}

    def named(self, text: str) -> str | None:
        """The first name of the home country ``text`` still contains, in a few words of context; None if none."""
        for stem in self.names:
            match = re.search(rf"(?:\S+\s+){{0,4}}\S*{re.escape(stem)}\S*", text, re.IGNORECASE)
            if match:
                return match.group()
        return None


def _slots(frame: str) -> set[str]:
    """The ``{name}`` slots of a sentence frame."""
    return {name for _, name, _, _ in string.Formatter().parse(frame) if name is not None}


class Phrase(Text):
    """A sentence frame the review writes, in English and Russian, with ``{name}`` slots the engine fills."""

    def fill(self, lang: str, **values: str | int) -> str:
        """The frame in ``lang`` with its slots filled."""
        return self.get(lang).format_map(values)


PHRASE_SLOTS: dict[str, frozenset[str]] = {name: frozenset(slots) for name, slots in {
    "quoted": {"quote"},
    "mentions_but_not_child_specific": {"where", "found", "said", "lacks"},
    "no_more_child_specific": {"where", "lacks"},
    "mentions_but_lacks": {"where", "found", "said", "missing", "lacks"},
    "also_lacks": {"where", "missing"},
    "mentions_quoted_but_not": {"found", "at", "quote", "missing"},
    "in_provision": {"where"},
    "mentions": {"where", "concepts"},
    "mentions_quoting": {"where", "concepts", "quote"},
    "also_mentions_one": {"where", "subject"},
    "also_mentions_many": {"where", "subject"},
    "closest_provision": {"where"},
    "does_not": {"closest"},
    "no_provision": set(),
    "general_element": {"where", "said", "quote"},
    "principles_carried_out": {"list", "first", "last"},
    "carry_out_added_principles": {"list", "last"},
    "risky_provision": {"where", "description", "quote", "note", "lacks"},
    "safeguard_elsewhere": {"said"},
    "lowered_in_article": {"where", "note"},
    "no_terms_defined": set(),
    "definition_missing": {"where"},
    "no_definitions_article": {"where"},
    "defines_in_passing": {"where"},
    "definitions_article_heading": set(),
    "definitions_article_lead": set(),
    "make_definitions_article": {"where"},
    "terms_our_texts_use": {"terms"},
    "define_terms_our_texts_use": {"terms"},
    "term_used_in": {"term", "recommendations"},
    "defined_terms": set(),
    "defined_term": {"term", "definition"},
    "law_in_force": {"this", "laws"},
    "law_in_force_whole": set(),
    "law_in_force_part": set(),
    "build_on_law_in_force": {"refs"},
    "applies_with_law_in_force": {"what", "laws"},
    "this_article": set(),
    "new_chapter_heading": set(),
    "paragraph_of_this_article": {"number"},
    "paragraphs_of_this_article": {"numbers"},
    "rule_elsewhere": {"where"},
    "rule_in_this_article": {"where"},
    "rule_in_this_act": set(),
    "grounds": {"norms"},
    "examples_in_legislation": {"examples"},
    "the_draft": set(),
    "area_summary": {"addressed", "applicable", "partial", "gap", "tagged"},
    "not_regulated_one": {"area", "fields", "count", "names"},
    "not_regulated_many": {"area", "fields", "count", "names"},
    "brought_in_by_one": {"recs"},
    "brought_in_by_many": {"recs"},
    "coverage": {"assessed", "articles"},
}.items()}
"""The slots each frame of ``phrases.yaml`` has, in both languages: the values the engine passes to it."""


class Phrases(_Strict):
    """The shape of ``phrases.yaml``: the sentence frames the review writes around the draft's words and the
    knowledge base's texts (a provision's name, a quote, a criterion's gap text). Every frame is required and has
    exactly the slots :data:`PHRASE_SLOTS` names, in both languages, so a frame edited wrong is refused when the
    knowledge base is checked, not when a review is written."""

    quoted: Phrase
    mentions_but_not_child_specific: Phrase
    no_more_child_specific: Phrase
    mentions_but_lacks: Phrase
    also_lacks: Phrase
    mentions_quoted_but_not: Phrase
    in_provision: Phrase
    mentions: Phrase
    mentions_quoting: Phrase
    also_mentions_one: Phrase
    also_mentions_many: Phrase
    closest_provision: Phrase
    does_not: Phrase
    no_provision: Phrase
    general_element: Phrase
    principles_carried_out: Phrase
    carry_out_added_principles: Phrase
    risky_provision: Phrase
    safeguard_elsewhere: Phrase
    lowered_in_article: Phrase
    no_terms_defined: Phrase
    definition_missing: Phrase
    no_definitions_article: Phrase
    defines_in_passing: Phrase
    definitions_article_heading: Phrase
    definitions_article_lead: Phrase
    make_definitions_article: Phrase
    terms_our_texts_use: Phrase
    define_terms_our_texts_use: Phrase
    term_used_in: Phrase
    defined_terms: Phrase
    defined_term: Phrase
    law_in_force: Phrase
    law_in_force_whole: Phrase
    law_in_force_part: Phrase
    build_on_law_in_force: Phrase
    applies_with_law_in_force: Phrase
    this_article: Phrase
    new_chapter_heading: Phrase
    paragraph_of_this_article: Phrase
    paragraphs_of_this_article: Phrase
    rule_elsewhere: Phrase
    rule_in_this_article: Phrase
    rule_in_this_act: Phrase
    grounds: Phrase
    examples_in_legislation: Phrase
    the_draft: Phrase
    area_summary: Phrase
    not_regulated_one: Phrase
    not_regulated_many: Phrase
    brought_in_by_one: Phrase
    brought_in_by_many: Phrase
    coverage: Phrase

    @model_validator(mode="after")
    def _slots_as_filled(self) -> Phrases:
        for name, expected in PHRASE_SLOTS.items():
            phrase: Phrase = getattr(self, name)
            for lang in ("en", "ru"):
                try:
                    found = _slots(phrase.get(lang))
                except ValueError as error:  # an unclosed "{"
                    raise ValueError(f"{name} ({lang}): {error}") from None
                if found != expected:
                    raise ValueError(f"{name} ({lang}) has the slots {sorted(found)}; the engine fills "
                                     f"{sorted(expected)}")
        return self

    def definition_separator(self, lang: str) -> str:
        """What ``defined_term`` puts between a term and its definition in ``lang`` (" means ", " – ")."""
        return self.defined_term.get(lang).partition("{term}")[2].partition("{definition}")[0]
