"""The web workspace through HTTP, on the real app and a real database (SQLite and PostgreSQL): signing in and
out, the pages each role sees, the JSON API, CSRF, the sign-in rate limit, uploads and escaping."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from consulting import MOVED_TO_ARTICLE_6, draft_version_2, draft_with_new_article_6, key_of
from crlens.cli import app as cli
from crlens.consult.project import find_project, latest_review
from crlens.consult.rounds import DECISION_CHOICES, DECISIONS_RU, open_round
from crlens.consult.states import STATE_OF_DECISION, STATES
from crlens.ingest.reader import MAX_FILE_BYTES
from crlens.knowledge.models import AREA_IDS
from crlens.store.database import Store
from crlens.store.models import User
from webclient import PASSWORD, Person, token_in, workspace

PAGES = ["/", "/projects/1", "/projects/1/draft", "/projects/1/draft?area=data-privacy&relevance=direct",
         "/projects/1/gaps", "/projects/1/gaps?priority=high&state=proposed&q=data",
         "/projects/1/recommendations/rec-001", "/projects/1/rounds", "/projects/1/downloads",
         "/projects/1/compare"]


INTERFACE = pytest.mark.parametrize("project_db", ["sqlite"], indirect=True)
"""For tests of the interface itself (forms, tokens, escaping, messages), which do the same on either database:
they run on SQLite only; the tests that store or read project data run on both."""


@pytest.fixture
def app(project_db: str) -> Any:
    """The workspace on project 'kz' (the Russian sample, reviewed) with one account per role."""
    return workspace(project_db)


def _with_round(app: Any) -> Any:
    with app.state.store.session() as session:
        open_round(session, find_project(session, "kz"), 1)
    return app


# --- signing in and out ----------------------------------------------------------------------------------------


@INTERFACE
def test_the_home_page_leads_an_anonymous_visitor_to_sign_in(app: Any) -> None:
    response = Person(app).get("/")
    assert response.status_code == 303
    assert response.headers["location"] == "/login"


@INTERFACE
def test_a_page_asked_for_before_signing_in_is_shown_after_it(app: Any) -> None:
    person = Person(app)
    assert person.get("/projects/1/gaps").headers["location"] == "/login?next=/projects/1/gaps"
    form = person.get("/login?next=/projects/1/gaps").text
    response = person.client.post("/login", data={"username": "vera", "password": PASSWORD,
                                                  "csrf_token": token_in(form), "next": "/projects/1/gaps"})
    assert response.headers["location"] == "/projects/1/gaps"


def test_signing_in_shows_the_projects(app: Any) -> None:
    person = Person(app, "viewer")
    page = person.get("/")
    assert page.status_code == 200
    assert ">kz</a>" in page.text
    assert "Vera Viewer" in page.text


@INTERFACE
def test_a_wrong_password_is_refused_with_a_message(app: Any) -> None:
    person = Person(app)
    response = person.sign_in("rita", "not the password")
    assert response.status_code == 401
    assert "The user name or password is wrong." in response.text
    assert person.get("/api/me").status_code == 401


@INTERFACE
def test_signing_out_ends_the_session(app: Any) -> None:
    person = Person(app, "reviewer")
    assert person.get("/api/me").json()["username"] == "rita"
    assert person.form("/logout").headers["location"] == "/login"
    assert person.get("/api/me").status_code == 401
    assert person.get("/projects/1").status_code == 303


def test_a_disabled_account_loses_its_open_session(app: Any) -> None:
    person = Person(app, "ministry")
    with app.state.store.session() as session:
        session.scalar(select(User).where(User.username == "marat")).active = False
    assert person.get("/api/me").status_code == 401


@INTERFACE
def test_signing_in_is_refused_for_a_while_after_repeated_failures(app: Any) -> None:
    person = Person(app)
    for _ in range(5):
        assert person.sign_in("rita", "guess").status_code == 401
    refused = person.sign_in("rita", PASSWORD)  # even the right password, until the window passes
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) > 0
    assert "Too many failed sign-in attempts" in refused.text
    assert person.sign_in("vera", PASSWORD).status_code == 303  # other accounts are not locked out


def test_accounts_made_by_the_command_line_have_argon2id_hashes(db_url: str, tmp_path: Path) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("a long passphrase\n", encoding="utf-8")
    done = CliRunner().invoke(cli, ["user", "add", "aigerim", "--role", "ministry", "--name", "Aigerim S.",
                                    "--password-file", str(secret), "--db", db_url])
    assert done.exit_code == 0, done.output
    store = Store(db_url)
    with store.session() as session:
        user = session.scalar(select(User).where(User.username == "aigerim"))
        assert (user.role, user.display_name) == ("ministry", "Aigerim S.")
        assert user.password_hash.startswith("$argon2id$")
        assert "a long passphrase" not in user.password_hash
    store.dispose()
    listed = CliRunner().invoke(cli, ["user", "list", "--db", db_url])
    assert listed.output.split() == ["aigerim", "Aigerim", "S.", "ministry", "active"]
    person = Person(workspace(db_url))
    assert person.sign_in("aigerim", "a long passphrase").status_code == 303


def test_user_add_refuses_an_unknown_role_a_short_password_and_a_taken_name(db_url: str, tmp_path: Path) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("a long passphrase", encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("abc", encoding="utf-8")
    runner = CliRunner()
    base = ["user", "add", "sam", "--db", db_url]
    admin = runner.invoke(cli, [*base, "--password-file", str(secret), "--role", "admin"])
    assert admin.exit_code == 2
    assert "'admin' is not a role" in admin.output
    weak = runner.invoke(cli, [*base, "--password-file", str(short), "--role", "viewer"])
    assert weak.exit_code == 2
    assert "at least 8 characters" in weak.output
    base += ["--password-file", str(secret)]
    assert runner.invoke(cli, [*base, "--role", "viewer"]).exit_code == 0
    again = runner.invoke(cli, [*base, "--role", "viewer"])
    assert again.exit_code == 2
    assert "already exists" in again.output


# --- pages -----------------------------------------------------------------------------------------------------


@INTERFACE
@pytest.mark.parametrize("role", ["viewer", "ministry", "reviewer"])
def test_every_page_renders_for_every_role(app: Any, role: str) -> None:
    person = Person(app, role)
    for page in PAGES:
        response = person.get(page)
        assert response.status_code == 200, f"{page}: {response.status_code}"
        assert "Traceback" not in response.text


@INTERFACE
@pytest.mark.parametrize(("lang", "place"), [("en", "Article 6 (supplement with paragraphs "),
                                             ("ru", "Статья 6 (дополнить пунктами ")])
def test_a_recommendation_page_names_its_provision_as_the_deliverables_do(app: Any, lang: str, place: str) -> None:
    page = Person(app, "viewer").get(f"/projects/1/recommendations/rec-001?lang={lang}").text
    assert f'<span id="place" title="art:6">{place}' in page


@INTERFACE
def test_the_gap_page_lists_recommendations_in_the_reviews_order_with_where_each_text_goes(
        app: Any, project_db: str) -> None:
    """As the gap table does: an area's high priorities first, not the store's id order, and "Proposed text —
    Article 6 (supplement with paragraphs 5–8)"."""
    store = Store(project_db)
    with store.session() as session:
        reviewed = [r.id for r in latest_review(find_project(session)).recommendations]
    store.dispose()
    page = Person(app, "viewer").get("/projects/1/gaps").text
    shown = re.findall(r'<tr id="(rec-\d+)"', page)
    assert shown == reviewed and shown != sorted(shown)
    assert "<strong>Proposed text — Article 6 (supplement with paragraphs 5–8):</strong>" in page


