"""What an editor asks of a checked story: the counts (`summarize`), which quotes to look at
(`Filter`), and the results with the editors' reviews for export (`with_reviews`). Shared by the
report formats, the CLI and the review app, so that every surface counts and filters alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Article, QuoteResult, Severity, Verdict
from .store.reviews import Review, ReviewStore, Status


@dataclass(frozen=True)
class Summary:
    quotes: int
    verdicts: dict[Verdict, int]
    severities: dict[Severity, int]
    ambiguous: int
    misattributed: int

    def as_dict(self) -> dict[str, object]:
        """The report's `summary` object (JSON): verdicts and severities by their contract names."""
        return {"quotes": self.quotes, "verdicts": {v.value: n for v, n in self.verdicts.items()},
                "severities": {s.value: n for s, n in self.severities.items()}, "ambiguous": self.ambiguous,
                "misattributed": self.misattributed}


def summarize(results: Iterable[QuoteResult]) -> Summary:
    results = list(results)
    return Summary(
        quotes=len(results),
        verdicts=dict(Counter(r.verdict for r in results)),
        severities=dict(Counter(d.severity for r in results for d in r.discrepancies)),
        ambiguous=sum(r.ambiguous for r in results),
        misattributed=sum(r.misattributed for r in results),
    )


@dataclass(frozen=True)
class Filter:
    """Which quotes to show; an empty choice keeps everything."""

    verdicts: frozenset[Verdict] = frozenset()
    severities: frozenset[Severity] = frozenset()
    articles: frozenset[str] = frozenset()
    ambiguous_only: bool = False
    misattributed_only: bool = False
    reviews: frozenset[Status] = frozenset()
    search: str = ""  # in the quote's words or its source's cable ID, case folded

    def keep(self, r: QuoteResult, review: Status = Status.UNREVIEWED) -> bool:
        if self.verdicts and r.verdict not in self.verdicts:
            return False
        if self.severities and not {d.severity for d in r.discrepancies} & self.severities:
            return False
        if self.articles and r.quote.article not in self.articles:
            return False
        if (self.ambiguous_only and not r.ambiguous) or (self.misattributed_only and not r.misattributed):
            return False
        if self.reviews and review not in self.reviews:
            return False
        text = self.search.casefold()
        return not text or text in r.quote.text.casefold() or bool(r.source and text in r.source.cable_id.casefold())


@dataclass(frozen=True)
class Reviewed:
    results: list[QuoteResult] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)



def with_reviews(checked: Iterable[tuple[Article, list[QuoteResult]]], store: ReviewStore) -> Reviewed:
    """Every result with its editor's review (one read of the store per article)."""
    out = Reviewed()
    for article, results in checked:
        reviews = store.of_article(article.sha256)
        for r in results:
            out.results.append(r)
            out.reviews.append(reviews.get((r.quote.start, r.quote.end), Review()))
    return out
