"""Phrasings learnt in the sixth round of issue 16 (development sets only), in the three languages.

Every text here is synthetic, written for these tests; nothing comes from a sealed set.
"""

import pytest

from litopys.extraction.dates import find_date

from .phrasing import PUBLISHED, claims


def placed(text):
    return [(c["kind"], c["min"], (c["place"] or {}).get("name")) for c in claims(text)]


def dated(text):
    return [(c["kind"], c["min"], c["date"]) for c in claims(text)]


@pytest.mark.parametrize("text", [
    "Police completed the exhumation near Borova.\n\n"
    "A total of 58 bodies were exhumed: 52 civilians and six servicemen of the Armed Forces of Ukraine.",
    "Поліція завершила ексгумацію біля Борової.\n\n"
    "Загалом ексгумовано 58 тіл: 52 цивільних і шість військовослужбовців Збройних сил України.",
    "Полиция завершила эксгумацию возле Боровой.\n\n"
    "Всего эксгумировано 58 тел: 52 гражданских и шесть военнослужащих Вооружённых сил Украины.",
])
def test_the_country_in_its_armys_name_places_nothing(text):
    assert {place for _, _, place in placed(text)} == {"Borova"}


def test_a_headlines_homonym_is_the_place_its_text_names():
    text = (
        "Exhumation near Borova completed: 58 bodies recovered\n\n"
        "Police have completed the exhumation near Borova, in the Kharkiv region, the regional prosecutor's office"
        " said. A total of 58 bodies were exhumed."
    )
    found = claims(text)
    assert [(c["kind"], c["min"]) for c in found] == [("bodies", 58)]  # the headline's figure is the text's
    assert found[0]["place"]["admin1"] == "Kharkiv Oblast"


def test_a_weekday_after_a_dateline_is_read_from_the_datelines_day():
    # 20 April 2024 was a Saturday: the Wednesday before is the 17th; a dateline alone dates the sentence.
    assert find_date("KHARKIV, 20 April 2024 — Police found 12 bodies, officials said on Wednesday.", "en",
                     PUBLISHED)[0].isoformat() == "2024-04-17"
    assert find_date("ХАРКІВ, 20 квітня 2024 — Поліція знайшла 12 тіл, повідомили в середу.", "uk",
                     PUBLISHED)[0].isoformat() == "2024-04-17"
    assert find_date("KHARKIV, 20 April 2024 — Police found 12 bodies.", "en", PUBLISHED)[0].isoformat() == "2024-04-20"
    # a date at the head of a sentence that is no dateline is the sentence's
    found = find_date("On 20 April 2024 — a Saturday — police said on Wednesday ...", "en", PUBLISHED)
    assert found[0].isoformat() == "2024-04-20"


def test_a_speakers_date_is_the_one_beside_their_name():
    text = (
        "SUMY, May 27, 2024 — A guided bomb hit Okhtyrka on Sunday, killing three people, the Sumy Regional Military"
        " Administration said on Monday.\n\n"
        "Twenty-eight people were injured, the administration said."
    )
    # the event's day dates the first sentence's claim; the day the administration spoke dates its next statement
    assert dated(text) == [("killed", 3, "2024-05-26"), ("injured", 28, "2024-05-27")]


def test_districts_listed_before_their_shared_district_word_are_each_a_district():
    from litopys.places.gazetteer import Gazetteer

    def names(text):
        return [m.name for m in Gazetteer.default().find(text)]

    assert names("у Бучанському та Фастівському районах") == ["Bucha district", "Fastiv district"]
    assert names("в Бучанском и Фастовском районах") == ["Bucha district", "Fastiv district"]
    # a city's districts are no raions: the adjective before one that is no raion's is no district either
    assert names("в Киевском и Салтовском районах Харькова") == ["Kharkiv"]
    # a sum over two districts of one oblast is the oblast's
    assert placed("У Київській області уламки пошкодили 14 приватних будинків у Бучанському та Фастівському "
                  "районах.") == [("objects_damaged", 14, "Kyiv Oblast")]


