"""The redline: the ministry's own Word draft with every proposed amendment as a native tracked change.

Each amendment is inserted after the last paragraph of its target article (or, for a new article, after the
article it follows and what the others add to that article) as paragraphs marked ``w:ins`` by author "crlens",
with a Word comment holding the justification, so that the ministry accepts or rejects each change in Word's Review
pane. An amendment with no place in the Word file (its article not found there) is left out, and a note at the end
of the document names it, where it was to go and why, in the document's language. Items added to an article that
is one list go after the item they follow, the draft's last or one an amendment before inserts, whose closing full
stop becomes a semicolon as a tracked deletion and insertion.

We write the ``w:ins`` markup ourselves rather than use the registry's ``docx-redline``: that library diffs two
texts into tracked changes, while we insert whole new paragraphs at known places, which is a few elements of
markup; python-docx (1.2+) already creates the comments. Dates are left out of the revision marks and the
comments (both optional in WordprocessingML) so that the same review gives the same markup.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crlens.analysis.labels import (
    anchor_of,
    article_of,
    item_ending_with_semicolon,
    label,
    label_genitive,
    present_text_numbered,
)
from crlens.analysis.review import Recommendation, Review
from crlens.ingest import parse_text
from crlens.ingest.docx import open_docx, text_blocks
from crlens.plain_text import safe_text
from crlens.report.amendments import closed_up, item_number, where

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

    from crlens.consult.log import ConsultationLog
    from crlens.ingest.model import Naming

AUTHOR = "crlens"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class RedlineResult:
    """The written file and the recommendations whose target could not be found in the Word draft."""

    path: Path
    inserted: list[str]
    skipped: list[str]


LEFT_OUT_HEADING = {"en": "Note by crlens: amendments not in this redline",
                    "ru": "Примечание crlens: поправки, не внесенные в настоящий документ"}
LEFT_OUT_INTRO = {
    # the facts the downloads page and crlens project report give, and that the note is no part of the law
    "en": "{n} amendment(s) could not be placed in the Word draft and are not in this redline; the gap table and "
          "the amendments table have them. This note is not part of the legal text.",
    "ru": "Поправки, которые не удалось разместить в файле Word ({n}), в настоящий документ не внесены; они есть "
          "в таблице пробелов и таблице поправок. Настоящее примечание не является частью текста акта.",
}
NOT_FOUND = {"en": "{name} is not found in the Word draft", "ru": "в файле Word не найден текст {name_of}"}
"""Why an amendment was left out: the article it adds to, or the one a new article follows, is not among those
read in the Word file (its heading is missing or not recognisable)."""
NO_PLACE = {"en": "no place for it was found in the draft", "ru": "место для нее в проекте не определено"}
"""Why a new article was left out when the review found no article for it to follow."""
NO_TEXT = {"en": "it has no proposed text in English", "ru": "предлагаемая редакция на русском языке отсутствует"}


def _anchor(rec: Recommendation) -> str:
    target = rec.amendment.target
    if rec.amendment.action == "new":
        return anchor_of(target)
    return article_of(target)


@safe_text
def write_redline(review: Review, draft_docx: Path, path: Path, lang: str | None = None) -> RedlineResult:
    """Copy the Word draft with every amendment inserted as a tracked change with a comment."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

    lang = lang or ("ru" if review.document.language in {"ru", "kk"} else "en")
    document = open_docx(draft_docx)
    blocks = text_blocks(document)
    text = "\n".join(line for _, line in blocks) + "\n"
    starts = []
    offset = 0
    for _, line in blocks:
        starts.append(offset)
        offset += len(line) + 1
    parsed = parse_text(text)
    last_block: dict[str, int] = {}
    first_body: dict[str, int] = {}
    for provision in parsed.provisions:
        if provision.kind == "article":
            # the last line that begins inside the article's span
            index = max(i for i, start in enumerate(starts) if start < max(provision.end, provision.start + 1))
            last_block[provision.id] = index
            heading = max(i for i, start in enumerate(starts) if start <= provision.start)
            if heading < index:
                first_body[provision.id] = heading + 1

    revisions = itertools.count(1000)

    def tracked(tag: str = "w:ins") -> BaseOxmlElement:
        """A ``w:ins`` (or ``w:del``) mark by crlens with the next revision id."""
        ins = OxmlElement(tag)
        ins.set(qn("w:id"), str(next(revisions)))
        ins.set(qn("w:author"), AUTHOR)
        return ins

    def full_stop_to_semicolon(block: BaseOxmlElement) -> bool:
        """Replace the full stop that ends ``block`` (a list's last item: a paragraph, or a table whose last row
        holds it) by a semicolon, as tracked changes; False when its last visible character is no full stop.
        The text may be split over runs, sit in a hyperlink, or end in spaces or a line break."""
        paragraphs = [p for p in block.iter(f"{_W}p") if p.find(f".//{_W}t") is not None]
        if not paragraphs:
            return False
        texts = [t for t in paragraphs[-1].iter(f"{_W}t")
                 if not any(a.tag == f"{_W}del" for a in t.iterancestors())]
        last = next((t for t in reversed(texts) if (t.text or "").strip()), None)
        if last is None or not last.text.rstrip().endswith(".") or last.getparent().tag != f"{_W}r":
            return False
        run = last.getparent()
        kept = last.text.rstrip()
        after = run[run.index(last) + 1:]
        trailing = last.text[len(kept):]
        if kept[:-1]:
            last.text = kept[:-1]
            last.set(qn("xml:space"), "preserve")
        else:
            run.remove(last)  # the run held the full stop alone

        def like_run(*children: BaseOxmlElement) -> BaseOxmlElement:
            """A run with ``run``'s formatting and the given content."""
            made = OxmlElement("w:r")
            if (rpr := run.find(f"{_W}rPr")) is not None:
                made.append(copy.deepcopy(rpr))
            for child in children:
                made.append(child)
            return made

        def text_of(tag: str, value: str) -> BaseOxmlElement:
            element = OxmlElement(tag)
            element.text = value
            element.set(qn("xml:space"), "preserve")
            return element

        # what followed the full stop in its run (spaces, a line break) keeps its place after the change
        if trailing or after:
            tail = like_run(*([text_of("w:t", trailing)] if trailing else []), *after)
            run.addnext(tail)
        inserted_mark = tracked("w:ins")
        inserted_mark.append(like_run(text_of("w:t", ";")))
        run.addnext(inserted_mark)
        deleted_mark = tracked("w:del")
        deleted_mark.append(like_run(text_of("w:delText", ".")))
        run.addnext(deleted_mark)  # the deletion first, then the insertion, then what followed
        holder = run.getparent()
        if holder.tag == f"{_W}ins":
            # the item is one another amendment inserts (the last item of a list supplement before this one): its
            # full stop is inserted, then deleted (the w:del stays inside that w:ins), while the semicolon is this
            # amendment's own insertion, after that one, not nested in it; what followed the full stop is still
            # the earlier insertion's, in a w:ins of its own after the semicolon
            rest = list(inserted_mark.itersiblings())
            holder.addnext(inserted_mark)
            if rest:
                continued = tracked("w:ins")
                continued.extend(rest)
                inserted_mark.addnext(continued)
        return True

    chapters_opened: set[str] = set()  # a new chapter's heading goes before the first of its articles
    inserted: list[str] = []
    skipped: list[str] = []
    why_left_out: list[tuple[Recommendation, str]] = []
    # where the next insertion at an article (by its last block) goes: its supplements after its own text, before
    # the new articles that follow it, whichever the review gives first
    after_element: dict[int, BaseOxmlElement] = {}
    after_new: dict[int, BaseOxmlElement] = {}
    # the items of each list article (by its last block) that an amendment may follow: the draft's last item, and
    # the items supplements insert, so that a second supplement's items follow the first's
    list_items: dict[int, dict[int, BaseOxmlElement]] = {}
    for rec in review.recommendations:
        anchor = _anchor(rec)
        if anchor not in last_block:
            skipped.append(rec.id)
            why_left_out.append((rec, _not_placed(anchor, lang, review.naming)))
            continue
        index = last_block[anchor]
        element = after_element.get(index, blocks[index][0])
        new_article = rec.amendment.action == "new"
        if new_article:
            element = after_new.get(index, element)
        proposed = rec.amendment.proposed_text.ru if lang == "ru" else rec.amendment.proposed_text.en
        justification = rec.amendment.justification_ru if lang == "ru" else rec.amendment.justification
        lines = [ln for ln in proposed.splitlines() if ln.strip()]
        items = list_items.setdefault(index, {})
        if not items and (last := blocks[index][1].split(")", 1)[0]).isdigit():
            items[int(last)] = blocks[index][0]
        told = ""  # an instruction on the draft's text that is not carried out goes to the comment
        if lines and (number := item_ending_with_semicolon(lines[0])) is not None:
            # the instruction on the item that closed the list (the draft's, or one a supplement before inserts)
            # is carried out on that item, not inserted as law text
            if not (number in items and full_stop_to_semicolon(items[number])):
                told = f"{lines[0]} "
            lines = lines[1:]
        chapter = rec.amendment.chapter if new_article else None
        if chapter is not None and chapter.number not in chapters_opened and lines:
            chapters_opened.add(chapter.number)
            heading = chapter.heading.ru if lang == "ru" else chapter.heading.en
            lines.insert(0, f"{label(f'ch:{chapter.number}', lang)}. {heading}")
        instruction = present_text_numbered(lang, review.document.article_word)
        if instruction in lines and anchor in first_body:
            # the instruction is carried out, not inserted: the article's present text gets its number "1. " (it
            # opens a supplement, or follows the items added to a list article, before paragraphs 2, 3, ...)
            body = blocks[first_body[anchor]][0]
            if body.tag == f"{_W}p":
                number_run = Paragraph(body, document._body).add_run("1. ")
                ins = tracked()
                ppr = body.find(f"{_W}pPr")
                if ppr is not None:
                    ppr.addnext(ins)
                else:
                    body.insert(0, ins)
                ins.append(number_run._r)
                lines = [line for line in lines if line != instruction]
        # a list supplement's items follow the item before them, wherever it is: after the items another
        # supplement adds, not after the paragraphs that one adds after its items
        numbers: list[int] = []  # of the items the supplement opens with
        if rec.amendment.action == "supplement":
            numbers = list(itertools.takewhile(lambda n: n is not None, map(item_number, lines)))
        item_after = items.get(numbers[0] - 1) if numbers else None
        first_run = None
        for position, line in enumerate(lines):
            in_list = position < len(numbers) and item_after is not None
            before = item_after if in_list else element
            paragraph_el = OxmlElement("w:p")
            source_ppr = before.find(f"{_W}pPr") if before.tag == f"{_W}p" else None
            ppr = copy.deepcopy(source_ppr) if source_ppr is not None else OxmlElement("w:pPr")
            # keep the paragraph's style, not its numbering, section break or own revision marks
            for name in ("numPr", "sectPr", "pPrChange"):
                for old in ppr.findall(f"{_W}{name}"):
                    ppr.remove(old)
            rpr = ppr.find(f"{_W}rPr")
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                ppr.append(rpr)  # rPr is the last child of pPr once sectPr and pPrChange are gone
            # the mark's revision is this paragraph's own, not that of the one copied (which may be inserted too)
            for name in ("ins", "del", "moveFrom", "moveTo"):
                for old in rpr.findall(f"{_W}{name}"):
                    rpr.remove(old)
            rpr.insert(0, tracked())  # the paragraph mark itself is inserted; ins comes first in rPr
            paragraph_el.append(ppr)
            before.addnext(paragraph_el)
            if in_list:
                if element is item_after:  # the list ended the article: what follows goes after its new items
                    element = paragraph_el
                item_after = paragraph_el
            else:
                element = paragraph_el
            if position < len(numbers):
                items[numbers[position]] = paragraph_el
            paragraph = Paragraph(paragraph_el, document._body)
            run = paragraph.add_run(line)
            if first_run is None:
                first_run = run
                # the comment is anchored before the run moves into w:ins, so its markers stay outside it
                comment = document.add_comment(run, text=f"{rec.id}: {told}{justification}", author=AUTHOR,
                                               initials="CR")
                comment._comment_elm.date = None  # python-docx stamps the time; same review, same file
            ins = tracked()
            run._r.addprevious(ins)
            ins.append(run._r)
        if first_run is None:
            skipped.append(rec.id)
            why_left_out.append((rec, NO_TEXT[lang]))
            continue
        (after_new if new_article else after_element)[index] = element
        inserted.append(rec.id)
    if why_left_out:
        _note_left_out(document, why_left_out, lang, review.naming)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return RedlineResult(path, inserted, skipped)


