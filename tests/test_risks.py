"""Risks: provisions that can harm children without a safeguard, and what the draft offers elsewhere."""

from __future__ import annotations

from pathlib import Path

from crlens.analysis.review import Risk
from drafts import review_text

AUTOMATED = ("Статья 1. Автоматизированные решения\nРешение о назначении пособия на ребенка принимается "
             "автоматизированным способом без участия человека.\n")
REVIEW_ELSEWHERE = ("Статья 2. Пересмотр решений\nЗаявитель вправе требовать пересмотра автоматизированного "
                    "решения с участием уполномоченного специалиста.\n")


def _risks(tmp_path: Path, text: str, rule: str = "risk-ai-02") -> list[Risk]:
    return [r for r in review_text(tmp_path, text).risks if r.id.startswith(f"{rule}@")]


def test_automated_decisions_without_a_person_are_a_high_risk(tmp_path: Path) -> None:
    [risk] = _risks(tmp_path, AUTOMATED)
    assert risk.provision == "art:1" and risk.severity == "high"


def test_a_general_right_to_human_review_elsewhere_is_named_and_lowers_the_severity(tmp_path: Path) -> None:
    [risk] = _risks(tmp_path, AUTOMATED + REVIEW_ELSEWHERE)
    assert risk.provision == "art:1" and risk.severity == "medium"
    assert "Article 2 mentions human review or oversight" in risk.description
    assert "(“Заявитель вправе требовать пересмотра" in risk.description
    assert "В статье 2 упоминаются: " in risk.description_ru
    assert "Check that it covers this provision and children." in risk.description


REGISTRATION = ("Статья 1. Биометрическая регистрация\nФизические лица проходят биометрическую регистрацию при "
                "получении цифрового удостоверения.\n")
SCATTERED = ("Статья 2. Права детей\n1. Права детей осуществляются их законными представителями.\n"
             "2. Каждый вправе получать информацию любым способом, не запрещенным законом.\n")
CHILD_BIOMETRICS = ("Статья 2. Биометрические данные детей\nЗапрещается сбор биометрических данных детей, "
                    "не достигших шестнадцати лет, без согласия законного представителя.\n")


def test_a_safeguard_scattered_over_paragraphs_on_other_subjects_is_none(tmp_path: Path) -> None:
    """Children named in one paragraph and "not prohibited" in another are no rule limiting biometrics for
    children: the risk keeps its severity and names no safeguard elsewhere."""
    [risk] = _risks(tmp_path, REGISTRATION + SCATTERED, "risk-data-privacy-04")
    assert risk.severity == "high"
    assert "Check that it covers" not in risk.description


def test_a_safeguard_elsewhere_on_the_same_subject_is_named(tmp_path: Path) -> None:
    [risk] = _risks(tmp_path, REGISTRATION + CHILD_BIOMETRICS, "risk-data-privacy-04")
    assert risk.provision == "art:1" and risk.severity == "medium"
    assert "Article 2 mentions" in risk.description


def test_without_a_person_is_no_human_review(tmp_path: Path) -> None:
    """"без участия человека" says the opposite of a safeguard, so it must not silence the risk."""
    assert _risks(tmp_path, AUTOMATED)


BIOMETRICS = (
    "Статья 1. Биометрическая аутентификация\n"
    "1. Биометрические данные, используемые для аутентификации, признаются персональными данными и подлежат "
    "защите.\n"
    "2. Каждый гражданин вправе пройти биометрическую регистрацию в целях аутентификации.\n"
)
PROTECTED_LIST = (
    "Статья 1. Обмен данными между государственными органами\n"
    "1. Государственным органам запрещается:\n"
    "1) передавать персональные данные другим государственным органам без согласия их субъекта;\n"
    "2) использовать персональные данные в целях, не предусмотренных законом.\n"
)


def test_a_risk_sits_where_the_draft_permits_not_where_it_defines_or_protects(tmp_path: Path) -> None:
    """Paragraph 1 classifies biometric data as protected personal data; paragraph 2 provides for registration."""
    risks = _risks(tmp_path, BIOMETRICS, "risk-data-privacy-04")
    assert [r.provision for r in risks] == ["art:1.2"]


