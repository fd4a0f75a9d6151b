import pytest

from litopys.extraction import extract
from litopys.extraction.attribution import find
from litopys.extraction.names import find_name, nominative
from litopys.extraction.speakers import institution, normalise_role


def speaker(sentence):
    found = find(sentence)
    return found and found.reference.speaker and (found.reference.speaker.name, found.reference.speaker.role)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "National Police Chief Ihor Klymenko stated that investigators discovered 10 torture chambers.",
            ("Ihor Klymenko", "Head of the National Police"),
        ),
        (
            "The head of the National Police, Ihor Klymenko, said on Friday that work has been completed.",
            ("Ihor Klymenko", "Head of the National Police"),
        ),
        (
            "Izium city council deputy Maksym Strelnyk provided estimates according to which at least 1,000 died.",
            ("Maksym Strelnyk", "Izium city council deputy"),
        ),
        (
            "By Friday, said Ihor Klymenko, head of the National Police, 447 bodies had been exhumed.",
            ("Ihor Klymenko", "Head of the National Police"),
        ),
        ("Ukraine's National Police reported that 26 bodies were exhumed.", ("National Police of Ukraine", None)),
        (
            "Голова Національної поліції Ігор Клименко повідомив, що роботи завершено.",
            ("Ігор Клименко", "Head of the National Police"),
        ),
        ("За словами Ігоря Клименка, ексгумацію завершено.", ("Ігор Клименко", None)),
        ("Офіс Генпрокурора повідомив про 10 катівень.", ("Office of the Prosecutor General", None)),
        (
            "За даними ГУНП в Харківській області, вивезли 200 людей.",
            ("Main Directorate of the National Police in Kharkiv Oblast", None),
        ),
        ("Про це повідомили в Офісі Генерального прокурора.", ("Office of the Prosecutor General", None)),
        (
            "По словам депутата Изюмского городского совета Максима Стрельника, погибли 1000 человек.",
            ("Максим Стрельник", "депутат Изюмского городского совета"),
        ),
        ("Об этом сообщили в Офисе генпрокурора Украины.", ("Office of the Prosecutor General", None)),
        (
            "Извлечено 59 тел, сообщил руководитель следственного управления полиции Харьковской области "
            "Сергей Болвинов.",
            ("Сергей Болвинов", "руководитель следственного управления полиции Харьковской области"),
        ),
        (
            "Kharkiv Regional Military Administration head Oleh Syniehubov said 20 civilians were killed.",
            ("Oleh Syniehubov", "Head of the Kharkiv Regional Military Administration"),
        ),
    ],
)
def test_speaker_and_role(sentence, expected):
    assert speaker(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["12 people were reported missing.", "According to which 5 died.", "Searchers found 447 bodies."],
)
def test_no_speaker(sentence):
    assert speaker(sentence) in (None, False)


def test_pronouns_and_surnames_are_left_to_the_engine():
    assert find("Another 45 people were wounded, he said.").reference.how == "pronoun"
    assert find("Klymenko said that many show signs of torture.").reference.how == "surname"


def test_backward_attribution_is_flagged():
    assert find("Про це повідомив голова ОВА Олег Синєгубов.").backward


def test_names_in_the_genitive_are_put_in_the_nominative():
    assert nominative(["Олега", "Синєгубова"]) == "Олег Синєгубов"
    assert nominative(["Ірини", "Венедіктової"]) == "Ірина Венедіктова"
    assert nominative(["Дмитрия", "Лубинца"]) == "Дмитрий Лубинец"
    assert find_name("Kharkiv Regional Military Administration") is None


def test_roles_and_institutions_are_normalised():
    assert normalise_role("National Police Chief") == "Head of the National Police"
    assert normalise_role("голови Національної поліції") == "Head of the National Police"
    assert normalise_role("deputy head of the National Police") == "deputy head of the National Police"
    assert institution("Нацполіція") == "National Police of Ukraine"
    assert institution("полиции Киевской области") == "Main Directorate of the National Police in Kyiv Oblast"


def test_speaker_carries_over_the_paragraph_and_surnames_resolve(gazetteer):
    text = (
        "The head of the National Police, Ihor Klymenko, said on Friday that work near Izium has been completed. "
        "Of the 447 bodies found there, 215 are women.\n\n"
        "Klymenko said that 30 bodies bore signs of torture."
    )
    result = extract(text, gazetteer=gazetteer)
    assert [c.attributed_to.name for c in result.claims] == ["Ihor Klymenko"] * 3
    assert {c.attributed_to.role for c in result.claims} == {"Head of the National Police"}


