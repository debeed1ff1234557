"""The policy brief: at most five A4 pages, in English and Russian, with its chart and references."""

from __future__ import annotations

import re
import shutil
import subprocess

import docx
import pytest
from pypdf import PdfReader

from crlens.analysis.engine import review_document
from crlens.analysis.labels import label
from crlens.analysis.review import Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import load
from crlens.knowledge.models import AREA_IDS
from crlens.report import brief

A4 = (595, 842)


@pytest.fixture(scope="module")
def sample_review(sample_ru):
    return review_document(parse_file(sample_ru))


@pytest.fixture(scope="module")
def kz_code(corpus) -> Review:
    """The Digital Code of Kazakhstan (No. 255-VIII of 9 January 2026, in force), read back from its review.json:
    the brief is made from what review.json holds."""
    review = review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"))
    return Review.model_validate_json(review.to_json())


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_brief_pdf_is_at_most_five_a4_pages(sample_review, tmp_path, lang):
    path = brief.write_pdf(sample_review, tmp_path / "brief.pdf", lang)
    reader = PdfReader(str(path))
    assert 1 <= len(reader.pages) <= 5
    width, height = (round(float(v)) for v in reader.pages[0].mediabox.upper_right)
    assert (width, height) == A4


def test_brief_of_the_largest_corpus_text_stays_within_five_pages(corpus, tmp_path):
    review = review_document(parse_file(corpus / "eu-ai-act-2024-1689.txt"))
    assert len(PdfReader(str(brief.write_pdf(review, tmp_path / "brief.pdf", "en"))).pages) <= 5


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_area_in_the_chart_is_named_in_full_inside_the_picture(sample_review, lang):
    """A long name ("Сексуальное насилие над детьми и их сексуальная эксплуатация в интернете") wraps onto a
    second line; it is never cut short with "…" nor pushed off the picture's edge."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    kb = load()
    figure = brief.chart_figure(sample_review, kb, lang)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    labels = figure.axes[0].get_yticklabels()
    assert [" ".join(t.get_text().split("\n")) for t in labels] == [kb.areas[a.id].title.get(lang)
                                                                    for a in sample_review.areas]
    assert any("\n" in t.get_text() for t in labels)
    picture = figure.bbox
    for text in labels:
        box = text.get_window_extent(canvas.get_renderer())
        assert picture.x0 <= box.x0 and box.x1 <= picture.x1 and picture.y0 <= box.y0 and box.y1 <= picture.y1


def test_brief_has_the_required_sections_and_a_chart(sample_review, tmp_path):
    text = "\n".join(p.extract_text() for p in PdfReader(str(brief.write_pdf(sample_review, tmp_path / "b.pdf",
                                                                            "en"))).pages)
    for heading in ("Key messages", "Context: children online", "What the draft does well", "Main gaps by area",
                    "Conclusions", "Priority recommendations", "References"):
        assert heading in text
    assert "Kazakhstan Kids Online" in text
    assert re.search(r"Article \d+", text)
    document = docx.Document(str(brief.write_docx(sample_review, tmp_path / "b.docx", "en")))
    assert document.inline_shapes, "the chart is missing from the Word brief"


def test_russian_brief_is_in_russian(sample_review, tmp_path):
    text = "\n".join(p.extract_text() for p in PdfReader(str(brief.write_pdf(sample_review, tmp_path / "b.pdf",
                                                                            "ru"))).pages)
    assert "Основные выводы" in text and "Заключение" in text


def test_a_draft_with_few_gaps_gets_a_shorter_brief(sample_review, tmp_path):
    full = brief.build(sample_review, "en")
    fewer = sample_review.model_copy(deep=True)
    fewer.recommendations = fewer.recommendations[:2]
    fewer.risks = []
    short = brief.build(fewer, "en")
    assert len(short.recommendations) < len(full.recommendations)


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
@pytest.mark.parametrize("reviewed", ["sample_review", "kz_code"])
def test_word_brief_converted_by_libreoffice_stays_within_five_pages(reviewed, request, tmp_path):
    """The Russian brief is the longer: the sample draft's and the KZ Code's, as Word lays them out."""
    path = brief.write_docx(request.getfixturevalue(reviewed), tmp_path / "brief.docx", "ru")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    assert len(PdfReader(str(tmp_path / "brief.pdf")).pages) <= 5


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_brief_names_places_as_a_lawyer_does_never_by_internal_id(sample_review, lang):
    content = brief.build(sample_review, lang)
    for rec in content.recommendations:
        assert not re.search(r"\b(?:art|ch|sec):\d", rec.where), rec.where


def test_key_messages_name_the_most_severe_risky_provisions_first(sample_review):
    """A reader starts with the provisions that can harm children: the three most severe, in the draft's order."""
    order = {p.id: i for i, p in enumerate(sample_review.provisions)}
    high = sorted({r.provision for r in sample_review.risks if r.severity == "high"}, key=order.__getitem__)
    named = ", ".join(label(p) for p in high[:3])
    risky = {r.provision for r in sample_review.risks}
    [message] = [m for m in brief.build(sample_review, "en").key_messages if "safeguards children need" in m]
    assert message.startswith(f"{len(risky)} provisions lack the safeguards children need, notably {named} (")


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "3 provisions lack the safeguards children need: Article 20(4), Article 48(5), "
           "Article 82(6) (Access to information, expression and participation, Data protection and privacy)."),
    ("ru", "Норм без необходимых гарантий для детей: 3 — пункт 4 статьи 20, пункт 5 "
           "статьи 48, пункт 6 статьи 82 (Доступ к информации, свобода выражения мнения и участие, Защита данных "
           "и неприкосновенность частной жизни)."),
])
def test_key_messages_name_every_risky_provision_when_there_are_few(kz_code, lang, expected):
    # three of the KZ Code's risks, each named
    few = kz_code.model_copy(update={"risks": [r for r in kz_code.risks
                                               if r.provision in ("art:48.5", "art:20.4", "art:82.6")]})
    assert expected in brief.build(few, lang).key_messages


