"""Duty holders: who carries the obligations a provision lays down.

Legal drafting states a duty with the duty holder as the grammatical subject before an obligation verb:
"The provider shall ...", "Operators must ...", "Собственник онлайн-платформы обязан ...", "Уполномоченный орган
обеспечивает ..." (Russian drafting puts duties in the present tense). A law about online platforms names
platforms in nearly every article, but only some articles make the platform (rather than the state body, the user
or the law itself) carry the duty. :func:`duty_holder_spans` finds the character spans of those subjects, so that
the tagging rules of the knowledge base can count a concept only where it names who must act.

The rules are grammar, not vocabulary:

- **Russian.** The predicate is an obligation word ("обязан", "должен") or a verb in the present tense, third
  person, not reflexive (a reflexive verb is passive: "правила определяются собственником" makes the rules the
  subject) and not one of the verbs of permission or being ("может", "является", "имеет"). The subject is the
  clause before it, from a word in the nominative case up to the first preposition. A sentence that has no
  predicate and ends in a colon ("Правительство Республики Казахстан:") introduces a list of what its subject
  does.
- **English.** The predicate is "shall" (not "shall mean"), "must", or "is/are required/obliged to"; the subject is
  the clause before it up to the first preposition other than "of", or relative word.
- A heading that names obligations ("Obligations of importers", "Права и обязанности пользователей") has the
  rest of the heading as its duty holder.

Kazakh is not handled: its stems carry no case, and a draft in Kazakh simply has no duty holders.
"""

from __future__ import annotations

import bisect
import functools
import re

from crlens.analysis.language import Analyzer, Token

Span = tuple[int, int]

_BREAK = re.compile(r"[.;:!?\n,«»\"“”]")
"""Characters between two words that start a new clause (a subject does not run across them)."""
_SENTENCE_END = re.compile(r"[.;!?\n]")

# --- English --------------------------------------------------------------------------------------------------

_EN_PREDICATE = re.compile(
    r"\b(?:shall(?!\s+mean\b)(?!\s+be\s+deemed\b)|must|(?:is|are)\s+(?:required|obliged|obligated)\s+to)\b",
    re.IGNORECASE)
_EN_STOP = frozenset({
    "in", "on", "to", "by", "with", "under", "within", "from", "at", "as", "into", "upon", "pursuant",
    "without", "through", "after", "before", "during", "where", "when", "if", "who", "which", "that",
    "whose", "whom", "unless", "whether", "while", "than", "may", "can", "could", "should", "would", "will",
})
"""Words that end an English subject: prepositions other than "of", relative words and modal verbs."""
_EN_DETERMINERS = frozenset({"the", "a", "an", "each", "every", "any", "all", "such"})
_EN_HEADING = re.compile(r"\b(?:obligations?|duties|duty|responsibilities)\s+(?:of|for)\s+(.+)$", re.IGNORECASE)

# --- Russian --------------------------------------------------------------------------------------------------

_RU_DUTY_WORDS = frozenset({"обязать", "обязанный", "должный"})
_RU_NOT_DUTY = frozenset({"мочь", "являться", "иметь", "вправе", "считаться", "означать", "понимать"})
_RU_HEADING = re.compile(r"\bобязанност\w*\s+(.+)$", re.IGNORECASE)
_ROLE_DUTY, _ROLE_VERB, _ROLE_STOP, _ROLE_NOM, _ROLE_OTHER = range(5)


@functools.lru_cache(maxsize=4)
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=100_000)
def _ru_role(word: str) -> int:
    """What a Russian word can be in a clause: obligation predicate, other predicate, stop, nominative, other."""
    parses = _morph().parse(word)
    first = parses[0]
    tag = first.tag
    if first.normal_form in _RU_NOT_DUTY or tag.POS == "PRED":
        return _ROLE_VERB
    if tag.POS in {"PRTS", "ADJS"} and first.normal_form in _RU_DUTY_WORDS:
        return _ROLE_DUTY
    if tag.POS == "VERB" and "indc" in tag:
        if "pres" in tag and "3per" in tag and not word.endswith(("ся", "сь")):
            return _ROLE_DUTY
        return _ROLE_VERB
    if tag.POS in {"PREP", "INFN", "PRTS", "ADJS", "GRND"}:
        return _ROLE_STOP
    if tag.POS in {"CONJ"} and word not in {"и", "или"}:
        return _ROLE_STOP
    if any(p.tag.case == "nomn" and p.tag.POS in {"NOUN", "ADJF", "PRTF", "NPRO"} for p in parses[:3]):
        return _ROLE_NOM
    return _ROLE_OTHER


