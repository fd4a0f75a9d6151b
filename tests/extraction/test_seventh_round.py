"""Phrasings learnt in the seventh round of issue 16 (development sets only), in the three languages.

Every text here is synthetic, written for these tests; nothing comes from a sealed set.
"""

import pytest

from .phrasing import claims


def counted(text):
    return [(c["kind"], c["min"]) for c in claims(text)]


def placed(text):
    return [(c["kind"], c["min"], (c["place"] or {}).get("name")) for c in claims(text)]


def spoken(text):
    return [(c["kind"], c["min"], (c["attributed_to"] or {}).get("name")) for c in claims(text)]


@pytest.mark.parametrize("text", [
    "The mission says about two thirds of the victims were killed by missiles.",
    "Місія наголошує, що близько двох третин жертв спричинили удари ракетами.",
    "Миссия отмечает, что около двух третей жертв погибли от ракетных ударов.",
    "Три чверті загиблих — цивільні.",
    "П'ять відсотків поранених — діти.",
])
def test_a_fraction_or_percentage_in_words_counts_nobody(text):
    assert counted(text) == []


def test_a_count_beside_a_fraction_still_counts():
    assert counted("About two thirds of the 40 people killed were civilians.") == [("killed", 40)]


@pytest.mark.parametrize("text, speaker", [
    ("Іван Федоров, начальник Запорізької ОВА:\n\nВорог завдав 412 ударів по населених пунктах.\n\n"
     "Пошкоджено 14 будинків.", "Іван Федоров"),
    ("Иван Федоров, глава Запорожской ОВА:\n\nВраг нанёс 412 ударов по населённым пунктам.\n\n"
     "Повреждены 14 домов.", "Иван Федоров"),
])
def test_an_opening_line_giving_the_words_with_no_headline_gives_them_for_the_whole_post(text, speaker):
    assert spoken(text) == [("attacks", 412, speaker), ("objects_damaged", 14, speaker)]


def test_a_paragraph_ending_with_a_colon_is_no_opening_without_a_speaker():
    text = "За минулу добу сталося таке:\n\nВорог завдав 412 ударів по населених пунктах.\n\nПошкоджено 14 будинків."
    assert {speaker for _, _, speaker in spoken(text)} == {None}


@pytest.mark.parametrize("text", [
    "Харківська ОВА\n\nВорог завдав 412 ударів по 8 населених пунктах області.\n\nДеталі згодом.",
    "Начальник Харківської ОВА Олег Синєгубов повідомив, що ворог завдав 412 ударів по населених пунктах області.",
    "Oleh Syniehubov, head of the Kharkiv Regional Military Administration, said Russian forces shelled settlements"
    " in the region 412 times.",
    "Глава Харьковской ОВА Олег Синегубов сообщил, что враг нанёс 412 ударов по населённым пунктам области.",
])
def test_the_region_of_a_regional_body_or_its_head_is_its_oblast(text):
    assert placed(text) == [("attacks", 412, "Kharkiv Oblast")]


def test_the_region_named_before_wins_over_the_speakers():
    text = ("Начальник Харківської ОВА Олег Синєгубов розповів про Запорізьку область. "
            "Ворог завдав 412 ударів по населених пунктах області.")
    assert placed(text) == [("attacks", 412, "Zaporizhzhia Oblast")]


@pytest.mark.parametrize("opening, speaker", [
    ("Наш щотижневий огляд складено за повідомленнями Сумської обласної військової адміністрації.",
     "Sumy Regional Military Administration"),
    ("Щонеділі ми підсумовуємо дані Сумської обласної військової адміністрації про обстріли громад.",
     "Sumy Regional Military Administration"),
    ("Our weekly digest is based on data from the Sumy Regional Military Administration.",
     "Sumy Regional Military Administration"),
    ("Обзор подготовлен по сообщениям Сумской областной военной администрации.",
     "Sumy Regional Military Administration"),
])
def test_a_digest_compiled_from_one_bodys_reports_is_that_bodys(opening, speaker):
    text = f"ТИЖДЕНЬ НА СУМЩИНІ: 10–16 БЕРЕЗНЯ\n\n{opening}\n\nЗагинули 6 людей.\n\nПошкоджено 14 будинків."
    assert {who for _, _, who in spoken(text)} == {speaker}


