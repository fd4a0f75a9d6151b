"""Name districts (raions) after their centres: Чугуїв → Чугуївський район, Купянск → Купянский район.

The gazetteer holds no districts, but a district is named by an adjective made from its centre's name, so the
adjective leads to the centre and, through it, to the oblast. The rules below make the regular adjectives; an
irregular one (Буча → Бучанський) is not found, and a wrong one (Шостка → "шостський") never occurs in text.
"""

from litopys.places.translit import fold, ukrainian_to_latin

_VOWELS = "аеєиіїоуюяыэё"


def adjectives(name_uk: str, name_ru: str) -> list[str]:
    """Return the lookup keys of the masculine adjectives naming a settlement's district: uk, ru and Latin."""
    name_uk, name_ru = fold(name_uk), fold(name_ru)
    ukrainian = _compound(name_uk, _ukrainian, "ий", "а", "е", "і")
    russian = _compound(name_ru, _russian, "ий", "ый", "ая", "ое", "ие", "ые")
    latin = [ukrainian_to_latin(word).replace("'", "") for word in ukrainian]  # "kupianskyi district"
    return list(dict.fromkeys(ukrainian + russian + latin))


def hromada_adjectives(name_uk: str, name_ru: str, districts: list[str]) -> list[str]:
    """Return the lookup keys of the feminine adjectives naming the hromada a settlement is the centre of, made
    from its district adjectives (лиманський → лиманська, лиманский → лиманская, lymanskyi → lymanska) and from a
    name that is an adjective already (Покровське → покровська, Мирове → мирівська, Каменское → каменская)."""
    found = []
    for adjective in districts:
        if adjective.endswith("ький"):
            found.append(adjective[:-2] + "а")
        elif adjective.endswith("кий"):
            found.append(adjective[:-2] + "ая")
        elif adjective.endswith("kyi"):
            found.append(adjective[:-2] + "a")
    name_uk, name_ru = fold(name_uk), fold(name_ru)
    if _one_word(name_uk) and name_uk.endswith(("ське", "цьке")):
        found.append(name_uk[:-1] + "а")
    elif _one_word(name_uk) and name_uk.endswith("ове"):
        found.append(name_uk[:-3] + "івська")
    if _one_word(name_ru) and name_ru.endswith(("ское", "цкое")):
        found.append(name_ru[:-2] + "ая")
    return list(dict.fromkeys(found))


def area_nouns(adjective: str) -> list[str]:
    """Return the nouns naming the area of a district whose folded adjective is given, Ukrainian or Russian:
    ізюмський → ізюмщина ("на Ізюмщині"), изюмский → изюмщина, прилуцький → прилуччина."""
    for adjective_end, noun_end in _AREA_ENDS:
        if adjective.endswith(adjective_end) and len(adjective) - len(adjective_end) >= 3:
            stem = adjective[: -len(adjective_end)]
            return [stem + noun_end, stem + "чина"] if stem.endswith("т") and noun_end == "щина" else [stem + noun_end]
    return []


#: How a district's adjective ends and the noun of its area then ends.
_AREA_ENDS = (("цький", "ччина"), ("цкий", "ччина"), ("ський", "щина"), ("ский", "щина"))


def _one_word(name: str) -> bool:
    return len(name) >= 3 and name.replace("'", "").isalpha()


def _compound(name: str, rule, *adjective_ends: str) -> list[str]:
    """Apply a language's rule to a one-word name, or to the noun of an adjective and a noun, joined by "о":
    Старий Салтів → старосалтівський, Велика Писарівка → великописарівський, Великая Писаревка →
    великописаревский."""
    if _one_word(name):
        return rule(name)
    words = name.split(" ")
    if len(words) != 2 or not _one_word(words[1]):
        return []
    stem = next((words[0][: -len(end)] for end in adjective_ends if words[0].endswith(end)), "")
    if len(stem) < 3 or not stem.isalpha():
        return []
    return [stem + "о" + adjective for adjective in rule(words[1])]


def _ukrainian(name: str) -> list[str]:
    if name.endswith(("ськ", "цьк")):
        return [name + "ий"]  # Куп'янськ → Куп'янський, Донецьк → Донецький
    if name.endswith("ець"):
        return [name[:-1] + "кий"]  # Тростянець → Тростянецький
    if name.endswith("ія"):
        return [name[:-1] + "йський"]  # Балаклія → Балаклійський
    if name.endswith("лля"):
        return [name[:-3] + "льський"]  # Білопілля → Білопільський
    if name.endswith("ка"):
        return [name[:-2] + "ський"]  # Охтирка → Охтирський, Миколаївка → Миколаївський
    if name.endswith(("а", "я")):
        stem = name[:-1]
        return [stem[:-2] + "івський" if stem.endswith("ов") else stem + "ський"]  # Лозова → Лозівський
    if name.endswith(("и", "і")):
        stem = name[:-1]
        if stem.endswith("к"):
            return [stem[:-1] + "цький"]  # Прилуки → Прилуцький
        if stem.endswith("н") and stem[-2] not in _VOWELS:
            return [stem + "енський", stem[:-1] + "енський"]  # Сарни → Сарненський, Лубни → Лубенський
        return [stem + "ський", stem + "івський"]  # Суми → Сумський, Дергачі → Дергачівський
    if name[-1] in _VOWELS or name.endswith("й"):
        return []  # Покровське, Шевченкове are adjectives already
    if name.endswith("к"):
        return [name[:-1] + "цький"]  # Кременчук → Кременчуцький
    if name.endswith("г"):
        return [name[:-1] + "зький"]  # Острог → Острозький
    if name.endswith("ч"):
        return [name[:-1] + "цький"]  # Бахмач → Бахмацький, Грем'яч → Грем'яцький
    if name.endswith("нь"):
        return [name[:-1] + "ський"]  # Хотінь → Хотінський
    return [name + "ський"]  # Ізюм → Ізюмський, Чугуїв → Чугуївський, Маріуполь → Маріупольський


def _russian(name: str) -> list[str]:
    if name.endswith(("ск", "цк")):
        return [name + "ий"]  # Купянск → Купянский
    if name.endswith(("ая", "яя", "ое", "ее")):
        return []  # Лозовая → Лозовской: irregular
    if name.endswith(("ея", "ия")):
        return [name[:-1] + "йский"]  # Балаклея → Балаклейский
    if name.endswith("ье"):
        return [name[:-1] + "ский"]  # Белополье → Белопольский
    if name.endswith("ка"):
        return [name[:-2] + "ский"]  # Ахтырка → Ахтырский
    if name.endswith(("а", "я")):
        return [name[:-1] + "ский"]
    if name.endswith(("ы", "и")):
        stem = name[:-1]
        if stem.endswith("н") and stem[-2] not in _VOWELS:
            return [stem + "енский", stem[:-1] + "енский"]  # Сарны → Сарненский, Лубны → Лубенский
        return [stem[:-1] + "цкий"] if stem.endswith("к") else [stem + "ский"]  # Прилуки → Прилуцкий, Сумы → Сумский
    if name[-1] in _VOWELS or name.endswith("й"):
        return []
    if name.endswith("к"):
        return [name[:-1] + "цкий"]
    return [name + "ский"]  # Изюм → Изюмский, Чугуев → Чугуевский, Харьков → Харьковский
