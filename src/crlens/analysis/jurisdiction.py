"""Whose law the reviewed act is, and the examples that are therefore its own country's law.

An example in legislation of another jurisdiction shows how a gap can be closed; an example of the draft's own
jurisdiction is something else: the national law in force, which the draft should refer to and stay consistent
with rather than duplicate. A ministry reader shown the country's own Law on Online Platforms as "an example
from other jurisdictions", or told that something is missing which that law already provides, would rightly
doubt the review.

The jurisdiction is read from how the act names itself (:func:`detect_jurisdiction`): its title, then the rest of
its title block, then, when neither names a country, the act itself when it is one the knowledge base knows ("Об
онлайн-платформах и онлайн-рекламе" is Kazakhstan's). A title block that names two jurisdictions (an agreement
between the Republic of Kazakhstan and the European Union) leaves it unknown, and an unknown jurisdiction changes
nothing in the review.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from crlens.analysis.language import fold
from crlens.knowledge.models import TEMPLATE_TEXTS

if TYPE_CHECKING:
    from crlens.analysis.review import Recommendation
    from crlens.ingest.model import Document
    from crlens.knowledge.loader import KnowledgeBase
    from crlens.knowledge.models import Criterion, Example, Localisation, Text

TITLE_LINES = 12
"""How many lines of the text before the first article make its title block (as for "(проект)": a source note
in square brackets above the title does not count)."""

_LABELS = {
    "in-force": {"en": "{country}, law in force", "ru": "{country}, действующее законодательство"},
    "own": {"en": "{country}, own legislation", "ru": "{country}, собственное законодательство"},
}


def names_of_act(document: Document) -> str:
    """The act's own name: its title, and the heading of its one division when it is one chapter of a larger
    code (COPPA is chapter 91 of Title 15 of the US Code)."""
    divisions = [p for p in document.roots if p.kind != "preamble"]
    return " ".join([document.title] + ([divisions[0].heading or ""] if len(divisions) == 1 else []))


def title_block(document: Document) -> str:
    """The act's title and the lines that follow it before the first division or article: "Закон Республики
    Казахстан от 10 июля 2023 года", "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT", a scope sentence."""
    preamble = next((p for p in document.roots if p.kind == "preamble"), None)
    lines = [line for line in (preamble.text.splitlines() if preamble else []) if not line.startswith("[")]
    return "\n".join([names_of_act(document), *lines[:TITLE_LINES]])


def _pattern(name: str) -> re.Pattern[str]:
    # whole words only: "Ireland" is not in "Irelands"; an abbreviation in capitals only: "EU", not "eu"
    flags = 0 if name.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(_yo(name))}(?!\w)", flags)


