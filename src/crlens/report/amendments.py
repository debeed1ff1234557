"""The final table of the terms of reference: new or alternative text for the draft, with its justification.

Four columns: *Provision of the draft* | *Current text* | *Proposed new or alternative text* |
*Justification with reference to international norms and standards*; one row per recommendation, in the order of
the draft. A new article is marked as such, with the number proposed for it and where it goes ("New article 33-1
(after Article 33)", or the new chapter it goes in when several go in one of their own); a supplement names the
paragraphs it adds and, since each row may be accepted or rejected on its own, the paragraphs proposed in the rows
above that its numbering follows. In a project's final table, a recommendation the ministry rejected says so
before its proposed text, as the gap table does (:mod:`crlens.report.rejections`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from crlens.analysis.labels import (
    BY_ID,
    PRESENT_TEXT_INSTRUCTIONS,
    anchor_of,
    article_of,
    inserted_before,
    item_ending_with_semicolon,
    label,
    label_genitive,
    last_item_semicolon,
    listed,
    numbers,
    within,
)
from crlens.analysis.references import NOTHING_LEFT_OUT, LeftOut, article_of_text, follow_references
from crlens.analysis.review import Recommendation, Review
from crlens.plain_text import safe_text
from crlens.report.office import add_table, draft_title, landscape_document, write_sheet
from crlens.report.rejections import consultation_status

if TYPE_CHECKING:
    from crlens.consult.log import ConsultationLog
    from crlens.ingest.model import Naming
    from crlens.knowledge.loader import KnowledgeBase

HEADERS = {
    "en": ("Provision of the draft", "Current text", "Proposed new or alternative text",
           "Justification with reference to international norms and standards"),
    "ru": ("Положение проекта", "Действующая редакция", "Предлагаемая новая или альтернативная редакция",
           "Обоснование со ссылкой на международные нормы и стандарты"),
}
TITLES = {"en": "Proposed amendments", "ru": "Предлагаемые поправки"}
NEW = {"article": {"en": "New article", "ru": "Новая статья"},
       "section": {"en": "New section", "ru": "Новый §"}}
AFTER = {"en": "after", "ru": "после"}
IN_NEW_CHAPTER = {"en": "in new Chapter {number}{heading}, after {after}",
                  "ru": "в новой главе {number}{heading} после {after}"}
QUOTED = {"en": " “{}”", "ru": " «{}»"}
SUPPLEMENT = {"en": "supplement", "ru": "дополнить"}
NONE = {"en": "(none: new provision)", "ru": "(отсутствует: новая норма)"}
SAME = {"en": "(as in the row above)", "ru": "(см. предыдущую строку)"}
# (one paragraph, several): "supplement with paragraphs 9–11", and why its numbers start there
WITH_PARAGRAPHS = {"en": ("supplement with paragraph {}", "supplement with paragraphs {}"),
                   "ru": ("дополнить пунктом {}", "дополнить пунктами {}")}
# the items a supplement adds to a list article, and its paragraphs after them
WITH_ITEMS = {"en": ("supplement with subparagraph {}", "supplement with subparagraphs {}"),
              "ru": ("дополнить подпунктом {}", "дополнить подпунктами {}")}
AND_PARAGRAPHS = {"en": (" and paragraph {}", " and paragraphs {}"), "ru": (" и пунктом {}", " и пунктами {}")}
NUMBERED_AFTER = {"en": (", numbered after paragraph {} proposed above",
                         ", numbered after paragraphs {} proposed above"),
                  "ru": ("; нумерация после пункта {}, предложенного выше",
                         "; нумерация после пунктов {}, предложенных выше")}
ALSO_PROPOSED = {"en": ("; paragraph {} is also proposed above", "; paragraphs {} are also proposed above"),
                 "ru": ("; пункт {} также предложен выше", "; пункты {} также предложены выше")}
ITEMS_NUMBERED_AFTER = {"en": (", numbered after subparagraph {} proposed above",
                               ", numbered after subparagraphs {} proposed above"),
                        "ru": ("; нумерация после подпункта {}, предложенного выше",
                               "; нумерация после подпунктов {}, предложенных выше")}
ITEMS_ALSO_PROPOSED = {"en": ("; subparagraph {} is also proposed above",
                               "; subparagraphs {} are also proposed above"),
                       "ru": ("; подпункт {} также предложен выше", "; подпункты {} также предложены выше")}

AGES_HEADING = {"en": "Ages in the proposed texts", "ru": "Возраст в предлагаемых текстах"}
AGE_YEARS = {"en": "{} years", "ru": "{} лет"}
BASIS = {"en": "Basis", "ru": "Основание"}

_ADDED_PARAGRAPH = re.compile(r"^(\d+)\.\s", re.M)
"""A paragraph of a proposed text, "5. ..." at the start of a line (not a sub-paragraph "1)", nor the drafting
instruction "The present text of the article becomes paragraph 1.")."""
_ADDED_ITEM = re.compile(r"^(\d+)\)\s")
"""An item of a list, "10) ..." at the start of a line of a proposed text (:func:`added_items`)."""


def headers(review: Review, lang: str) -> tuple[str, ...]:
    """The table's column headings: "Provision of the draft", or of the Code when it is in force."""
    return tuple(review.document.act.speak(h, lang) for h in HEADERS[lang])


