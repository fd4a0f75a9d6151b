"""The plain records the gazetteer hands out: a place, and a place named in a text."""

from dataclasses import dataclass

SETTLEMENT = "settlement"
OBLAST = "oblast"
COUNTRY = "country"


@dataclass(frozen=True)
class Place:
    """A settlement, first-level division (oblast, Crimea, Kyiv, Sevastopol) or the country."""

    geonames_id: int | None
    name: str
    kind: str
    admin1: str | None
    admin1_code: str | None
    latitude: float | None
    longitude: float | None
    population: int
    name_uk: str = ""
    name_ru: str = ""

    def __str__(self) -> str:
        if self.kind == SETTLEMENT and self.admin1:
            return f"{self.name}, {self.admin1}"
        return self.name


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: where, as written, and which place it is if the gazetteer knows it."""

    start: int
    end: int
    text: str
    name: str
    place: Place | None
