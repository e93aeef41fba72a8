"""Trigger entries of the lexicons and frames, and their hits in a sentence."""

from __future__ import annotations

from typing import Any

import attrs

from .frames import Frame


@attrs.frozen
class Trigger:
    """A lexicon entry: what a form means."""

    type: str
    cameo: str | None
    mode: str | None
    lemma: str
    cameo_pledged: str | None = None
    pos: str = "NOUN"
    genitive: str = "source"  # what a genitive after the noun names: its agent, or its patient
    subject: str = "source"  # what the subject of the verb names (``Häftlinge kommen frei``: the patient)
    mutual: bool = False
    document: bool = False  # names a document (``Abkommen``): an event only as the object of a verb (``unterzeichneten das Abkommen``)  # two-sided (``Kämpfe``, ``Waffenruhe``): without named parties, the article's two sides

    def code(self, status: str) -> str | None:
        """The CAMEO code for this status (intent codes for pledges where CAMEO has them)."""
        return self.cameo_pledged if status == "pledged" and self.cameo_pledged else self.cameo


@attrs.frozen
class TriggerHit:
    """A trigger in the text: the main token and any particle that completes it."""

    trigger: Trigger
    tokens: tuple[int, ...]
    status: str | None = None  # set when the trigger word itself says it (a pledge verb coded as aid)


def trigger_entry(entry: dict[str, Any]) -> Trigger:
    return Trigger(
        entry["type"], entry.get("cameo"), entry.get("mode"), entry.get("lemma", ""), entry.get("cameo_pledged"),
        entry.get("pos", "NOUN"), entry.get("genitive", "source"), entry.get("subject", "source"),
        entry.get("mutual", False), entry.get("document", False),
    )


def frame_trigger(frame: Frame) -> Trigger:
    return Trigger(frame.type, frame.cameo, frame.mode, "/".join(sorted(frame.verbs)), pos="VERB")
