"""Tests for lagebild.display: highlighted HTML, Extraction._repr_html_, and a headless Chromium render."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from lagebild.display import CATEGORIES, html_document, render_html, view
from lagebild.records import Actor, Amount, Event, Extraction, Interval, Mention, Money, Place, Time

TEXT = 'KIEW (dpa) – Die Ukraine & die EU trafen sich am 3. März in Kiew.\n"Wir erhalten 5 Mio. €", sagte <Selenskyj>.'

PIECE = re.compile(r'<(mark|span) data-labels="([^"]*)" title="[^"]*" style="[^"]*">([^<]*)</\1>')


def m(word: str, occurrence: int = 0) -> Mention:
    """The mention of the n-th occurrence of ``word`` in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return Mention(word, start, start + len(word))


def span(word: str, occurrence: int = 0) -> tuple[int, int]:
    """(start, end) of the n-th occurrence of ``word`` in TEXT."""
    mention = m(word, occurrence)
    return mention.start, mention.end


def sample() -> Extraction:
    """A hand-built extraction of TEXT with a shared span (Kiew: actor and place) and nesting."""
    march = Interval(dt.date(2025, 3, 3), dt.date(2025, 3, 3))
    return Extraction(
        backbone="test",
        published=dt.date(2025, 3, 4),
        body_end=len(TEXT),
        actors=(
            Actor("dpa", "dpa", "ORG", mentions=(m("dpa"),)),
            Actor("UKR", "Ukraine", "GPE", mentions=(m("Ukraine"), m("Kiew"))),
            Actor("EU", "EU", "ORG", mentions=(m("EU"),)),
            Actor(None, "Wolodymyr Selenskyj", "PER", role="Präsident", affiliation="UKR", mentions=(m("Selenskyj"),)),
        ),
        places=(Place("Kiew", "Kyiv", "UA", 50.45, 30.52, (m("KIEW"), m("Kiew"))),),
        money=(Money("5 Mio. €", *span("5 Mio. €"), 5e6, "EUR"),),
        times=(Time("am 3. März", *span("am 3. März"), "DATE", "2025-03-03", None, march),),
        events=(
            Event("CONSULT", "040", "occurred", m("trafen"), (13, 65), source=("UKR", "EU"), place="Kyiv",
                  time=march, evidence=(m("sich"),)),
            Event("AID", "0331", "pledged", m("erhalten"), (66, len(TEXT)), mode="economic",
                  source=("EU",), target=("UKR",), amount=Amount(5e6, "EUR")),
        ),
    )


def pieces(html: str) -> list[tuple[str, str]]:
    """(labels, text) of every marked piece of the rendered article, in order."""
    return [(labels, text) for _, labels, text in PIECE.findall(html)]


def test_highlights_every_mention_in_order():
    """Each mention becomes a marked piece; the shared span Kiew carries both labels, actor first."""
    html = render_html(TEXT, sample())
    assert pieces(html) == [
        ("place", "KIEW"),
        ("actor", "dpa"),
        ("actor", "Ukraine"),
        ("actor", "EU"),
        ("trigger", "trafen"),
        ("trigger", "sich"),
        ("time", "am 3. März"),
        ("actor place", "Kiew"),
        ("trigger", "erhalten"),
        ("money", "5 Mio. €"),
        ("actor", "Selenskyj"),
    ]


def test_text_is_escaped_and_complete():
    """The article is HTML-escaped and, with the tags removed and unescaped, equals the input."""
    html = render_html(TEXT, sample())
    assert "<Selenskyj>" not in html
    assert "&lt;" in html and "&amp;" in html and "&quot;Wir" in html
    article = re.search(r'<div style="white-space:pre-wrap;overflow-wrap:anywhere">(.*?)</div><table', html, re.S)
    import html as html_module

    assert html_module.unescape(re.sub(r"<[^>]+>", "", article.group(1))) == TEXT


def test_partial_overlap_is_cut_at_every_boundary():
    """Spans that overlap partially are cut into pieces: actor only, both, place only."""
    text = "Nord-Süd-Gipfel"
    result = Extraction(
        backbone="test",
        actors=(Actor(None, "Nord-Süd", "ORG", mentions=(Mention("Nord-Süd", 0, 8),)),),
        places=(Place("Süd-Gipfel", "Sued", None, mentions=(Mention("Süd-Gipfel", 5, 15),)),),
    )
    html = render_html(text, result)
    assert pieces(html) == [("actor", "Nord-"), ("actor place", "Süd"), ("place", "-Gipfel")]
    both = re.search(r'<mark data-labels="actor place"[^>]*style="([^"]*)"', html).group(1)
    assert both == f"background:{CATEGORIES['actor'].background};color:#111827;padding:2px 0;" \
        f"box-shadow:inset 0 -3px 0 {CATEGORIES['place'].bar};"