def test_key_messages_name_the_most_severe_risky_provisions_first_when_there_are_many(kz_code):
    # all but art. 83(3) (low) are of medium severity since art. 48(3) bounds art. 48(5): among equals, the
    # draft's order
    [message] = [m for m in brief.build(kz_code, "en").key_messages if "safeguards children need" in m]
    assert message.startswith("5 provisions lack the safeguards children need, notably Article 20(4), "
                              "Article 41(4), Article 48(5) (")


def test_the_recommendations_open_with_what_to_do_about_the_risky_provisions_named(kz_code):
    """The key message names the provisions that can harm children; the recommendations say first what to add to
    them. In the KZ Code they were left out: both are of the area whose first recommendation was another."""
    content = brief.build(kz_code, "en")
    by_id = {r.id: r for r in kz_code.recommendations}
    answered = [[r.provision for r in kz_code.risks if r.id in by_id[item.id].risks] for item in
                content.recommendations[:3]]
    assert answered == [["art:20.4"], ["art:41.4"], ["art:48.5"]]


@pytest.mark.parametrize(("lang", "places"), [
    ("en", ["Article 20 (supplement with paragraphs 5–9)", "Article 41 (supplement with paragraphs 5–8)",
            "Article 48 (supplement with paragraphs 9–11)"]),
    ("ru", ["Статья 20 (дополнить пунктами 5–9)", "Статья 41 (дополнить пунктами 5–8)",
            "Статья 48 (дополнить пунктами 9–11)"]),
])
def test_a_priority_recommendation_that_adds_paragraphs_is_cited_by_them(kz_code, lang, places):
    """The KZ Code's risky provisions (Article 20(4), 41(4), 48(5)) stay as they are: the recommendations add
    paragraphs to their articles. The brief headed them «Пункт 4 статьи 20», which a drafter reads as a change
    to that paragraph (fourth lawyer's audit, K15); it names what the amendments table names, the paragraphs
    added."""
    content = brief.build(kz_code, lang)
    assert [r.where for r in content.recommendations[:3]] == places


