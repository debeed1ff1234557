"""Language tools: tokens and their normal forms (lemmas for Russian, stems for English and Kazakh).

Russian is lemmatised with ``pymorphy3`` (dictionary-based, so "детей" and "ребёнка" both give "ребенок" and
"несовершеннолетним" gives "несовершеннолетний"); English is stemmed with the Snowball English stemmer, so
"children's" and "child" stay apart but "minors" and "minor's" meet at "minor". No Snowball stemmer exists for
Kazakh, so a small suffix stripper for its case, plural and possessive endings stands in; Kazakh terms in the
lexicon are mostly written as prefixes anyway. ``ё`` is folded into ``е`` everywhere.

An :class:`Analyzer` is built once per run and caches every word it has seen: a 300-article code has only a
few tens of thousands of distinct words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)

_KK_SUFFIXES = sorted(
    {
        # plural
        "лар", "лер", "дар", "дер", "тар", "тер",
        # genitive, dative, accusative, locative, ablative, instrumental
        "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді",
        "ты", "ті", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен",
        "бен", "пен",
        # possessive
        "сы", "сі", "ы", "і", "ым", "ім", "ың", "ің", "ымыз", "іміз",
    },
    key=len,
    reverse=True,
)


class Token(NamedTuple):
    """A word of a text: where it is, as written (lower-cased) and its normal form.

    A named tuple rather than a dataclass: a long draft has a million words, and a tuple is built in half the
    time."""

    start: int
    end: int
    surface: str
    norm: str


def fold(word: str) -> str:
    """Lower-case and fold ``ё`` into ``е`` (drafters use both)."""
    return word.lower().replace("ё", "е")


def _kazakh_stem(word: str) -> str:
    for _ in range(3):
        for suffix in _KK_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


class Analyzer:
    """Tokeniser and normaliser for one language (``ru``, ``kk`` or ``en``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._normalise: Callable[[str], str] = functools.lru_cache(maxsize=200_000)(self._make_normaliser())

    def _make_normaliser(self) -> Callable[[str], str]:
        if self.lang == "ru":
            import pymorphy3

            morph = pymorphy3.MorphAnalyzer()

            def ru(word: str) -> str:
                if not word.isalpha() and "-" not in word:
                    return word
                return fold(morph.parse(word)[0].normal_form)

            return ru
        if self.lang == "en":
            import snowballstemmer

            stemmer = snowballstemmer.stemmer("english")

            def en(word: str) -> str:
                word = word.replace("’", "'")
                if word.endswith("'s"):
                    word = word[:-2]
                return stemmer.stemWord(word)

            return en
        return _kazakh_stem

    def norm(self, word: str) -> str:
        """The normal form of one (already folded) word."""
        return self._normalise(word)

    def tokens(self, text: str) -> list[Token]:
        """The words of a text with their offsets and normal forms."""
        norm = self._normalise
        folded = fold(text)
        if len(folded) != len(text):  # a few characters change length when lower-cased: fold word by word
            words = ((m, fold(m.group())) for m in _WORD.finditer(text))
            return [Token(m.start(), m.end(), w, norm(w)) for m, w in words]
        return [Token(m.start(), m.end(), w, norm(w)) for m in _WORD.finditer(folded) for w in (m.group(),)]

    def norms(self, phrase: str) -> tuple[str, ...]:
        """The normal forms of the words of a phrase (used for lexicon terms)."""
        return tuple(t.norm for t in self.tokens(phrase))


@functools.lru_cache(maxsize=4)
def analyzer(lang: str) -> Analyzer:
    """The shared analyzer for a language, built once per process."""
    return Analyzer(lang if lang in {"ru", "kk", "en"} else "en")
