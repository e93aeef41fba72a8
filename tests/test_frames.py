"""Tests for lagebild.frames: Extraction.to_pandas() and lagebild.to_pandas(results)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import lagebild
from lagebild.frames import COLUMNS, quad_class
from lagebild.records import Actor, Amount, Event, Extraction, Interval, Mention, Money, Place, Time

pd = pytest.importorskip("pandas")

TEXT = "BERLIN – Deutschland sagte der Ukraine am Montag 2 Millionen Euro zu. Kanzler Olaf Scholz warf Russland Lügen vor."


def m(word: str, occurrence: int = 0) -> Mention:
    """The mention of the n-th occurrence of ``word`` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return Mention(word, start, start + len(word))


def sample() -> Extraction:
    """A hand-built extraction of TEXT (independent of the rules, so the values stay fixed)."""
    monday = Interval(dt.date(2025, 3, 31), dt.date(2025, 3, 31))
    return Extraction(
        backbone="test",
        published=dt.date(2025, 4, 4),
        body_end=len(TEXT),
        actors=(
            Actor("DEU", "Deutschland", "GPE", mentions=(m("Deutschland"),)),
            Actor("UKR", "Ukraine", "GPE", mentions=(m("Ukraine"),)),
            Actor(None, "Olaf Scholz", "PER", role="Kanzler", affiliation="DEU", mentions=(m("Olaf Scholz"),)),
            Actor("RUS", "Russland", "GPE", mentions=(m("Russland"),)),
        ),
        places=(
            Place("Berlin", "Berlin", "DE", 52.52, 13.405, (m("BERLIN"),)),
            Place("Ukraine", "Ukraine", "UA", None, None, (m("Ukraine"),)),
        ),
        money=(Money("2 Millionen Euro", 49, 65, 2e6, "EUR"),),
        times=(
            Time("am Montag", TEXT.index("am Montag"), TEXT.index("am Montag") + 9, "DATE", "2025-03-31", None, monday),
            Time("Montag", TEXT.index("Montag"), TEXT.index("Montag") + 6, "SET", "XXXX-WXX-1", None, None),
        ),
        events=(
            Event(
                "AID", "0332", "pledged", m("sagte"), (9, 69), mode="economic",
                source=("DEU",), target=("UKR",), place="Berlin", time=monday,
                amount=Amount(2e6, "EUR"), evidence=(m("zu"),),
            ),
            Event(
                "ACCUSE", "112", "occurred", m("warf"), (70, len(TEXT)),
                source=("Olaf Scholz", "DEU"), target=("RUS",), time=Interval(None, dt.date(2025, 4, 4)),
            ),
        ),
    )


def test_one_result_gives_five_tables_with_documented_columns():
    """result.to_pandas() returns the five tables, columns in the documented order."""
    frames = sample().to_pandas()
    assert list(frames) == ["actors", "places", "money", "times", "events"]
    for table, df in frames.items():
        assert list(df.columns) == list(COLUMNS[table])


def test_actor_rows_and_dtypes():
    """Actor rows hold key, names, role, mention count and first offsets with nullable dtypes."""
    actors = sample().to_pandas()["actors"]
    assert actors["key"].tolist() == ["DEU", "UKR", "Olaf Scholz", "RUS"]
    assert actors["id"].isna().tolist() == [False, False, True, False]
    assert actors.loc[2, "role"] == "Kanzler"
    assert actors.loc[2, "affiliation"] == "DEU"
    assert actors["mentions"].tolist() == [1, 1, 1, 1]
    assert actors["first_start"].tolist() == [9, 31, 78, 95]
    assert str(actors["key"].dtype) == "string"
    assert str(actors["mentions"].dtype) == "int64"
    assert str(actors["first_start"].dtype) == "Int64"


def test_place_rows_keep_missing_coordinates_as_nan():
    """Places: canonical names, countries, float coordinates with NaN where unknown."""
    places = sample().to_pandas()["places"]
    assert places["canonical"].tolist() == ["Berlin", "Ukraine"]
    assert places["country"].tolist() == ["DE", "UA"]
    assert places.loc[0, "lat"] == 52.52
    assert places["lon"].isna().tolist() == [False, True]
    assert str(places["lat"].dtype) == "float64"


def test_money_rows():
    """Money rows: text, offsets, float value, currency, qualifier, NaN value_max."""
    money = sample().to_pandas()["money"]
    row = money.iloc[0]
    assert (row["text"], row["start"], row["end"], row["value"], row["currency"], row["qualifier"]) == (
        "2 Millionen Euro", 49, 65, 2e6, "EUR", "exact")
    assert pd.isna(row["value_max"])


def test_time_intervals_are_datetime_columns():
    """Times: interval_start/interval_end are datetime64[ns]; a missing interval is NaT."""
    times = sample().to_pandas()["times"]
    assert str(times["interval_start"].dtype) == "datetime64[ns]"
    assert str(times["interval_end"].dtype) == "datetime64[ns]"
    assert times.loc[0, "interval_start"] == pd.Timestamp("2025-03-31")
    assert times["interval_end"].isna().tolist() == [False, True]
    assert times["mod"].isna().tolist() == [True, True]


