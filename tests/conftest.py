"""Shared fixtures: one rule-based extractor for the whole session (no model, no network)."""

import pytest

import lagebild


@pytest.fixture(scope="session")
def extractor() -> lagebild.Extractor:
    """A rules-only extractor on spacy.blank("de")."""
    return lagebild.Extractor(model="blank")


@pytest.fixture(scope="session")
def extract(extractor):
    """extract(text, published=None) with the shared extractor."""
    return extractor.extract


@pytest.fixture(scope="session")
def extract_with_statements():
    """extract(text, published=None) by an extractor that also codes STATEMENT events."""
    return lagebild.Extractor(model="blank", statements=True).extract
