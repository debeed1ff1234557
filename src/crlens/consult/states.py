"""The states of a recommendation and the decisions that give them (kept apart from ``project`` so that the
command line can name them without loading the review engine)."""

from enum import StrEnum

ACTIVE_STATES = ("proposed", "revised", "accepted", "accepted-with-changes", "rejected", "question", "disputed")
"""States of a recommendation still on the table; ``taken-up`` and ``withdrawn`` ones are not sent to rounds."""
STATES = (*ACTIVE_STATES, "taken-up", "withdrawn")
"""Every state a recommendation can be in."""
State = StrEnum("State", {state: state for state in STATES})  # type: ignore[misc]
"""The states as a type, for the command line's --state and the API's ?state=: an unknown one is refused, naming
these."""
STATE_OF_DECISION = {"accept": "accepted", "accept with changes": "accepted-with-changes", "reject": "rejected",
                     "question": "question"}
"""The state one decision gives a recommendation."""
STATE_RU = {"proposed": "предложена", "revised": "пересмотрена", "accepted": "принята",
            "accepted-with-changes": "принята с изменениями", "rejected": "отклонена", "question": "вопрос",
            "disputed": "мнения разошлись", "taken-up": "учтена в тексте", "withdrawn": "отозвана"}
"""Each state in Russian, the one wording every page and document uses (the web workspace, the consultation log
and its annex): a recommendation "пересмотрена" (revised, as the forms' history says it was), not "изменена",
which the comparison says of an article of the draft."""
STATE_EN = {"proposed": "proposed", "revised": "revised", "accepted": "accepted",
            "accepted-with-changes": "accepted with changes", "rejected": "rejected", "question": "question",
            "disputed": "disputed", "taken-up": "taken up in the text", "withdrawn": "withdrawn"}
"""Each state in English words, the one wording the web workspace, the consultation log and the command line's
messages use ("taken up in the text", as ``STATE_RU`` says "учтена в тексте"); the states themselves
(``taken-up``) remain what ``--state``, ``?state=``, ``rec list`` and the API take and give."""


def state_name(state: str, lang: str = "en") -> str:
    """A state in words in ``lang`` (``en`` or ``ru``), from ``STATE_EN`` or ``STATE_RU``; an unknown one as it
    is."""
    return (STATE_RU if lang == "ru" else STATE_EN).get(state, state)


DECIDED_STATES = ("accepted", "accepted-with-changes", "rejected", "question", "disputed")
"""The states answers give; a recommendation in one of them has a decision that stands."""