@INTERFACE
@pytest.mark.parametrize(("lang", "cited"), [
    ("en", "Kazakhstan, law in force: Law on Mass Media art. 40"),
    ("ru", "Казахстан, действующее законодательство: Закон «О масс-медиа», статья 40")])
def test_the_gap_page_and_a_recommendation_page_cite_the_drafts_own_countrys_law_as_law_in_force(
        app: Any, lang: str, cited: str) -> None:
    """As the gap table does for the sample, a Kazakh draft: apart from the examples of other jurisdictions,
    last."""
    person = Person(app, "viewer")
    gaps = html.unescape(person.get(f"/projects/1/gaps?lang={lang}").text)
    row = next(r for r in gaps.split("<tr id=")[1:] if cited in r)
    assert row.index(cited) > row.index("Ireland" if lang == "en" else "Ирландия")
    key = row.split('"')[1]
    page = html.unescape(person.get(f"/projects/1/recommendations/{key}?lang={lang}").text)
    assert cited in page.split('id="text"')[1]


@INTERFACE
def test_only_reviewers_see_the_forms_that_change_things(app: Any) -> None:
    reviewer = Person(app, "reviewer").get("/projects/1/recommendations/rec-001").text
    viewer = Person(app, "viewer").get("/projects/1/recommendations/rec-001").text
    assert 'action="/projects/1/recommendations/rec-001/revise"' in reviewer
    assert "/revise" not in viewer
    assert "/comments" not in viewer
    assert 'action="/projects"' in Person(app, "reviewer").get("/").text
    assert 'action="/projects"' not in Person(app, "ministry").get("/").text


@INTERFACE
def test_the_interface_switches_to_russian_and_stays_there(app: Any) -> None:
    person = Person(app, "viewer")
    first = person.get("/projects/1/gaps?lang=ru")
    assert "Таблица пробелов" in first.text
    assert 'lang="ru"' in first.text
    assert "Таблица пробелов" in person.get("/projects/1/gaps").text  # the cookie keeps the choice
    assert "Gap table" in person.get("/projects/1/gaps?lang=en").text


@INTERFACE
def test_the_draft_viewer_shows_areas_relevance_and_evidence_highlights(app: Any) -> None:
    page = Person(app, "viewer").get("/projects/1/draft").text
    assert 'id="art:1"' in page
    assert "<mark title=" in page
    assert "Child relevance: direct" in page


@INTERFACE
def test_the_draft_viewer_filters_by_area_and_answers_htmx_with_the_list_only(app: Any) -> None:
    person = Person(app, "viewer")
    everything = person.get("/projects/1/draft").text
    privacy = person.get("/projects/1/draft?area=data-privacy",
                         headers={"HX-Request": "true", "HX-Target": "articles"}).text
    assert privacy.startswith('<section id="articles">')
    assert "<html" not in privacy
    assert privacy.count("<article") < everything.count("<article")
    assert privacy.count("<article") > 0


@INTERFACE
def test_the_gap_table_filters_by_priority(app: Any) -> None:
    person = Person(app, "viewer")
    api = person.get("/api/projects/1/recommendations").json()
    high = [r["key"] for r in api if r["priority"] == "high" and r["state"] == "proposed"]
    page = person.get("/projects/1/gaps?priority=high").text
    assert f"shown: {len(high)} of {len(api)}" in page
    assert all(f'id="{key}"' in page for key in high)


@INTERFACE
@pytest.mark.parametrize(("url", "named"), [
    ("/projects/1/gaps?state=bogus", STATES), ("/projects/1/gaps?area=bogus", AREA_IDS),
    ("/projects/1/gaps?priority=bogus", ("high", "medium", "low")), ("/projects/1/draft?area=bogus", AREA_IDS),
    ("/projects/1/draft?relevance=bogus", ("direct", "indirect", "none"))])
def test_a_page_refuses_an_unknown_filter_value_naming_the_ones_there_are(app: Any, url: str,
                                                                        named: tuple[str, ...]) -> None:
    """Not the whole table under a filter that seems applied: a 400 page saying which value is wrong."""
    response = Person(app, "viewer").get(url)
    assert response.status_code == 400
    message = html.unescape(response.text.split('role="alert">')[1].split("</p>")[0])
    assert message.startswith(f"{url.split('?')[1].split('=')[0]}: 'bogus' is not one of: ")
    assert all(value in message for value in named)


@INTERFACE
@pytest.mark.parametrize("url", ["/projects/99/gaps?state=bogus", "/projects/99/gaps?area=bogus",
                                 "/projects/99/gaps?priority=bogus", "/projects/99/draft?area=bogus",
                                 "/projects/99/draft?relevance=bogus"])
def test_a_filtered_page_of_an_unknown_project_is_a_404_naming_the_project_whatever_the_filter(
        app: Any, url: str) -> None:
    """The project is looked up first: a bad filter on a project that does not exist is not the problem."""
    response = Person(app, "viewer").get(url)
    assert response.status_code == 404
    assert "there is no project 99" in response.text


@INTERFACE
def test_the_draft_page_of_an_unknown_draft_version_is_a_404_naming_it_whatever_the_filter(app: Any) -> None:
    response = Person(app, "viewer").get("/projects/1/draft?version=7&area=bogus")
    assert response.status_code == 404
    assert "project 'kz' has no draft version 7" in html.unescape(response.text)


@INTERFACE
def test_a_filter_left_blank_is_no_filter(app: Any) -> None:
    viewer = Person(app, "viewer")
    assert viewer.get("/projects/1/gaps?area=&priority=&state=&q=").text.count("<tr id=") == \
        viewer.get("/projects/1/gaps").text.count("<tr id=")
    assert viewer.get("/projects/1/draft?area=&relevance=").status_code == 200


