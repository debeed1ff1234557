"""The gap table of the terms of reference, in Markdown, HTML, Excel and Word, English or Russian.

Exactly three columns: *Issue/gap affecting children's rights* | *Suggested solution or amendment* |
*Relevant sources / examples from other jurisdictions*; one row per recommendation of ``review.json``, grouped
under area headings in framework order. The Excel sheet adds a hidden column with the recommendation ids so
that a reviewer's edits can be matched back to the review.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, select_autoescape

from crlens.analysis.jurisdiction import is_national, national_citation
from crlens.analysis.labels import cite, run_on
from crlens.analysis.review import Recommendation, Review, Source
from crlens.knowledge.loader import KnowledgeBase, load
from crlens.knowledge.models import AREA_IDS
from crlens.plain_text import safe_text
from crlens.report.amendments import supplement_place
from crlens.report.office import add_table, draft_title, landscape_document, write_sheet
from crlens.report.rejections import consultation_status

if TYPE_CHECKING:
    from crlens.consult.log import ConsultationLog
    from crlens.ingest.model import Naming

TEMPLATES = Path(__file__).parent / "templates"

HEADERS = {
    "en": ("Issue/gap affecting children's rights", "Suggested solution or amendment",
           "Relevant sources / examples from other jurisdictions"),
    "ru": ("Проблема/пробел, затрагивающие права детей", "Предлагаемое решение или поправка",
           "Соответствующие источники / примеры из других юрисдикций"),
}
TITLES = {"en": "Gap table", "ru": "Таблица пробелов"}
PROPOSED = {"en": "Proposed text", "ru": "Предлагаемая редакция"}
OUTSIDE = {"en": "Fields the draft does not regulate", "ru": "Сферы, которые проект не регулирует"}


@dataclass(frozen=True)
class SourceCell:
    """A source as a lawyer cites it, with its link."""

    text: str
    url: str
    kind: str
    verified: bool


@dataclass(frozen=True)
class Row:
    id: str
    issue: str
    solution: str
    proposed: str
    sources: list[SourceCell]
    status: str = ""
    """What the consultation made of the recommendation, when the reader must know it before its text: "Rejected
    by the ministry (consultation round 1): Aigerim: “…”". Empty outside a project's final deliverables."""
    place: str = ""
    """Where the proposed text goes, as the amendments table names it without the rows above: "Article 6
    (supplement with paragraphs 12–13)", "New article 29-1 (after Article 29)". Rows are grouped by area, so
    without it a "12. ..." would not say what it is the twelfth paragraph of."""

    def proposed_heading(self, lang: str) -> str:
        """The heading of its proposed text (:func:`proposed_heading`)."""
        return proposed_heading(self.place, lang)


def proposed_heading(place: str, lang: str) -> str:
    """"Proposed text — Article 6 (supplement with paragraphs 12–13)": the heading of a proposed text that says
    where it goes, wherever a gap table is shown (the deliverables, the web workspace)."""
    if not place:
        return PROPOSED[lang]
    place = run_on(place) if lang == "ru" else place
    return f"{PROPOSED[lang]} — {place}"


@dataclass(frozen=True)
class Section:
    area_id: str
    title: str
    rows: list[Row]


def sections(review: Review, lang: str = "en", kb: KnowledgeBase | None = None,
             log: ConsultationLog | None = None) -> list[Section]:
    """The table's rows grouped by area, in framework order, texts in ``lang``; with the consultation ``log`` of
    a project, a recommendation the ministry rejected says so
    (:func:`~crlens.report.rejections.consultation_status`)."""
    kb = kb or load()
    status = consultation_status(log, lang, review.recommendations)
    naming = review.naming
    by_area: dict[str, list[Recommendation]] = {}
    for rec in review.recommendations:
        by_area.setdefault(rec.areas[0], []).append(rec)
    out = []
    for area_id in AREA_IDS:
        recs = by_area.get(area_id)
        if not recs:
            continue
        out.append(Section(area_id, kb.areas[area_id].title.get(lang),
                           [_row(rec, lang, kb, naming, status.get(rec.id, ""), review.document.jurisdiction)
                            for rec in recs]))
    return out


def outside(review: Review, lang: str = "en") -> tuple[str, list[str]]:
    """The heading and the observations, one per area, on the fields the draft leaves to other laws: their
    criteria have no row, and a lawyer should know why a section is missing."""
    notes = [o.text_ru if lang == "ru" else o.text for o in review.observations if o.kind == "not-regulated"]
    return review.document.act.speak(OUTSIDE[lang], lang), notes


def source_text(source: Source, lang: str, kb: KnowledgeBase, jurisdiction: str | None = None) -> str:
    """A source as the third column cites it: an example in legislation names its jurisdiction ("JuSchG § 24a
    (Germany)"), unless its reference already does, since "OSA 2023 s. 11" alone does not say it is British;
    an example of the draft's own ``jurisdiction`` is named as its national law ("Kazakhstan, law in force: Law
    on Online Platforms art. 14(3)"), not as another jurisdiction's; an unverified pinpoint keeps its caveat."""
    ref = source.ref_ru if lang == "ru" else source.ref
    example = kb.examples.get(source.id) if source.kind == "example" else None
    if example is not None and is_national(example, jurisdiction):
        ref = national_citation(kb, example, lang)
    elif example is not None and example.jurisdiction in kb.jurisdictions:
        name = kb.jurisdictions[example.jurisdiction].short_name(lang)
        if name not in ref:
            ref = f"{ref} ({name})"
    return cite(ref, source.verified, lang)


