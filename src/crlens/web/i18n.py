"""The interface in English and Russian: every word the workspace shows, and how a request picks its language.

The language comes from ``?lang=`` (which also sets the cookie, so the choice sticks), else the ``crlens_lang``
cookie, else the browser's Accept-Language, else English.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection

from crlens.consult.reasons import Reason
from crlens.consult.revisions import OTHER, StaleText
from crlens.consult.rounds import DECISIONS, DECISIONS_RU
from crlens.consult.states import STATE_EN, STATE_RU, STATES
from crlens.knowledge.models import PRIORITY_RU
from crlens.report.gap_table import PROPOSED

LANGS = ("en", "ru")
COOKIE = "crlens_lang"

STRINGS: dict[str, tuple[str, str]] = {
    # (English, Russian)
    "app": ("crlens workspace", "Рабочее пространство crlens"),
    "tagline": ("Child-rights review of draft digital legislation",
                "Анализ проектов цифрового законодательства с точки зрения прав ребенка"),
    "sign_in": ("Sign in", "Войти"),
    "sign_out": ("Sign out", "Выйти"),
    "username": ("User name", "Имя пользователя"),
    "password": ("Password", "Пароль"),
    "bad_login": ("The user name or password is wrong.", "Неверное имя пользователя или пароль."),
    "too_many": ("Too many failed sign-in attempts. Try again in {seconds} seconds.",
                 "Слишком много неудачных попыток входа. Повторите через {seconds} с."),
    "signed_in_as": ("Signed in as", "Вы вошли как"),
    "role_reviewer": ("reviewer", "эксперт"),
    "role_ministry": ("ministry", "министерство"),
    "role_viewer": ("viewer", "наблюдатель"),
    "projects": ("Projects", "Проекты"),
    "no_projects": ("No projects yet.", "Проектов пока нет."),
    "new_project": ("New project", "Новый проект"),
    "project_name": ("Project name", "Название проекта"),
    "draft_file": ("Draft file (.docx, .pdf, .html, .txt; at most 50 MB)",
                   "Файл проекта (.docx, .pdf, .html, .txt; не более 50 МБ)"),
    "upload_review": ("Upload and review", "Загрузить и проанализировать"),
    "new_version": ("Add a new draft version", "Добавить новую редакцию проекта"),
    "overview": ("Overview", "Обзор"),
    "draft": ("Draft", "Проект"),
    "gap_table": ("Gap table", "Таблица пробелов"),
    "recommendations": ("Recommendations", "Рекомендации"),
    "recommendation": ("Recommendation", "Рекомендация"),
    "rounds": ("Consultation rounds", "Раунды консультаций"),
    "round": ("Round", "Раунд"),
    "downloads": ("Downloads", "Материалы"),
    "comparison": ("Comparison", "Сравнение"),
    "drafts": ("Draft versions", "Редакции проекта"),
    "version": ("Version", "Версия"),
    "file": ("File", "Файл"),
    "articles": ("Articles", "Статей"),
    "added_by": ("Added by", "Добавил(а)"),
    "added_at": ("Added", "Добавлено"),
    "state": ("State", "Состояние"),
    "states": ("Recommendations by state", "Рекомендации по состоянию"),
    "priority": ("Priority", "Приоритет"),
    "area": ("Area", "Направление"),
    "all": ("all", "все"),
    "filter": ("Filter", "Фильтр"),
    "search": ("Text contains", "Текст содержит"),
    "relevance": ("Child relevance", "Значимость для детей"),
    "rel_direct": ("direct", "прямая"),
    "rel_indirect": ("indirect", "косвенная"),
    "rel_none": ("none", "нет"),
    "evidence_legend": ("Highlighted: words quoted as evidence for a criterion of the framework.",
                        "Выделены слова, приведенные как обоснование по критерию методики."),
    "shown": ("shown", "показано"),
    "of": ("of", "из"),
    "issue": ("Issue/gap affecting children's rights", "Проблема/пробел, затрагивающие права детей"),
    "solution": ("Suggested solution or amendment", "Предлагаемое решение или поправка"),
    "sources": ("Relevant sources / examples from other jurisdictions",
                "Соответствующие источники / примеры из других юрисдикций"),
    "proposed": ("Proposed text", "Предлагаемая редакция"),
    "current_text": ("Current text", "Действующая редакция"),
    "justification": ("Justification", "Обоснование"),
    "target": ("Provision", "Положение"),
    "gender": ("Gender", "Гендерный аспект"),
    "criteria": ("Criteria", "Критерии"),
    "no_rows": ("Nothing matches the filter.", "Ничего не найдено."),
    "versions": ("Versions", "Версии"),
    "by": ("by", "автор"),
    "reason": ("Reason", "Причина"),
    "revise": ("Revise", "Изменить"),
    "field": ("Field", "Поле"),
    "language": ("Language", "Язык"),
    "text": ("Text", "Текст"),
    "save_version": ("Save as a new version", "Сохранить как новую версию"),
    "withdraw": ("Withdraw", "Отозвать"),
    "withdraw_reason": ("Why it is withdrawn", "Причина отзыва"),
    "decisions": ("Decisions by round", "Решения по раундам"),
    "decision": ("Decision", "Решение"),
    "no_decision": ("(no decision)", "(без решения)"),
    "comment": ("Comment", "Комментарий"),
    "give_decision": ("Your decision in round {n}", "Ваше решение в раунде {n}"),
    "send": ("Send", "Отправить"),
    "no_answers": ("No answers yet.", "Ответов пока нет."),
    "thread": ("Discussion", "Обсуждение"),
    "no_comments": ("No comments yet.", "Комментариев пока нет."),
    "add_comment": ("Add to the discussion", "Добавить в обсуждение"),
    "ministry_needs_round": ("Ministry staff can answer while a consultation round is open.",
                             "Представители министерства могут отвечать, пока открыт раунд консультаций."),
    "open_round": ("Open round {n}", "Открыть раунд {n}"),
    "close_round": ("Close round {n}", "Закрыть раунд {n}"),
    "open": ("open", "открыт"),
    "closed": ("closed", "закрыт"),
    "no_rounds": ("No consultation round yet.", "Раундов консультаций пока нет."),
    "opened_at": ("Opened", "Открыт"),
    "closed_at": ("Closed", "Закрыт"),
    "draft_version": ("Draft version", "Редакция проекта"),
    "participants": ("Participants", "Участники"),
    "answers": ("Answers", "Ответов"),
    "answered_recommendations": ("Recommendations answered", "Рекомендаций с ответами"),
    "opening_closes": ("Opening the next round closes the open one.",
                       "Открытие следующего раунда закрывает текущий."),
    "deliverables": ("Deliverables", "Документы"),
    "deliverables_note": ("Made on request from the newest draft and the recommendations as they stand now.",
                          "Формируются по запросу из последней редакции и текущих рекомендаций."),
    "doc_gap-table": ("Gap table", "Таблица пробелов"),
    "doc_amendments": ("Amendments table", "Таблица поправок"),
    "doc_policy-brief": ("Policy brief", "Аналитическая записка"),
    "doc_consultation-log": ("Consultation log", "Журнал консультаций"),
    "doc_review": ("Review (review.json)", "Результаты анализа (review.json)"),
    "doc_amendments-redline": ("Redline: the Word draft with the amendments as tracked changes (none rejected or "
                               "withdrawn)",
                               "Проект в формате Word с поправками в режиме исправлений (без отклоненных и "
                               "отозванных)"),
    "no_redline": ("No redline: the newest draft version ({v}, {name}) is not a Word file, and the redline marks "
                   "up the Word draft. Add the draft as a .docx file to get one.",
                   "Проект с поправками в режиме исправлений не формируется: последняя редакция ({v}, {name}) — "
                   "не файл Word, а поправки вносятся в файл Word. Добавьте редакцию в формате .docx."),
    # the amendments crlens project report notes as not placed (RedlineResult.skipped), named the same way
    "redline_left_out": ("{n} amendment(s) could not be placed in the Word draft and are not in the redline: "
                         "{keys}. The gap table and the amendments table have them.",
                         "Поправки, которые не удалось разместить в файле Word ({n}): {keys}. В проекте с "
                         "поправками в режиме исправлений их нет; они есть в таблице пробелов и таблице "
                         "поправок."),
    "doc_comparison": ("Comparison of the last two draft versions", "Сравнение двух последних редакций"),
    "compare_versions": ("Compare versions", "Сравнить редакции"),
    "earlier": ("Earlier version", "Прежняя редакция"),
    "later": ("Later version", "Новая редакция"),
    "one_draft": ("The project has one draft version; add another to compare.",
                  "В проекте одна редакция; добавьте новую, чтобы сравнить."),
    "identical": ("The two versions have the same articles.", "Статьи двух редакций совпадают."),
    "gaps_closed": ("Gaps closed", "Закрытые пробелы"),
    "gaps_opened": ("Gaps opened", "Новые пробелы"),
    "error": ("Something is wrong", "Ошибка"),
    "not_found": ("Not found", "Не найдено"),
    "forbidden": ("Not allowed", "Нет доступа"),
    "back": ("Back", "Назад"),
    "saved": ("Saved.", "Сохранено."),
    "unchanged": ("Nothing changed: the text is the same.", "Без изменений: текст тот же."),
    "reviewed": ("Reviewed", "Проанализирован"),
    "version_added": ("Draft version {v} added: {new} new recommendations, {updated} updated, {taken} taken up "
                      "in the text.",
                      "Добавлена редакция {v}: новых рекомендаций {new}, обновлено {updated}, учтено {taken}."),
    "answer_on_earlier_text": ("Given on an earlier text, so it no longer decides the state: version {v} changed "
                               "what the recommendation proposes ({reason}).",
                               "Дан на прежний текст и больше не определяет статус: версия {v} изменила "
                               "предложение рекомендации ({reason})."),
    "decisions_reopened": ("This version changed what {n} decided recommendation(s) propose; their decision no "
                           "longer stands and they are revised, to be answered again: {keys}.",
                           "Эта редакция изменила предложения {n} рекомендаций, по которым уже было решение; "
                           "решение больше не действует, они пересмотрены и ждут нового ответа: {keys}."),
    "invalid_input": ("Some fields are missing or invalid", "Некоторые поля не заполнены или неверны"),
    # the feedback form's mark (consult.rounds.STALE_MARK), said of one field
    "stale_text": ("{field} in {lang}: not updated after the {other} text was revised in version {since}; the two "
                   "may differ.",
                   "{field} на {lang} языке: не обновлено после изменения {other} текста в версии {since}; "
                   "возможны расхождения."),
    "still_matches": ("It still matches", "Текст по-прежнему соответствует"),
}

# The names are the consultation log's and the command line's (consult.states), so a page and the documents agree.
STATE_NAMES: dict[str, tuple[str, str]] = {s: (STATE_EN[s], STATE_RU[s]) for s in STATES}
# The decision form offers the words the feedback forms offer, which decision_of reads back.
DECISION_NAMES: dict[str, tuple[str, str]] = {d: (d, DECISIONS_RU[d]) for d in DECISIONS}
PRIORITY_NAMES: dict[str, tuple[str, str]] = {p: (p, ru) for p, ru in PRIORITY_RU.items()}
# The proposed text in the gap table's word, as the deliverables, the forms and the history reasons name it
# (report.consultation.FIELD_NAMES), so that a warning and the confirmation it leads to say the same.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "issue": ("issue", "проблема"), "solution": ("solution", "решение"),
    "proposed": (PROPOSED["en"].lower(), PROPOSED["ru"].lower()),
    "justification": ("justification", "обоснование"), "gender": ("gender", "гендерный аспект"),
}

# A language named in a sentence: the one a text is in ("in Russian" / "на русском"), and the other one whose text
# was revised ("the English text" / "английского текста").
LANG_IN: dict[str, tuple[str, str]] = {"en": ("English", "английском"), "ru": ("Russian", "русском")}
LANG_OF: dict[str, tuple[str, str]] = {"en": ("English", "английского"), "ru": ("Russian", "русского")}


def pick(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """A word from one of the tables above in ``lang``; unknown keys are shown as they are."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "ru" else pair[0]


