"""Use the draft's own terms in the proposed text of amendments, in Russian and in English.

Our model clauses name a concept one way ("онлайн-платформа", "электронное правительство"); a draft may name
it another way ("цифровая платформа", "цифровое правительство"). ``knowledge/data/terminology.yaml`` lists
such equivalences. :func:`adapt_ru` rewrites a proposed text so that, for every equivalence whose term the draft
never uses but one of whose alternatives it does use, our term is replaced by the draft's one, inflected to the
case and number of each occurrence ("оператора онлайн-платформы" -> "оператора цифровой платформы").
:func:`adapt_en` does the same to the English text, which is a translation for the reader of the draft: by the
same decision, our English term becomes the English of the alternative chosen ("an online platform" -> "a
digital platform"), so that both language versions of an amendment name what the draft names.

How it works, and why it is safe:

- The decision is made once per draft and equivalence, by the draft's own language: a Russian (or Kazakh)
  draft is searched by lemmas (the shared Russian analyzer), so any form of a term counts; an English draft is
  searched for the English terms, either number. The analysis is cached per draft text, as the same draft is
  used for every clause of a review.
- Every form of our term (six cases, two numbers) is generated with pymorphy3, and an occurrence in the text is
  recognised by its exact form. The forms it can be (e.g. "онлайн-платформы": genitive singular, nominative or
  accusative plural) are its possible readings; each gives a form of the alternative.
- When the readings give different forms of the alternative, the words just before the occurrence decide: a
  preposition, an agreeing adjective, a governing noun (genitive) or transitive verb (accusative), or the start
  of a sentence (nominative). An occurrence that stays ambiguous, or that cannot be inflected, is left as it is:
  a wrong form is worse than our own term.
- An alternative of another gender than ours («профайлинг» for «профилирование») is not put where a word next
  to the occurrence agrees with ours (an adjective before it, a predicate or participle after it): that word would
  be left in the wrong gender, so the occurrence keeps our term (:func:`agreeing_words` finds such words).
- Only the head noun and the adjectives before it inflect; words after the head ("образования",
  "обмена мгновенными сообщениями") stay as written. Of a hyphenated word only the last part inflects
  ("онлайн-платформы").
- In English only the head takes the plural ("owners of online platforms" -> "operators of online
  platforms"); words after it, with their article, stay as written; a possessive ("platform's") is outside the
  term and stays; "a" or "an" just before the term is chosen again for its new first word. An occurrence
  written as a title ("Law on Online Platforms") or inside a longer word is left as it is, and an alternative
  whose English is ours (both «владелец» and «собственник» are an owner) changes nothing in English.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crlens.analysis.language import Token, analyzer, fold
from crlens.knowledge.models import ENGLISH_ARTICLES, OwnBody, TermEquivalence, english_term_parts

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
def _compiled(equivalences: tuple[TermEquivalence, ...]) -> tuple[_Compiled | None, ...]:
    """The equivalences, ready to use, in their order (``None`` for one whose term cannot be inflected)."""
    compiled: list[_Compiled | None] = []
    for entry in equivalences:
        ours = _phrase(entry.term)
        if ours is None:
            compiled.append(None)
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
def _index(text: str) -> tuple[tuple[Token, ...], dict[str, list[int]]]:
    """A Russian text's tokens and, for each lemma, the positions of the tokens that have it: what :func:`_count`
    searches. Cached per text (a draft is asked about every equivalence, and about every defined term)."""
    tokens = tuple(analyzer("ru").tokens(text))
    first: dict[str, list[int]] = defaultdict(list)
    for i, token in enumerate(tokens):
        first[token.norm].append(i)
    return tokens, first


@functools.lru_cache(maxsize=8)
def _plan(draft_text: str, equivalences: tuple[TermEquivalence, ...], in_force: frozenset[str] = frozenset()
          ) -> tuple[tuple[int, int], ...]:
    """Which equivalences to apply for a draft: pairs (equivalence, chosen alternative), as indices. A draft that
    uses none of an equivalence's terms takes the first alternative when the law whose word it is
    (``law_in_force``) is among the examples ``in_force`` for it.

    Cached by the draft text itself: Python keeps a string's hash, so a repeated call with the same draft costs
    a dictionary lookup."""
    compiled = _compiled(equivalences)
    tokens, first = _index(draft_text)

    def uses(lemma_sets: frozenset[tuple[str, ...]]) -> int:
        return sum(_count(tokens, draft_text, first, lemmas) for lemmas in lemma_sets)

    plan = []
    for i, item in enumerate(compiled):
        if item is None or uses(item.our_lemmas):
            continue
        counts = [uses(lemmas) if phrase else 0
                  for phrase, lemmas in zip(item.alternatives, item.alternative_lemmas, strict=True)]
        best = max(range(len(counts)), key=lambda j: (counts[j], -j))
        if counts[best]:
            plan.append((i, best))
        elif item.entry.law_in_force in in_force:
            plan.append((i, 0))
    return tuple(plan)


@functools.lru_cache(maxsize=16)
def _matcher(plan: tuple[tuple[int, int], ...], equivalences: tuple[TermEquivalence, ...]
             ) -> tuple[re.Pattern[str], dict[str, tuple[int, int]]]:
    """One regular expression for every form of the terms to replace, and each form's (equivalence, choice)."""
    compiled = _compiled(equivalences)
    owner: dict[str, tuple[int, int]] = {}
    for i, j in plan:
        item = compiled[i]
        if item is None or item.alternatives[j] is None:  # an English draft's choice the Russian cannot make
            continue
        for key in item.our_forms:
            owner.setdefault(key, (i, j))
    return _any_of(owner), owner