def test_the_gap_table_page_marks_an_unverified_pinpoint_as_the_documents_do(app: Any) -> None:
    from crlens.analysis.labels import UNVERIFIED

    page = Person(app, "viewer").get("/projects/1/gaps?state=").text
    assert f"({UNVERIFIED['en']})" in page


def test_a_ministry_decision_is_recorded_in_the_open_round_and_moves_the_state(app: Any) -> None:
    ministry = Person(_with_round(app), "ministry")
    response = ministry.form("/projects/1/recommendations/rec-002/decision",
                             {"decision": "accept with changes", "comment": "Shorten paragraph 2."},
                             headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.text.startswith('<section id="decisions">')
    assert "Shorten paragraph 2." in response.text
    detail = ministry.get("/api/projects/1/recommendations/rec-002").json()
    assert detail["state"] == "accepted-with-changes"
    assert detail["answers"] == [{**detail["answers"][0], "round": 1, "person": "Marat Ministry",
                                  "decision": "accept with changes", "comment": "Shorten paragraph 2."}]


def _decided(app: Any, decision: str = "reject", comment: str = "first") -> Person:
    """Marat's answer on rec-022 in round 1, given on the recommendation's page."""
    ministry = Person(_with_round(app), "ministry")
    ministry.form("/projects/1/recommendations/rec-022/decision", {"decision": decision, "comment": comment})
    return ministry


def test_a_comment_sent_without_a_decision_keeps_the_persons_decision(app: Any) -> None:
    ministry = _decided(app)
    ministry.form("/projects/1/recommendations/rec-022/decision",
                  {"decision": "", "comment": "adding a clarification"})
    detail = ministry.get("/api/projects/1/recommendations/rec-022").json()
    assert [(a["decision"], a["comment"]) for a in detail["answers"]] == [("reject", "adding a clarification")]
    assert detail["state"] == "rejected"


def test_an_api_comment_without_a_decision_keeps_the_decision_and_says_so(app: Any) -> None:
    ministry = _decided(app)
    response = ministry.api("POST", "/api/projects/1/recommendations/rec-022/decisions",
                            json={"comment": "adding a clarification"})
    assert response.status_code == 201
    assert (response.json()["kept_decision"], response.json()["state"]) == ("reject", "rejected")


@INTERFACE
def test_the_decision_form_shows_the_persons_current_answer(app: Any) -> None:
    page = _decided(app, "accept with changes", "Shorten paragraph 2.").get(
        "/projects/1/recommendations/rec-022").text
    form = page.split('class="panel decide"')[1].split("</form>")[0]
    assert '<option value="accept with changes" selected>' in form
    assert ">Shorten paragraph 2.</textarea>" in form


@INTERFACE
def test_the_decision_form_offers_no_blank_decision_once_the_person_has_given_one(app: Any) -> None:
    ministry = Person(_with_round(app), "ministry")
    before = ministry.get("/projects/1/recommendations/rec-022").text.split('class="panel decide"')[1]
    assert '<option value="">' in before.split("</form>")[0]
    after = _decided(app).get("/projects/1/recommendations/rec-022").text.split('class="panel decide"')[1]
    assert '<option value="">' not in after.split("</form>")[0]


@INTERFACE
def test_ministry_staff_cannot_decide_while_no_round_is_open(app: Any) -> None:
    response = Person(app, "ministry").form("/projects/1/recommendations/rec-002/decision",
                                            {"decision": "accept"})
    assert response.status_code == 400
    assert "no consultation round is open" in response.text


@INTERFACE
def test_an_invalid_decision_is_refused_naming_the_words_the_feedback_forms_take(app: Any) -> None:
    response = Person(_with_round(app), "ministry").api(
        "POST", "/api/projects/1/recommendations/rec-002/decisions", json={"decision": "maybe"})
    assert response.status_code == 422
    assert response.json()["problems"] == [f"decision: Value error, 'maybe' is not a decision; use one of: "
                                           f"{DECISION_CHOICES}"]


@INTERFACE
@pytest.mark.parametrize(("word", "decision"), [(ru, en) for en, ru in DECISIONS_RU.items()]
                         + [("Принять с  изменениями", "accept with changes"), ("REJECT", "reject")])
def test_the_api_takes_a_decision_in_the_words_of_the_feedback_forms(app: Any, word: str, decision: str) -> None:
    ministry = Person(_with_round(app), "ministry")
    response = ministry.api("POST", "/api/projects/1/recommendations/rec-002/decisions", json={"decision": word})
    assert response.status_code == 201, response.text
    assert response.json()["state"] == STATE_OF_DECISION[decision]
    answers = ministry.get("/api/projects/1/recommendations/rec-002").json()["answers"]
    assert [a["decision"] for a in answers] == [decision]


def test_the_decision_form_takes_a_decision_in_russian_too(app: Any) -> None:
    ministry = Person(_with_round(app), "ministry")
    response = ministry.form("/projects/1/recommendations/rec-002/decision", {"decision": "отклонить"})
    assert response.status_code == 303
    assert ministry.get("/api/projects/1/recommendations/rec-002").json()["state"] == "rejected"


@INTERFACE
def test_the_decision_form_refuses_an_unknown_decision_naming_the_words_it_takes(app: Any) -> None:
    response = Person(_with_round(app), "ministry").form("/projects/1/recommendations/rec-002/decision",
                                                         {"decision": "maybe"})
    assert response.status_code == 400
    assert f"is not a decision; use one of: {DECISION_CHOICES}" in html.unescape(response.text)


def test_a_revision_is_a_new_version_shown_with_its_difference(app: Any) -> None:
    reviewer = Person(app, "reviewer")
    old = reviewer.get("/api/projects/1/recommendations/rec-001").json()["versions"][-1]["data"]
    new_text = old["amendment"]["proposed_text"]["en"] + " Children are heard first."
    response = reviewer.form("/projects/1/recommendations/rec-001/revise",
                             {"field": "proposed", "text_lang": "en", "text": new_text, "reason": "round 1"})
    assert response.status_code == 303
    page = reviewer.get("/projects/1/recommendations/rec-001").text
    assert "Saved. Version 2." in page
    assert "<ins>" in page and "Children are heard first." in page
    assert reviewer.get("/api/projects/1/recommendations/rec-001").json()["versions"][-1]["author"] == \
        "Rita Reviewer"


def _revise_english_proposed_text(app: Any) -> None:
    """A reviewer revises rec-001's English proposed text through the page's form, leaving the Russian one."""
    response = Person(app, "reviewer").form("/projects/1/recommendations/rec-001/revise", {
        "field": "proposed", "text_lang": "en", "text": "A child under sixteen may not be profiled.",
        "reason": "Ministry asked for 16"})
    assert response.status_code == 303


def test_the_recommendation_page_says_which_text_a_one_language_revision_left_out_of_date(app: Any) -> None:
    viewer = Person(app, "viewer")
    assert 'id="stale"' not in viewer.get("/projects/1/recommendations/rec-001").text
    _revise_english_proposed_text(app)
    page = viewer.get("/projects/1/recommendations/rec-001").text
    assert ("Proposed text in Russian: not updated after the English text was revised in version 2; the two may "
            "differ.") in page


def test_the_out_of_date_warning_is_in_the_interface_language(app: Any) -> None:
    _revise_english_proposed_text(app)
    page = Person(app, "reviewer").get("/projects/1/recommendations/rec-001?lang=ru").text
    assert ("Предлагаемая редакция на русском языке: не обновлено после изменения английского текста в версии 2; "
            "возможны расхождения.") in page


def test_a_reviewer_confirms_on_the_page_that_the_other_language_still_matches(app: Any) -> None:
    _revise_english_proposed_text(app)
    reviewer = Person(app, "reviewer")
    confirm = "/projects/1/recommendations/rec-001/confirm"
    assert f'action="{confirm}"' in reviewer.get("/projects/1/recommendations/rec-001").text
    response = reviewer.form(confirm, {"field": "proposed", "text_lang": "ru"})
    assert response.status_code == 303
    page = reviewer.get("/projects/1/recommendations/rec-001").text
    assert 'id="stale"' not in page
    assert "Saved. Version 3." in page
    assert "Rita Reviewer" in page and ("Confirmed: the Russian proposed text still matches the English one "
                                        "(revised in version 2)") in page


def test_a_confirmation_on_the_russian_page_is_recorded_in_russian(app: Any) -> None:
    _revise_english_proposed_text(app)
    reviewer = Person(app, "reviewer")
    reviewer.get("/projects/1/recommendations/rec-001?lang=ru")
    reviewer.form("/projects/1/recommendations/rec-001/confirm", {"field": "proposed", "text_lang": "ru"})
    versions = reviewer.get("/api/projects/1/recommendations/rec-001").json()["versions"]
    # the gap table's and the forms' word for the proposed text, which the warning it answers also uses
    assert versions[-1]["reason"] == ("Подтверждено: предлагаемая редакция на русском языке по-прежнему "
                                      "соответствует тексту на английском языке (изменен в версии 2)")


@INTERFACE
@pytest.mark.parametrize(("lang", "reason"), [("en", "first review of draft version 1"),
                                              ("ru", "первичный анализ редакции проекта 1")])
def test_the_recommendation_page_says_why_crlens_wrote_a_version_in_the_interface_language(
        app: Any, lang: str, reason: str) -> None:
    page = Person(app, "viewer").get(f"/projects/1/recommendations/rec-001?lang={lang}").text
    assert f"crlens · {reason}</p>" in html.unescape(page)


def test_only_reviewers_are_offered_to_confirm_a_text_out_of_date(app: Any) -> None:
    _revise_english_proposed_text(app)
    for role in ("viewer", "ministry"):
        page = Person(app, role).get("/projects/1/recommendations/rec-001").text
        assert 'id="stale"' in page and "/confirm" not in page, role


def test_confirming_a_text_that_is_not_out_of_date_is_refused_on_the_page(app: Any) -> None:
    response = Person(app, "reviewer").form("/projects/1/recommendations/rec-001/confirm",
                                            {"field": "proposed", "text_lang": "ru"})
    assert response.status_code == 400
    assert "the Russian proposed text is not out of date" in response.text


@INTERFACE
def test_the_revise_form_loads_the_text_of_the_chosen_field_and_language(app: Any) -> None:
    reviewer = Person(app, "reviewer")
    data = reviewer.get("/api/projects/1/recommendations/rec-001").json()["versions"][-1]["data"]
    fragment = reviewer.get("/projects/1/recommendations/rec-001/text?field=issue&text_lang=ru").text
    assert fragment.startswith('<label id="revise-text">')
    assert data["ru"]["issue"][:40] in fragment


def test_the_discussion_thread_keeps_reviewer_and_ministry_messages_in_order(app: Any) -> None:
    _with_round(app)
    Person(app, "ministry").api("POST", "/api/projects/1/recommendations/rec-003/comments",
                                json={"body": "Why article 12?"})
    Person(app, "reviewer").form("/projects/1/recommendations/rec-003/comments", {"body": "It covers apps."})
    thread = Person(app, "viewer").get("/api/projects/1/recommendations/rec-003/comments").json()
    assert [(c["author"], c["role"], c["body"], c["round_number"]) for c in thread] == [
        ("Marat Ministry", "ministry", "Why article 12?", 1), ("Rita Reviewer", "reviewer", "It covers apps.", 1)]


def test_rounds_are_opened_and_closed_by_the_reviewer(app: Any) -> None:
    reviewer = Person(app, "reviewer")
    assert reviewer.form("/projects/1/rounds").status_code == 303
    assert reviewer.get("/api/projects/1").json()["open_round"] == 1
    assert reviewer.form("/projects/1/rounds/1/close").status_code == 303
    rounds = reviewer.get("/api/projects/1/rounds").json()
    assert [(r["number"], r["open"]) for r in rounds] == [(1, False)]
    again = reviewer.form("/projects/1/rounds/1/close")
    assert again.status_code == 400
    assert "already closed" in again.text


@INTERFACE
def test_the_rounds_page_counts_the_answered_recommendations_and_the_answers_apart(app: Any,
                                                                                  tmp_path: Path) -> None:
    from consulting import answer_xlsx
    from crlens.consult.rounds import export_round, import_feedback

    with app.state.store.session() as session:
        export_round(session, find_project(session, "kz"), 1, tmp_path / "round1.xlsx")
    answer_xlsx(tmp_path / "round1.xlsx", tmp_path / "aigerim.xlsx", {"rec-001": ("accept", "")})
    with app.state.store.session() as session:
        import_feedback(session, find_project(session, "kz"), 1, tmp_path / "aigerim.xlsx", "Aigerim")
    ministry = Person(app, "ministry")
    for key in ("rec-001", "rec-002"):
        ministry.form(f"/projects/1/recommendations/{key}/decision", {"decision": "reject"})
    page = ministry.get("/projects/1/rounds").text
    headings = re.findall(r"<th>([^<]*)</th>", page)
    row = re.findall(r"<td>([^<]*)</td>", page.split('id="round-1"')[1].split("</tr>")[0])
    assert dict(zip(headings, row, strict=False))["Recommendations answered"] == "2"
    assert dict(zip(headings, row, strict=False))["Answers"] == "3"


@INTERFACE
def test_the_project_page_names_its_count_of_a_round_as_recommendations_answered(app: Any) -> None:
    ministry = Person(_with_round(app), "ministry")
    for key in ("rec-001", "rec-002"):
        ministry.form(f"/projects/1/recommendations/{key}/decision", {"decision": "reject"})
    assert "Recommendations answered: 2" in " ".join(ministry.get("/projects/1").text.split())


# --- uploads ---------------------------------------------------------------------------------------------------


def _upload(person: Person, name: str, content: bytes, project: str = "new") -> Any:
    return person.form("/projects", {"name": project}, {"file": (name, content)})


def test_a_reviewer_starts_a_project_by_uploading_a_draft(app: Any, sample_en: Path) -> None:
    reviewer = Person(app, "reviewer")
    response = _upload(reviewer, sample_en.name, sample_en.read_bytes(), "kz-en")
    assert response.status_code == 303
    project = reviewer.get(response.headers["location"])
    assert "draft-digital-code.en.txt" in project.text
    assert "Reviewed: kz-en" in project.text


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "empty.txt: "),
    ("tool.exe", b"MZ\x90\x00binary", "tool.exe: "),
    ("broken.docx", b"PK\x03\x04 this is not really a Word file", "broken.docx: "),
])
def test_a_bad_upload_is_refused_with_the_files_problem_on_the_page(app: Any, name: str, content: bytes,
                                                                    message: str) -> None:
    response = _upload(Person(app, "reviewer"), name, content)
    assert response.status_code == 400
    assert message in response.text
    assert "crlens-upload-" not in response.text  # named as the user knows it, not by our temporary folder
    assert "Traceback" not in response.text
    assert 'class="error"' in response.text


