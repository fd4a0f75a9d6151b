"""What the rules make of a sentence written for a test: the claims as the JSON contract gives them, or as tuples.

The rounds of issue 16 test each phrasing they learnt on sentences of their own, dated as published on one day.
"""

import datetime

from litopys.extraction import extract

PUBLISHED = datetime.date(2024, 7, 17)


def claims(text, gazetteer=None):
    return extract(text, published=PUBLISHED, gazetteer=gazetteer).to_dict()["claims"]


def found(text, gazetteer=None):
    return [(c["kind"], c["min"], c["max"], c["qualifiers"]) for c in claims(text, gazetteer)]
