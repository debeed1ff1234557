"""How a lawyer names a provision, in English and Russian, from its id.

``art:12.3.2`` is "Article 12(3)(2)" in English and "Подпункт 2) пункта 3 статьи 12" in Russian, the order
Russian drafting uses. Containers: ``ch:3`` is "Chapter 3" / "Глава 3".
"""

from __future__ import annotations

_CONTAINERS = {
    "book": ("Book", "Книга"),
    "part": ("Part", "Часть"),
    "sec": ("Section", "Раздел"),
    "ch": ("Chapter", "Глава"),
    "par": ("Paragraph", "Параграф"),
    "annex": ("Annex", "Приложение"),
}
_CONTAINERS_RU_GEN = {"book": "книги", "part": "части", "sec": "раздела", "ch": "главы", "par": "параграфа",
                      "annex": "приложения"}
_RU_LEVELS = ("пункт", "подпункт", "абзац")
_RU_LEVELS_GEN = ("пункта", "подпункта", "абзаца")


def _split(provision_id: str) -> tuple[str, list[str]]:
    prefix, _, rest = provision_id.partition(":")
    return prefix, rest.split(".") if rest else []


UNVERIFIED = {"en": "pinpoint to be verified", "ru": "ссылку требуется проверить"}
"""The mark a citation carries wherever it is shown while its pinpoint is not verified against the source."""


def label_genitive(provision_id: str, lang: str = "en") -> str:
    """The provision's name inside a sentence after "after", "of" ("после статьи 12", "after Article 12")."""
    if lang != "ru":
        return label(provision_id, lang)
    prefix, parts = _split(provision_id)
    if prefix in _CONTAINERS_RU_GEN:
        return f"{_CONTAINERS_RU_GEN[prefix]} {parts[0] if parts else ''}".strip()
    if prefix == "art" and len(parts) == 1:
        return f"статьи {parts[0]}"
    text = label(provision_id, lang)
    first, _, rest = text.partition(" ")
    genitive = {"Пункт": "пункта", "Подпункт": "подпункта", "Абзац": "абзаца", "Статья": "статьи"}
    return f"{genitive.get(first, first.lower())} {rest}".strip()


def label(provision_id: str, lang: str = "en") -> str:
    """The provision's name as a lawyer writes it at the start of a sentence."""
    if provision_id == "preamble":
        return "Преамбула" if lang == "ru" else "Preamble"
    prefix, parts = _split(provision_id)
    if prefix in _CONTAINERS:
        en, ru = _CONTAINERS[prefix]
        return f"{ru if lang == 'ru' else en} {parts[0] if parts else ''}".strip()
    if not parts:
        return provision_id
    article, inner = parts[0], parts[1:]
    if lang != "ru":
        return f"Article {article}" + "".join(f"({p})" for p in inner)
    if not inner:
        return f"Статья {article}"
    words = []
    for depth, number in enumerate(inner):
        level = min(depth, len(_RU_LEVELS) - 1)
        mark = f"{number})" if depth >= 1 else number
        words.append((_RU_LEVELS if depth == len(inner) - 1 else _RU_LEVELS_GEN)[level] + f" {mark}")
    text = " ".join(reversed(words)) + f" статьи {article}"
    return text[:1].upper() + text[1:]


def article_of(provision_id: str) -> str:
    """The id of the article a provision belongs to (``art:12.3.2`` -> ``art:12``)."""
    return provision_id.split(".", 1)[0]