def test_an_item_of_a_list_of_prohibitions_is_no_risk(tmp_path: Path) -> None:
    assert not _risks(tmp_path, PROTECTED_LIST, "risk-data-privacy-05")


def test_a_list_item_is_read_with_its_lead_in_not_with_its_sibling_items(tmp_path: Path) -> None:
    """A platform's duty to give data to state bodies (item 1) and to publish a report on removed content (item 2)
    give no state body a power to remove content: the triggers of that risk meet only across two items."""
    review = review_text(
        tmp_path,
        "Статья 1. Обязанности оператора онлайн-платформы\n"
        "1. Оператор онлайн-платформы обязан:\n"
        "1) представлять сведения о пользователях по запросу уполномоченного государственного органа;\n"
        "2) ежегодно публиковать отчет о модерации с указанием количества удаленных материалов.\n")
    assert not [r for r in review.risks if r.criterion == "access-information-02"]


BLOCKING = ("Статья 1. Ограничение доступа\nУполномоченный орган вправе ограничить доступ к интернет-ресурсу, "
            "распространяющему запрещенную информацию.\n")
CSAM_REMOVAL = ("Статья 2. Материалы сексуального насилия над детьми\nОператор онлайн-платформы удаляет материалы "
                "сексуального насилия над детьми и ограничивает доступ к ним в течение двадцати четырех часов.\n")


def test_a_power_to_block_csam_is_no_risk_to_access_to_information(tmp_path: Path) -> None:
    assert not _risks(tmp_path, CSAM_REMOVAL, "risk-access-information-02")


def test_csam_removal_elsewhere_is_no_safeguard_for_a_general_blocking_power(tmp_path: Path) -> None:
    [risk] = _risks(tmp_path, BLOCKING + CSAM_REMOVAL, "risk-access-information-02")
    assert risk.provision.startswith("art:1") and risk.severity == "high"
    assert "Article 2" not in risk.description
    assert not any("sexual abuse" in m for m in risk.missing)


def test_what_a_report_must_contain_is_no_risk(tmp_path: Path) -> None:
    """An annual report "with information on" content removed at a state body's order lets no one remove it."""
    assert not _risks(tmp_path, (
        "Статья 1. Отчетность оператора\n"
        "1. Оператор онлайн-платформы ежегодно публикует отчет, который включает следующую информацию о:\n"
        "1) числе жалоб пользователей и принятых по ним решениях;\n"
        "2) модерации контента с указанием удаленного противоправного контента и числа предписаний "
        "уполномоченного органа.\n"), "risk-access-information-02")


def test_a_register_of_targeted_advertising_is_no_permission_to_target(tmp_path: Path) -> None:
    assert not _risks(tmp_path, (
        "Статья 1. Хранение сведений о рекламе\n"
        "Онлайн-платформа ведет хранилище, содержащее информацию о размещенной таргетированной рекламе, "
        "без персональных данных пользователей.\n"), "risk-data-privacy-03")


def test_a_right_to_object_to_profiling_is_no_permission_to_profile(tmp_path: Path) -> None:
    assert not _risks(tmp_path, (
        "Article 1. Right to object\n"
        "1. The data subject has the right to object at any time to processing of personal data concerning him or "
        "her, including profiling for direct marketing.\n"), "risk-data-privacy-03")


def test_what_a_person_must_be_told_is_no_permission(tmp_path: Path) -> None:
    """A notice listing "the existence of automated decision-making, including profiling" permits neither."""
    risks = review_text(tmp_path, (
        "Article 1. Information to be provided to the data subject\n"
        "1. The controller shall provide the data subject with the following information:\n"
        "(a) the purposes of the processing of personal data;\n"
        "(b) the existence of automated decision-making, including profiling, and its consequences.\n")).risks
    assert not [r for r in risks if r.criterion in {"ai-02", "data-privacy-03"}]


