"""The error every reader raises for input it cannot use."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Input that crlens cannot read. The message names the file and the problem; the CLI exits with 2."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