def test_answering_the_risks_takes_no_area_out_of_the_recommendations(kz_code):
    """The risky provisions' recommendations come on top of one per area: the KZ Code's data protection keeps
    its age of digital consent, and the areas listed before are all still listed."""
    review = kz_code
    content = brief.build(review, "en")
    risky = {r.id for r in review.recommendations if r.risks}
    breadth = [r for r in review.recommendations if r.id in {b.id for b in content.recommendations} - risky]
    areas = [r.areas[0] for r in breadth]
    assert len(areas) == len(set(areas)) >= 8
    assert any("age of digital consent" in r.text for r in content.recommendations)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_conclusions_name_every_area_with_gaps(kz_code, lang):
    """The KZ Code's conclusions listed eight of its partly met areas and left out the rest (digital literacy)."""
    review = kz_code
    conclusions = " ".join(brief.build(review, lang).conclusions)
    kb = load()
    missing = [a.id for a in review.areas if a.status in ("gap", "partial")
               and kb.areas[a.id].title.get(lang) not in conclusions]
    assert not missing


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_brief_names_the_act_reviewed_not_its_file(sample_review, lang):
    content = brief.build(sample_review, lang)
    texts = [*content.key_messages, *content.context, *content.conclusions, content.subtitle]
    assert not [t for t in texts if sample_review.document.source in t]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_conclusion_promises_progress_towards_the_norms_not_compliance(sample_review, lang):
    """Adopting our amendments is a step towards the CRC and General Comment No. 25; no review can promise that
    a law complies with them."""
    last = brief.build(sample_review, lang).conclusions[-1]
    assert "align" not in last and "в соответствие" not in last
    assert ("closer to" in last) if lang == "en" else ("приблизят" in last)


def test_brief_counts_agree_with_their_noun():
    assert brief._respects(1, "en") == "respect" and brief._respects(3, "en") == "respects"
    assert brief._respects(21, "ru") == "аспекте" and brief._respects(11, "ru") == "аспектах"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_brief_names_the_fields_left_to_other_laws(corpus, lang):
    """A platforms law does not regulate schools: the brief says so, instead of silently leaving them out."""
    review = review_document(parse_file(corpus / "kz-law-online-platforms-2023-ru.txt"))
    content = brief.build(review, lang)
    [line] = [c for c in content.context if c.startswith(("Not applied", "Не применялись"))]
    schools = {"en": "School-level control and safety", "ru": "Контроль и безопасность на уровне школы"}[lang]
    assert f"{schools} (6)" in line


def test_brief_counts_every_criterion_not_applied(sample_review):
    [line] = [c for c in brief.build(sample_review, "en").context if c.startswith("Not applied")]
    not_applied = sum(1 for c in sample_review.criteria if c.status == "not-applicable")
    assert line.startswith(f"Not applied: {not_applied} criteria ")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_what_the_draft_does_well_is_shown_in_the_draft_s_own_words(sample_review, lang):
    """Our criterion's statement would claim more than the words found; the draft's quote claims nothing."""
    content = brief.build(sample_review, lang)
    quotes = {f.quote for f in sample_review.positive_findings}
    assert content.strengths
    for line in content.strengths:
        quoted = re.search(r"[“«](.+?)(?:…)?[”»]$", line)
        assert quoted is not None, line
        assert any(q.startswith(quoted.group(1)) for q in quotes), line
    areas = [line.split(":")[0] for line in content.strengths]
    assert len(areas) == len(set(areas)), "one finding per area before a second one of any area"


