"""What every crlens command shares: the consoles and the rule that user errors exit with 2."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

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
    """Turn the errors users cause (bad files, broken knowledge data) into a message and exit code 2."""
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

    return wrapper
