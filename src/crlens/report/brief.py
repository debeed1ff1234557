"""The policy brief: at most five A4 pages of findings, conclusions and recommendations (PDF and Word).

The brief adapts to the review instead of padding: it lists what the draft does well, the areas with gaps, and
the high-priority recommendations (first those for the provisions that can harm children, then one per area),
each capped so that the whole stays within five pages; a draft with few gaps gets a shorter brief. The one
chart (criteria status by area) is drawn with matplotlib. In a project's final brief, a priority recommendation
the ministry rejected says so in the words of the gap table, and one line counts the rejected recommendations the
brief does not list.

Content is assembled once (:func:`build`) and laid out twice: with reportlab for PDF (fonts with Cyrillic,
from matplotlib's bundled DejaVu Sans) and with python-docx for Word.
"""

from __future__ import annotations

import io
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from crlens.analysis.act_name import finding_opening
from crlens.analysis.jurisdiction import in_brackets, laws_in_force_cited, national_in_force, national_label
from crlens.analysis.labels import article_of, cite, label, labels, run_on, within
from crlens.analysis.review import AreaResult, PositiveFinding, Recommendation, Review
from crlens.ingest.structure import defined_term
from crlens.knowledge.loader import KnowledgeBase, load
from crlens.knowledge.models import AREA_IDS, PRIORITY_RANK, Example
from crlens.plain_text import safe_text
from crlens.report.amendments import added_items, added_paragraphs, supplement_place
from crlens.report.amendments import where as amendment_place
from crlens.report.office import draft_title
from crlens.report.rejections import Rejection, rejections, rounds

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from crlens.consult.log import ConsultationLog
    from crlens.ingest.model import Naming

MAX_STRENGTHS = 6
MAX_FOUNDATIONS = 4
MAX_GAP_AREAS = 10
MAX_RECOMMENDATIONS = 11
"""Recommendations the brief lists: those answering the (at most three) risky provisions the key message names,
then one per area, the first of the areas with gaps in order; the KZ Digital Code's fill five pages in Russian."""
MAX_PAGES = 5
"""The brief's length, at most (the terms of reference): a brief that would run longer lists fewer
recommendations, the last first, until it fits (:func:`fitted`); the tables list them all."""
MAX_GENERAL_RULES = 4
"""General provisions (for everyone, not children) an area's line in the main gaps names, at most."""
MAX_LAWS = 2
"""The country's own laws in force a line of the brief names, at most, each by the first of its provisions cited
(the gap table names them all)."""
REFS_PER_RECOMMENDATION = 3
"""The sources a recommendation of the brief cites, at most: its first norms, and the country's law in force it
builds on in place of the last of them (the amendments table gives them all)."""
SOLUTION_MAX = 400
"""A recommendation's solution in the brief: its first sentence, whole up to this many characters."""
MAX_FIGURES = 4
CHART_WIDTH_IN = 7.2
CHART_LABEL_WIDTH = 44
"""Characters on a line of an area's name beside its bar in the chart; a longer name goes on to the next line."""
CHART_WIDTH_CM = 15.5
"""The chart's width on the page, in the PDF and in Word; its height follows from the picture's proportions."""