def test_a_list_of_high_risk_systems_is_no_permission_to_use_them(tmp_path: Path) -> None:
    assert not _risks(tmp_path, (
        "Статья 1. Системы искусственного интеллекта высокого риска\n"
        "1. К системам искусственного интеллекта высокого риска относятся:\n"
        "1) системы биометрической идентификации физических лиц;\n"
        "2) системы, используемые для оценки обучающихся.\n"), "risk-data-privacy-04")


def test_what_an_act_applies_to_is_no_permission(tmp_path: Path) -> None:
    assert not _risks(tmp_path, (
        "Article 1. Territorial scope\n"
        "1. This Regulation applies to the processing of personal data of persons in the Union where the "
        "processing relates to:\n"
        "(a) the offering of goods or services to them; or\n"
        "(b) the monitoring of their behaviour, including profiling.\n"), "risk-data-privacy-03")


SHARING = "Государственные органы обмениваются персональными данными граждан, содержащимися в базах данных"


def test_sharing_on_the_persons_own_consent_is_no_risk(tmp_path: Path) -> None:
    """KZ Digital Code art. 64(4): third parties see a user's records only with the user's consent."""
    text = f"Статья 1. Обмен данными\n{SHARING}, с согласия пользователя.\n"
    assert _risks(tmp_path, text, "risk-data-privacy-05") == []


def test_sharing_without_the_persons_consent_is_a_risk(tmp_path: Path) -> None:
    text = f"Статья 1. Обмен данными\n{SHARING}, без согласия пользователя.\n"
    [risk] = _risks(tmp_path, text, "risk-data-privacy-05")
    assert risk.provision == "art:1"


def test_consent_to_another_transfer_elsewhere_does_not_lower_a_sharing_risk(tmp_path: Path) -> None:
    text = (f"Статья 1. Обмен данными\n{SHARING}.\n"
            "Статья 2. Трансграничная передача\nТрансграничная передача персональных данных допускается с "
            "согласия субъекта персональных данных.\n")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-05")
    assert risk.provision == "art:1" and risk.severity == "medium"


def test_automated_decisions_the_person_can_control_are_no_risk(tmp_path: Path) -> None:
    """KZ Digital Code art. 5(3): automated decisions are applied with transparency and the person's control."""
    text = ("Статья 1. Права человека в цифровой среде\nАвтоматизированные решения, затрагивающие права человека, "
            "применяются с соблюдением прозрачности и возможности контроля со стороны субъекта цифровой среды.\n")
    assert _risks(tmp_path, text) == []


def test_state_use_of_records_without_their_owners_agreement_is_a_sharing_risk(tmp_path: Path) -> None:
    """KZ Digital Code art. 82(6): state bodies use the records on the platform, and run analytics on them,
    without their owners' agreement; no word of sharing, but the data leave the purpose they were given for."""
    text = ("Статья 1. Платформа\nИспользование цифровых записей при осуществлении функций "
            "государственных органов, а также аналитики данных, осуществляется без согласования их "
            "собственников с соблюдением законодательства о персональных данных.\n")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-05")
    assert risk.provision == "art:1" and "reuse" in risk.description


def test_processing_without_the_data_subjects_consent_reads_alike_in_english(tmp_path: Path) -> None:
    text = ("Article 1. Use of state data\nState bodies may process personal data held in state information "
            "systems without the consent of personal data subjects.\n")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-05")
    assert risk.provision == "art:1"


BIOMETRIC_REGISTRATION = ("Статья 1. Биометрическая аутентификация\n"
                          "{} биометрическую регистрацию в целях цифровой аутентификации.\n")


def test_a_right_to_biometric_registration_is_a_lower_risk_that_says_why(tmp_path: Path) -> None:
    """KZ Digital Code art. 48(2): every citizen has the right to biometric registration. The person's choice is
    no duty imposed on a child, but nothing says who chooses for a child."""
    text = BIOMETRIC_REGISTRATION.format("Каждый гражданин имеет право на")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-04")
    assert risk.severity == "medium"
    assert "who makes that choice for a child" in risk.description
    [rec] = [r for r in review_text(tmp_path, text).recommendations if risk.id in r.risks]
    assert "who makes that choice for a child" in rec.issue and "кто делает этот выбор за ребенка" in rec.ru.issue