@INTERFACE
@pytest.mark.parametrize(("name", "shown"), [("../../etc/passwd", "passwd: "), ("..", "draft: "),
                                             ("C:\\Users\\me\\draft.txt", "draft.txt: ")])
def test_an_upload_name_is_never_used_as_a_path(app: Any, name: str, shown: str) -> None:
    response = _upload(Person(app, "reviewer"), name, b"")
    assert response.status_code == 400
    assert shown in response.text
    assert "/etc/" not in response.text


@INTERFACE
def test_an_upload_over_the_size_limit_is_refused(app: Any) -> None:
    response = Person(app, "reviewer").api("POST", "/api/projects", data={"name": "big"},
                                           files={"file": ("big.txt", b"a" * (MAX_FILE_BYTES + 1))})
    assert response.status_code == 400
    assert response.json()["detail"] == "big.txt: the file is over the 50 MB limit"


@INTERFACE
def test_an_upload_without_a_project_name_asks_for_one(app: Any, sample_en: Path) -> None:
    response = _upload(Person(app, "reviewer"), sample_en.name, sample_en.read_bytes(), "   ")
    assert response.status_code == 400
    assert "give the project a name" in response.text


def test_a_second_draft_version_is_compared_with_the_first(app: Any, sample_ru: Path, tmp_path: Path) -> None:
    reviewer = Person(app, "reviewer")
    version_2 = draft_version_2(sample_ru, tmp_path / "draft-v2.ru.txt")
    response = reviewer.form("/projects/1/drafts", files={"file": (version_2.name, version_2.read_bytes())})
    assert response.status_code == 303
    assert "Draft version 2 added" in reviewer.get("/projects/1").text
    page = reviewer.get("/projects/1/compare").text
    assert "<ins>" in page
    assert "Article 8: added" in page
    comparison = reviewer.get("/api/projects/1/comparison?old=1&new=2").json()
    assert comparison["counts"]["added"] == 1