@pytest.mark.parametrize("signature", [
    "Отдел коммуникации ГУНП в Николаевской области, 11.03.2024",
    "Пресслужба ГУНП у Миколаївській області\n11.03.2024",
    "Communications Department of the Main Directorate of the National Police in Mykolaiv Oblast, 11.03.2024",
])
def test_a_signature_dated_in_digits_under_a_press_service_names_the_body(signature):
    text = f"Обстріли Миколаївщини за тиждень\n\nПоранено 5 мирних жителів.\n\nПошкоджено 35 будинків.\n\n{signature}"
    found = claims(text)
    assert {(c["attributed_to"] or {}).get("name") for c in found} == {
        "Main Directorate of the National Police in Mykolaiv Oblast"}
    assert {c["date"] for c in found} == {"2024-03-11"}


@pytest.mark.parametrize("text", [
    "Полиция Донетчины документирует последствия обстрелов\n\nПолицейские зафиксировали 2 погибших.",
    "Поліція Донеччини документує наслідки обстрілів\n\nПоліцейські зафіксували 2 загиблих.",
])
def test_a_body_a_headline_names_is_whom_the_police_means_after_it(text):
    assert spoken(text) == [("killed", 2, "Main Directorate of the National Police in Donetsk Oblast")]


def test_a_surname_in_ko_is_put_back_in_the_nominative():
    text = "Про осінь під обстрілами ми поговорили з начальником Херсонської МВА Романом Мрочком. Загинули 5 людей."
    assert spoken(text) == [("killed", 5, "Роман Мрочко")]


@pytest.mark.parametrize("text, speaker", [
    ("Ще вчора ввечері Кіпер написав у Telegram, що поранено 32 людини.", "Кіпер"),
    ("Вечером Кипер написал в Telegram, что ранены 32 человека.", "Кипер"),
    ("Kiper wrote on Telegram that 32 people were injured.", "Kiper"),
])
def test_where_a_statement_was_posted_is_no_speaker(text, speaker):
    assert spoken(text) == [("injured", 32, speaker)]


def test_a_pronoun_after_a_post_dated_yesterday_keeps_its_date():
    text = ("Про загибель семи людей у середу вранці повідомив начальник ОВА Олег Кіпер.\n\n"
            "Ще вчора ввечері Кіпер написав у Telegram про перших загиблих. «Поранено 32 людини», – написав він.")
    assert [(c["kind"], c["min"], c["date"]) for c in claims(text)][-1] == ("injured", 32, "2024-07-16")


def dated(text):
    return [(c["kind"], c["min"], c["date"]) for c in claims(text)]


@pytest.mark.parametrize("text", [
    "Начальник ОВА Иван Федоров:\n\nВчера, 3 марта, оккупанты нанесли 412 ударов по населенным пунктам области.\n\n"
    "По громадам:\n▪️ Ореховская громада — 96 ударов.\n▪️ Степногорская громада — 131 обстрел.",
    "Начальник ОВА Іван Федоров:\n\nУчора, 3 березня, окупанти завдали 412 ударів по населених пунктах області.\n\n"
    "▪️ Оріхівська громада — 96 ударів.\n▪️ Степногірська громада — 131 обстріл.",
])
def test_a_list_under_a_dated_total_takes_its_date(text):
    assert [date for _, _, date in dated(text)] == ["2024-03-03"] * 3


def test_a_list_under_totals_of_two_dates_takes_neither():
    text = ("Начальник ОВА Іван Федоров:\n\nУчора, 3 березня, окупанти завдали 412 ударів. Сьогодні, 4 березня, "
            "загинули 2 людей.\n\n▪️ Оріхівська громада — 96 ударів.\n▪️ Степногірська громада — 131 обстріл.")
    assert [date for _, _, date in dated(text)][-2:] == [None, None]


