"""The English and the Russian of a criterion say the same thing.

Both are shown side by side (gap tables, amendments), and a reader who finds a duty in one that the other lacks
cannot tell which to believe. Where the two can be compared word for word, they are: who a rule is for (a service
"likely to be used by children" is not one children "may use"), how often (two or more times), in what form (on
paper), and which field (cybersecurity is not information security to a reader).
"""

from __future__ import annotations

import re

import pytest

from crlens.analysis.engine import review_document
from crlens.ingest import parse_file
from crlens.knowledge.loader import load

SAME = [
    # (English, Russian) that go together: each appears in a text as often as the other
    (r"\bon paper\b", r"бумажн"),
    (r"\bcybersecurity\b", r"кибербезопасн"),
    (r"\binformation security\b", r"информационн\w* безопасн"),
    (r"\btwo or more\b", r"два и более"),
]


def _texts() -> list[tuple[str, str, str]]:
    texts = []
    for crit in load().criteria.values():
        rec = crit.recommendation
        for name, text in (("statement", crit.statement), ("gap", rec.gap), ("partial", rec.partial),
                           ("solution", rec.solution), ("model_clause", rec.model_clause),
                           ("list_item", rec.list_item)):
            if text is not None:
                # a placeholder names criteria by their ids ("{rule:@cybersecurity-03}"), the same in both
                texts.append((f"{crit.id} {name}", *(re.sub(r"\{[^{}]*\}", "", t) for t in (text.en, text.ru))))
    return texts


@pytest.mark.parametrize(("en", "ru"), SAME, ids=[en for en, _ in SAME])
def test_english_and_russian_name_the_same_thing(en: str, ru: str) -> None:
    differ = [where for where, text_en, text_ru in _texts()
              if len(re.findall(en, text_en, re.I)) != len(re.findall(ru, text_ru, re.I))]
    assert differ == []


def test_a_service_children_are_likely_to_use_is_one_they_are_likely_to_use_in_russian_too() -> None:
    """«могут пользоваться» (children may use it) takes in every service; "likely to be used" does not."""
    likely = r"\blikely to (be used|use|be accessed|be accessible|reach)\b"
    differ = [where for where, text_en, text_ru in _texts()
              if re.search(likely, text_en) and not re.search(r"вероятн", text_ru)]
    assert differ == []


def test_the_amendments_to_the_kazakh_digital_code_name_the_same_thing_in_both_languages(corpus) -> None:
    """The Russian proposed text takes the draft's own terms (terminology.yaml): the Code says «кибербезопасность»
    where a clause said «информационная безопасность», and the English must not keep "information security"."""
    review = review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"), load())
    texts = [(rec.id, rec.amendment.proposed_text.en, rec.amendment.proposed_text.ru)
             for rec in review.recommendations if rec.amendment is not None]
    differ = [(where, en) for en, ru in SAME for where, text_en, text_ru in texts
              if len(re.findall(en, text_en, re.I)) != len(re.findall(ru, text_ru, re.I))]
    assert differ == []


def test_a_finding_states_one_thing_not_one_of_two() -> None:
    """"Does not define cyberbullying, or uses the term without defining it" leaves the reader to find out which;
    a gap or partial text says what is missing in words true of every draft it is said of."""
    hedge = {"en": r", or (does|do|uses|defines|gives|sets|names)\b",
             "ru": r"\bлибо (не|использует|определяет|делает)\b"}
    hedged = [(where, lang) for where, text_en, text_ru in _texts() if where.endswith((" gap", " partial"))
              for lang, text in (("en", text_en), ("ru", text_ru)) if re.search(hedge[lang], text)]
    assert hedged == []


LIKELY = r"\blikely to (?:be used|use|be accessed|be accessible|reach)\b"
USED_OR_LIKELY = {"en": r"\b(?:used or likely to be used|use or are likely to use)\b",
                  "ru": r"\bпользуются или с высокой степенью вероятности могут пользоваться\b"}
OTHER_WORDINGS = r"\bвероятно (?:будут|использ|доступн)|\bс высокой вероятностью\b"


def test_a_service_used_or_likely_to_be_used_by_children_is_said_in_one_formula() -> None:
    """«вероятно будут пользоваться», «с высокой вероятностью пользуются», «вероятно доступная» were one test in
    three wordings, each of which a lawyer reads as its own: criteria, solutions and clauses say «которыми
    пользуются или с высокой степенью вероятности могут пользоваться дети», and "used or likely to be used by
    children" (of age groups, "that use or are likely to use"). The issue texts (gap, partial) are left as
    worded."""
    differ = []
    for where, text_en, text_ru in _texts():
        if where.endswith((" gap", " partial")):
            continue
        en, ru = (len(re.findall(USED_OR_LIKELY[lang], text)) for lang, text in (("en", text_en), ("ru", text_ru)))
        if re.search(OTHER_WORDINGS, text_ru) or not en == ru == len(re.findall(LIKELY, text_en)):
            differ.append(where)
    assert differ == []