@pytest.mark.parametrize(("lang", "evidence"), [("en", " mentions "), ("ru", " упоминает: ")])
def test_the_main_gaps_state_what_is_missing_not_the_words_found(sample_review, lang, evidence):
    """A partly met criterion's issue opens with the words found ("Article 41 mentions ..."); the brief's line
    for its area gives the finding that follows them."""
    gaps = brief.build(sample_review, lang).gaps
    assert gaps and not [g for g in gaps if evidence in g]
    assert [g for g in gaps if "The draft does not yet" in g or "Проект пока не" in g]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_recommendation_is_not_placed_in_an_article_and_again_in_its_part(sample_review, lang):
    for rec in brief.build(sample_review, lang).recommendations:
        places = rec.where.split(", ")
        assert not any(a != b and b.startswith(a) for a in places for b in places), rec.where


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_draft_that_fully_meets_nothing_shows_what_it_partly_has_in_its_own_words(tmp_path, lang):
    """Holistic: a draft with no criterion fully met still has provisions to build on, quoted, not praised."""
    from drafts import review_text

    review = review_text(tmp_path, (
        "Статья 1. Автоматизированные решения\n"
        "1. Решение о предоставлении государственной услуги может приниматься автоматизированным способом.\n"
        "2. Заявитель вправе требовать пересмотра автоматизированного решения с участием уполномоченного "
        "специалиста и обжаловать его в суд.\n"))
    assert not review.positive_findings
    content = brief.build(review, lang)
    assert not content.strengths
    quotes = {e.quote for c in review.criteria if c.status == "partial" for e in c.evidence}
    assert content.foundations
    for line in content.foundations:
        quoted = re.search(r"[“«](.+?)(?:…)?[”»]$", line)
        assert quoted is not None and any(q.startswith(quoted.group(1)) for q in quotes), line
    pdf = PdfReader(str(brief.write_pdf(review, tmp_path / "b.pdf", lang)))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert brief.T[lang]["builds"] in " ".join(text.split())
    document = docx.Document(str(brief.write_docx(review, tmp_path / "b.docx", lang)))
    assert brief.T[lang]["builds"] in [p.text for p in document.paragraphs]


def test_a_draft_with_enough_strengths_needs_no_foundations(sample_review):
    assert not brief.build(sample_review, "en").foundations


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_references_are_exactly_the_norms_the_recommendations_cite(sample_review, lang):
    content = brief.build(sample_review, lang)
    # a recommendation says a label once for the references under it ("Kazakhstan, law in force: A; B"); the list
    # gives each document its own line under the label
    cited = {f"{label}: {item}" if under else item for rec in content.recommendations for ref in rec.refs
             for label, under, items in [ref.partition(": ")] for item in (items if under else label).split("; ")}
    listed = {name for line in content.references for name in line.rsplit(" — ", 1)[0].split("; ")}
    assert cited == listed
    urls = [line.rsplit(" — ", 1)[1] for line in content.references]
    assert len(urls) == len(set(urls)), "one line per document"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_priority_recommendations_of_the_sample_are_whole_sentences(sample_review, lang):
    content = brief.build(sample_review, lang)
    for rec in content.recommendations:
        assert rec.text.endswith("."), rec.text


def test_a_long_sentence_is_cut_at_a_clause_and_marked():
    text = ("Require a, b and c for every service used by children; " + "set out the details " * 30
            + "in law. Next.")
    cut = brief._first_sentence(text, 100)
    assert cut == "Require a, b and c for every service used by children…"


@pytest.mark.parametrize(("lang", "new_articles"), [
    ("en", ["New article 29-2 (in new Chapter 4-1, after Chapter 4)",
            "New article 29-3 (in new Chapter 4-1, after Chapter 4)"]),
    ("ru", ["Новая статья 29-2 (в новой главе 4-1 после главы 4)",
            "Новая статья 29-3 (в новой главе 4-1 после главы 4)"]),
])
def test_a_priority_recommendation_that_adds_a_new_article_is_cited_by_it(kz_code, lang, new_articles):
    """The KZ Code's recommendations on manipulative design and age-appropriate design propose new Articles 29-2
    and 29-3; the brief cited them as "Article 29", the article they follow, which they do not amend. It names
    them as the amendments table does, without the new chapter's heading (test_new_chapters)."""
    from crlens.report.amendments import where

    content = brief.build(kz_code, lang)
    places = [r.where for r in content.recommendations]
    assert all(place in places for place in new_articles), places
    by_id = {r.id: r for r in kz_code.recommendations}
    for item in content.recommendations:
        rec = by_id[item.id]
        if rec.amendment.action == "new":
            assert item.where == where(rec, lang, naming=kz_code.naming, headings=False)


