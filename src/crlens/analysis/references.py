"""A proposed text's references to the rules of other criteria, named where those rules are in the draft as
amended.

A model clause that builds on another criterion's rule writes ``{rule:crdd-01}`` where a drafter names the
provision that sets it: due diligence "includes the assessment of the impact on the rights of the child provided
for in {rule:crdd-01}", and does not set a second assessment with its own trigger and period. Where that rule is
is known only once every proposed text is numbered: in the paragraphs a recommendation adds to an article
(Article 29(9)), in a new article (Article 29-9), or in the draft's own provision that already meets the
criterion. A rule that is in none of these (a criterion not applicable to the draft) is referred to as the act's
("this Code"), as a drafter who cannot point to one article does.

A clause that depends on a body of rules, not on one ("the person responsible for compliance with the
requirements on the protection of children"), names them whole: ``{rule:@safety,@csea-01}`` refers to every
paragraph of the rules of the area ``safety`` and of the criterion ``csea-01``, and to a new article as such when
every rule in it is referred to ("Articles 29-2 and 29-6, Article 29-3(1)–(3)"), so that what the duty reaches is
named, not left to "the requirements of this Code on the protection of children".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crlens.analysis.act_name import ActName, name_the_act
from crlens.analysis.labels import (
    BY_ID,
    OWN_PARAGRAPH,
    article_of,
    articles_by,
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
    ``paragraph`` when it is some of an article's paragraphs, over ``span`` paragraphs. ``whole``: the provision
    is a new article that is the rule's model clause and nothing else, its paragraphs numbered as the clause
    numbers them. ``new``: the provision is a new article that holds the rule with others."""

    provision: str
    paragraph: int | None = None
    whole: bool = False
    span: int = 1
    new: bool = False

    def at(self, paragraph: int) -> RulePlace:
        """Where the ``paragraph``-th paragraph of the rule's model clause is (a period the clause sets in its
        second paragraph): the rule's own provision when the draft's provision meets it, whose paragraphs are
        not the clause's."""
        if paragraph == 1:
            return self
        if self.paragraph is not None:
            return RulePlace(self.provision, self.paragraph + paragraph - 1)
        return RulePlace(self.provision, paragraph) if self.whole else self


def _referred(spec: str, places: Mapping[str, RulePlace], areas: Mapping[str, Sequence[str]],
              sets: Mapping[str, Sequence[str]]) -> list[RulePlace]:
    """The places a reference's ``spec`` names ("crdd-01,crdd-02", "redress-01.2": the second paragraph of
    redress-01's clause; "@safety,@csea-01": the rules of an area's criteria, ``areas``, and of a criterion
    whole; "@platform-duties": the members of a rule set, ``sets``), each once, those of criteria that are nowhere
    left out."""
    parts = [member for part in spec.split(",") for member in sets.get(part.removeprefix("@"), [part])]
    wholes = [c for part in parts if part.startswith("@") for c in areas.get(part[1:], [part[1:]])]
    found: list[RulePlace] = _whole_rules(wholes, places)
    for part in parts:
        criterion, _, paragraph = part.partition(".")
        if not part.startswith("@") and criterion in places:
            found.append(places[criterion].at(int(paragraph or 1)))
    return list(dict.fromkeys(found))


def _whole_rules(criteria: list[str], places: Mapping[str, RulePlace]) -> list[RulePlace]:
    """Where the rules of ``criteria`` are, each with all its paragraphs: a new article as such when every rule
    in it is among them, else the paragraphs of each; a provision of the draft as it is."""
    referred = set(criteria)
    sharing: dict[str, set[str]] = {}  # by new article, the criteria whose rules it holds
    for criterion, place in places.items():
        if place.new:
            sharing.setdefault(place.provision, set()).add(criterion)
    found: list[RulePlace] = []
    for criterion in criteria:
        place = places.get(criterion)
        if place is None:
            continue
        if place.whole or (place.new and sharing[place.provision] <= referred):
            found.append(RulePlace(place.provision, whole=True))
        elif place.paragraph is None:
            found.append(place)
        else:
            found.extend(place.at(n) for n in range(1, place.span + 1))
    return found


def refer_to_rules(text: str, lang: str, here: str, places: Mapping[str, RulePlace], phrases: Phrases,
                   name: ActName, naming: Naming = BY_ID, areas: Mapping[str, Sequence[str]] | None = None,
                   sets: Mapping[str, Sequence[str]] | None = None) -> str:
    """``text`` with each ``{rule:...}`` replaced by where those criteria's rules (or the paragraphs of their
    clauses it names) are (``places``), in the instrumental in Russian: paragraphs of the article ``here``, which
    the text is in, as "paragraph 1 of this article" («пунктом 1 настоящей статьи»); any other provision by its
    name (and «настоящего Кодекса» after it in Russian); the act ("this Code", «настоящим Кодексом») when none of
    them is anywhere. The act is named as it names itself (``name``). ``areas``: the criteria of each area, by
    its id, for a reference to an area's rules ("@safety"); ``sets``: the members of each rule set, by its id, its
    own sets already replaced by theirs (``"@platform-duties"``)."""
    def each(match: re.Match[str]) -> str:
        referred = _referred(match.group(1), places, areas or {}, sets or {})
        found = list(dict.fromkeys(_as_paragraph(p, naming) for p in referred))
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


def _as_paragraph(place: RulePlace, naming: Naming) -> RulePlace:
    """A place as what it names, a provision or one paragraph of it, so that one named twice is named once; a
    paragraph of the draft's own article (``art:5.1``, where the draft meets a rule) as that article's
    paragraph, so that it is named with the others added to the article: "Article 5(1) and (9)–(11)". An item
    straight under its article is no paragraph (:class:`~crlens.ingest.model.Naming`)."""
    article, _, paragraph = place.provision.partition(".")
    if place.paragraph is None and paragraph.isdigit() and place.provision not in naming.items:
        return RulePlace(article, int(paragraph))
    return RulePlace(place.provision, place.paragraph)