@dataclass(frozen=True)
class AmendmentRow:
    id: str
    provision: str
    current: str
    proposed: str
    justification: str
    status: str = ""
    """What the consultation made of the recommendation, shown before its proposed text: "Rejected by the
    ministry (consultation round 1): Aigerim: “…”". Empty outside a project's final deliverables."""


def where(rec: Recommendation, lang: str, *, naming: Naming = BY_ID, headings: bool = True) -> str:
    """The provision an amendment targets, as a lawyer names it in the draft's own names (``review.naming``: its
    word for its articles); new articles say where they go, and the new chapter they go in by its number and,
    unless ``headings`` is False (a brief short of room), its heading."""
    target = rec.amendment.target
    if rec.amendment.action == "new":
        anchor = anchor_of(target)
        new = NEW[naming.word][lang]
        name = f"{new} {rec.amendment.number}" if rec.amendment.number else new
        if not anchor:
            return name
        chapter = rec.amendment.chapter
        if chapter is not None:
            heading = chapter.heading.ru if lang == "ru" else chapter.heading.en
            heading = QUOTED[lang].format(heading) if headings else ""
            after = label_genitive(chapter.after, lang, naming=naming)
            return f"{name} ({IN_NEW_CHAPTER[lang].format(number=chapter.number, heading=heading, after=after)})"
        after = label_genitive(follows(rec.amendment.number, anchor), lang, naming=naming)
        return f"{name} ({AFTER[lang]} {after})"
    name = label(target, lang, naming=naming)
    return f"{name} ({SUPPLEMENT[lang]})" if rec.amendment.action == "supplement" else name


def follows(number: str, anchor: str) -> str:
    """The article a new article numbered ``number`` goes right after: the one numbered just before it, which the
    draft or another new article holds ("9-3" follows "9-2", "4b" follows "4a"), else, for the first of them, its
    anchor: a lawyer reads «Новая статья 9-3 (после статьи 9)» as a place taken by 9-1 and 9-2."""
    before = inserted_before(number, anchor.removeprefix("art:"))
    return f"art:{before}" if before else anchor


def added_paragraphs(rec: Recommendation) -> list[int]:
    """The numbers of the paragraphs a supplement adds to its article, as its proposed text numbers them
    ("5. ...", "6. ..."); empty for a new article or a replaced text, and for a text that numbers none."""
    if rec.amendment.action != "supplement":
        return []
    text = rec.amendment.proposed_text.en or rec.amendment.proposed_text.ru
    return [int(m.group(1)) for m in _ADDED_PARAGRAPH.finditer(text)]


def item_number(line: str) -> int | None:
    """The number of the list item a line of a proposed text is ("10) ..." gives 10); None for any other line."""
    match = _ADDED_ITEM.match(line)
    return int(match.group(1)) if match else None


def added_items(rec: Recommendation) -> list[int]:
    """The numbers of the items a supplement adds to a list article ("10) ...", "11) ..."): the items its proposed
    text opens with (after the instruction on the item they follow), not the sub-paragraphs of a paragraph it
    adds ("2. ... :" "1) ..."); empty for any other amendment."""
    if rec.amendment.action != "supplement":
        return []
    found: list[int] = []
    for line in (rec.amendment.proposed_text.en or rec.amendment.proposed_text.ru).splitlines():
        if (number := item_number(line)) is not None:
            found.append(number)
        elif found or _ADDED_PARAGRAPH.match(line):
            break
    return found


