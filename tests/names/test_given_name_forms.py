"""Given names in Latin script and in the instrumental: a Latin text romanises them; "з Віталієм Гордієнком"."""

from litopys.names import FIRST_NAMES


def test_the_romanised_ukrainian_and_russian_names_are_given_names():
    assert FIRST_NAMES["Viacheslav"] == ("Viacheslav", "m")  # В'ячеслав, national romanisation
    assert FIRST_NAMES["Tymur"] == ("Tymur", "m")
    assert "Vyacheslav" in FIRST_NAMES  # the Russian form's romanisation


def test_a_romanised_name_names_the_signatory_not_the_body():
    from litopys.extraction.attribution import headline_speaker

    reference = headline_speaker("Viacheslav Chaus, Head of Chernihiv Oblast Military Administration")
    assert reference.speaker.name == "Viacheslav Chaus"
    assert not reference.speaker.institution


def test_a_name_in_the_instrumental_is_put_in_the_nominative():
    from litopys.names import nominative

    assert nominative(["Віталієм", "Гордієнком"]) == "Віталій Гордієнко"
    assert nominative(["Дмитром", "Лубінцем"]) == "Дмитро Лубінець"
    assert nominative(["Олегом", "Синєгубовим"]) == "Олег Синєгубов"
    assert nominative(["Іриною", "Івановою"]) == "Ірина Іванова"
    assert nominative(["Сергеем", "Лысаком"]) == "Сергей Лысак"
    assert nominative(["Ігоря", "Клименка"]) == "Ігор Клименко"  # the genitive as before
