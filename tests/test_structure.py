"""The structure parser: ids, nesting and headings for Russian, Kazakh and English drafting."""

from __future__ import annotations

from crlens.ingest import parse_text


def ids(text: str) -> list[str]:
    return [p.id for p in parse_text(text).provisions]


def test_russian_divisions_articles_paragraphs_and_subparagraphs():
    text = """ПРОЕКТ
РАЗДЕЛ 1. ОБЩИЕ ПОЛОЖЕНИЯ
Глава 1. Основы
Параграф 1. Понятия
Статья 12. Сбор данных
1. Общая норма.
2. Оператор обязан:
1) уведомить;
2) удалить.
Статья 12-1. Дополнение
Текст статьи без пунктов.
"""
    assert ids(text) == ["preamble", "sec:1", "ch:1", "par:1", "art:12", "art:12.1", "art:12.2", "art:12.2.1",
                         "art:12.2.2", "art:12-1"]
    doc = parse_text(text)
    assert doc.get("art:12").heading == "Сбор данных"
    assert doc.get("art:12-1").text == "Текст статьи без пунктов."
    assert doc.get("art:12.2.1").kind == "subparagraph"
    assert doc.get("par:1").parent.id == "ch:1"


def test_kazakh_headings():
    text = """1-бөлім. ЖАЛПЫ ЕРЕЖЕЛЕР
2-тарау. Негіздер
12-бап. Негізгі ұғымдар
1) бала – он сегіз жасқа толмаған адам;
12-1-бап. Қосымша
"""
    doc = parse_text(text)
    assert [p.id for p in doc.provisions] == ["sec:1", "ch:2", "art:12", "art:12.1", "art:12-1"]
    assert doc.language == "kk"
    assert [(d.term, d.provision) for d in doc.definitions] == [("бала", "art:12.1")]


def test_english_paragraphs_letters_and_roman_numerals():
    letters = "\n".join(f"({c}) item;" for c in "abcdefgh")
    text = f"""Part 1 Preliminary
Article 3 Definitions
(1) "child" means a person under 18;
(2) A provider shall:
{letters}
(i) ninth, a letter after (h);
(j) tenth:
(i) first roman;
(ii) second roman.
"""
    assert ids(text) == ["part:1", "art:3", "art:3.1", "art:3.2", *[f"art:3.2.{c}" for c in "abcdefgh"],
                         "art:3.2.i", "art:3.2.j", "art:3.2.j.i", "art:3.2.j.ii"]
    assert parse_text(text).definitions[0].term == "child"


def test_i_after_an_h_kept_as_text_is_a_letter_and_opens_no_roman_list():
    # The list's "(a)" runs on in the lead-in line, so "(f)" to "(h)" cannot start a list and stay text; "(i)"
    # after them is the letter after "(h)", not a roman list that "(b)" and "(c)" would then be nested under.
    text = """Article 7 Tasks of the council
The council shall in particular:(a) keep a register of providers;
(f) publish a yearly report;
(g) answer questions from parents;
(h) meet twice a year;
(i) hear children's organisations;
(b) advise the ministry;
(c) give opinions, among them:
(i) on codes of conduct;
(ii) on complaints.
"""
    assert ids(text) == ["art:7", "art:7.b", "art:7.c", "art:7.c.i", "art:7.c.ii"]
    assert "(i) hear children's organisations;" in parse_text(text).get("art:7").text


def test_lettered_items_after_a_dotted_paragraph_are_that_paragraph_s_items():
    text = """Article 4 Duties of platforms
4.1 A platform shall:
(a) check the user's age;
(b) ask a parent before it collects data, in particular:
(i) the child's location;
(ii) photographs.
4.2 A platform shall not:
(a) show advertising to children.
"""
    assert ids(text) == ["art:4", "art:4.1", "art:4.1.a", "art:4.1.b", "art:4.1.b.i", "art:4.1.b.ii", "art:4.2",
                         "art:4.2.a"]
    document = parse_text(text)
    assert document.get("art:4.1.b").kind == "subparagraph"
    assert document.get("art:4.1.b.i").kind == "point"
    assert document.get("art:4.2.a").label == "Article 4(2)(a)"


def test_section_is_an_article_in_a_law_without_articles():
    text = "Online Safety Act\nSection 1 Overview\n(1) This Act...\nSection 2 Duties\n"
    assert ids(text) == ["preamble", "art:1", "art:1.1", "art:2"]


def test_section_is_a_division_in_a_law_with_articles():
    text = "CHAPTER I\nSection 1\nArticle 1\nSubject matter\n1. text\n"
    doc = parse_text(text)
    assert [p.id for p in doc.provisions] == ["ch:I", "sec:1", "art:1", "art:1.1"]
    assert doc.get("art:1").heading == "Subject matter"


def test_repeated_article_numbers_get_a_suffix():
    assert ids("Статья 5. А\nтекст\nСтатья 5. Б\nтекст\n") == ["art:5", "art:5~2"]