def _rejected_before_a_new_article_6(app: Any, sample_ru: Path, tmp_path: Path) -> tuple[Person, Path, str]:
    """Marat rejects a recommendation on old Article 41 in round 1; the reviewer, the new draft version that moves
    what it proposes to a new Article 6, and the recommendation's id."""
    key = key_of(sample_ru, MOVED_TO_ARTICLE_6)
    Person(_with_round(app), "ministry").form(f"/projects/1/recommendations/{key}/decision",
                                              {"decision": "reject", "comment": "Covered elsewhere."})
    return Person(app, "reviewer"), draft_with_new_article_6(sample_ru, tmp_path / "draft-v2.ru.txt"), key


def test_the_api_names_the_decisions_a_new_draft_version_reopens(app: Any, sample_ru: Path,
                                                                 tmp_path: Path) -> None:
    reviewer, version_2, key = _rejected_before_a_new_article_6(app, sample_ru, tmp_path)
    upload = {"file": (version_2.name, version_2.read_bytes())}
    added = reviewer.api("POST", "/api/projects/1/drafts", files=upload)
    assert added.status_code == 201
    assert {"key": key, "state": "rejected", "old_target": "art:41", "new_target": "art:6"} in (
        added.json()["decisions_reopened"])
    assert reviewer.get(f"/api/projects/1/recommendations/{key}").json()["state"] == "revised"


@INTERFACE
def test_the_project_page_names_the_decisions_a_new_draft_version_reopens(app: Any, sample_ru: Path,
                                                                          tmp_path: Path) -> None:
    reviewer, version_2, key = _rejected_before_a_new_article_6(app, sample_ru, tmp_path)
    reviewer.form("/projects/1/drafts", files={"file": (version_2.name, version_2.read_bytes())})
    page = " ".join(reviewer.get("/projects/1").text.split())
    assert "their decision no longer stands" in page and f"{key} (rejected: art:41 → art:6)" in page


def test_an_answer_on_a_text_a_new_draft_version_changed_is_shown_as_no_longer_deciding(
        app: Any, sample_ru: Path, tmp_path: Path) -> None:
    reviewer, version_2, key = _rejected_before_a_new_article_6(app, sample_ru, tmp_path)
    reviewer.api("POST", "/api/projects/1/drafts", files={"file": (version_2.name, version_2.read_bytes())})
    answers = reviewer.get(f"/api/projects/1/recommendations/{key}").json()["answers"]
    assert [(a["decision"], a["version"], a["decides"]) for a in answers] == [("reject", 1, False)]
    page = " ".join(reviewer.get(f"/projects/1/recommendations/{key}").text.split())
    assert ("Given on an earlier text, so it no longer decides the state: version 2 changed what the "
            "recommendation proposes (re-reviewed against draft version 2).") in page