UNRESOLVED = {
    "en": ("[reference to be revised: “{said}” named the rule of {recs}, which is left out]",
           "[reference to be revised: “{said}” named the rules of {recs}, which are left out]"),
    "ru": ("[ссылка подлежит уточнению: «{said}» указывала на норму рекомендации {recs}, которая не включена]",
           "[ссылка подлежит уточнению: «{said}» указывала на нормы рекомендаций {recs}, которые не включены]"),
}
"""What a kept text says in place of its reference to a rule that a recommendation left out would have set: the
reference names nothing any more (or, once the paragraphs after it close up, another rule), and only the reviser
can say what the text should refer to now. In square brackets, as a drafting unit marks text still to agree."""


def unresolved_reference(said: str, recommendations: list[str], lang: str) -> str:
    """The marker that replaces a reference (``said``) to the rules of ``recommendations`` left out."""
    one, several = UNRESOLVED["ru" if lang == "ru" else "en"]
    recs = listed(recommendations, lang)
    return (one if len(recommendations) == 1 else several).format(said=said, recs=recs)


def closed_up(recommendations: list[Recommendation], kept: list[Recommendation]) -> list[Recommendation]:
    """The ``kept`` recommendations with the paragraphs they add renumbered as if the others had never been
    proposed: the engine numbers the supplements to one article on from one another (7-8, then 9-10), so leaving
    one out (rejected by the ministry) would leave a hole in the article that a drafter must not accept. A text's
    references to added paragraphs follow them, its own ("paragraph 9 of this article") and another text's
    ("provided for in Article 29(9)"); a reference to a paragraph or a new article that a recommendation left out
    proposed is marked for the reviser instead (:data:`UNRESOLVED`, :func:`~crlens.analysis.references.
    follow_references`). The items supplements add to a list article close up the same way (12)-13) become
    10)-11) when 10)-11) are left out), and so does the instruction on the item they follow
    (:func:`_items_closed_up`)."""
    left_out: dict[str, list[int]] = {}
    items_left_out: dict[str, list[int]] = {}
    kept_ids = {rec.id for rec in kept}
    for rec in recommendations:
        if rec.id not in kept_ids:
            left_out.setdefault(rec.amendment.target, []).extend(added_paragraphs(rec))
            items_left_out.setdefault(rec.amendment.target, []).extend(added_items(rec))
    closed = []
    for rec in kept:
        added = added_paragraphs(rec)
        items = added_items(rec)
        gone = left_out.get(rec.amendment.target, [])
        shift = sum(1 for n in gone if n < min(added)) if added else 0
        items_gone = items_left_out.get(rec.amendment.target, [])
        item_shift = sum(1 for n in items_gone if n < min(items)) if items else 0
        if not shift and not item_shift:
            closed.append(rec)
            continue
        # the supplement whose items began where this one's begin now: what it said of the item before them
        origin = next((other for other in recommendations if other.amendment.target == rec.amendment.target
                       and added_items(other)[:1] == [min(items) - item_shift]), None) if item_shift else None

        def renumber(text: str, lang: str, shift: int = shift, item_shift: int = item_shift,
                     origin: Recommendation | None = origin) -> str:
            if item_shift:
                said = getattr(origin.amendment.proposed_text, lang) if origin is not None else None
                text = _items_closed_up(text, item_shift, said, lang)
            return _ADDED_PARAGRAPH.sub(lambda m: f"{int(m.group(1)) - shift}{m.group(0)[len(m.group(1)):]}",
                                        text) if shift else text

        closed.append(_with_texts(rec, renumber))
    closed = _present_text_numbered_once(recommendations, kept_ids, closed)
    moved: dict[str, dict[int, int]] = {}
    for rec, now in zip(kept, closed, strict=True):
        if now is not rec:
            moved.setdefault(rec.amendment.target, {}).update(
                zip(added_paragraphs(rec), added_paragraphs(now), strict=True))
    left = proposed_by([rec for rec in recommendations if rec.id not in kept_ids])
    if not moved and left == NOTHING_LEFT_OUT:
        return closed

    def followed(rec: Recommendation) -> Recommendation:
        here = article_of_text(rec.amendment)
        return _with_texts(rec, lambda text, lang: follow_references(
            text, here, moved, left, partial(unresolved_reference, lang=lang)))

    return [followed(rec) for rec in closed]


