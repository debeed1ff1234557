"""What every crlens command shares: the consoles and the rule that user errors exit with 2."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from crlens.errors import UserError

P = ParamSpec("P")
R = TypeVar("R")

out = Console()
err = Console(stderr=True, soft_wrap=True)

EXIT_BAD_INPUT = 2


def fails_cleanly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the errors users cause (bad files, broken knowledge data) into a message and exit code 2; a reader
    that stops reading early ends the command quietly."""
    from crlens.knowledge.loader import KnowledgeBaseError

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except UserError as exc:
            err.print(f"[bold red]error:[/] {escape(exc.where)}: {escape(exc.problem)}", highlight=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except KnowledgeBaseError as exc:
            err.print("[bold red]error:[/] the knowledge base is invalid:", highlight=False)
            for problem in exc.problems:
                err.print(f"  {problem}", highlight=False, markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except BrokenPipeError:
            # the reader of our output went away ('crlens rec list | head -1'): no error of the user's; Typer
            # ends quietly, as Unix tools do (exit 1, click's code for it)
            raise
        except OSError as exc:
            # a path the user gave cannot be written or read: "--out review.json" where review.json is a file,
            # a full disk, a read-only folder
            where = escape(str(exc.filename or "crlens"))
            problem = escape(_OS_PROBLEMS.get(type(exc), exc.strerror or str(exc)))
            err.print(f"[bold red]error:[/] {where}: {problem}", highlight=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None

    return wrapper


_OS_PROBLEMS: dict[type[OSError], str] = {
    FileExistsError: "is a file, not a directory",
    NotADirectoryError: "a part of the path is a file, not a directory",
    IsADirectoryError: "is a directory, not a file",
    PermissionError: "permission denied",
}


def output_directory(path: Path) -> Path:
    """``path`` as the directory to write documents to, created if needed; a :class:`UserError` before any work
    is done when it cannot be one."""
    if path.exists() and not path.is_dir():
        raise UserError(str(path), "is a file, not a directory; give --out a directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(str(path), f"cannot create the directory ({_OS_PROBLEMS.get(type(exc), exc.strerror)})"
                        ) from exc
    return path


class Lang(StrEnum):
    """The languages of the deliverables."""

    en = "en"
    ru = "ru"
    both = "both"


LangOption = Annotated[Lang, typer.Option("--lang", help="Language of the deliverables: en, ru or both.")]
FormatsOption = Annotated[str, typer.Option("--formats", help="Comma-separated: docx, xlsx, html, md, pdf.")]


def deliverable_choice(lang: Lang, formats: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The languages and formats asked for with --lang and --formats; an unknown format is a UserError."""
    from crlens.report import FORMATS

    chosen = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise UserError("--formats", f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    return (("en", "ru") if lang is Lang.both else (lang.value,)), chosen
