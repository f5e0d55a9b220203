"""compare: trace every quote in a news article to the cable paragraph it came from."""

from .api import Checker, check, load_corpus
from .model import (
    Alignment,
    Article,
    AttributionCheck,
    Cable,
    Claim,
    Discrepancy,
    DiscrepancyKind,
    Paragraph,
    Quote,
    QuoteKind,
    QuoteResult,
    Severity,
    Verdict,
)

__version__ = "0.2.0"
__all__ = [
    "Alignment", "Article", "AttributionCheck", "Cable", "Checker", "Claim", "Discrepancy",
    "DiscrepancyKind", "Paragraph", "Quote", "QuoteKind", "QuoteResult", "Severity", "Verdict",
    "check", "load_corpus",
]  # fmt: skip
