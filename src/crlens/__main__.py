"""``python -m crlens``: the same command line as ``crlens``, for a machine where the script is not on PATH."""

from crlens.cli import app

app(prog_name="crlens")