@pytest.mark.parametrize("text, body", [
    ("27 августа 2023 года | Донецкая область\nПолиция Донетчины документирует последствия обстрелов\n\n"
     "За сутки ранены 9 мирных жителей.", "Main Directorate of the National Police in Donetsk Oblast"),
    ("Kherson prosecutors document the consequences of shelling\n\nNine civilians were injured over the day.",
     "Kherson Regional Prosecutor's Office"),
])
def test_a_body_a_headline_names_speaks_for_a_text_naming_no_one(text, body):
    assert spoken(text) == [("injured", 9, body)]


def test_a_quotation_in_a_headline_speaks_for_nothing():
    text = "«Нас били каждый день»: жительница Херсона о плене\n\nВ подвале держали 12 человек."
    assert ("detained", 12, None) in spoken(text)
    assert {speaker for _, _, speaker in spoken(text)} == {None}


@pytest.mark.parametrize("text, day", [
    ("Начальник ОВА Іван Федоров:\n\nМинулої доби, 18 листопада, окупанти завдали 427 ударів по області.\n\n"
     "Ввечері ворог атакував Запоріжжя. Загинули двоє людей.", "2023-11-18"),
    ("Начальник ОВА Иван Федоров:\n\nЗа минувшие сутки, 18 ноября, оккупанты нанесли 427 ударов по области.\n\n"
     "Вечером враг атаковал Запорожье. Погибли два человека.", "2023-11-18"),
    ("Ivan Fedorov, head of the Zaporizhzhia Regional Military Administration:\n\nOver the past day, 18 November, "
     "Russian forces struck the region 427 times.\n\nIn the evening, drones hit Zaporizhzhia. Two people were killed.",
     "2023-11-18"),
])
def test_the_day_a_posts_figures_are_for_dates_the_post(text, day):
    assert [date for _, _, date in dated(text)] == [day, day]


def test_an_event_day_in_a_post_dates_no_other_figures():
    text = ("Начальник ОВА Іван Федоров:\n\n18 листопада окупанти завдали 427 ударів по області.\n\n"
            "Ввечері ворог атакував Запоріжжя. Загинули двоє людей.")
    assert [date for _, _, date in dated(text)] == ["2023-11-18", None]


@pytest.mark.parametrize("text", [
    "Over the past day, Russian shelling killed 3 civilians in Kharkiv Oblast.\n\n"
    "▪️ Kupiansk — two men were killed by artillery fire.\n▪️ Vovchansk — a woman was killed.",
    "За минувшие сутки в Донецкой области погибли 3 мирных жителя.\n\n"
    "Константиновка — погибли двое мужчин.\n\nТорецк — погибла женщина.",
])
def test_a_part_with_qualifiers_of_its_own_in_a_town_of_the_totals_oblast_keeps_the_totals_status(text):
    parts = [c["qualifiers"] for c in claims(text)][1:]
    assert parts == [{"sex": "male", "status": "civilian"}, {"sex": "female", "status": "civilian"}]


def test_a_part_takes_no_status_from_a_total_of_another_speaker():
    text = ("The regional police said 3 civilians were killed in Kharkiv Oblast.\n\n"
            "Separately, the mayor of Kupiansk said two men were killed in the town.")
    assert [c["qualifiers"] for c in claims(text)][1] == {"sex": "male"}


@pytest.mark.parametrize("text", [
    "In September 2023, HRMMU recorded 150 civilian casualties in Ukraine: 46 killed and 104 injured.",
    "У вересні Місія зафіксувала 150 жертв серед цивільного населення: 46 загиблих і 104 поранених.",
    "В сентябре Миссия зафиксировала 150 жертв среди гражданского населения: 46 погибших и 104 раненых.",
])
def test_a_count_of_casualties_that_its_parts_add_up_to_is_no_claim(text):
    assert [(c["kind"], c["min"]) for c in claims(text)] == [("killed", 46), ("injured", 104)]


def test_a_count_of_casualties_gives_its_parts_its_status():
    text = "In September 2023, HRMMU recorded 150 civilian casualties in Ukraine: 46 killed and 104 injured."
    assert {c["qualifiers"].get("status") for c in claims(text)} == {"civilian"}


def test_a_total_its_parts_do_not_add_up_to_stays():
    text = "Russian strikes killed 12 civilians in the region: 5 were killed in Izium and 4 were injured in Balakliia."
    assert ("killed", 12) in [(c["kind"], c["min"]) for c in claims(text)]


