"""Public entry points: load a pipeline, extract one article or a stream of them."""

from __future__ import annotations

import collections
import datetime as dt
import functools
import itertools
import multiprocessing
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Union

from spacy.language import Language
from spacy.tokens import Doc

from .backbone import backbone_name, load_backbone
from .components import Analysis, add_to_pipeline
from .errors import InputError
from .hygiene import HTML_POLICIES, guess_language, html_to_text, looks_like_html
from .places import merge_places
from .records import Extraction, ExtractionError

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


def load_pipeline(model: str = "auto", lexicons: Sequence[str | Path] = (), *, statements: bool = False) -> Language:
    """The backbone (see :func:`lagebild.backbone.load_backbone`) with lagebild's stages added.

    ``statements=True`` also codes public statements as STATEMENT events.
    """
    return add_to_pipeline(load_backbone(model), [str(p) for p in lexicons], statements=statements)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise InputError("text is empty")
    surrogate = _LONE_SURROGATE.search(text)
    if surrogate:
        raise InputError(
            f"text is not valid Unicode: lone surrogate {surrogate.group()!r} at character {surrogate.start()}"
            " (decode the source with errors='replace' to keep the rest)"
        )
    return text


def _unpack(item: Item) -> tuple[str, dt.date | None]:
    if isinstance(item, str):
        return _check_text(item), None
    if isinstance(item, dict):
        return _check_text(item.get("text")), parse_published(item.get("published"))
    if isinstance(item, tuple) and len(item) == 2:
        return _check_text(item[0]), parse_published(item[1])
    raise InputError(f"an item must be a text, a (text, published) pair or a dict, not {type(item).__name__}")


class _Prepared(NamedTuple):
    """An input item checked and unpacked, remembering its position in the stream."""

    index: int
    id: str | None
    text: str
    published: dt.date | None


def _prepare_items(items: Iterable[Item]) -> Iterator[_Prepared | ExtractionError]:
    for index, item in enumerate(items):
        item_id = item.get("id") if isinstance(item, dict) else None
        item_id = None if item_id is None else str(item_id)
        try:
            text, published = _unpack(item)
        except InputError as exc:
            yield ExtractionError(index=index, id=item_id, reason=str(exc))
        else:
            yield _Prepared(index, item_id, text, published)


