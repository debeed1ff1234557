"""What a project's final deliverables say of a recommendation the ministry rejected, worded once for all of them.

A rejected recommendation stays in the final deliverables (the reviewer may keep it), so the gap table, the
amendments table and the policy brief each say at the recommendation that the ministry did not accept it, in the
same words: "Rejected by the ministry (consultation round 1)". The tables, working documents, add what the people
who rejected it said; the brief, five pages for decision makers, gives the mark alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from crlens.analysis.review import Recommendation
    from crlens.consult.log import ConsultationLog

REJECTED = {"en": "Rejected by the ministry", "ru": "Отклонена министерством"}
ROUNDS = {"en": ("consultation round {}", "consultation rounds {}"),
          "ru": ("раунд консультаций {}", "раунды консультаций {}")}
QUOTES = {"en": ("“", "”"), "ru": ("«", "»")}


def rounds(numbers: Iterable[int], lang: str = "en") -> str:
    """Consultation rounds named in ``lang``: "consultation round 1", "consultation rounds 1, 2"."""
    ordered = sorted(set(numbers))
    one, several = ROUNDS[lang]
    return (one if len(ordered) == 1 else several).format(", ".join(map(str, ordered)))


@dataclass(frozen=True)
class Rejection:
    """The ministry's rejection of one recommendation: the round that decided it and what was said."""

    round: int | None
    """The latest round in which someone rejected it; None when no answer in the log does (its state was set
    otherwise), and the mark then names no round."""
    comments: tuple[tuple[str, str], ...] = ()
    """(person, comment) of each person who rejected it in that round and said why."""

    def mark(self, lang: str = "en") -> str:
        """The words every deliverable shows: "Rejected by the ministry (consultation round 1)"."""
        if self.round is None:
            return REJECTED[lang]
        return f"{REJECTED[lang]} ({rounds([self.round], lang)})"

    def status(self, lang: str = "en") -> str:
        """The mark with what the people who rejected it said, as a table shows it before the recommendation:
        "Rejected by the ministry (consultation round 1): Aigerim: “The Code on Children covers this.”"."""
        open_quote, close_quote = QUOTES["ru" if lang == "ru" else "en"]
        said = "; ".join(f"{person}: {open_quote}{comment}{close_quote}" for person, comment in self.comments)
        return f"{self.mark(lang)}: {said}" if said else self.mark(lang)


def rejections(log: ConsultationLog | None) -> dict[str, Rejection]:
    """Each recommendation the ministry rejected, by id, with the round and the comments of its rejection;
    empty without a consultation ``log`` (deliverables of a review outside a project)."""
    if log is None:
        return {}
    out = {}
    for key, state in log.states.items():
        if state != "rejected":
            continue
        # the latest round in which someone rejected it is the one that decided its state (answers on a text that
        # has changed since decide nothing)
        rejected_in = [(r.number, [a for a in e.answers if a.decision == "reject" and a.earlier is None])
                       for r in log.rounds for e in r.entries if e.key == key]
        rejected_in = [(number, answers) for number, answers in rejected_in if answers]
        if not rejected_in:
            out[key] = Rejection(None)
            continue
        number, answers = rejected_in[-1]
        out[key] = Rejection(number, tuple((a.person, a.comment) for a in answers if a.comment))
    return out


REFERS_TO_REJECTED = {
    "en": ("Its proposed text refers to the rule of {recs}, which the ministry rejected: the reference is to be "
           "revised",
           "Its proposed text refers to the rules of {recs}, which the ministry rejected: the references are to "
           "be revised"),
    "ru": ("Предлагаемая редакция ссылается на норму рекомендации {recs}, отклоненной министерством: ссылка "
           "подлежит уточнению",
           "Предлагаемая редакция ссылается на нормы рекомендаций {recs}, отклоненных министерством: ссылки "
           "подлежат уточнению"),
}
"""What a table says at a recommendation whose proposed text names the paragraph or the article a rejected one
proposed ("the assessment provided for in Article 29(9)"): the row may be accepted, but not with that reference."""


USES_TERM_OF_REJECTED = {
    "en": "Its proposed text uses “{term}”, which {rec} was to define and the ministry rejected: the term is to "
          "be defined",
    "ru": "Предлагаемая редакция использует понятие «{term}», определение которого содержалось в рекомендации "
          "{rec}, отклоненной министерством: понятие подлежит определению",
}
"""What a table says at a recommendation whose proposed text uses a term that only a rejected one defined (the
draft has no word for it): accepted as it stands, the text would rest on an undefined word."""


def _uses_terms_of_rejected(rejected: Sequence[Recommendation], lang: str) -> dict[str, list[str]]:
    """The lines :data:`USES_TERM_OF_REJECTED` gives, by the id of each recommendation that uses such a term and
    is not rejected itself (nothing of a rejected one goes into the draft)."""
    ids = {rec.id for rec in rejected}
    lines: dict[str, list[str]] = {}
    for rec in rejected:
        for use in rec.defined_terms:
            line = USES_TERM_OF_REJECTED["ru" if lang == "ru" else "en"].format(
                term=use.term if lang == "ru" else use.term_en, rec=rec.id)
            for user in use.used_in:
                if user not in ids:
                    lines.setdefault(user, []).append(line)
    return lines


def consultation_status(log: ConsultationLog | None, lang: str = "en",
                        recommendations: Sequence[Recommendation] = ()) -> dict[str, str]:
    """The status line a table shows at each rejected recommendation's row, by id (:meth:`Rejection.status`),
    and at each of ``recommendations`` whose proposed text refers to the rule of a rejected one
    (:data:`REFERS_TO_REJECTED`) or uses a term only a rejected one defined (:data:`USES_TERM_OF_REJECTED`);
    all that apply."""
    from crlens.analysis.labels import listed
    from crlens.report.amendments import proposed_by, referring_to  # amendments imports this module

    status = {key: rejection.status(lang) for key, rejection in rejections(log).items()}
    rejected = [rec for rec in recommendations if rec.id in status]
    if not rejected:
        return status
    for key, referred in referring_to(recommendations, proposed_by(rejected)).items():
        one, several = REFERS_TO_REJECTED["ru" if lang == "ru" else "en"]
        line = (one if len(referred) == 1 else several).format(recs=listed(referred, lang))
        status[key] = f"{status[key]}. {line}" if key in status else line
    for key, lines in _uses_terms_of_rejected(rejected, lang).items():
        line = ". ".join(lines)
        status[key] = f"{status[key]}. {line}" if key in status else line
    return status
