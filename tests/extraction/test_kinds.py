"""What a number counts, through the engine (kind and qualifiers of a single sentence)."""

import pytest

from litopys.extraction import extract


def claims(text, gazetteer):
    return [(c.kind, c.min, c.max, c.qualifiers) for c in extract(text, gazetteer=gazetteer).claims]


@pytest.mark.parametrize(
    ("text", "kind", "value", "qualifiers"),
    [
        ("Searchers found 447 bodies in the forest.", "bodies", 447, {}),
        ("The remains of 26 people were exhumed.", "bodies", 26, {}),
        ("Investigators exhumed the bodies of 17 servicemen.", "bodies", 17, {"status": "military"}),
        ("Ексгумовано 59 тіл.", "bodies", 59, {}),
        ("Извлечены 116 тел.", "bodies", 116, {}),
        ("Twelve civilians were killed.", "killed", 12, {"status": "civilian"}),
        ("Russian shelling killed 3 people.", "killed", 3, {}),
        ("Загинули п'ятеро людей.", "killed", 5, {}),
        ("Вбито 4 цивільних.", "killed", 4, {"status": "civilian"}),
        ("Погибли шесть человек.", "killed", 6, {}),
        ("Убиты 7 мирных жителей.", "killed", 7, {"status": "civilian"}),
        ("Another 45 people were wounded.", "injured", 45, {}),
        ("Поранено 8 людей.", "injured", 8, {}),
        ("Ранены 15 человек.", "injured", 15, {}),
        ("22 residents remain missing.", "missing", 22, {}),
        ("30 мешканців вважаються зниклими безвісти.", "missing", 30, {}),
        ("50 жителей числятся пропавшими без вести.", "missing", 50, {}),
        ("Five men were held in a basement.", "detained", 5, {"sex": "male"}),
        ("Окупанти незаконно затримали 25 місцевих жителів.", "detained", 25, {}),
        ("Задержаны 9 человек.", "detained", 9, {}),
        ("200 children had been deported to Russia.", "deported", 200, {"age": "child"}),
        ("Оккупанты депортировали 300 человек.", "deported", 300, {}),
        ("30 bodies bore signs of torture.", "tortured", 30, {}),
        ("Investigators discovered 10 torture chambers.", "torture_sites", 10, {}),
        ("Правоохоронці виявили 10 катівень.", "torture_sites", 10, {}),
        ("Обнаружено 20 пыточных камер.", "torture_sites", 20, {}),
        ("Investigators identified 3 mass graves.", "mass_graves", 3, {}),
        ("Знайдено 2 масові поховання.", "mass_graves", 2, {}),
        ("Выявили 2 братские могилы.", "mass_graves", 2, {}),
        ("They examined 900 graves.", "graves", 900, {}),
        ("У лісі 450 могил.", "graves", 450, {}),
        ("Forces retook 6,000 square kilometers.", "area_km2", 6000, {}),
        ("Звільнено 6 тисяч квадратних кілометрів.", "area_km2", 6000, {}),
        ("Освобождено 500 км² территории.", "area_km2", 500, {}),
        ("The war has claimed 12 victims.", "killed", 12, {}),
    ],
)
def test_kind_and_qualifiers(text, kind, value, qualifiers, gazetteer):
    assert claims(text, gazetteer) == [(kind, value, value, qualifiers)]


def test_a_mass_grave_of_bodies_counts_bodies_not_graves(gazetteer):
    assert claims("Searchers discovered a mass grave of 447 bodies.", gazetteer) == [("bodies", 447, 447, {})]


def test_breakdown_inherits_kind_from_its_total(gazetteer):
    text = (
        "Of the 447 bodies found there, 215 are women, 194 are men and 5 are children; "
        "22 are servicemen, and the sex of 11 others has not yet been established."
    )
    assert claims(text, gazetteer) == [
        ("bodies", 447, 447, {}),
        ("bodies", 215, 215, {"sex": "female"}),
        ("bodies", 194, 194, {"sex": "male"}),
        ("bodies", 5, 5, {"age": "child"}),
        ("bodies", 22, 22, {"status": "military"}),
        ("bodies", 11, 11, {"sex": "unknown"}),
    ]


def test_breakdown_in_the_next_sentence(gazetteer):
    text = "A mass grave of 447 bodies was found. The count includes 194 men, 215 women, and 5 children."
    assert [c[3] for c in claims(text, gazetteer)] == [{}, {"sex": "male"}, {"sex": "female"}, {"age": "child"}]


def test_breakdown_named_by_its_group(gazetteer):
    text = "Погибли шесть человек, еще около 15 ранены. Среди раненых — двое детей."
    assert claims(text, gazetteer)[-1] == ("injured", 2, 2, {"age": "child"})


def test_one_counts_before_a_person_noun(gazetteer):
    text = "Всього виявили тіла 19 людей: 12 чоловіків, шість жінок та одну дитину."
    assert claims(text, gazetteer)[-2:] == [("bodies", 6, 6, {"sex": "female"}), ("bodies", 1, 1, {"age": "child"})]


def test_of_them_takes_the_groups_qualifiers(gazetteer):
    text = "Five men were held in a basement for weeks; two of them died."
    assert claims(text, gazetteer) == [("detained", 5, 5, {"sex": "male"}), ("killed", 2, 2, {"sex": "male"})]


@pytest.mark.parametrize(
    "text",
    [
        "They stayed for almost ten years.",
        "In the hospital there are two therapist doctors.",
        "Soviet mass executions of Polish officers in 1940.",
        "Bykivnia¹ is a mass execution site.",
        "Evacuation buses leave at 9:00 and 15:30.",
        "Call 102 if you need help.",
        "The town was liberated in September 2022.",
        "Just one mass burial site was found.",
        "One of the victims was a teacher.",
        "One in three showed signs of a violent death.",
        "Six months of occupation ended on 10 September.",
    ],
)
def test_numbers_that_count_nothing_we_track(text, gazetteer):
    assert claims(text, gazetteer) == []


def test_coordinated_numbers_share_noun_and_bound(gazetteer):
    text = "The mission recorded at least 1,017 civilians killed and 2,145 injured."
    assert claims(text, gazetteer) == [
        ("killed", 1017, None, {"status": "civilian"}),
        ("injured", 2145, None, {"status": "civilian"}),
    ]


def test_a_total_that_rose_takes_its_kind_from_the_subject(gazetteer):
    text = "The death toll from the strike on Kupiansk rose to seven on Thursday."
    assert claims(text, gazetteer) == [("killed", 7, 7, {})]


def test_a_subset_of_another_count_is_not_a_claim(gazetteer):
    assert claims("В Изюме опознали 146 тел из 447 эксгумированных.", gazetteer) == [("bodies", 447, 447, {})]
    assert claims("Police identified 398 of the 419 people whose bodies were found.", gazetteer) == [
        ("bodies", 419, 419, {})
    ]


def test_a_noun_after_and_belongs_to_the_next_number(gazetteer):
    text = "Russian attacks killed three people and injured 12 over the past day."
    assert claims(text, gazetteer) == [("killed", 3, 3, {}), ("injured", 12, 12, {})]


def test_counted_speakers_are_not_claims(gazetteer):
    assert claims("Two former detainees said they were forced to dig trenches.", gazetteer) == []


def test_rhetorical_every_one_of(gazetteer):
    assert claims("Behind every one of the 447 graves is a family.", gazetteer) == []
