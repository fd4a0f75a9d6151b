"""One key for a person's name in Ukrainian, Russian and Latin spelling (moved from tests/extraction)."""

import pytest

from litopys.names import GIVEN_NAMES, person_key, ukrainian_to_latin


@pytest.mark.parametrize(
    "spellings",
    [
        ("Ігор Клименко", "Игорь Клименко", "Ihor Klymenko", "Igor Klymenko", "Igor Klimenko"),
        ("Олег Синєгубов", "Олег Синегубов", "Oleh Syniehubov", "Oleg Sinegubov"),
        ("Дмитро Лубінець", "Дмитрий Лубинец", "Dmytro Lubinets", "Dmitry Lubinets"),
        ("Сергій Болвінов", "Сергей Болвинов", "Serhii Bolvinov", "Sergei Bolvinov", "Serhiy Bolvinov"),
        ("Олександр Філатов", "Александр Филатов", "Oleksandr Filatov", "Alexander Filatov"),
        ("Володимир Тимошко", "Владимир Тимошко", "Volodymyr Tymoshko", "Vladimir Tymoshko"),
        ("Андрій Нєбитов", "Андрей Небытов", "Andrii Nebytov", "Andriy Nebytov", "Andrei Nebytov"),
        ("Ірина Верещук", "Ирина Верещук", "Iryna Vereshchuk", "Irina Vereshchuk"),
    ],
)
def test_the_spellings_of_one_name_share_a_key(spellings):
    assert len({person_key(spelling) for spelling in spellings}) == 1, [person_key(s) for s in spellings]


def test_the_key_of_the_brief_example():
    assert person_key("Ігор Клименко") == person_key("Игорь Клименко") == person_key("Ihor Klymenko") == "ihor klymenko"


def test_a_patronymic_and_surname_first_order_do_not_change_the_key():
    assert person_key("Ігор Володимирович Клименко") == person_key("Клименко Ігор Володимирович") == "ihor klymenko"


def test_case_accents_apostrophes_and_possessives_do_not_change_the_key():
    assert person_key("  IHOR   KLYMENKO ") == person_key("Ihor Klymenko’s") == "ihor klymenko"
    assert person_key("José Álvarez") == "jose alvarez"
    assert person_key("Марія Мар'яненко") == person_key("Maria Marianenko")


def test_different_people_keep_different_keys():
    assert person_key("Ігор Клименко") != person_key("Олег Клименко")
    assert person_key("Ігор Клименко") != person_key("Ігор Кличко")


@pytest.mark.parametrize(
    ("ukrainian", "russian"),
    [
        ("Ігор", "Игорь"), ("Олександр", "Александр"), ("Сергій", "Сергей"), ("Володимир", "Владимир"),
        ("Микола", "Николай"), ("Олег", "Олег"), ("Андрій", "Андрей"), ("Дмитро", "Дмитрий"), ("Юрій", "Юрий"),
        ("Віталій", "Виталий"), ("Максим", "Максим"), ("Олексій", "Алексей"), ("Євген", "Евгений"),
        ("Михайло", "Михаил"), ("Петро", "Пётр"), ("Павло", "Павел"), ("Іван", "Иван"), ("Віктор", "Виктор"),
        ("Кирило", "Кирилл"), ("Костянтин", "Константин"), ("Федір", "Фёдор"), ("Ілля", "Илья"),
        ("Ірина", "Ирина"), ("Олена", "Елена"), ("Наталія", "Наталья"), ("Тетяна", "Татьяна"),
        ("Катерина", "Екатерина"), ("Світлана", "Светлана"), ("Людмила", "Людмила"), ("Ольга", "Ольга"),
        ("Юлія", "Юлия"), ("Марія", "Мария"), ("Вікторія", "Виктория"),
    ],
)
def test_given_names_in_ukrainian_and_russian_have_one_form(ukrainian, russian):
    form = ukrainian_to_latin(ukrainian).lower()
    assert GIVEN_NAMES[form] == form
    assert person_key(russian) == form


def test_there_is_one_person_key():
    import litopys.extraction.names as extraction_names

    assert not hasattr(extraction_names, "latin_key")  # one way to key a person: litopys.names.person_key


@pytest.mark.parametrize(
    "spellings",
    [
        ("Dmitry Lubinets", "Дмитро Лубінець", "Дмитрий Лубинец", "Dmytro Lubinets"),
        ("Олег Синєгубов", "Oleh Syniehubov", "Олег Синегубов"),
        ("Володимир Зеленський", "Владимир Зеленский", "Volodymyr Zelenskyy"),
        ("Ігор Клименко", "Игорь Клименко", "Ihor Klymenko"),
    ],
)
def test_the_brief_pairs_share_a_key(spellings):
    assert len({person_key(spelling) for spelling in spellings}) == 1, [person_key(s) for s in spellings]


def test_the_key_of_the_lubinets_pair():
    assert person_key("Dmitry Lubinets") == person_key("Дмитро Лубінець") == "dmytro lubynets"


def test_an_initial_stays_a_letter_of_its_own():
    assert person_key("I. Klymenko") == "i klymenko"
