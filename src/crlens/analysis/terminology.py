"""Use the draft's own terms in the Russian proposed text of amendments.

Our model clauses name a concept one way ("онлайн-платформа", "электронное правительство"); a draft may name
it another way ("цифровая платформа", "цифровое правительство"). ``knowledge/data/terminology.yaml`` lists
such equivalences. :func:`adapt_ru` rewrites a proposed text so that, for every equivalence whose term the draft
never uses but one of whose alternatives it does use, our term is replaced by the draft's one, inflected to the
case and number of each occurrence ("оператора онлайн-платформы" -> "оператора цифровой платформы").

How it works, and why it is safe:

- The draft is searched by lemmas (the shared Russian analyzer), so any form of a term counts. The analysis is
  cached per draft text, as the same draft is used for every clause of a review.
- Every form of our term (six cases, two numbers) is generated with pymorphy3, and an occurrence in the text is
  recognised by its exact form. The forms it can be (e.g. "онлайн-платформы": genitive singular, nominative or
  accusative plural) are its possible readings; each gives a form of the alternative.
- When the readings give different forms of the alternative, the words just before the occurrence decide: a
  preposition, an agreeing adjective, a governing noun (genitive) or transitive verb (accusative), or the start
  of a sentence (nominative). An occurrence that stays ambiguous, or that cannot be inflected, is left as it is:
  a wrong form is worse than our own term.
- Only the head noun and the adjectives before it inflect; words after the head ("образования",
  "обмена мгновенными сообщениями") stay as written. Of a hyphenated word only the last part inflects
  ("онлайн-платформы").
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crlens.analysis.language import Token, analyzer, fold
from crlens.knowledge.models import TermEquivalence

# --- inflection -------------------------------------------------------------------------------------------------

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NUMBERS = ("sing", "plur")
Reading = tuple[str, str]
"""A grammatical case and number, as pymorphy3 names them, e.g. ``("gent", "sing")``."""
_READINGS: tuple[Reading, ...] = tuple((case, number) for number in _NUMBERS for case in _CASES)
_CASE_ALIASES = {"gen1": "gent", "gen2": "gent", "acc2": "accs", "loc1": "loct", "loc2": "loct"}
_HYPHENS = "-‐‑"
_HYPHEN_CLASS = r"\-‐‑"
"""The hyphens, for a character class of a regular expression."""


@functools.lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=20_000)
def _parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of a lower-case word, most likely first."""
    return tuple(sorted(_morph().parse(word), key=lambda p: -p.score))


@dataclass(frozen=True)
class _Word:
    text: str
    """As written in the data file."""
    parse: Any
    """The pymorphy3 parse of the inflecting part; ``None`` for a word kept as written."""
    prefix: str = ""
    """The part of a hyphenated word that does not change, with its hyphen ("онлайн-")."""


@dataclass(frozen=True)
class _Phrase:
    """A term ready to inflect: agreeing adjectives, the head noun, then words kept as written."""

    words: tuple[_Word, ...]
    head: int
    gender: str | None
    animacy: str | None

    def form(self, reading: Reading) -> str | None:
        """The term in a case and number, or ``None`` if pymorphy3 cannot make that form."""
        case, number = reading
        out = []
        for i, word in enumerate(self.words):
            if word.parse is None:
                out.append(word.text)
                continue
            grammemes = {case, number}
            if i != self.head:
                if number == "sing":
                    if self.gender is None:
                        return None
                    grammemes.add(self.gender)
                if case == "accs" and self.animacy and (number == "plur" or self.gender == "masc"):
                    grammemes.add(self.animacy)
            inflected = word.parse.inflect(grammemes)
            if inflected is None or case not in inflected.tag or number not in inflected.tag:
                return None
            text = word.prefix + inflected.word
            if word.text[:1].isupper():
                text = text[:1].upper() + text[1:]
            out.append(text)
        return " ".join(out)

    @functools.cached_property
    def forms(self) -> dict[Reading, str | None]:
        return {reading: self.form(reading) for reading in _READINGS}


