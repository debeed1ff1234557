"""Why a recommendation version was written, said in the reader's language.

The reasons crlens writes itself (a draft version's review, a withdrawal, a confirmation) are stored as a code and
its parameters (``RecommendationVersion.reason_code`` and ``reason_args``) and said in English or Russian when they
are shown: ``rec show --lang ru``, the web page in Russian and the Russian consultation log say "первичный анализ
редакции проекта 1" where the English ones say "first review of draft version 1". The English text is still
stored in ``reason`` too, as before codes (the API gives it, and older crlens reads it). A reason without a code,
a person's or one stored before codes that is not crlens's own, is shown as it was written, in either language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crlens.store.models import RecommendationVersion

REVIEW_REASONS: dict[str, dict[str, str]] = {
    "first-review": {"en": "first review of draft version {draft}",
                     "ru": "первичный анализ редакции проекта {draft}"},
    "gap-found": {"en": "gap found in draft version {draft}",
                  "ru": "пробел, выявленный в редакции проекта {draft}"},
    "re-reviewed": {"en": "re-reviewed against draft version {draft}",
                    "ru": "повторный анализ по редакции проекта {draft}"},
    "ids-followed": {"en": "provision ids follow draft version {draft}",
                     "ru": "нумерация положений приведена в соответствие с редакцией проекта {draft}"},
    "taken-up": {"en": "taken up in the text of draft version {draft}",
                 "ru": "учтена в тексте редакции проекта {draft}"},
}
"""The reasons a draft version's review writes on the versions it makes (parameter ``draft``: that version), in
the words crlens has always stored them in English (migration 0005 reads the ones stored before codes back by
these words)."""
WITHDRAWN = {"en": "withdrawn: {note}", "ru": "отозвана: {note}"}
"""A withdrawal, with the reason the person gave (parameter ``note``), shown as they wrote it."""
CONFIRMED = "confirmed"
"""A confirmation that a text out of date still matches (parameters ``field``, ``lang``, ``since``, ``note``), said
by :func:`crlens.report.consultation.confirmed_words`."""
CODES = (*REVIEW_REASONS, "withdrawn", CONFIRMED)
"""Every reason code crlens stores."""


@dataclass(frozen=True)
class Reason:
    """Why a version was written: the text as stored and, for a reason crlens writes, its code and parameters."""

    text: str
    code: str | None = None
    args: Mapping[str, Any] = field(default_factory=dict)

    def in_lang(self, lang: str) -> str:
        """The reason in ``lang`` (``en`` or ``ru``); the stored text when it has no code (a person's reason) or
        one this crlens does not know (written by a later one)."""
        lang = "ru" if lang == "ru" else "en"
        try:
            if self.code in REVIEW_REASONS:
                return REVIEW_REASONS[self.code][lang].format(**self.args)
            if self.code == "withdrawn":
                return WITHDRAWN[lang].format(**self.args)
            if self.code == CONFIRMED:
                return _confirmed(self.args, lang)
        except (KeyError, TypeError, ValueError):
            pass  # parameters missing or malformed: the stored text is still right
        return self.text


def _confirmed(args: Mapping[str, Any], lang: str) -> str:
    from crlens.consult.revisions import StaleText
    from crlens.report.consultation import confirmed_words

    said = confirmed_words(StaleText(str(args["field"]), str(args["lang"]), int(args["since"])), lang)
    return said + (f": {args['note']}" if args.get("note") else "")


def recorded(code: str, lang: str = "en", /, **args: Any) -> dict[str, Any]:
    """The columns of a ``RecommendationVersion`` that record a reason crlens writes: its code and parameters, and
    its text in ``lang`` (English unless a confirmation is recorded in the interface's language, as before codes),
    e.g. ``RecommendationVersion(..., **recorded("first-review", draft=1))``. ``code`` and ``lang`` are
    positional only, so that a parameter may be called ``lang`` too (the language a confirmation confirms)."""
    if code not in CODES:
        raise ValueError(f"unknown reason code {code!r}")
    return {"reason": Reason("", code, args).in_lang(lang), "reason_code": code, "reason_args": dict(args)}


def reason_of(version: RecommendationVersion) -> Reason:
    """Why ``version`` was written, to be said in the reader's language (:meth:`Reason.in_lang`)."""
    return Reason(version.reason, version.reason_code, version.reason_args or {})