def test_a_duty_of_biometric_registration_stays_a_high_risk(tmp_path: Path) -> None:
    text = BIOMETRIC_REGISTRATION.format("Граждане обязаны пройти")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-04")
    assert risk.severity == "high" and "choice" not in risk.description


def test_a_choice_in_another_paragraph_does_not_lower_a_biometric_duty(tmp_path: Path) -> None:
    text = ("Статья 1. Биометрическая аутентификация\n1. Граждане обязаны пройти биометрическую регистрацию.\n"
            "2. Каждый гражданин имеет право на получение цифровой подписи.\n")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-04")
    assert risk.provision == "art:1.1" and risk.severity == "high"


def test_a_recommendation_that_adds_a_missing_safeguard_is_as_urgent_as_the_risk(tmp_path: Path) -> None:
    """A school sandbox without a parent's say is a high risk; the criterion it falls under is of medium priority
    in general, but here the draft itself can harm children, so its recommendation is high."""
    text = ("Статья 1. Участники экспериментального правового режима\n"
            "1. Участниками экспериментального правового режима могут быть организации образования, которые "
            "испытывают цифровые решения с участием учащихся.\n")
    [risk] = _risks(tmp_path, text, "risk-schools-05")
    assert risk.severity == "high"
    [rec] = [r for r in review_text(tmp_path, text).recommendations if risk.id in r.risks]
    assert rec.priority == "high"


STATE_RECORDS = ("Статья 1. Цифровые записи\nИспользование цифровых записей, размещенных на платформе «цифрового "
                 "правительства», при цифровизации деятельности государственных органов, в том числе их "
                 "государственных функций и оказания государственных услуг, а также проведения оператором "
                 "аналитики данных, осуществляется без согласования их собственников и (или) владельцев цифровых "
                 "данных с соблюдением требований законодательства Республики Казахстан о персональных данных и "
                 "их защите и иного законодательства Республики Казахстан.\n")


def test_a_risks_quote_holds_every_word_that_makes_it_a_risk(tmp_path: Path) -> None:
    """KZ Code art. 82(6): the quote stopped at "законодательства Республики Казахстан о…", just before the
    personal data that make the use of records a risk, and hid that the use must respect the law on them."""
    [risk] = _risks(tmp_path, STATE_RECORDS, "risk-data-privacy-05")
    assert "без согласования" in risk.quote and "государственных органов" in risk.quote
    assert "о персональных данных и их защите" in risk.quote


def test_a_risk_found_in_several_provisions_speaks_of_each(tmp_path: Path) -> None:
    """"Article 82(6), Article 83(3): The provision lets ..." named two provisions and spoke of one."""
    text = STATE_RECORDS + STATE_RECORDS.replace("Статья 1. Цифровые записи", "Статья 2. Записи")
    [rec] = [r for r in review_text(tmp_path, text).recommendations if len(r.risks) == 2]
    assert rec.issue.startswith("Article 1, Article 2: Each of these provisions lets state bodies")
    assert rec.ru.issue.startswith("Статья 1, статья 2: Каждое из этих положений позволяет государственным "
                                   "органам")


RIGHT_AND_DUTY = ("Статья 1. Биометрическая аутентификация\n"
              "1. Каждый гражданин имеет право на биометрическую регистрацию в целях цифровой аутентификации.\n"
              "2. Обязательная обработка биометрических данных проводится в случаях, установленных законами.\n")


def test_a_risk_names_the_part_that_imposes_it_not_the_part_that_leaves_it_to_the_person(tmp_path: Path) -> None:
    """KZ Digital Code art. 48: paragraph 2 gives a right to biometric registration, paragraph 3 makes
    biometrics mandatory where laws say so. The risk to children is the mandatory processing: it is named,
    at its own severity, not the right, whose framing as a choice lowers it."""
    [risk] = _risks(tmp_path, RIGHT_AND_DUTY, "risk-data-privacy-04")
    assert risk.provision == "art:1.2"
    assert risk.severity == "high"
    assert "own choice" not in risk.description