def _any_of(forms: Iterable[str]) -> re.Pattern[str]:
    """One regular expression for any of ``forms`` (by :func:`_key`) as whole words, the longest first where two
    start alike."""
    alternation = "|".join(_pattern(k) for k in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w{_HYPHEN_CLASS}])(?:{alternation})(?![\w{_HYPHEN_CLASS}])", re.IGNORECASE)


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
_CONJUNCTIONS = frozenset({"и", "или"})
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
    if word in _CONJUNCTIONS:
        # "маркетинга или профилирования", "для рекламы и профилирования": joined to a noun, the term is in its
        # case, which the noun itself or the words before it tell
        joined = _previous_word(prefix[:start])
        nouns = [p for p in _parses(joined[0]) if p.tag.POS == "NOUN"] if joined else []
        if joined and nouns:
            yield _with_cases(frozenset(_CASE_ALIASES.get(p.tag.case, p.tag.case) for p in nouns))
            yield from _clues(prefix[:joined[1]], ours, False)
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


# --- the English ------------------------------------------------------------------------------------------------

_WORD_EDGE = rf"\w{_HYPHEN_CLASS}"
"""What may not touch a term on either side: a term inside a longer (hyphenated) word is not the term."""
_ARTICLE = "(?:an|a|the)"
_NAME_WORDS = ENGLISH_ARTICLES | {"of"}
"""Words of a term that a title leaves in lower case ("Owners of Online Platforms")."""
_INDEFINITE_BEFORE = re.compile(rf"(?<![{_WORD_EDGE}])(an?)(\s+)\Z", re.IGNORECASE)
_CONSONANT_SOUND = ("uni", "use", "usu", "eu", "one", "once")
"""Words spelt with a vowel that take "a" ("a user", "a European"); the data's words need no more."""
_SILENT_H = ("hour", "honest", "honour", "heir")


