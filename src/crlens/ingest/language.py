"""Language detection for drafts: Russian, Kazakh or English.

A draft is long and written in one script, so letter statistics are enough and need no model: Cyrillic
versus Latin letters separate English, and the letters only Kazakh uses (ә ғ қ ң ө ұ ү һ і) separate Kazakh
from Russian.
"""

from __future__ import annotations

from crlens.ingest.model import Language

_KAZAKH_ONLY = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_SAMPLE = 200_000


def detect_language(text: str) -> Language:
    """``kk``, ``ru`` or ``en`` for a text, judged on its first 200,000 characters."""
    sample = text[:_SAMPLE]
    cyrillic = latin = kazakh = 0
    for ch in sample:
        if "а" <= ch.lower() <= "я" or ch in "ёЁ":
            cyrillic += 1
        elif ch in _KAZAKH_ONLY:
            cyrillic += 1
            kazakh += 1
        elif "a" <= ch.lower() <= "z":
            latin += 1
    if cyrillic > latin:
        return "kk" if kazakh > 0.01 * cyrillic else "ru"
    return "en"
