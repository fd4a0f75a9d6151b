"""SYNTHETIC victim lists with a known truth, for tests and the linkage benchmark.

Invented people (names from `data/synthetic_names.yaml`), each on some of four lists written the way
such lists are: an exhumation list in Ukrainian with estimated ages, a police list with separate name
columns, a morgue list in Russian, relatives' reports in Latin letters — with typos, swapped name
order, missing patronymics, dates a few days off. Never real records; every file says SYNTHETIC.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from litopys.names import russian_to_latin, ukrainian_to_latin
from litopys.places.districts import adjectives

NAMES_FILE = Path(__file__).with_name("data") / "synthetic_names.yaml"
MARK = "SYNTHETIC"
#: Share of the population on each list, and how the list is written.
COVERAGE = {"exhumation": 0.85, "police": 0.6, "morgue": 0.5, "relatives": 0.35}
HEADERS = {
    "exhumation": ["№", "ПІБ", "Стать", "Вік", "Місце", "Номер могили", "Номер тіла", "Примітка"],
    "police": ["Прізвище", "Ім'я", "По батькові", "Дата народження", "Стать", "Дата смерті", "Населений пункт",
               "Примітка"],
    "morgue": ["ФИО", "Пол", "Возраст", "Дата смерти", "Место", "Номер тела", "Примечание"],
    "relatives": ["Full name", "Sex", "Date of birth", "Date of death", "Place", "Notes"],
}


@dataclass(frozen=True)
class Person:
    pid: int
    sex: str
    given: tuple[str, str]  # (Ukrainian, Russian)
    patronymic: tuple[str, str]
    surname: tuple[str, str]
    birth: date
    death: date
    place: tuple[str, str, str]  # (Ukrainian, Russian, Latin)
    district: str  # Ukrainian district name, or ""


@lru_cache(maxsize=1)
def _names() -> dict:
    data = yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8"))
    male = [tuple(entry.split("|")) for entry in data["male"]]
    female = [tuple(entry.split("|")) for entry in data["female"]]
    surnames = [tuple(f"{stem}{ending}" for ending in pair.split("|")) for stem in data["stems"]
                for pair in data["endings"]] + [tuple(entry.split("|")) for entry in data["whole"]]
    return {"male": male, "female": female, "surnames": surnames}


@lru_cache(maxsize=1)
def _places() -> list[tuple[tuple[str, str, str], str]]:
    from litopys.places.gazetteer import Gazetteer

    found = []
    for place in Gazetteer.default().places():
        if place.kind == "settlement" and place.admin1_code in ("UA-63", "UA-14", "UA-65", "UA-59", "UA-32"):
            if place.name_uk and place.name_ru and " " not in place.name_uk:
                found.append(((place.name_uk, place.name_ru, place.name), place.admin1_code))
    found.sort(key=lambda p: p[0][2])
    return found


def _female(surname: tuple[str, str]) -> tuple[str, str]:
    uk, ru = surname
    if uk.endswith("ський"):
        return uk[:-2] + "ка", ru[:-2] + "ая"
    if uk.endswith("ний"):
        return uk[:-2] + "а", ru[:-2] + "ая"
    if uk.endswith("ов") or uk.endswith("ев"):
        return uk + "а", ru + "а"
    return uk, ru


def population(size: int, seed: int = 1) -> list[Person]:
    """Return `size` invented people; surnames and places are drawn unevenly, as in life."""
    rng = random.Random(seed)
    names, places = _names(), _places()
    izium = [p for p in places if p[0][2] == "Izium"]
    surname_weights = [1.0 / (rank + 50) for rank in range(len(names["surnames"]))]
    people = []
    for pid in range(1, size + 1):
        sex = "male" if rng.random() < 0.6 else "female"
        father = rng.choice(names["male"])
        if sex == "male":
            given_entry = rng.choice(names["male"])
            given, patronymic = given_entry[:2], father[2:4]
        else:
            given, patronymic = rng.choice(names["female"]), father[4:6]
        surname = rng.choices(names["surnames"], surname_weights)[0]
        surname = _female(surname) if sex == "female" else surname
        birth = date(1930, 1, 1) + timedelta(days=rng.randrange(365 * 75))
        death = date(2022, 3, 1) + timedelta(days=rng.randrange(190))
        place, _code = izium[0] if izium and rng.random() < 0.4 else rng.choice(places)
        district = ""
        if rng.random() < 0.1 and (found := adjectives(place[0], place[1])):
            district = found[0].capitalize() + " район"  # Ізюмський район
        people.append(Person(pid, sex, given, patronymic, surname, birth, death, place, district))
    return people


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]  # a letter dropped
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]  # two letters swapped
    if kind == 2:
        return word[:i] + word[i] + word[i:]  # a letter doubled
    near = "аоуеиі" if word[i].lower() in "аоуеиіяєю" else "нмклвтрсдп"
    return word[:i] + rng.choice(near) + word[i + 1:]  # a letter misheard


def _latin_variant(latin: str, rng: random.Random) -> str:
    """Spell a romanised name the other ways people do: Serhii → Serhiy, Yuliia → Yulia, Kh → H."""
    for before, after in (("ii", "iy"), ("iia", "ia"), ("kh", "h"), ("ia", "ya"), ("iu", "yu"), ("y", "i")):
        if before in latin and rng.random() < 0.3:
            latin = latin.replace(before, after, 1)
    return latin


def _age(person: Person) -> int:
    years = person.death.year - person.birth.year
    return years - ((person.death.month, person.death.day) < (person.birth.month, person.birth.day))


def row_for(list_name: str, person: Person, number: int, rng: random.Random,
            exhumed: dict[int, int] | None = None) -> list[str]:
    """Return the cells of `person` on a list, with the errors such a list has."""
    uk = [_typo(w, rng) if rng.random() < 0.05 else w for w in (person.surname[0], person.given[0],
                                                                    person.patronymic[0])]
    ru = [_typo(w, rng) if rng.random() < 0.05 else w for w in (person.surname[1], person.given[1],
                                                                    person.patronymic[1])]
    sex_uk, sex_ru = ("ч", "м") if person.sex == "male" else ("ж", "ж")
    off = person.death + timedelta(days=rng.choice([0, 0, 0, 1, -1, 3, -5]))
    if list_name == "exhumation":
        name = " ".join(uk if rng.random() > 0.3 else uk[:2])
        if rng.random() < 0.05:
            name = " ".join([uk[1], uk[2], uk[0]])
        if rng.random() < 0.04:
            name = "Невідомий" if person.sex == "male" else "Невідома"
        age = _age(person) + rng.choice([-3, -2, 0, 0, 2, 3])
        age_text = f"~{age} років" if rng.random() < 0.6 else (f"{person.birth.year} р.н." if rng.random() < 0.5
                                                              else str(_age(person)))
        place = person.district or f"м. {person.place[0]}"
        return [str(number), name, sex_uk, age_text, place, str(rng.randrange(1, 460)), str(number), MARK]
    if list_name == "police":
        birth = f"{person.birth:%d.%m.%Y}" if rng.random() < 0.8 else f"{person.birth.year} р.н."
        patronymic = uk[2] if rng.random() < 0.9 else ""
        return [uk[0], uk[1], patronymic, birth, sex_uk, f"{off:%d.%m.%Y}", person.place[0], MARK]
    if list_name == "morgue":
        name = " ".join(ru if rng.random() > 0.2 else ru[:2])
        age = f"{_age(person)}" if rng.random() < 0.7 else f"около {_age(person)} лет"
        # The morgue receives bodies under the exhumation's body numbers (when they came from it).
        body = str(exhumed[person.pid]) if person.pid in exhumed and rng.random() < 0.9 else ""
        return [name, sex_ru, age, f"{person.death:%d.%m.%Y}", f"г. {person.place[1]}", body, MARK]
    from_russian = rng.random() < 0.3
    parts = [russian_to_latin(w).capitalize() if from_russian else ukrainian_to_latin(w)
             for w in ((ru if from_russian else uk)[:2])]
    parts = [_latin_variant(p, rng) if rng.random() < 0.5 else p for p in parts]
    name = f"{parts[1]} {parts[0]}" if rng.random() < 0.8 else f"{parts[0]} {parts[1]}"
    birth = f"{person.birth:%d.%m.%Y}" if rng.random() < 0.5 else ""
    death = f"{off:%m.%Y}" if rng.random() < 0.5 else f"{off:%d.%m.%Y}"
    return [name, "M" if person.sex == "male" else "F", birth, death, person.place[2], MARK]


def lists(people: list[Person], seed: int = 1, coverage: dict[str, float] | None = None
          ) -> dict[str, tuple[list[str], list[list[str]], list[int]]]:
    """Return {list name: (headers, rows, the pid of each row)}, rows in a shuffled order."""
    rng = random.Random(seed)
    out: dict = {}
    exhumed: dict[int, int] = {}
    for list_name, share in (coverage or COVERAGE).items():
        chosen = [p for p in people if rng.random() < share]
        rng.shuffle(chosen)
        rows = [row_for(list_name, person, number, rng, exhumed) for number, person in enumerate(chosen, start=1)]
        if list_name == "exhumation":
            exhumed = {person.pid: number for number, person in enumerate(chosen, start=1)}
        out[list_name] = (HEADERS[list_name], rows, [p.pid for p in chosen])
    return out


def write_csv(path: Path, headers: list[str], rows: list[list[str]], encoding: str = "utf-8") -> None:
    import csv

    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)


def write_xlsx(path: Path, headers: list[str], rows: list[list[str]], title: str = MARK) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def link_records(tables: dict[str, tuple[list[str], list[list[str]], list[int]]], today: date | None = None):
    """Read generated lists as an import would and return (LinkRecords, record id → pid)."""
    from collections import Counter

    from litopys.casualties.columns import match_columns
    from litopys.casualties.linkage import LinkRecord
    from litopys.casualties.parsing import parse_row

    today = today or date(2026, 1, 1)
    records, truth = [], {}
    for list_name, (headers, rows, pids) in tables.items():
        mapping = match_columns(headers)
        names = {field: headers[index] for field, index in mapping.items()}
        start, years = len(records), Counter()
        for number, (cells, pid) in enumerate(zip(rows, pids, strict=True), start=1):
            person = parse_row(number, {f: cells[i] for f, i in mapping.items()}, names, today)
            if person.death_date:
                years[person.death_date.year] += 1
            record = LinkRecord(id=len(records) + 1, list=list_name, row=number, surname=person.surname,
                                body_number=person.body_number,
                                given_name=person.given_name, patronymic=person.patronymic, sex=person.sex,
                                birth_date=person.birth_date, birth_precision=person.birth_precision,
                                age_min=person.age_min, age_max=person.age_max, death_date=person.death_date,
                                death_precision=person.death_precision, place_text=person.place_text)
            records.append(record)
            truth[record.id] = pid
        # An exhumation list gives ages but no dates of death: they refer to the year it was made.
        reference = years.most_common(1)[0][0] if years else 2022
        for record in records[start:]:
            record.reference_year = reference
    return records, truth


def pairwise_scores(clusters, truth: dict[int, int]) -> dict[str, float]:
    """Return pairwise precision, recall and F1 of clusters (lists of record ids) against the truth."""
    from collections import Counter

    def pairs(counts) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    found = pairs(len(members) for members in clusters)
    true_pairs = pairs(Counter(truth.values()).values())
    correct = sum(pairs(Counter(truth[m] for m in members).values()) for members in clusters)
    precision = correct / found if found else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "true_pairs": true_pairs, "found_pairs": found}
