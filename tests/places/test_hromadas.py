"""Hromadas (territorial communities) named by their centre's adjective are their centre; the labelling guide
(tests/data/extraction/LABELLING.md) labels them so. Every text here is written for these tests."""

import pytest

from litopys.places.districts import adjectives, hromada_adjectives


def names(gazetteer, text):
    return [(m.text, m.name) for m in gazetteer.find(text)]


@pytest.mark.parametrize(
    ("uk", "ru", "districts", "hromadas"),
    [
        ("Куп'янськ", "Купянск", ["куп'янський", "купянский", "kupianskyi"], ["куп'янська", "купянская", "kupianska"]),
        ("Білопілля", "Белополье", ["білопільський", "белопольский", "bilopilskyi"],
         ["білопільська", "белопольская", "bilopilska"]),
        ("Старий Салтів", "Старый Салтов", ["старосалтівський", "старосалтовский", "starosaltivskyi"],
         ["старосалтівська", "старосалтовская", "starosaltivska"]),
        ("Бахмач", "Бахмач", ["бахмацький", "бахмачский", "bakhmatskyi"], ["бахмацька", "бахмачская", "bakhmatska"]),
        ("Хотінь", "Хотень", ["хотінський", "хотеньский", "khotinskyi"], ["хотінська", "хотеньская", "khotinska"]),
        # A name that is an adjective names no district by rule, but its hromada by its feminine form.
        ("Покровське", "Покровское", [], ["покровська", "покровская"]),
        ("Мирове", "Мирово", [], ["мирівська"]),
        # Plural names in -ни: the stem with "ен", or its fleeting vowel (Сарни → Сарненський, Лубни → Лубенський).
        ("Сарни", "Сарны", ["сарненський", "саренський", "сарненский", "саренский", "sarnenskyi", "sarenskyi"],
         ["сарненська", "саренська", "сарненская", "саренская", "sarnenska", "sarenska"]),
    ],
)
def test_hromada_adjectives_are_the_feminine_of_the_district_ones(uk, ru, districts, hromadas):
    assert adjectives(uk, ru) == districts
    assert hromada_adjectives(uk, ru, districts) == hromadas


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("У Лиманській міській територіальній громаді загинули двоє.", [("Лиманській міській територіальній громаді",
                                                                      "Lyman")]),
        ("жителі Білопільської громади", [("Білопільської громади", "Bilopillia")]),
        ("в Старосалтовской громаде ранены трое", [("Старосалтовской громаде", "Staryi Saltiv")]),
        ("Великописаревская община", [("Великописаревская община", "Velyka Pysarivka")]),
        ("Куп'янська ТГ", [("Куп'янська ТГ", "Kupiansk")]),
        ("атака на Сарненську громаду", [("Сарненську громаду", "Sarny")]),
        # Listed before the hromada word they share: each adjective is its own hromada.
        ("Обстрелам подверглись Краснопольская, Белопольская и Миропольская громады.", [
            ("Краснопольская", "Krasnopillia"), ("Белопольская", "Bilopillia"), ("Миропольская громады", "Myropillia"),
        ]),
        # Items of a list under a heading naming hromadas.
        ("Обстрілів зазнали громади:\n▪️ Білопільська — 16 обстрілів;\n▪️ Великописарівська — 12.", [
            ("Білопільська", "Bilopillia"), ("Великописарівська", "Velyka Pysarivka"),
        ]),
        # A hromada after a village only says where the village is.
        ("у селі Гусарівка Балаклійської громади", [("Гусарівка", "Husarivka")]),
        ("у селі Гракове, Чкаловська громада", [("Гракове", "Гракове")]),
    ],
)
def test_a_hromada_is_its_centre(gazetteer, text, expected):
    assert names(gazetteer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Білопільська міська рада повідомила",  # a council, no hromada word
        "громадські організації Харкова",  # "civic": another word
        "Сумська — 16 обстрілів",  # an oblast's adjective with no list of hromadas
    ],
)
def test_no_hromada_without_a_hromada_word_or_list(gazetteer, text):
    assert all(mention.name != "Bilopillia" and mention.name != "Sumy" for mention in gazetteer.find(text))
