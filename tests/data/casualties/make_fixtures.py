"""Write the SYNTHETIC victim lists the casualties tests read: `python tests/data/casualties/make_fixtures.py`.

Invented people only (litopys.casualties.synthetic). Run again after changing the generator; the files are
deterministic for a given seed.
"""

import csv
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "litopys.settings")
os.environ.setdefault("LITOPYS_HOME", "/tmp/litopys-fixtures-home")

from litopys.casualties import synthetic  # noqa: E402

PEOPLE = 40
SEED = 7


def main() -> None:
    people = synthetic.population(PEOPLE, seed=SEED)
    tables = synthetic.lists(people, seed=SEED, coverage={"exhumation": 0.9, "police": 0.7, "morgue": 0.6})
    headers, rows, pids = tables["exhumation"]
    synthetic.write_csv(HERE / "exhumation.csv", headers, rows)
    headers, rows, pids_police = tables["police"]
    synthetic.write_xlsx(HERE / "police.xlsx", headers, rows)
    headers, rows, pids_morgue = tables["morgue"]
    synthetic.write_csv(HERE / "morgue-cp1251.csv", headers, rows, encoding="cp1251")
    with open(HERE / "truth.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["list", "row", "person"])  # SYNTHETIC: which invented person each row is
        for name, ids in (("exhumation", pids), ("police", pids_police), ("morgue", pids_morgue)):
            writer.writerows((name, row, pid) for row, pid in enumerate(ids, start=1))
    # Bad input: a header and nothing else; no name column; one row in ten with an impossible date.
    (HERE / "empty.csv").write_text("", encoding="utf-8")
    (HERE / "header-only.csv").write_text("ПІБ,Стать,Вік\n", encoding="utf-8")
    (HERE / "no-name.csv").write_text("Стать,Вік,Місце\nч,40,Ізюм\nж,~50 років,Ізюм\n", encoding="utf-8")
    bad_rows = []
    for number, person in enumerate(people[:30], start=1):
        death = "31.02.2022" if number % 10 == 0 else f"{person.death:%d.%m.%Y}"
        bad_rows.append([f"{person.surname[0]} {person.given[0]}", death, synthetic.MARK])
    synthetic.write_csv(HERE / "bad-dates.csv", ["ПІБ", "Дата смерті", "Примітка"], bad_rows)
    merged(HERE / "merged.xlsx", people[:6])


def merged(path: Path, people) -> None:
    """An exhumation sheet whose place and grave cells are merged over the bodies found in one grave."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = synthetic.MARK
    sheet.append(["ПІБ", "Стать", "Місце", "Номер могили"])
    for index, person in enumerate(people):
        sheet.append([f"{person.surname[0]} {person.given[0]}", "ч" if person.sex == "male" else "ж",
                      "м. Ізюм" if index in (0, 3) else None, "7" if index in (0, 3) else None])
    sheet.merge_cells("C2:C4")
    sheet.merge_cells("D2:D4")
    sheet.merge_cells("C5:C7")
    sheet.merge_cells("D5:D7")
    workbook.save(path)


if __name__ == "__main__":
    main()