def _plural(noun: str) -> str:
    """The regular English plural of a noun (the heads in the data are all regular)."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


def _indefinite(word: str) -> str:
    """The indefinite article a word takes, by how it is spelt."""
    word = word.lower()
    if word.startswith(_SILENT_H) or (word[:1] in tuple("aeiou") and not word.startswith(_CONSONANT_SOUND)):
        return "an"
    return "a"


def _word_pattern(word: str) -> str:
    return "".join(f"[{_HYPHEN_CLASS}]" if char in _HYPHENS else re.escape(char) for char in word)


@dataclass(frozen=True)
class _English:
    """An English term: the words before its head noun, the head and the words after it."""

    before: tuple[str, ...]
    head: str
    after: tuple[str, ...]

    def pattern(self, groups: bool) -> str:
        """A regular expression for the term in either number, an article after the head standing for any
        article; with ``groups``, the head and the words after it are captured (``head``, ``after``)."""
        head = f"(?:{_word_pattern(_plural(self.head))}|{_word_pattern(self.head)})"
        lead = r"\s+".join([*map(_word_pattern, self.before), f"(?P<head>{head})" if groups else head])
        after = "".join(r"\s+" + (_ARTICLE if w in ENGLISH_ARTICLES else _word_pattern(w)) for w in self.after)
        return lead + (f"(?P<after>{after})" if groups else after)

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern(groups=True), re.IGNORECASE)

    @functools.cached_property
    def in_lower_case(self) -> re.Pattern[str]:
        """The term in a lower-cased text, not followed by a word character (what comes before it is checked
        apart: a pattern that starts with a plain word is found much faster in a long draft)."""
        return re.compile(rf"{self.pattern(groups=False)}(?![{_WORD_EDGE}])")

    def form(self, plural: bool, after: str | None) -> str:
        """The term, in the plural or not, followed by ``after`` as written, or by its own words after the head."""
        lead = " ".join([*self.before, _plural(self.head) if plural else self.head])
        return lead + (after if after is not None else "".join(" " + w for w in self.after))


@functools.lru_cache(maxsize=64)
def _english(term: str) -> _English:
    return _English(*english_term_parts(term))


def _english_count(term: str, lowered: str) -> int:
    """How often an English term (either number, any article after its head) stands alone in a lower-cased
    text; a term "X of a Y" counts also as "Y X", as English drafts write it ("online platform operator" for
    "operator of an online platform", and of online platforms)."""
    count = sum(1 for m in _english(term).in_lower_case.finditer(lowered)
                if not m.start() or not _in_word(lowered[m.start() - 1]))
    parsed = _english(term)
    if parsed.after[:1] == ("of",) and not parsed.before:
        modifier = [w for w in parsed.after[1:] if w not in ENGLISH_ARTICLES]
        if modifier and modifier[-1].endswith("s") and not modifier[-1].endswith("ss"):
            # a noun before another is singular: "operator of online platforms" is an "online platform operator"
            modifier[-1] = modifier[-1][:-1]
        premodified = " ".join([*modifier, parsed.head])
        if premodified != term:
            count += _english_count(premodified, lowered)
    return count


def _in_word(char: str) -> bool:
    """Whether a character belongs to a word, so that a term just after it is part of a longer one."""
    return char.isalnum() or char == "_" or char in _HYPHENS


def _english_switches(entry: TermEquivalence, choice: int) -> tuple[str, ...]:
    """Our English wordings that change when a draft takes the entry's alternative ``choice`` (none when its
    English is ours)."""
    if not entry.alternatives_en or entry.alternatives_en[choice] in entry.term_en:
        return ()
    return entry.term_en


@functools.lru_cache(maxsize=8)
def _plan_en(draft_text: str, equivalences: tuple[TermEquivalence, ...]) -> tuple[tuple[int, int], ...]:
    """:func:`_plan` for an English draft, read in English: an equivalence applies when the draft never says our
    English term but says an alternative's English; the one it says most is chosen."""
    lowered = draft_text.lower()

    def uses(term: str) -> int:
        return _english_count(term, lowered)

    plan = []
    for i, entry in enumerate(equivalences):
        if not entry.term_en or any(uses(term) for term in entry.term_en):
            continue
        counts = [0 if term in entry.term_en else uses(term) for term in entry.alternatives_en]
        best = max(range(len(counts)), key=lambda j: (counts[j], -j))
        if counts[best]:
            plan.append((i, best))
    return tuple(plan)


def _decide(draft_text: str, equivalences: tuple[TermEquivalence, ...], draft_language: str,
            in_force: frozenset[str] = frozenset()) -> tuple[tuple[int, int], ...]:
    """The one decision for a draft, shared by its Russian and English texts: by the draft's own language (the
    word of a law in force, ``in_force``, is taken by a Russian or Kazakh draft only)."""
    if draft_language == "en":
        return _plan_en(draft_text, equivalences)
    return _plan(draft_text, equivalences, in_force)


@functools.lru_cache(maxsize=16)
def _english_matcher(plan: tuple[tuple[int, int], ...], equivalences: tuple[TermEquivalence, ...]
                     ) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str]]]:
    """One regular expression for our English terms to replace (a group each), and each group's (our term, the
    alternative's English)."""
    switches: dict[str, tuple[str, str]] = {}
    for i, j in plan:
        entry = equivalences[i]
        for term in _english_switches(entry, j):
            switches.setdefault(term, (term, entry.alternatives_en[j]))
    if not switches:
        return None, {}
    terms = sorted(switches, key=len, reverse=True)  # the longest first where two start alike
    groups = {f"t{n}": switches[term] for n, term in enumerate(terms)}
    alternation = "|".join(f"(?P<{name}>{_english(ours).pattern(groups=False)})"
                           for name, (ours, _) in groups.items())
    pattern = re.compile(rf"(?<![{_WORD_EDGE}])(?:{alternation})(?![{_WORD_EDGE}])", re.IGNORECASE)
    return pattern, groups