def speakers(text):
    return [(c["kind"], c["min"], (c["attributed_to"] or {}).get("name")) for c in claims(text)]


@pytest.mark.parametrize("text, second", [
    ("«Загинули 14 людей», — сказав міністр Ігор Клименко. Слово взяв начальник КМВА Тимур Ткаченко. За його даними,"
     " у столиці пошкоджено 23 багатоповерхівки.", "Тимур Ткаченко"),
    ("«Погибли 14 человек», — сказал министр Игорь Клименко. Слово взял начальник КГВА Тимур Ткаченко. По его"
     " данным, в столице повреждены 23 многоэтажки.", "Тимур Ткаченко"),
    ('"Fourteen people were killed," said minister Ihor Klymenko. Next came the head of the city administration,'
     " Tymur Tkachenko. According to him, 23 apartment buildings were damaged.", "Tymur Tkachenko"),
])
def test_he_after_someone_new_is_named_is_that_person(text, second):
    found = speakers(text)
    assert found[-1][2] == second
    assert found[0][2] != second


def test_he_after_a_sentence_without_a_new_name_is_the_last_speaker():
    text = ("«Загинули 14 людей», — сказав міністр Ігор Клименко. Рятувальники працювали всю ніч. За його даними,"
            " поранено 51 людину.")
    assert {name for _, _, name in speakers(text)} == {"Ігор Клименко"}


def who(sentence):
    from litopys.extraction import attribution

    found = attribution.find(sentence)
    return (found.reference.how, found.reference.speaker and found.reference.speaker.name) if found else None


def test_a_word_opening_the_sentence_is_no_first_name():
    assert who("Окремо Федоров зазначив, що в громаді зруйновано ще одну школу.") == ("surname", "Федоров")


def test_a_press_service_speaks_for_its_body_named_in_the_nominative():
    assert who("Пресслужба Херсонської міської військової адміністрації на запит редакції уточнила, що в місті"
               " загинули 11 людей.") == ("named", "Херсонська міська військова адміністрація")
    # no letter only Russian writes, and "совете" is no Ukrainian word: read with the Russian dictionary
    assert who("Об этом сообщили в Коростенском городском совете.") == ("named", "Коростенский городской совет")


def test_the_opening_of_a_quotation_is_no_body():
    assert who("«Всего в Херсоне мы задокументировали 11 мест», — отметил он.") == ("pronoun", None)


def test_a_lowercase_clause_is_no_english_organisation():
    assert who("She said the group had verified the deaths of seven civilians.") == ("pronoun", None)


def test_a_quotation_ends_before_the_one_who_said_it():
    assert who('"We spoke to people who had lost their homes," said Amnesty researcher Laura Jenkins.') == \
        ("named", "Laura Jenkins")


def test_the_office_named_again_is_the_ombudsmans_and_his_office_is_the_ombudsman():
    text = ("Офіс Уповноваженого Верховної Ради України з прав людини повідомив про депортації. За даними Офісу,"
            " вивезено щонайменше 19 500 дітей.")
    assert speakers(text) == [("deported", 19500, "Office of the Ukrainian Parliament Commissioner for Human Rights")]
    text = ("«Ситуация тяжелая», — сказал омбудсмен Дмитрий Лубинец. В Запорожской области его офис насчитал"
            " 12 погибших мирных жителей.")
    assert {name for _, _, name in speakers(text)} == {"Дмитрий Лубинец"}


def test_she_is_the_last_woman_named_not_the_last_man():
    text = ('"We record only the attacks that hit something," said the local head, Ivan Lytvyn. "We spoke to'
            ' families," said Natalia Bondar, a researcher. Lytvyn added that 9 houses were destroyed. She said'
            " 7 civilians were killed.")
    assert speakers(text)[-1] == ("killed", 7, "Natalia Bondar")