def test_a_risk_left_to_the_persons_choice_alone_is_still_named_and_lowered(tmp_path: Path) -> None:
    right_only = RIGHT_AND_DUTY.split("\n2. ")[0] + "\n"
    [risk] = _risks(tmp_path, right_only, "risk-data-privacy-04")
    assert risk.provision == "art:1.1"
    assert risk.severity == "medium"


ONLY_BY_LAW = ("Статья 1. Биометрическая аутентификация\n"
               "1. Обязательная обработка биометрических данных и проведение биометрической аутентификации "
               "допускаются только в случаях, установленных законами.\n")


def test_mandatory_biometrics_only_in_the_cases_laws_set_is_a_lower_risk_that_says_why(tmp_path: Path) -> None:
    """KZ Digital Code art. 48(3) is itself a legality restriction, as art. 20(4) is for blocking: it narrows the
    risk, which stays (nothing limits it for children), one step lower, and the issue says why."""
    [risk] = _risks(tmp_path, ONLY_BY_LAW, "risk-data-privacy-04")
    assert risk.provision == "art:1.1" and risk.severity == "medium"
    assert "subject to a legality test, which lowers the risk" in risk.description
    assert "подчиняет это требованиям законности" in risk.description_ru


def test_biometrics_only_in_the_cases_the_law_provides_for_reads_alike_in_english(tmp_path: Path) -> None:
    text = ("Article 1. Biometric authentication\nMandatory processing of biometric data is allowed only in the "
            "cases provided for by law.\n")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-04")
    assert risk.severity == "medium" and "subject to a legality test" in risk.description


def test_a_risk_names_the_part_that_runs_biometrics_and_the_part_that_limits_them_to_law(tmp_path: Path) -> None:
    """KZ Digital Code art. 48: paragraph 3 confines mandatory biometrics to the cases laws set, paragraph 5 runs
    biometric authentication for state services through the national system. The part with no limit of its own
    is named; the limit the article sets lowers it, and the issue says where that limit is (a lawyer read the
    risk of art. 48(5), at high severity and silent on art. 48(3), as a false alarm)."""
    text = ONLY_BY_LAW + ("2. Биометрическая аутентификация осуществляется с применением национальной системы "
                          "биометрической аутентификации при оказании государственных услуг.\n")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-04")
    assert risk.provision == "art:1.2" and risk.severity == "medium"
    assert ("Another part of the same article, Article 1(1), bears on this: it makes this subject to a legality "
            "test") in risk.description
    assert "другая часть той же статьи, пункт 1 статьи 1: норма подчиняет" in risk.description_ru


def test_a_choice_left_to_the_person_in_one_paragraph_lowers_no_other(tmp_path: Path) -> None:
    """A right to biometric registration by choice (KZ Digital Code art. 48(2)) says nothing of the paragraph that
    makes authentication run through the national system: only a legality test bounds the whole article."""
    text = ("Статья 1. Биометрическая регистрация\n"
            "1. Лицо вправе по своему выбору пройти биометрическую регистрацию.\n"
            "2. Биометрическая аутентификация осуществляется с применением национальной системы "
            "биометрической аутентификации при оказании государственных услуг.\n")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-04")
    assert risk.provision == "art:1.2" and risk.severity == "high"
    assert "same article" not in risk.description


SUSPENSION = ("Статья 1. Цифровые объекты\nПриостановление функционирования или ограничение доступа пользователей "
              "к цифровым объектам допускается в случаях и порядке, предусмотренных законами, и лишь в той мере, "
              "в какой это необходимо в целях охраны общественного порядка.\n")


def test_a_blocking_power_under_a_legality_test_without_appeal_is_a_lower_risk(tmp_path: Path) -> None:
    """KZ Digital Code art. 20(4): access to digital objects may be restricted where laws provide and as far as
    necessary. No state body is named, but the legality test marks a state's restriction; it narrows the power,
    and nothing lets anyone challenge a restriction."""
    [risk] = _risks(tmp_path, SUSPENSION, "risk-access-information-02")
    assert risk.provision == "art:1" and risk.severity == "medium"
    assert "names no way to challenge a restriction" in risk.description
    assert "способа обжаловать ограничение не называет" in risk.description_ru