@functools.lru_cache(maxsize=256)
def _phrase(term: str) -> _Phrase | None:
    """Analyse a term in dictionary form; ``None`` if its head noun or an adjective before it is not found."""
    words: list[_Word] = []
    head: int | None = None
    gender = animacy = None
    for i, text in enumerate(term.split()):
        if head is not None:
            words.append(_Word(text, None))
            continue
        prefix, hyphen, stem = text.rpartition("-")
        parse = next((p for p in _parses(fold(stem)) if p.tag.POS in {"NOUN", "ADJF", "PRTF"} and "nomn" in p.tag),
                     None)
        if parse is None:
            return None
        if parse.tag.POS == "NOUN":
            head, gender, animacy = i, parse.tag.gender, parse.tag.animacy
        words.append(_Word(text, parse, prefix + hyphen))
    if head is None:
        return None
    return _Phrase(tuple(words), head, gender, animacy)


def _key(surface: str) -> str:
    """A form as looked up: folded, single spaces, plain hyphens."""
    return re.sub(r"[‐‑]", "-", " ".join(fold(surface).split()))


def _pattern(form: str) -> str:
    parts = []
    for char in form:
        if char == " ":
            parts.append(r"\s+")
        elif char in _HYPHENS:
            parts.append(f"[{_HYPHEN_CLASS}]")
        elif char in "её":
            parts.append("[её]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


# --- the equivalences, compiled ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Compiled:
    entry: TermEquivalence
    ours: _Phrase
    alternatives: tuple[_Phrase | None, ...]
    our_forms: dict[str, frozenset[Reading]]
    """Each form of our term (by :func:`_key`) and the readings it can have."""
    our_lemmas: frozenset[tuple[str, ...]]
    alternative_lemmas: tuple[frozenset[tuple[str, ...]], ...]


def _lemmas(term: str, phrase: _Phrase | None) -> frozenset[tuple[str, ...]]:
    """The lemma sequences of every form of a term (pymorphy3 does not always lemmatise all forms alike)."""
    norms = analyzer("ru").norms
    forms = [term, *(f for f in phrase.forms.values() if f)] if phrase else [term]
    return frozenset(norms(f) for f in forms)


@functools.lru_cache(maxsize=4)
def _compiled(equivalences: tuple[TermEquivalence, ...]) -> tuple[_Compiled, ...]:
    """The equivalences, ready to use (those whose term cannot be inflected are left out)."""
    compiled = []
    for entry in equivalences:
        ours = _phrase(entry.term)
        if ours is None:
            continue
        our_forms: dict[str, set[Reading]] = defaultdict(set)
        for reading, form in ours.forms.items():
            if form:
                our_forms[_key(form)].add(reading)
        alternatives = tuple(_phrase(a) for a in entry.alternatives)
        compiled.append(_Compiled(
            entry, ours, alternatives, {k: frozenset(v) for k, v in our_forms.items()},
            _lemmas(entry.term, ours),
            tuple(_lemmas(a, p) for a, p in zip(entry.alternatives, alternatives, strict=True)),
        ))
    return tuple(compiled)


# --- the draft --------------------------------------------------------------------------------------------------

_JOINERS = frozenset(" \t\r\n\u00a0«»\"„“”")
"""What may stand between the words of a term in a draft (a quoted term: «цифрового правительства»)."""


def _count(tokens: Sequence[Token], text: str, first: Mapping[str, list[int]], lemmas: tuple[str, ...]) -> int:
    n = 0
    for pos in first.get(lemmas[0], ()):
        end = pos + len(lemmas)
        if end > len(tokens):
            continue
        if all(tokens[pos + k].norm == lemmas[k] for k in range(1, len(lemmas))) and all(
                _JOINERS.issuperset(text[tokens[k - 1].end:tokens[k].start]) for k in range(pos + 1, end)):
            n += 1
    return n


@functools.lru_cache(maxsize=8)
def _plan(draft_text: str, equivalences: tuple[TermEquivalence, ...]) -> tuple[tuple[int, int], ...]:
    """Which equivalences to apply for a draft: pairs (equivalence, chosen alternative), as indices.

    Cached by the draft text itself: Python keeps a string's hash, so a repeated call with the same draft costs
    a dictionary lookup."""
    compiled = _compiled(equivalences)
    tokens = analyzer("ru").tokens(draft_text)
    first: dict[str, list[int]] = defaultdict(list)
    for i, token in enumerate(tokens):
        first[token.norm].append(i)

    def uses(lemma_sets: frozenset[tuple[str, ...]]) -> int:
        return sum(_count(tokens, draft_text, first, lemmas) for lemmas in lemma_sets)

    plan = []
    for i, item in enumerate(compiled):
        if uses(item.our_lemmas):
            continue
        counts = [uses(lemmas) if phrase else 0
                  for phrase, lemmas in zip(item.alternatives, item.alternative_lemmas, strict=True)]
        best = max(range(len(counts)), key=lambda j: (counts[j], -j))
        if counts[best]:
            plan.append((i, best))
    return tuple(plan)


@functools.lru_cache(maxsize=16)
def _matcher(plan: tuple[tuple[int, int], ...], equivalences: tuple[TermEquivalence, ...]
             ) -> tuple[re.Pattern[str], dict[str, tuple[int, int]]]:
    """One regular expression for every form of the terms to replace, and each form's (equivalence, choice)."""
    compiled = _compiled(equivalences)
    owner: dict[str, tuple[int, int]] = {}
    for i, j in plan:
        for key in compiled[i].our_forms:
            owner.setdefault(key, (i, j))
    alternation = "|".join(_pattern(k) for k in sorted(owner, key=len, reverse=True))
    return re.compile(rf"(?<![\w{_HYPHEN_CLASS}])(?:{alternation})(?![\w{_HYPHEN_CLASS}])", re.IGNORECASE), owner


# --- context ----------------------------------------------------------------------------------------------------

_PREPOSITION_CASES: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ["без", "для", "до", "из", "из-за", "из-под", "от", "у", "около", "кроме", "после", "против", "среди",
         "вместо", "ради", "помимо", "посредством", "вне", "внутри", "относительно", "вследствие", "вокруг"],
        frozenset({"gent"})),
    **dict.fromkeys(["к", "ко", "согласно", "благодаря", "вопреки"], frozenset({"datv"})),
    **dict.fromkeys(["через", "про", "сквозь"], frozenset({"accs"})),
    **dict.fromkeys(["в", "во", "на", "о", "об", "обо"], frozenset({"accs", "loct"})),
    "при": frozenset({"loct"}),
    "по": frozenset({"datv", "loct", "accs"}),
    **dict.fromkeys(["за", "под", "подо"], frozenset({"accs", "ablt"})),
    **dict.fromkeys(["над", "надо", "перед", "передо"], frozenset({"ablt"})),
    "между": frozenset({"ablt", "gent"}),
    **dict.fromkeys(["с", "со"], frozenset({"gent", "ablt", "accs"})),
}
_CONTEXT = 200
"""How many characters before an occurrence are looked at."""
_PREVIOUS_WORD = re.compile(rf"(?<![\w{_HYPHEN_CLASS}])([^\W\d_]+(?:[{_HYPHEN_CLASS}][^\W\d_]+)*)\s+\Z")