def _present_text_numbered_once(recommendations: list[Recommendation], kept_ids: set[str],
                                closed: list[Recommendation]) -> list[Recommendation]:
    """``closed`` with the instruction that numbers an article's present text ("The present text of the article
    becomes paragraph 1.") moved to the first kept supplement that adds paragraphs to it, when the supplement
    that carried it is left out: without it the article would read its present text, then "2."."""
    told: dict[str, Recommendation] = {}  # by article, the left-out supplement that carried the instruction
    for rec in recommendations:
        if rec.id not in kept_ids and _instruction(rec.amendment.proposed_text.en) is not None:
            told.setdefault(rec.amendment.target, rec)
    for rec in closed:
        if _instruction(rec.amendment.proposed_text.en) is not None:
            told.pop(rec.amendment.target, None)
    if not told:
        return closed
    out = []
    for rec in closed:
        origin = told.get(rec.amendment.target)
        if origin is None or not added_paragraphs(rec):
            out.append(rec)
            continue
        del told[rec.amendment.target]  # once, at the first kept supplement with paragraphs

        def told_again(text: str, lang: str, origin: Recommendation = origin) -> str:
            instruction = _instruction(getattr(origin.amendment.proposed_text, lang))
            first = _ADDED_PARAGRAPH.search(text)
            if instruction is None or first is None:
                return text
            return f"{text[:first.start()]}{instruction}\n{text[first.start():]}"

        out.append(_with_texts(rec, told_again))
    return out


def _instruction(text: str) -> str | None:
    """The line of a proposed text that numbers its article's present text, if it has one."""
    return next((line for line in text.splitlines() if line in PRESENT_TEXT_INSTRUCTIONS), None)


def proposed_by(recommendations: Sequence[Recommendation]) -> LeftOut:
    """Where the rules of ``recommendations`` (those left out of a text) would have been: the paragraphs their
    supplements add to each article, the new articles they propose."""
    paragraphs: dict[str, dict[int, str]] = {}
    articles: dict[str, str] = {}
    for rec in recommendations:
        if added := added_paragraphs(rec):
            paragraphs.setdefault(rec.amendment.target, {}).update(dict.fromkeys(added, rec.id))
        if rec.amendment.action == "new" and rec.amendment.number:
            articles[f"art:{rec.amendment.number}"] = rec.id
    return LeftOut(paragraphs, articles) if paragraphs or articles else NOTHING_LEFT_OUT


def referring_to(recommendations: Sequence[Recommendation], left: LeftOut) -> dict[str, list[str]]:
    """The recommendations whose proposed texts refer to the rules of those ``left`` out, by id, with the ids of
    those they refer to: a table that keeps a rejected recommendation's row keeps its numbers, so these texts
    name what the table shows, but a drafter who takes the other rows must mend them."""
    found: dict[str, list[str]] = {}
    for rec in recommendations:
        named: list[str] = []

        def note(said: str, recs: list[str], named: list[str] = named) -> str:
            named.extend(recs)
            return said  # the text is read, not changed

        for text in (rec.amendment.proposed_text.en, rec.amendment.proposed_text.ru):
            follow_references(text, article_of_text(rec.amendment), {}, left, note)
        if others := [r for r in dict.fromkeys(named) if r != rec.id]:
            found[rec.id] = others
    return found


def _with_texts(rec: Recommendation, change: Callable[[str, str], str]) -> Recommendation:
    """The recommendation with its proposed texts changed by ``change`` (text, language)."""
    proposed = rec.amendment.proposed_text
    amendment = rec.amendment.model_copy(update={"proposed_text": proposed.model_copy(
        update={"en": change(proposed.en, "en"), "ru": change(proposed.ru, "ru")})})
    return rec.model_copy(update={"amendment": amendment})


def _items_closed_up(text: str, shift: int, origin: str | None, lang: str) -> str:
    """A list supplement's proposed ``text`` with the items it opens with numbered ``shift`` lower, the items of
    supplements left out before it gone. The instruction on the item they follow names the new one before them;
    whether there is one at all is what ``origin``, the text of the supplement whose items began at the new first
    number, said: the item before is then the same one (the draft's last item, which may have closed the list
    without a full stop, or the last item of a supplement kept before, which always closes with one). Without
    ``origin`` (texts renumbered by a reviser), the instruction is kept, renumbered."""
    lines = text.split("\n")
    opened = 1 if item_ending_with_semicolon(lines[0]) is not None else 0  # the instruction opens the text
    items: list[str] = []
    first = 0
    for line in lines[opened:]:
        if not (match := _ADDED_ITEM.match(line)):
            break
        number = int(match.group(1)) - shift
        first = first or number
        items.append(f"{number}{line[len(match.group(1)):]}")
    if not items:
        return text
    told = bool(opened) if origin is None else item_ending_with_semicolon(origin.split("\n", 1)[0]) is not None
    return "\n".join([*([last_item_semicolon(lang, first - 1)] if told else []), *items,
                      *lines[opened + len(items):]])