def test_a_blocking_power_is_said_to_lack_an_appeal_of_its_own_not_one_anywhere(tmp_path: Path) -> None:
    """KZ Digital Code art. 20(4) names no appeal, but the Code elsewhere lets users and owners defend their rights
    against unlawful restriction or blocking (arts. 24(3)(3), 39(2)(3)): the issue speaks of the provision, and
    does not say that no one anywhere may challenge a restriction."""
    [risk] = _risks(tmp_path, SUSPENSION, "risk-access-information-02")
    assert "does not itself provide a right of appeal to a court" in risk.description
    assert "само не предусматривает права обжалования в суде" in risk.description_ru
    for text in (risk.description, risk.description_ru):
        assert "without a right of appeal" not in text and "gives no one" not in text
        assert "без права обжалования" not in text and "не дает никому" not in text


def test_a_blocking_power_under_a_legality_test_with_an_appeal_is_no_risk(tmp_path: Path) -> None:
    text = SUSPENSION.replace("порядка.", "порядка. Решение об ограничении доступа может быть обжаловано в суд.")
    assert _risks(tmp_path, text, "risk-access-information-02") == []


INTEGRATION = ("Статья 1. Интеграция\nИнтеграция государственных баз данных, содержащих персональные данные, "
               "осуществляется посредством обмена данными между государственными органами при условии соблюдения "
               "требований защиты персональных данных, установленных законодательством.\n")


def test_sharing_subject_to_the_law_on_personal_data_is_a_lower_risk_that_says_why(tmp_path: Path) -> None:
    """KZ Digital Code art. 83(3): state systems are integrated subject to the personal-data protection
    requirements of the law, whose general purpose limits then apply; nothing is said of children's data."""
    [risk] = _risks(tmp_path, INTEGRATION, "risk-data-privacy-05")
    assert risk.severity == "low"
    assert "made subject to the law on personal data" in risk.description


WITHOUT_CONSENT = STATE_RECORDS.replace("без согласования их собственников и (или) владельцев цифровых данных",
                                        "без согласия субъектов персональных данных")


def test_use_without_the_persons_consent_stays_a_risk_whatever_law_it_complies_with(tmp_path: Path) -> None:
    """Records used without the consent of the persons they are about, in compliance with the law on personal
    data: that law's limits do not lessen a use the provision itself frees from the person's consent."""
    [risk] = _risks(tmp_path, WITHOUT_CONSENT, "risk-data-privacy-05")
    assert risk.severity == "medium" and "made subject to" not in risk.description


def test_use_without_the_record_holders_agreement_is_lowered_by_the_law_on_personal_data(tmp_path: Path) -> None:
    """KZ Digital Code art. 82(6) lets state bodies use the records on the platform «без согласования их
    собственников и (или) владельцев цифровых данных»: the bodies that hold the records, not the persons they are
    about (art. 37(3) keeps the person's consent). The review read it as use without the person's consent and kept
    the risk at medium (third lawyer's review); subject to the law on personal data, whose purpose limits apply,
    it is lowered as art. 83(3) is."""
    [risk] = _risks(tmp_path, STATE_RECORDS, "risk-data-privacy-05")
    assert risk.severity == "low"
    assert "made subject to the law on personal data" in risk.description


def test_a_risk_kept_whole_says_what_it_cites_and_why_that_does_not_lower_it(tmp_path: Path) -> None:
    """A provision that quotes its own proviso (compliance with the law on personal data) and frees the use from
    the person's consent: the issue must say why it is not lowered, not pass the proviso over."""
    [risk] = _risks(tmp_path, WITHOUT_CONSENT, "risk-data-privacy-05")
    assert "It requires compliance with the law on personal data, but it also permits use without the " \
           "consent of the person the data are about" in risk.description
    assert "so the risk is not lowered" in risk.description
    assert "Норма требует соблюдения законодательства о персональных данных" in risk.description_ru
    assert "поэтому риск не снижается" in risk.description_ru


