"""Errors caused by what the user gave us (a file, a database URL, an id): the CLI prints them and exits with 2."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix. ``where`` names the file, database or item; ``problem`` says what is wrong."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")
