"""A proposed text's references to the rules of other criteria, named where those rules are in the draft as
amended.

A model clause that builds on another criterion's rule writes ``{rule:crdd-01}`` where a drafter names the
provision that sets it: due diligence "includes the assessment of the impact on the rights of the child provided
for in {rule:crdd-01}", and does not set a second assessment with its own trigger and period. Where that rule is
is known only once every proposed text is numbered: in the paragraphs a recommendation adds to an article
(Article 29(9)), in a new article (Article 29-9), or in the draft's own provision that already meets the
criterion. A rule that is in none of these (a criterion not applicable to the draft) is referred to as the act's
("this Code"), as a drafter who cannot point to one article does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crlens.analysis.act_name import ActName, name_the_act
from crlens.analysis.labels import (
    BY_ID,
    OWN_PARAGRAPH,
    article_of,
    label_by,
    listed,
    paragraph_numbers_by,
    paragraphs_by,
)
from crlens.ingest.model import Naming
from crlens.knowledge.models import Phrases

if TYPE_CHECKING:
    from crlens.analysis.review import Amendment

RULE = re.compile(r"\{rule:([^{}]+)\}")
"""A reference to other criteria's rules in a proposed text, as the model clause writes it."""


def article_of_text(amendment: Amendment) -> str:
    """The article an amendment's proposed text is in, which its "paragraph 1 of this article" names: a new
    article's own (``art:29-9``), or the one it amends."""
    return f"art:{amendment.number}" if amendment.action == "new" else article_of(amendment.target)


@dataclass(frozen=True, slots=True)
class RulePlace:
    """Where a criterion's rule is: a provision (``art:38.2``, or ``art:29-9``, a new article), from its paragraph
    ``paragraph`` when it is some of an article's paragraphs. ``whole``: the provision is a new article that is
    the rule's model clause and nothing else, its paragraphs numbered as the clause numbers them."""

    provision: str
    paragraph: int | None = None
    whole: bool = False

    def at(self, paragraph: int) -> RulePlace:
        """Where the ``paragraph``-th paragraph of the rule's model clause is (a period the clause sets in its
        second paragraph): the rule's own provision when the draft's provision meets it, whose paragraphs are
        not the clause's."""
        if paragraph == 1:
            return self
        if self.paragraph is not None:
            return RulePlace(self.provision, self.paragraph + paragraph - 1)
        return RulePlace(self.provision, paragraph) if self.whole else self


def _referred(spec: str, places: Mapping[str, RulePlace]) -> list[RulePlace]:
    """The places a reference's ``spec`` names ("crdd-01,crdd-02", "redress-01.2": the second paragraph of
    redress-01's clause), each once, those of criteria that are nowhere left out."""
    found: list[RulePlace] = []
    for part in spec.split(","):
        criterion, _, paragraph = part.partition(".")
        if criterion in places:
            found.append(places[criterion].at(int(paragraph or 1)))
    return list(dict.fromkeys(found))


def refer_to_rules(text: str, lang: str, here: str, places: Mapping[str, RulePlace], phrases: Phrases,
                   name: ActName, naming: Naming = BY_ID) -> str:
    """``text`` with each ``{rule:...}`` replaced by where those criteria's rules (or the paragraphs of their
    clauses it names) are (``places``), in the instrumental in Russian: paragraphs of the article ``here``, which
    the text is in, as "paragraph 1 of this article" («пунктом 1 настоящей статьи»); any other provision by its
    name (and «настоящего Кодекса» after it in Russian); the act ("this Code", «настоящим Кодексом») when none of
    them is anywhere. The act is named as it names itself (``name``)."""
    def each(match: re.Match[str]) -> str:
        found = _referred(match.group(1), places)
        if not found:
            return name_the_act(phrases.rule_in_this_act.get(lang), name, lang)
        own = [p.paragraph for p in found if p.provision == here and p.paragraph is not None]
        others = _named_by([p for p in found if not (p.provision == here and p.paragraph is not None)], lang,
                           naming)
        said = []
        if others:
            said.append(name_the_act(phrases.rule_elsewhere.fill(lang, where=listed(others, lang)), name, lang))
        if own:
            said.append(phrases.rule_in_this_article.fill(lang, where=paragraph_numbers_by(sorted(own), lang)))
        return listed(said, lang)

    return RULE.sub(each, text)