def test_the_day_between_a_speakers_name_and_the_verb_is_no_part_of_the_name():
    assert who("Голова Запорізької ОВА Іван Федоров у суботу, 18 січня, повідомив, що було 387 ударів.") == \
        ("named", "Іван Федоров")
    assert dated("Голова Запорізької ОВА Іван Федоров у суботу, 18 січня, повідомив, що минулої доби було 387 ударів."
                 "\n\nЗа його словами, сім авіаударів окупанти завдали по Малій Токмачці.") == \
        [("attacks", 387, "2024-01-18"), ("attacks", 7, "2024-01-18")]


@pytest.mark.parametrize("text", [
    "Regional officials gave updated figures at a joint briefing on Thursday.\n\n"
    "The mayor, Borys Filatov, said a school and two kindergartens were damaged.",
    "У четвер відбувся брифінг щодо наслідків атаки.\n\n"
    "Міський голова Борис Філатов повідомив, що пошкоджено школу та два дитячі садки.",
])
def test_speakers_at_a_briefing_speak_on_its_day(text):
    # 17 July 2024 (the tests' publication day) was a Wednesday: the Thursday before is 11 July
    assert {date for _, _, date in dated(text)} == {"2024-07-11"}


def test_a_briefing_of_one_speakers_dates_no_one_else():
    text = ("Governor Vadym Filashkin said at a news conference on 29 June that 9 residents were killed.\n\n"
            'Military analyst Oleksandr Kovalenko said: "Russian troops advanced about 30 square kilometres."')
    assert dated(text) == [("killed", 9, "2024-06-29"), ("area_km2", 30, None)]


@pytest.mark.parametrize("text, name", [
    ("Bilopillia lies near the border. We spoke by phone on 8 November with Andrii Kovalenko, who heads the town's"
     " military administration.\n\nQ: How has October been?\n\nA: The worst month. We counted 212 attacks on the"
     " community.", "Andrii Kovalenko"),
    ("Ми поговорили з начальником міської військової адміністрації Сергієм Литвиненком.\n\nПитання: Як минув"
     " жовтень?\n\nВідповідь: Найгірший місяць. Ми нарахували 212 обстрілів громади.", "Сергій Литвиненко"),
])
def test_an_interviews_answers_marked_with_a_letter_are_the_interviewees(text, name):
    assert speakers(text) == [("attacks", 212, name)]


def test_the_head_of_a_body_a_headline_cites_goes_on_speaking_for_it():
    text = ("Прокурори Харківщини: у Руській Лозовій діяли три катівні\n\n"
            "Керівник Харківської обласної прокуратури Олександр Фільчаков розповів журналістам про розслідування."
            " За його словами, там утримували щонайменше 57 мешканців.\n\n"
            "Розслідування показало, що щонайменше 18 затриманих катували.")
    assert [name for _, _, name in speakers(text)][-2:] == ["Олександр Фільчаков", "Олександр Фільчаков"]


def test_a_bodys_own_statement_keeps_its_voice_after_its_head_is_quoted():
    text = ("Заява Офісу Уповноваженого Верховної Ради України з прав людини\n\n"
            "«Ми знаємо про 46 дітей», — наголосив Уповноважений Дмитро Лубінець.\n\n"
            "Крім того, Офіс має підтвердження про утримання в Росії понад 1 700 цивільних громадян, затриманих на"
            " окупованих територіях.")
    assert speakers(text)[-1] == ("detained", 1700, "Office of the Ukrainian Parliament Commissioner for Human Rights")


def test_a_clause_about_the_speaker_between_them_and_the_verb():
    assert who("Староста Олишевского округа Виктор Павленко, который стоит рядом, уточняет, что погибли 17 жителей.") \
        == ("named", "Виктор Павленко")
    assert who("The head of the community, Ivan Lytvyn, who stayed in the town, said 9 houses were destroyed.") == \
        ("named", "Ivan Lytvyn")