def test_cross_references_stay_text():
    doc = parse_text("Статья 1. А\n1. В соответствии со статьей 12 настоящего Кодекса.\nСтатья 2. Б\n")
    assert doc.get("art:1.1").text == "В соответствии со статьей 12 настоящего Кодекса."
    assert ids("Статья 1. А\nстатьей 5 настоящего Кодекса\n") == ["art:1"]


def test_text_without_articles_becomes_one_preamble_with_a_warning():
    doc = parse_text("Пояснительная записка к проекту.\nНикаких статей здесь нет.\n")
    assert [p.id for p in doc.provisions] == ["preamble"]
    assert doc.warnings and "no recognisable articles" in doc.warnings[0]


def test_language_detection():
    assert parse_text("Статья 1. Цели\nНастоящий Кодекс регулирует отношения.\n").language == "ru"
    assert parse_text("Article 1 Scope\nThis Code governs relations.\n").language == "en"


def test_a_term_with_a_short_name_in_brackets_is_the_term_before_them():
    text = ("Статья 1. Основные понятия\n"
            "1) контент на онлайн-платформе (далее – контент) – информация, размещаемая пользователем;\n")
    assert parse_text(text).definitions[0].term == "контент на онлайн-платформе"


def test_a_quoted_term_with_a_qualifier_before_means_is_the_quoted_term():
    text = ("Article 4 Definitions\n"
            "(1) ‘consent’ of the data subject means any freely given indication of the data subject's wishes;\n")
    assert parse_text(text).definitions[0].term == "consent"


def test_an_article_s_numbered_text_keeps_the_paragraph_and_subparagraph_numbers_as_written():
    text = "Статья 12. Сбор данных\n1. Общая норма.\n2. Оператор обязан:\n1) уведомить;\n2) удалить.\n"
    article = parse_text(text).get("art:12")
    assert article.numbered_text() == ("Сбор данных\n1. Общая норма.\n2. Оператор обязан:\n1) уведомить;\n"
                                       "2) удалить.")


def test_an_article_s_numbered_text_keeps_bracketed_numbers_and_letters_as_written():
    text = "Article 3 Duties\n(1) A provider shall:\n(a) assess;\n(b) report.\n(2) The regulator may act.\n"
    article = parse_text(text).get("art:3")
    assert article.numbered_text() == ("Duties\n(1) A provider shall:\n(a) assess;\n(b) report.\n"
                                       "(2) The regulator may act.")


def test_an_article_s_numbered_text_keeps_dotted_numbers_as_written():
    article = parse_text("Статья 8. Порядок\n8.1 Первое правило.\n8.2 Второе правило.\n").get("art:8")
    assert article.numbered_text() == "Порядок\n8.1 Первое правило.\n8.2 Второе правило."


def test_an_article_s_full_text_stays_without_numbers_for_draft_comparison():
    """Draft comparison matches a paragraph that a new version renumbers by its words alone."""
    article = parse_text("Статья 12. Сбор данных\n1. Общая норма.\n2) удалить.\n").get("art:12")
    assert article.full_text() == "Сбор данных\nОбщая норма.\nудалить."


def test_a_wrapped_citation_of_an_act_in_brackets_stays_text_of_the_item_before_it():
    # "(EU) 2016/679" wrapped onto its own line cites a Regulation; upper-case items longer than a letter are
    # roman numerals ("(II)") or doubled letters ("(AA)")
    text = """Article 59 Further processing in the sandbox
1. Personal data may be processed where:
(a) there are mechanisms to identify risks, as referred to in Article 35 of Regulation
(EU) 2016/679 and in Article 39 of Regulation (EU) 2018/1725, and to mitigate them;
(b) the data are kept apart:
(A) in a separate environment;
(B) under the control of the provider, with:
(I) access logs;
(II) deletion after use.
"""
    assert ids(text) == ["art:59", "art:59.1", "art:59.1.a", "art:59.1.b", "art:59.1.b.A", "art:59.1.b.B",
                         "art:59.1.b.B.I", "art:59.1.b.B.II"]
    assert "\n(EU) 2016/679 and in Article 39" in parse_text(text).get("art:59.1.a").text


def test_point_1_run_on_at_the_end_of_a_lead_in_line_opens_point_1():
    # The lead-in ends "...the following: 1. A general description": without point 1 the "(a)" list would sit
    # under the annex itself and the "(a)" after "2." would repeat its ids
    text = """Article 53 Obligations of providers
Providers shall give the information set out in Annex XII.
ANNEX XII
Information for downstream providers
The information shall contain at least the following: 1. A general description of the model including:
(a) the tasks of the model;
(b) the licence.
2. A description of the elements of the model, including:
(a) the technical means;
(b) the data used for training.
"""
    assert ids(text) == ["art:53", "annex:XII", "annex:XII.1", "annex:XII.1.a", "annex:XII.1.b", "annex:XII.2",
                         "annex:XII.2.a", "annex:XII.2.b"]
    document = parse_text(text)
    assert document.get("annex:XII").text == "The information shall contain at least the following:"
    point = document.get("annex:XII.1")
    assert point.marker == "1." and point.text == "A general description of the model including:"
    assert document.text[point.start:].startswith("1. A general description")


