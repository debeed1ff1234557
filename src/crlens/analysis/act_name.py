"""Refer to the reviewed act as it refers to itself: "this Law", "настоящего Закона", "this Regulation"; and
as an act, not a draft, once it is adopted.

Our model clauses and solutions are written for a code ("this Code", "настоящим Кодексом"), as the terms of
reference review a draft Digital Code. A law, or a regulation, names itself otherwise, and a proposed text that
says "this Code" in a law cannot be adopted as written. The Russian names we use (Кодекс, Закон, Регламент) are
all masculine nouns of one declension, so a name changes by its stem alone and the adjective before it
("настоящего", "настоящим") stays right.

Our findings speak of "the draft" ("The draft does not ...", "Проект не ..."). An act in force, reviewed for
amendments, is "the Code" ("Кодекс не ..."): "проект" declines as those names do, so the same holds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ActName:
    """How the reviewed act names itself, in English and in Russian."""

    en: str
    ru: str


CODE = ActName("Code", "Кодекс")
_BY_WORD = {
    "code": CODE, "кодекс": CODE,
    "act": ActName("Act", "Закон"), "law": ActName("Law", "Закон"), "закон": ActName("Law", "Закон"),
    "заң": ActName("Law", "Закон"),
    "regulation": ActName("Regulation", "Регламент"), "регламент": ActName("Regulation", "Регламент"),
    # an act codified as a chapter of the United States Code calls itself "this chapter" (COPPA)
    "chapter": ActName("Act", "Закон"),
}
_SELF_REFERENCE = {
    "en": re.compile(r"\b[Tt]his (Code|Act|Law|Regulation|chapter)\b"),
    "ru": re.compile(r"\b[Нн]астоящ[а-я]* (Кодекс|Закон|Регламент)"),
    "kk": re.compile(r"\b[Оо]сы (Кодекс|Заң)"),
}

# "this Code", "the code's": the reviewed act; "the Code of Administrative Offences" and "a code of practice" are
# other instruments
_OUR_EN = re.compile(r"\b([Tt]his|[Tt]he) [Cc]ode\b(?! of\b)")
# "настоящего Кодекса о защите детей" is ours whatever follows; a bare "Кодекс" is ours ("принципы Кодекса"),
# unless it is another code's name ("Кодекс об административных правонарушениях", "Кодекс Республики ...")
_THIS_RU = re.compile(r"\b([Нн]астоящ[а-я]*) Кодекс(а|у|ом|е)?\b")
_OUR_RU = re.compile(r"\bКодекс(а|у|ом|е)?\b(?! (?:об|Республики)\b)")


# "(проект)" or "Draft" as a line of the title block, or a title that starts "Проект Закона", "Draft Law"
_DRAFT_MARK = re.compile(r"^\W*(?:проект|draft|жоба)\b|\((?:проект|draft|жоба)\)", re.IGNORECASE | re.MULTILINE)
_TITLE_LINES = 12
# "the draft does not": ours about the reviewed text; "a draft decision", "draft codes of practice" are not
_THE_DRAFT_EN = re.compile(r"\b([Tt])he draft\b(?!\s+(?:law|code|act|regulation|decision)s?\b)")
# "Проект не ...", "понятий проекта"; not "проектирование", "законопроект" or "проект решения"
_THE_DRAFT_RU = re.compile(r"\b[Пп]роект(а|у|ом|е)?\b(?!\s+(?:закон|кодекс|акт|решени|постановлени|документ))")


def is_draft(draft_text: str) -> bool:
    """Whether the text says it is a draft: "(проект)", "Draft" or "ЖОБА" in the lines of its title block."""
    # a bracketed note above the title (a source line) is not part of the title block
    head = "\n".join(line for line in draft_text.splitlines()[:_TITLE_LINES] if not line.startswith("["))
    return _DRAFT_MARK.search(head) is not None


def refer_to_act(text: str, name: ActName, lang: str) -> str:
    """``text`` (ours, about "the draft") speaking of an adopted act by its name: "The Code does not ...",
    "Кодекс не ..."."""
    if lang == "ru":
        return _THE_DRAFT_RU.sub(lambda m: name.ru + (m.group(1) or ""), text)
    return _THE_DRAFT_EN.sub(lambda m: f"{m.group(1)}he {name.en}", text)


def act_name(draft_text: str, lang: str) -> ActName:
    """What the draft calls itself most often ("this Law": a law); a code when it never says."""
    pattern = _SELF_REFERENCE.get(lang)
    counts = Counter(m.group(1).lower() for m in pattern.finditer(draft_text)) if pattern else Counter()
    if not counts:
        return CODE
    word = max(counts, key=lambda w: (counts[w], w == "code" or w == "кодекс"))
    return _BY_WORD[word]


def name_the_act(text: str, name: ActName, lang: str) -> str:
    """``text`` (ours, written for a code) with the reviewed act named ``name``."""
    if name == CODE:
        return text
    if lang == "ru":
        text = _THIS_RU.sub(lambda m: f"{m.group(1)} {name.ru}{m.group(2) or ''}", text)
        return _OUR_RU.sub(lambda m: name.ru + (m.group(1) or ""), text)
    return _OUR_EN.sub(lambda m: f"{m.group(1)} {name.en}", text)


def finding_opening(lang: str) -> re.Pattern[str]:
    """A sentence opening that speaks of the reviewed act, as our findings do once :func:`refer_to_act` has named
    it: ". The draft ", ". The Law ", ". Проект ", ". Закон ". Group 1 is the opening without the full stop."""
    names = {n.ru if lang == "ru" else n.en for n in _BY_WORD.values()}
    if lang == "ru":
        return re.compile(r"\. ((?:Проект|" + "|".join(sorted(names)) + ") )")
    return re.compile(r"\. (The (?:draft|" + "|".join(sorted(names)) + ") )")
