"""The concept matcher's shortcut for regex terms: literals one of which every match starts with, checked before
the search."""

from __future__ import annotations

import re

import pytest

from crlens.analysis.matcher import literal_prefix, literal_starts


@pytest.mark.parametrize(("pattern", "prefix"), [
    (r"\bgrants?\b", "grant"),
    (r"\b(?:index|indices|indexes)\b", "ind"),
    (r"восемнадцат", "восемнадцат"),
    (r"\b(?:1[0-8]|[5-9])\s*years?", ""),   # no literal start: no shortcut
    (r"\bA\w+", ""),                         # upper case under IGNORECASE: no shortcut
])
def test_the_literal_prefix_is_what_every_match_starts_with(pattern: str, prefix: str) -> None:
    assert literal_prefix(pattern) == prefix


@pytest.mark.parametrize("pattern", [r"\bgrants?\b", r"\b(?:index|indices|indexes)\b", r"\bwithin\s+\S+\s+days"])
def test_a_text_without_the_prefix_has_no_match(pattern: str) -> None:
    texts = ["research grants are available", "the index of risk", "within ten days", "nothing relevant here"]
    gate = literal_prefix(pattern)
    for text in texts:
        if re.search(pattern, text):
            assert gate in text


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