def test_nested_span_takes_the_inner_colour():
    """A place inside a longer time span is drawn in the place colour with a time bar."""
    text = "bis Ende Mai in Paris"
    result = Extraction(
        backbone="test",
        places=(Place("Paris", "Paris", "FR", mentions=(Mention("Paris", 16, 21),)),),
        times=(Time(text, 0, 21, "DATE", "2025-05", "END"),),
    )
    assert pieces(render_html(text, result)) == [("time", "bis Ende Mai in "), ("place time", "Paris")]


def test_boilerplate_after_body_end_is_grey():
    """Text after body_end is wrapped in a grey span."""
    text = "Die EU tagt. Mehr zum Thema"
    result = Extraction(backbone="test", body_end=12)
    html = render_html(text, result)
    assert html.endswith('>Die EU tagt.<span style="color:#9ca3af"> Mehr zum Thema</span></div>'
                         '<p style="color:#6b7280;margin:8px 0 0 0">No events.</p></div>')


def test_text_must_match_the_result():
    """render_html refuses a text whose characters do not match the result's offsets."""
    with pytest.raises(ValueError, match=r"actor 'dpa' at 6-9 reads 'Tex'"):
        render_html("Other Text here.", sample())


def test_events_table_rows():
    """The events table shows type, status, roles, place, time, amount and trigger per event."""
    html = render_html(TEXT, sample())
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    cells = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in rows[1:]]
    assert cells == [
        ["CONSULT 040", "occurred", "UKR, EU → –", "Kyiv", "2025-03-03", "", "trafen … sich @34"],
        ["AID 0331 (economic)", "pledged", "EU → UKR", "", "", "5 m EUR", "erhalten @71"],
    ]
    assert re.findall(r"<th style=[^>]*>(.*?)</th>", html) == [
        "type", "status", "source → target", "place", "time", "amount", "trigger"]


def test_repr_html_without_text_lists_mentions():
    """Extraction._repr_html_ lists each entity with its mentions' own texts, and the events table."""
    html = sample()._repr_html_()
    assert "Ukraine, Kiew" in html
    assert "Wolodymyr Selenskyj" in html
    assert "&lt;" not in html  # the mention text Selenskyj carries no brackets
    assert html.count("<tr>") == 3
    assert 'data-labels' not in html
    assert html.startswith('<div class="lagebild"')


def test_repr_html_escapes_mention_texts():
    """Mention texts in the entity lists are escaped too."""
    result = Extraction(backbone="<b>", actors=(Actor(None, "A&B", "ORG", mentions=(Mention("<A&B>", 0, 5),)),))
    html = result._repr_html_()
    assert "&lt;A&amp;B&gt;" in html and "backbone &lt;b&gt;" in html and "<b>" not in html.replace("<b style", "")


def test_view_saves_a_standalone_page(tmp_path):
    """view(text, result) renders in Jupyter and saves a UTF-8 page without external resources."""
    page = view(TEXT, sample()).save(tmp_path / "lagebild.html")
    content = page.read_text(encoding="utf-8")
    assert content.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in content
    assert "5 Mio. €" in content
    assert not re.search(r"(src|href)=", content)
    assert view(TEXT, sample())._repr_html_() == render_html(TEXT, sample())


# --- headless Chromium -----------------------------------------------------------------------

def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit, non-interlaced RGB/RGBA PNG: (width, height, rows of RGBA bytes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = previous[i], previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        previous = line
        if bpp == 3:
            line = bytearray(b"".join(bytes(line[i:i + 3]) + b"\xff" for i in range(0, stride, 3)))
        rows.append(bytes(line))
    return width, height, rows


def colour_counts(rows: list[bytes], colours: dict[str, str]) -> dict[str, int]:
    """How many pixels have exactly each of the given #rrggbb colours."""
    wanted = {bytes.fromhex(hex_[1:]) + b"\xff": name for name, hex_ in colours.items()}
    counts = dict.fromkeys(colours, 0)
    for row in rows:
        for i in range(0, len(row), 4):
            name = wanted.get(row[i:i + 4])
            if name:
                counts[name] += 1
    return counts


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)")
def test_chromium_renders_visible_highlights(tmp_path):
    """Headless Chromium renders the page with every highlight colour visible in the screenshot."""
    page = tmp_path / "lagebild.html"
    page.write_text(html_document(TEXT, sample()), encoding="utf-8")
    png = tmp_path / "lagebild.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={png}", "--window-size=1200,900", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    width, height, rows = read_png(png)
    assert (width, height) == (1200, 900)
    counts = colour_counts(rows, {name: c.background for name, c in CATEGORIES.items()} | {"white": "#ffffff"})
    # a highlighted word is at least ~25x20 px of solid background; the page is mostly white
    assert {name: counts[name] > 300 for name in CATEGORIES} == dict.fromkeys(CATEGORIES, True), counts
    assert counts["white"] < width * height
    assert counts["white"] > width * height // 2