@pytest.mark.parametrize(("lang", "area", "operative", "definition"), [
    ("en", "Artificial intelligence and algorithmic systems", "Article 43(4)", "Article 43(1)"),
    ("ru", "Искусственный интеллект и алгоритмические системы", "пункта 4 статьи 43", "Пункт 1 статьи 43"),
])
def test_a_provision_to_build_on_is_an_operative_one_not_a_definition(kz_code, lang, area, operative, definition):
    """The KZ Code's right to a review of an automated decision by a person (Article 43(4)(3)) partly meets the
    criterion on automated decisions about children; the brief quoted instead the first words found, Article
    43(1)'s definition of an algorithmic system ("Алгоритмическая система – цифровая система ..."), which grants
    nothing to build on."""
    [line] = [f for f in brief.build(kz_code, lang).foundations if f"({area}):" in f]
    assert operative in line and definition not in line, line


def test_a_provision_to_build_on_is_headed_by_the_criterion_it_partly_meets(kz_code):
    """The KZ Code's rule on foreigners (Article 1(3)) partly meets the criterion on services offered from abroad;
    headed by its area alone ("Impact on children, responsibility and liability: Article 1(3)"), it read as a
    rule on liability."""
    [line] = [f for f in brief.build(kz_code, "en").foundations if "Article 1(3)" in f]
    heading = load().criteria[next(c.id for c in kz_code.criteria if c.status == "partial" and any(
        e.provision == "art:1.3" for e in c.evidence))].recommendation.heading.en
    assert line.startswith(f"{heading} (Impact on children, responsibility and liability): Article 1(3), ")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_provision_that_can_harm_children_is_not_offered_to_build_on(kz_code, lang):
    """The KZ Code's art. 20(4), a blocking power bound by the legality test, partly meets the criterion on
    blocking and is also its risk: the key messages count it among the provisions that can harm children, so it
    is not listed among those to build on."""
    content = brief.build(kz_code, lang)
    named = label("art:20.4", lang).casefold()
    assert any(named in m.casefold() for m in content.key_messages if "20" in m)
    risky = {label(r.provision, lang).casefold() for r in kz_code.risks}
    assert content.foundations
    for line in content.foundations:
        assert not any(f": {p}," in line.casefold() for p in risky), line


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "; it is also counted among the provisions that lack the safeguards children need (Access to "
           "information, expression and participation)"),
    ("ru", "; вместе с тем это положение входит в число норм без необходимых гарантий для детей (Доступ к "
           "информации, свобода выражения мнения и участие)"),
])
def test_a_strength_that_can_also_harm_children_says_so(sample_review, lang, said):
    """The Law on Online Platforms' art. 9(4)(10), a duty to suspend accounts that bully a child on the authorised
    body's order, protects children from cyberbullying and is a blocking power with no appeal: praised in one area
    and named as able to harm children in another, the brief says both where it praises it."""
    [first, *_] = brief.build(sample_review, lang).strengths
    finding = sorted(sample_review.positive_findings, key=lambda f: AREA_IDS.index(f.area))[0]
    assert label(finding.provision, lang, naming=sample_review.naming) in first and said not in first
    risk = next(r for r in sample_review.risks if r.area == "access-information")
    both = sample_review.model_copy(update={"risks": [risk.model_copy(update={"provision": finding.provision})]})
    [first, *others] = brief.build(both, lang).strengths
    assert first.endswith(said)
    assert not any(said in line for line in others)


