"""compare: trace every quote in a news article to the cable paragraph it came from."""

from ._version import __version__ as __version__
from .api import check, load_corpus
from .model import (
    Alignment,
    Article,
    AttributionCheck,
    Cable,
    Candidate,
    Claim,
    Decision,
    Discrepancy,
    DiscrepancyKind,
    Evidence,
    Paragraph,
    Quote,
    QuoteKind,
    QuoteResult,
    Severity,
    Verdict,
)
from .pipeline import CheckOptions, Pipeline
from .store import CorpusStore

__all__ = [
    "Alignment", "Article", "AttributionCheck", "Cable", "Candidate", "CheckOptions", "Claim", "CorpusStore",
    "Decision", "Discrepancy", "Evidence", "Pipeline",
    "DiscrepancyKind", "Paragraph", "Quote", "QuoteKind", "QuoteResult", "Severity", "Verdict",
    "check", "load_corpus",
]  # fmt: skip
