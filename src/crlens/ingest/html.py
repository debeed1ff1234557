"""HTML reader for saved legal-portal pages (adilet.zan.kz, legalacts.egov.kz and the like).

``BeautifulSoup`` over the ``lxml`` parser copes with the malformed markup portals produce and lets us remove
whole subtrees (scripts, styles, navigation, menus, forms, headers and footers) before taking the text. The
law's text is then taken from the most specific main-content container we recognise, or else from the element
that holds the most paragraph text, so menus and sidebars that survive tag-based removal are left out too.
"""

from __future__ import annotations

import re
from pathlib import Path

from crlens.ingest.errors import InputError
from crlens.ingest.text import decode_text

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe",
              "svg", "template", "select", "menu")
_DROP_HINTS = re.compile(r"(^|[-_ ])(menu|nav|navbar|breadcrumb|sidebar|footer|header|cookie|banner|share|"
                         r"social|search|toolbar|modal|popup)([-_ ]|$)", re.IGNORECASE)
_MAIN_SELECTORS = ("article", "main", "[role=main]", "#text", ".text", "#document", ".document", "#content",
                   ".content", ".container_gamma")
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
           "blockquote", "pre", "dd", "dt"}


def read_html(path: Path) -> str:
    """Extract the main text of a saved HTML page, one block per line."""
    from bs4 import BeautifulSoup

    raw = path.read_bytes()
    text = decode_text(raw, path) if not _declares_charset(raw) else None
    try:
        soup = BeautifulSoup(text if text is not None else raw, "lxml")
    except Exception as exc:  # lxml raises parser-specific errors for garbage input
        raise InputError(path, f"the HTML page cannot be parsed ({type(exc).__name__})") from exc
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        hints = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if hints and _DROP_HINTS.search(hints) and tag.name not in {"body", "html"}:
            tag.decompose()
    root = _main_content(soup)
    return _block_text(root)


def _declares_charset(raw: bytes) -> bool:
    head = raw[:2048].lower()
    return b"charset=" in head or raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))


def _main_content(soup):  # type: ignore[no-untyped-def]
    for selector in _MAIN_SELECTORS:
        found = soup.select(selector)
        best = max(found, key=lambda el: len(el.get_text(" ", strip=True)), default=None)
        if best is not None and len(best.get_text(" ", strip=True)) > 200:
            return best
    candidates = soup.find_all(["div", "section", "td", "body"])
    scored = [(sum(len(p.get_text(" ", strip=True)) for p in el.find_all("p", recursive=False)), el)
              for el in candidates]
    scored = [s for s in scored if s[0] > 0]
    if scored:
        return max(scored, key=lambda s: s[0])[1]
    return soup.body or soup


def _block_text(root) -> str:  # type: ignore[no-untyped-def]
    from bs4 import NavigableString

    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = re.sub(r"[ \t\u00a0]+", " ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in {"Comment", "Doctype", "Declaration", "ProcessingInstruction"}:
                    continue
                current.append(str(child).replace("\n", " "))
            elif child.name in _BLOCKS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(root)
    flush()
    return "\n".join(lines) + "\n"
