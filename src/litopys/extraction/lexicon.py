"""Words that say what a number counts, in English, Ukrainian and Russian.

Patterns are matched case-insensitively against words; a stem ending in ``\\w*`` covers the
inflected forms. All three languages are searched together, so mixed-language text works.
"""

from __future__ import annotations

import re

# Word boundaries that let a footnote marker touch a word ("Katyn²" is the word "Katyn").
_L, _R = r"(?<![\w'’ʼ])", r"(?![^\W¹²³⁴⁵⁶⁷⁸⁹⁰])"


def words(pattern: str) -> re.Pattern:
    """Compile ``pattern`` to match whole words only."""
    return re.compile(rf"{_L}(?:{pattern}){_R}", re.I)


# Nouns right after a number that say what is counted ("447 bodies", "10 катівень", "20 пыточных камер").
# Earlier entries win a tie at the same position.
KIND_NOUNS: list[tuple[str, re.Pattern]] = [
    (
        "torture_sites",
        words(
            r"torture (?:chambers?|rooms?|sites?|cells?|cent(?:er|re)s?|facilit(?:y|ies)|places?)|places of torture"
            r"|катівн\w*|катівень|місц\w* (?:катувань|утримання)|пыточн\w*|мест\w* (?:пыток|содержания)|застенк\w*"
        ),
    ),
    (
        "mass_graves",
        words(
            r"mass (?:graves?|burials?|burial (?:sites?|grounds?|places?))|масов\w* (?:поховань|похованн\w*|могил\w*)"
            r"|братськ\w* могил\w*|місц\w* масових поховань|массов\w* (?:захоронени\w*|могил\w*)|братск\w* могил\w*"
            r"|мест\w* массовых захоронений"
        ),
    ),
    (
        "area_km2",
        words(
            r"square (?:kilomet(?:er|re)s?|km)|sq\.? ?km|km2|km²|квадратн\w* (?:кілометр\w*|километр\w*)"
            r"|кв\.? ?(?:км|кілометр\w*|километр\w*)|км2|км²"
        ),
    ),
    ("graves", words(r"graves?|burials|могил\w*|поховань|похованн[яь]|захоронени[йя]")),
    (
        "bodies",
        words(r"bod(?:y|ies)|corpses?|remains|тіл|тіла|тілами|тілах|тіло|трупів|трупи|трупа|останк\w*"
              r"|тел|тела|телами|телах|тело|трупов|трупы"),
    ),
    ("killed", words(r"dead|killed|fatalities|deaths|загибл\w*|вбит\w*|убит\w*|погибш\w*|погибли|загинули")),
    ("injured", words(r"injured|wounded|поранен\w*|травмован\w*|постраждал\w*|ранен\w*|пострадавш\w*|травмированн\w*")),
    ("missing", words(r"missing|зникл\w*|безвісти|пропавш\w*|пропавши\w*")),
    ("detained", words(r"detainees|hostages|captives|затриманих|затримані|заручник\w*|задержанн\w*|заложник\w*")),
    ("deported", words(r"deportees|депортован\w*|депортированн\w*")),
    ("tortured", words(r"torture victims|victims of torture|катован\w*|закатован\w*|замученн\w*|замучен\w*")),
]

# Words anywhere near a number that say what happened to the people counted.
KIND_TRIGGERS: dict[str, re.Pattern] = {
    "killed": words(
        r"killed|died|dead|murdered|executed|shot dead|lost their lives|perished|death toll|fatalities|slain"
        r"|загинул\w*|загинуло|загинув|загибл\w*|вбит\w*|вбили|вбито|убит\w*|убили|убито|розстріля\w*|страчен\w*"
        r"|померл\w*|погиб\w*|расстреля\w*|казнен\w*|умерл\w*|смерт\w*"
    ),
    "injured": words(
        r"injur\w*|wounded|hurt|поранен\w*|поранили|поранень|поранення|травмован\w*|травмувал\w*|постраждал\w*"
        r"|ранен\w*|ранили|ранения|пострадал\w*|травмирован\w*"
    ),
    "missing": words(r"missing|unaccounted|disappeared|зникл\w*|безвісти|безвести|пропавш\w*|пропал\w*|без вести"),
    "detained": words(
        r"detain\w*|abduct\w*|kidnapp\w*|held|imprisoned|captured|taken prisoner|hostage|затрима\w*|викрал\w*"
        r"|викраден\w*|утримува\w*|утримують|полонен\w*|ув['’ʼ]язнен\w*|задержа\w*|похищ\w*|похити\w*|удержива\w*"
        r"|удерживал\w*|в плену|у полоні"
    ),
    "deported": words(
        r"deport\w*|forcibly (?:transferred|moved|removed|taken|displaced)|taken to russia|депорт\w*|вивез\w*"
        r"|примусово переміщ\w*|вывез\w*|принудительно (?:переме|вывез)\w*|угнан\w*"
    ),
    "tortured": words(
        r"tortured|signs of (?:torture|abuse)|traces of torture|катува\w*|катован\w*|закатован\w*|тортур\w*"
        r"|пыта\w*|пыток|пытк\w*|замучен\w*|истязан\w*"
    ),
    "bodies": words(
        r"exhum\w*|bodies|remains|corpses|buried|ексгум\w*|тіла|тіл|останки|похован[оі]|эксгум\w*|тела|тел"
        r"|трупы|захоронен[оы]"
    ),
}

