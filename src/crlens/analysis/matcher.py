"""Finding the lexicon's concepts in the text of provisions.

The lexicon (``knowledge/data/lexicon``) lists, per concept and language, dictionary-form terms, prefixes
(``word*``) and regular expressions (``re:``). :class:`ConceptMatcher` compiles them once for the draft's
language: terms are normalised by the same :class:`~crlens.analysis.language.Analyzer` as the text, so
inflected forms match, and indexed by their first word so that matching a provision costs one dictionary
look-up per word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from crlens.analysis.language import Analyzer, Token, fold
from crlens.knowledge.loader import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a concept was found: character span in the matched text, and the words as written."""

    concept: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Phrase:
    concept: str
    words: tuple[str, ...]
    prefix: bool


class ConceptMatcher:
    """All concepts of the knowledge base, compiled for one language."""

    def __init__(self, kb: KnowledgeBase, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.labels = {c.id: c.label for c in kb.concepts.values()}
        self._by_norm: dict[str, list[_Phrase]] = defaultdict(list)
        self._prefixes: dict[str, list[_Phrase]] = defaultdict(list)
        self._regexes: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = []
        langs = {"ru": ("ru",), "kk": ("kk", "ru"), "en": ("en",)}[analyzer.lang]
        for concept in kb.concepts.values():
            for lang in langs:
                for term in getattr(concept.terms, lang):
                    self._add(concept.id, term)

    def _add(self, concept: str, term: str) -> None:
        if term.startswith("re:"):
            self._regexes.append((concept, re.compile(term[3:], re.IGNORECASE), literal_starts(term[3:])))
            return
        if any(ch.isdigit() for ch in term):
            # Words are letters only, so "under 18" would shrink to "under": match such terms literally.
            literal = term.lower()
            self._regexes.append((concept, re.compile(r"\b" + re.escape(literal) + r"\b"), (literal,)))
            return
        if term.endswith("*"):
            words = tuple(fold(w) for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", term[:-1]))
            if words:
                self._prefixes[words[0][:3]].append(_Phrase(concept, words, prefix=True))
            return
        words = self.analyzer.norms(term)
        if words:
            self._by_norm[words[0]].append(_Phrase(concept, words, prefix=False))

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Hit]:
        """Every concept occurrence in ``text``, in order of position (``tokens``: its words, if known)."""
        if not text:
            return []
        if tokens is None:
            tokens = self.analyzer.tokens(text)
        hits: list[Hit] = []
        for i, token in enumerate(tokens):
            for phrase in self._by_norm.get(token.norm, ()):
                end = self._match_words(tokens, i, phrase)
                if end is not None:
                    hits.append(Hit(phrase.concept, token.start, end, text[token.start:end]))
            for phrase in self._prefixes.get(token.surface[:3], ()):
                end = self._match_prefix(tokens, i, phrase)
                if end is not None:
                    hits.append(Hit(phrase.concept, token.start, end, text[token.start:end]))
        if self._regexes:
            lowered = text.lower()
            for concept, regex, starts in self._regexes:
                if starts and not any(start in lowered for start in starts):
                    continue
                m = regex.search(lowered)
                if m:
                    hits.append(Hit(concept, m.start(), m.end(), text[m.start():m.end()]))
        hits.sort(key=lambda h: (h.start, h.concept))
        return hits

    @staticmethod
    def _match_words(tokens: list[Token], i: int, phrase: _Phrase) -> int | None:
        words = phrase.words
        if i + len(words) > len(tokens):
            return None
        for k in range(1, len(words)):
            if tokens[i + k].norm != words[k]:
                return None
        return tokens[i + len(words) - 1].end

    @staticmethod
    def _match_prefix(tokens: list[Token], i: int, phrase: _Phrase) -> int | None:
        words = phrase.words
        if i + len(words) > len(tokens):
            return None
        for k, word in enumerate(words):
            surface = tokens[i + k].surface
            last = k == len(words) - 1
            if not (surface.startswith(word) if last else (surface == word or surface.startswith(word))):
                return None
        return tokens[i + len(words) - 1].end


def literal_starts(pattern: str) -> tuple[str, ...]:
    """The texts one of which every match of ``pattern`` starts with (after any leading ``\\b``), lower-cased:
    one for a plain start, one per branch for a leading ``(?:a|b)``; empty when some match could start
    otherwise. A pattern that starts with ``\\b`` loses the regex engine's fast literal scan (about 20 times
    slower on a page of text), so the matcher first checks that one of these texts occurs at all."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    def starts(items: list[tuple[object, object]]) -> list[str]:
        out = []
        for op, arg in items:
            if op is c.AT and not out:
                continue
            if op is c.LITERAL:
                out.append(chr(arg))  # type: ignore[arg-type]
                continue
            if op is c.SUBPATTERN and not out:
                return starts(list(arg[-1]))  # type: ignore[index]
            if op is c.BRANCH and not out:
                return [start for branch in arg[1] for start in starts(list(branch))]  # type: ignore[index]
            break
        return ["".join(out)]

    try:
        found = starts(list(_parser.parse(pattern)))
    except Exception:  # an unusual pattern only loses the shortcut
        return ()
    if any(len(start) < 2 or start != start.lower() for start in found):
        return ()
    return tuple(dict.fromkeys(found))


def literal_prefix(pattern: str) -> str:
    """Text every match of ``pattern`` starts with: what its :func:`literal_starts` share, or "" (fewer than
    two characters)."""
    starts = literal_starts(pattern)
    shared = min(starts, key=len, default="")
    while shared and not all(start.startswith(shared) for start in starts):
        shared = shared[:-1]
    return shared if len(shared) >= 2 else ""
