"""How a lawyer names a provision, in English and Russian, from its id.

``art:12.3.2`` is "Article 12(3)(2)" in English and "Подпункт 2) пункта 3 статьи 12" in Russian, the order
Russian drafting uses. Containers: ``ch:3`` is "Chapter 3" / "Глава 3". What the id does not say travels as the
draft's :class:`~crlens.ingest.model.Naming` (``Document.naming``, ``Review.naming``): a draft that numbers
sections, not articles, is named in its own word (``art:6501.1`` is "Section 6501(1)" in English and
"§ 6501(1)" in Russian), and an item "4)" straight under an article without paragraphs, ``art:60.4``, is
"Подпункт 4) статьи 60" ("Article 60(4)" in English). Without a naming, a provision is named as its id alone
would name it, its first level a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from crlens.ingest.model import ARTICLE_WORDS, ArticleWord, Naming

_CONTAINERS = {  # English, then Russian nominative, genitive ("после главы 3"), prepositional ("в главе 3"),
    # instrumental ("предусмотренный главой 3")
    "book": ("Book", "Книга", "книги", "книге", "книгой"),
    "part": ("Part", "Часть", "части", "части", "частью"),
    "sec": ("Section", "Раздел", "раздела", "разделе", "разделом"),
    "ch": ("Chapter", "Глава", "главы", "главе", "главой"),
    "par": ("Paragraph", "Параграф", "параграфа", "параграфе", "параграфом"),
    "annex": ("Annex", "Приложение", "приложения", "приложении", "приложением"),
}
_RU_LEVELS = ("пункт", "подпункт", "абзац")
_RU_LEVELS_GEN = ("пункта", "подпункта", "абзаца")
_RU_LEVELS_IN = ("пункте", "подпункте", "абзаце")
_RU_LEVELS_BY = ("пунктом", "подпунктом", "абзацем")
_RU_ARTICLE = {"nom": "Статья", "gen": "статьи", "in": "статье", "by": "статьей"}
_RU_PREAMBLE = {"nom": "Преамбула", "gen": "преамбулы", "in": "преамбуле", "by": "преамбулой"}
_CASES = ("nom", "gen", "in", "by")


OWN_PARAGRAPH = re.compile(r"(\b(?:[Пп]ункт\w*|[Pp]aragraphs?) )(?P<own_run>\d+(?:(?:–|, | and | и )\d+)*)"
                           r"( (?:настоящей статьи|of this (?:article|section)))")
"""A proposed text's reference to a paragraph, or a run of paragraphs, of the article it is in ("пункт 1 настоящей
статьи", "paragraphs 9–12 of this article", "пунктов 9 и 10 настоящей статьи"; "of this section" in an act of
sections), which follows those paragraphs when they are renumbered."""


def renumber_own_paragraphs(text: str, renumbered: Callable[[int], int]) -> str:
    """``text`` with each number of its references to its own article's paragraphs (:data:`OWN_PARAGRAPH`)
    replaced by what ``renumbered`` makes of it."""
    def each(match: re.Match[str]) -> str:
        run = re.sub(r"\d+", lambda n: str(renumbered(int(n.group()))), match.group(2))
        return f"{match.group(1)}{run}{match.group(3)}"
    return OWN_PARAGRAPH.sub(each, text)


def _consecutive(values: list[int]) -> list[list[int]]:
    """The numbers in ascending order, split where one does not follow the one before: [[5, 6, 7, 8], [12]]."""
    runs: list[list[int]] = []
    for value in sorted(set(values)):
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return runs


def numbers(values: list[int], mark: str = "", lang: str = "en") -> str:
    """Paragraph numbers as a drafter writes them: three or more in a row as a run joined by a dash, others one by
    one ("5–8 and 12", "2 and 3", «2 и 3»); items with their ``mark``: "10)–12)", "12) and 13)"."""
    return listed(_runs(values, lambda n: f"{n}{mark}"), lang)


def listed(names: list[str], lang: str) -> str:
    """Names listed in a sentence: "A and B", "A, B and C"; «А и Б» in Russian."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {'и' if lang == 'ru' else 'and'} {names[-1]}"


def _split(provision_id: str) -> tuple[str, list[str]]:
    prefix, _, rest = provision_id.partition(":")
    return prefix, rest.split(".") if rest else []


