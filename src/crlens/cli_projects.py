"""Commands on review projects kept in a database: ``crlens project``, ``crlens consult``, ``crlens rec`` and
``crlens diff``. Thin: each opens the store, finds the project and calls ``crlens.consult``."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from crlens.cli_common import FormatsOption, deliverable_choice, err, fails_cleanly, out, output_directory
from crlens.cli_common import Lang as DeliverablesLang
from crlens.cli_common import LangOption as DeliverablesLangOption
from crlens.consult.states import State, state_name
from crlens.errors import UserError
from crlens.plain_text import checked, checked_name

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crlens.consult.revisions import StaleText
    from crlens.store.models import Project, Recommendation

project_app = typer.Typer(help="Review projects: a draft's versions, reviews and recommendations in a database.",
                          no_args_is_help=True)
consult_app = typer.Typer(help="Consultation rounds with ministry staff: export, import feedback, report.",
                          no_args_is_help=True)
rec_app = typer.Typer(help="Recommendations of a project: list, show, revise, confirm, withdraw.",
                      no_args_is_help=True)


class Lang(StrEnum):
    en = "en"
    ru = "ru"


DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="CRLENS_DB", show_default=False,
    help="SQLAlchemy URL of the project database (default ./crlens.db; postgresql://... for PostgreSQL).")]
ProjectOption = Annotated[str | None, typer.Option(
    "--project", "-p", show_default=False,
    help="Project name (default: the database's only or most recently used project).")]
ByOption = Annotated[str | None, typer.Option(
    "--by", show_default=False, help="Who does this (default: the login name); recorded in the history.")]
RoundOption = Annotated[int, typer.Option("--round", "-r", min=1, help="Consultation round number.")]


def _lang_option(what: str) -> Any:
    """--lang, saying what it is the language of."""
    return typer.Option("--lang", help=f"Language of {what}: en or ru.")


DiffLangOption = Annotated[Lang, _lang_option("the comparison written with --diff-out")]
FormLangOption = Annotated[Lang, _lang_option("the feedback form")]
ReportLangOption = Annotated[Lang, _lang_option("the report")]
TextLangOption = Annotated[Lang, _lang_option("the text revised")]
ComparisonLangOption = Annotated[Lang, _lang_option("the comparison written with --out")]
ShownLangOption = Annotated[Lang, _lang_option("the issue, solution and proposed text shown")]


def _by(by: str | None) -> str:
    if by:
        return checked_name(by, "--by")
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def _warn_stale(key: str, stale: StaleText, where: str = "") -> None:
    """Tell the reviewer that a text no longer follows its other language, and how to bring it in line."""
    from crlens.consult.revisions import OTHER
    from crlens.report.consultation import FIELD_NAMES, LANG_NAMES

    names = LANG_NAMES["en"]
    err.print(f"[yellow]warning:[/] {key}: the {names[stale.lang]} {FIELD_NAMES['en'][stale.field]} was not "
              f"revised when the {names[OTHER[stale.lang]]} one was (version {stale.since}) and may no longer "
              f"match it{where}; revise it with 'crlens rec revise {key} --field {stale.field} --lang "
              f"{stale.lang}', or if it still matches say so with 'crlens rec confirm {key} --field {stale.field} "
              f"--lang {stale.lang}'", highlight=False)


@contextmanager
def _project(db: str | None, name: str | None) -> Iterator[tuple[Session, Project]]:
    """The project in a session that commits when the command succeeds and rolls back on any error."""
    from crlens.consult.project import find_project
    from crlens.store.database import Store

    store = Store(db)
    try:
        with store.session() as session:
            yield session, find_project(session, name)
    finally:
        store.dispose()


# --- project --------------------------------------------------------------------------------------------------


@project_app.command("init")
@fails_cleanly
def project_init(
    name: Annotated[str, typer.Argument(help="A name for the project, e.g. 'kz-digital-code'.")],
    draft: Annotated[Path, typer.Option("--draft", "-d", help="The first version of the draft.")],
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Start a project: parse and review the first draft version and store it with its recommendations."""
    from crlens.consult.project import init_project
    from crlens.store.database import Store

    store = Store(db)
    try:
        with store.session() as session:
            with err.status("reviewing the draft..."):
                project = init_project(session, name, draft, _by(by))
            count = len(project.recommendations)
            articles = project.drafts[0].articles
    finally:
        store.dispose()
    out.print(f"project {name!r}: draft version 1 ({draft.name}, {articles} articles) reviewed, "
              f"{count} recommendations stored in {store.url}", highlight=False)