def _yo(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def named_jurisdictions(text: str, kb: KnowledgeBase) -> set[str]:
    """The jurisdictions ``text`` names. Longer names are read first and what they match is not read again, so
    "Northern Ireland" names the United Kingdom, not Ireland; a region named with its country is the region
    (California, not the United States)."""
    key = "jurisdiction-names"
    if key not in kb.derived:
        names = [(name, j.id) for j in kb.jurisdictions.values() for name in j.names()]
        kb.derived[key] = [(_pattern(n), j) for n, j in sorted(names, key=lambda p: -len(p[0]))]
    text = _yo(text)
    found: set[str] = set()
    for pattern, jurisdiction in kb.derived[key]:
        if pattern.search(text):
            found.add(jurisdiction)
            text = pattern.sub(lambda m: " " * len(m.group()), text)
    return {j for j in found if not any(other.startswith(f"{j}-") for other in found)}


def examples_of_act(document: Document, kb: KnowledgeBase) -> list[Example]:
    """The examples in the knowledge base that are provisions of the act under review: its title names their
    act's short title and no jurisdiction other than theirs (a Digital Code of Uzbekistan is not Kazakhstan's)."""
    title = fold(names_of_act(document)).replace("’", "'")
    named = named_jurisdictions(names_of_act(document), kb)
    return [ex for ex in kb.examples.values()
            if ex.title is not None and any(fold(n) in title for n in (ex.title.en, ex.title.ru))
            and named <= {ex.jurisdiction}]


def detect_jurisdiction(document: Document, kb: KnowledgeBase) -> str | None:
    """The id of the jurisdiction whose act the document is ("kz"), or None when it cannot be told.

    The first of these that names exactly one jurisdiction decides: the act's title; its title block; the act
    itself when the knowledge base has examples of it. One that names several decides that it cannot be told."""
    for text in (names_of_act(document), title_block(document)):
        named = named_jurisdictions(text, kb)
        if len(named) > 1:
            return None
        if named:
            return named.pop()
    own = {ex.jurisdiction for ex in examples_of_act(document, kb)}
    return own.pop() if len(own) == 1 else None


def localised(kb: KnowledgeBase, home: str | None) -> KnowledgeBase:
    """The knowledge base whose texts a draft of ``home`` is given. Our texts are written for the law of one
    country (``localisation.yaml``): a draft of another gets the criteria with the phrases that name it replaced
    ("the laws in force" for "the laws of the Republic of Kazakhstan"); a draft of that country, or of one that
    cannot be told, gets ``kb`` itself. Everything but the criteria is shared, the compiled matchers too."""
    loc = kb.localisation
    if loc is None or home is None or home == loc.home:
        return kb
    if "localised" not in kb.derived:
        criteria = {key: _localised_criterion(crit, loc) for key, crit in kb.criteria.items()}
        kb.derived["localised"] = dataclasses.replace(kb, criteria=criteria)
    localised_kb: KnowledgeBase = kb.derived["localised"]
    return localised_kb


def _localised_criterion(crit: Criterion, loc: Localisation) -> Criterion:
    template = crit.recommendation
    texts = {name: _localised_text(getattr(template, name), loc) for name in TEMPLATE_TEXTS}
    return crit.model_copy(update={"statement": _localised_text(crit.statement, loc),
                                   "recommendation": template.model_copy(update=texts)})


def _localised_text(text: Text | None, loc: Localisation) -> Text | None:
    if text is None:
        return text
    return text.model_copy(update={"en": loc.apply(text.en, "en"), "ru": loc.apply(text.ru, "ru")})


def is_national(example: Example | None, jurisdiction: str | None) -> bool:
    """Whether ``example`` is law of the reviewed act's own jurisdiction (never when that is unknown)."""
    return example is not None and jurisdiction is not None and example.jurisdiction == jurisdiction


def national_label(kb: KnowledgeBase, example: Example, lang: str) -> str:
    """What a national example is, before its reference: "Kazakhstan, law in force", "Казахстан, действующее
    законодательство"; one whose status does not say it is in force (adopted, temporary, non-binding) is
    "Kazakhstan, own legislation"."""
    kind = "in-force" if example.in_force else "own"
    country = kb.jurisdictions[example.jurisdiction].short_name(lang)
    return _LABELS[kind]["ru" if lang == "ru" else "en"].format(country=country)


def national_citation(kb: KnowledgeBase, example: Example, lang: str) -> str:
    """A national example as every deliverable cites it: "Kazakhstan, law in force: Law on Online Platforms
    art. 14(3)"."""
    return f"{national_label(kb, example, lang)}: {example.ref_ru if lang == 'ru' else example.ref}"


def national_in_force(kb: KnowledgeBase, ids: Iterable[str], jurisdiction: str | None) -> list[Example]:
    """The examples among ``ids`` that are law in force of ``jurisdiction``, once each, in order."""
    examples = (kb.examples.get(i) for i in dict.fromkeys(ids))
    return [e for e in examples if e is not None and is_national(e, jurisdiction) and e.in_force]


def laws_in_force_cited(kb: KnowledgeBase, rec: Recommendation, jurisdiction: str | None) -> list[Example]:
    """The law in force of ``jurisdiction`` among the examples ``rec`` cites (:func:`national_in_force`)."""
    return national_in_force(kb, (s.id for s in rec.sources if s.kind == "example"), jurisdiction)


def in_brackets(summary: str) -> str:
    """An example's summary (a sentence) in brackets after its reference: without its full stop, lower-case
    first unless it opens with an abbreviation ("(targeted online advertising must not ...)")."""
    text = summary.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]