PRESENT_TEXT_NUMBERED = {"en": "The present text of the article becomes paragraph 1.",
                         "ru": "Действующий текст статьи считать пунктом 1."}
"""The drafting instruction that opens a supplement to an article without numbered paragraphs ("Article 9.
The authorised body: 1) ... 9) ..."): the added paragraphs are 2, 3, ..., so the present text becomes 1, not
"10." after a list of sub-paragraphs. A draft of sections says "section" (:func:`present_text_numbered`)."""
_PRESENT_SECTION_NUMBERED = {"en": "The present text of the section becomes paragraph 1.",
                             "ru": "Действующий текст параграфа считать пунктом 1."}


PRESENT_TEXT_INSTRUCTIONS = frozenset({*PRESENT_TEXT_NUMBERED.values(), *_PRESENT_SECTION_NUMBERED.values()})
"""The instruction in each language and word for articles, as a line of a proposed text is compared with it."""


def present_text_numbered(lang: str, word: ArticleWord = "article") -> str:
    """:data:`PRESENT_TEXT_NUMBERED` in the draft's own word for its articles: "the present text of the section"
    in a law of sections such as the US Code ("параграф" in Russian, the § it is cited by)."""
    texts = _PRESENT_SECTION_NUMBERED if word == "section" else PRESENT_TEXT_NUMBERED
    return texts["ru" if lang == "ru" else "en"]

LAST_ITEM_SEMICOLON = {"en": "In subparagraph {}), the full stop is replaced by a semicolon.",
                       "ru": "В подпункте {}) точку заменить точкой с запятой."}
"""The drafting instruction that opens the items added to a list article: the item that closed the list with a
full stop ("9) ... ."), now followed by items 10), 11) ..., ends with a semicolon as the others do."""


def last_item_semicolon(lang: str, number: int) -> str:
    """:data:`LAST_ITEM_SEMICOLON` for item ``number``, in ``lang``."""
    return LAST_ITEM_SEMICOLON["ru" if lang == "ru" else "en"].format(number)


_LAST_ITEM_SEMICOLON_READ = [re.compile("^" + r"(\d+)".join(map(re.escape, text.split("{}"))) + "$")
                             for text in LAST_ITEM_SEMICOLON.values()]


def item_ending_with_semicolon(line: str) -> int | None:
    """The number of the item a line of a proposed text tells to end with a semicolon (:data:`LAST_ITEM_SEMICOLON`,
    in either language): 11 for "In subparagraph 11), the full stop is replaced by a semicolon."; None for any
    other line."""
    for pattern in _LAST_ITEM_SEMICOLON_READ:
        if match := pattern.match(line.strip()):
            return int(match.group(1))
    return None


UNVERIFIED = {"en": "pinpoint to be verified", "ru": "ссылку требуется проверить"}
"""The mark a citation carries wherever it is shown while its pinpoint is not verified against the source."""


def cite(ref: str, verified: bool | None, lang: str = "en") -> str:
    """A citation as shown to the reader: with its caveat while its pinpoint is unverified (``verified`` False)."""
    return f"{ref} ({UNVERIFIED[lang]})" if verified is False else ref


BY_ID = Naming()
"""The names an id alone gives: articles called articles."""


def label_genitive(provision_id: str, lang: str = "en", *, naming: Naming = BY_ID) -> str:
    """The provision's name inside a sentence after "after", "of" ("после статьи 12", "after Article 12");
    ``naming`` is how the draft names its provisions (``Document.naming``)."""
    return _name(provision_id, lang, "gen", naming=naming)


def label_in(provision_id: str, lang: str = "en", *, naming: Naming = BY_ID) -> str:
    """The provision's name after "in": Russian prepositional, lower-case ("в пункте 3 статьи 12"), so that a
    Russian sentence can say what is mentioned there in the nominative ("В статье 5 упоминаются: ..."); the
    English name is the same as :func:`label`'s."""
    return _name(provision_id, lang, "in", naming=naming)


def label_by(provision_id: str, lang: str = "en", *, naming: Naming = BY_ID) -> str:
    """The provision's name after "provided for in", "set by": Russian instrumental, lower-case ("предусмотренную
    пунктом 9 статьи 29"); the English name is the same as :func:`label`'s."""
    return _name(provision_id, lang, "by", naming=naming)


_PARAGRAPHS_BY = {"en": ("paragraph", "paragraphs"), "ru": ("пунктом", "пунктами")}