def test_a_definition_is_still_quoted_when_it_is_all_a_criterion_s_evidence_has(tmp_path):
    """Preferring operative provisions leaves nothing out: a draft whose only words on a criterion are a
    definition (a platform operator "responsible for violations of the rights of the child") still has them
    shown to build on."""
    from drafts import review_text

    review = review_text(tmp_path, (
        "Статья 1. Основные понятия\n"
        "В настоящем Кодексе используются следующие понятия:\n"
        "1) оператор онлайн-платформы – лицо, в том числе иностранное, которое управляет онлайн-платформой, "
        "используемой детьми, и несет ответственность за нарушение прав ребенка;\n"))
    foundations = brief.build(review, "en").foundations
    assert foundations
    assert all("Article 1(1), “оператор онлайн-платформы – лицо" in line for line in foundations), foundations


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "The Code is in force: the recommendations below are proposals for amendments to it, to be made by an "
           "amending law."),
    ("ru", "Кодекс действует: приведенные ниже рекомендации — предложения об изменениях и дополнениях, вносимых в "
           "него законом о внесении изменений и дополнений."),
])
def test_the_brief_on_a_law_in_force_says_once_that_changing_it_takes_an_amending_law(kz_code, sample_review,
                                                                                     tmp_path, lang, note):
    """The KZ Code was adopted (No. 255-VIII of 9 January 2026): its brief said "amending the Code" but never that
    this takes an amending law. It says so once, where the recommendations begin; a draft's brief does not."""
    content = brief.build(kz_code, lang)
    assert content.in_force_note == note
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(str(brief.write_pdf(
        kz_code, tmp_path / "b.pdf", lang))).pages).split())
    assert pdf.count(note) == 1
    assert pdf.index(note) > pdf.index(content.recommendations_heading)
    word = docx.Document(str(brief.write_docx(kz_code, tmp_path / "b.docx", lang)))
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs.count(note) == 1
    assert paragraphs.index(note) == paragraphs.index(content.recommendations_heading) + 1
    draft = brief.build(sample_review, lang)
    assert sample_review.document.act.status == "draft" and not draft.in_force_note


@pytest.mark.parametrize(("lang", "said", "not_said"), [
    ("en", "Child-specific rules are missing or incomplete in 22 of 22 review areas; 41 high-priority "
           "recommendations.", "show gaps"),
    ("ru", "Нормы, специально касающиеся детей, отсутствуют или неполны по 22 из 22 направлений; рекомендаций "
           "высокой приоритетности: 41.", "Пробелы выявлены"),
])
def test_the_key_message_counts_areas_short_of_child_specific_rules(kz_code, lang, said, not_said):
    """The criteria ask for rules made for children: "22 of 22 review areas show gaps" read, of a Code with rules
    on consent, erasure and review of automated decisions for everyone, as if it had nothing in those areas."""
    key = brief.build(kz_code, lang).key_messages
    assert key[0] == said
    assert not [m for m in key if not_said in m]


@pytest.mark.parametrize(("lang", "heading"), [
    ("en", "Priority recommendations (11 of 69)"),
    ("ru", "Приоритетные рекомендации (11 из 69)"),
])
def test_the_priority_list_says_how_many_of_all_the_recommendations_it_shows(kz_code, sample_review, tmp_path,
                                                                              lang, heading):
    """The key message counts 41 high-priority recommendations and the list under "Priority recommendations" has
    11: a ministry reader took the 41 for the list's length. The list's heading says what it is a selection of
    (five full pages have no line to spare for a sentence)."""
    made = brief.build(kz_code, lang)
    assert len(made.recommendations) == 11 and len(kz_code.recommendations) == 69
    assert made.recommendations_heading == heading
    written = docx.Document(str(brief.write_docx(kz_code, tmp_path / "b.docx", lang)))
    assert heading in [p.text for p in written.paragraphs]
    pages = PdfReader(str(brief.write_pdf(kz_code, tmp_path / "b.pdf", lang))).pages
    pdf = " ".join(p.extract_text() for p in pages)
    assert heading in " ".join(pdf.split())


@pytest.mark.parametrize(("lang", "status"), [
    ("en", "(no child-specific provision meets its criteria)"),
    ("ru", "(ни одна норма для детей не отвечает критериям направления)"),
])
def test_an_area_none_of_whose_criteria_is_met_is_said_to_lack_child_specific_rules(kz_code, lang, status):
    """An area with no criterion met or partly met was marked "(not addressed)": of the KZ Code's data protection,
    redress and general principles, which have general rules that do not name children, that was untrue."""
    kb = load()
    gaps = brief.build(kz_code, lang).gaps
    gap_areas = [kb.areas[a.id].title.get(lang) for a in kz_code.areas if a.status == "gap"]
    shown = [g for g in gaps if g.startswith(tuple(gap_areas))]
    assert shown
    assert all(f"{g.split(' (')[0]} {status}." in g for g in shown), shown
    assert not [g for g in gaps if "not addressed" in g or "не учтено" in g]


