"""One romanisation per script: Ukrainian by the national system (KMU 2010), Russian by BGN/PCGN."""

import pytest

from litopys.names import FIRST_NAMES, genitive, is_patronymic, nominative, russian_to_latin, ukrainian_to_latin


@pytest.mark.parametrize(("ukrainian", "latin"), [
    ("Ізюм", "Izium"), ("Київ", "Kyiv"), ("Згорани", "Zghorany"), ("Олег Синєгубов", "Oleh Syniehubov"),
    ("Мар'янівка", "Marianivka"), ("Мар’янівка", "Marianivka"), ("Щастя", "Shchastia"), ("Їжакевич", "Yizhakevych"),
    ("Юрій", "Yurii"), ("Яготин", "Yahotyn"), ("Єнакієве", "Yenakiieve"), ("Ігор Клименко", "Ihor Klymenko"),
])
def test_ukrainian_follows_the_national_system(ukrainian, latin):
    assert ukrainian_to_latin(ukrainian) == latin


@pytest.mark.parametrize(("russian", "latin"), [
    ("Харьков", "Kharkov"), ("Игорь", "Igor"), ("Шмыгаль", "Shmygal"), ("Пётр", "Petr"), ("Енакиево", "Yenakiyevo"),
    ("Дмитрий Лубинец", "Dmitriy Lubinets"),
])
def test_russian_follows_bgn_pcgn_without_apostrophes(russian, latin):
    assert russian_to_latin(russian) == latin


@pytest.mark.parametrize(("name", "language", "form"), [
    ("Ігор", "uk", "Ігоря"), ("Микола", "uk", "Миколи"), ("Марія", "uk", "Марії"), ("Наталя", "uk", "Наталі"),
    ("Сергій", "uk", "Сергія"), ("Дмитро", "uk", "Дмитра"), ("Олег", "uk", "Олега"),
    ("Ольга", "ru", "Ольги"), ("Ирина", "ru", "Ирины"), ("Мария", "ru", "Марии"), ("Игорь", "ru", "Игоря"),
])
def test_genitives_of_given_names(name, language, form):
    assert genitive(name, language) == form
    assert FIRST_NAMES[form][0] == name


def test_nominative_of_a_name_in_the_genitive():
    assert nominative(["Ігоря", "Клименка"]) == "Ігор Клименко"
    assert nominative(["Ірини", "Верещук"]) == "Ірина Верещук"
    assert nominative(["Ігоря", "Володимировича", "Клименка"]) == "Ігор Володимирович Клименко"
    assert nominative(["Ihor", "Klymenko"]) == "Ihor Klymenko"


@pytest.mark.parametrize(
    "word", ["Володимирович", "Володимировича", "Петрівна", "Ивановна", "Mykhailovych", "Ivanovna"]
)
def test_patronymics_in_either_script(word):
    assert is_patronymic(word)


@pytest.mark.parametrize("word", ["Клименко", "Лубінець", "Klymenko", "Ihor"])
def test_other_words_are_no_patronymic(word):
    assert not is_patronymic(word)