def _runs(values: list[int], mark: Callable[[int], str] = str) -> list[str]:
    """Numbers as a drafter lists them after "provided for in": three or more in a row as one run from the first
    to the last ("9–12"), others one by one; each number written by ``mark`` ("(9)")."""
    out: list[str] = []
    for run in _consecutive(values):
        out.extend([f"{mark(run[0])}–{mark(run[-1])}"] if len(run) > 2 else [mark(n) for n in run])
    return out


def paragraph_numbers_by(paragraphs: list[int], lang: str = "en") -> str:
    """Paragraphs named by their numbers alone after "provided for in": "paragraph 1", "paragraphs 8 and 10",
    "paragraphs 9–12"; «пунктом 1», «пунктами 8 и 10»."""
    word = _PARAGRAPHS_BY["ru" if lang == "ru" else "en"][len(paragraphs) > 1]
    return f"{word} {listed(_runs(paragraphs), lang)}"


def paragraphs_by(article_id: str, paragraphs: list[int], lang: str = "en", *, naming: Naming = BY_ID) -> str:
    """Several paragraphs of one article named after "provided for in" (:func:`label_by`): "Article 27(8) and
    (10)", «пунктами 8 и 10 статьи 27»; three or more in a row as a run, "Article 29(9)–(12)", «пунктами 9–12
    статьи 29»."""
    if len(paragraphs) == 1:
        return label_by(f"{article_id}.{paragraphs[0]}", lang, naming=naming)
    if lang != "ru" or naming.word == "section":
        marks = _runs(paragraphs, lambda n: f"({n})")
        return label_by(article_id, lang, naming=naming) + listed(marks, lang)
    return f"{paragraph_numbers_by(paragraphs, lang)} {_RU_ARTICLE['gen']} {_split(article_id)[1][0]}"


_ARTICLES_BY = {"article": {"en": "Articles", "ru": "статьями"}, "section": {"en": "Sections", "ru": "§§"}}


def articles_by(article_ids: list[str], lang: str = "en", *, naming: Naming = BY_ID) -> str:
    """Several whole articles named together after "provided for in" (:func:`label_by`): "Articles 29-2 and
    41-1", «статьями 29-2 и 41-1»; "Sections 6502c and 6502d", «§§ 6502c и 6502d»."""
    if len(article_ids) == 1:
        return label_by(article_ids[0], lang, naming=naming)
    word = _ARTICLES_BY[naming.word]["ru" if lang == "ru" else "en"]
    return f"{word} {listed([_split(a)[1][0] for a in article_ids], lang)}"


def label(provision_id: str, lang: str = "en", *, naming: Naming = BY_ID) -> str:
    """The provision's name as a lawyer writes it at the start of a sentence; ``naming`` is how the draft names
    its provisions (``Document.naming``): "Section 6501(1)", not "Article 6501(1)", in the US Code."""
    return _name(provision_id, lang, "nom", naming=naming)


def run_on(name: str) -> str:
    """A provision's name run on inside a Russian sentence ("..., пункт 1 статьи 42"): its first letter in lower
    case and nothing else, so that a pinpoint keeps its capitals ("§ 6502(b)(1)(A)", not "(a)", which would be
    another provision)."""
    return name[:1].lower() + name[1:]


def labels(provision_ids: list[str], lang: str = "en", *, naming: Naming = BY_ID) -> str:
    """Several provisions' names, listed as a lawyer writes them at the start of a sentence: in Russian the names
    after the first run on in lower case ("Пункт 5 статьи 9, пункт 1 статьи 42")."""
    names = [label(p, lang, naming=naming) for p in provision_ids]
    if lang == "ru":
        names = names[:1] + [run_on(n) for n in names[1:]]
    return ", ".join(names)


def labels_in(provision_ids: list[str], lang: str = "en", *, naming: Naming = BY_ID) -> str:
    """Several provisions' names after "in" (:func:`label_in`): "пункте 5 статьи 9, пункте 1 статьи 42"."""
    return ", ".join(label_in(p, lang, naming=naming) for p in provision_ids)