def _named_by(places: list[RulePlace], lang: str, naming: Naming) -> list[str]:
    """The names of ``places`` after "provided for in", in the order of the draft as amended: the paragraphs of
    one provision named together ("Article 27(8) and (10)"), and so are whole articles next to one another
    ("Articles 29-6 and 29-7"); a provision a rule is the whole of needs no paragraph, nor do its parts."""
    paragraphs: dict[str, list[int] | None] = {}
    for place in places:
        known = paragraphs.setdefault(place.provision, [])
        if place.paragraph is None or known is None:
            paragraphs[place.provision] = None
        else:
            known.append(place.paragraph)
    # a provision named whole names its parts: Article 41 leaves out Article 41(1)
    wholes = [p for p, numbers in paragraphs.items() if numbers is None]
    ordered = sorted((p for p in paragraphs if not any(p.startswith(f"{w}.") for w in wholes)), key=_in_order)
    names: list[str] = []
    articles: list[str] = []  # whole articles next to one another, named together
    for provision in ordered:
        numbers = paragraphs[provision]
        if numbers is None and provision.startswith("art:") and "." not in provision:
            articles.append(provision)
            continue
        if articles:
            names.append(articles_by(articles, lang, naming=naming))
            articles = []
        names.append(label_by(provision, lang, naming=naming) if numbers is None
                     else paragraphs_by(provision, sorted(numbers), lang, naming=naming))
    if articles:
        names.append(articles_by(articles, lang, naming=naming))
    return names


def _in_order(provision: str) -> list[tuple[int, int | str]]:
    """A sort key that puts provisions in the draft's order by their numbers: Article 29(7), 29(11), 29-2,
    41-1; Section 6502, 6502c."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.findall(r"\d+|[^\W\d_]+", provision)]


_ACT_NAMED = r" настоящего [А-Яа-яЁё]+"
_ACT = rf"(?:{_ACT_NAMED})?"
"""The act a Russian reference names after the provision («настоящего Кодекса»): part of the reference."""
_REFERENCE = re.compile(
    # another article's paragraphs: «пунктами 9 и 10 статьи 29 настоящего Кодекса», "Article 29(9) and (10)"
    rf"\bпункт(?:ом|ами) (?P<ru_run>\d+(?:(?:, | и |–)\d+)*) статьи (?P<ru_article>[0-9][\w-]*){_ACT}"
    r"|\b(?:Article|Section) (?P<en_article>[0-9][\w-]*)(?P<en_run>\(\d+\)(?:(?:, | and |–)\(\d+\))*)(?!\()"
    # the paragraphs of the article the text is in: "paragraphs 9–12 of this article", «пунктом 1 настоящей статьи»
    rf"|{OWN_PARAGRAPH.pattern}"
    # whole articles: "Articles 29-2 and 41-1", «статьями 29-2 и 41-1 настоящего Кодекса»
    r"|(?:\bArticles|\bSections|\bстатьями|§§) (?P<wholes>[0-9][\w-]*(?:(?:, | and | и )[0-9][\w-]*)+)"
    rf"(?![\w(-]){_ACT}"
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


_ACT_AFTER = re.compile(rf"{_ACT_NAMED}$")
"""The act a Russian reference ends with, when it does."""
_LIST_SEPARATORS = (", ", " и ")
"""What comes before a reference that is not the first of a Russian list of them."""

_LISTED = re.compile(r", | and | и ")
"""What separates the names of a list as :func:`~crlens.analysis.labels.listed` writes it ("9, 10 и 12")."""


def _numbers(run: str) -> list[int]:
    """The paragraph numbers a reference's run names, each of a dash range ("9–12", "(9)–(12)") included."""
    found: list[int] = []
    for part in _LISTED.split(run):
        ends = [int(n) for n in re.findall(r"\d+", part)]
        found.extend(range(ends[0], ends[-1] + 1) if "–" in part else ends)
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
    def marked(match: re.Match[str], gone: list[str]) -> str:
        said = match.group(0)
        if unresolved is None:
            return said
        # the act closes a list of references («пунктом 9 статьи 29 и статьей 41-1 настоящего Кодекса») and is
        # the others' too: it stays after the mark of the last one
        act = _ACT_AFTER.search(said)
        if act is None or not text[:match.start()].endswith(_LIST_SEPARATORS):
            return unresolved(said, gone)
        return f"{unresolved(said[:act.start()], gone)}{act.group()}"

    def each(match: re.Match[str]) -> str:
        said = match.group(0)
        if match.group("wholes"):
            articles = [f"art:{number}" for number in _LISTED.split(match.group("wholes"))]
            gone = list(dict.fromkeys(rec for article in articles for rec in left_out.proposers(article)))
            return marked(match, gone) if gone else said
        if match.group("whole"):
            article, run = f"art:{match.group('whole')}", ""
        elif match.group("own_run"):
            article, run = here, match.group("own_run")
        else:
            article = f"art:{match.group('ru_article') or match.group('en_article')}"
            run = match.group("ru_run") or match.group("en_run")
        gone = left_out.proposers(article, _numbers(run))
        if gone:
            return marked(match, gone)
        if not run:
            return said
        new = moved.get(article, {})
        renumbered = re.sub(r"\d+", lambda n: str(new.get(int(n.group()), int(n.group()))), run)
        start, end = match.span("ru_run" if match.group("ru_run") else "en_run" if match.group("en_run")
                                else "own_run")
        return f"{said[:start - match.start()]}{renumbered}{said[end - match.start():]}"

    return _REFERENCE.sub(each, text)
