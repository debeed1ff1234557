"""The error every reader raises for input it cannot use."""

from __future__ import annotations

from pathlib import Path

from crlens.errors import UserError


class InputError(UserError):
    """Input that crlens cannot read. The message names the file and the problem; the CLI exits with 2."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        super().__init__(str(self.path), problem)
