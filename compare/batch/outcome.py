"""One article's outcome in a batch, as the pool gives it and the sinks and journal take it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..model import QuoteResult


@dataclass(frozen=True)
class Outcome:
    path: str
    sha256: str
    results: tuple[QuoteResult, ...]
    error: str = ""  # a CompareError's message when the article could not be checked
    text: str = ""  # the article's text, as the quotes' offsets count it
    warnings: tuple[str, ...] = ()  # what checking it warned of (shown by the caller, counted)


def file_digest(path: str) -> str:
    """The SHA-256 of a file's bytes ("" for stdin, or a file that cannot be read)."""
    if path == "-":
        return ""
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return ""