def ordered_sources(sources: list[Source], kb: KnowledgeBase, jurisdiction: str | None = None) -> list[Source]:
    """The sources in the order the column lists them: norms and examples from other jurisdictions as the review
    has them, then, apart, the draft's own country's law."""
    def national(source: Source) -> bool:
        return source.kind == "example" and is_national(kb.examples.get(source.id), jurisdiction)

    return [s for s in sources if not national(s)] + [s for s in sources if national(s)]


def _row(rec: Recommendation, lang: str, kb: KnowledgeBase, naming: Naming, status: str = "",
         jurisdiction: str | None = None) -> Row:
    ru = lang == "ru"
    sources = [SourceCell(source_text(s, lang, kb, jurisdiction), s.url, s.kind, s.verified is not False)
               for s in ordered_sources(rec.sources, kb, jurisdiction)]
    proposed = rec.amendment.proposed_text.ru if ru else rec.amendment.proposed_text.en
    return Row(
        id=rec.id,
        issue=rec.ru.issue if ru else rec.issue,
        solution=rec.ru.solution if ru else rec.solution,
        proposed=proposed,
        sources=sources,
        status=status,
        place=supplement_place(rec, lang, [], naming=naming),
    )


@safe_text
def write_markdown(review: Review, path: Path, lang: str = "en", log: ConsultationLog | None = None) -> Path:
    """The gap table as Markdown (one table per area, three columns)."""
    head = HEADERS[lang]
    lines = [f"# {TITLES[lang]}: {draft_title(review, lang)}", ""]
    for section in sections(review, lang, log=log):
        lines += [f"## {section.title}", "", f"| {head[0]} | {head[1]} | {head[2]} |", "|---|---|---|"]
        for row in section.rows:
            sources = "<br>".join(f"[{_md(s.text)}]({s.url})" for s in row.sources)
            solution = f"{_md(row.solution)}<br><br>**{_md(row.proposed_heading(lang))}:** {_md(row.proposed)}"
            if row.status:
                solution = f"**{_md(row.status)}**<br><br>{solution}"
            lines.append(f"| {_md(row.issue)} | {solution} | {sources} |")
        lines.append("")
    heading, notes = outside(review, lang)
    if notes:
        lines += [f"## {heading}", "", *(f"- {_md(note)}" for note in notes), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _env(template_dir: Path | None) -> Environment:
    paths = [str(template_dir)] if template_dir else []
    return Environment(loader=FileSystemLoader([*paths, str(TEMPLATES)]),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


@safe_text
def write_html(review: Review, path: Path, lang: str = "en", template_dir: Path | None = None,
               log: ConsultationLog | None = None) -> Path:
    """The gap table as a standalone HTML page (template ``gap-table.html.j2``, overridable)."""
    template = _env(template_dir).get_template("gap-table.html.j2")
    heading, notes = outside(review, lang)
    path.write_text(template.render(review=review, sections=sections(review, lang, log=log), headers=HEADERS[lang],
                                    title=TITLES[lang], draft_title=draft_title(review, lang),
                                    proposed=PROPOSED[lang], lang=lang,
                                    outside_heading=heading, outside=notes), encoding="utf-8")
    return path


@safe_text
def write_xlsx(review: Review, path: Path, lang: str = "en", log: ConsultationLog | None = None) -> Path:
    """The gap table as one Excel sheet: filters, frozen header, wrapped text, a hidden id column."""
    lines = (
        [section.title, row.issue, _plain_solution(row, lang),
         "\n".join(f"{s.text} — {s.url}" for s in row.sources), row.id]
        for section in sections(review, lang, log=log) for row in section.rows
    )
    header = ["Area" if lang != "ru" else "Направление", *HEADERS[lang], "id"]
    return write_sheet(path, TITLES[lang], header, lines, (24, 60, 70, 50, 12), freeze="B2", hidden=("E",))


def _plain_solution(row: Row, lang: str) -> str:
    """The solution cell as plain text: the status first, then the solution and the proposed text."""
    status = f"{row.status}\n\n" if row.status else ""
    return f"{status}{row.solution}\n\n{row.proposed_heading(lang)}:\n{row.proposed}"


@safe_text
def write_docx(review: Review, path: Path, lang: str = "en", template_dir: Path | None = None,
               log: ConsultationLog | None = None) -> Path:
    """The gap table in Word: landscape A4, a real table style, header row repeated on every page."""
    from docx.shared import Cm

    document = landscape_document(margin_cm=1.8, font_pt=9, template_dir=template_dir)
    document.add_heading(f"{TITLES[lang]}: {draft_title(review, lang)}", level=1)
    widths = (Cm(8.5), Cm(10.5), Cm(7.1))
    for area in sections(review, lang, log=log):
        document.add_heading(area.title, level=2)
        table = add_table(document, HEADERS[lang], widths)
        for row in area.rows:
            cells = table.add_row().cells
            cells[0].text = row.issue
            if row.status:  # a new row's cell holds one empty paragraph: the status goes there, in bold
                cells[1].paragraphs[0].add_run(row.status).bold = True
                cells[1].add_paragraph(row.solution)
            else:
                cells[1].text = row.solution
            para = cells[1].add_paragraph()
            para.add_run(f"{row.proposed_heading(lang)}: ").bold = True
            para.add_run(row.proposed)
            cells[2].text = ""
            for i, source in enumerate(row.sources):
                para = cells[2].paragraphs[0] if i == 0 else cells[2].add_paragraph()
                _hyperlink(para, source.text, source.url)
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width
    heading, notes = outside(review, lang)
    if notes:
        document.add_heading(heading, level=2)
        for note in notes:
            document.add_paragraph(note, style="List Bullet")
    document.save(str(path))
    return path


def _hyperlink(paragraph, text: str, url: str) -> None:  # type: ignore[no-untyped-def]
    """A real Word hyperlink (python-docx has no API for one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:color")
    style.set(qn("w:val"), "1F4E79")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(style)
    props.append(underline)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)