T = {
    "en": {
        "title": "Policy brief: children's rights in the draft",
        "key": "Key messages", "context": "Context: children online", "well": "What the draft does well",
        "builds": "Partly in place: provisions to build on",
        "also_risky": "; it is also counted among the provisions that lack the safeguards children need ({areas})",
        "gaps": "Main gaps by area", "conclusions": "Conclusions", "recs": "Priority recommendations",
        "recs_of": "{recs} ({shown} of {total})",
        "refs": "References", "chart": "Status of the review areas (number of criteria)",
        "coverage": "Scope of the review", "status": {"addressed": "addressed", "partial": "partly addressed",
                                                      "gap": "not addressed", "not-applicable": "not applicable"},
        "area_gap": "no child-specific provision meets its criteria",
        "general_rules": "The draft has general rules to build on: {where}.",
        "msg_gaps": "Child-specific rules are missing or incomplete in {n} of {total} review areas; {high} "
                    "high-priority recommendations.",
        "msg_risks": "{n} provisions lack the safeguards children need, notably {where} ({areas}).",
        "msg_risks_all": "{n} {provisions} {lack} the safeguards children need: {where} ({areas}).",
        "msg_good": "The draft already protects children in {n} {respects}, notably in {areas}.",
        "concl_none": "No child-specific provision meets any criterion of these areas (number of criteria in "
                      "brackets, then the first to address): {items}.",
        "concl_some": "These areas are addressed only in part (of their criteria, in brackets, how many are met, "
                      "met in part and not met, then the first to address): {items}.",
        "concl_item": "{area} ({count}) — {heading}", "concl_of": "of {total} {criteria}: {parts}",
        "concl_met": "{n} met", "concl_partly": "{n} in part", "concl_unmet": "{n} not met",
        "concl_next": "Adopting the priority amendments below, and assessing the final text's impact on children "
                      "before adoption, would bring the draft closer to the CRC and General Comment No. 25.",
        "concl_next_adopted": "Amending the draft as proposed below, and assessing its impact on children at set "
                              "intervals, would bring the draft closer to the CRC and General Comment No. 25.",
        "source": "Source",
        "outside": "Not applied: {n} {criteria} on fields the draft does not regulate at all. By area: {areas}. "
                   "If other laws regulate these fields, review those laws against them.",
        "rejected_others": "Recommendations rejected by the ministry and not listed above: {n}{rounds}. "
                           "By area: {areas}. The gap table and the amendments table mark each of them.",
        "in_force": "The law in force already has rules on this: {laws}.",
        "in_force_part": "The law in force already has rules on part of this: {laws}.",
        "amending": "The {act} is in force: the recommendations below are proposals for amendments to it, to be "
                    "made by an amending law.",
    },
    "ru": {
        "title": "Аналитическая записка: права детей в проекте",
        "key": "Основные выводы", "context": "Контекст: дети в интернете", "well": "Сильные стороны проекта",
        "builds": "Частично учтено: нормы, на которые можно опереться",
        "also_risky": "; вместе с тем это положение входит в число норм без необходимых гарантий для детей "
                      "({areas})",
        "gaps": "Основные пробелы по направлениям", "conclusions": "Заключение",
        "recs": "Приоритетные рекомендации", "refs": "Источники",
        "recs_of": "{recs} ({shown} из {total})",
        "chart": "Состояние направлений проверки (число критериев)", "coverage": "Охват проверки",
        "status": {"addressed": "учтено", "partial": "учтено частично", "gap": "не учтено",
                   "not-applicable": "неприменимо"},
        "area_gap": "ни одна норма для детей не отвечает критериям направления",
        "general_rules": "В проекте есть общие нормы, на которые можно опереться: {where}.",
        "msg_gaps": "Нормы, специально касающиеся детей, отсутствуют или неполны по {n} из {total} направлений; "
                    "рекомендаций высокой приоритетности: {high}.",
        "msg_risks": "Норм без необходимых гарантий для детей: {n}; прежде всего "
                     "{where} ({areas}).",
        "msg_risks_all": "Норм без необходимых гарантий для детей: {n} — {where} "
                         "({areas}).",
        "msg_good": "Проект уже защищает детей в {n} {respects}, прежде всего по направлениям: {areas}.",
        "concl_none": "Направления, критериям которых не отвечает ни одна норма для детей (в скобках — число "
                      "критериев, затем — что учесть в первую очередь): {items}.",
        "concl_some": "Направления, учтенные частично (в скобках — сколько их критериев выполнено, выполнено "
                      "частично и не выполнено, затем — что учесть в первую очередь): {items}.",
        "concl_item": "{area} ({count}) — «{heading}»", "concl_of": "из {total} {criteria}: {parts}",
        "concl_met": "выполнено — {n}", "concl_partly": "частично — {n}", "concl_unmet": "не выполнено — {n}",
        "concl_next": "Принятие приоритетных поправок, приведенных ниже, и оценка воздействия окончательного "
                      "текста на детей до его принятия приблизят проект к стандартам КПР и Замечания общего "
                      "порядка № 25.",
        "concl_next_adopted": "Внесение в проект приоритетных поправок, приведенных ниже, и периодическая оценка "
                              "его воздействия на детей приблизят проект к стандартам КПР и Замечания общего "
                              "порядка № 25.",
        "source": "Источник",
        "outside": "Не применялись критерии по сферам, которые проект вовсе не регулирует: {n}. "
                   "По направлениям: {areas}. Если эти сферы регулируются другими законами, их следует проверить "
                   "по этим критериям.",
        "rejected_others": "Рекомендаций, отклоненных министерством и не приведенных выше: {n}{rounds}. "
                           "По направлениям: {areas}. Каждая из них отмечена в таблице пробелов и в таблице "
                           "поправок.",
        "in_force": "Действующее законодательство уже содержит нормы по этому вопросу: {laws}.",
        "in_force_part": "Действующее законодательство уже содержит нормы по части этого вопроса: {laws}.",
        "amending": "{act} действует: приведенные ниже рекомендации — предложения об изменениях и дополнениях, "
                    "вносимых в него законом о внесении изменений и дополнений.",
    },
}


RISKS_NAMED = 3
"""How many risky provisions the key messages name."""


def _provisions(n: int) -> str:
    return "provision" if n == 1 else "provisions"


@dataclass
class BriefRecommendation:
    text: str
    where: str
    refs: list[str]
    id: str = ""
    status: str = ""
    """"Rejected by the ministry (consultation round 1)" when the ministry rejected it, as the tables mark it;
    without the people's words, which the tables and the consultation log keep."""