def _not_placed(anchor: str, lang: str, naming: Naming) -> str:
    """Why an amendment whose article (``anchor``) is not in the Word file could not be placed, in ``lang``."""
    if not anchor:
        return NO_PLACE[lang]
    return NOT_FOUND[lang].format(name=label(anchor, lang, naming=naming),
                                  name_of=label_genitive(anchor, lang, naming=naming))


def _note_left_out(document: WordDocument, left_out: list[tuple[Recommendation, str]], lang: str,
                   naming: Naming) -> None:
    """Add at the end of the redline a note naming the amendments it leaves out, where each was to go and why,
    so that a lawyer who opens only the Word file knows what is missing. Plain paragraphs, not tracked changes:
    accepting every change must not make the note part of the law."""
    heading = document.add_paragraph()
    heading.add_run(LEFT_OUT_HEADING[lang]).bold = True
    document.add_paragraph(LEFT_OUT_INTRO[lang].format(n=len(left_out)))
    for rec, why in left_out:
        document.add_paragraph(f"{rec.id} — {where(rec, lang, naming=naming)}: {why}.")


FINAL_LEFT_OUT = ("rejected", "withdrawn", "taken-up")
"""The states of recommendations the final redline leaves out: the ministry turned them down, the reviewer took
them back, or the draft's text already does what they asked."""