def test_event_rows_keep_cameo_strings_and_join_roles():
    """Events: CAMEO stays a string with its leading zero, roles are ';'-joined, times are dates."""
    events = sample().to_pandas()["events"]
    assert events["cameo"].tolist() == ["0332", "112"]
    assert str(events["cameo"].dtype) == "string"
    assert events["quad"].tolist() == ["material cooperation", "verbal conflict"]
    assert events["source"].tolist() == ["DEU", "Olaf Scholz;DEU"]
    assert events["target"].tolist() == ["UKR", "RUS"]
    assert events["trigger"].tolist() == ["sagte", "warf"]
    assert events["trigger_start"].tolist() == [21, 90]
    assert events["sentence_end"].tolist() == [69, len(TEXT)]
    assert events.loc[0, "time_start"] == pd.Timestamp("2025-03-31")
    assert pd.isna(events.loc[1, "time_start"])
    assert events.loc[1, "time_end"] == pd.Timestamp("2025-04-04")
    assert events.loc[0, "amount_value"] == 2e6
    assert events.loc[0, "amount_currency"] == "EUR"
    assert events.loc[0, "evidence"] == "zu"
    assert events["place"].isna().tolist() == [False, True]
    assert str(events["time_start"].dtype) == "datetime64[ns]"


def test_empty_role_is_missing_and_explode_gives_one_row_per_actor():
    """An event without target has <NA>; str.split(';').explode() yields one row per actor key."""
    result = sample()
    import attrs

    result = attrs.evolve(result, events=(attrs.evolve(result.events[1], target=()),) + result.events)
    events = result.to_pandas()["events"]
    assert pd.isna(events.loc[0, "target"])
    assert events["source"].str.split(";").explode().tolist() == ["Olaf Scholz", "DEU", "DEU", "Olaf Scholz", "DEU"]


def test_empty_result_has_typed_empty_tables():
    """An empty Extraction still gives every column with its dtype."""
    frames = Extraction(backbone="test").to_pandas()
    assert [len(df) for df in frames.values()] == [0, 0, 0, 0, 0]
    assert str(frames["events"]["time_start"].dtype) == "datetime64[ns]"
    assert str(frames["events"]["cameo"].dtype) == "string"


def test_many_results_get_article_index():
    """lagebild.to_pandas([r1, r2]) adds an int64 article column: the position in the input."""
    empty = Extraction(backbone="test")
    frames = lagebild.to_pandas([sample(), empty, sample()])
    events = frames["events"]
    assert list(events.columns) == ["article", *COLUMNS["events"]]
    assert events["article"].tolist() == [0, 0, 2, 2]
    assert str(events["article"].dtype) == "int64"
    assert frames["actors"]["article"].tolist() == [0, 0, 0, 0, 2, 2, 2, 2]


def test_many_results_with_ids():
    """(id, result) pairs and {id: result} mappings put the id in the article column."""
    frames = lagebild.to_pandas([("dpa-1", sample()), ("dpa-2", sample())])
    assert frames["money"]["article"].tolist() == ["dpa-1", "dpa-2"]
    assert str(frames["money"]["article"].dtype) == "string"
    frames = lagebild.to_pandas({"x": sample()})
    assert frames["events"]["article"].tolist() == ["x", "x"]


def test_many_results_rejects_single_result_and_non_results():
    """to_pandas(one_result) and to_pandas([text]) raise TypeError with a hint."""
    with pytest.raises(TypeError, match="result.to_pandas"):
        lagebild.to_pandas(sample())
    with pytest.raises(TypeError, match="article 0: expected an Extraction, not str"):
        lagebild.to_pandas(["text"])


def test_quad_classes():
    """PLOVER types map to their quad class; STATEMENT and unknown types are neutral."""
    assert [quad_class(t) for t in ("CONSULT", "AID", "THREATEN", "ASSAULT", "STATEMENT", "XYZ")] == [
        "verbal cooperation", "material cooperation", "verbal conflict", "material conflict", "neutral", "neutral"]


def test_import_lagebild_does_not_import_pandas_or_matplotlib():
    """`import lagebild` (and its frames/display/plots modules) works without loading pandas or matplotlib."""
    code = (
        "import sys, lagebild, lagebild.frames, lagebild.display, lagebild.plots; "
        "print(sorted(k for k in ('pandas', 'matplotlib') if k in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_real_extraction_round_trip(extract):
    """A real extraction's tables have one row per record and the records' own values."""
    text = "Die NATO sagte der Ukraine am Donnerstag Hilfe im Umfang von 4 Milliarden Euro zu."
    result = extract(text, published="2025-04-04")
    frames = result.to_pandas()
    assert [len(frames[t]) for t in ("actors", "places", "money", "times", "events")] == [
        len(result.actors), len(result.places), len(result.money), len(result.times), len(result.events)]
    assert frames["actors"]["key"].tolist() == [a.key for a in result.actors]
    assert frames["events"]["cameo"].tolist() == [e.cameo for e in result.events]
    assert frames["times"]["interval_start"].tolist() == [
        pd.Timestamp(t.interval.start) for t in result.times]


def test_missing_optional_dependencies_name_the_extra():
    """Without pandas / matplotlib, to_pandas and the plots raise ImportError naming the pip extra."""
    code = (
        "import sys; sys.modules['pandas'] = None; sys.modules['matplotlib'] = None\n"
        "import lagebild, lagebild.plots\n"
        "r = lagebild.Extraction(backbone='x')\n"
        "assert r._repr_html_().startswith('<div')\n"
        "for f in (r.to_pandas, lambda: lagebild.to_pandas([r]), lambda: lagebild.plots.event_timeline(r)):\n"
        "    try:\n"
        "        f()\n"
        "    except ImportError as e:\n"
        "        print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [
        "lagebild's DataFrames need pandas: pip install 'lagebild[pandas]'",
        "lagebild's DataFrames need pandas: pip install 'lagebild[pandas]'",
        "lagebild's plots need matplotlib: pip install 'lagebild[plot]'",
    ]