_OPENING = re.compile(r"(?:\A|[.!?…:;]|\n\s*\(?[0-9A-Za-z]{1,4}[.)])[\s“\"«(]*\Z")
"""The end of the text before an occurrence that opens a sentence or a list item ("1) ", "(a) "): a capital
there is no sign of a name."""


def _is_name(original: str, before: str) -> bool:
    """Whether an occurrence is written as part of a name or title ("Online Platforms", "the Law on
    E-Government", "Facebook Messenger"), not a common noun: every word capitalised, and one word only where no
    sentence or item opens with it (``before``, the text just before it)."""
    words = [w for w in original.split() if w.lower() not in _NAME_WORDS]
    if not words or original.isupper() or not all(w[:1].isupper() for w in words):
        return False
    return len(words) > 1 or _OPENING.search(before) is None


def _english_replacement(original: str, before: str, ours: str, theirs: str) -> str | None:
    """The alternative's English for an occurrence of our term, in its number, with the words after the head as
    written when the alternative has the same ones; ``None`` if the occurrence is not to be touched (a name,
    :func:`_is_name`, ``before`` being the text up to it)."""
    if _is_name(original, before):
        return None
    our_term, their_term = _english(ours), _english(theirs)
    match = our_term.regex.fullmatch(original)
    if match is None:  # pragma: no cover - the matcher found it with the same words
        return None
    plural = match["head"].lower() == _plural(our_term.head)
    same_after = len(their_term.after) == len(our_term.after) and all(
        a == b or {a, b} <= ENGLISH_ARTICLES for a, b in zip(their_term.after, our_term.after, strict=True))
    return _cased_like(their_term.form(plural, match["after"] if same_after else None), original)


def _with_article(before: str, replacement: str) -> str:
    """The text before a replaced term, with an indefinite article just before it made to fit the new word."""
    match = _INDEFINITE_BEFORE.search(before)
    if match is None:
        return before
    article = _indefinite(replacement.split()[0])
    if article == match[1].lower():
        return before
    if match[1].isupper() and len(match[1]) > 1:
        article = article.upper()
    elif match[1][:1].isupper():
        article = article.capitalize()
    return before[:match.start(1)] + article + match[2]


def _kept_spans(text: str, equivalences: tuple[TermEquivalence, ...]) -> list[tuple[int, int]]:
    """Where ``text`` holds a name in which a term stays as written (``TermEquivalence.kept_in``)."""
    return [(m.start(), m.end()) for entry in equivalences for name in entry.kept_in
            for m in re.finditer(re.escape(name), text, re.IGNORECASE)]


