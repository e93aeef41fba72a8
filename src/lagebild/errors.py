"""lagebild's own error types: every failure a caller should handle derives from LagebildError."""


class LagebildError(Exception):
    """Base class of every error lagebild raises on purpose."""


class InputError(LagebildError, ValueError):
    """The input cannot be processed: empty text, wrong type, impossible date."""


class ModelNotInstalledError(LagebildError):
    """A spaCy pipeline was asked for by name but is not installed."""


class LexiconError(LagebildError):
    """A lexicon data file is missing, malformed or inconsistent."""