# --- markup in text is shown as text -----------------------------------------------------------------------------


@INTERFACE
def test_markup_in_a_draft_is_shown_as_text(app: Any) -> None:
    draft = ("Статья 1. Общие положения\n\n1. Оператор <script>alert('x')</script> обязан защищать "
             "персональные данные детей <b onmouseover=\"steal()\">всегда</b>.\n")
    reviewer = Person(app, "reviewer")
    response = _upload(reviewer, "markup.txt", draft.encode(), "markup")
    assert response.status_code == 303
    page = reviewer.get(response.headers["location"] + "/draft").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "<b onmouseover" not in page


@INTERFACE
def test_markup_in_a_comment_is_shown_as_text(app: Any) -> None:
    reviewer = Person(app, "reviewer")
    reviewer.form("/projects/1/recommendations/rec-001/comments", {"body": "<img src=x onerror=alert(1)>"})
    page = reviewer.get("/projects/1/recommendations/rec-001").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img src=x" not in page


@INTERFACE
def test_pages_forbid_inline_scripts(app: Any) -> None:
    response = Person(app, "viewer").get("/projects/1")
    assert "script-src 'self'" in response.headers["content-security-policy"]


# --- CSRF ------------------------------------------------------------------------------------------------------


@INTERFACE
def test_a_form_without_its_csrf_token_is_refused(app: Any) -> None:
    reviewer = Person(app, "reviewer")
    response = reviewer.client.post("/projects/1/rounds", data={})
    assert response.status_code == 403
    assert "CSRF" in response.text
    assert reviewer.get("/api/projects/1/rounds").json() == []


@INTERFACE
def test_an_api_write_with_a_wrong_csrf_token_is_refused(app: Any) -> None:
    reviewer = Person(app, "reviewer")
    response = reviewer.client.post("/api/projects/1/rounds", headers={"X-CSRF-Token": "forged"})
    assert response.status_code == 403
    assert reviewer.get("/api/projects/1/rounds").json() == []


@INTERFACE
def test_signing_in_needs_the_token_of_the_sign_in_page(app: Any) -> None:
    person = Person(app)
    response = person.client.post("/login", data={"username": "rita", "password": PASSWORD})
    assert response.status_code == 403


# --- the JSON API ----------------------------------------------------------------------------------------------


@INTERFACE
def test_the_api_answers_anonymous_requests_with_401(app: Any) -> None:
    person = Person(app)
    for url in ("/api/projects", "/api/projects/1", "/api/projects/1/recommendations", "/api/me"):
        assert person.get(url).status_code == 401, url


def test_the_api_lists_projects_and_recommendations(app: Any) -> None:
    viewer = Person(app, "viewer")
    projects = viewer.get("/api/projects").json()
    assert [(p["id"], p["name"], p["drafts"]) for p in projects] == [(1, "kz", 1)]
    recs = viewer.get("/api/projects/1/recommendations").json()
    assert len(recs) == projects[0]["recommendations"]
    assert recs[0]["key"] == "rec-001"
    assert {r["state"] for r in recs} == {"proposed"}
    privacy = viewer.get("/api/projects/1/recommendations?area=data-privacy").json()
    assert 0 < len(privacy) < len(recs)


@INTERFACE
@pytest.mark.parametrize(("name", "values"), [("state", STATES), ("area", AREA_IDS)])
def test_the_api_refuses_an_unknown_filter_value_naming_the_ones_there_are(app: Any, name: str,
                                                                           values: tuple[str, ...]) -> None:
    response = Person(app, "viewer").get(f"/api/projects/1/recommendations?{name}=bogus")
    assert response.status_code == 422
    problem = response.json()["problems"][0]
    assert problem.startswith(f"{name}: ")
    assert all(f"'{value}'" in problem for value in values)


@INTERFACE
@pytest.mark.parametrize("url", ["/api/projects/99/recommendations?state=bogus",
                                 "/api/projects/99/recommendations?area=bogus",
                                 "/api/projects/99/comparison?old=0&new=bogus",
                                 "/api/projects/99/comparison"])
def test_the_api_answers_an_unknown_project_with_a_404_naming_it_whatever_the_query(app: Any, url: str) -> None:
    """As the pages do: the project is looked up first, a bad query on a project that does not exist is not the
    problem."""
    response = Person(app, "viewer").get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "there is no project 99"}


def test_the_api_lists_the_recommendations_of_one_state(app: Any) -> None:
    reviewer = Person(app, "reviewer")
    reviewer.api("POST", "/api/projects/1/recommendations/rec-002/withdraw", json={"reason": "overlap"})
    listed = reviewer.get("/api/projects/1/recommendations?state=withdrawn").json()
    assert [(r["key"], r["state"]) for r in listed] == [("rec-002", "withdrawn")]


def test_a_recommendation_in_the_api_names_its_texts_left_out_of_date(app: Any) -> None:
    viewer = Person(app, "viewer")
    assert viewer.get("/api/projects/1/recommendations/rec-001").json()["stale_texts"] == []
    _revise_english_proposed_text(app)
    assert viewer.get("/api/projects/1/recommendations/rec-001").json()["stale_texts"] == [
        {"field": "proposed", "lang": "ru", "since": 2}]


def test_the_api_list_of_recommendations_names_their_texts_left_out_of_date(app: Any) -> None:
    _revise_english_proposed_text(app)
    recs = Person(app, "viewer").get("/api/projects/1/recommendations").json()
    listed = {r["key"]: r["stale_texts"] for r in recs}
    assert listed["rec-001"] == [{"field": "proposed", "lang": "ru", "since": 2}]
    assert listed["rec-002"] == []


def test_the_api_says_which_versions_are_confirmations_and_of_which_text(app: Any) -> None:
    _revise_english_proposed_text(app)
    Person(app, "reviewer").form("/projects/1/recommendations/rec-001/confirm", {"field": "proposed",
                                                                                 "text_lang": "ru"})
    versions = Person(app, "viewer").get("/api/projects/1/recommendations/rec-001").json()["versions"]
    assert [(v["version"], v["confirmed_field"], v["confirmed_lang"]) for v in versions] == [
        (1, None, None), (2, None, None), (3, "proposed", "ru")]


API_CONFIRM = "/api/projects/1/recommendations/rec-001/confirmations"


def _versions_of_rec_001(app: Any) -> list[dict[str, Any]]:
    return Person(app, "viewer").get("/api/projects/1/recommendations/rec-001").json()["versions"]


