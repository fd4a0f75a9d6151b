"""Find a person's name in a phrase and put it in the nominative case.

"National Police Chief Ihor Klymenko" -> "Ihor Klymenko"; "за словами Ігоря Клименка" ->
"Ігор Клименко". First names (Ukrainian, Russian, their Latin spellings, and common foreign ones)
anchor a name; without one, the capitalised words nearest the end that are not role words are taken.
"""

from __future__ import annotations

import re

from litopys.names import person_key

_MALE_UK = (
    "Ігор Олег Максим Дмитро Андрій Володимир Сергій Олександр Олексій Віталій Юрій Микола Михайло Василь Петро Павло"
    " Іван Євген Віктор Вадим Денис Роман Тарас Богдан Руслан Анатолій Валерій Кирило Артем Антон Ярослав Станіслав"
    " Геннадій Костянтин Григорій Федір Леонід Валентин Остап Назар Владислав Олесь Степан Ілля Максим Арсен Едуард"
)
_FEMALE_UK = (
    "Ірина Олена Наталія Наталя Тетяна Юлія Катерина Марія Анна Ганна Людмила Світлана Оксана Вікторія Галина Лариса"
    " Ольга Інна Алла Валентина Надія Любов Віра Дарія Софія Анастасія Христина Зоряна Уляна Таміла Мирослава"
)
_MALE_RU = (
    "Игорь Олег Максим Дмитрий Андрей Владимир Сергей Александр Алексей Виталий Юрий Николай Михаил Василий Петр Пётр"
    " Павел Иван Евгений Виктор Вадим Денис Роман Тарас Богдан Руслан Анатолий Валерий Кирилл Артем Артём Антон"
    " Ярослав Станислав Геннадий Константин Григорий Федор Фёдор Леонид Валентин Владислав Степан Илья Эдуард"
)
_FEMALE_RU = (
    "Ирина Елена Наталья Наталия Татьяна Юлия Екатерина Мария Анна Людмила Светлана Оксана Виктория Галина Лариса"
    " Ольга Инна Алла Валентина Надежда Любовь Вера Дарья София Анастасия Кристина"
)
_LATIN = (
    "Ihor Igor Oleh Oleg Maksym Maxim Dmytro Dmitry Dmitriy Andriy Andrii Andrey Andrei Volodymyr Vladimir Serhii"
    " Serhiy Sergei Sergey Oleksandr Alexander Aleksandr Oleksii Oleksiy Alexei Alexey Vitalii Vitaliy Yurii Yuriy"
    " Yuri Mykola Mykhailo Mykhaylo Vasyl Petro Pavlo Ivan Yevhen Yevgeny Viktor Victor Vadym Denys Denis Roman"
    " Taras Bohdan Ruslan Anatolii Anatoliy Valerii Valeriy Kyrylo Artem Anton Yaroslav Stanislav Hennadii Hennadiy"
    " Kostiantyn Konstantin Hryhorii Fedir Leonid Valentyn Ostap Nazar Vladyslav Stepan Illia Arsen Iryna Irina"
    " Olena Elena Natalia Nataliia Nataliya Tetiana Tetyana Tatiana Yulia Yuliia Kateryna Maria Mariia Anna Hanna"
    " Liudmyla Lyudmyla Svitlana Oksana Viktoriia Victoria Halyna Larysa Olha Olga Inna Nadiia Tata Daria Sofia"
    " Anastasia Khrystyna John James Michael David Robert William Richard Thomas Karim Matilda Antonio Volker"
    " Michelle Ursula Josep Emmanuel Olaf Joe Antony Jens Rishi Boris Andrzej Agnes Amanda Erik Kate Mark Peter Paul"
    " Anne Marie Jean"
)
_FEMALE_LATIN = set(
    "Iryna Irina Olena Elena Natalia Nataliia Nataliya Tetiana Tetyana Tatiana Yulia Yuliia Kateryna Maria Mariia Anna"
    " Hanna Liudmyla Lyudmyla Svitlana Oksana Viktoriia Victoria Halyna Larysa Olha Olga Inna Nadiia Tata Daria Sofia"
    " Anastasia Khrystyna".split()
)


def _genitive(name: str, language: str) -> str:
    """Return the genitive of a Ukrainian or Russian first name (Ігор -> Ігоря, Микола -> Миколи)."""
    irregular = {"Ігор": "Ігоря", "Павел": "Павла", "Петр": "Петра", "Пётр": "Петра"}
    if name in irregular:
        return irregular[name]
    if name.endswith(("ій", "ий", "ей", "ай")):
        return name[:-1] + "я"
    if name.endswith("ь"):
        return name[:-1] + "я"
    if name.endswith("о"):
        return name[:-1] + "а"
    if language == "uk":
        if name.endswith("ія"):
            return name[:-1] + "ї"
        if name.endswith("я"):
            return name[:-1] + "і"
        if name.endswith("а"):
            return name[:-1] + "и"
    else:
        if name.endswith(("ия", "ья")):
            return name[:-1] + "и"
        if name.endswith("а"):
            return name[:-1] + ("и" if name[-2] in "гкхжчшщ" else "ы")
    return name + "а"


FIRST_NAMES: dict[str, tuple[str, str]] = {}  # any form -> (nominative, "m"/"f")
for _names, _sex, _language in (
    (_MALE_UK, "m", "uk"),
    (_MALE_RU, "m", "ru"),
    (_FEMALE_UK, "f", "uk"),
    (_FEMALE_RU, "f", "ru"),
):
    for _name in _names.split():
        FIRST_NAMES.setdefault(_name, (_name, _sex))
        FIRST_NAMES.setdefault(_genitive(_name, _language), (_name, _sex))