def in_draft_order(review: Review) -> list[Recommendation]:
    """The recommendations in the order of the provisions they amend, as a drafting unit reads a comparative
    table: article by article, a new article right after the one it follows. Within an article, a change to a
    part comes where the part is, and a supplement after everything the supplemented provision holds, where its
    new paragraphs go: a replaced definition, "amend 1(20)", before "supplement Article 1". Supplements of one
    provision come in the order their added paragraphs are numbered in (:func:`added_paragraphs`): the engine
    numbers them in the review's order, but a project keeps its recommendations in the order of their ids, and a
    reviser may renumber; one whose text numbers no paragraph comes after them, in the review's order."""
    position = {p.id: i for i, p in enumerate(review.provisions)}
    end = len(position)

    def last_part(target: str) -> int:
        inside = [i for pid, i in position.items() if within(pid, [target])]
        return max(inside, default=end)

    def key(indexed: tuple[int, Recommendation]) -> tuple[int, int, int, int, int, int]:
        index, rec = indexed
        amendment = rec.amendment
        if amendment.action == "new":
            anchor = anchor_of(amendment.target)
            return position.get(anchor, end), 1, 0, 0, 0, index
        if amendment.action == "supplement":
            first = min(added_paragraphs(rec), default=sys.maxsize)
            return position.get(article_of(amendment.target), end), 0, last_part(amendment.target), 1, first, index
        return (position.get(article_of(amendment.target), end), 0, position.get(amendment.target, end), 0, 0,
                index)

    return [rec for _, rec in sorted(enumerate(review.recommendations), key=key)]


def _words(forms: dict[str, tuple[str, str]], values: list[int], lang: str, mark: str = "") -> str:
    one, several = forms[lang]
    return (one if len(set(values)) == 1 else several).format(numbers(values, mark, lang))


def supplement_place(rec: Recommendation, lang: str, above: list[int], *, naming: Naming = BY_ID,
                     above_items: Sequence[int] = ()) -> str:
    """The provision cell of a supplement that adds numbered paragraphs: "Article 6 (supplement with paragraphs
    9–11, numbered after paragraphs 5–8 proposed above)", or items to a list article: "Article 4 (supplement
    with subparagraphs 10)–12) and paragraphs 2–4)". The engine numbers the paragraphs (and the list items) that
    several recommendations add to one article on from one another, so that accepting them all gives no two one
    number; but each row is accepted or rejected on its own, so a row whose numbers follow those proposed in the
    rows above (paragraphs ``above``, items ``above_items``) says so, and the drafter knows what to renumber when
    they are not accepted. Numbers that the rows above also propose (a reviser numbered a text from the draft's
    last paragraph) are flagged."""
    added = added_paragraphs(rec)
    items = added_items(rec)
    if not added and not items:
        return where(rec, lang, naming=naming)
    name = label(rec.amendment.target, lang, naming=naming)
    if items:
        said = _words(WITH_ITEMS, items, lang, ")")
        if added:
            said += _words(AND_PARAGRAPHS, added, lang)
    else:
        said = _words(WITH_PARAGRAPHS, added, lang)
    notes = ((items, above_items, ")", ITEMS_ALSO_PROPOSED, ITEMS_NUMBERED_AFTER),
             (added, above, "", ALSO_PROPOSED, NUMBERED_AFTER))
    for numbered, proposed, mark, also, after in notes:
        if not numbered:
            continue
        clash = sorted(set(numbered) & set(proposed))
        if clash:
            said += _words(also, clash, lang, mark)
        elif proposed:
            said += _words(after, list(proposed), lang, mark)
    return f"{name} ({said})"


