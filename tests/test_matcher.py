"""The concept matcher's shortcut for regex terms: a literal every match starts with, checked before the search."""

from __future__ import annotations

import re

import pytest

from crlens.analysis.matcher import literal_prefix


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