def _clause_starts(text: str, tokens: list[Token]) -> list[bool]:
    """For each token, whether a clause break stands between it and the previous word."""
    starts = []
    prev_end = 0
    for tok in tokens:
        starts.append(not starts or bool(_BREAK.search(text, prev_end, tok.start)))
        prev_end = tok.end
    return starts


def _ru_spans(text: str, tokens: list[Token]) -> list[Span]:
    spans: list[Span] = []
    starts = _clause_starts(text, tokens)
    roles = [_ru_role(t.surface) for t in tokens]
    clause = 0  # index of the first word of the current clause
    subject: Span | None = None  # of the clause's first predicate, shared by those coordinated with it
    seen_predicate = False  # in the current clause
    sentence_has_predicate = False
    for i, tok in enumerate(tokens):
        if starts[i]:
            if i and _SENTENCE_END.search(text, tokens[i - 1].end, tok.start):
                sentence_has_predicate = False
            clause, subject, seen_predicate = i, None, False
        if roles[i] in {_ROLE_DUTY, _ROLE_VERB}:
            if not seen_predicate:
                subject = _ru_subject(tokens, roles, clause, i)
                seen_predicate = True
            if roles[i] == _ROLE_DUTY and subject and subject not in spans:
                spans.append(subject)
            sentence_has_predicate = True
        end_of_sentence = i + 1 == len(tokens) or _SENTENCE_END.search(text, tok.end, tokens[i + 1].start)
        if end_of_sentence and not sentence_has_predicate:
            tail = text[tok.end:tokens[i + 1].start if i + 1 < len(tokens) else len(text)]
            if tail.strip().startswith(":"):
                first = i
                while first > 0 and not _SENTENCE_END.search(text, tokens[first - 1].end, tokens[first].start):
                    first -= 1
                span = _ru_subject(tokens, roles, first, i + 1)
                if span:
                    spans.append(span)
    return spans


def _ru_subject(tokens: list[Token], roles: list[int], start: int, predicate: int) -> Span | None:
    """The subject noun phrase of a clause: from its first (nominative) word up to the first preposition."""
    if start >= predicate or roles[start] != _ROLE_NOM:
        return None
    end = start
    while end < predicate and roles[end] in {_ROLE_NOM, _ROLE_OTHER}:
        end += 1
    return tokens[start].start, tokens[end - 1].end


def _en_spans(text: str, tokens: list[Token]) -> list[Span]:
    spans: list[Span] = []
    starts = [t.start for t in tokens]
    breaks = [m.end() for m in _BREAK.finditer(text)]
    clause_start = 0
    for m in _EN_PREDICATE.finditer(text):
        b = bisect.bisect_right(breaks, m.start())
        clause_start = max(clause_start, breaks[b - 1] if b else 0)
        first = bisect.bisect_left(starts, clause_start)
        predicate = bisect.bisect_left(starts, m.start())
        while first < predicate and tokens[first].surface in _EN_DETERMINERS:
            first += 1
        end = first
        while end < predicate and tokens[end].surface not in _EN_STOP:
            end += 1
        if end > first:
            spans.append((tokens[first].start, tokens[end - 1].end))
        clause_start = m.end()  # a second predicate in the same clause has no subject of its own before it
    return spans


def duty_holder_spans(analyzer: Analyzer, text: str, heading: bool = False,
                      tokens: list[Token] | None = None) -> list[Span]:
    """Character spans of ``text`` that name who carries an obligation (see the module docstring).

    ``tokens`` are the text's words if the caller already has them.
    """
    if not text:
        return []
    if heading:
        pattern = _RU_HEADING if analyzer.lang == "ru" else _EN_HEADING if analyzer.lang == "en" else None
        m = pattern.search(text) if pattern else None
        return [(m.start(1), m.end(1))] if m else []
    if analyzer.lang == "ru":
        return _ru_spans(text, tokens if tokens is not None else analyzer.tokens(text))
    if analyzer.lang == "en" and _EN_PREDICATE.search(text):
        return _en_spans(text, tokens if tokens is not None else analyzer.tokens(text))
    return []