@pytest.mark.parametrize(("lang", "area", "general"), [
    ("en", "Data protection and privacy", "The Code has general rules to build on: Article 41(1)."),
    ("en", "CRC general principles", "The Code has general rules to build on: Article 5(3), Article 10(1), "
                                     "Article 13(1), Article 43(2)."),
    ("ru", "Защита данных и неприкосновенность частной жизни",
     "В Кодексе есть общие нормы, на которые можно опереться: пункт 1 статьи 41."),
])
def test_an_area_without_child_specific_rules_names_the_general_rules_the_review_quotes(kz_code, lang, area,
                                                                                       general):
    """The review quotes the KZ Code's general rules where a criterion asks for a child-specific one ("Article 41
    ... mentions erasure of data ... (Article 41(1): “…”), but not: children and minors"; "Article 10(1), Article
    13(1), Article 43(2) also mention non-discrimination"): the brief's line for the area names them as rules to
    build on."""
    [line] = [g for g in brief.build(kz_code, lang).gaps if g.startswith(area)]
    assert general in line


def test_the_brief_names_the_general_rules_review_json_lists_not_what_it_reads_in_the_issue(kz_code):
    """The general rules come from the recommendations' ``general_rules``: a review that lists none for data
    protection (one written before the field existed) claims none there, though its issue still quotes Article
    41(1) "but not: children or minors"."""
    recs = [r.model_copy(update={"general_rules": []}) if r.areas[0] == "data-privacy" else r
            for r in kz_code.recommendations]
    assert any("but not: children or minors" in r.issue for r in recs if r.areas[0] == "data-privacy")
    review = kz_code.model_copy(update={"recommendations": recs})
    [line] = [g for g in brief.build(review, "en").gaps if g.startswith("Data protection and privacy")]
    assert "general rules" not in line


def test_an_area_whose_review_quotes_no_general_rule_claims_none(kz_code):
    """The KZ Code has no rule on child sexual abuse material, general or not: its line says nothing of rules to
    build on."""
    [line] = [g for g in brief.build(kz_code, "en").gaps if g.startswith("Online child sexual abuse")]
    assert "general rules" not in line


@pytest.mark.parametrize(("lang", "none", "some"), [
    ("en", "Data protection and privacy (5) — Consent to the processing of a child's personal data",
     "Artificial intelligence and algorithmic systems (of 6 criteria: 1 in part, 5 not met) — Prohibited "
     "artificial intelligence "
     "practices affecting children"),
    ("ru", "Защита данных и неприкосновенность частной жизни (5) — «Согласие на обработку персональных данных "
           "ребенка»",
     "Искусственный интеллект и алгоритмические системы (из 6 критериев: частично — 1, не выполнено — 5) — "
     "«Запрещенные практики применения "
     "искусственного интеллекта в отношении детей»"),
])
def test_the_conclusions_say_how_far_each_area_falls_short_and_what_comes_first(kz_code, lang, none, some):
    """The KZ Code's conclusions listed the names of 22 areas. Each area now says how many of its criteria are not
    met, or of all how many are met, met in part and not met ("6 of 6, 1 in part" counted the one met in part
    among those not met, and read as if all six were missing), and the heading of its highest-priority
    recommendation's first criterion: in one sentence the areas no child-specific provision meets at all, in
    another those partly met; the closing line stays last."""
    conclusions = brief.build(kz_code, lang).conclusions
    assert len(conclusions) == 3
    assert none in conclusions[0] and some in conclusions[1]
    kb = load()
    for sentence, status in zip(conclusions, ("gap", "partial"), strict=False):
        named = [a.id for a in kz_code.areas if kb.areas[a.id].title.get(lang) + " (" in sentence]
        assert named == [a.id for a in kz_code.areas if a.status == status]
    assert conclusions[-1].startswith(("Amending the Code", "Внесение в Кодекс"))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_brief_of_the_kz_code_stays_within_five_pages(kz_code, tmp_path, lang):
    """The KZ Code has gaps in all 22 areas: the longest conclusions a brief has."""
    assert len(PdfReader(str(brief.write_pdf(kz_code, tmp_path / "brief.pdf", lang))).pages) <= 5


