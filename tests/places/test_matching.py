"""Finding places in running text: inflected forms, oblasts, homonyms, unknown villages, common words."""

import pytest


def names(gazetteer, text):
    return [(m.text, m.name) for m in gazetteer.find(text)]


@pytest.mark.parametrize(
    "form",
    ["Ізюм", "Ізюма", "Ізюмі", "Ізюмом", "Изюм", "Изюме", "Изюма", "Izium", "Izyum", "Izium’s"],
)
def test_izium_in_every_case(gazetteer, form):
    [mention] = gazetteer.find(f"Слідчі працюють: {form} — там знайшли поховання.")
    assert (mention.text, mention.name, mention.place.geonames_id) == (form, "Izium", 707292)


@pytest.mark.parametrize(
    "form", ["Балаклія", "Балаклії", "Балаклією", "Балаклея", "Балаклее", "Балаклеи", "Balakliia", "Balakleya"],
)
def test_balakliia_in_every_case(gazetteer, form):
    [mention] = gazetteer.find(f"Новини: {form}.")
    assert (mention.text, mention.name) == (form, "Balakliia")


@pytest.mark.parametrize("form", ["Харків", "Харкова", "Харкові", "Харьков", "Харькове", "Kharkiv", "Kharkov"])
def test_kharkiv_alone_is_the_city(gazetteer, form):
    [mention] = gazetteer.find(f"Обстріл: {form}, вечір.")
    assert (mention.place.kind, mention.place.geonames_id) == ("settlement", 706483)


@pytest.mark.parametrize(
    "phrase",
    [
        "Харківської області", "Харківській області", "Харківська область", "Харківську область", "Харківщина",
        "Харківщині", "Харківщину", "Харьковской области", "Харьковская область", "Харківська обл",
        "Kharkiv region", "Kharkiv Oblast", "Kharkiv oblast", "Kharkivska oblast", "Kharkov region",
        "region of Kharkiv",
    ],
)
def test_kharkiv_oblast_by_every_phrase(gazetteer, phrase):
    [mention] = gazetteer.find(f"Звіт: {phrase}. Кінець.")
    assert mention.text == phrase
    assert (mention.name, mention.place.kind, mention.place.admin1_code) == ("Kharkiv Oblast", "oblast", "UA-63")


def test_mentions_carry_offsets_in_order(gazetteer):
    text = "Після звільнення Ізюма слідчі Харківської області працюють у Балаклії."
    mentions = gazetteer.find(text)
    assert [(m.text, m.name) for m in mentions] == [
        ("Ізюма", "Izium"), ("Харківської області", "Kharkiv Oblast"), ("Балаклії", "Balakliia"),
    ]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_multiword_names_decline_word_by_word(gazetteer):
    text = "У Новій Каховці, біля Кривого Рогу та Кам'янця-Подільського; Ivano-Frankivsk region."
    assert names(gazetteer, text) == [
        ("Новій Каховці", "Nova Kakhovka"), ("Кривого Рогу", "Kryvyi Rih"),
        ("Кам'янця-Подільського", "Kamianets-Podilskyi"), ("Ivano-Frankivsk region", "Ivano-Frankivsk Oblast"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("двоє загиблих у Часовому Яру", [("Часовому Яру", "Chasiv Yar")]),
        ("обстрел Часового Яра и Белой Церкви", [("Часового Яра", "Chasiv Yar"), ("Белой Церкви", "Bila Tserkva")]),
        ("погиб в Часовом Яре", [("Часовом Яре", "Chasiv Yar")]),
    ],
)
def test_possessive_adjectives_short_words_and_fleeting_vowels_decline(gazetteer, text, expected):
    assert names(gazetteer, text) == expected


def test_oblasts_sharing_one_area_word(gazetteer):
    assert names(gazetteer, "villages of Kharkiv and Donetsk regions") == [
        ("Kharkiv", "Kharkiv Oblast"), ("Donetsk regions", "Donetsk Oblast"),
    ]
    assert names(gazetteer, "settlements of Kyiv, Sumy, and Chernihiv regions") == [
        ("Kyiv", "Kyiv Oblast"), ("Sumy", "Sumy Oblast"), ("Chernihiv regions", "Chernihiv Oblast"),
    ]
    assert names(gazetteer, "жителі Харківської та Донецької областей") == [
        ("Харківської", "Kharkiv Oblast"), ("Донецької областей", "Donetsk Oblast"),
    ]