@pytest.mark.parametrize("sentence, name", [
    ("«Трое стариков умерли прямо тут», — тихо добавляет Надежда Петренко.", "Надежда Петренко"),
    ("«Загинули троє людей», — каже Ніна Савчук.", "Ніна Савчук"),
    ("Староста Олена Коваль уточнює, що загинули троє людей.", "Олена Коваль"),
])
def test_a_feature_gives_words_in_the_present_tense(sentence, name):
    assert who(sentence) == ("named", name)


def test_the_head_of_a_village_named_after_the_village_word_is_no_village():
    from litopys.places.gazetteer import Gazetteer

    found = Gazetteer.default().find("Староста села Валентина Кириченко додає, що в селі Надія загинули двоє.")
    assert [m.name for m in found] == ["Nadiia"]


def test_a_dateline_village_with_its_oblast_in_brackets_places_the_text():
    assert placed("ОЛИШЕВКА (Черниговская область). Подвал клуба пахнет сыростью.\n\nВ поселке сгорели 42 дома.") \
        == [("objects_destroyed", 42, "Olyshivka")]


def test_he_after_a_quotation_is_the_person_named_before_it_not_the_last_one_quoted():
    text = ("«Щонайменше 11 тіл мали сліди катувань», — зазначив слідчий Дмитро Левченко.\n\n"
            "Місцевий мешканець Василь Петренко копав частину цих могил власноруч. «Ми з сусідом викопали тут сорок дві"
            " могили. Хоронили, як могли», — розповідає він.")
    assert speakers(text)[-1] == ("graves", 42, "Василь Петренко")
    # a woman named after the last speaker is no "he"
    text = text.replace("Місцевий мешканець Василь Петренко копав", "Місцева мешканка Ганна Петренко копала")
    assert speakers(text)[-1] == ("graves", 42, "Дмитро Левченко")


def test_figures_before_the_speaker_of_the_paragraph_before_named_again_are_theirs():
    text = ("Kostiantynivka was struck by aerial bombs 23 times in seven days, governor Vadym Filashkin said.\n\n"
            "In Druzhkivka, a bomb hit a building on Wednesday night, killing three people. The governor said the"
            " building would have to be demolished.")
    assert [name for _, _, name in speakers(text)] == ["Vadym Filashkin", "Vadym Filashkin"]


def test_he_may_be_a_first_name_alone_named_before_the_quotation():
    text = ("«Тіла 11 людей мали сліди катувань», — зазначив слідчий Дмитро Левченко.\n\n"
            "Місцевий мешканець Василь, 67-річний колишній тракторист, копав ці могили. «Ми викопали тут сорок дві"
            " могили», — розповідає він.")
    assert speakers(text)[-1] == ("graves", 42, "Василь")


@pytest.mark.parametrize("text, expected", [
    ("Місія змогла поговорити з 47 звільненими з полону цивільними.", []),
    ("Организация опросила 160 бывших задержанных.", []),
    # a relative clause says what befell them: a count of the detained
    ("In May, the mission interviewed 27 civilians who had been arbitrarily detained.", [("detained", 27)]),
])
def test_people_a_body_interviewed_are_no_count_unless_a_clause_says_what_befell_them(text, expected):
    assert [(c["kind"], c["min"]) for c in claims(text)] == expected


@pytest.mark.parametrize("text", [
    "З братських могил ексгумували тіла 19 людей, усі — цивільні.",
    "Police exhumed 19 bodies, all civilians.",
    "Эксгумированы тела 19 человек, все — мирные жители.",
])
def test_what_all_those_counted_were_after_the_count(text):
    assert [(c["kind"], c["min"], c["qualifiers"]) for c in claims(text)] == \
        [("bodies", 19, {"status": "civilian"})]