class Translator:
    """``t("key", n=1)``: the interface string in one language, with its placeholders filled in."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGS else "en"

    def __call__(self, key: str, **values: object) -> str:
        text = pick(STRINGS, key, self.lang)
        return text.format(**values) if values else text

    def state(self, state: str) -> str:
        return pick(STATE_NAMES, state, self.lang)

    def decision(self, decision: str | None) -> str:
        return pick(DECISION_NAMES, decision, self.lang) if decision else self("no_decision")

    def priority(self, priority: str) -> str:
        return pick(PRIORITY_NAMES, priority, self.lang)

    def field(self, field: str) -> str:
        return pick(FIELD_NAMES, field, self.lang)

    def role(self, role: str) -> str:
        return self(f"role_{role}")

    def reason(self, reason: Reason) -> str:
        """Why a version of a recommendation was written, in this language when crlens wrote it (a person's
        reason as they wrote it)."""
        return reason.in_lang(self.lang)

    def stale(self, stale: StaleText) -> str:
        """A text out of date in one language, naming the field and the language (see ``stale_texts``)."""
        field = self.field(stale.field)
        return self("stale_text", field=field[:1].upper() + field[1:], lang=pick(LANG_IN, stale.lang, self.lang),
                    other=pick(LANG_OF, OTHER[stale.lang], self.lang), since=stale.since)


def request_lang(conn: HTTPConnection) -> str:
    """The language a request asks for (see the module docstring)."""
    asked = conn.query_params.get("lang")
    if asked in LANGS:
        return asked
    cookie = conn.cookies.get(COOKIE)
    if cookie in LANGS:
        return cookie
    accept = conn.headers.get("accept-language", "").lower()
    return "ru" if accept.startswith(("ru", "kk")) else "en"