def test_homonym_in_the_oblast_named_nearby(gazetteer):
    [lyman, _] = gazetteer.find("Росіяни обстріляли Лиман Одеської області.")
    assert (lyman.name, lyman.place.admin1_code) == ("Lyman", "UA-51")
    [_, lyman] = gazetteer.find("In Kharkiv region, the village of Lyman was shelled.")
    assert lyman.place.admin1_code == "UA-63"


def test_homonym_by_the_closest_oblast_mention(gazetteer):
    text = "Donetsk region reported losses. Later, in Kharkiv region, Lyman came under fire."
    lyman = next(m for m in gazetteer.find(text) if m.name == "Lyman")
    assert lyman.place.admin1_code == "UA-63"
    text = "Lyman came under fire, Donetsk region officials said. Kharkiv region was quiet."
    lyman = next(m for m in gazetteer.find(text) if m.name == "Lyman")
    assert lyman.place.admin1_code == "UA-14"


def test_homonym_without_context_is_the_most_populous(gazetteer):
    [lyman] = gazetteer.find("Lyman was shelled overnight.")
    assert (lyman.place.admin1_code, lyman.place.geonames_id) == ("UA-14", 704204)


def test_homonym_near_a_settlement_of_one_oblast(gazetteer):
    [_, lyman] = gazetteer.find("From Izium the road leads to Lyman.")
    assert lyman.place.admin1_code == "UA-63"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("They reached the village of Hrakove at dawn.", "Hrakove"),
        ("They reached the village Hrakove at dawn.", "Hrakove"),
        ("Тіла знайшли в селі Гракове.", "Гракове"),
        ("Село Гракове звільнили.", "Гракове"),
        ("Тела нашли в селе Граково.", "Граково"),
        ("Окупанти стояли в селищі Гракове.", "Гракове"),
        ("Жителей поселка Граково вывезли.", "Граково"),
        ("Вибухи у смт Гракове.", "Гракове"),
        ("Вибухи у с. Гракове.", "Гракове"),
    ],
)
def test_unknown_village_introduced_by_a_cue_word(gazetteer, text, written):
    [mention] = gazetteer.find(text)
    assert (mention.text, mention.name, mention.place) == (written, written, None)
    assert text[mention.start:mention.end] == written


def test_unknown_name_of_several_words(gazetteer):
    [mention] = gazetteer.find("в селі Верхня Гракова Балка вночі")
    assert (mention.name, mention.place) == ("Верхня Гракова Балка", None)


def test_no_cue_no_unknown_place(gazetteer):
    assert gazetteer.find("Гракове звільнили. Hrakove was freed.") == []
    assert gazetteer.find("Izium City Hall and the Town Hall") == [
        next(m for m in gazetteer.find("Izium City Hall") if m.name == "Izium")
    ]


def test_lowercase_words_never_match(gazetteer):
    assert gazetteer.find("лиман біля моря, bar of soap, the police, лука, сад, буча, харків") == []


def test_capitalised_common_words_match_only_after_a_cue(gazetteer):
    text = "Police said the Bar was closed. Перемога буде. Volodymyr Zelensky spoke. Богдан Шевченко пише."
    assert gazetteer.find(text) == []
    assert names(gazetteer, "the town of Bar in Vinnytsia region") == [
        ("Bar", "Bar"), ("Vinnytsia region", "Vinnytsia Oblast"),
    ]
    assert names(gazetteer, "в селі Перемога")[0][1] != "Перемога"


def test_abbreviations_are_not_places(gazetteer):
    assert gazetteer.find("ЗСУ і СБУ повідомили, ISW оцінює.") == []


def test_country(gazetteer):
    assert names(gazetteer, "Україна, в Україні, Украины, Ukraine's") == [
        ("Україна", "Ukraine"), ("Україні", "Ukraine"), ("Украины", "Ukraine"), ("Ukraine's", "Ukraine"),
    ]


def test_a_district_is_not_its_namesake(gazetteer):
    assert names(gazetteer, "Обстріл Київського району Харкова.") == [("Харкова", "Kharkiv")]


def test_a_cue_word_on_the_line_before_introduces_nothing(gazetteer):
    assert gazetteer.find("Село\nГракове") == []
    assert names(gazetteer, "село Гракове\nВеликий") == [("Гракове", "Гракове")]


def test_soviet_and_foreign_former_names_are_not_places_in_running_text(gazetteer):
    assert gazetteer.find("Вулиця Леніна, вулиця Шевченка. New York and Paris. Красной армии.") == []


def test_oblasts_with_figures_in_parentheses_share_one_area_word(gazetteer):
    assert names(gazetteer, "у Харківській (12) та Сумській (3) областях") == [
        ("Харківській", "Kharkiv Oblast"), ("Сумській", "Sumy Oblast"),
    ]