@pytest.mark.parametrize(("lang", "n", "word"), [("en", 1, "criterion"), ("en", 6, "criteria"),
                                                 ("ru", 1, "критерия"), ("ru", 6, "критериев"),
                                                 ("ru", 21, "критерия"), ("ru", 11, "критериев")])
def test_an_areas_count_of_criteria_takes_the_right_noun(lang, n, word):
    """"of 1 criteria" and «из 1 критериев» for an area with one applicable criterion."""
    assert brief._criteria_word(n, lang) == word


def test_the_brief_names_a_law_in_force_once_by_the_first_provision_cited(sample_review):
    """The gap table cites both articles of the Law on Artificial Intelligence that a recommendation builds on; the
    five-page brief names that law once."""
    content = brief.build(sample_review, "en")
    refs = [ref for rec in content.recommendations for ref in rec.refs if "Law on Artificial Intelligence" in ref]
    assert refs
    assert all(ref.count("Law on Artificial Intelligence") == 1 for ref in refs)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_recommendation_of_the_brief_cites_at_most_three_sources_its_law_in_force_among_them(sample_review,
                                                                                            lang):
    """The Russian brief of a draft whose every recommendation was rejected ran to six pages once the Law on
    Artificial Intelligence was cited beside three norms; the amendments table cites them all."""
    content = brief.build(sample_review, lang)
    label = "Kazakhstan, law in force: " if lang == "en" else "Казахстан, действующее законодательство: "
    assert any(ref.startswith(label) for rec in content.recommendations for ref in rec.refs)
    for rec in content.recommendations:
        names = [name for ref in rec.refs for name in ref.removeprefix(label).split("; ")]
        assert len(names) <= 3, rec.id


def test_a_brief_that_would_run_over_its_pages_lists_fewer_recommendations_and_says_how_many(
        sample_review, tmp_path, monkeypatch):
    """The Russian brief of a draft whose every recommendation was rejected ran to six pages once one
    recommendation cited a second law in force: the brief had no way to fit. It now lists one recommendation
    fewer at a time until it fits, and its heading says how many of all it lists (the tables list them all).
    Four pages stand in here for the five a longer brief would overrun."""
    full = brief.build(sample_review, "ru")
    monkeypatch.setattr(brief, "MAX_PAGES", 4)
    path = brief.write_pdf(sample_review, tmp_path / "b.pdf", "ru")
    assert len(PdfReader(str(path)).pages) <= 4
    short = brief.fitted(sample_review, "ru")
    assert len(short.recommendations) < len(full.recommendations)
    assert short.recommendations == full.recommendations[:len(short.recommendations)]
    assert f"{len(short.recommendations)} из {len(sample_review.recommendations)}" in short.recommendations_heading


def test_a_brief_that_fits_lists_every_recommendation_it_picks(sample_review):
    assert brief.fitted(sample_review, "en").recommendations == brief.build(sample_review, "en").recommendations


def test_a_priority_item_promises_no_more_than_its_proposed_text_gives(kz_code):
    """The KZ Code's definition of cyberbullying refers to the Law on the Rights of the Child; the brief's item
    promised a definition covering isolation and private information, which that text does not give (lawyer's
    audit). The solution's first sentence, which the brief shows, now says what every text of it does: the
    definitions, that one among them, make a new article after art. 1."""
    [rec] = [r for r in kz_code.recommendations if "cyber-aggression-01" in r.criteria]
    assert rec.ru.solution.startswith("Дополнить Кодекс после статьи 1 статьей об основных понятиях, определяющей "
                                      "одним перечнем в алфавитном порядке понятия, предлагаемые в настоящем "
                                      "обзоре. ")
    assert rec.solution.startswith("Add after Article 1 an article that defines, in one list in alphabetical "
                                   "order, the terms this review proposes. ")
    assert "Define cyberbullying of a child. " in rec.solution