@pytest.mark.parametrize("text, name", [
    ('Governor Oleksandr Prokudin said 5 civilians were injured.\n\nMayor Roman Mrochko described the situation in'
     ' starker terms. "Since October, drones have attacked our ambulances six times. We have moved the station'
     ' twice," he told reporters.', "Roman Mrochko"),
    ("Голова ОВА Олександр Прокудін повідомив, що поранено 5 цивільних.\n\n«Від початку жовтня дрони шість разів"
     " атакували наші швидкі. Ми двічі переносили підстанцію», — розповів журналістам міський голова Роман"
     " Мрочко.", "Роман Мрочко"),
])
def test_a_quotation_over_several_sentences_is_the_one_named_where_it_closes(text, name):
    assert speakers(text)[-1] == ("attacks", 6, name)


def test_quotation_marks_say_where_a_quotation_opened():
    from litopys.extraction import segment
    from litopys.extraction.quotations import opened_before

    paragraph = segment.paragraphs("«Перше речення. Друге речення», — сказав він. Третє речення.")[0]
    sentences = segment.sentences(paragraph)
    assert opened_before(sentences, 1, sentences[1].text.index("—")) == 0
    assert opened_before(sentences, 2, 0) is None


def test_he_after_a_surname_named_in_full_before():
    text = ('Governor Oleksandr Prokudin said 5 civilians were injured. The city head, Roman Mrochko, spoke later.\n\n'
            'Mrochko described the situation in starker terms. "Drones have attacked our ambulances six times,"'
            " he told reporters.")
    assert speakers(text)[-1] == ("attacks", 6, "Roman Mrochko")


def test_a_witness_in_a_dated_report_speaks_on_its_date_but_not_in_a_news_report_citing_a_body():
    report = ("UN Human Rights Monitoring Mission in Ukraine\nBriefing note: detention of civilians\nKyiv, 18 October"
              " 2024\n\nThe mission documented the detention of 71 civilians.\n\n"
              '"Three of them were beaten every evening," said Serhii Tarasenko, a former detainee.')
    assert [date for _, _, date in dated(report)] == ["2024-10-18", "2024-10-18"]
    news = ("Місія ООН: у березні загинули щонайменше 164 цивільні\n\nМоніторингова місія ООН з прав людини"
            " оприлюднила у вівторок, 16 липня, оновлення: у березні загинули щонайменше 164 цивільні.\n\n"
            "За даними міської адміністрації, у Херсоні поранено 94 людини.")
    assert [date for _, _, date in dated(news)] == ["2024-07-16", None]


@pytest.mark.parametrize("text", [
    "In Zelenivka, a gas pipeline was damaged.",
    "У Зеленівці пошкоджено газопровід.",
    "В Зеленовке поврежден газопровод.",
])
def test_a_gas_pipeline_is_energy(text):
    assert [(c["kind"], c["qualifiers"]) for c in claims(text)] == [("objects_damaged", {"object": "energy"})]


@pytest.mark.parametrize("text", [
    "Вчера ведомство называло 14 погибших, но ночью под завалами нашли еще семь тел.",
    "Минулого тижня обласна влада повідомляла про 12 загиблих у місті.",
])
def test_a_figure_given_yesterday_or_last_week_is_superseded(text):
    assert all(c["min"] not in (12, 14) for c in claims(text))


# The round's review: misfires found with sentences of the reviewer's own, fixed.

def test_a_quoted_witness_does_not_vouch_for_the_paragraph_before():
    text = ('The mission documented the detention of 71 civilians.\n\n'
            '"Three of us were beaten every evening," said Serhii Tarasenko, a former detainee.')
    assert speakers(text)[0] == ("detained", 71, "mission")  # the body, named generically


def test_she_is_never_a_man_when_no_woman_was_named():
    text = ('"Fourteen people were killed," said Governor Oleh Syniehubov. Rescuers worked through the night. She'
            " said 23 houses were damaged.")
    assert speakers(text)[-1] == ("objects_damaged", 23, None)


