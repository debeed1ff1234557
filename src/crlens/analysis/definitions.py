"""How a draft words the definitions of its definitions article, so that the definitions we add read as its own.

Drafts word a definition in one of a few ways: "child – every natural person ..." (the codes of Kazakhstan and
their English translations), "‘child’ means any natural person ..." (EU regulations), "“platform” means ..."
(common-law acts), "The term “child” means ..." (the United States Code). Our knowledge base words a definition
one way ("child means ...", «ребенок – ...», ``phrases.defined_term``); a definition added to a draft's list
takes the form the draft's own take.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_DEFINITION = re.compile(
    r"^(?P<lead>The term )?(?P<quote>[‘“\"«]?)(?P<term>[^‘’“”\"«»:;–—]{1,80}?)(?P<closing>[’”\"»]?)"
    r"(?P<separator> means | [–—-] )")
"""The start of a definition: the term, in quotes or not (after "The term" in US acts), and what comes between it
and what it means."""


@dataclass(frozen=True, slots=True)
class DefinitionStyle:
    """How a draft words a definition: the quotes around the term (none: empty), what follows the term (" means ",
    " – "), and whether the term opens with a capital letter (a paragraph "2. Ребенок – ...", where items and
    quoted terms do not: "2) ребенок – ...", "(2) ‘child’ means ...")."""

    opening: str
    closing: str
    separator: str
    capital: bool = False

    def define(self, term: str, definition: str) -> str:
        """``term`` defined as ``definition``, in this style."""
        if self.capital:
            term = term[:1].upper() + term[1:]
        return f"{self.opening}{term}{self.closing}{self.separator}{definition}"


def definition_style(entries: Sequence[str]) -> DefinitionStyle | None:
    """How most of ``entries``, the texts of a definitions article's items or paragraphs, define their term; None
    when fewer than half of them are worded alike (a list of principles, a text that defines nothing)."""
    found: Counter[DefinitionStyle] = Counter()
    capitals = 0
    for text in entries:
        # the United States Code heads each definition with a caption line: "(1) Child\nThe term “child” means"
        match = next(filter(None, map(_DEFINITION.match, text.strip().split("\n")[:2])), None)
        if match and bool(match["quote"]) == bool(match["closing"]) and (match["quote"] or not match["lead"]):
            opening = f"{match['lead'] or ''}{match['quote']}"
            found[DefinitionStyle(opening, match["closing"], match["separator"])] += 1
            capitals += match["term"][:1].isupper()
    if not found:
        return None
    style, count = found.most_common(1)[0]
    if 2 * count < len(entries):
        return None
    # most terms capitalised: the draft's way, not a few proper names ("AI system")
    return DefinitionStyle(style.opening, style.closing, style.separator, 2 * capitals > sum(found.values()))


def reworded(definition: str, separator: str, style: DefinitionStyle) -> str:
    """A ``definition`` whose term is followed by ``separator`` ("child means ...") worded in ``style`` instead;
    as it is when ``separator`` is not in it."""
    term, found, meaning = definition.partition(separator)
    return style.define(term, meaning) if found else definition