def test_a_note_that_lowers_one_of_several_risky_provisions_names_that_one(tmp_path: Path) -> None:
    """KZ Digital Code arts. 82(6) and 83(3) in one issue: the note lowering 83(3) followed 82(6)'s quote as if it
    were said of 82(6)."""
    text = WITHOUT_CONSENT + INTEGRATION.replace("Статья 1.", "Статья 2.")
    [rec] = [r for r in review_text(tmp_path, text).recommendations if len(r.risks) == 2]
    assert "Article 2: it is made subject to the law on personal data" in rec.issue
    assert "Статья 2: норма подчинена законодательству о персональных данных" in rec.ru.issue


ERASURE_EXCEPTIONS = ("Статья 1. Право на удаление персональных данных\n"
                      "1. Субъект персональных данных вправе требовать удаления своих персональных данных.\n"
                      "2. Требование об удалении персональных данных не подлежит исполнению, если сохранение "
                      "персональных данных необходимо для:\n1) рассмотрения дел по правонарушениям;\n"
                      "2) {ground}.\n")


def test_erasure_refused_for_the_states_functions_is_a_risk_at_the_paragraph_that_refuses(tmp_path: Path) -> None:
    """KZ Digital Code art. 41(4): a request to erase data is not carried out where keeping them serves, among
    others, the performance of state functions. The ground sits in an item, the refusal in its lead-in: the risk
    is the lead-in's paragraph, where the words that refuse are quoted."""
    text = ERASURE_EXCEPTIONS.format(ground="реализации государственных функций и оказания государственных услуг")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-06")
    assert risk.provision == "art:1.2" and risk.severity == "medium"
    assert risk.quote.startswith("Требование об удалении персональных данных не подлежит исполнению")


def test_erasure_refused_on_narrow_grounds_is_no_risk(tmp_path: Path) -> None:
    text = ERASURE_EXCEPTIONS.format(ground="осуществления правосудия")
    assert _risks(tmp_path, text, "risk-data-privacy-06") == []


def test_erasure_refused_on_broad_grounds_but_never_for_data_from_childhood_is_no_risk(tmp_path: Path) -> None:
    text = ERASURE_EXCEPTIONS.format(ground="реализации государственных функций") + (
        "3. Персональные данные, собранные о лице в период, когда оно было ребенком, удаляются по его требованию "
        "без исключений.\n")
    assert _risks(tmp_path, text, "risk-data-privacy-06") == []


def test_a_risks_issue_names_the_rule_the_draft_makes_for_everyone(tmp_path: Path) -> None:
    """KZ Digital Code art. 41: paragraph 4's exceptions put children's erasure at risk, but paragraph 1 gives
    everyone the right to erasure; an issue naming the exceptions alone read as if the Code had no such right."""
    text = ERASURE_EXCEPTIONS.format(ground="реализации государственных функций").replace(
        "удаления своих персональных данных.", "удаления своих персональных данных в течение десяти дней.")
    [rec] = [r for r in review_text(tmp_path, text).recommendations if "risk-data-privacy-06@art:1.2" in r.risks]
    assert rec.general_rules == ["art:1.1"]
    assert "The closest provision, Article 1 (“Право на удаление персональных данных”), mentions" in rec.issue
    assert "(Article 1(1): “Субъект персональных данных вправе требовать удаления" in rec.issue
    assert ("В наиболее близкой норме, статье 1 («Право на удаление персональных данных»), упоминаются"
            in rec.ru.issue)


def test_a_provision_with_the_risky_matter_but_not_its_safeguard_is_no_rule_to_build_on(tmp_path: Path) -> None:
    """KZ Digital Code art. 19(5): state bodies give access to registers for analytics. Next to the sharing risk
    of art. 82(6) it is no general rule: it lacks the purpose limit the risk is about, not only children."""
    text = STATE_RECORDS + ("Статья 2. Национальные регистры\nГосударственные органы путем интеграции баз "
                            "данных предоставляют доступ к данным, содержащимся в национальных регистрах, "
                            "уполномоченному органу для аналитики данных.\n")
    [rec] = [r for r in review_text(tmp_path, text).recommendations if r.risks]
    assert rec.general_rules == [] and "art:2" not in " ".join(rec.provisions)