for _name in _LATIN.split():
    FIRST_NAMES.setdefault(_name, (_name, "f" if _name in _FEMALE_LATIN else "m"))

#: Capitalised words that belong to titles and bodies, not to names.
ROLE_WORDS = frozenset(
    """national police chief head prosecutor general minister deputy governor mayor council city regional oblast region
    military administration commissioner president ombudsman office service security state emergency ministry interior
    defence defense spokesperson spokesman spokeswoman adviser advisor secretary commander director department
    investigative investigation ukraine ukraine's ukrainian parliament verkhovna rada human rights the of for un
    lieutenant colonel captain major sergeant senior acting main directorate staff armed forces general's prosecutor's
    district court mission monitoring high rights investigator judge expert forensic doctor volunteer medic
    голова начальник керівник очільник глава руководитель прокурор генпрокурор генеральний генеральный міністр министр
    депутат мер мэр заступник заместитель речник представник представитель президент уповноважений уполномоченный
    омбудсман омбудсмен губернатор командир секретар секретарь радник советник директор слідчий следователь
    національної национальной україни украины ова ода ога гунп сбу мвс мвд зсу всу""".split()
)
#: Capitalised words that start sentences and clauses but never names.
STOP_WORDS = frozenset(
    """by on in at the this that these those according but and however as after before since from to of for with
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december russian russia ukrainian ukraine's it its he she they we our there here
    у в на за про об по як як це ще також після до від з із та і й а але що коли після
    как это еще также после до от из и а но что когда с со при""".split()
)
_CAPITALISED = re.compile(r"[A-ZА-ЯІЇЄҐЁ][\w'’ʼ-]*")


def find_name(phrase: str, anchored: bool = False) -> tuple[int, int, str] | None:
    """Return (start, end, nominative name) of the person named in ``phrase``, or None.

    With ``anchored``, only a name that starts with a known first name is found.
    """
    runs = _runs(phrase)
    for run in reversed(runs):
        for index, (_, _, word) in enumerate(run):
            if word in FIRST_NAMES and index + 1 < len(run):
                tokens = run[index : index + 3] if len(run) - index >= 3 and _patronymic(run[index + 1][2]) else run[
                    index : index + 2
                ]
                return tokens[0][0], tokens[-1][1], nominative([t[2] for t in tokens])
    if anchored:
        return None
    for run in reversed(runs):
        tail = []
        for token in reversed(run):
            if token[2].lower() in ROLE_WORDS or token[2].lower() in STOP_WORDS:
                break
            tail.insert(0, token)
        if len(tail) >= 2:
            tokens = tail[-3:] if len(tail) >= 3 and _patronymic(tail[-2][2]) else tail[-2:]
            return tokens[0][0], tokens[-1][1], " ".join(t[2] for t in tokens)
    return None


def _runs(phrase: str) -> list[list[tuple[int, int, str]]]:
    runs: list[list[tuple[int, int, str]]] = []
    last_end = -10
    for match in _CAPITALISED.finditer(phrase):
        word = match.group(0).rstrip("'’ʼ-")
        gap = phrase[last_end : match.start()]
        if runs and gap == " ":
            runs[-1].append((match.start(), match.start() + len(word), word))
        else:
            runs.append([(match.start(), match.start() + len(word), word)])
        last_end = match.start() + len(word)
    return runs


_PATRONYMIC = re.compile(r"(?:ович|евич|йович|івна|ївна|овна|евна|ича|івни|овны)$")


def _patronymic(word: str) -> bool:
    return _PATRONYMIC.search(word) is not None


def nominative(words: list[str]) -> str:
    """Put a name given in the genitive ("Ігоря Клименка") in the nominative ("Ігор Клименко")."""
    first = words[0]
    if first not in FIRST_NAMES or FIRST_NAMES[first][0] == first:
        return " ".join(words)
    base, sex = FIRST_NAMES[first]
    rest = [_surname(w, sex) for w in words[1:]]
    return " ".join([base, *rest])


_MALE_SURNAME = [
    ("енка", "енко"), ("йка", "йко"), ("ського", "ський"), ("цького", "цький"), ("ого", "ий"),
    ("ова", "ов"), ("єва", "єв"), ("ева", "ев"), ("іна", "ін"), ("ина", "ин"), ("ця", "ець"), ("ца", "ец"),
    ("ля", "ль"), ("ія", "ій"), ("ая", "ай"), ("ея", "ей"), ("ича", "ич"), ("ьовича", "ьович"),
]
_FEMALE_SURNAME = [("ської", "ська"), ("цької", "цька"), ("ової", "ова"), ("ої", "а"), ("ской", "ская"), ("ой", "а")]


def _surname(word: str, sex: str) -> str:
    if _patronymic(word):
        return re.sub(r"а$", "", word) if sex == "m" else re.sub(r"(?:и|ы)$", "а", word)
    for ending, replacement in _MALE_SURNAME if sex == "m" else _FEMALE_SURNAME:
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    if sex == "m" and re.search(r"[бвгджзклмнпрстфхцчшщ]а$", word):
        return word[:-1]
    return word


#: The person key (kept under its old name for the migration that first computed actors' keys).
latin_key = person_key
