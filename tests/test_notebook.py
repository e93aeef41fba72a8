"""Tests for examples/lagebild-tour.ipynb: stored without outputs, runs end to end with nbclient."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTEBOOK = EXAMPLES / "lagebild-tour.ipynb"


def test_notebook_is_stored_without_outputs():
    """The committed notebook has no outputs and no execution counts."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert [c["outputs"] for c in code] == [[]] * len(code)
    assert [c["execution_count"] for c in code] == [None] * len(code)


def test_notebook_runs_end_to_end():
    """nbclient executes every cell offline; the displays are HTML, the tables typed, the plots PNGs."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()

    by_tag = {c.metadata["tags"][0]: c for c in nb.cells if c.cell_type == "code"}
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []

    def data(tag: str) -> dict:
        [result] = [o for o in by_tag[tag].outputs if o.output_type in ("execute_result", "display_data")]
        return result["data"]

    names = sorted(p.name for p in EXAMPLES.glob("*.txt"))
    assert data("setup")["text/plain"] == repr(names)
    assert data("repr")["text/html"].startswith('<div class="lagebild"')
    view = data("view")["text/html"]
    assert 'data-labels="actor"' in view and 'data-labels="money"' in view and "<table" in view
    assert "<table" in data("events")["text/html"]
    dtypes = data("dtypes")["text/plain"]
    for line in ("cameo                      string", "time_start         datetime64[ns]", "article                    string"):
        assert line in dtypes
    assert data("timeline")["image/png"]
    assert data("network")["image/png"]