def test_a_reviewer_confirms_through_the_api_that_a_text_out_of_date_still_matches(app: Any) -> None:
    _revise_english_proposed_text(app)
    response = Person(app, "reviewer").api("POST", API_CONFIRM, json={"field": "proposed", "lang": "ru",
                                                                      "reason": "Only a typo was fixed"})
    assert response.status_code == 201, response.text
    assert response.json() == {
        "key": "rec-001", "version": 3, "field": "proposed", "lang": "ru",
        "reason": "Confirmed: the Russian proposed text still matches the English one (revised in version 2): "
                  "Only a typo was fixed"}
    detail = Person(app, "viewer").get("/api/projects/1/recommendations/rec-001").json()
    assert detail["stale_texts"] == []
    assert detail["versions"][2]["data"] == detail["versions"][1]["data"]  # no text changed


def test_an_api_confirmation_asked_for_in_russian_is_recorded_in_russian(app: Any) -> None:
    _revise_english_proposed_text(app)
    response = Person(app, "reviewer").api("POST", f"{API_CONFIRM}?lang=ru", json={"field": "proposed",
                                                                                   "lang": "ru"})
    assert response.status_code == 201, response.text
    assert _versions_of_rec_001(app)[-1]["reason"] == (
        "Подтверждено: предлагаемая редакция на русском языке по-прежнему соответствует тексту на английском "
        "языке (изменен в версии 2)")


def _withdraw_rec_001(app: Any) -> None:
    Person(app, "reviewer").api("POST", "/api/projects/1/recommendations/rec-001/withdraw",
                                json={"reason": "overlaps rec-002"})


@pytest.mark.parametrize(("before", "body", "problem"), [
    ([], {"field": "proposed", "lang": "ru"},
     "rec-001: the Russian proposed text is not out of date, so there is nothing to confirm (out of date: none)"),
    ([_revise_english_proposed_text], {"field": "title", "lang": "ru"},
     "rec-001: field must be one of issue, solution, proposed, justification, gender, not 'title'"),
    ([_revise_english_proposed_text, _withdraw_rec_001], {"field": "proposed", "lang": "ru"},
     "rec-001: is withdrawn; its texts are no longer in use"),
], ids=["not out of date", "unknown field", "withdrawn"])
def test_an_api_confirmation_the_command_line_would_refuse_is_a_400_with_the_reason(
        app: Any, before: list[Any], body: dict[str, str], problem: str) -> None:
    for step in before:
        step(app)
    versions = len(_versions_of_rec_001(app))
    response = Person(app, "reviewer").api("POST", API_CONFIRM, json=body)
    assert response.status_code == 400
    assert response.json() == {"detail": problem}
    assert len(_versions_of_rec_001(app)) == versions


def test_the_api_creates_a_project_from_an_upload(app: Any, sample_en: Path) -> None:
    response = Person(app, "reviewer").api("POST", "/api/projects", data={"name": "kz-en"},
                                           files={"file": (sample_en.name, sample_en.read_bytes())})
    assert response.status_code == 201
    assert response.json()["name"] == "kz-en"
    assert response.json()["recommendations"] > 0


@INTERFACE
def test_the_api_answers_unknown_things_with_404(app: Any) -> None:
    viewer = Person(app, "viewer")
    for url in ("/api/projects/99", "/api/projects/1/recommendations/rec-999", "/api/projects/1/drafts/7/review",
                "/api/nothing"):
        response = viewer.get(url)
        assert response.status_code == 404, url
        assert "detail" in response.json()


@INTERFACE
def test_unknown_pages_are_a_friendly_404(app: Any) -> None:
    response = Person(app, "viewer").get("/projects/99/gaps")
    assert response.status_code == 404
    assert "there is no project 99" in response.text
    assert "<html" in response.text


@INTERFACE
def test_the_openapi_document_describes_the_api(app: Any) -> None:
    document = Person(app).get("/api/openapi.json").json()
    assert {"/api/projects", "/api/projects/{project_id}/recommendations",
            "/api/projects/{project_id}/recommendations/{key}/decisions",
            "/api/projects/{project_id}/recommendations/{key}/confirmations"} <= set(document["paths"])
    assert not any(path.startswith("/projects") for path in document["paths"])  # pages are not API


# --- downloads -------------------------------------------------------------------------------------------------


@INTERFACE
def test_the_downloads_page_offers_every_deliverable_in_both_languages(app: Any) -> None:
    page = Person(app, "viewer").get("/projects/1/downloads").text
    for name in ("gap-table.docx", "gap-table.ru.xlsx", "gap-table.html", "gap-table.md", "amendments.docx",
                 "amendments.ru.xlsx", "policy-brief.pdf", "policy-brief.ru.docx", "consultation-log.md",
                 "consultation-log.ru.docx", "review.json"):
        assert f"/projects/1/downloads/{name}\"" in page, name


@INTERFACE
def test_a_deliverable_is_made_on_request(app: Any) -> None:
    viewer = Person(app, "viewer")
    markdown = viewer.get("/projects/1/downloads/gap-table.ru.md")
    assert markdown.status_code == 200
    assert markdown.text.startswith("# Таблица пробелов")
    assert 'filename="kz-gap-table.ru.md"' in markdown.headers["content-disposition"]
    workbook = viewer.get("/projects/1/downloads/amendments.xlsx")
    assert zipfile.is_zipfile(io.BytesIO(workbook.content))
    assert viewer.get("/projects/1/downloads/secrets.txt").status_code == 404
    assert viewer.get("/projects/1/downloads/comparison.md").status_code == 404  # one draft version only



def test_a_revised_recommendation_has_the_same_russian_state_on_its_page_and_in_the_consultation_log(
        app: Any) -> None:
    reviewer = Person(_with_round(app), "reviewer")
    reviewer.api("POST", "/api/projects/1/recommendations/rec-001/revisions",
                 json={"field": "proposed", "lang": "ru", "text": "Новая редакция.", "reason": "уточнено"})
    page = reviewer.get("/projects/1/recommendations/rec-001?lang=ru").text
    log = reviewer.get("/projects/1/downloads/consultation-log.ru.md").text
    assert 'id="rec-state">пересмотрена<' in page
    assert "rec-001 (Текущий статус: пересмотрена)" in log