def test_points_numbered_from_1_under_the_only_dotted_paragraph_are_the_article_s_points():
    # A copy that numbers an article's one unnumbered lead-in "108.1": its "(1)" is cited "Article 108, point
    # (1)", not "Article 108(1), point (1)"
    text = """Article 108
Amendments to Regulation (EU) 2018/1139
108.1 Regulation (EU) 2018/1139 is amended as follows:
(1) in Article 17, the following paragraph is added:
‘3. When adopting implementing acts, the requirements shall be taken into account.’;
(2) in Article 19, the following points are added:
(a) a first point;
(b) a second point.
"""
    assert ids(text) == ["art:108", "art:108.1", "art:108.2", "art:108.2.a", "art:108.2.b"]
    document = parse_text(text)
    article = document.get("art:108")
    assert article.text == "Regulation (EU) 2018/1139 is amended as follows:"
    assert [child.id for child in article.children] == ["art:108.1", "art:108.2"]
    assert document.get("art:108.1").kind == "paragraph" and document.get("art:108.1").label == "Article 108(1)"
    assert document.get("art:108.2.a").kind == "subparagraph"
    assert document.get("art:108.2.a").label == "Article 108(2)(a)"


def test_points_numbered_from_1_under_one_of_several_dotted_paragraphs_stay_its_points():
    text = """Article 4 Amendments
4.1 The Code is amended as follows:
(1) in Article 2, a point is added;
(2) in Article 3, a paragraph is added.
4.2 This Article applies from 2027.
"""
    assert ids(text) == ["art:4", "art:4.1", "art:4.1.1", "art:4.1.2", "art:4.2"]


def test_a_paragraph_number_written_again_after_its_dotted_number_counts_once():
    # "112.1 1. The Commission...": the copy's dotted number and the law's own "1."; "2." is paragraph 2
    text = """Article 112 Evaluation and review
112.1 1. The Commission shall assess the list once a year.
2. By 2028 the Commission shall report on:
(a) the need for amendments;
(b) the transparency measures.
3. By 2029 the Commission shall report again.
"""
    assert ids(text) == ["art:112", "art:112.1", "art:112.2", "art:112.2.a", "art:112.2.b", "art:112.3"]
    document = parse_text(text)
    assert document.get("art:112.1").text == "The Commission shall assess the list once a year."
    assert document.get("art:112.2.a").kind == "subparagraph"
    assert document.get("art:112").numbered_text().splitlines()[1] == (
        "112.1 1. The Commission shall assess the list once a year.")


def test_by_means_of_is_no_definition() -> None:
    """'Providers shall, by means of technical measures, ...' defines nothing; the brief took "Providers shall,
    by" for a defined term. A term defined with "means" after such words is still found."""
    from crlens.ingest.structure import defined_term

    assert defined_term("Providers shall, by means of technical measures, ensure that children are safe.") is None
    assert defined_term("Processing by means of automated systems means any handling of data.") == (
        "Processing by means of automated systems")


LIST_THEN_A_PART = """Статья 9. Правовой режим
1. Онлайн-платформы должны иметь следующие функции:
1) определения количества пользователей;
2) подачи пользователями жалобы.
Интерфейс онлайн-платформы не должен вводить пользователя в заблуждение.
Это требование применяется ко всем платформам.
2. Иной пункт.
"""


def test_a_part_after_a_list_closed_by_a_full_stop_belongs_to_the_paragraph_not_to_the_last_item():
    """A lawyer found the Law on Online Platforms' rule on misleading interfaces (its art. 9(3), part two) cited
    as subparagraph 2), the complaint function, after which it stands."""
    doc = parse_text(LIST_THEN_A_PART)
    assert doc.get("art:9.1.2").text == "подачи пользователями жалобы."
    assert doc.get("art:9.1").text.endswith("в заблуждение.\nЭто требование применяется ко всем платформам.")
    assert doc.get("art:9.2").text == "Иной пункт."


def test_the_part_after_a_list_is_read_after_the_list():
    assert parse_text(LIST_THEN_A_PART).get("art:9.1").numbered_text().splitlines() == [
        "1. Онлайн-платформы должны иметь следующие функции:",
        "1) определения количества пользователей;",
        "2) подачи пользователями жалобы.",
        "Интерфейс онлайн-платформы не должен вводить пользователя в заблуждение.",
        "Это требование применяется ко всем платформам.",
    ]


def test_a_list_item_continued_on_a_line_of_its_own_keeps_it():
    """An item that has not closed the list (no full stop), or a continuation in lower case, is the item's."""
    doc = parse_text("Статья 1. Заголовок\n1. Ведомство:\n1) рассматривает жалобы\nв течение дня;\n"
                     "2) публикует отчет.\nв установленном порядке\n")
    assert doc.get("art:1.1.1").text == "рассматривает жалобы\nв течение дня;"
    assert doc.get("art:1.1.2").text == "публикует отчет.\nв установленном порядке"