_QUOTE_PAIRS = {"«": "»", "“": "”"}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` quotes words, the marks included: each outermost «…» or “…”, nested marks inside it counted
    («Закон «Об онлайн-платформах»» is one span). An issue text quotes the draft this way, and a quote is the
    draft's words, not ours to rewrite."""
    spans: list[tuple[int, int]] = []
    opening = ""
    depth = start = 0
    for i, char in enumerate(text):
        if not depth and char in _QUOTE_PAIRS:
            opening, depth, start = char, 1, i
        elif depth and char == opening:
            depth += 1
        elif depth and char == _QUOTE_PAIRS[opening]:
            depth -= 1
            if not depth:
                spans.append((start, i + 1))
    return spans


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the occurrence from ``start`` to ``end`` lies inside one of the ``spans``."""
    return any(first <= start and end <= last for first, last in spans)


# --- the public functions ---------------------------------------------------------------------------------------

def adapt_ru(text: str, draft_text: str, equivalences: tuple[TermEquivalence, ...],
             draft_language: str = "ru", in_force: frozenset[str] = frozenset(), *, quotes: bool = False) -> str:
    """Rewrite a Russian proposed text so that it uses the draft's terms instead of ours.

    For each of the ``equivalences`` (the knowledge base's ``terminology.yaml``) whose term does not occur in
    ``draft_text`` (any form: lemmas are compared) while an alternative does, every occurrence of our term in
    ``text`` becomes the alternative the draft uses most, in the same case and number ("владельцу
    онлайн-платформы" -> "владельцу цифровой платформы") and with the same capitalisation of the first letter.
    An occurrence whose case cannot be told with confidence, or that cannot be inflected, or that is part of a
    name the equivalence keeps (``kept_in``: the body another law sets up), is left unchanged. A draft that uses
    our term, or none of the terms, changes nothing. A draft in English (``draft_language``
    "en") is read in English, by the equivalences' English terms, as :func:`adapt_en` reads it.

    A draft that uses none of an equivalence's terms takes the word of the law it names (``law_in_force``) when
    that law is among the examples ``in_force`` for the draft: a law of its country in force and not repealed.

    With ``quotes``, the text quotes the draft (an issue text) and what it quotes (:func:`quoted_spans`) is left
    as it is.

    The analysis of ``draft_text`` is cached, so calling this for every clause of one review is cheap.
    """
    if not text or not draft_text:
        return text
    plan = _decide(draft_text, equivalences, draft_language, in_force)
    if not plan:
        return text
    pattern, owner = _matcher(plan, equivalences)
    if not owner:
        return text
    compiled = _compiled(equivalences)
    kept = _kept_spans(text, equivalences) + (quoted_spans(text) if quotes else [])
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        if _within(kept, match.start(), match.end()):
            continue
        original = match.group()
        i, j = owner[_key(original)]
        item = compiled[i]
        alternative = item.alternatives[j] if item else None
        if item is None or alternative is None:  # pragma: no cover - the matcher has only these
            continue
        options = {r: alternative.forms[r] for r in item.our_forms[_key(original)]}
        before = text[max(0, match.start() - _CONTEXT):match.start()]
        form = _choose(options, before, item.ours, original[:1].isupper())
        if form is None or (_agreement(alternative) != _agreement(item.ours)
                            and _agreeing_around(text, match.start(), match.end(), item.ours)):
            continue
        pieces += _coordinated_once(text[last:match.start()], _cased_like(form, original))
        last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _agreement(phrase: _Phrase) -> tuple[str | None, str | None]:
    return phrase.gender, phrase.animacy


_NEXT_WORD = re.compile(r"(?:\s*,)?\s*([^\W\d_]+)")
_AGREES_AFTER = frozenset({"ADJF", "PRTF", "ADJS", "PRTS"})


def _agreeing_around(text: str, start: int, end: int, ours: _Phrase) -> list[str]:
    """The words just outside an occurrence of our term at ``text[start:end]`` that agree with it in gender: an
    adjective just before it ("коммерческое профилирование"), or an adjective, participle or past-tense verb
    just after it, past a comma ("профилирование отключено", "профилирование, основанное на ...")."""
    found = []
    previous = _previous_word(text[:start])
    if previous is not None and any(p.tag.POS in {"ADJF", "PRTF"} and _agrees(p.tag, ours)
                                    for p in _parses(previous[0])):
        found.append(text[previous[1]:start].strip())
    following = _NEXT_WORD.match(text, end)
    if following is not None and any(
            (p.tag.POS in _AGREES_AFTER or (p.tag.POS == "VERB" and "past" in p.tag)) and _agrees(p.tag, ours)
            for p in _parses(fold(following.group(1)))):
        found.append(following.group(1))
    return found


def _agrees(tag: Any, ours: _Phrase) -> bool:
    return tag.number == "sing" and tag.gender is not None and tag.gender == ours.gender


def agreeing_words(text: str, term: str) -> list[str]:
    """The words of ``text`` outside each occurrence of the Russian ``term`` (any form) that agree with it in
    gender. :func:`adapt_ru` leaves an occurrence with such words as it is when the draft's term has another
    gender ("профилирование отключено" would become "профайлинг отключено"), so our texts avoid them."""
    ours = _phrase(term)
    if ours is None:
        return []
    pattern = _any_of({_key(f) for f in ours.forms.values() if f})
    return [word for m in pattern.finditer(text) for word in _agreeing_around(text, m.start(), m.end(), ours)]


_COORDINATED = re.compile(r"(?<![\w-])(\w+)(?: и \(или\) | и | или )$")
"""A word just before a term, joined to it by «и», «или» or «и (или)»: two duty-bearers named together."""


def _coordinated_once(before: str, replacement: str) -> list[str]:
    """The text ``before`` an occurrence and its ``replacement``, the draft's term named once where it would
    follow itself: our clauses name two duty-bearers («собственники и владельцы онлайн-платформ»), and a law
    whose only one is the proprietor would otherwise read «Собственники и собственники»."""
    first, _, rest = replacement.partition(" ")
    joined = _COORDINATED.search(before)
    if joined is None or fold(joined.group(1)) != fold(first):
        return [before, replacement]
    return [before[:joined.end(1)], f" {rest}" if rest else ""]


def adapt_en(text: str, draft_text: str, equivalences: tuple[TermEquivalence, ...],
             draft_language: str = "ru", in_force: frozenset[str] = frozenset(), *, quotes: bool = False) -> str:
    """Rewrite an English proposed text or solution so that it names the concepts as :func:`adapt_ru` makes the
    Russian one name them: by the same decision for the draft (its Russian, or its English for an English
    draft), our English term becomes the English of the alternative chosen ("an online platform" -> "a digital
    platform").

    The plural, a capital first letter, a possessive ("platform's") and the words after the head with their
    article ("operator of the online platform") are kept; "a" or "an" just before the term is made to fit its
    new first word. An occurrence written as part of a title ("Law on Online Platforms", "Law on
    E-Government") or inside a longer word is left unchanged, and so is the text when the alternative's English
    is ours. ``in_force`` and ``quotes`` as for :func:`adapt_ru`.
    """
    if not text or not draft_text:
        return text
    plan = _decide(draft_text, equivalences, draft_language, in_force)
    if not plan:
        return text
    pattern, groups = _english_matcher(plan, equivalences)
    if pattern is None:
        return text
    kept = _kept_spans(text, equivalences) + (quoted_spans(text) if quotes else [])
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        if _within(kept, match.start(), match.end()):
            continue
        ours, theirs = groups[match.lastgroup or ""]
        before = text[max(0, match.start() - _CONTEXT):match.start()]  # as adapt_ru reads it
        replacement = _english_replacement(match.group(), before, ours, theirs)
        if replacement is None:
            continue
        pieces += [_with_article(text[last:match.start()], replacement), replacement]
        last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def as_the_acts_own_body(text: str, lang: str, defined: Collection[str], bodies: Sequence[OwnBody]) -> str:
    """``text`` naming the draft's own body where ours names one by its field: for each of the ``bodies``
    (``terminology.yaml``, ``own_bodies``) whose bare name is among the terms the draft ``defined`` (in Russian or
    English, any case of letters), its name followed by its field in ``lang`` ("уполномоченным органом в сфере
    цифровизации") loses the field ("уполномоченным органом"), in any case and number."""
    for pattern in _own_body_patterns(tuple(defined), tuple(bodies), lang):
        text = pattern.sub(r"\1", text)
    return text


@functools.lru_cache(maxsize=16)
def _own_body_patterns(defined: tuple[str, ...], bodies: tuple[OwnBody, ...], lang: str
                       ) -> tuple[re.Pattern[str], ...]:
    """For :func:`as_the_acts_own_body`, once per draft and language: the name of each body the draft defines by
    its bare name, followed by its field, with the name as group 1."""
    folded = {fold(term) for term in defined}
    patterns = []
    for body in bodies:
        if not folded & {fold(body.name), fold(body.name_en)}:
            continue
        if lang == "ru":
            phrase = _phrase(body.name)
            if phrase is None:  # a name whose head noun is not read: our texts keep the field
                continue
            name = _any_of({_key(f) for f in phrase.forms.values() if f}).pattern
            field = body.field
        else:
            name = rf"(?<![{_WORD_EDGE}]){_english(body.name_en).pattern(groups=False)}"
            field = body.field_en
        patterns.append(re.compile(rf"({name})\s+{re.escape(field)}(?![{_WORD_EDGE}])", re.IGNORECASE))
    return tuple(patterns)


def names_by_alternative(draft_text: str, term: str, equivalences: tuple[TermEquivalence, ...],
                         draft_language: str = "ru") -> bool:
    """Whether the draft itself names what our ``term`` names by an alternative of an equivalence, which our
    texts then take (:func:`adapt_ru`): such a draft has its own word for it, and needs no definition of ours.
    (A word taken from a law in force is not the draft's own: the draft still needs it defined.)"""
    return any(equivalences[i].term == term for i, _ in _decide(draft_text, equivalences, draft_language))


def uses_term(text: str, term: str, term_en: str, language: str) -> bool:
    """Whether ``text`` uses a term in any form: a Russian (or Kazakh) text is searched for the Russian
    ``term`` by lemmas, as :func:`adapt_ru` reads a draft; an English one for ``term_en``, in either number."""
    if language == "en":
        return _english_count(term_en, text.lower()) > 0
    tokens, first = _index(text)
    return any(_count(tokens, text, first, lemmas) for lemmas in _lemmas(term, _phrase(term)))