def _batches(stream: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(stream)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class Extractor:
    """A loaded pipeline, reusable for many articles.

    >>> ex = Extractor(model="blank")
    >>> ex.extract("Die NATO sagte der Ukraine Hilfe zu.", published="2025-04-04").actors[0].id
    'NATO'
    """

    def __init__(
        self, model: str = "auto", lexicons: Sequence[str | Path] = (), *, html: str = "auto", statements: bool = False
    ) -> None:
        if html not in HTML_POLICIES:
            raise InputError(f"html must be one of {', '.join(HTML_POLICIES)}, not {html!r}")
        self.model = model
        self.html = html
        self.statements = statements
        self.lexicons = tuple(str(p) for p in lexicons)
        self.nlp = load_pipeline(model, self.lexicons, statements=statements)
        self.backbone = backbone_name(self.nlp)

    def make_doc(self, text: str, published: Published = None) -> Doc:
        """Tokenise ``text`` (its text, if it is HTML) and attach its publication date and language."""
        text, converted = self._plain_text(_check_text(text))
        if len(text) > self.nlp.max_length:
            raise InputError(
                f"text has {len(text):,} characters; the limit is {self.nlp.max_length:,} "
                "(split the text, or raise Extractor.nlp.max_length)"
            )
        doc = self.nlp.make_doc(text)
        doc._.lagebild = Analysis(
            published=parse_published(published), text=text, language=guess_language(text), html=converted
        )
        return doc

    def _plain_text(self, text: str) -> tuple[str, bool]:
        """Apply the HTML policy: the text to analyse, and whether it was converted from HTML."""
        if self.html == "keep" or self.html == "auto" and not looks_like_html(text):
            return text, False
        if self.html == "reject":
            if looks_like_html(text):
                raise InputError("the text is HTML (tags or entities); convert it first or use html='convert'")
            return text, False
        return _check_text(html_to_text(text)), True

    def extract(self, text: str, published: Published = None) -> Extraction:
        """Extract the Lagebild of one article."""
        return self.to_extraction(self.nlp(self.make_doc(text, published)))

    def extract_many(
        self, items: Iterable[Item], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Extraction | ExtractionError]:
        """Extract many articles lazily: one result per item, in input order.

        Items are texts, ``(text, published)`` pairs or dicts with ``text`` and optional
        ``published``, ``id`` (and ``url``, ignored here). Items are read ``batch_size`` at
        a time, so memory stays bounded however long the stream. An item that cannot be
        extracted (not a text, empty, bad date, a stage failing on it) yields an
        :class:`~lagebild.records.ExtractionError` in its place and the stream goes on.
        With ``n_process > 1`` each worker process loads its own pipeline.
        """
        if batch_size < 1 or n_process < 1:
            raise InputError("batch_size and n_process must be at least 1")
        batches = _batches(_prepare_items(items), batch_size)
        if n_process > 1:
            yield from self._extract_parallel(batches, n_process)
            return
        for batch in batches:
            yield from self._extract_batch(batch)

    def _extract_batch(self, batch: list[_Prepared | ExtractionError]) -> list[Extraction | ExtractionError]:
        """Run one ``nlp.pipe`` pass over the good items of a batch; failed items pass through."""
        prepared = [item for item in batch if isinstance(item, _Prepared)]
        try:
            docs = self.nlp.pipe((self.make_doc(p.text, p.published) for p in prepared), batch_size=max(len(prepared), 1))
            done = {p.index: self.to_extraction(doc) for p, doc in zip(prepared, docs)}
        except Exception:
            # Some item breaks a stage, and spaCy gives no way to tell which one from
            # inside pipe(): redo this batch one article at a time so only that item fails.
            done = {p.index: self._extract_or_error(p) for p in prepared}
        return [item if isinstance(item, ExtractionError) else done[item.index] for item in batch]

    def _extract_or_error(self, item: _Prepared) -> Extraction | ExtractionError:
        try:
            return self.extract(item.text, item.published)
        except Exception as exc:  # any failure of one article must not end the stream
            return ExtractionError(index=item.index, id=item.id, reason=f"{type(exc).__name__}: {exc}")

    def _extract_parallel(
        self, batches: Iterator[list[_Prepared | ExtractionError]], n_process: int
    ) -> Iterator[Extraction | ExtractionError]:
        context = multiprocessing.get_context("spawn")
        with context.Pool(n_process, initializer=_init_worker, initargs=(self.model, self.lexicons, self.html, self.statements)) as pool:
            # Pool.imap would read the whole input ahead; keeping two batches per worker
            # in flight keeps every worker busy while memory stays bounded.
            in_flight: collections.deque[Any] = collections.deque()
            for batch in batches:
                in_flight.append(pool.apply_async(_worker_extract_batch, (batch,)))
                if len(in_flight) >= 2 * n_process:
                    yield from in_flight.popleft().get()
            while in_flight:
                yield from in_flight.popleft().get()

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
            language=state.language,
            html=state.html,
            text=state.text,
        )


_worker: Extractor | None = None


def _init_worker(model: str, lexicons: tuple[str, ...], html: str, statements: bool) -> None:
    global _worker
    _worker = Extractor(model=model, lexicons=lexicons, html=html, statements=statements)


def _worker_extract_batch(batch: list[_Prepared | ExtractionError]) -> list[Extraction | ExtractionError]:
    assert _worker is not None
    return _worker._extract_batch(batch)


@functools.lru_cache(maxsize=2)
def _default_extractor(model: str) -> Extractor:
    return Extractor(model=model)


def extract(text: str, published: Published = None, *, model: str = "auto") -> Extraction:
    """Extract the Lagebild of one German article (the pipeline is loaded once and kept)."""
    return _default_extractor(model).extract(text, published)
