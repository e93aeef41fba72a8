"""Event stage: triggers → PLOVER/CAMEO events with status, roles and attachments.

No maintained library codes German news as PLOVER events, so this stage is written here,
as rules over spaCy tokens that need no parser. One file per job:

- ``triggers``: trigger words from ``data/triggers.json`` (every form, separable verbs whose
  particle closes the clause, nouns and compound heads) and the verb–object ``frames``
  (``data/frames.json``) that decide the type where the verb alone cannot;
- ``status``: occurred, pledged, planned, denied or demanded, from ``data/status_cues.json``;
- ``clauses``: sentences cut into clauses, quoted speech, offset indexes;
- ``roles``, ``subjects`` and ``grammar``: source and target from German clause patterns (the
  subject is the first actor not governed by a preposition, targets follow ``für``/``an``/
  ``gegen``, passive agents ``von``/``durch``, genitives after noun triggers name their agent);
- ``groups``: unnamed groups (police, protesters, courts) and default actors;
- ``attachment``: the place and time of an event;
- ``merging``: one event per happening, however often the article tells it;
- ``coder``: the pass over a doc that ties them together; ``german``: word classes and limits.
"""

from .coder import EventCoder
from .entries import Trigger, TriggerHit
from .triggers import EventFinder

__all__ = ["EventCoder", "EventFinder", "Trigger", "TriggerHit"]
