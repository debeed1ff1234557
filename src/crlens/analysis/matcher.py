"""Finding the lexicon's concepts in the text of provisions.

The lexicon (``knowledge/data/lexicon``) lists, per concept and language, dictionary-form terms, prefixes
(``word*``) and regular expressions (``re:``). :class:`ConceptMatcher` compiles them once for the draft's
language: terms are normalised by the same :class:`~crlens.analysis.language.Analyzer` as the text, so
inflected forms match, and indexed by their first word so that matching a provision costs one dictionary
look-up per word.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from dataclasses import dataclass

from crlens.analysis.language import Analyzer, Token, fold
from crlens.knowledge.loader import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a concept was found: character span in the matched text, and the words as written; ``named``, the
    narrower concept whose words these are when they count as ``concept`` (its ``counts_as``), else None."""

    concept: str
    start: int
    end: int
    text: str
    named: str | None = None


@dataclass(frozen=True, slots=True)
class _Phrase:
    concept: str
    words: tuple[str, ...]
    prefix: bool
    named: str | None = None


class _Pattern:
    """A regex term, with the literals that let most texts and most positions be skipped without running it.

    Python's regex engine tries a pattern at every position of the text, and one that starts with ``\\b`` or a
    look-around loses its fast literal scan; on a provision of a few hundred thousand characters (a code's
    preamble) that is most of a review's time. So a text that lacks one of the pattern's required literals is not
    searched at all, and when every match starts with a known literal the pattern is tried only where one occurs,
    in order of position, which finds the same leftmost match as a search.
    """

    __slots__ = ("concept", "named", "regex", "required", "starts")

    def __init__(self, concept: str, regex: re.Pattern[str], required: tuple[tuple[str, ...], ...],
                 starts: tuple[str, ...], named: str | None = None) -> None:
        self.concept = concept
        self.regex = regex
        self.required = required
        self.starts = starts
        self.named = named

    def possible(self, present: set[str]) -> bool:
        """Whether a text containing just the literals ``present`` (of all patterns' required ones) can match."""
        return all(any(text in present for text in clause) for clause in self.required)

    def search(self, lowered: str) -> re.Match[str] | None:
        """The leftmost match in ``lowered`` (a lower-cased text), as ``regex.search`` would find it."""
        if not self.possible({text for clause in self.required for text in clause if text in lowered}):
            return None
        return self.search_possible(lowered)

    def search_possible(self, lowered: str) -> re.Match[str] | None:
        """:meth:`search` for a text already known to hold the required literals."""
        if not self.starts:
            return self.regex.search(lowered)
        queue = [(at, start) for start in self.starts if (at := lowered.find(start)) >= 0]
        heapq.heapify(queue)
        match = self.regex.match
        while queue:
            at, start = queue[0]
            found = match(lowered, at)  # look-behinds and \b see the text before ``at``
            if found:
                return found
            following = lowered.find(start, at + 1)
            if following >= 0:
                heapq.heapreplace(queue, (following, start))
            else:
                heapq.heappop(queue)
        return None