def _name(provision_id: str, lang: str, case: str, naming: Naming = BY_ID) -> str:
    """English names do not decline; a Russian name in the genitive, prepositional ("in") or instrumental ("by") is
    lower-case, its last level in that case and the levels above it in the genitive ("пунктом 9 статьи 29").

    A section in Russian is "§ 6501(1)", the same in every case: Russian writing on US and UK law keeps the
    source's pinpoint after the section sign ("§ 6501 Свода законов США", "после § 6501"). "Статья" would call
    it an article it is not, and "раздел" is taken twice over: by ``sec:`` divisions ("Раздел 2") and, in
    Russian citations of the US Code, by its titles ("раздел 15 Свода законов США")."""
    form = _CASES.index(case)
    if provision_id == "preamble":
        return _RU_PREAMBLE[case] if lang == "ru" else "Preamble"
    prefix, parts = _split(provision_id)
    if prefix in _CONTAINERS:
        name = _CONTAINERS[prefix][1 + form] if lang == "ru" else _CONTAINERS[prefix][0]
        return f"{name} {parts[0] if parts else ''}".strip()
    if not parts:
        return provision_id
    article, inner = parts[0], parts[1:]
    if naming.word == "section" or lang != "ru":
        name = ARTICLE_WORDS[naming.word]["ru" if lang == "ru" else "en"]
        return f"{name} {article}" + "".join(f"({p})" for p in inner)
    if not inner:
        return f"{_RU_ARTICLE[case]} {article}"
    # an item straight under its article is a подпункт of the article: there is no пункт above it
    skipped = 1 if f"{prefix}:{article}.{inner[0]}" in naming.items else 0
    words = []
    for depth, number in enumerate(inner, start=skipped):
        level = min(depth, len(_RU_LEVELS) - 1)
        mark = f"{number})" if depth >= 1 else number
        last = depth == len(inner) - 1 + skipped
        levels = (_RU_LEVELS_GEN if not last or case == "gen" else _RU_LEVELS_IN if case == "in"
                  else _RU_LEVELS_BY if case == "by" else _RU_LEVELS)
        words.append(levels[level] + f" {mark}")
    text = " ".join(reversed(words)) + f" статьи {article}"
    return text[:1].upper() + text[1:] if case == "nom" else text


def article_of(provision_id: str) -> str:
    """The id of the article a provision belongs to (``art:12.3.2`` -> ``art:12``)."""
    return provision_id.split(".", 1)[0]


def within(provision_id: str, places: list[str]) -> bool:
    """Whether the provision is one of ``places`` or a part of one (``art:12.3`` is within ``art:12``)."""
    return any(provision_id == place or provision_id.startswith(f"{place}.") for place in places)


def inserted_number(base: str, k: int, letter: str | None) -> str:
    """The number of the ``k``-th provision inserted after the one numbered ``base``: "43-1", "43-2" in Russian
    and Kazakh drafting (``letter`` None), "43a", "43b" in English (``letter`` "a"), "24A" where a draft inserts
    so (``letter`` "A")."""
    return f"{base}-{k}" if letter is None else f"{base}{chr(ord(letter) + k - 1)}"


def inserted_before(number: str, base: str) -> str | None:
    """The number of the provision inserted just before the one numbered ``number`` after ``base``, one step
    back in :func:`inserted_number` ("9-2" for "9-3", "4a" for "4b"); None for the first inserted ("9-1", "4a")
    and for a number not inserted after ``base``."""
    if not number.startswith(base) or number == base:
        return None
    rest = number[len(base):]
    if re.fullmatch(r"-\d+", rest) and int(rest[1:]) > 1:
        return f"{base}-{int(rest[1:]) - 1}"
    if re.fullmatch(r"[b-zB-Z]", rest):
        return f"{base}{chr(ord(rest) - 1)}"
    return None


_NEW_AFTER = "new after "


def new_after(article_id: str, container_id: str = "") -> str:
    """The amendment target of a new article placed after an article, in its container if it has one
    (``new after art:40 in ch:9``: the form ``review-json.md`` gives)."""
    where = f"{_NEW_AFTER}{article_id}"
    return f"{where} in {container_id}" if container_id else where


def anchor_of(target: str) -> str:
    """The article a new article's target places it after (``new after art:40 in ch:9`` -> ``art:40``); "" for
    any other target."""
    return target.removeprefix(_NEW_AFTER).split(" in ")[0] if target.startswith(_NEW_AFTER) else ""


def container_of(target: str) -> str:
    """The container a new article's target places it in (``new after art:40 in ch:9`` -> ``ch:9``); "" when the
    target names none."""
    return target.split(" in ", 1)[1] if " in " in target else ""