def test_a_name_in_a_relative_clause_is_not_the_speaker():
    assert who("Староста Олена Коваль, яку призначив голова ОВА Іван Федоров, уточнює, що загинули 17 жителів.") == \
        ("named", "Олена Коваль")
    assert who("Глава общины Иван Литвин, которого назначил губернатор Олег Синегубов, говорит, что погибли 17"
               " жителей.") == ("named", "Иван Литвин")


@pytest.mark.parametrize("sentence", [
    "Як каже народна приказка, біда не приходить сама.",
    "Как говорит пословица, беда не приходит одна.",
])
def test_a_proverb_has_no_speaker(sentence):
    assert who(sentence) is None


def test_her_husband_named_by_his_first_name_speaks():
    assert who("Її чоловік Олег додає, що 10 з них померли.") == ("surname", "Олег")
    text = ("62-річна бібліотекарка Ніна Савчук досі пам'ятає підвал. «Тримали двадцять сім днів», — згадує пані Ніна."
            " За її словами, у підвалі померли десятеро людей.")
    assert speakers(text)[-1] == ("killed", 10, "Ніна Савчук")


def test_he_after_a_surname_is_that_man_not_another_named_in_full_between():
    text = ("Governor Oleksandr Prokudin said 5 civilians were injured. His deputy, Yurii Sobolevskyi, spoke later.\n\n"
            'Prokudin described the situation in starker terms. "Drones have attacked our ambulances six times," he'
            " told reporters.")
    assert speakers(text)[-1] == ("attacks", 6, "Oleksandr Prokudin")


@pytest.mark.parametrize("text", [
    "The briefing on Thursday was cancelled because of an air raid alert.\n\nGovernor Oleh Syniehubov said 3 people"
    " were killed.",
    "Під час брифінгу в четвер президент говорив про підтримку союзників.\n\nГолова ОВА Олег Синєгубов повідомив,"
    " що внаслідок удару загинули 3 людини.",
])
def test_a_briefing_not_held_dates_nobody(text):
    assert dated(text) == [("killed", 3, None)]


def test_relatives_of_the_killed_a_body_spoke_with_are_no_interviewees_count():
    assert [(c["kind"], c["min"]) for c in claims("Правозахисники поговорили з родичами 12 загиблих цивільних.")] == \
        [("killed", 12)]


def test_a_newsrooms_reminder_is_not_the_cited_bodys_head_speaking():
    text = ("Прокурори Харківщини: у Руській Лозовій діяли три катівні\n\n"
            "Керівник Харківської обласної прокуратури Олександр Фільчаков розповів журналістам про розслідування."
            " За його словами, там утримували щонайменше 57 мешканців.\n\n"
            "Нагадаємо, 14 травня внаслідок удару по Харкову загинули 7 людей.")
    assert speakers(text)[-1][2] != "Олександр Фільчаков"


@pytest.mark.parametrize("text, body", [
    ("Офіс Генерального прокурора повідомив про нові підозри. За даними Офісу, від початку вторгнення загинули 560"
     " дітей.", "Office of the Prosecutor General"),
    ("Ombudsman Dmytro Lubinets spoke about deportations. Later the Office of the President said 388 children had"
     " been returned. The Office said 19,500 children had been deported.", "Office of the President of Ukraine"),
])
def test_the_office_named_again_is_the_office_named_last(text, body):
    assert speakers(text)[-1][2] == body


@pytest.mark.parametrize("text", [
    "The mission documented the detention of 71 civilians, 52 men and 19 women, in Melitopol.",
    "Місія задокументувала затримання 71 цивільного, 52 чоловіків і 19 жінок, у Мелітополі.",
])
def test_parts_apposed_to_a_count_keep_its_status(text):
    assert [(c["min"], c["qualifiers"].get("status")) for c in claims(text)] == \
        [(71, "civilian"), (52, "civilian"), (19, "civilian")]