@dataclass
class Brief:
    """The brief's content in one language, before layout."""

    lang: str
    title: str
    subtitle: str
    key_messages: list[str]
    context: list[str]
    strengths: list[str]
    gaps: list[str]
    conclusions: list[str]
    recommendations: list[BriefRecommendation]
    recommendations_heading: str
    """The heading of the recommendations, with how many of all they are when they are a selection ("Priority
    recommendations (11 of 68)"): the key messages count the high-priority ones, and a reader took that count for
    the list's length. In the heading, as five full pages have no line to spare."""
    references: list[str]
    chart_png: bytes = field(repr=False, default=b"")
    foundations: list[str] = field(default_factory=list)
    """Partly met criteria in the draft's words, shown when too few are fully met to fill the strengths."""
    rejected_note: str = ""
    """After the recommendations, how many others the ministry rejected, by area; empty when it rejected none
    the brief leaves out."""
    in_force_note: str = ""
    """Before the recommendations, for an act in force: they are proposals for an amending law; empty for a
    draft, which is still changed as it is drafted."""


def _words(review: Review, lang: str) -> dict:
    """The brief's fixed words in ``lang``, speaking of "the draft" or, for an act in force, of "the Code"."""
    act = review.document.act
    words = {key: act.speak(value, lang) if isinstance(value, str) else value
             for key, value in T["ru" if lang == "ru" else "en"].items()}
    if act.status == "adopted":
        words["concl_next"] = words["concl_next_adopted"]
    return words


def _respects(n: int, lang: str) -> str:
    """The noun after a number: "1 respect", "2 respects"; Russian prepositional "в 1 аспекте", "в 5 аспектах"."""
    if lang == "ru":
        return "аспекте" if n % 10 == 1 and n % 100 != 11 else "аспектах"
    return "respect" if n == 1 else "respects"


_EVIDENCE = {"en": " mentions ", "ru": " упоминаются: "}
_FINDING = {lang: finding_opening(lang) for lang in ("en", "ru")}


def _finding(issue: str, lang: str) -> str:
    """The finding of an issue text, without the evidence that opens a partly met one ("Article 41 mentions ...
    («...»). It does not mention: .... The draft does not yet ..."): a brief states what is missing; the gap
    table keeps the words found."""
    if _EVIDENCE[lang] not in issue.split(". ", 1)[0]:
        return issue
    closing = max(issue.rfind("”"), issue.rfind("»"))
    match = _FINDING[lang].search(issue, max(closing, 0))
    return issue[match.start(1):] if match else issue


def _under(label: str, refs: list[str]) -> str:
    """References listed after their label, said once ("Kazakhstan, law in force: Law on Personal Data art. 8;
    Law on Personal Data art. 6"), or alone without one."""
    return f"{label}: {'; '.join(refs)}" if label else "; ".join(refs)


