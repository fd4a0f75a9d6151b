"""Words that say what a number counts, in English, Ukrainian and Russian.

Patterns are matched case-insensitively against words; a stem ending in ``\\w*`` covers the
inflected forms. All three languages are searched together, so mixed-language text works.
"""

from __future__ import annotations

import functools
import re

from ..patterns import words


@functools.lru_cache(maxsize=256)
def lowered(text: str) -> str:
    """Return ``text`` in lower case with every character where it was (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" lowercases to two characters


# Nouns right after a number that say what is counted ("447 bodies", "10 катівень", "20 пыточных камер").
# Earlier entries win a tie at the same position.
KIND_NOUNS: list[tuple[str, re.Pattern]] = [
    (
        "torture_sites",
        words(
            r"torture (?:chambers?|rooms?|sites?|cells?|cent(?:er|re)s?|facilit(?:y|ies)|places?)"
            r"|places of (?:detention and torture|torture and detention|torture|detention)"
            r"|detention (?:sites?|facilit(?:y|ies)|cent(?:er|re)s?)|filtration (?:camps?|cent(?:er|re)s?)"
            r"|катівн\w*|катівень|місц\w* (?:катувань|утримання|несвободи|незаконного утримання)"
            r"|фільтраційн\w* табор\w*"
            r"|пыточн\w*|мест\w* (?:пыток|содержания|несвободы|незаконного содержания)|фильтрационн\w* лагер\w*"
            r"|застенк\w*"
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
        words(r"found dead|знайдено мертвими|знайшли мертвими|найдены мертвыми|нашли мертвыми"
              r"|bod(?:y|ies)|corpses?|remains|тіл|тіла|тілами|тілах|тіло|трупів|трупи|трупа|останк\w*"
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
        r"killed|kill|kills|killing|died|dead|murdered|executed|executions?|shot dead|lost their lives|perished"
        r"|death toll|fatalities"
        r"|slain|страт[аиу]|розстріл\w*|кількість загиблих|число погибших|казн[ьи]|расстрел"
        r"|загинул\w*|загинуло|загинув|загибл\w*|вбит\w*|вбили|вбито|убит\w*|убили|убито|розстріля\w*|страчен\w*"
        r"|застрели\w*|застрелен\w*|застрелил\w*"
        r"|померл\w*|помер|скончал\w*|погиб\w*|расстреля\w*|казнен\w*|умерл\w*|смерт\w*"
    ),
    "injured": words(
        r"injur\w*|wounded|hurt|поранен\w*|поранили|поранень|поранення|травмован\w*|травмувал\w*|постраждал\w*"
        r"|ранен\w*|ранили|ранения|пострадал\w*|травмирован\w*"
    ),
    "missing": words(r"missing|unaccounted|disappeared|зникл\w*|безвісти|безвести|пропавш\w*|пропал\w*|без вести"),
    "detained": words(
        r"detain\w*|detention|abduct\w*|kidnapp\w*|held|imprisoned|captured|taken prisoner|hostage|passed through"
        r"|led away|taken away|took away|rounded up|вивели|забрали|увели|забрали с собой"
        r"|in (?:a|the|one) (?:cell|basement)|in cells|у камері|в камері|у підвалі|в підвалі|в камере|в подвале"
        r"|пройшли через|прошли через|filtration|через фільтрац\w*|через фильтрац\w*|фільтраційн\w*"
        r"|через катівн\w* пройшл\w*|через пыточн\w* прошл\w*|через подвал\w* прошл\w*|через підвал\w* пройшл\w*"
        r"|фильтрационн\w*|затрима\w*|викрал\w*"
        r"|викраден\w*|утримува\w*|утримують|полонен\w*|ув['’ʼ]язнен\w*|задержа\w*|похищ\w*|похити\w*|удержива\w*"
        r"|удерживал\w*|в плену|у полоні"
    ),
    "deported": words(
        r"deport\w*|forcibly (?:transferred|moved|removed|taken|displaced)|taken to russia|депорт\w*|вивез\w*"
        r"|примусово переміщ\w*|вывез\w*|принудительно (?:переме|вывез)\w*|угнан\w*"
    ),
    "tortured": words(
        r"tortured|torture|signs of (?:torture|abuse)|traces of torture|катува\w*|катован\w*|закатован\w*|тортур\w*"
        r"|пыта\w*|пыток|пытк\w*|замучен\w*|истязан\w*"
        r"|beaten|electric shocks?|били|побил\w*|побиття|побоїв|струмом|избива\w*|избил\w*|избиени\w*|током"
    ),
    "bodies": words(
        r"exhum\w*|bodies|remains|corpses|buried|found dead|знайдено мертвими|знайшли мертвими|найдены мертвыми"
        r"|нашли мертвыми|ексгум\w*|тіла|тіл|останки|похован[оі]|эксгум\w*|тела|тел"
        r"|трупы|захоронен[оы]"
    ),
}

# Nouns that count people; with a kind trigger nearby they become claims.
PERSON = words(
    r"people|persons?|residents|locals|inhabitants|civilians?|individuals|men|women|children|kids|minors|boys|girls"
    r"|servicem[ae]n|servicewomen|service ?members|soldiers|troops|military|adults|elderly|teenagers|infants|babies"
    r"|ukrainians|pensioners|victims|patients|prisoners|others|villagers|townspeople|male|female"
    r"|людей|людини|люди|людина|осіб|особи|особа|мешканц\w*|жител\w*|цивільн\w*|чоловік\w*|жін\w*|дітей|діти|дитин\w*"
    r"|дітьми|хлопч\w*|хлопців|дівч\w*|підлітк\w*|військовослужбовц\w*|військов\w*|бійц\w*|захисник\w*|дорослих"
    r"|дорослі|українц\w*|громадян\w*|містян\w*|селян\w*|односельц\w*|жіноч\w*|чоловіч\w*|пенсіонер\w*|жертв\w*|полонених|інших|решт[аи]|неповнолітн\w*|мирн\w*"
    r"|человек\w*|граждан\w*|мужчин\w*|женщин\w*|детей|дети|ребен\w*|ребён\w*|мальчик\w*|девоч\w*|подрост\w*"
    r"|военнослужащ\w*|военн\w*|бойц\w*|взросл\w*|украинц\w*|пенсионер\w*|пленных|других|остальн\w*"
    r"|горожан\w*|сельчан\w*|односельчан\w*|женск\w*|мужск\w*"
    r"|несовершеннолетн\w*"
)
#: Person nouns that, with nothing else to go on, count the dead ("12 victims").
VICTIMS = words(r"victims|жертв\w*")
OTHERS = words(r"others|other|інших|решт[аи]|других|остальн\w*")

QUALIFIERS: list[tuple[re.Pattern, dict[str, str]]] = [
    (words(r"boys|хлопч\w*|хлопців|мальчик\w*|юнак\w*|юнош\w*"), {"sex": "male", "age": "child"}),
    (words(r"girls|дівчат\w*|дівчин\w*|дівчаток|девоч\w*|девушек"), {"sex": "female", "age": "child"}),
    (words(r"men|males?|чоловіки|чоловіків|чоловіка|чоловіч\w*|мужчин\w*|мужск\w*"), {"sex": "male"}),
    (words(r"women|females?|жінок|жінки|жінка|жінками|жіноч\w*|женщин\w*|женск\w*"), {"sex": "female"}),
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
            r"|prisoners of war|pows|військовополонен\w*|военнопленн\w*"
        ),
        {"status": "military"},
    ),
]

#: The sex of the counted was not established ("the sex of 11 others has not yet been established").
SEX_UNKNOWN = re.compile(
    r"(?:sex|gender)\b.{0,60}?\b(?:not|yet to be|un\w+)"
    r"|(?:unknown|undetermined|unidentified|unestablished) (?:sex|gender)|(?:sex|gender)\b.{0,60}?\bstill being"
    r"|стат[іь]\b.{0,60}?(?:ще|досі|поки що) (?:встановлю|з['’ʼ]ясову|визнача)\w*"
    r"|пол\b.{0,60}?(?:еще|пока) (?:устанавлива|выясня|определя)\w*"
    r"|стат[іь]\b.{0,60}?не\s*(?:встановлен|визначен)\w*|невстановлен\w* стат\w*|стать як\w+ не"
    r"|пол\b.{0,60}?не\s*(?:установлен|определ)\w*|неустановленн\w* пол\w*|пол которых"
)
_SEX_HINT = re.compile(r"sex|gender|стат|пол")


def mentions_sex(text: str) -> bool:
    """Say whether lowered ``text`` speaks of sex at all (``sex_unknown`` can hold only then)."""
    return _SEX_HINT.search(text) is not None


@functools.lru_cache(maxsize=256)
def sex_unknown(text: str, start: int, end: int) -> bool:
    """Say whether lowered ``text[start:end]`` says the sex of those counted is not established."""
    return _SEX_HINT.search(text, start, end) is not None and SEX_UNKNOWN.search(text, start, end) is not None


_BODIES = frozenset("bodies remains corpses".split())
_BODIES_OF = frozenset("тіла тіл останки тела тел трупы трупи".split())
_GROUP_PHRASES = frozenset(
    """of them|of whom|of which|of those|among them|including|з них|із них|з яких|із яких|серед них|серед яких
    |в тому числі|у тому числі|зокрема|из них|из которых|среди них|среди которых|в том числе|в т.ч."""
    .replace("\n", "").replace("    ", "").split("|")
)
_GROUP_HEADS = frozenset(("among the", "among those", "of those", "of the", "серед", "среди", "из числа", "з числа"))


def _last_words(before: str, count: int) -> list[str]:
    return before.rstrip(" \t\n,:—–-").rsplit(None, count)[-count:]


def bodies_of(before: str) -> bool:
    """Say whether lowered ``before`` ends by naming bodies: "the bodies of (the)", "тіла", "тела"."""
    last = _last_words(before, 3)
    if not last:
        return False
    if last[-1] in _BODIES_OF:
        return True
    if last[-1] == "the":
        last = last[:-1]
    return len(last) >= 2 and last[-1] == "of" and last[-2] in _BODIES


_GROUP_PHRASE_ENDS = frozenset(phrase.split()[-1] for phrase in _GROUP_PHRASES if phrase.strip())
_GROUP_HEAD_ENDS = frozenset(head.split()[-1] for head in _GROUP_HEADS)


def breakdown(before: str) -> str | None:
    """Return the words by which lowered ``before`` ends by naming a group ("серед поранених", "of them"), or None."""
    last = _last_words(before, 4)
    if not last or last[-1] not in _GROUP_PHRASE_ENDS and (len(last) < 2 or last[-2] not in _GROUP_HEAD_ENDS):
        return None  # neither a group phrase nor a group's head ("among the") before the last word
    for size in (1, 2, 3, 4):
        phrase = " ".join(last[-size:])
        if len(last) >= size and phrase.strip() in _GROUP_PHRASES:
            return phrase
        head = " ".join(last[-size:-1])
        if len(last) >= size and size > 1 and head.strip() in _GROUP_HEADS:
            return phrase
    return None


#: After a number: "12 of them", "12 of the dead".
OF_GROUP = re.compile(r"\s*(?:of them|of the|of whom|з них|із них|из них)")
#: After a number, before its noun: "215 are women", "215 — жінки".
LINKING = re.compile(r"\s*(?:(?:are|were|is|was)\s+|[—–:-]\s*)")