@project_app.command("list")
@fails_cleanly
def project_list(db: DbOption = None) -> None:
    """The projects in the database, most recently used first."""
    from sqlalchemy import select

    from crlens.store.database import Store
    from crlens.store.models import Project

    store = Store(db)
    try:
        with store.session() as session:
            projects = session.scalars(select(Project).order_by(Project.used_at.desc())).all()
            for project in projects:
                out.print(f"{project.name}\t{len(project.drafts)} draft version(s)\t{len(project.rounds)} "
                          f"round(s)\t{len(project.recommendations)} recommendations", highlight=False)
            if not projects:
                err.print("no projects yet; start one with 'crlens project init NAME --draft FILE'")
    finally:
        store.dispose()


@project_app.command("status")
@fails_cleanly
def project_status(db: DbOption = None, project: ProjectOption = None) -> None:
    """Drafts, rounds and recommendations by state."""
    from crlens.consult.project import project_status as status_of

    with _project(db, project) as (session, found):
        status = status_of(session, found)
    table = Table(title=f"project {status.name}")
    table.add_column("draft")
    table.add_column("file")
    table.add_column("articles", justify="right")
    table.add_column("sha256")
    for version, filename, articles, sha in status.drafts:
        table.add_row(str(version), filename, str(articles), sha[:12])
    out.print(table)
    for number, draft_version, is_open, given in status.rounds:
        out.print(f"round {number}: draft version {draft_version}, {'open' if is_open else 'closed'}, "
                  f"feedback on {given} recommendation(s)", highlight=False)
    if not status.rounds:
        out.print("no consultation round yet")
    states = ", ".join(f"{state_name(state)} {count}" for state, count in status.states.items())
    out.print(f"{status.recommendations} recommendations: {states}", highlight=False)


@project_app.command("add-draft")
@fails_cleanly
def project_add_draft(
    file: Annotated[Path, typer.Argument(help="The new version of the draft.")],
    db: DbOption = None,
    project: ProjectOption = None,
    by: ByOption = None,
    diff_out: Annotated[Path | None, typer.Option(
        "--diff-out", show_default=False, help="Also write the comparison with the previous version (.md, .docx "
                                               "or .json): changed articles with a word-level diff.")] = None,
    lang: DiffLangOption = Lang.en,
) -> None:
    """Add a new draft version: review it, align its articles with the previous version, carry the
    recommendations over (they follow renumbered articles), and report what changed."""
    from crlens.consult.compare import iter_changed
    from crlens.consult.project import add_draft

    if diff_out is not None:
        _check_comparison_path(diff_out)
    with _project(db, project) as (session, found), err.status("reviewing and comparing..."):
        result = add_draft(session, found, file, _by(by))
    out.print(f"draft version {result.version} ({result.articles} articles) added", highlight=False)
    counts = ", ".join(f"{name} {count}" for name, count in result.comparison.counts().items() if count)
    out.print(f"articles: {counts}", highlight=False)
    for change in iter_changed(result.comparison):
        out.print(f"  {change.kind:9} {change.old or '-':>10} -> {change.new or '-':<10}", highlight=False,
                  markup=False)
    if diff_out is not None:
        _write_comparison(diff_out, result.comparison, result.changes, lang.value)
        out.print(f"wrote {diff_out}", highlight=False)
    for label, items in (("gaps closed", result.gaps_closed), ("gaps opened", result.gaps_opened),
                         ("recommendations taken up in the text", result.recommendations_taken_up),
                         ("recommendations updated", result.recommendations_updated),
                         ("new recommendations", result.recommendations_new)):
        out.print(f"{label}: {len(items)}" + (f" ({', '.join(items)})" if items else ""), highlight=False)
    if result.decisions_reopened:
        out.print(f"decided recommendations whose proposal this version changed: {len(result.decisions_reopened)} "
                  "(their decision no longer stands; now revised, to be answered again)", highlight=False)
        for reopened in result.decisions_reopened:
            out.print(f"  {reopened.key} (was {state_name(reopened.state)}): {reopened.old_target} -> "
                      f"{reopened.new_target}", highlight=False, markup=False)


