"""Akoma Ntoso 3.0 export of a parsed draft, so it opens in legislative XML tools.

eIds follow the AKN naming convention, derived from our provision ids: ``ch:3`` -> ``chp_3``,
``art:12`` -> ``art_12``, ``art:12.3`` -> ``art_12__para_3``, ``art:12.3.2`` -> ``art_12__para_3__subpara_2``.
A duplicate suffix ``~2`` becomes ``-dup2``, since ``~`` is not allowed in an eId.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from crlens.ingest.model import Document, Provision

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_E = f"{{{AKN_NS}}}"
_ELEMENT = {"book": "book", "part": "part", "section": "section", "chapter": "chapter",
            "subchapter": "subchapter", "article": "article", "paragraph": "paragraph",
            "subparagraph": "subparagraph", "point": "point", "annex": "hcontainer"}
_EID_PREFIX = {"book": "book", "part": "part", "section": "sec", "chapter": "chp", "subchapter": "subchp",
               "article": "art", "paragraph": "para", "subparagraph": "subpara", "point": "point",
               "annex": "annex"}
_LANG3 = {"ru": "rus", "kk": "kaz", "en": "eng"}
_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-]")


def eid_of(provision: Provision) -> str:
    """The AKN eId of a provision."""
    number = _UNSAFE.sub("-", (provision.number or "").replace("~", "-dup"))
    own = f"{_EID_PREFIX.get(provision.kind, provision.kind)}_{number}"
    dup = provision.id.rsplit("~", 1)[1] if "~" in provision.id.split(".")[-1] else ""
    if dup:
        own += f"-dup{dup}"
    if provision.kind in {"paragraph", "subparagraph", "point"} and provision.parent is not None:
        return f"{eid_of(provision.parent)}__{own}"
    return own


def to_akn(document: Document, country: str = "kz", today: dt.date | None = None) -> bytes:
    """Serialise a parsed draft as an Akoma Ntoso 3.0 ``act`` (UTF-8 XML bytes)."""
    date = (today or dt.date(2000, 1, 1)).isoformat()
    lang = _LANG3.get(document.language, "eng")
    work = f"/akn/{country}/act/draft/{date}/{document.sha256[:12]}"
    root = etree.Element(_E + "akomaNtoso", nsmap={None: AKN_NS})
    act = etree.SubElement(root, _E + "act", name="draft")
    meta = etree.SubElement(act, _E + "meta")
    ident = etree.SubElement(meta, _E + "identification", source="#crlens")
    for level, uri in (("FRBRWork", work), ("FRBRExpression", f"{work}/{lang}@"),
                       ("FRBRManifestation", f"{work}/{lang}@/main.xml")):
        node = etree.SubElement(ident, _E + level)
        etree.SubElement(node, _E + "FRBRthis", value=f"{uri}/!main" if level == "FRBRWork" else uri)
        etree.SubElement(node, _E + "FRBRuri", value=uri)
        etree.SubElement(node, _E + "FRBRdate", date=date, name="crlens-parse")
        etree.SubElement(node, _E + "FRBRauthor", href="#crlens")
        if level == "FRBRWork":
            etree.SubElement(node, _E + "FRBRcountry", value=country)
        if level == "FRBRExpression":
            etree.SubElement(node, _E + "FRBRlanguage", language=lang)
    refs = etree.SubElement(meta, _E + "references", source="#crlens")
    etree.SubElement(refs, _E + "TLCOrganization", eId="crlens", href="/ontology/organization/crlens",
                     showAs="crlens")

    roots = document.roots
    preamble = [p for p in roots if p.kind == "preamble"]
    if document.title or preamble:
        preface = etree.SubElement(act, _E + "preface")
        para = etree.SubElement(preface, _E + "p")
        title = etree.SubElement(para, _E + "docTitle")
        title.text = document.title or document.source
    if preamble and preamble[0].text:
        pre = etree.SubElement(act, _E + "preamble")
        for line in preamble[0].text.splitlines():
            etree.SubElement(pre, _E + "p").text = line
    body = etree.SubElement(act, _E + "body")
    written = 0
    for node in roots:
        if node.kind != "preamble":
            _write(body, node)
            written += 1
    if not written:
        # AKN requires a body with at least one hierarchical element.
        holder = etree.SubElement(body, _E + "hcontainer", name="text", eId="hcontainer_1")
        content = etree.SubElement(holder, _E + "content")
        etree.SubElement(content, _E + "p").text = preamble[0].text[:2000] if preamble else ""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _write(parent: etree._Element, node: Provision) -> None:
    tag = _ELEMENT.get(node.kind, "hcontainer")
    attrs = {"eId": eid_of(node)}
    if tag == "hcontainer":
        attrs["name"] = node.kind
    el = etree.SubElement(parent, _E + tag, attrs)
    if node.number:
        etree.SubElement(el, _E + "num").text = _num_text(node)
    if node.heading:
        etree.SubElement(el, _E + "heading").text = node.heading
    lines = node.text.splitlines() if node.text else []
    if node.children:
        if lines:
            intro = etree.SubElement(el, _E + "intro")
            for line in lines:
                etree.SubElement(intro, _E + "p").text = line
        for child in node.children:
            _write(el, child)
    else:
        content = etree.SubElement(el, _E + "content")
        for line in lines or [""]:
            etree.SubElement(content, _E + "p").text = line


def _num_text(node: Provision) -> str:
    number = node.number or ""
    if node.kind == "paragraph":
        return f"{number}."
    if node.kind in {"subparagraph", "point"}:
        return f"{number})"
    return number