@pytest.mark.parametrize("text, expected", [
    ("Пошкоджено об'єкти цивільної інфраструктури:\n▪️ приватних будинків — 641;\n▪️ багатоквартирних будинків — 73;\n"
     "▪️ автомобілів — 118.", [("objects_damaged", 641, "home"), ("objects_damaged", 73, "apartment_building"),
                              ("objects_damaged", 118, "vehicle")]),
    ("Damaged civilian objects:\n- private houses: 641;\n- apartment buildings: 73.",
     [("objects_damaged", 641, "home"), ("objects_damaged", 73, "apartment_building")]),
    ("Разрушены гражданские объекты:\n• частных домов — 12;\n• школ — 2.",
     [("objects_destroyed", 12, "home"), ("objects_destroyed", 2, "school")]),
])
def test_a_list_naming_objects_before_their_numbers_under_a_heading_of_what_was_done(text, expected):
    assert [(c["kind"], c["min"], c["qualifiers"].get("object")) for c in claims(text)] == expected


def test_a_word_of_the_next_number_in_brackets_is_not_the_items():
    text = "Пошкоджено об'єкти цивільної інфраструктури:\n▪️ приватних будинків — 641 (ще 57 зруйновано);"
    assert [(c["kind"], c["min"]) for c in claims(text)] == [("objects_damaged", 641), ("objects_destroyed", 57)]


def test_a_list_of_objects_under_a_heading_saying_nothing_was_done_to_them_counts_nothing():
    assert claims("Об'єкти в громаді:\n▪️ приватних будинків — 641;\n▪️ шкіл — 12.") == []


@pytest.mark.parametrize("text, speaker", [
    ("Ситуація\n\nЗагинули 3 людини.\n\nПошкоджено 14 будинків.\n\n"
     "— Олег Синєгубов, начальник Харківської обласної військової адміністрації", "Олег Синєгубов"),
    ("Загинули 3 людини, йдеться в повідомленні Харківської ОВА.", "Kharkiv Regional Military Administration"),
    ("Погибли 3 человека, говорится в сообщении Харьковской ОВА.", "Kharkiv Regional Military Administration"),
    ("Загинули 3 людини, – пише Синєгубов у своєму телеграм-каналі.", "Синєгубов"),
    ("Погибли 3 человека, пишет Синегубов в Telegram.", "Синегубов"),
])
def test_more_ways_of_saying_who_posted(text, speaker):
    assert spoken(text)[0] == ("killed", 3, speaker)


def test_a_newspapers_name_in_quotation_marks_is_no_place():
    assert placed("Загинули 3 людини, пише «Українська правда».")[0][2] != "Ukrainsk"
    assert placed("Загинули 3 людини в Українську.")[0][2] == "Ukrainsk"  # the town, named as such


def test_a_bound_carries_to_a_coordinated_count_of_people_not_of_other_objects():
    assert [(c["min"], c["max"]) for c in claims("At least 5 people were killed and 12 injured.")] == [
        (5, None), (12, None)]
    assert [(c["min"], c["max"]) for c in claims("Пошкоджено понад 700 приватних будинків і 35 багатоповерхівок.")] == [
        (700, None), (35, 35)]


@pytest.mark.parametrize("text, expected", [
    ("У Донецькій області загинули 86 цивільних, у Харківській — 41, у Запорізькій — 18.",
     [("killed", 86, "Donetsk Oblast"), ("killed", 41, "Kharkiv Oblast"), ("killed", 18, "Zaporizhzhia Oblast")]),
    ("В Бородянке извлекли 41 тело, в Гостомеле — 17.", [("bodies", 41, "Borodianka"), ("bodies", 17, "Hostomel")]),
    ("У Лимані загинули 8 людей, у Святогірську — 2.", [("killed", 8, "Lyman"), ("killed", 2, "Sviatohirsk")]),
])
def test_a_count_after_its_own_place_and_a_dash_takes_the_kind_of_the_count_before(text, expected):
    assert placed(text) == expected