@project_app.command("report")
@fails_cleanly
def project_report(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Directory for the final deliverables.")],
    db: DbOption = None,
    project: ProjectOption = None,
    lang: DeliverablesLangOption = DeliverablesLang.both,
    formats: FormatsOption = "docx,xlsx,html,md,pdf",
) -> None:
    """Final deliverables from the project: the newest draft's review with the recommendations as revised,
    and an annex "Consultation log"; when that draft is a Word file, also the redline (the draft as stored, with
    the recommendations as revised as tracked changes, leaving out those the ministry rejected)."""
    from rich.markup import escape

    from crlens.consult.log import build_log
    from crlens.consult.project import latest_draft, project_review
    from crlens.report import write_deliverables
    from crlens.report.redline import write_final_redline

    langs, chosen = deliverable_choice(lang, formats)
    output_directory(out_dir)
    with _project(db, project) as (session, found):
        review = project_review(found)
        log = build_log(session, found)
        draft = latest_draft(found)
        draft_version, draft_name, draft_content = draft.version, draft.filename, draft.content
    (out_dir / "review.json").write_text(review.to_json(), encoding="utf-8")
    written = write_deliverables(review, out_dir, langs, chosen, log=log)
    redline = write_final_redline(review, log, draft_name, draft_content, out_dir / "amendments-redline.docx")
    if redline is not None:
        written.append(redline.path)
    out.print(f"wrote review.json and {len(written)} documents to {out_dir} "
              f"({len(review.recommendations)} recommendations)", highlight=False)
    if redline is None:
        # the file name is the ministry's: escaped, so that brackets in it are not read as markup
        err.print(f"[yellow]note:[/] no redline: draft version {draft_version} ({escape(draft_name)}) is not a "
                  "Word file", highlight=False)
    elif redline.skipped:
        err.print(f"[yellow]note:[/] {len(redline.skipped)} amendment(s) could not be placed in the Word draft: "
                  f"{', '.join(redline.skipped)}", highlight=False)
    # The deliverables in the out-of-date language carry the earlier text; the log annex lists it too.
    for key, stale in log.stale:
        _warn_stale(key, stale)


# --- consultation rounds ---------------------------------------------------------------------------------------


@consult_app.command("export")
@fails_cleanly
def consult_export(
    round_number: RoundOption,
    out_file: Annotated[Path, typer.Option("--out", "-o", help="The file for ministry staff: .xlsx or .docx.")],
    db: DbOption = None,
    project: ProjectOption = None,
    lang: FormLangOption = Lang.en,
) -> None:
    """Write the recommendations for a round, with Decision and Comment columns; opens the round when it is
    the next one. The next round is opened only after the previous one is closed ('crlens consult close'):
    closing is never a side effect, so feedback still on its way is not shut out."""
    from crlens.consult.revisions import stale_texts
    from crlens.consult.rounds import SHOWN_FIELDS, export_round, round_recommendations

    with _project(db, project) as (session, found):
        rows = export_round(session, found, round_number, out_file, lang.value)
        stale = [(rec.key, text) for rec in round_recommendations(found) for text in stale_texts(rec)
                 if text.lang == lang.value and text.field in SHOWN_FIELDS]
    out.print(f"round {round_number}: {rows} recommendations written to {out_file}", highlight=False)
    for key, text in stale:
        _warn_stale(key, text, f" (marked so in {out_file.name})")


