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
from collections.abc import Mapping
from dataclasses import dataclass

from crlens.analysis.act_name import ActName, name_the_act
from crlens.analysis.labels import BY_ID, label_by, listed, paragraph_numbers_by, paragraphs_by
from crlens.ingest.model import Naming
from crlens.knowledge.models import Phrases

RULE = re.compile(r"\{rule:([^{}]+)\}")
"""A reference to other criteria's rules in a proposed text, as the model clause writes it."""

@dataclass(frozen=True, slots=True)
class RulePlace:
    """Where a criterion's rule is: a provision (``art:38.2``, or ``art:29-9``, a new article), from its paragraph
    ``paragraph`` when it is some of an article's paragraphs. ``whole``: the provision is a new article that is
    the rule's model clause and nothing else, its paragraphs numbered as the clause numbers them."""

    provision: str
    paragraph: int | None = None
    whole: bool = False

    @property
    def id(self) -> str:
        """The id of the provision the rule begins in (``art:29.9``)."""
        return f"{self.provision}.{self.paragraph}" if self.paragraph is not None else self.provision

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


_REFERRED_RU = re.compile(r"\b(пункт(?:ом|ами) )(\d+(?:(?:, | и )\d+)*)( статьи ([0-9][\w-]*))")
_REFERRED_EN = re.compile(r"\b((?:Article|Section) ([0-9][\w-]*))(\(\d+\)(?:(?:, | and )\(\d+\))*)(?!\()")


def renumber_referred_paragraphs(text: str, moved: Mapping[str, Mapping[int, int]]) -> str:
    """``text`` with its references to paragraphs of other articles (as :func:`refer_to_rules` names them:
    "Article 29(9)", «пунктами 9 и 10 статьи 29») following those paragraphs to the numbers ``moved`` gives them,
    by article id (``art:29``: {9: 7}); a paragraph ``moved`` does not list keeps its number."""
    def numbers_in(run: str, article: str) -> str:
        new = moved.get(f"art:{article}", {})
        return re.sub(r"\d+", lambda n: str(new.get(int(n.group()), int(n.group()))), run)

    text = _REFERRED_RU.sub(lambda m: f"{m.group(1)}{numbers_in(m.group(2), m.group(4))}{m.group(3)}", text)
    return _REFERRED_EN.sub(lambda m: f"{m.group(1)}{numbers_in(m.group(3), m.group(2))}", text)