def is_word_draft(draft_name: str) -> bool:
    """Whether a draft stored under ``draft_name`` is a Word file, the only kind a redline can mark up."""
    return Path(draft_name).suffix.lower() == ".docx"


def write_final_redline(review: Review, log: ConsultationLog, draft_name: str, draft_content: bytes,
                        path: Path) -> RedlineResult | None:
    """A project's redline after its consultation rounds: the Word draft its newest version was made from, as the
    project stored it (``draft_name``, ``draft_content``), with the recommendations as they stand now (``review``:
    each one's latest, revised text) as tracked changes, but none the consultation ``log`` says is rejected (or
    withdrawn or taken up), the paragraphs and list items they add to an article numbered without the holes those
    would leave (:func:`~crlens.report.amendments.closed_up`). None when that draft is not a Word file: there is no
    document to mark up."""
    import tempfile

    if not is_word_draft(draft_name):
        return None
    kept = closed_up(review.recommendations,
                     [rec for rec in review.recommendations if log.states.get(rec.id) not in FINAL_LEFT_OUT])
    with tempfile.TemporaryDirectory(prefix="crlens-redline-") as folder:
        # the stored bytes under their own name, as the draft was received (open_docx checks them again)
        draft = Path(folder) / Path(draft_name).name
        draft.write_bytes(draft_content)
        return write_redline(review.model_copy(update={"recommendations": kept}), draft, path)