@consult_app.command("import")
@fails_cleanly
def consult_import(
    file: Annotated[Path, typer.Argument(help="A feedback file exported by 'crlens consult export'.")],
    round_number: RoundOption,
    by: Annotated[str, typer.Option("--by", help="Whose feedback this is (name of the ministry participant).")],
    db: DbOption = None,
    project: ProjectOption = None,
) -> None:
    """Read a participant's feedback into a round: checked first (nothing is written when any row is wrong),
    idempotent, and merged with other participants' files."""
    from crlens.consult.rounds import import_feedback

    with _project(db, project) as (session, found):
        result = import_feedback(session, found, round_number, file, by)
    if result.already_imported:
        out.print(f"{file}: already imported for {by} in round {round_number}; nothing changed", highlight=False)
        if result.superseded:
            later = ", ".join(f"{s.id} (now {s.decision or 'no decision'}, "
                              f"{f'from {s.filename}' if s.filename else 'given in the web workspace'})"
                              for s in result.superseded)
            out.print(f"a later answer supersedes {len(result.superseded)} of its answers: {later}; the database "
                      "holds the later one", highlight=False, markup=False)
        return
    out.print(f"round {round_number}, {by}: {result.added} new answer(s), {result.changed} changed, "
              f"{result.unchanged} unchanged, {result.blank} blank row(s)", highlight=False)
    if result.kept_decisions:
        kept = ", ".join(f"{key} ({decision})" for key, decision in result.kept_decisions)
        out.print(f"{len(result.kept_decisions)} row(s) had a comment but no decision: {by}'s decision given "
                  f"before is kept with the new comment: {kept}", highlight=False, markup=False)
    if result.on_earlier_text:
        out.print(f"{len(result.on_earlier_text)} answer(s) were given on a text that has changed since; they are "
                  f"recorded but do not decide the state (export round {round_number} again for a form with "
                  "the current texts):", highlight=False)
        for note in result.on_earlier_text:
            out.print(f"  {note.key}: answered on version {note.answered}; version {note.changed_in} changed what "
                      f"it proposes ({note.reason.in_lang('en')}); still {state_name(note.state)}",
                      highlight=False, markup=False)


@consult_app.command("close")
@fails_cleanly
def consult_close(round_number: RoundOption, db: DbOption = None, project: ProjectOption = None) -> None:
    """Close a round: no more feedback is read into it, and the next round can be exported. Says how many of
    the round's recommendations had no feedback."""
    from crlens.consult.rounds import close_round, round_summary

    with _project(db, project) as (session, found):
        summary = round_summary(session, found, close_round(found, round_number))
    out.print(f"round {round_number} closed: feedback on {summary.answered} of {summary.sent} recommendations; "
              f"{summary.unanswered} had none", highlight=False)


@consult_app.command("report")
@fails_cleanly
def consult_report(
    out_file: Annotated[Path, typer.Option("--out", "-o", help="The report: .md or .docx.")],
    round_number: Annotated[int | None, typer.Option("--round", "-r", min=1, show_default=False,
                                                     help="One round (default: all rounds).")] = None,
    db: DbOption = None,
    project: ProjectOption = None,
    lang: ReportLangOption = Lang.en,
) -> None:
    """What the ministry said in a round, what was changed and why: the record to attach to the final
    report."""
    from crlens.consult.log import build_log
    from crlens.consult.project import find_round
    from crlens.report import consultation

    if out_file.suffix.lower() not in (".md", ".docx"):
        raise UserError(str(out_file), "choose a .md or .docx file for the consultation report")
    with _project(db, project) as (session, found):
        if round_number is not None:
            find_round(found, round_number)
        log = build_log(session, found, [round_number] if round_number else None)
    writer = consultation.write_markdown if out_file.suffix.lower() == ".md" else consultation.write_docx
    writer(log, out_file, lang.value)
    out.print(f"wrote {out_file}", highlight=False)


# --- recommendations ------------------------------------------------------------------------------------------


