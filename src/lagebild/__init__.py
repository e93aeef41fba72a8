"""lagebild: German news to structured geopolitical event records."""

from importlib.metadata import PackageNotFoundError, version

from .api import Extractor, extract, load_pipeline, parse_published
from .components import add_to_pipeline
from .errors import InputError, LagebildError, LexiconError, ModelNotInstalledError
from .frames import to_pandas
from .records import Actor, Amount, Event, Extraction, ExtractionError, Interval, Mention, Money, Place, Time

try:
    __version__ = version("lagebild")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0+unknown"

__all__ = [
    "Actor",
    "Amount",
    "Event",
    "Extraction",
    "ExtractionError",
    "Extractor",
    "InputError",
    "Interval",
    "LagebildError",
    "LexiconError",
    "Mention",
    "ModelNotInstalledError",
    "Money",
    "Place",
    "Time",
    "__version__",
    "add_to_pipeline",
    "extract",
    "load_pipeline",
    "parse_published",
    "to_pandas",
]
