"""The README example: extract the Lagebild of one German article."""

from pathlib import Path

import lagebild

text = Path(__file__).with_name("nato-hilfe.txt").read_text(encoding="utf-8")
result = lagebild.extract(text, published="2025-02-14")
for actor in result.actors:
    print(actor.kind, actor.id or "-", actor.name, actor.role or "")
for event in result.events:
    print(event.type, event.cameo, event.status, event.source, "->", event.target, event.place)
print(result.money[0].value, result.money[0].currency, result.money[0].qualifier)