def test_erasure_refused_in_an_article_that_is_one_list_is_a_risk_at_the_article(tmp_path: Path) -> None:
    text = ("Статья 1. Исключения из права на удаление\nТребование об удалении персональных данных не подлежит "
            "исполнению, если сохранение персональных данных необходимо для:\n1) осуществления правосудия;\n"
            "2) реализации государственных функций.\n")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-06")
    assert risk.provision == "art:1"
    [rec] = [r for r in review_text(tmp_path, text).recommendations if risk.id in r.risks]
    assert "art:1" not in rec.general_rules


def test_erasure_not_carried_out_on_broad_grounds_reads_alike_in_english(tmp_path: Path) -> None:
    """An English text of KZ Digital Code art. 41(4) says the request "is not subject to execution"."""
    text = ("Article 1. Right to erasure\n1. The data subject may request the erasure of personal data.\n"
            "2. A request for the erasure of personal data is not subject to execution where keeping the personal "
            "data is necessary for:\n1) the administration of justice;\n2) the performance of state functions.\n")
    [risk] = _risks(tmp_path, text, "risk-data-privacy-06")
    assert risk.provision == "art:1.2"


def test_a_note_that_names_a_provision_keeps_its_capital_after_the_provision_it_is_said_of(tmp_path: Path) -> None:
    """"Article 1(1): article 3(1) mentions ..." lowered the name of the provision a safeguard-elsewhere note
    begins with, as if it were a pronoun."""
    text = (BIOMETRIC_REGISTRATION.format("Граждане обязаны пройти")
            + BIOMETRIC_REGISTRATION.format("Каждый гражданин имеет право на").replace("Статья 1.", "Статья 2.")
            + CHILD_BIOMETRICS.replace("Статья 2.", "Статья 3."))
    [rec] = [r for r in review_text(tmp_path, text).recommendations if len(r.risks) == 2]
    assert "Article 1: Article 3 mentions" in rec.issue and "article 3 mentions" not in rec.issue
    assert "Article 2: it is framed as the person's own choice" in rec.issue


def test_the_amendment_answering_broad_erasure_refusals_sets_them_aside_for_data_from_childhood(
        tmp_path: Path) -> None:
    """The new paragraphs answering art. 41(4)'s refusal "for state functions" must not leave that ground to
    override them: they say that the performance of state functions and a public interest are no ground of
    refusal for data from childhood (the grounds that protect others and justice stay); and the solution gives the
    right to the child and also a parent, as the proposed text does, not to either of them."""
    text = ERASURE_EXCEPTIONS.format(ground="реализации государственных функций и оказания государственных услуг")
    [rec] = [r for r in review_text(tmp_path, text).recommendations if "data-privacy-06" in r.criteria]
    assert "The performance of state functions or a public interest is no ground for refusing erasure" in (
        rec.amendment.proposed_text.en)
    assert ("Реализация государственных функций или публичный интерес не являются основанием для отказа в "
            "удалении") in rec.amendment.proposed_text.ru
    assert "Give the child, and for a child under sixteen also a parent, the right" in rec.solution


def test_a_blocking_power_bound_only_to_the_cases_laws_set_is_not_said_to_be_limited_to_what_is_necessary(
        tmp_path: Path) -> None:
    """The note lowering a blocking risk said the provision allows a restriction "only on grounds set by law and
    as far as necessary"; a provision that says only "in the cases laws set" says nothing of necessity, so the
    note names the legality test without claiming both of its parts. Nor does it claim either one ("grounds set by
    law, or what is necessary"): KZ Digital Code art. 20(4) requires both, and a lawyer read the "or" as a
    misstatement of it."""
    text = ("Статья 1. Ограничение доступа\n"
            "1. Ограничение доступа пользователей к интернет-ресурсам допускается только в случаях, установленных "
            "законами.\n")
    [risk] = _risks(tmp_path, text, "risk-access-information-02")
    assert "as far as necessary" not in risk.description and "в необходимой мере" not in risk.description_ru
    assert "binds a restriction to a legality test, which lowers the risk" in risk.description
    assert " or what is necessary" not in risk.description and "либо необходимость" not in risk.description_ru