@rec_app.command("list")
@fails_cleanly
def rec_list(db: DbOption = None, project: ProjectOption = None,
             state: Annotated[State | None, typer.Option("--state", show_default=False,
                                                         help="Only the recommendations in this state.")] = None,
             ) -> None:
    """The project's recommendations with their state, version and target."""
    with _project(db, project) as (_session, found):
        for rec in found.recommendations:
            if state and rec.state != state:
                continue
            data = rec.latest.data
            # Plain tab-separated lines (no wrapping), so the list can be read by scripts and spreadsheets.
            typer.echo(f"{rec.key}\t{rec.state}\tv{rec.latest.version}\t{data['amendment']['target']}\t"  # type: ignore[index]
                       f"{', '.join(data['areas'])}")


REC_SHOW_WORDS = {
    "en": {"version": "v{n}", "out_of_date": "out of date", "round": "round {n} ({status}): {answers}",
           "open": "open", "answers": "{n} answer(s)", "no_answers": "no answers",
           "no_rounds": "answers: no consultation round yet"},
    "ru": {"version": "версия {n}", "out_of_date": "не обновлено", "round": "раунд {n} ({status}): {answers}",
           "open": "открыт", "answers": "ответов: {n}", "no_answers": "ответов нет",
           "no_rounds": "ответы: раундов консультаций еще не было"},
}
"""The words of ``rec show`` that no document has; the rest (fields, states, decisions, "version", "closed", the
notes on texts out of date and answers on earlier texts) are the consultation log's, in the same language."""


@rec_app.command("show")
@fails_cleanly
def rec_show(rec_id: Annotated[str, typer.Argument(help="Recommendation id, e.g. rec-012.")],
             db: DbOption = None, project: ProjectOption = None, lang: ShownLangOption = Lang.en) -> None:
    """A recommendation with its versions (who changed what, when and why) and the answers given on it, round
    by round, its texts and labels in the language of --lang."""
    from crlens.consult.log import changes_of
    from crlens.consult.project import current_data, find_recommendation
    from crlens.consult.reasons import reason_of
    from crlens.consult.revisions import get_text, stale_texts
    from crlens.report.consultation import FIELD_NAMES, WORDS, diff_markdown, stale_words

    words, fields = REC_SHOW_WORDS[lang.value], FIELD_NAMES[lang.value]
    with _project(db, project) as (session, found):
        rec = find_recommendation(found, rec_id)
        data = current_data(rec)
        out.print(f"{rec.key} ({state_name(rec.state, lang.value)}, {WORDS[lang.value]['version']} "
                  f"{rec.latest.version})", highlight=False)
        for field in ("issue", "solution", "proposed"):
            out.print(f"{fields[field]}: {get_text(data, field, lang.value)}", highlight=False, markup=False)
        first = rec.versions[0]
        out.print(f"{words['version'].format(n=1)} {first.created_at:%Y-%m-%d %H:%M} {first.author}: "
                  f"{reason_of(first).in_lang(lang.value)}", highlight=False, markup=False)
        for change in changes_of(list(rec.versions)):
            out.print(f"{words['version'].format(n=change.version)} {change.at:%Y-%m-%d %H:%M} {change.author}: "
                      f"{change.reason.in_lang(lang.value)}", highlight=False, markup=False)
            for fc in change.fields:
                out.print(f"    {fields[fc.field]} ({fc.lang}): {diff_markdown(fc.old, fc.new)}", highlight=False,
                          markup=False)
        for stale in stale_texts(rec):
            out.print(f"{words['out_of_date']}: {stale_words(stale, lang.value)}", highlight=False, markup=False)
        _print_answers(session, found, rec, lang.value)