def _previous_word(prefix: str) -> tuple[str, int] | None:
    """The word just before ``prefix``'s end, with only white space after it, and where it starts."""
    tail = prefix[-80:]
    match = _PREVIOUS_WORD.search(tail)
    if match is None:
        return None
    return fold(match.group(1)), len(prefix) - len(tail) + match.start(1)


def _with_cases(cases: frozenset[str]) -> frozenset[Reading]:
    return frozenset(r for r in _READINGS if r[0] in cases)


def _agreeing(parses: Sequence[Any], ours: _Phrase) -> frozenset[Reading]:
    """The readings of our term that an adjective before it, parsed as ``parses``, agrees with."""
    readings = set()
    for p in parses:
        if p.tag.POS not in {"ADJF", "PRTF"} or p.tag.number is None:
            continue
        case = _CASE_ALIASES.get(p.tag.case, p.tag.case)
        if p.tag.number == "sing" and p.tag.gender and p.tag.gender != ours.gender:
            continue
        if case == "accs" and p.tag.animacy and ours.animacy and p.tag.animacy != ours.animacy:
            continue
        readings.add((case, p.tag.number))
    return frozenset(readings)


def _clues(prefix: str, ours: _Phrase, capitalised: bool) -> Iterator[frozenset[Reading]]:
    """Readings the text before an occurrence allows, most telling first."""
    previous = _previous_word(prefix)
    if previous is None:
        stripped = prefix.rstrip()
        if capitalised and (not stripped or stripped[-1] in ".!?…"):
            yield _with_cases(frozenset({"nomn"}))  # the subject of a new sentence
        return
    word, start = previous
    if word in _PREPOSITION_CASES:
        yield _with_cases(_PREPOSITION_CASES[word])
        return
    parses = _parses(word)
    if not parses:
        return
    tag = parses[0].tag
    if tag.POS == "NOUN":
        yield _with_cases(frozenset({"gent"}))  # "владелец онлайн-платформы"
    elif tag.POS in {"VERB", "INFN", "GRND"} or (tag.POS == "PRTF" and {"actv", "tran"} <= tag.grammemes):
        before = _previous_word(prefix[:start])
        if "tran" in tag and (before is None or before[0] != "не"):  # a negated verb may take the genitive
            yield _with_cases(frozenset({"accs"}))
    elif tag.POS in {"ADJF", "PRTF"}:
        yield _agreeing(parses, ours)  # "таких онлайн-платформ"
        before = _previous_word(prefix[:start])
        if before and before[0] in _PREPOSITION_CASES:
            yield _with_cases(_PREPOSITION_CASES[before[0]])