@pytest.mark.parametrize("text, speaker", [
    ("Харківська ОВА\n\nМи фіксуємо наслідки обстрілів. Загинули 3 людини.",
     "Kharkiv Regional Military Administration"),
    ("Харьковская ОВА\n\nМы фиксируем последствия обстрелов. Погибли 3 человека.",
     "Kharkiv Regional Military Administration"),
    ("Пані Людмила каже, що загинули 3 людини.", "Людмила"),
    ("«Загинули 3 людини», — розповідає пан Микола.", "Микола"),
    ("Олена К. розповіла, що загинули 3 людини.", "Олена К."),
    ("Як йдеться у звіті ХПГ, загинули 3 людини.", "Kharkiv Human Rights Protection Group"),
    ("Про те, як живе район, кореспондентка поговорила з начальником РВА Євгеном Євтушенком.\n\n— Які втрати?\n\n"
     "— Загинули 3 людини.", "Євген Євтушенко"),
])
def test_we_honorifics_initials_abbreviations_and_interviews(text, speaker):
    assert spoken(text) == [("killed", 3, speaker)]


@pytest.mark.parametrize("header, body", [
    ("Сумська міська рада", "Сумська міська рада"),
    ("Куп'янська МВА", "Куп'янська МВА"),
])
def test_a_header_naming_a_council_or_city_administration_speaks_for_the_post(header, body):
    assert spoken(f"{header}\n\nУ ніч на 9 жовтня загинули 3 людини.\n\nПоранено ще чотирьох.") == [
        ("killed", 3, body), ("injured", 4, body)]


def test_a_date_opening_a_paragraph_of_a_bodys_statement_dates_the_paragraph():
    text = ("Донецька обласна прокуратура повідомляє.\n\n9 лютого російські війська атакували Костянтинівку. Загинули "
            "двоє цивільних.\n\nУ ніч на 10 лютого окупанти вдарили по Дружківці. Поранено 38-річного чоловіка.\n\n"
            "Донецька обласна прокуратура\n11.02.2024")
    assert [(c["kind"], c["date"]) for c in claims(text)] == [("killed", "2024-02-09"), ("injured", "2024-02-10")]


def test_a_date_opening_a_paragraph_of_a_news_report_dates_only_its_sentence():
    text = ("Обстріли Донеччини\n\n9 лютого російські війська атакували Костянтинівку. Загинули двоє цивільних, "
            "повідомили в обласній прокуратурі.")
    assert [c["date"] for c in claims(text)] == [None]


def test_one_person_among_a_count_of_civilians_is_a_civilian():
    found = claims("Тоді загинули троє мирних жителів, серед них дитина.")
    assert [(c["kind"], c["min"], c["qualifiers"]) for c in found] == [
        ("killed", 3, {"status": "civilian"}), ("killed", 1, {"age": "child", "status": "civilian"})]


@pytest.mark.parametrize("text", [
    "Станом на 15 березня ми задокументували незаконне позбавлення волі щонайменше 217 цивільних.",
    "По состоянию на 15 марта мы задокументировали незаконное лишение свободы не менее 217 мирных жителей.",
    "As of 15 March we documented the unlawful deprivation of liberty of at least 217 civilians.",
])
def test_unlawful_deprivation_of_liberty_is_detention(text):
    assert [(c["kind"], c["min"]) for c in claims(text)] == [("detained", 217)]


def test_a_prison_term_is_still_no_detention():
    assert claims("Суд засудив 3 окупантів до 12 років позбавлення волі.") == []


def test_a_citys_district_places_a_claim_in_the_city():
    assert placed("В Одесі ворог атакував порт. У Приморському районі пошкоджено 4 будинки.") == [
        ("objects_damaged", 4, "Odesa")]


@pytest.mark.parametrize("text, expected", [
    ("Ми поговорили з начальником громади Іваном Ковалем.\n\n— Скільки обстрілів зазнала громада за жовтень?\n\n"
     "— Понад 450.", [("attacks", 450)]),
    ("Мы поговорили с главой ГВА Романом Мрочко.\n\n— Сколько жителей погибли с начала года?\n\n— Девяносто шесть.",
     [("killed", 96)]),
])
def test_an_answers_bare_count_is_of_the_kind_the_question_asked_about(text, expected):
    assert [(c["kind"], c["min"]) for c in claims(text)] == expected


