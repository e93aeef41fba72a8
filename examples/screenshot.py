"""Render the highlighted example article with headless Chromium to docs/screenshot.png.

Usage: python examples/screenshot.py [output.png]   (needs /usr/bin/chromium: apt-get install -y chromium)
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import lagebild
from lagebild.display import html_document

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium not found: apt-get install -y chromium")
    text = (ROOT / "examples" / "nato-hilfe.txt").read_text(encoding="utf-8")
    result = lagebild.Extractor(model="blank").extract(text, published="2025-02-14")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "lagebild.html"
        page.write_text(html_document(text, result, title="nato-hilfe.txt"), encoding="utf-8")
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp}/profile",
             "--hide-scrollbars", f"--screenshot={output.resolve()}", "--window-size=1200,480", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    print(output)


if __name__ == "__main__":
    main()
