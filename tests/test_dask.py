"""lagebild.dask: Bags and DataFrames of articles into a Dask DataFrame of event rows."""

from __future__ import annotations

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("dask.distributed")
import dask.bag  # noqa: E402
import dask.dataframe as dd  # noqa: E402

import lagebild.dask as lagebild_dask  # noqa: E402
from lagebild.dask import EVENT_COLUMNS, event_rows, events_frame, extract_bag, extract_dataframe  # noqa: E402
from lagebild.store import default_article_id  # noqa: E402

SENTENCES = [
    "Die NATO sagte der Ukraine am Montag Hilfe im Wert von 300 Millionen Euro zu.",
    "Putin traf Xi in Moskau.",
    "Russland griff in der Nacht Ziele in Charkiw an.",
    "Die Bundesregierung kritisierte China scharf.",
]


def articles(n: int) -> list[dict]:
    """n small articles with ids and publication dates, two sentences each."""
    return [
        {"id": f"a{i:02d}", "text": f"{SENTENCES[i % 4]} {SENTENCES[(i + 1) % 4]}", "published": f"2025-04-{1 + i % 28:02d}"}
        for i in range(n)
    ]


def single_process_rows(extractor, items: list[dict]) -> pd.DataFrame:
    """The event rows of extract_many in this process, the reference for the Dask results."""
    rows = []
    for item, x in zip(items, extractor.extract_many(items)):
        rows += event_rows(item["id"], x)
    return events_frame(rows)


def sorted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["article_id", "event_index"]).reset_index(drop=True)


def test_lagebild_dask_does_not_shadow_dask():
    """`import lagebild.dask` leaves `dask` the Dask package."""
    assert lagebild_dask.__name__ == "lagebild.dask"
    assert dask.__name__ == "dask" and hasattr(dask, "compute")
    assert lagebild_dask.dask.bag is dask.bag


def test_event_rows_columns_and_values(extractor):
    """An event row carries the article id, the codes, the roles, place, time, amount and trigger."""
    x = extractor.extract(SENTENCES[0] + " " + SENTENCES[1], "2025-04-04")
    frame = events_frame(event_rows("n1", x))
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert {c: str(t) for c, t in frame.dtypes.items()}["amount_value"] == "float64"
    first = x.events[0]
    assert frame.iloc[0]["article_id"] == "n1"
    assert frame.iloc[0]["type"] == first.type
    assert frame.iloc[0]["source"] == ";".join(first.source)
    assert frame.iloc[0]["trigger_text"] == first.trigger.text
    assert len(frame) == len(x.events)


def test_bag_and_dataframe_in_this_process(extractor):
    """With the synchronous scheduler, a Bag and a DataFrame give the single-process rows."""
    items = articles(9) + ["", "Die NATO sagte der Ukraine Hilfe zu."]
    expected = single_process_rows(extractor, items[:9])
    text_only = single_process_rows(extractor, [{"id": default_article_id(items[10]), "text": items[10]}])
    with dask.config.set(scheduler="synchronous"):
        from_bag = extract_bag(dask.bag.from_sequence(items, npartitions=3), model="blank").compute()
        frame = dd.from_pandas(pd.DataFrame(items[:9]), npartitions=2)
        from_frame = extract_dataframe(frame, "text", "published", "id", model="blank").compute()
    pd.testing.assert_frame_equal(sorted_rows(from_bag), sorted_rows(pd.concat([expected, text_only])))
    pd.testing.assert_frame_equal(sorted_rows(from_frame), sorted_rows(expected))


def test_dataframe_index_is_the_id_when_no_id_column(extractor):
    """Without id_column the row's index label is the article id."""
    items = articles(3)
    frame = pd.DataFrame({"body": [i["text"] for i in items]}, index=["x", "y", "z"])
    with dask.config.set(scheduler="synchronous"):
        result = extract_dataframe(dd.from_pandas(frame, npartitions=2), "body", model="blank").compute()
    assert sorted(set(result["article_id"])) == ["x", "y", "z"]


# The slowest test here (~15 s: two worker processes each start and load the pipeline).
def test_local_cluster_matches_single_process(extractor):
    """On a two-process LocalCluster, Bag and DataFrame extraction equal the single-process rows."""
    items = articles(40)
    expected = sorted_rows(single_process_rows(extractor, items))
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            from_bag = extract_bag(dask.bag.from_sequence(items, npartitions=4), model="blank").compute()
            frame = dd.from_pandas(pd.DataFrame(items), npartitions=4)
            from_frame = extract_dataframe(frame, "text", "published", "id", model="blank").compute()
    assert len(expected) > 40
    pd.testing.assert_frame_equal(sorted_rows(from_bag), expected)
    pd.testing.assert_frame_equal(sorted_rows(from_frame), expected)