def _print_answers(session: Session, project: Project, rec: Recommendation, lang: str) -> None:
    """Each person's current answer on the recommendation in each round of the project, as the web page and the
    consultation log show them: an answer given on a text that has changed since is marked as no longer
    deciding the state."""
    from crlens.consult.state import earlier_text, proposals, round_answers
    from crlens.report.consultation import WORDS, decision_name, earlier_words

    words = REC_SHOW_WORDS[lang]
    if not project.rounds:
        out.print(words["no_rounds"], highlight=False)
        return
    answered = {consultation.id: answers for consultation, answers in round_answers(session, rec)}
    classes = proposals(rec)
    for consultation in project.rounds:
        answers = sorted(answered.get(consultation.id, {}).values(), key=lambda a: a.person)
        status = words["open"] if consultation.is_open else WORDS[lang]["closed"]
        given = words["answers"].format(n=len(answers)) if answers else words["no_answers"]
        out.print(words["round"].format(n=consultation.number, status=status, answers=given), highlight=False)
        for answer in answers:
            said = decision_name(answer.decision, lang)
            said += f": {answer.comment}" if answer.comment else ""
            out.print(f"  {answer.person} ({answer.created_at:%Y-%m-%d %H:%M}, {WORDS[lang]['version']} "
                      f"{answer.recommendation_version}): {said}", highlight=False, markup=False)
            earlier = earlier_text(rec, answer.recommendation_version, classes)
            if earlier is not None:
                out.print(f"    {earlier_words(earlier, lang)}", highlight=False, markup=False)


@rec_app.command("revise")
@fails_cleanly
def rec_revise(
    rec_id: Annotated[str | None, typer.Argument(help="Recommendation id, e.g. rec-012.", show_default=False)]
    = None,
    text_file: Annotated[Path | None, typer.Option("--text-file", help="File with the new text (UTF-8).",
                                                   show_default=False)] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why it changes (kept in the history).",
                                               show_default=False)] = None,
    field: Annotated[str, typer.Option("--field", help="issue, solution, proposed, justification or gender.")]
    = "proposed",
    lang: TextLangOption = Lang.en,
    batch: Annotated[Path | None, typer.Option("--batch", help="Many revisions from a .yaml or .xlsx file "
                                                              "(id, field, lang, text, reason).",
                                               show_default=False)] = None,
    db: DbOption = None,
    project: ProjectOption = None,
    by: ByOption = None,
) -> None:
    """Revise a recommendation (a new version with author and reason), or many at once with --batch."""
    from pydantic import ValidationError

    from crlens.consult.project import find_recommendation
    from crlens.consult.revisions import Revision, read_batch, read_text_file, revise, revise_batch, stale_texts

    if batch is not None:
        if rec_id or text_file:
            raise UserError("--batch", "give either --batch or an id with --text-file, not both")
        with _project(db, project) as (_session, found):
            results = revise_batch(found, read_batch(batch, found), _by(by))
            # after the whole batch: a batch that revises both languages leaves nothing to warn about
            stale = [(key, text) for key in dict.fromkeys(r.id for r in results)
                     for text in stale_texts(find_recommendation(found, key))]
    else:
        if not rec_id or text_file is None or not reason:
            raise UserError("rec revise", "give the recommendation id, --text-file and --reason (or --batch)")
        text = read_text_file(text_file)
        reason = checked(reason, "--reason")
        try:
            revision = Revision(id=rec_id, field=field, lang=lang.value, text=text, reason=reason)  # type: ignore[arg-type]
        except ValidationError as exc:
            raise UserError(rec_id, "; ".join(e["msg"] for e in exc.errors())) from None
        with _project(db, project) as (_session, found):
            results = [revise(found, revision, _by(by))]
            stale = [(results[0].id, text) for text in stale_texts(find_recommendation(found, rec_id))]
    for result in results:
        what = f"version {result.version}" if result.changed else f"unchanged (version {result.version})"
        out.print(f"{result.id}: {what}", highlight=False)
    for key, text in stale:
        _warn_stale(key, text)


