"""Reading list values without a database: headers, dates, ages, names, sex."""

from datetime import date

import pytest

from litopys.casualties.columns import ColumnError, match_columns, normalise, parse_columns
from litopys.casualties.parsing import ValueProblem, parse_row, read_age, read_date, split_name

TODAY = date(2026, 1, 1)


@pytest.mark.parametrize("headers, field", [
    (["ПІБ"], "full_name"), (["Прізвище"], "surname"), (["Ім'я"], "given_name"), (["Імʼя"], "given_name"),
    (["По батькові"], "patronymic"), (["Стать"], "sex"), (["Вік"], "age"), (["Дата народження"], "birth_date"),
    (["Дата смерті"], "death_date"), (["Місце"], "place"), (["ФИО"], "full_name"), (["Фамилия"], "surname"),
    (["Имя"], "given_name"), (["Отчество"], "patronymic"), (["Пол"], "sex"), (["Возраст"], "age"),
    (["Date of birth"], "birth_date"), (["  full NAME "], "full_name"), (["№ тіла"], "body_number"),
])
def test_headers_in_three_languages(headers, field):
    assert match_columns(headers) == {field: 0}


def test_given_columns_win_and_unknown_ones_say_the_fix():
    assert match_columns(["Особа", "X"], parse_columns("full_name=X")) == {"full_name": 1}
    with pytest.raises(ColumnError, match="no column 'Y'"):
        match_columns(["A"], parse_columns("full_name=Y"))
    with pytest.raises(ColumnError, match="is not a field"):
        parse_columns("shoe_size=A")
    assert normalise("Прізвище, ім’я") == normalise("прізвище ім'я")


@pytest.mark.parametrize("text, expected", [
    ("23.09.2022", (date(2022, 9, 23), "exact")), ("2022-09-23", (date(2022, 9, 23), "exact")),
    ("09.2022", (date(2022, 9, 1), "month")), ("2022", (date(2022, 1, 1), "year")),
    ("1978 р.н.", (date(1978, 1, 1), "year")), ("1978 г.р.", (date(1978, 1, 1), "year")),
])
def test_dates_as_ukrainian_lists_write_them(text, expected):
    assert read_date(text, TODAY)[:2] == expected


@pytest.mark.parametrize("text", ["31.02.2022", "45.13.2022", "12.05.2031", "01.01.1812", "вчора", "23.09.22"])
def test_impossible_dates_are_problems(text):
    with pytest.raises(ValueProblem):
        read_date(text, TODAY)


@pytest.mark.parametrize("text, expected", [
    ("40", (40, 40, None)), ("~40 років", (38, 42, None)), ("близько 40 років", (38, 42, None)),
    ("около 40 лет", (38, 42, None)), ("40-45", (40, 45, None)), ("1978 р.н.", (None, None, 1978)),
    ("1978 г.р.", (None, None, 1978)), (40.0, (40, 40, None)),
])
def test_ages(text, expected):
    assert read_age(text) == expected


@pytest.mark.parametrize("text", ["сорок", "200", "45-40"])
def test_bad_ages(text):
    with pytest.raises(ValueProblem):
        read_age(text)


@pytest.mark.parametrize("name, parts", [
    ("Шевченко Тарас Григорович", ("Шевченко", "Тарас", "Григорович")),
    ("Тарас Григорович Шевченко", ("Шевченко", "Тарас", "Григорович")),
    ("Тарас Шевченко", ("Шевченко", "Тарас", "")),
    ("Шевченко Тарас", ("Шевченко", "Тарас", "")),
    ("Oleksandr Ivanenko", ("Ivanenko", "Oleksandr", "")),
])
def test_name_order(name, parts):
    assert split_name(name) == parts


def test_a_row_gives_one_person_key_in_any_script_and_order():
    headers = {"full_name": "ПІБ"}
    keys = {parse_row(1, {"full_name": name}, headers, TODAY).person_key
            for name in ("Іваненко Сергій Петрович", "Иваненко Сергей Петрович", "Serhii Ivanenko")}
    assert len(keys) == 1


def test_a_bad_value_is_one_problem_and_the_rest_of_the_row_is_read():
    person = parse_row(7, {"full_name": "Коваль Марія", "sex": "ж", "death_date": "31.02.2022", "age": "~40 років"},
                       {"full_name": "ПІБ", "sex": "Стать", "death_date": "Дата смерті", "age": "Вік"}, TODAY)
    assert [(p.row, p.column, p.value) for p in person.problems] == [(7, "Дата смерті", "31.02.2022")]
    assert (person.sex, person.age_min, person.age_max, person.death_date) == ("female", 38, 42, None)
    assert "row 7, column 'Дата смерті', value '31.02.2022'" in person.problems[0].line()


def test_an_unnamed_body_is_a_row_not_a_problem():
    person = parse_row(3, {"full_name": "Невідомий", "body_number": "17"}, {"full_name": "ПІБ"}, TODAY)
    assert person.problems == [] and person.surname == "" and person.body_number == "17"
    empty = parse_row(4, {"full_name": ""}, {"full_name": "ПІБ"}, TODAY)
    assert "no name" in empty.problems[0].message