def test_a_count_in_the_question_itself_takes_no_kind_from_it():
    text = ("Ми поговорили з начальником громади Іваном Ковалем.\n\n— Скільки обстрілів було? Раніше ви казали про 300."
            "\n\n— Більше.")
    assert claims(text) == []


def test_a_headline_ending_with_a_dash_and_a_surname_speaks_for_the_text_by_the_full_name():
    text = ("На Харківщині загинули 3 людини, – Синєгубов\n\nВорог обстріляв Куп'янськ, повідомив начальник "
            "Харківської ОВА Олег Синєгубов.\n\nУ Вовчанську пошкоджено 14 будинків.")
    assert {speaker for _, _, speaker in spoken(text)} == {"Олег Синєгубов"}


def test_yesterday_in_a_statement_signed_with_a_date_is_the_day_before_the_signature():
    text = ("Вчора ввечері росіяни обстріляли Миколаїв. Загинули двоє мирних жителів.\n\nПошкоджено школу.\n\n"
            "Відділ комунікації ГУНП в Миколаївській області\n11.03.2024")
    assert [date for _, _, date in dated(text)] == ["2024-03-10", "2024-03-11"]


def test_a_title_date_is_no_day_to_read_today_from():
    text = ("Минула доба, 2 листопада, у Запорізькій області\n\nВорог завдав 512 ударів по області.\n\n"
            "Сьогодні вранці поранено 4 людей.\n\nІван Федоров, начальник Запорізької ОВА")
    assert [date for _, _, date in dated(text)] == ["2023-11-02", "2024-07-17"]


@pytest.mark.parametrize("text, speaker", [
    ("Наш щотижневий огляд складено за повідомленнями Дніпропетровської ОВА.\n\nНікополь. Загинули 2 людей.",
     "Dnipropetrovsk Regional Military Administration"),
    ("Іван Федоров, начальник Запорізької ОВА:\n\nМинулої доби загинули 2 людей.", "Іван Федоров"),
])
def test_an_opening_with_no_title_above_it_and_one_paragraph_after(text, speaker):
    assert spoken(text) == [("killed", 2, speaker)]


def test_a_count_of_casualties_with_a_bound_its_parts_add_up_to():
    found = claims("The mission recorded at least 150 civilian casualties in March: 46 killed and 104 injured.")
    assert [(c["kind"], c["min"], c["qualifiers"]) for c in found] == [
        ("killed", 46, {"status": "civilian"}), ("injured", 104, {"status": "civilian"})]


@pytest.mark.parametrize("text", ["Окупанти незаконно позбавили волі 42 цивільних.",
                                  "Оккупанты незаконно лишили свободы 42 мирных жителей."])
def test_unlawfully_deprived_of_liberty_is_detention(text):
    assert [(c["kind"], c["min"]) for c in claims(text)] == [("detained", 42)]


def test_a_kharkiv_district_in_a_russian_text():
    assert placed("В Харькове ночью был обстрел. В Слободском районе ранены 9 человек.") == [("injured", 9, "Kharkiv")]


@pytest.mark.parametrize("text", [
    "На Харківщині загинули троє цивільних:\n▪️ у Куп'янську — двоє чоловіків;\n▪️ в Ізюмі — одна жінка.",
    "В Харьковской области погибли трое мирных жителей:\n▪️ в Купянске — двое мужчин;\n▪️ в Изюме — одна женщина.",
])
def test_a_bullet_list_under_a_total_ending_with_a_colon_gives_its_parts(text):
    assert [(c["kind"], c["min"], c["qualifiers"]) for c in claims(text)][1:] == [
        ("killed", 2, {"sex": "male", "status": "civilian"}), ("killed", 1, {"sex": "female", "status": "civilian"})]


def test_every_item_of_a_list_of_thousands_is_read():
    # each item once: the list's extent is found once per document (it was walked again for every item)
    text = "Пошкоджено об'єкти:\n" + "".join(f"▪️ приватних будинків — {i % 90 + 2};\n" for i in range(3000))
    found = claims(text)
    assert {(c["kind"], c["qualifiers"].get("object")) for c in found} == {("objects_damaged", "home")}
    assert sorted(c["min"] for c in found) == list(range(2, 92))  # repeats of one figure are one claim
