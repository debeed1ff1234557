"""The workspace in a real browser: Debian's Chromium driven by Playwright against a real server (uvicorn on a
free port, a temporary SQLite database), doing what a reviewer and a ministry participant do in a consultation.

Screenshots go to a temporary folder, or to ``$CRLENS_SCREENSHOTS`` (``CRLENS_SCREENSHOTS=docs/screenshots``
refreshes the ones in the README).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from webclient import PASSWORD, workspace

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "draft-digital-code.ru.txt"
# Chromium must not reach for Google's services: this machine has no network, and tests must be offline.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"]

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium; scripts/test does it as root)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The workspace served by uvicorn on 127.0.0.1 with an empty database and one account per role."""
    import uvicorn

    app = workspace(f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'crlens.db'}")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the workspace server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        profile = tmp_path_factory.mktemp("chromium-profile")
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, accept_downloads=True,
            viewport={"width": 1280, "height": 900}, locale="en-GB")
        yield context
        context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("CRLENS_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    if not folder.is_absolute():
        folder = ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sign_in(page, base: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/")
    page.wait_for_url(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def _sign_out(page) -> None:  # type: ignore[no-untyped-def]
    page.click("form.signout button")
    page.wait_for_url("**/login")


def test_a_consultation_from_upload_to_the_policy_brief(server: str, browser, shots: Path,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    expect = sync_api.expect
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # The reviewer signs in and starts a project by uploading the sample draft.
    page.goto(f"{server}/")
    page.wait_for_url(f"{server}/login")
    page.screenshot(path=str(shots / "01-sign-in.png"))
    _sign_in(page, server, "rita")
    page.fill("input[name=name]", "Digital Code (sample)")
    page.set_input_files("input[name=file]", str(SAMPLE))
    page.click("text=Upload and review")
    page.wait_for_url(f"{server}/projects/1")
    expect(page.locator("#flash")).to_contain_text("Reviewed: Digital Code (sample)")
    expect(page.locator("table.list")).to_contain_text(SAMPLE.name)
    page.screenshot(path=str(shots / "02-project.png"), full_page=True)

    # The gap table, filtered by area with HTMX (the rows change without a page load).
    page.click("nav.project-nav >> text=Gap table")
    expect(page.locator("table.gaps").first).to_be_visible()
    total = page.locator("table.gaps tbody tr").count()
    assert total > 10
    page.screenshot(path=str(shots / "03-gap-table.png"))
    page.select_option("select[name=area]", "data-privacy")
    expect(page.locator("h2.area-heading")).to_have_count(1)
    assert 0 < page.locator("table.gaps tbody tr").count() < total
    assert "area=data-privacy" in page.url

    # The draft viewer with evidence highlights.
    page.click("nav.project-nav >> text=Draft")
    page.locator("mark").nth(3).scroll_into_view_if_needed()
    expect(page.locator("mark").nth(3)).to_be_visible()
    page.screenshot(path=str(shots / "04-draft-viewer.png"))

    # The reviewer opens round 1 and signs out.
    page.click("nav.project-nav >> text=Consultation rounds")
    page.click("#open-round")
    expect(page.locator("#round-1")).to_contain_text("open")
    _sign_out(page)

    # The ministry participant decides and comments on a recommendation.
    _sign_in(page, server, "marat")
    page.goto(f"{server}/projects/1/gaps")
    page.click("a[href='/projects/1/recommendations/rec-001']")
    page.wait_for_url(f"{server}/projects/1/recommendations/rec-001")
    expect(page.locator("#revise")).to_have_count(0)  # no revise form for ministry staff
    page.select_option("form.decide select[name=decision]", "accept with changes")
    page.fill("form.decide textarea[name=comment]", "Please name the authority responsible.")
    page.click("form.decide button")
    expect(page.locator("#decisions td.comment")).to_have_text("Please name the authority responsible.")
    expect(page.locator("#rec-state")).to_have_text("accepted with changes")
    page.fill("#thread textarea[name=body]", "We can discuss this at the meeting on Friday.")
    page.click("#thread button")
    expect(page.locator("#thread .thread-comment")).to_contain_text("the meeting on Friday.")
    page.screenshot(path=str(shots / "05-ministry-decision.png"), full_page=True)
    _sign_out(page)

    # Back as the reviewer: the decision is there; revise the proposed text in answer.
    _sign_in(page, server, "rita")
    page.goto(f"{server}/projects/1/recommendations/rec-001")
    expect(page.locator("#rec-state")).to_have_text("accepted with changes")
    current = page.input_value("#revise textarea[name=text]")
    page.fill("#revise textarea[name=text]", current + " The authorised body for children's rights oversees it.")
    page.fill("#revise input[name=reason]", "Ministry asked to name the authority (round 1)")
    page.click("#revise button[type=submit]")
    expect(page.locator("#flash")).to_contain_text("Saved. Version 2.")
    expect(page.locator("#versions ins").first).to_contain_text("authorised body")
    expect(page.locator("#proposed-text")).to_contain_text("for children's rights oversees it.")
    page.screenshot(path=str(shots / "06-revised.png"), full_page=True)

    # The policy brief, made on request.
    page.click("nav.project-nav >> text=Downloads")
    page.screenshot(path=str(shots / "07-downloads.png"))
    with page.expect_download(timeout=60_000) as download:
        page.click("a[href='/projects/1/downloads/policy-brief.pdf']")
    saved = tmp_path / "brief.pdf"
    download.value.save_as(str(saved))
    assert saved.read_bytes().startswith(b"%PDF")

    # The same project in Russian.
    page.goto(f"{server}/projects/1/gaps?lang=ru")
    expect(page.locator("h1")).to_have_text("Таблица пробелов")
    page.screenshot(path=str(shots / "08-gap-table-ru.png"))
    assert errors == []