class ConceptMatcher:
    """All concepts of the knowledge base, compiled for one language."""

    def __init__(self, kb: KnowledgeBase, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.labels = {c.id: c.label for c in kb.concepts.values()}
        self._by_norm: dict[str, list[_Phrase]] = defaultdict(list)
        self._prefixes: dict[str, list[_Phrase]] = defaultdict(list)
        self._regexes: list[_Pattern] = []
        langs = {"ru": ("ru",), "kk": ("kk", "ru"), "en": ("en",)}[analyzer.lang]
        for concept in kb.concepts.values():
            # a concept that counts as a broader one is found as that one, and keeps its own id to be named by
            found_as, named = (concept.counts_as, concept.id) if concept.counts_as else (concept.id, None)
            for lang in langs:
                for term in getattr(concept.terms, lang):
                    self._add(found_as, term, named)
        # A text is checked once for every literal some pattern requires; a pattern is then tried only when the
        # most selective of its required literals (its first clause) is among those found.
        self._literals = tuple(sorted({text for p in self._regexes for clause in p.required for text in clause}))
        self._unfiltered = tuple(i for i, p in enumerate(self._regexes) if not p.required)
        by_literal: dict[str, list[int]] = defaultdict(list)
        for i, pattern in enumerate(self._regexes):
            for text in pattern.required[0] if pattern.required else ():
                by_literal[text].append(i)
        self._by_literal = dict(by_literal)

    def _add(self, concept: str, term: str, named: str | None = None) -> None:
        if term.startswith("re:"):
            pattern = term[3:]
            self._regexes.append(_Pattern(concept, re.compile(pattern, re.IGNORECASE), required_literals(pattern),
                                          literal_starts(pattern), named))
            return
        if any(ch.isdigit() for ch in term):
            # Words are letters only, so "under 18" would shrink to "under": match such terms literally.
            literal = term.lower()
            self._regexes.append(_Pattern(concept, re.compile(r"\b" + re.escape(literal) + r"\b"), ((literal,),),
                                          (literal,), named))
            return
        if term.endswith("*"):
            words = tuple(fold(w) for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", term[:-1]))
            if words:
                self._prefixes[words[0][:3]].append(_Phrase(concept, words, prefix=True, named=named))
            return
        words = self.analyzer.norms(term)
        if words:
            self._by_norm[words[0]].append(_Phrase(concept, words, prefix=False, named=named))

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Hit]:
        """Every concept occurrence in ``text``, in order of position (``tokens``: its words, if known)."""
        if not text:
            return []
        if tokens is None:
            tokens = self.analyzer.tokens(text)
        hits: list[Hit] = []
        for i, token in enumerate(tokens):
            for phrase in self._by_norm.get(token.norm, ()):
                end = token.end if len(phrase.words) == 1 else self._match_words(tokens, i, phrase)
                if end is not None:
                    hits.append(Hit(phrase.concept, token.start, end, text[token.start:end], phrase.named))
            for phrase in self._prefixes.get(token.surface[:3], ()):
                end = self._match_prefix(tokens, i, phrase)
                if end is not None:
                    hits.append(Hit(phrase.concept, token.start, end, text[token.start:end], phrase.named))
        if self._regexes:
            lowered = text.lower()
            present = {literal for literal in self._literals if literal in lowered}
            tried = sorted({i for literal in present for i in self._by_literal.get(literal, ())}
                           .union(self._unfiltered))
            for i in tried:
                pattern = self._regexes[i]
                m = pattern.search_possible(lowered) if pattern.possible(present) else None
                if m:
                    hits.append(Hit(pattern.concept, m.start(), m.end(), text[m.start():m.end()], pattern.named))
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
    """The texts one of which every match of ``pattern`` starts with (after any leading ``\\b`` or look-around),
    lower-cased: one for a plain start, one per branch for a leading ``(?:a|b)``; empty when some match could
    start otherwise, or with fewer than two known characters."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    def starts(items: list[tuple[object, object]]) -> list[str]:
        out = []
        for op, arg in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT) and not out:
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


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Texts every match of ``pattern`` contains, lower-cased: each tuple lists alternatives one of which occurs
    in every match (a literal run of the pattern, or one per arm of an alternation), longest first.

    Sound because only what every match must go through is read: top-level literals, groups, alternations all of
    whose arms give a literal, and repeats of at least one; optional parts, classes and look-arounds are skipped.
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}

    def clauses(items: list[tuple[object, object]]) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        run: list[str] = []

        def close_run() -> None:
            if run:
                out.append(("".join(run),))
            run.clear()

        for op, arg in items:
            if op is c.LITERAL:
                run.append(chr(arg))  # type: ignore[arg-type]
                continue
            close_run()
            if op is c.SUBPATTERN:
                out.extend(clauses(list(arg[-1])))  # type: ignore[index]
            elif op is c.BRANCH:
                alternatives: list[str] = []
                for branch in arg[1]:  # type: ignore[index]
                    found = clauses(list(branch))
                    if not found:  # an arm without a literal: the alternation requires none
                        alternatives = []
                        break
                    alternatives.extend(max(found, key=lambda clause: min(map(len, clause))))
                if alternatives:
                    out.append(tuple(dict.fromkeys(alternatives)))
            elif op in repeats and arg[0] >= 1:  # type: ignore[index]
                out.extend(clauses(list(arg[2])))  # type: ignore[index]
        close_run()
        return out

    try:
        found = clauses(list(_parser.parse(pattern)))
    except Exception:  # an unusual pattern only loses the shortcut
        return ()
    # Upper-case literals could match other cases under IGNORECASE; the text is checked lower-cased.
    usable = [clause for clause in dict.fromkeys(found) if all(text == text.lower() for text in clause)]
    return tuple(sorted(usable, key=lambda clause: -min(map(len, clause))))
