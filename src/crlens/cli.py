"""The ``crlens`` command line: thin wrappers around ingest, knowledge, analysis and report.

Every command turns bad input into one clear line on stderr naming the file and the problem, and exit code 2.
"""

from __future__ import annotations

import inspect
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.tree import Tree

from crlens import __version__
from crlens.cli_common import (
    EXIT_BAD_INPUT,
    FormatsOption,
    Lang,
    LangOption,
    deliverable_choice,
    err,
    fails_cleanly,
    out,
    output_directory,
)
from crlens.cli_projects import consult_app, diff, project_app, rec_app
from crlens.cli_web import serve, user_app
from crlens.ingest import InputError, parse_file
from crlens.ingest.model import Document, Provision

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

app = typer.Typer(
    name="crlens",
    help="Review draft digital legislation for children's rights: parse the draft, check it against the "
         "review framework, and write the gap table, amendments table and policy brief.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
kb_app = typer.Typer(help="Inspect and validate the knowledge base (framework, norms, examples).",
                     no_args_is_help=True)
app.add_typer(kb_app, name="kb")
app.add_typer(project_app, name="project")
app.add_typer(consult_app, name="consult")
app.add_typer(rec_app, name="rec")
app.command()(diff)
app.add_typer(user_app, name="user")
app.command()(serve)

def _version(value: bool) -> None:
    if value:
        out.print(f"crlens {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """crlens: child-rights review of draft digital legislation."""


def sample_draft(lang: str = "ru") -> Path:
    """The bundled illustrative sample draft (``examples/draft-digital-code.<lang>.txt``)."""
    name = f"draft-digital-code.{lang}.txt"
    packaged = Path(__file__).parent / "_examples" / name
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples" / name


class ParseFormat(StrEnum):
    tree = "tree"
    json = "json"
    akn = "akn"


FileArg = Annotated[Path | None, typer.Argument(
    help="The draft: .docx, .pdf, .html/.htm or .txt/.md (Russian, Kazakh or English). "
         "Default: the bundled sample draft.", show_default=False)]


@app.command()
@fails_cleanly
def parse(
    file: FileArg = None,
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="tree (readable), json (review.json's "
                                             "document and provisions) or akn (Akoma Ntoso 3.0 XML).")]
    = ParseFormat.tree,
    output: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")]
    = None,
) -> None:
    """Read a draft and show its structure: articles, paragraphs and sub-paragraphs with their ids."""
    path = file or sample_draft()
    document = parse_file(path)
    for warning in document.warnings:
        err.print(f"[yellow]warning:[/] {path}: {warning}", highlight=False)
    if fmt is ParseFormat.tree:
        if output:
            with output.open("w", encoding="utf-8") as fh:
                Console(file=fh, width=120).print(_tree(document))
        else:
            out.print(_tree(document))
        return
    if fmt is ParseFormat.json:
        payload = json.dumps(document.to_json(), ensure_ascii=False, indent=2) + "\n"
        _emit(payload.encode("utf-8"), output)
        return
    from crlens.ingest.akn import to_akn

    _emit(to_akn(document), output)


def _emit(data: bytes, output: Path | None) -> None:
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
        err.print(f"wrote {output}")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _tree(document: Document) -> Tree:
    tree = Tree(f"[bold]{document.title}[/] ({document.source}, {document.language}, "
                f"{len(document.articles)} articles, {len(document.provisions)} provisions)")

    def add(branch: Tree, node: Provision) -> None:
        snippet = node.text.replace("\n", " ")
        snippet = snippet[:90] + "…" if len(snippet) > 90 else snippet
        heading = f" [bold]{node.heading}[/]" if node.heading else ""
        sub = branch.add(f"[cyan]{node.id}[/]{heading} [dim]{snippet}[/]", highlight=False)
        for child in node.children:
            add(sub, child)

    for root in document.roots:
        add(tree, root)
    if document.definitions:
        defs = tree.add(f"[bold]Defined terms[/] ({len(document.definitions)})")
        for d in document.definitions:
            defs.add(f"{d.term} [dim]{d.provision}[/]", highlight=False)
    return tree


TemplateDirOption = Annotated[Path | None, typer.Option(
    "--template-dir", help="Directory with templates that override the bundled ones (e.g. gap-table.html.j2).",
    show_default=False)]


@app.command()
@fails_cleanly
def review(
    file: FileArg = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Directory for review.json (created if needed).")]
    = Path("review-out"),
    as_json: Annotated[bool, typer.Option("--json", help="Print review.json to stdout instead of the summary.")]
    = False,
    lang: LangOption = Lang.both,
    formats: FormatsOption = "docx,xlsx,html,md,pdf",
    template_dir: TemplateDirOption = None,
) -> None:
    """Review a draft for children's rights: tag every provision, assess every criterion, find risks and draft
    recommendations; write review.json and the deliverables (gap table) to --out."""
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from crlens.analysis.engine import review_document
    from crlens.knowledge.loader import load

    output_directory(out_dir)
    path = file or sample_draft()
    if file is None:
        err.print(f"[yellow]note:[/] no draft given: reviewing the bundled sample draft {path}, an illustrative "
                  "text written for crlens, not a real law", highlight=False)
    stages = ["reading", "knowledge base", "concepts", "tagging", "criteria", "risks", "recommendations"]
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=err, transient=True,
                  disable=as_json) as progress:
        task = progress.add_task("reading the draft", total=len(stages))
        document = parse_file(path)
        for warning in document.warnings:
            err.print(f"[yellow]warning:[/] {path}: {warning}", highlight=False)
        progress.update(task, advance=1, description="loading the knowledge base")
        kb = load()
        progress.update(task, advance=1)

        def step(name: str) -> None:
            progress.update(task, advance=1, description=f"review: {name}")

        result = review_document(document, kb, step)
    payload = result.to_json()
    (out_dir / "review.json").write_text(payload, encoding="utf-8")
    written = _deliverables(result, out_dir, lang, formats, template_dir)
    if path.suffix.lower() == ".docx":
        from crlens.report.redline import write_redline

        redline = write_redline(result, path, out_dir / "amendments-redline.docx")
        written.append(redline.path)
        if redline.skipped:
            err.print(f"[yellow]note:[/] {len(redline.skipped)} amendment(s) could not be placed in the Word "
                      f"draft: {', '.join(redline.skipped)}", highlight=False)
    if as_json:
        sys.stdout.write(payload)
        return
    _summary(result, out_dir)
    err.print(f"wrote {len(written)} documents to {out_dir}", highlight=False)


def _deliverables(result, out_dir: Path, lang: Lang, formats: str,  # type: ignore[no-untyped-def]
                  template_dir: Path | None) -> list[Path]:
    from crlens.report import write_deliverables

    langs, chosen = deliverable_choice(lang, formats)
    if template_dir is not None and not template_dir.is_dir():
        raise InputError(template_dir, "the template directory does not exist")
    return write_deliverables(result, out_dir, langs, chosen, template_dir)


@app.command()
@fails_cleanly
def report(
    review_json: Annotated[Path, typer.Argument(help="A review.json written by crlens review.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Directory for the documents.")] = Path("."),
    lang: LangOption = Lang.both,
    formats: FormatsOption = "docx,xlsx,html,md,pdf",
    template_dir: TemplateDirOption = None,
) -> None:
    """Rebuild the deliverables from an existing review.json, without analysing the draft again."""
    from pydantic import ValidationError

    from crlens.analysis.review import Review

    if not review_json.is_file():
        raise InputError(review_json, "file not found" if not review_json.exists() else "is not a file")
    if review_json.stat().st_size == 0:
        raise InputError(review_json, "the file is empty")
    output_directory(out_dir)
    try:
        result = Review.read(review_json)
    except UnicodeDecodeError:
        raise InputError(review_json, "is not UTF-8 text, as a review.json is") from None
    except ValidationError as exc:
        raise InputError(review_json, _review_json_problem(exc)) from None
    written = _deliverables(result, out_dir, lang, formats, template_dir)
    for path in written:
        out.print(f"wrote {path}", highlight=False)


def _review_json_problem(exc: ValidationError) -> str:
    """What is wrong with a review.json, in words: not JSON (and where), or the fields missing or wrong."""
    problems = exc.errors()
    first = problems[0]
    if first["type"] == "json_invalid":
        return f"is not JSON ({first.get('ctx', {}).get('error', first['msg'])})"
    shown = "; ".join(_field_problem(p) for p in problems[:3])
    more = f"; and {len(problems) - 3} more problem(s)" if len(problems) > 3 else ""
    return f"is not a valid review.json: {shown}{more}"


def _field_problem(problem: ErrorDetails) -> str:
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in problem["loc"]).lstrip(".")
    if not where:
        return "it holds no JSON object" if problem["type"] in ("model_type", "dict_type") else problem["msg"]
    if problem["type"] == "missing":
        return f"field {where!r} is missing"
    return f"field {where!r}: {problem['msg']}"


def _summary(result, out_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table(title=f"{result.document.title} — {result.coverage.statement}")
    table.add_column("area")
    table.add_column("status")
    table.add_column("criteria (addressed/partial/gap/n.a.)", justify="right")
    colours = {"addressed": "green", "partial": "yellow", "gap": "red", "not-applicable": "dim"}
    for area in result.areas:
        c = area.criteria
        table.add_row(area.id, f"[{colours[area.status]}]{area.status}[/]",
                      f"{c['addressed']}/{c['partial']}/{c['gap']}/{c['not-applicable']}")
    out.print(table)
    counted = ", ".join(_count(len(items), noun) for items, noun in (
        (result.recommendations, "recommendation"), (result.risks, "risk"),
        (result.positive_findings, "positive finding")))
    out.print(f"{counted}; wrote {out_dir / 'review.json'}", highlight=False)


def _count(n: int, noun: str) -> str:
    """A count with its noun: "1 risk", "5 risks"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# --- knowledge base ------------------------------------------------------------------------------------------


DataDirOption = Annotated[Path | None, typer.Option(
    "--data-dir", help="Validate this knowledge-base directory instead of the bundled one.", show_default=False)]


@kb_app.command("check")
@fails_cleanly
def kb_check(data_dir: DataDirOption = None) -> None:
    """Validate the knowledge base: unique ids, every reference resolves, every area has criteria, en and ru
    filled, model-clause placeholders known. Exit 2 with the problems listed when it fails."""
    from crlens.knowledge.loader import load

    kb = load(data_dir)
    out.print(f"[green]ok[/]: {len(kb.areas)} areas, {len(kb.criteria)} criteria, {len(kb.concepts)} concepts, "
              f"{len(kb.norms)} norms, {len(kb.examples)} examples, {len(kb.terminology)} term equivalences, "
              f"{len(kb.term_definitions)} defined terms, {len(kb.ages)} ages",
              soft_wrap=True)


@kb_app.command("stats")
@fails_cleanly
def kb_stats() -> None:
    """Counts: areas, criteria, norms (and the share verified), examples and jurisdictions."""
    from rich.table import Table

    from crlens.knowledge.loader import load
    from crlens.knowledge.query import stats

    s = stats(load())
    table = Table(title="Knowledge base", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("areas", f"{s.areas}/{s.areas_expected}")
    table.add_row("criteria", str(s.criteria))
    table.add_row("concepts (lexicon)", str(s.concepts))
    table.add_row("instruments", str(s.instruments))
    table.add_row("norms entries", str(s.norms))
    table.add_row("norms verified", f"{s.norms_verified} ({s.verified_share:.0%})")
    table.add_row("norms cited by the framework", str(s.cited_norms))
    table.add_row("cited norms verified", f"{s.cited_norms_verified} ({s.cited_verified_share:.0%})")
    table.add_row("examples", str(s.examples))
    table.add_row("jurisdictions", str(s.jurisdictions))
    out.print(table)


@kb_app.command("show")
@fails_cleanly
def kb_show(
    entry_id: Annotated[str, typer.Argument(help="An area, criterion, norm or example id.")],
    lang: Annotated[str, typer.Option(help="en or ru")] = "en",
) -> None:
    """Show one entry of the knowledge base: an area with its criteria, a criterion, a norm or an example."""
    import yaml

    from crlens.knowledge.loader import load
    from crlens.knowledge.models import Area
    from crlens.knowledge.query import find

    kb = load()
    entry = find(kb, entry_id)
    if entry is None:
        err.print(f"[bold red]error:[/] no area, criterion, norm or example has the id {entry_id!r}; "
                  f"try: crlens kb search WORDS", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    if isinstance(entry, Area):
        out.print(f"[bold]{entry.title.get(lang)}[/] ({entry.id})", highlight=False)
        for question in entry.questions:
            out.print(f"  ? {question.get(lang)}", highlight=False)
        for crit in kb.criteria_of(entry.id):
            out.print(f"  [cyan]{crit.id}[/] [{crit.priority}] {crit.statement.get(lang)}", highlight=False)
        return
    data = entry.model_dump(mode="json", exclude_none=True)
    out.print(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), highlight=False,
              markup=False)


@kb_app.command("search")
@fails_cleanly
def kb_search(
    text: Annotated[str, typer.Argument(help="Words to look for, in English or Russian.")],
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 25,
) -> None:
    """Find the criteria, norms and examples that match some words."""
    from crlens.knowledge.loader import load
    from crlens.knowledge.query import search

    hits = search(load(), text, limit)
    if not hits:
        out.print("no match")
        return
    for hit in hits:
        out.print(f"[magenta]{hit.kind:9}[/] [cyan]{hit.id}[/]  {hit.title}", highlight=False)


class ExportFormat(StrEnum):
    md = "md"
    xlsx = "xlsx"


@kb_app.command("export")
@fails_cleanly
def kb_export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="md or xlsx")] = ExportFormat.md,
    lang: Annotated[str, typer.Option(help="en or ru")] = "en",
    output: Annotated[Path | None, typer.Option(
        "--out", "-o", show_default=False,
        help="Output file (default: the terminal for md, framework-checklist.LANG.xlsx for xlsx).")] = None,
) -> None:
    """Export the whole framework as a checklist a reviewer can print (Markdown) or fill in (Excel)."""
    from crlens.knowledge.export import checklist_markdown, checklist_xlsx
    from crlens.knowledge.loader import load

    kb = load()
    if fmt is ExportFormat.md:
        _emit(checklist_markdown(kb, lang).encode("utf-8"), output)
        return
    target = output or Path(f"framework-checklist.{lang}.xlsx")
    checklist_xlsx(kb, target, lang)
    err.print(f"wrote {target}")


def _flowing_help(typer_app: typer.Typer) -> None:
    """Each paragraph of every command's help as one line, for the terminal to wrap: Typer's rich help keeps a
    docstring's line breaks in the lists of commands, where they broke a text off mid-line ("opens the round
    when it is" / "the next one")."""
    for info in typer_app.registered_commands:
        if info.help is None and info.callback is not None and info.callback.__doc__:
            paragraphs = inspect.cleandoc(info.callback.__doc__).split("\n\n")
            info.help = "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _flowing_help(group.typer_instance)


_flowing_help(app)


if __name__ == "__main__":  # pragma: no cover
    app()
