"""The linkage model: what is compared, at which levels, and which pairs are looked at (blocking).

The same settings run on DuckDB and on Spark: every level is one of splink's own, or plain SQL that
splink translates per engine.
"""

from __future__ import annotations

#: Pairs are generated only where one of these agrees; each keeps blocks small at a million records.
BLOCKING_RULES = [
    ("person_key",),
    ("sorted_key",),
    ("body_number",),
    ("surname_lat", "birth_year"),
    ("surname_lat", "patronymic_lat"),
    ("surname_skel", "birth_year"),
    ("given_lat", "patronymic_lat", "birth_year"),
    ("surname_skel", "given_lat"),
    ("sorted_skel", "oblast"),
    ("given_lat", "patronymic_lat", "death_date"),
    ("surname_lat", "given_initial", "sex", "settlement"),
]
#: Pairs on which expectation-maximisation estimates the other comparisons' m probabilities.
TRAINING_RULES = [("surname_lat", "given_lat"), ("birth_year", "death_month", "sex")]
#: Rules whose matches are all but certain, to estimate how often two random records match.
DETERMINISTIC_RULES = [("person_key", "birth_year"), ("person_key", "death_date")]
DETERMINISTIC_RECALL = 0.4


def _level(creator, label: str, m: float):
    """A level with its label and a starting m probability: the share of true matches expected at it.

    The starting values are what the model uses where expectation-maximisation cannot estimate (a few hundred
    records may give it nothing to learn from); EM replaces them wherever the data allows.
    """
    return creator.configure(label_for_charts=label, m_probability=m)


def _name():
    import splink.comparison_level_library as cll
    from splink import comparison_library as cl

    jw = cll.JaroWinklerLevel
    return cl.CustomComparison(
        output_column_name="name",
        comparison_description="surname and given name, in Latin letters, any script or order",
        comparison_levels=[
            cll.And(cll.NullLevel("surname_lat"), cll.NullLevel("given_lat")),
            # A rare name agreeing says more than a common one: the weight follows the key's frequency.
            _level(cll.ExactMatchLevel("person_key", term_frequency_adjustments=True), "same person key", 0.6),
            _level(cll.ExactMatchLevel("sorted_key"), "same names in another order", 0.05),
            _level(cll.And(jw("surname_lat", 0.92), jw("given_lat", 0.92)),
                   "surname and given name alike (Jaro-Winkler ≥ 0.92)", 0.15),
            _level(jw("sorted_key", 0.9), "names alike in any order (Jaro-Winkler ≥ 0.9)", 0.08),
            _level(cll.And(jw("surname_lat", 0.92), cll.Or(cll.NullLevel("given_lat"),
                                                           cll.ExactMatchLevel("given_initial"))),
                   "surname alike, given name missing or same initial", 0.04),
            _level(cll.And(jw("surname_lat", 0.8), jw("given_lat", 0.8)),
                   "surname and given name somewhat alike (Jaro-Winkler ≥ 0.8)", 0.03),
            _level(cll.ElseLevel(), "names differ", 0.05),
        ])


def comparisons() -> list:
    import splink.comparison_level_library as cll
    from splink import comparison_library as cl

    return [
        _name(),
        cl.CustomComparison(
            output_column_name="patronymic", comparison_description="patronymic, when both give one",
            comparison_levels=[
                cll.NullLevel("patronymic_lat"),
                _level(cll.ExactMatchLevel("patronymic_lat"), "same patronymic", 0.7),
                _level(cll.JaroWinklerLevel("patronymic_lat", 0.9), "patronymics alike (Jaro-Winkler ≥ 0.9)", 0.15),
                # Олександрівна / Александровна: one patronymic in two languages is only this alike in Latin.
                _level(cll.JaroWinklerLevel("patronymic_lat", 0.8),
                       "patronymics somewhat alike (Jaro-Winkler ≥ 0.8; often one in two languages)", 0.1),
                _level(cll.ElseLevel(), "patronymics differ", 0.05)]),
        cl.CustomComparison(
            output_column_name="birth", comparison_description="date or year of birth; an age gives a year",
            comparison_levels=[
                cll.NullLevel("birth_year"),
                _level(cll.ExactMatchLevel("birth_date"), "same date of birth", 0.3),
                _level(cll.AbsoluteDifferenceLevel("birth_year", 0), "same year of birth", 0.3),
                _level(cll.AbsoluteDifferenceLevel("birth_year", 1), "years of birth 1 apart", 0.15),
                _level(cll.AbsoluteDifferenceLevel("birth_year", 3), "years of birth up to 3 apart (ages estimated)",
                       0.15),
                _level(cll.AbsoluteDifferenceLevel("birth_year", 5),
                       "years of birth up to 5 apart (ages estimated roughly)", 0.05),
                _level(cll.ElseLevel(), "years of birth further apart", 0.05)]),
        cl.CustomComparison(
            output_column_name="death", comparison_description="date of death, within tolerance",
            comparison_levels=[
                cll.NullLevel("death_year"),
                _level(cll.ExactMatchLevel("death_date"), "same date of death", 0.4),
                _level(cll.AbsoluteDateDifferenceLevel("death_date", input_is_string=False, threshold=7, metric="day"),
                       "dates of death up to 7 days apart", 0.35),
                _level(cll.ExactMatchLevel("death_month"), "same month of death", 0.15),
                _level(cll.ExactMatchLevel("death_year"), "same year of death", 0.08),
                _level(cll.ElseLevel(), "dates of death further apart", 0.02)]),
        cl.CustomComparison(
            output_column_name="body", comparison_description="body number (the exhumation's, carried on)",
            # One body has one number: records of one person seldom carry two.
            comparison_levels=[
                cll.NullLevel("body_number"),
                _level(cll.ExactMatchLevel("body_number"), "same body number", 0.95).configure(fix_m_probability=True),
                _level(cll.ElseLevel(), "different body numbers", 0.05).configure(fix_m_probability=True)]),
        cl.CustomComparison(
            output_column_name="sex", comparison_description="sex as identified",
            comparison_levels=[cll.NullLevel("sex"), _level(cll.ExactMatchLevel("sex"), "same sex", 0.98),
                               _level(cll.ElseLevel(), "different sex", 0.02)]),
        cl.CustomComparison(
            output_column_name="place", comparison_description="place of death: settlement, district, oblast",
            comparison_levels=[
                cll.NullLevel("oblast"),
                _level(cll.ExactMatchLevel("settlement"), "same settlement", 0.8),
                _level(cll.ExactMatchLevel("district"), "same district", 0.08),
                _level(cll.ExactMatchLevel("oblast"), "same oblast", 0.08),
                _level(cll.ElseLevel(), "different oblasts", 0.04)]),
    ]


def settings() -> SettingsCreator:  # noqa: F821
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons(),
        blocking_rules_to_generate_predictions=[block_on(*rule) for rule in BLOCKING_RULES],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=True,
        additional_columns_to_retain=["source_list"],
        max_iterations=20,
    )


def comparison_names() -> list[str]:
    return ["name", "patronymic", "birth", "death", "body", "sex", "place"]
