"""The concept matcher's shortcuts for regex terms: literals every match contains (a text without them is not
searched) and literals one of which every match starts with (the pattern is tried only where one occurs). Both must
find exactly what a plain search finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crlens.analysis.engine import matcher_for
from crlens.analysis.matcher import literal_starts, required_literals
from crlens.ingest import parse_file
from crlens.knowledge.loader import load


@pytest.mark.parametrize(("pattern", "required"), [
    (r"\bgrants?\b", (("grant",),)),
    # the parser moves the shared start of "relieve|release" out of the alternation
    (r"\b(?:does|do|shall)\s+not\s+(?:relieve|release)\b",
     (("ieve", "ease"), ("not",), ("rel",), ("does", "do", "shall"))),
    (r"\d+\s*(?:per ?cent|%)", (("cent", "%"),)),
    (r"\b(?:1[0-8]|[5-9])\s*years?", (("year",),)),
    (r"\bmay(?:\s+not)?\s+object", (("object",), ("may",))),  # an optional part requires nothing
    (r"(?:annual|\w+ly)\s+reports?", (("report",), ("annual", "ly"))),
    (r"(?:annual|\w+)\s+reports?", (("report",),)),            # an arm without a literal: no alternatives
    (r"\bA\w+", ()),                                              # upper case under IGNORECASE: no check
])
def test_the_required_literals_are_what_every_match_contains(
        pattern: str, required: tuple[tuple[str, ...], ...]) -> None:
    assert required_literals(pattern) == required


@pytest.mark.parametrize(("pattern", "starts"), [
    (r"\b(?:regardless|irrespective)\s+of", ("regardless", "irrespective")),
    (r"(?:шест|четыр)надцатилетн|\bдесятилетн", ("шест", "четыр", "десятилетн")),
    (r"\bgrants?\b", ("grant",)),
    (r"(?:в|с)\s+разбивк", ()),                 # a one-letter start is no useful check
    (r"(?:annual|\w+ly)\s+reports?", ()),      # a branch without a literal start: no shortcut
])
def test_a_leading_alternation_gives_one_start_per_branch(pattern: str, starts: tuple[str, ...]) -> None:
    assert literal_starts(pattern) == starts


@pytest.mark.parametrize("pattern", [r"\b(?:regardless|irrespective)\s+of",
                                     r"(?:шест|четыр)надцатилетн|\bдесятилетн"])
def test_a_text_without_any_start_has_no_match(pattern: str) -> None:
    texts = ["regardless of sex", "irrespective of origin", "шестнадцатилетнего", "десятилетний", "nothing here"]
    starts = literal_starts(pattern)
    for text in texts:
        if re.search(pattern, text):
            assert any(start in text for start in starts)


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.parametrize(("name", "lang"), [("kz-law-online-platforms-2023-ru.txt", "ru"),
                                            ("kz-law-online-platforms-2023-ru.txt", "kk"),
                                            ("us-coppa-15usc6501.txt", "en")])
def test_every_regex_term_finds_with_its_shortcuts_the_match_a_plain_search_finds(name: str, lang: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is not there")
    texts = [t.lower() for p in parse_file(path).provisions for t in (p.heading, p.text) if t]
    matcher = matcher_for(load(), lang)
    for pattern in matcher._regexes:
        for text in texts:
            plain, fast = pattern.regex.search(text), pattern.search(text)
            assert (plain and plain.span()) == (fast and fast.span()), (pattern.regex.pattern, text[:80])


@pytest.mark.parametrize(("name", "lang"), [("kz-law-online-platforms-2023-ru.txt", "ru"),
                                            ("us-coppa-15usc6501.txt", "en")])
def test_finding_concepts_misses_no_match_of_a_regex_term(name: str, lang: str) -> None:
    """The matcher tries a pattern only on texts holding its required literals; that must lose no match."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is not there")
    texts = [t for p in parse_file(path).provisions for t in (p.heading, p.text) if t]
    matcher = matcher_for(load(), lang)
    for text in texts:
        found = {(hit.concept, hit.start, hit.end) for hit in matcher.find(text)}
        for pattern in matcher._regexes:
            plain = pattern.regex.search(text.lower())
            if plain:
                assert (pattern.concept, *plain.span()) in found, (pattern.regex.pattern, text[:80])


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("ru", "в случае недостижения лицом шестнадцатилетнего возраста", "недостижения лицом шестнадцатилетн"),
    ("en", "individuals who have not attained the age of 16", "individuals who have not attained the age of 16"),
])
def test_the_words_of_a_concept_that_counts_as_another_are_found_as_it_and_keep_their_own_name(
        lang: str, text: str, words: str) -> None:
    """A person under a set age is found as a child (every rule asking for children is met by it), and the hit
    keeps the narrower concept's id, by which a finding names what the words say."""
    matcher = matcher_for(load(), lang)
    [hit] = [h for h in matcher.find(text) if h.concept == "child"]
    assert hit.named == "under-age"
    assert hit.text.startswith(words)
    assert not [h for h in matcher.find(text) if h.concept == "under-age"]
    children = [h for h in matcher.find("права ребенка" if lang == "ru" else "rights of the child")
                if h.concept == "child"]
    assert children and all(h.named is None for h in children)
