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
            cll.ExactMatchLevel("person_key", term_frequency_adjustments=True).configure(
                label_for_charts="same person key"),
            cll.ExactMatchLevel("sorted_key").configure(label_for_charts="same names in another order"),
            cll.And(jw("surname_lat", 0.92), jw("given_lat", 0.92)).configure(
                label_for_charts="surname and given name alike (Jaro-Winkler ≥ 0.92)"),
            jw("sorted_key", 0.9).configure(label_for_charts="names alike in any order (Jaro-Winkler ≥ 0.9)"),
            cll.And(jw("surname_lat", 0.92), cll.Or(cll.NullLevel("given_lat"), cll.ExactMatchLevel("given_initial")))
            .configure(
                label_for_charts="surname alike, given name missing or same initial"),
            cll.And(jw("surname_lat", 0.8), jw("given_lat", 0.8)).configure(
                label_for_charts="surname and given name somewhat alike (Jaro-Winkler ≥ 0.8)"),
            cll.ElseLevel(),
        ])


def comparisons() -> list:
    import splink.comparison_level_library as cll
    from splink import comparison_library as cl

    return [
        _name(),
        cl.CustomComparison(
            output_column_name="patronymic", comparison_description="patronymic, when both give one",
            comparison_levels=[cll.NullLevel("patronymic_lat"), cll.ExactMatchLevel("patronymic_lat"),
                               cll.JaroWinklerLevel("patronymic_lat", 0.9), cll.ElseLevel()]),
        cl.CustomComparison(
            output_column_name="birth", comparison_description="date or year of birth; an age gives a year",
            comparison_levels=[
                cll.NullLevel("birth_year"),
                cll.ExactMatchLevel("birth_date").configure(label_for_charts="same date of birth"),
                cll.AbsoluteDifferenceLevel("birth_year", 0).configure(label_for_charts="same year of birth"),
                cll.AbsoluteDifferenceLevel("birth_year", 1).configure(label_for_charts="years of birth 1 apart"),
                cll.AbsoluteDifferenceLevel("birth_year", 3).configure(
                    label_for_charts="years of birth up to 3 apart (ages estimated)"),
                cll.AbsoluteDifferenceLevel("birth_year", 5).configure(
                    label_for_charts="years of birth up to 5 apart (ages estimated roughly)"),
                cll.ElseLevel()]),
        cl.CustomComparison(
            output_column_name="death", comparison_description="date of death, within tolerance",
            comparison_levels=[
                cll.NullLevel("death_year"),
                cll.ExactMatchLevel("death_date").configure(label_for_charts="same date of death"),
                cll.AbsoluteDateDifferenceLevel("death_date", input_is_string=False, threshold=7, metric="day")
                .configure(label_for_charts="dates of death up to 7 days apart"),
                cll.ExactMatchLevel("death_month").configure(label_for_charts="same month of death"),
                cll.ExactMatchLevel("death_year").configure(label_for_charts="same year of death"),
                cll.ElseLevel()]),
        cl.CustomComparison(
            output_column_name="body", comparison_description="body number (the exhumation's, carried on)",
            # One body has one number: records of one person seldom carry two. Starting values, for EM to refine
            # where the data shows it (few pairs have a body number on both sides).
            comparison_levels=[cll.NullLevel("body_number"),
                               cll.ExactMatchLevel("body_number").configure(m_probability=0.95),
                               cll.ElseLevel().configure(m_probability=0.05)]),
        cl.CustomComparison(
            output_column_name="sex", comparison_description="sex as identified",
            comparison_levels=[cll.NullLevel("sex"), cll.ExactMatchLevel("sex"), cll.ElseLevel()]),
        cl.CustomComparison(
            output_column_name="place", comparison_description="place of death: settlement, district, oblast",
            comparison_levels=[
                cll.NullLevel("oblast"),
                cll.ExactMatchLevel("settlement").configure(label_for_charts="same settlement"),
                cll.ExactMatchLevel("district").configure(label_for_charts="same district"),
                cll.ExactMatchLevel("oblast").configure(label_for_charts="same oblast"),
                cll.ElseLevel()]),
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