def _named_by(places: list[RulePlace], lang: str, naming: Naming) -> list[str]:
    """The names of ``places`` after "provided for in", the paragraphs of one provision named together ("Article
    27(8) and (10)"); a provision a rule is the whole of needs no paragraph."""
    paragraphs: dict[str, list[int] | None] = {}
    for place in places:
        known = paragraphs.setdefault(place.provision, [])
        if place.paragraph is None or known is None:
            paragraphs[place.provision] = None
        else:
            known.append(place.paragraph)
    return [label_by(provision, lang, naming=naming) if not numbers
            else paragraphs_by(provision, sorted(numbers), lang, naming=naming)
            for provision, numbers in paragraphs.items()]


_ACT = r"(?: настоящего [А-Яа-яЁё]+)?"
"""The act a Russian reference names after the provision («настоящего Кодекса»): part of the reference."""
_REFERENCE = re.compile(
    # another article's paragraphs: «пунктами 9 и 10 статьи 29 настоящего Кодекса», "Article 29(9) and (10)"
    rf"\bпункт(?:ом|ами) (?P<ru_run>\d+(?:(?:, | и )\d+)*) статьи (?P<ru_article>[0-9][\w-]*){_ACT}"
    r"|\b(?:Article|Section) (?P<en_article>[0-9][\w-]*)(?P<en_run>\(\d+\)(?:(?:, | and )\(\d+\))*)(?!\()"
    # the paragraphs of the article the text is in: "paragraphs 9–12 of this article", «пунктом 1 настоящей статьи»
    rf"|{OWN_PARAGRAPH.pattern}"
    # a whole article: "Article 29-9", «статьей 29-9 настоящего Кодекса»
    rf"|\b(?:Article|Section|[Сс]тать(?:ей|и|е|я|ю)) (?P<whole>[0-9][\w-]*)(?![\w(-]){_ACT}")
"""A proposed text's reference to paragraphs or articles of the draft as amended, in the forms
:func:`refer_to_rules` writes and :data:`~crlens.analysis.labels.OWN_PARAGRAPH` follows."""


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Where the rules of recommendations left out of a text would have been: the paragraphs they add to an
    article (``art:29``: {9: "rec-012"}) and the new articles they propose (``art:29-9``: "rec-018")."""

    paragraphs: Mapping[str, Mapping[int, str]]
    articles: Mapping[str, str]

    def proposers(self, article: str, numbers: list[int] | None = None) -> list[str]:
        """The recommendations left out that proposed ``article``, or those of its paragraphs ``numbers``."""
        if article in self.articles:
            return [self.articles[article]]
        added = self.paragraphs.get(article, {})
        return list(dict.fromkeys(added[n] for n in numbers or [] if n in added))


NOTHING_LEFT_OUT = LeftOut({}, {})


def _numbers(run: str) -> list[int]:
    """The paragraph numbers a reference's run names, each of a dash range ("9–12") included."""
    found = [int(n) for n in re.findall(r"\d+", run)]
    if "–" in run and len(found) == 2:
        return list(range(found[0], found[1] + 1))
    return found


def follow_references(text: str, here: str, moved: Mapping[str, Mapping[int, int]],
                      left_out: LeftOut = NOTHING_LEFT_OUT,
                      unresolved: Callable[[str, list[str]], str] | None = None) -> str:
    """``text``, a proposed text in the article ``here`` (``art:29``, ``art:29-9`` for a new one), with its
    references to paragraphs that ``moved`` gives new numbers, by article id (``art:29``: {9: 7}), following
    them: "Article 29(9)", «пунктами 9 и 10 статьи 29», "paragraph 9 of this article". A paragraph ``moved`` does
    not list keeps its number. A reference to a paragraph or an article that a recommendation ``left_out``
    proposed names nothing any more, and a number that moved up may now name another rule: it is replaced
    whole by what ``unresolved`` makes of it and the ids of those recommendations (kept as it is without
    ``unresolved``)."""
    def each(match: re.Match[str]) -> str:
        said = match.group(0)
        if match.group("whole"):
            article, run = f"art:{match.group('whole')}", ""
        elif match.group("own_run"):
            article, run = here, match.group("own_run")
        else:
            article = f"art:{match.group('ru_article') or match.group('en_article')}"
            run = match.group("ru_run") or match.group("en_run")
        gone = left_out.proposers(article, _numbers(run))
        if gone:
            return unresolved(said, gone) if unresolved is not None else said
        if not run:
            return said
        new = moved.get(article, {})
        renumbered = re.sub(r"\d+", lambda n: str(new.get(int(n.group()), int(n.group()))), run)
        start, end = match.span("ru_run" if match.group("ru_run") else "en_run" if match.group("en_run")
                                else "own_run")
        return f"{said[:start - match.start()]}{renumbered}{said[end - match.start():]}"

    return _REFERENCE.sub(each, text)
