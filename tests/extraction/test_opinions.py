from litopys.extraction import extract
from litopys.extraction.opinions import is_strong, is_weak, spans


def test_strong_signs():
    assert is_strong("But in our opinion, this figure may be understated.")
    assert is_strong("What negotiations can there be with those who did all this?")
    assert is_strong("На нашу думку, цифра занижена.")
    assert is_strong("По нашему мнению, виновные должны понести наказание.")
    assert not is_strong("Investigators found 447 bodies.")


def test_weak_signs():
    assert is_weak("The population of this vile country does all this.")
    assert is_weak("Gestapo or SS look like small children.")
    assert is_weak("Every creature that let executioners onto our land must face conviction.")
    assert is_weak("Ці нелюди мають відповісти.")
    assert not is_weak("Investigators found 447 bodies near Izium.")
    assert not is_weak("Propaganda manuals about Ukrainian “Nazis” lay scattered around.")


def test_runs_bridge_sentences_without_claims():
    assert spans([True, False, True, False], [False, False, False, False]) == [(0, 2)]
    assert spans([True, False, True], [False, True, False]) == [(0, 0), (2, 2)]


def test_opinion_sentences_yield_no_claims(gazetteer):
    text = (
        "Izium city council deputy Maksym Strelnyk provided estimates according to which at least 1,000 civilians "
        "died in Izium. But in our opinion, and considering that one mass burial revealed almost 450 bodies, this "
        "figure may be understated."
    )
    result = extract(text, gazetteer=gazetteer)
    assert [(c.kind, c.min) for c in result.claims] == [("killed", 1000)]
    (opinion,) = result.opinions
    assert text[opinion.start : opinion.end].startswith("But in our opinion")
    assert text[opinion.start : opinion.end].endswith("understated.")


def test_an_opinion_paragraph_is_one_span(gazetteer):
    text = (
        "Even this forest is a twin of Katyn. Executions, torture… Gestapo or SS look like small children. "
        "The population of this vile country does all this."
    )
    result = extract(text, gazetteer=gazetteer)
    assert result.claims == []
    assert [(o.start, o.end) for o in result.opinions] == [(0, len(text))]


def test_an_insult_does_not_hide_a_stated_count(gazetteer):
    text = "Ці нелюди вбили 5 мирних жителів у Куп'янську."
    result = extract(text, gazetteer=gazetteer)
    assert [(c.kind, c.min) for c in result.claims] == [("killed", 5)]
    assert result.opinions == []