def test_a_state_reads_the_same_in_english_on_its_page_in_the_consultation_log_and_on_the_command_line(
        app: Any, project_db: str) -> None:
    ministry = Person(_with_round(app), "ministry")
    ministry.form("/projects/1/recommendations/rec-002/decision",
                  {"decision": "accept with changes", "comment": ""})
    page = ministry.get("/projects/1/recommendations/rec-002?lang=en").text
    log = ministry.get("/projects/1/downloads/consultation-log.md").text
    shown = CliRunner().invoke(cli, ["rec", "show", "rec-002", "--db", project_db]).output
    status = CliRunner().invoke(cli, ["project", "status", "--db", project_db]).output
    assert 'id="rec-state">accepted with changes<' in page
    assert "rec-002 (State now: accepted with changes)" in log
    assert shown.startswith("rec-002 (accepted with changes, version 1)")
    assert "accepted with changes 1" in status


@INTERFACE
def test_the_downloads_page_says_why_there_is_no_redline_of_a_draft_that_is_not_a_word_file(app: Any) -> None:
    viewer = Person(app, "viewer")
    page = html.unescape(viewer.get("/projects/1/downloads").text)
    assert "amendments-redline.docx" not in page
    assert "No redline: the newest draft version (1, draft-digital-code.ru.txt) is not a Word file" in page
    refused = viewer.get("/projects/1/downloads/amendments-redline.docx")
    assert refused.status_code == 404
    assert "there is no redline: the newest draft version, 1 (draft-digital-code.ru.txt), is not a Word file" \
        in html.unescape(refused.text)


def _redline_comments(person: Person) -> set[str]:
    """The recommendations the downloaded redline comments on (each comment opens with the recommendation's id)."""
    import docx

    response = person.get("/projects/1/downloads/amendments-redline.docx")
    assert response.status_code == 200
    assert 'filename="kz-amendments-redline.docx"' in response.headers["content-disposition"]
    return {c.text.split(":", 1)[0] for c in docx.Document(io.BytesIO(response.content)).comments}


def test_the_downloads_offer_the_final_redline_of_a_word_draft_without_the_rejected_recommendations(
        app: Any, sample_ru: Path, tmp_path: Path) -> None:
    """The redline crlens project report writes: the newest draft version's Word file as stored, the
    recommendations as they stand as tracked changes, none the ministry rejected."""
    from makefiles import make_docx

    reviewer = Person(app, "reviewer")
    word = make_docx(sample_ru.read_text(encoding="utf-8").splitlines(), tmp_path / "draft-v2.docx")
    reviewer.form("/projects/1/drafts", files={"file": (word.name, word.read_bytes())})
    page = reviewer.get("/projects/1/downloads").text
    assert '/projects/1/downloads/amendments-redline.docx"' in page
    assert "amendments-redline.ru.docx" not in page
    assert 'id="no-redline"' not in page
    assert 'id="redline-left-out"' not in page  # every amendment has its place in this draft
    before = _redline_comments(reviewer)
    assert "rec-001" in before
    reviewer.form("/projects/1/rounds")
    ministry = Person(app, "ministry")
    ministry.form("/projects/1/recommendations/rec-001/decision", {"decision": "reject", "comment": "no"})
    assert _redline_comments(reviewer) == before - {"rec-001"}
    assert reviewer.get("/projects/1/downloads/amendments-redline.ru.docx").status_code == 404


def test_the_downloads_page_names_the_amendments_the_redline_leaves_out_as_crlens_project_report_does(
        app: Any, project_db: str, sample_ru: Path, tmp_path: Path) -> None:
    """A Word draft without recognisable articles (a concept note, say): its amendments have no article to go
    after, so the redline cannot place them; the page says which, as the command line's note does."""
    from makefiles import make_docx

    lines = [line for line in sample_ru.read_text(encoding="utf-8").splitlines()[:80]
             if not line.startswith("Статья")]
    word = make_docx(lines, tmp_path / "concept.docx")
    reviewer = Person(app, "reviewer")
    assert _upload(reviewer, word.name, word.read_bytes(), "concept").headers["location"] == "/projects/2"
    report = CliRunner().invoke(cli, ["project", "report", "--project", "concept", "--formats", "md",
                                      "--out", str(tmp_path / "final"), "--db", project_db])
    noted = " ".join(report.output.split()).split("could not be placed in the Word draft: ")[1].split(", ")
    page = " ".join(html.unescape(reviewer.get("/projects/2/downloads").text).split())
    assert '/projects/2/downloads/amendments-redline.docx"' in page
    assert (f'<p class="note" id="redline-left-out">{len(noted)} amendment(s) could not be placed in the Word '
            f"draft and are not in the redline: {', '.join(noted)}. The gap table and the amendments table have "
            "them." in page)
    russian = " ".join(html.unescape(reviewer.get("/projects/2/downloads?lang=ru").text).split())
    assert f"Поправки, которые не удалось разместить в файле Word ({len(noted)}): {', '.join(noted)}" in russian


@INTERFACE
def test_the_downloaded_redline_names_in_itself_the_amendments_the_downloads_page_names(
        app: Any, sample_ru: Path, tmp_path: Path) -> None:
    """The same concept note without articles: whoever opens only the Word file reads at its end which amendments
    it leaves out, the ones the page lists."""
    import docx

    from makefiles import make_docx

    lines = [line for line in sample_ru.read_text(encoding="utf-8").splitlines()[:80]
             if not line.startswith("Статья")]
    word = make_docx(lines, tmp_path / "concept.docx")
    reviewer = Person(app, "reviewer")
    assert _upload(reviewer, word.name, word.read_bytes(), "concept").headers["location"] == "/projects/2"
    page = html.unescape(reviewer.get("/projects/2/downloads").text)
    listed = page.split("are not in the redline: ")[1].split(". The gap table")[0].split(", ")
    redline = reviewer.get("/projects/2/downloads/amendments-redline.docx")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(redline.content)).paragraphs]
    note = paragraphs[paragraphs.index("Примечание crlens: поправки, не внесенные в настоящий документ") + 2:]
    assert [line.split(" — ", 1)[0] for line in note] == listed


# --- crlens serve ----------------------------------------------------------------------------------------------


def test_crlens_serve_starts_the_workspace_on_loopback(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    crlens = Path(sys.executable).with_name("crlens")
    command = [str(crlens), "serve", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'w.db'}"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline, page = time.monotonic() + 30, ""
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as response:
                    page = response.read().decode()
            except OSError:
                time.sleep(0.2)
        assert 'action="/login"' in page
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert f"http://127.0.0.1:{port}/" in server.stderr.read()


def test_crlens_serve_on_a_port_in_use_says_so_before_starting(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        command = [str(Path(sys.executable).with_name("crlens")), "serve", "--port", str(port), "--db",
                   f"sqlite:///{tmp_path / 'w.db'}"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert f"--port {port}: the port is in use by another program" in " ".join(done.stderr.split())
    assert "http://" not in done.stderr