def test_speaker_does_not_carry_into_the_next_paragraph(gazetteer):
    text = "Ihor Klymenko said the work was over.\n\nSearchers found 447 bodies near Izium."
    (claim,) = extract(text, gazetteer=gazetteer).claims
    assert claim.attributed_to is None


def test_backward_attribution_reaches_earlier_claims(gazetteer):
    text = "На Харківщині виявили 10 катівень. Про це повідомили в Офісі Генерального прокурора."
    (claim,) = extract(text, gazetteer=gazetteer).claims
    assert claim.attributed_to.name == "Office of the Prosecutor General"


def test_a_generic_body_resolves_to_the_one_named_before(gazetteer):
    text = (
        "According to the Izium city council, 22 residents remain missing. "
        "Eleven people who had been detained were released, the council said."
    )
    assert {c.attributed_to.name for c in extract(text, gazetteer=gazetteer).claims} == {"Izium city council"}


def test_a_closing_inverted_attribution_covers_the_paragraph(gazetteer):
    text = (
        "У Циркунах виявили тіла трьох чоловіків зі слідами катувань. "
        "Тіла лежали в підвалі, повідомили в ГУНП Харківщини."
    )
    (claim,) = extract(text, gazetteer=gazetteer).claims
    assert claim.attributed_to.name == "Main Directorate of the National Police in Kharkiv Oblast"


def test_a_regional_body_is_named_after_the_oblast_of_the_text(gazetteer):
    text = "More than 1,300 residents of the Kharkiv region are missing, according to the regional police."
    (claim,) = extract(text, gazetteer=gazetteer).claims
    assert claim.attributed_to.name == "Main Directorate of the National Police in Kharkiv Oblast"
    assert claim.attributed_to.role is None


def test_headline_colon_and_document_speakers(gazetteer):
    text = (
        "Министр внутренних дел Украины Игорь Клименко: более 1 300 тел обнаружено\n\n"
        "По словам министра, опознано 1 000 погибших."
    )
    result = extract(text, gazetteer=gazetteer)
    assert {c.attributed_to.name for c in result.claims} == {"Игорь Клименко"}
    statement = "Statement of the Office of the Prosecutor General\n\nThe bodies of 534 people have been exhumed."
    (claim,) = extract(statement, gazetteer=gazetteer).claims
    assert claim.attributed_to.name == "Office of the Prosecutor General"


def test_a_headline_names_its_source_after_a_dash(gazetteer):
    (claim,) = extract("В Ізюмі ексгумували вже 146 тіл — поліція", gazetteer=gazetteer).claims
    assert claim.attributed_to.name == "поліція" and claim.attributed_to.institution


def test_a_headline_and_its_body_are_one_claim_when_their_sources_agree(gazetteer):
    text = (
        "В Харьковской области погибли 1 246 мирных жителей, – прокуратура\n\n"
        "На Харьковщине погибли 1 246 мирных жителей. Такие данные привела Харьковская областная прокуратура."
    )
    (claim,) = extract(text, gazetteer=gazetteer).claims
    assert claim.attributed_to.name == "Kharkiv Regional Prosecutor's Office"


@pytest.mark.parametrize(
    "text",
    [
        "Про це повідомив голова Національної поліції Ігор Володимирович Клименко: виявлено 447 тіл.",
        "Голова Національної поліції Ігор Володимирович Клименко повідомив, що виявлено 447 тіл.",
        "За словами голови Національної поліції Ігоря Володимировича Клименка, виявлено 447 тіл.",
        "Голова Національної поліції Клименко Ігор Володимирович повідомив, що виявлено 447 тіл.",
    ],
)
def test_a_cyrillic_patronymic_is_left_out_of_the_speakers_name(text):
    # The speaker's name is the name as the text gives it, in the nominative, without the patronymic
    # (docs/extraction.md); the role is the words around the name, as without a patronymic.
    (claim,) = extract(text).claims
    assert claim.attributed_to.name == "Ігор Клименко"
    assert claim.attributed_to.role == "Head of the National Police"


def test_a_patronymic_is_dropped_from_a_name_found_without_a_first_name():
    assert find_name("прокурор Пупкін Остапович Клименко")[2] == "Пупкін Клименко"


def test_a_title_is_not_read_as_a_speaker():
    text = (
        "What Izium and Balakliia revealed after liberation\n\n"
        "In a forest near liberated Izium, searchers found a mass grave of 447 bodies.\n"
    )
    (claim,) = extract(text).claims
    assert claim.attributed_to is None


def test_a_signature_line_still_names_the_documents_speaker():
    text = "Олег Синєгубов, голова Харківської ОВА\n\nУ Харкові загинули 3 людини.\n"
    (claim,) = extract(text).claims
    assert claim.attributed_to.name == "Олег Синєгубов"