def _first_sentence(text: str, limit: int = 260) -> str:
    """The text's first sentence; one longer than ``limit`` ends at its last clause that fits ("…; …" or
    "…, …"), else at a word, and is marked as cut with "…"."""
    end = text.find(". ")
    sentence = text if end == -1 else text[: end + 1]
    if len(sentence) <= limit:
        return sentence
    head = sentence[: limit - 1]
    clause = max(head.rfind("; "), head.rfind(", "))
    return (head[:clause] if clause > limit // 2 else head.rsplit(" ", 1)[0]).rstrip(",;: ") + "…"


def build(review: Review, lang: str = "en", kb: KnowledgeBase | None = None,
          log: ConsultationLog | None = None, listed: int = MAX_RECOMMENDATIONS) -> Brief:
    """Assemble the brief's content from a review; with a project's consultation ``log``, a priority
    recommendation the ministry rejected is marked at its item and the others it rejected are counted after the
    list (:func:`_rejected_note`). ``listed``: how many recommendations to list at most."""
    kb = kb or load()
    t = _words(review, lang)
    ru = lang == "ru"
    naming = review.naming  # "Section 6501(1)" in a draft of sections, as in review.json
    areas = {a.id: a for a in review.areas}
    title_of = {a: kb.areas[a].title.get(lang) for a in AREA_IDS}
    gap_areas = [a for a in AREA_IDS if areas[a].status == "gap"]
    partial_areas = [a for a in AREA_IDS if areas[a].status == "partial"]
    high = [r for r in review.recommendations if r.priority == "high"]

    key = [t["msg_gaps"].format(n=len(gap_areas) + len(partial_areas), total=len(AREA_IDS), high=len(high))]
    # the provisions a reader must look at first: the most severe, in the draft's order
    order = {p.id: i for i, p in enumerate(review.provisions)}
    ranked_risks = sorted(review.risks, key=lambda r: (PRIORITY_RANK[r.severity], order.get(r.provision, 0)))
    risky = list(dict.fromkeys(r.provision for r in ranked_risks))
    if review.risks:
        named = [label(p, lang, naming=naming) for p in risky[:RISKS_NAMED]]
        if ru:  # "прежде всего пункт 2 статьи 48": the references run on inside the sentence
            named = [run_on(n) for n in named]
        risk_areas = dict.fromkeys(r.area for r in ranked_risks if r.provision in risky[:RISKS_NAMED])
        message = t["msg_risks_all"] if len(risky) <= RISKS_NAMED else t["msg_risks"]
        key.append(message.format(n=len(risky), where=", ".join(named), provisions=_provisions(len(risky)),
                                  lack="lacks" if len(risky) == 1 else "lack",
                                  areas=", ".join(title_of[a] for a in risk_areas)))
    # What the draft does well is shown in its own words: our criterion's statement would claim more than the
    # words found (a register of orders, where the draft only has a platform's report).
    findings = sorted(review.positive_findings, key=lambda f: AREA_IDS.index(f.area))
    first_of_area: dict[str, PositiveFinding] = {}
    for finding in findings:
        first_of_area.setdefault(finding.area, finding)
    shown = list(first_of_area.values())  # breadth: one per area first
    shown += [f for f in findings if f not in shown]
    if shown:
        n = len(review.positive_findings)
        areas_good = ", ".join(title_of[a] for a in dict.fromkeys(f.area for f in shown[:3]))
        key.append(t["msg_good"].format(n=n, respects=_respects(n, lang), areas=areas_good))

    figures = [n for n in kb.norms.values() if n.figure and n.verified][:MAX_FIGURES]
    context = [f"{n.figure}: {n.topic.get(lang)} ({t['source']}: {kb.instruments[n.instrument].short})"
               for n in figures]
    coverage = review.coverage.statement_ru if ru else review.coverage.statement
    # the act is named in the subtitle; its file name means nothing to a ministry reader
    context.append(f"{t['coverage']}: {coverage}.")
    outside = Counter(c.area for c in review.criteria if c.status == "not-applicable")
    if outside:
        areas_out = "; ".join(f"{title_of[a]} ({outside[a]})" for a in AREA_IDS if outside[a])
        n = sum(outside.values())
        context.append(t["outside"].format(n=n, criteria="criterion" if n == 1 else "criteria", areas=areas_out))

    open_quote, close_quote = ("«", "»") if ru else ("“", "”")

    def in_its_words(title: str, provision: str, quote: str) -> str:
        return (f"{title}: {label(provision, lang, naming=naming)}, "
                f"{open_quote}{_first_sentence(quote, 200)}{close_quote}")

    def also_risky(provision: str) -> str:
        """A strength in one area may be a risk in another (a platform's duty to suspend accounts that bully a
        child, with no appeal): the brief says so where it praises the provision, lest it read as a
        contradiction of the key message."""
        harm = list(dict.fromkeys(r.area for r in review.risks if within(provision, [r.provision])))
        return t["also_risky"].format(areas=", ".join(title_of[a] for a in harm)) if harm else ""

    strengths = [in_its_words(title_of[f.area], f.provision, f.quote) + also_risky(f.provision)
                 for f in shown[:MAX_STRENGTHS]]

    # A draft that fully meets few criteria still has provisions to build on: where a criterion is partly met,
    # the words that meet its core element, one area each, the weightiest criteria first. A provision the key
    # messages count among those that can harm children is none to build on (KZ Code art. 20(4), a blocking
    # power bound by the legality test, partly meets the criterion on blocking and is its risk).
    foundations = []
    good_areas = {f.area for f in shown[:MAX_STRENGTHS]}
    defines = _definitions(review)
    for result in sorted((c for c in review.criteria if c.status == "partial" and c.evidence),
                         key=lambda c: (PRIORITY_RANK[kb.criteria[c.id].priority], AREA_IDS.index(c.area))):
        if len(strengths) + len(foundations) >= MAX_STRENGTHS or len(foundations) >= MAX_FOUNDATIONS:
            break
        if result.area in good_areas:
            continue
        safe = [e for e in result.evidence if not within(e.provision, risky)]
        if not safe:
            continue
        good_areas.add(result.area)
        # the rule the draft makes, not the definition of a term it uses: a definition grants nothing to build on
        evidence = next((e for e in safe if not defines(e.provision)), safe[0])
        # headed by what it is a foundation for, the criterion, then its area: "Impact on children, responsibility
        # and liability: Article 1(3)" read as if the rule on foreigners were one on liability
        heading = kb.criteria[result.id].recommendation.heading.get(lang)
        titled = f"{heading} ({title_of[result.area]})"
        foundations.append(in_its_words(titled, evidence.provision, evidence.quote))

    home = review.document.jurisdiction
    gaps = []
    for area_id in (gap_areas + partial_areas)[:MAX_GAP_AREAS]:
        area = areas[area_id]
        first = next((r for r in review.recommendations if r.areas[0] == area_id), None)
        detail = _first_sentence(_finding(first.ru.issue if ru else first.issue, lang), 220) if first else ""
        # The criteria ask for rules made for children: an area none of them meets may still have rules for
        # everyone, which the review quotes (and lists) and the brief names, instead of calling the area "not
        # addressed".
        status, general = t["status"][area.status], ""
        if area.status == "gap":
            status = t["area_gap"]
            rules = list(dict.fromkeys(p for r in review.recommendations if r.areas[0] == area_id
                                       for p in r.general_rules))[:MAX_GENERAL_RULES]
            named = labels(rules, lang, naming=naming)
            general = t["general_rules"].format(where=run_on(named) if ru else named) if rules else ""
        # what is missing is not claimed missing without saying what the country's law in force already has
        said = [detail, general, _law_in_force(first, kb, home, lang, t) if first else ""]
        gaps.append(" ".join([f"{title_of[area_id]} ({status}).", *(s for s in said if s)]))

    # Each area with gaps: how far it falls short and what to address first; one sentence for those no
    # child-specific provision meets at all, one for those partly met: a line each would not fit five pages.
    conclusions = [t[key].format(items="; ".join(_conclusion(areas[a], review, kb, t, lang) for a in group))
                   for key, group in (("concl_none", gap_areas), ("concl_some", partial_areas)) if group]
    conclusions.append(t["concl_next"])

    rejected = rejections(log)
    recommendations = []
    by_url: dict[str, list[str]] = {}  # the references: each cited norm once, grouped by document
    prefix: dict[str, str] = {}  # a national law's label, said once before its provisions
    # First what to add to the provisions the key message names as harmful, then one recommendation per area:
    # breadth over depth in five pages. The first are on top of their area's, not instead of it.
    where_risk = {r.id: r.provision for r in review.risks}
    answering = [rec for provision in risky[:RISKS_NAMED] for rec in review.recommendations
                 if any(where_risk.get(risk) == provision for risk in rec.risks)]
    picks = {rec.id: rec for rec in answering}
    seen_areas: set[str] = set()
    by_priority = sorted(review.recommendations,
                         key=lambda r: (PRIORITY_RANK[r.priority], AREA_IDS.index(r.areas[0])))
    for rec in by_priority:
        if len(picks) >= listed:
            break
        # an area whose first recommendation answers a risk named above has it listed already
        if rec.areas[0] not in seen_areas:
            seen_areas.add(rec.areas[0])
            picks.setdefault(rec.id, rec)
    for rec in picks.values():
        # the country's own law in force, named as such, after the norms: what the recommendation builds on; it
        # takes the place of the last norms, so that a line cites at most REFS_PER_RECOMMENDATION sources
        laws = _one_per_act(laws_in_force_cited(kb, rec, home))
        cited = [s for s in rec.sources if s.kind == "norm"][:max(1, REFS_PER_RECOMMENDATION - len(laws))]
        norms = [cite(s.ref_ru if ru else s.ref, s.verified, lang) for s in cited]
        for source, name in zip(cited, norms, strict=True):
            if name not in by_url.setdefault(source.url, []):
                by_url[source.url].append(name)
        if laws:
            norms.append(_under(national_label(kb, laws[0], lang), [e.ref_ru if ru else e.ref for e in laws]))
        for example in laws:
            # one law's provisions under one "Kazakhstan, law in force:", not the label before each of them
            prefix[example.url] = national_label(kb, example, lang)
            if (name := example.ref_ru if ru else example.ref) not in by_url.setdefault(example.url, []):
                by_url[example.url].append(name)
        where = _place(rec, lang, naming, [where_risk[r] for r in rec.risks if r in where_risk])
        status = rejected[rec.id].mark(lang) if rec.id in rejected else ""
        recommendations.append(BriefRecommendation(_first_sentence(rec.ru.solution if ru else rec.solution,
                                                                   SOLUTION_MAX), where, norms, rec.id, status))
    # exactly the norms the recommendations cite, one line per document: "GC25, para. 19; GC25, para. 36 — url"
    references = [f"{_under(prefix.get(url, ''), names)} — {url}" for url, names in by_url.items()]
    listed = {r.id for r in recommendations}
    others = [r for r in review.recommendations if r.id in rejected and r.id not in listed]
    act = review.document.act
    in_force = t["amending"].format(act=act.name_ru if ru else act.name) if act.status == "adopted" else ""
    total = len(review.recommendations)
    heading = (t["recs_of"].format(recs=t["recs"], shown=len(recommendations), total=total)
               if len(recommendations) < total else t["recs"])
    return Brief(lang=lang, title=t["title"], subtitle=draft_title(review, lang), key_messages=key,
                 context=context, strengths=strengths, gaps=gaps, conclusions=conclusions,
                 recommendations=recommendations, recommendations_heading=heading, references=references,
                 chart_png=_chart(review, kb, lang),
                 foundations=foundations, rejected_note=_rejected_note(others, rejected, title_of, t, lang),
                 in_force_note=in_force)


def _definitions(review: Review) -> Callable[[str], bool]:
    """Whether a provision of the draft defines a term: it stands in a definitions article (review.json's
    ``document.definitions`` names their entries), or its text is worded as a definition ("Алгоритмическая
    система – цифровая система ..."): review.json marks no other definition, so the brief reads the wording."""
    texts = {p.id: p.text for p in review.provisions}
    articles = {article_of(d.provision) for d in review.document.definitions}

    def defines(provision: str) -> bool:
        return article_of(provision) in articles or defined_term(texts.get(provision, "")) is not None

    return defines


def _conclusion(area: AreaResult, review: Review, kb: KnowledgeBase, t: dict, lang: str) -> str:
    """An area in the conclusions: how many of its applicable criteria are not met, all of them ("(6)"), or of all
    how many are met, met in part and not met ("(of 6 criteria: 1 in part, 5 not met)"), and the heading of the
    criterion its
    highest-priority recommendation answers first ("Consent to the processing of a child's personal data");
    without a recommendation, of its weightiest unmet criterion."""
    counts = area.criteria
    total = sum(counts.get(s, 0) for s in ("addressed", "partial", "gap"))
    if area.status == "gap":
        count = str(counts.get("gap", 0))
    else:
        shares = (("concl_met", "addressed"), ("concl_partly", "partial"), ("concl_unmet", "gap"))
        parts = [t[key].format(n=counts[status]) for key, status in shares if counts.get(status)]
        count = t["concl_of"].format(total=total, criteria=_criteria_word(total, lang), parts=", ".join(parts))
    recs = sorted((r for r in review.recommendations if r.areas[0] == area.id and r.criteria),
                  key=lambda r: PRIORITY_RANK[r.priority])  # stable: the review's order among equals
    first = recs[0].criteria[0] if recs else min(
        (c.id for c in review.criteria if c.area == area.id and c.status in ("partial", "gap")),
        key=lambda c: PRIORITY_RANK[kb.criteria[c].priority], default="")
    heading = kb.criteria[first].recommendation.heading.get(lang) if first in kb.criteria else ""
    return t["concl_item"].format(area=kb.areas[area.id].title.get(lang), count=count, heading=heading)


def _criteria_word(n: int, lang: str) -> str:
    """The noun after "of n": "1 criterion", "6 criteria"; Russian genitive after «из»: «из 1 критерия», «из 21
    критерия», «из 6 критериев»."""
    if lang == "ru":
        return "критерия" if n % 10 == 1 and n % 100 != 11 else "критериев"
    return "criterion" if n == 1 else "criteria"


def _place(rec: Recommendation, lang: str, naming: Naming, risky: list[str]) -> str:
    """Where a priority recommendation goes: a new article by its proposed number and the article it follows,
    as the amendments table names it ("New article 29-2 (after Article 29)"), since the article it follows is
    not amended, without the heading of a new chapter it goes in; the paragraphs or items a supplement adds
    ("Article 20 (supplement with paragraphs 5–9)"), since the provision it answers stays as it is and «Пункт 4
    статьи 20» reads as a change to it; the provisions whose risk it answers (``risky``), as the key message
    names them; else the provisions it amends."""
    if rec.amendment.action == "new":
        return amendment_place(rec, lang, naming=naming, headings=False)
    if added_paragraphs(rec) or added_items(rec):
        return supplement_place(rec, lang, [], naming=naming)
    if risky:
        return labels(list(dict.fromkeys(risky))[:2], lang, naming=naming)
    # "Article 41", not "Article 41, Article 41(1)": a part of a provision already named adds nothing
    named = [p for p in rec.provisions if not any(p.startswith(f"{q}.") for q in rec.provisions)]
    return labels(named[:2], lang, naming=naming) or amendment_place(rec, lang, naming=naming)


def _one_per_act(laws: list[Example]) -> list[Example]:
    """At most :data:`MAX_LAWS` laws in force, each by the first of its provisions cited: a five-page brief names
    the Law on Artificial Intelligence once, not by both articles the gap table cites."""
    firsts: dict[str, Example] = {}
    for law in laws:
        firsts.setdefault(law.title.en if law.title else law.id, law)
    return list(firsts.values())[:MAX_LAWS]


def _law_in_force(rec: Recommendation, kb: KnowledgeBase, home: str | None, lang: str, t: dict) -> str:
    """The sentence on the country's own law in force that already has rules on the first finding of ``rec``
    (its first criterion's, which the brief quotes), with what it provides: "... rules on this: Law on Online
    Platforms art. 11 (users may complain ... within 20 calendar days)"; on part of it when that law is a rule
    for everyone, not for children; empty when there is none or the jurisdiction is unknown."""
    criterion = kb.criteria.get(rec.criteria[0]) if rec.criteria else None
    first = set(criterion.examples) if criterion else set()
    laws = _one_per_act(national_in_force(kb, (s.id for s in rec.sources if s.kind == "example" and s.id in first),
                                          home))
    if not laws:
        return ""
    said = "; ".join(f"{e.ref_ru if lang == 'ru' else e.ref} ({in_brackets(e.summary.get(lang))})" for e in laws)
    return t["in_force_part" if any(e.general_rule for e in laws) else "in_force"].format(laws=said)


def _rejected_note(recs: list[Recommendation], rejected: dict[str, Rejection], title_of: dict[str, str],
                   t: dict, lang: str) -> str:
    """One line on the rejected recommendations ``recs`` the brief does not list: how many, in which rounds, by
    area. Five pages cannot mark them one by one, yet a reader must not take the marks in the list for all the
    ministry rejected; the tables mark each at its row."""
    if not recs:
        return ""
    by_area = Counter(r.areas[0] for r in recs)
    areas = "; ".join(f"{title_of[a]} ({by_area[a]})" for a in AREA_IDS if by_area[a])
    numbers = [rejected[r.id].round for r in recs]
    known = [n for n in numbers if n is not None]
    return t["rejected_others"].format(n=len(recs), rounds=f" ({rounds(known, lang)})" if known else "",
                                       areas=areas)


def chart_figure(review: Review, kb: KnowledgeBase, lang: str) -> Figure:
    """The chart of criteria status by area: one bar per area, named in full. A long name wraps onto further
    lines (:data:`CHART_LABEL_WIDTH`) and the picture grows to hold them, instead of the name being cut."""
    from matplotlib.figure import Figure

    t = _words(review, lang)
    names = [textwrap.fill(kb.areas[a.id].title.get(lang), CHART_LABEL_WIDTH, break_on_hyphens=False,
                           break_long_words=False) for a in review.areas]
    lines = max((name.count("\n") + 1 for name in names), default=1)
    # inches: a row holds its name's lines at 6.5 pt with a gap; title, axis and legend take the rest
    height = 0.9 + len(names) * (0.04 + 0.1 * lines)
    fig = Figure(figsize=(CHART_WIDTH_IN, height), dpi=150, layout="constrained")
    ax = fig.subplots()
    colours = {"addressed": "#2e7d32", "partial": "#f9a825", "gap": "#c62828", "not-applicable": "#9e9e9e"}
    left = [0] * len(review.areas)
    for status in ("addressed", "partial", "gap", "not-applicable"):
        values = [a.criteria.get(status, 0) for a in review.areas]
        ax.barh(names, values, left=left, color=colours[status], label=t["status"][status])
        left = [x + v for x, v in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.margins(y=0.01)
    ax.tick_params(axis="y", labelsize=6.5)
    ax.tick_params(axis="x", labelsize=7)
    ax.set_title(t["chart"], fontsize=9)
    # below the axes, where it hides no bar
    fig.legend(fontsize=6.5, loc="outside lower center", ncols=4, frameon=False)
    return fig


def _chart(review: Review, kb: KnowledgeBase, lang: str) -> bytes:
    buffer = io.BytesIO()
    chart_figure(review, kb, lang).savefig(buffer, format="png")
    return buffer.getvalue()


# --- layout ------------------------------------------------------------------------------------------------

def _font() -> str:
    import matplotlib
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "CrlensSans" not in pdfmetrics.getRegisteredFontNames():
        base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        pdfmetrics.registerFont(TTFont("CrlensSans", str(base / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("CrlensSans-Bold", str(base / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily("CrlensSans", normal="CrlensSans", bold="CrlensSans-Bold")
    return "CrlensSans"


def fitted(review: Review, lang: str = "en", log: ConsultationLog | None = None,
           target: Path | io.BytesIO | None = None) -> Brief:
    """The brief's content as it fits in :data:`MAX_PAGES` pages of the PDF: all :data:`MAX_RECOMMENDATIONS` when
    they fit, else one fewer at a time (a draft whose every recommendation the ministry rejected carries a mark
    at each). The PDF is written to ``target`` (in memory when None), the Word brief takes the same content."""
    t = _words(review, lang)
    for listed in range(MAX_RECOMMENDATIONS, 0, -1):
        brief = build(review, lang, log=log, listed=listed)
        pages = _render_pdf(brief, t, target if target is not None else io.BytesIO())
        if pages <= MAX_PAGES or listed == 1:
            break
    return brief


@safe_text
def write_pdf(review: Review, path: Path, lang: str = "en", log: ConsultationLog | None = None) -> Path:
    """The brief as an A4 PDF of at most five pages (:func:`fitted`); with a project's consultation ``log``, a
    recommendation the ministry rejected says so."""
    fitted(review, lang, log, path)
    return path


def _render_pdf(brief: Brief, t: dict, target: Path | io.BytesIO) -> int:
    """Write ``brief`` as an A4 PDF to ``target``; the number of pages it took."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    font = _font()
    body = ParagraphStyle("body", fontName=font, fontSize=9.2, leading=12.2, spaceAfter=3)
    small = ParagraphStyle("small", parent=body, fontSize=7.8, leading=10)
    h1 = ParagraphStyle("h1", fontName=f"{font}-Bold", fontSize=15, leading=19, textColor="#1F4E79",
                        spaceAfter=4)
    h2 = ParagraphStyle("h2", fontName=f"{font}-Bold", fontSize=11, leading=14, textColor="#1F4E79",
                        spaceBefore=7, spaceAfter=3, keepWithNext=1)

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def bullets(items: list[str], style: ParagraphStyle = body) -> ListFlowable:
        return ListFlowable([ListItem(Paragraph(esc(i), style), leftIndent=10) for i in items],
                            bulletType="bullet", start="•", leftIndent=10, bulletFontName=font)

    story = [Paragraph(esc(brief.title), h1), Paragraph(esc(brief.subtitle), body), Spacer(1, 4)]
    story += [Paragraph(t["key"], h2), bullets(brief.key_messages)]
    story += [Paragraph(t["context"], h2), bullets(brief.context)]
    if brief.strengths:
        story += [Paragraph(t["well"], h2), bullets(brief.strengths)]
    if brief.foundations:
        story += [Paragraph(t["builds"], h2), bullets(brief.foundations)]
    pixels_wide, pixels_high = ImageReader(io.BytesIO(brief.chart_png)).getSize()
    chart = Image(io.BytesIO(brief.chart_png), width=CHART_WIDTH_CM * cm,
                  height=CHART_WIDTH_CM * cm * pixels_high / pixels_wide)
    story += [Paragraph(t["gaps"], h2), chart, bullets(brief.gaps)]
    story += [Paragraph(t["conclusions"], h2), bullets(brief.conclusions)]
    story += [Paragraph(esc(brief.recommendations_heading), h2)]
    if brief.in_force_note:
        story.append(Paragraph(esc(brief.in_force_note), body))
    # a rejection is said before the recommendation, as the tables say it before theirs
    items = [f"<b>{esc(r.where)}</b>: {f'<b>{esc(r.status)}.</b> ' if r.status else ''}{esc(r.text)} "
             f"<i>({esc('; '.join(r.refs))})</i>" for r in brief.recommendations]
    story.append(ListFlowable([ListItem(Paragraph(i, body), leftIndent=12) for i in items], bulletType="1",
                              leftIndent=12, bulletFontName=font))
    if brief.rejected_note:
        story.append(Paragraph(esc(brief.rejected_note), body))
    story += [Paragraph(t["refs"], h2), bullets(brief.references, small)]
    doc = SimpleDocTemplate(str(target) if isinstance(target, Path) else target, pagesize=A4, leftMargin=2 * cm,
                            rightMargin=2 * cm, topMargin=1.8 * cm, bottomMargin=1.8 * cm, title=brief.title,
                            author="crlens")
    doc.build(story)
    return doc.page


@safe_text
def write_docx(review: Review, path: Path, lang: str = "en", template_dir: Path | None = None,
               log: ConsultationLog | None = None) -> Path:
    """The brief in Word, with the same content and chart as the PDF."""
    from docx.shared import Cm, Pt

    from crlens.report.office import base_document

    brief = fitted(review, lang, log)
    t = _words(review, lang)
    document = base_document(template_dir)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    for side in ("top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    document.styles["Normal"].font.size = Pt(9.5)
    document.add_heading(brief.title, level=1)
    document.add_paragraph(brief.subtitle)

    def bullets(items: list[str]) -> None:
        for item in items:
            document.add_paragraph(item, style="List Bullet")

    document.add_heading(t["key"], level=2)
    bullets(brief.key_messages)
    document.add_heading(t["context"], level=2)
    bullets(brief.context)
    if brief.strengths:
        document.add_heading(t["well"], level=2)
        bullets(brief.strengths)
    if brief.foundations:
        document.add_heading(t["builds"], level=2)
        bullets(brief.foundations)
    document.add_heading(t["gaps"], level=2)
    document.add_picture(io.BytesIO(brief.chart_png), width=Cm(CHART_WIDTH_CM))
    bullets(brief.gaps)
    document.add_heading(t["conclusions"], level=2)
    bullets(brief.conclusions)
    document.add_heading(brief.recommendations_heading, level=2)
    if brief.in_force_note:
        document.add_paragraph(brief.in_force_note)
    for rec in brief.recommendations:
        para = document.add_paragraph(style="List Number")
        para.add_run(f"{rec.where}: ").bold = True
        if rec.status:
            para.add_run(f"{rec.status}. ").bold = True
        para.add_run(rec.text)
        para.add_run(f" ({'; '.join(rec.refs)})").italic = True
    if brief.rejected_note:
        document.add_paragraph(brief.rejected_note)
    document.add_heading(t["refs"], level=2)
    for ref in brief.references:
        para = document.add_paragraph(ref, style="List Bullet")
        for run in para.runs:
            run.font.size = Pt(8)
    document.save(str(path))
    return path
