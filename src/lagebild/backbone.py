"""The spaCy backbone: the best installed German pipeline, else ``spacy.blank("de")``.

lagebild never downloads a model. With ``model="auto"`` it takes the largest installed
German core pipeline and falls back to a blank German pipeline with a rule-based sentence
splitter, on which lagebild's own rules and lexicons do all the work.
"""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers lagebild_sentences)
from .errors import ModelNotInstalledError

#: German pipelines tried by ``model="auto"``, best first.
PREFERRED_MODELS = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")
BLANK = "blank:de"


def installed_models() -> list[str]:
    """Return the preferred German pipelines that are importable here, best first."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def load_backbone(model: str = "auto") -> Language:
    """Load the backbone pipeline.

    ``model`` is ``"auto"`` (best installed German pipeline, else blank), ``"blank"`` /
    ``"blank:de"`` (rules only), or the name or path of an installed spaCy pipeline.
    Raises :class:`ModelNotInstalledError` naming the install command when a named model
    is missing.
    """
    if model == "auto":
        found = installed_models()
        model = found[0] if found else BLANK
    if model in ("blank", BLANK):
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("lagebild_sentences")
        return nlp
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy pipeline {model!r} is not installed; install it with "
            f"`python -m spacy download {model}` or use model='auto' or 'blank'"
        ) from exc
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", first=True)
    # sentence starts may only be set before a parser decides them
    if nlp.has_pipe("parser"):
        nlp.add_pipe("lagebild_sentences", before="parser")
    else:
        nlp.add_pipe("lagebild_sentences")
    return nlp


def backbone_name(nlp: Language) -> str:
    """Return ``"<lang>_<name>-<version>"`` of a pipeline, e.g. ``"de_core_news_md-3.8.0"``."""
    meta = nlp.meta
    if meta.get("name", "pipeline") == "pipeline":
        return f"blank_de-spacy{spacy.__version__}"
    return f"{meta.get('lang', 'de')}_{meta['name']}-{meta.get('version', '0.0.0')}"