def rows(review: Review, lang: str = "en", log: ConsultationLog | None = None) -> list[AmendmentRow]:
    """The table's rows, in the draft's order (:func:`in_draft_order`), a supplement saying which paragraphs it
    adds (:func:`supplement_place`); with the consultation ``log`` of a project, a recommendation the ministry
    rejected says so in the words of the gap table (:func:`~crlens.report.rejections.consultation_status`)."""
    ru = lang == "ru"
    status = consultation_status(log, lang, review.recommendations)
    naming = review.naming
    table: list[AmendmentRow] = []
    previous: Recommendation | None = None
    proposed: dict[str, list[int]] = {}  # the paragraphs the rows so far add to each article
    proposed_items: dict[str, list[int]] = {}  # and the list items
    for rec in in_draft_order(review):
        current = rec.amendment.current_text or NONE[lang]
        if (previous is not None and rec.amendment.current_text
                and (previous.amendment.target, previous.amendment.current_text)
                == (rec.amendment.target, rec.amendment.current_text)):
            # an article supplemented by several recommendations is quoted once, not once per row
            current = SAME[lang]
        supplement = rec.amendment.action == "supplement"
        above = proposed.setdefault(rec.amendment.target, []) if supplement else []
        items_above = proposed_items.setdefault(rec.amendment.target, []) if supplement else []
        table.append(AmendmentRow(
            id=rec.id,
            provision=supplement_place(rec, lang, list(above), naming=naming, above_items=list(items_above)),
            current=current,
            proposed=rec.amendment.proposed_text.ru if ru else rec.amendment.proposed_text.en,
            justification=rec.amendment.justification_ru if ru else rec.amendment.justification,
            status=status.get(rec.id, ""),
        ))
        above.extend(added_paragraphs(rec))
        items_above.extend(added_items(rec))
        previous = rec
    return table


def ages_used(review: Review, lang: str, kb: KnowledgeBase | None = None) -> list[str]:
    """One line per age the review's proposed texts use (``ages.yaml``): what it is for and what it rests on, so
    that fourteen in one row and sixteen in another read as a choice, not an inconsistency."""
    from crlens.knowledge.loader import load

    kb = kb or load()
    used = {c for rec in review.recommendations if rec.amendment is not None for c in rec.criteria}
    lines: list[str] = []
    for threshold in kb.ages:
        if used.isdisjoint(threshold.criteria):
            continue
        cited = [kb.source_ref(ref_id) for ref_id in (*threshold.norms, *threshold.examples)]
        refs = [source.ref_ru if lang == "ru" else source.ref for source in cited if source is not None]
        use = getattr(threshold.use, lang)
        basis = f" {BASIS[lang]}: {'; '.join(refs)}." if refs else ""
        lines.append(f"{AGE_YEARS[lang].format(threshold.age)} — {use}{basis}")
    return lines


@safe_text
def write_xlsx(review: Review, path: Path, lang: str = "en", log: ConsultationLog | None = None) -> Path:
    """The amendments table as one Excel sheet with a hidden id column; a rejected recommendation's status opens
    its proposed-text cell."""
    lines = ([row.provision, row.current, f"{row.status}\n\n{row.proposed}" if row.status else row.proposed,
              row.justification, row.id] for row in rows(review, lang, log))
    return write_sheet(path, TITLES[lang], [*headers(review, lang), "id"], lines, (24, 55, 65, 55, 12),
                       freeze="A2", hidden=("E",))


@safe_text
def write_docx(review: Review, path: Path, lang: str = "en", template_dir: Path | None = None,
               log: ConsultationLog | None = None) -> Path:
    """The amendments table in Word: landscape A4, header row repeated on every page; a rejected
    recommendation's status opens its proposed-text cell, in bold."""
    from docx.shared import Cm

    document = landscape_document(margin_cm=1.5, font_pt=8.5, template_dir=template_dir)
    document.add_heading(f"{TITLES[lang]}: {draft_title(review, lang)}", level=1)
    ages = ages_used(review, lang)
    if ages:
        document.add_paragraph().add_run(AGES_HEADING[lang]).bold = True
        for line in ages:
            document.add_paragraph(line, style="List Bullet")
    widths = (Cm(4.0), Cm(7.5), Cm(8.6), Cm(6.6))
    table = add_table(document, headers(review, lang), widths)
    for row in rows(review, lang, log):
        cells = table.add_row().cells
        for cell, text, width in zip(cells, (row.provision, row.current, row.proposed, row.justification), widths,
                                     strict=True):
            cell.text = text
            cell.width = width
        if row.status:  # its own bold paragraph above the proposed text, as in the gap table's solution cell
            cells[2].paragraphs[0].insert_paragraph_before().add_run(row.status).bold = True
    document.save(str(path))
    return path