def _choose(options: dict[Reading, str | None], prefix: str, ours: _Phrase, capitalised: bool) -> str | None:
    """The alternative's form for an occurrence whose possible readings give ``options``; ``None`` if unsure."""
    if len(set(options.values())) == 1:
        return next(iter(options.values()))
    for allowed in _clues(prefix, ours, capitalised):
        narrowed = {r: f for r, f in options.items() if r in allowed}
        if narrowed:
            options = narrowed
        if len(set(options.values())) == 1:
            return next(iter(options.values()))
    return None


def _cased_like(replacement: str, original: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# --- the public function ----------------------------------------------------------------------------------------

def adapt_ru(text: str, draft_text: str, equivalences: tuple[TermEquivalence, ...]) -> str:
    """Rewrite a Russian proposed text so that it uses the draft's terms instead of ours.

    For each of the ``equivalences`` (the knowledge base's ``terminology.yaml``) whose term does not occur in
    ``draft_text`` (any form: lemmas are compared) while an alternative does, every occurrence of our term in
    ``text`` becomes the alternative the draft uses most, in the same case and number ("владельцу
    онлайн-платформы" -> "владельцу цифровой платформы") and with the same capitalisation of the first letter.
    An occurrence whose case cannot be told with confidence, or that cannot be inflected, is left unchanged. A
    draft that uses our term, or none of the terms, changes nothing.

    The analysis of ``draft_text`` is cached, so calling this for every clause of one review is cheap.
    """
    if not text or not draft_text:
        return text
    plan = _plan(draft_text, equivalences)
    if not plan:
        return text
    pattern, owner = _matcher(plan, equivalences)
    compiled = _compiled(equivalences)
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        original = match.group()
        i, j = owner[_key(original)]
        item = compiled[i]
        alternative = item.alternatives[j]
        if alternative is None:  # pragma: no cover - the plan only chooses alternatives that inflect
            continue
        options = {r: alternative.forms[r] for r in item.our_forms[_key(original)]}
        before = text[max(0, match.start() - _CONTEXT):match.start()]
        form = _choose(options, before, item.ours, original[:1].isupper())
        if form is None:
            continue
        pieces += [text[last:match.start()], _cased_like(form, original)]
        last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
