"""Name a child as the draft does once «ребенок» is defined as a person under eighteen.

Our Russian model clauses name the person they protect by the age («пользователь, не достигший
восемнадцатилетнего возраста»), so that they protect every person under eighteen in a draft that calls only a
younger person a child. In a draft that defines «ребенок» as every person under eighteen, or that our review has
it define so, the same person has three names: a lawyer's review of the KZ Digital Code counted a dozen texts that
say «лицо, не достигшее восемнадцатилетнего возраста» next to the defined «ребенок». :func:`as_children` names
that person by the defined term, in the case and number of each occurrence: «лиц, не достигших
восемнадцатилетнего возраста» becomes «детей», «пользователю, не достигшему ...» becomes «пользователю,
являющемуся ребенком».

The participle's ending gives the case and number. Where it is ambiguous and the noun does not decide (the
neuter «лицо, не достигшее» is nominative or accusative, «ребенок» or «ребенка»), the words stay as written.
"""

from __future__ import annotations

import re

_UNDER_18 = re.compile(r"\b(\w+), не достигш(ий|его|ему|им|ем|ие|их|ими) восемнадцатилетнего возраста\b"
                       r"(?P<after>, (?P<next>\w+))?")
# a participle or participial adjective opens a phrase of its own after the noun, which keeps its comma
# («данные детей, содержащиеся в ...»); any other word goes on the sentence («данных ребенка допускаются»)
_PARTICIPLE = re.compile(r"(?:щ|вш|ем|им|нн|т)(?:ий|ая|ее|ие|его|ей|их|ими|им|ым|ому|ую|ое|ые|ых|ыми)(?:ся)?$")

# participle ending -> "являющ-" form and the number of the noun it agrees with
_BEING = {
    "ий": ("являющийся", "sg"), "его": ("являющегося", "sg"), "ему": ("являющемуся", "sg"),
    "ем": ("являющемся", "sg"), "ие": ("являющиеся", "pl"), "их": ("являющихся", "pl"),
    "ими": ("являющимися", "pl"),
}
# «лицо» itself gives way to the defined word, by its own form and the participle's ending
_PERSON = {
    ("лица", "его"): "ребенка", ("лицу", "ему"): "ребенку", ("лицом", "им"): "ребенком", ("лице", "ем"): "ребенке",
    ("лица", "ие"): "дети", ("лиц", "их"): "детей", ("лицам", "им"): "детям", ("лицами", "ими"): "детьми",
    ("лицах", "их"): "детях",
}
_PLURAL_DATIVE = re.compile(r"(?:ам|ям)$")


# «этого лица», «такому лицу» ...: a word pointing back at the person, by its case
_BACK = re.compile(r"\b(это|тако|указанно)(го|му|м) лиц(а|у|ом)\b")
_CHILD_BY_CASE = {"а": "ребенка", "у": "ребенку", "ом": "ребенком"}
_ANY_PERSON = re.compile(r"\bлиц[а-я]*\b", re.IGNORECASE)


def as_children(text: str) -> str:
    """``text`` with each person under eighteen named by the defined «ребенок» (see the module's docstring); in
    a paragraph where «лицо» so gave way, «этого лица» pointing back at it becomes «этого ребенка», unless the
    paragraph names another person «лицо» it could point at."""
    return "\n".join(_one_paragraph(line) for line in text.split("\n"))


def _one_paragraph(text: str) -> str:
    """:func:`as_children` of one paragraph, the reach of a word pointing back."""

    def one(match: re.Match[str]) -> str:
        noun, ending, after, following = match.group(1), match.group(2), match.group("after") or "", match["next"]
        person = _PERSON.get((noun.lower(), ending))
        if person is not None:
            # the comma that closed the participial phrase goes with it
            if after and not _PARTICIPLE.search(following):
                after = f" {following}"
            return (person if noun[0].islower() else person.capitalize()) + after
        if noun.lower().startswith("лиц"):
            return match.group(0)  # «лицо, не достигшее ...»: nominative or accusative, left as written
        if ending == "им":  # instrumental singular («пользователем») or dative plural («пользователям»)
            plural = bool(_PLURAL_DATIVE.search(noun))
            return f"{noun}, являющимся {'детьми' if plural else 'ребенком'}{after}"
        being, number = _BEING[ending]
        return f"{noun}, {being} {'детьми' if number == 'pl' else 'ребенком'}{after}"

    named = _UNDER_18.sub(one, text)
    if named == text or _ANY_PERSON.search(_BACK.sub("", named)):
        return named
    return _BACK.sub(lambda m: f"{m.group(1)}{m.group(2)} {_CHILD_BY_CASE[m.group(3)]}", named)
