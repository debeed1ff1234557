"""Commands for the web workspace: ``crlens serve`` and ``crlens user add|list``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from crlens.cli_common import err, fails_cleanly, out
from crlens.errors import UserError

user_app = typer.Typer(help="Accounts of the web workspace: reviewer, ministry or viewer.", no_args_is_help=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="CRLENS_DB", show_default=False,
    help="SQLAlchemy URL of the project database (default ./crlens.db; postgresql://... for PostgreSQL).")]


@fails_cleanly
def serve(
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="Port on 127.0.0.1.")] = 8000,
    db: DbOption = None,
) -> None:
    """Start the web workspace on 127.0.0.1 (only this computer can reach it; put a reverse proxy with HTTPS in
    front to share it). Add accounts first with 'crlens user add'."""
    import uvicorn

    from crlens.web.app import create_app

    _check_port(port)
    app = create_app(db)
    url = f"http://127.0.0.1:{port}/"
    err.print(f"crlens workspace on {url} (database {app.state.store.url}); Ctrl+C stops it", highlight=False)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def _check_port(port: int) -> None:
    """Refuse, before anything starts, a port the server could not listen on (another program's, or one this
    account may not use), as uvicorn would only after the address was printed."""
    import errno
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT does not count
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UserError(f"--port {port}", "the port is in use by another program; choose another one "
                                                  "with --port") from None
            raise UserError(f"--port {port}", f"cannot listen on this port ({exc.strerror})") from None


def _read_password(password_file: Path | None) -> str:
    if password_file is not None:
        if not password_file.is_file():
            raise UserError(str(password_file), "file not found")
        lines = password_file.read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@user_app.command("add")
@fails_cleanly
def user_add(
    username: Annotated[str, typer.Argument(help="The name to sign in with (no spaces).")],
    role: Annotated[str, typer.Option("--role", "-r", help="reviewer, ministry or viewer.")],
    name: Annotated[str | None, typer.Option("--name", show_default=False,
                                             help="Display name, recorded with answers and revisions "
                                                  "(default: the user name).")] = None,
    password_file: Annotated[Path | None, typer.Option(
        "--password-file", show_default=False,
        help="Read the password from the first line of this file instead of asking.")] = None,
    db: DbOption = None,
) -> None:
    """Create an account (the password is stored as an argon2 hash)."""
    from crlens.store.database import Store
    from crlens.web.auth import ROLES, add_user

    if role not in ROLES:
        raise UserError("--role", f"{role!r} is not a role; choose one of {', '.join(ROLES)}")
    password = _read_password(password_file)
    store = Store(db)
    try:
        with store.session() as session:
            user = add_user(session, username, role, password, name)
            shown = f"{user.username} ({user.display_name}, {user.role})"
    finally:
        store.dispose()
    out.print(f"user {shown} added", highlight=False)


@user_app.command("list")
@fails_cleanly
def user_list(db: DbOption = None) -> None:
    """The accounts: user name, display name, role, and whether they can sign in."""
    from sqlalchemy import select

    from crlens.store.database import Store
    from crlens.store.models import User

    store = Store(db)
    try:
        with store.session() as session:
            users = session.scalars(select(User).order_by(User.username)).all()
            for user in users:
                state = "active" if user.active else "disabled"
                out.print(f"{user.username}\t{user.display_name}\t{user.role}\t{state}", highlight=False)
            if not users:
                err.print("no users yet; add one with 'crlens user add NAME --role reviewer'")
    finally:
        store.dispose()
