"""Public entry points: load a pipeline, extract one article or a stream of them."""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Union

from spacy.language import Language
from spacy.tokens import Doc

from .backbone import backbone_name, load_backbone
from .components import Analysis, add_to_pipeline
from .errors import InputError
from .places import merge_places
from .records import Extraction

Published = Union[str, dt.date, None]
Item = Union[str, tuple[str, Published], dict[str, Any]]


def parse_published(value: Published) -> dt.date | None:
    """Turn ``"YYYY-MM-DD"``, a date or a datetime into a date; raise :class:`InputError` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise InputError(f"published date {value!r} is not a valid YYYY-MM-DD date") from None
    raise InputError(f"published must be a date or 'YYYY-MM-DD', not {type(value).__name__}")


def load_pipeline(model: str = "auto", lexicons: Sequence[str | Path] = ()) -> Language:
    """The backbone (see :func:`lagebild.backbone.load_backbone`) with lagebild's stages added."""
    return add_to_pipeline(load_backbone(model), [str(p) for p in lexicons])


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise InputError("text is empty")
    return text


def _unpack(item: Item) -> tuple[str, dt.date | None]:
    if isinstance(item, str):
        return _check_text(item), None
    if isinstance(item, dict):
        return _check_text(item.get("text")), parse_published(item.get("published"))
    if isinstance(item, tuple) and len(item) == 2:
        return _check_text(item[0]), parse_published(item[1])
    raise InputError(f"an item must be a text, a (text, published) pair or a dict, not {type(item).__name__}")


class Extractor:
    """A loaded pipeline, reusable for many articles.

    >>> ex = Extractor(model="blank")
    >>> ex.extract("Die NATO sagte der Ukraine Hilfe zu.", published="2025-04-04").actors[0].id
    'NATO'
    """

    def __init__(self, model: str = "auto", lexicons: Sequence[str | Path] = ()) -> None:
        self.model = model
        self.lexicons = tuple(str(p) for p in lexicons)
        self.nlp = load_pipeline(model, self.lexicons)
        self.backbone = backbone_name(self.nlp)

    def make_doc(self, text: str, published: Published = None) -> Doc:
        """Tokenise ``text`` and attach its publication date, ready for the pipeline."""
        doc = self.nlp.make_doc(_check_text(text))
        doc._.lagebild = Analysis(published=parse_published(published))
        return doc

    def extract(self, text: str, published: Published = None) -> Extraction:
        """Extract the Lagebild of one article."""
        return self.to_extraction(self.nlp(self.make_doc(text, published)))

    def extract_many(
        self, items: Iterable[Item], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Extraction]:
        """Extract many articles lazily, in input order.

        Items are texts, ``(text, published)`` pairs or dicts with ``text`` and
        ``published``. With ``n_process > 1`` each worker process loads its own pipeline.
        """
        if n_process > 1:
            yield from self._extract_parallel(items, batch_size, n_process)
            return
        docs = (self.make_doc(*_unpack(item)) for item in items)
        for doc in self.nlp.pipe(docs, batch_size=batch_size):
            yield self.to_extraction(doc)

    def _extract_parallel(self, items: Iterable[Item], batch_size: int, n_process: int) -> Iterator[Extraction]:
        context = multiprocessing.get_context("spawn")
        with context.Pool(n_process, initializer=_init_worker, initargs=(self.model, self.lexicons)) as pool:
            yield from pool.imap(_worker_extract, (_unpack(item) for item in items), chunksize=batch_size)

    def to_extraction(self, doc: Doc) -> Extraction:
        """Assemble the records of a processed doc."""
        state: Analysis = doc._.lagebild
        return Extraction(
            backbone=self.backbone,
            published=state.published,
            body_end=state.body_end,
            actors=tuple(dict.fromkeys(state.actor_records.values())),
            places=tuple(merge_places(state.places)),
            money=tuple(state.money),
            times=tuple(state.times),
            events=tuple(state.events),
        )


_worker: Extractor | None = None


def _init_worker(model: str, lexicons: tuple[str, ...]) -> None:
    global _worker
    _worker = Extractor(model=model, lexicons=lexicons)


def _worker_extract(item: tuple[str, dt.date | None]) -> Extraction:
    assert _worker is not None
    return _worker.extract(*item)


@functools.lru_cache(maxsize=2)
def _default_extractor(model: str) -> Extractor:
    return Extractor(model=model)


def extract(text: str, published: Published = None, *, model: str = "auto") -> Extraction:
    """Extract the Lagebild of one German article (the pipeline is loaded once and kept)."""
    return _default_extractor(model).extract(text, published)