@rec_app.command("confirm")
@fails_cleanly
def rec_confirm(
    rec_id: Annotated[str, typer.Argument(help="Recommendation id, e.g. rec-012.")],
    lang: Annotated[Lang, typer.Option("--lang", help="The language of the text that still matches.")],
    field: Annotated[str, typer.Option("--field", help="issue, solution, proposed, justification or gender.")]
    = "proposed",
    reason: Annotated[str, typer.Option("--reason", help="A note for the history, e.g. 'only a typo was "
                                                        "fixed in English'.")] = "",
    db: DbOption = None,
    project: ProjectOption = None,
    by: ByOption = None,
) -> None:
    """Say that a text out of date in one language still matches the other language's revised text: it is in
    line again, and the history records who confirmed it and when (a new version with the same text)."""
    from crlens.consult.revisions import confirm

    with _project(db, project) as (_session, found):
        result = confirm(found, rec_id, field, lang.value, _by(by), reason)
    out.print(f"{result.id}: version {result.version} (confirmed, no text changed)", highlight=False)


@rec_app.command("withdraw")
@fails_cleanly
def rec_withdraw(
    rec_id: Annotated[str, typer.Argument(help="Recommendation id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is withdrawn (kept in the history).")],
    db: DbOption = None,
    project: ProjectOption = None,
    by: ByOption = None,
) -> None:
    """Withdraw a recommendation: kept with its history, left out of the final deliverables."""
    from crlens.consult.revisions import withdraw

    with _project(db, project) as (_session, found):
        rec = withdraw(found, rec_id, reason, _by(by))
        key = rec.key
    out.print(f"{key}: withdrawn", highlight=False)


# --- comparison without a project -----------------------------------------------------------------------------


@fails_cleanly
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier version of the draft.")],
    new: Annotated[Path, typer.Argument(help="The later version of the draft.")],
    out_file: Annotated[Path | None, typer.Option(
        "--out", "-o", show_default=False, help="Write the comparison to .md, .docx or .json (default: a summary "
                                                "on the terminal).")] = None,
    lang: ComparisonLangOption = Lang.en,
    no_review: Annotated[bool, typer.Option("--no-review", help="Compare the texts only, without reviewing "
                                                                "both versions.")] = False,
) -> None:
    """Compare two versions of a draft: articles added, removed, moved and changed (renumbered ones are
    matched), a word-level diff, and which gaps the new version closed or opened and which recommendations it
    took up."""
    from crlens.consult.compare import compare_documents, compare_reviews, iter_changed
    from crlens.consult.project import review_draft
    from crlens.ingest import parse_file

    if out_file is not None:
        _check_comparison_path(out_file)
    old_document, new_document = parse_file(old), parse_file(new)
    comparison = compare_documents(old_document, new_document)
    changes = None
    if not no_review:
        with err.status("reviewing both versions..."):
            changes = compare_reviews(review_draft(old_document), review_draft(new_document), comparison)
    if out_file is not None:
        _write_comparison(out_file, comparison, changes, lang.value)
    counts = ", ".join(f"{name} {count}" for name, count in comparison.counts().items() if count)
    out.print(f"{old.name} -> {new.name}: {counts}", highlight=False)
    if out_file is None:
        for change in iter_changed(comparison):
            out.print(f"  {change.kind:9} {change.old or '-':>10} -> {change.new or '-':<10} "
                      f"{change.new_label or change.old_label}", highlight=False, markup=False)
    if changes is not None:
        out.print(f"gaps closed: {', '.join(c.criterion for c in changes.closed) or 'none'}; "
                  f"gaps opened: {', '.join(c.criterion for c in changes.opened) or 'none'}; "
                  f"recommendations taken up: {', '.join(t.recommendation for t in changes.taken_up) or 'none'}",
                  highlight=False)
    if out_file is not None:
        out.print(f"wrote {out_file}", highlight=False)


def _check_comparison_path(path: Path) -> None:
    """Refuse, before any work, a comparison file of a type we do not write."""
    if path.suffix.lower() not in (".md", ".docx", ".json"):
        raise UserError(str(path), "choose a .md, .docx or .json file for the comparison")


def _write_comparison(path: Path, comparison, changes, lang: str) -> None:  # type: ignore[no-untyped-def]
    from crlens.report import comparison as writers

    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".md":
        writers.write_markdown(path, comparison, changes, lang)
    elif suffix == ".docx":
        writers.write_docx(path, comparison, changes, lang)
    else:
        writers.write_json(path, comparison, changes)