# Nouns that count people; with a kind trigger nearby they become claims.
PERSON = words(
    r"people|persons?|residents|locals|inhabitants|civilians?|individuals|men|women|children|kids|minors|boys|girls"
    r"|servicem[ae]n|servicewomen|service ?members|soldiers|troops|military|adults|elderly|teenagers|infants|babies"
    r"|ukrainians|pensioners|victims|patients|prisoners|others"
    r"|людей|людини|люди|осіб|особи|особа|мешканц\w*|жител\w*|цивільн\w*|чоловік\w*|жін\w*|дітей|діти|дитин\w*"
    r"|дітьми|хлопч\w*|хлопців|дівч\w*|підлітк\w*|військовослужбовц\w*|військов\w*|бійц\w*|захисник\w*|дорослих"
    r"|дорослі|українц\w*|громадян\w*|пенсіонер\w*|жертв\w*|полонених|інших|решт[аи]|неповнолітн\w*|мирн\w*"
    r"|человек\w*|граждан\w*|мужчин\w*|женщин\w*|детей|дети|ребен\w*|ребён\w*|мальчик\w*|девоч\w*|подрост\w*"
    r"|военнослужащ\w*|военн\w*|бойц\w*|взросл\w*|украинц\w*|пенсионер\w*|пленных|других|остальн\w*"
    r"|несовершеннолетн\w*"
)
#: Person nouns that, with nothing else to go on, count the dead ("12 victims").
VICTIMS = words(r"victims|жертв\w*")
OTHERS = words(r"others|other|інших|решт[аи]|других|остальн\w*")

QUALIFIERS: list[tuple[re.Pattern, dict[str, str]]] = [
    (words(r"boys|хлопч\w*|хлопців|мальчик\w*|юнак\w*|юнош\w*"), {"sex": "male", "age": "child"}),
    (words(r"girls|дівчат\w*|дівчин\w*|дівчаток|девоч\w*|девушек"), {"sex": "female", "age": "child"}),
    (words(r"men|males|чоловіки|чоловіків|чоловіка|мужчин\w*"), {"sex": "male"}),
    (words(r"women|females|жінок|жінки|жінка|жінками|женщин\w*"), {"sex": "female"}),
    (
        words(
            r"children|child|kids|minors|teenagers|infants|babies|дітей|діти|дитин\w*|дітьми|неповнолітн\w*"
            r"|підлітк\w*|немовл\w*|детей|дети|ребен\w*|ребён\w*|несовершеннолетн\w*|подростк\w*|младенц\w*"
        ),
        {"age": "child"},
    ),
    (words(r"adults|дорослих|дорослі|взрослых|взрослые"), {"age": "adult"}),
    (
        words(r"civilians?|цивільн\w*|мирн\w*|гражданск\w*|мирных"),
        {"status": "civilian"},
    ),
    (
        words(
            r"servicem[ae]n|servicewomen|service ?members|soldiers|troops|military|defenders|військовослужбовц\w*"
            r"|військов\w*|бійц\w*|захисник\w*|военнослужащ\w*|военн\w*|бойц\w*|солдат\w*"
        ),
        {"status": "military"},
    ),
]

#: The sex of the counted was not established ("the sex of 11 others has not yet been established").
SEX_UNKNOWN = re.compile(
    r"(?:sex|gender)\b.{0,60}?\b(?:not|yet to be|un\w+)"
    r"|(?:unknown|undetermined|unidentified|unestablished) (?:sex|gender)"
    r"|стат[іь]\b.{0,60}?не\s*(?:встановлен|визначен)\w*|невстановлен\w* стат\w*|стать як\w+ не"
    r"|пол\b.{0,60}?не\s*(?:установлен|определ)\w*|неустановленн\w* пол\w*|пол которых",
    re.I,
)
#: Before a number: "the bodies of 26 people", "тіла 12 людей", "тела 5 мирных жителей".
BODIES_OF = re.compile(
    rf"{_L}(?:bodies|remains|corpses)\s+of\s+(?:the\s+)?$|{_L}(?:тіла|тіл|останки|тела|тел|останки|трупы)\s+$", re.I
)
#: Before a number: it is part of a group named just before ("of them", "з них", "среди них").
BREAKDOWN = re.compile(
    rf"{_L}(?:of them|of whom|of those|among them|among the \w+|including|of the \w+|з них|із них|серед них"
    rf"|серед \w+|в тому числі|у тому числі|зокрема|из них|среди них|среди \w+|в том числе|в т\.ч\.)[\s,:—–-]*$",
    re.I,
)
#: After a number: "12 of them", "12 of the dead".
OF_GROUP = re.compile(r"\s*(?:of them|of the|of whom|з них|із них|из них)", re.I)
#: After a number, before its noun: "215 are women", "215 — жінки".
LINKING = re.compile(r"\s*(?:(?:are|were|is|was)\s+|[—–:-]\s*)", re.I)
