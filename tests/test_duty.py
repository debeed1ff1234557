"""Duty holders: the subject of an obligation, not every company a provision names."""

from __future__ import annotations

import pytest

from crlens.analysis.duty import duty_holder_spans
from crlens.analysis.language import analyzer


def _holders(lang: str, text: str, heading: bool = False) -> list[str]:
    return [text[a:b] for a, b in duty_holder_spans(analyzer(lang), text, heading=heading)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Собственник онлайн-платформы обязан предоставить мотивированный ответ пользователю.",
     ["Собственник онлайн-платформы"]),
    ("Собственник и (или) законный представитель онлайн-платформы в целях защиты персональных данных:",
     ["Собственник и (или) законный представитель онлайн-платформы"]),
    ("В случае нарушения, владелец онлайн-платформы уведомляет пользователя.", ["владелец онлайн-платформы"]),
    ("Государственные органы по согласованию с уполномоченным органом осуществляют взаимодействие в области "
     "онлайн-платформ.", ["Государственные органы"]),
    # passive: the rules are the subject, the platform only the agent
    ("Правила подачи жалобы определяются собственником онлайн-платформы.", []),
    # "и (или)" inside the subject; a duty coordinated with another predicate shares its subject
    ("Собственник и (или) законный представитель онлайн-платформы в течение суток обязан удалить контент.",
     ["Собственник и (или) законный представитель онлайн-платформы"]),
    ("Пользователь имеет права и несет обязанности.", ["Пользователь"]),
    # permission is no duty
    ("Владелец онлайн-платформы может ограничить доступ.", []),
])
def test_russian_duty_holders(text: str, expected: list[str]) -> None:
    assert _holders("ru", text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Providers of high-risk AI systems shall ensure that their systems comply.",
     ["Providers of high-risk AI systems"]),
    ("Where a provider considers that the system is not compliant, the provider shall inform the authority.",
     ["provider"]),
    ("Member States shall ensure that providers comply.", ["Member States"]),
    ("The term 'operator' shall mean any person who operates a website.", []),
])
def test_english_duty_holders(text: str, expected: list[str]) -> None:
    assert _holders("en", text) == expected


def test_a_heading_that_names_obligations_names_their_holder() -> None:
    assert _holders("en", "Obligations of importers", heading=True) == ["importers"]
    assert _holders("ru", "Права и обязанности пользователей", heading=True) == ["пользователей"]
    assert _holders("en", "Quality management system", heading=True) == []


def test_kazakh_has_no_duty_holders() -> None:
    assert _holders("kk", "Онлайн-платформа иесі міндетті.") == []
