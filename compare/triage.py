"""What an editor asks of a checked story: what is wrong with each quote, worst first (`finding`,
`sort_key`), the story in one line (`story_verdict`), the counts (`summarize`), which quotes to look
at (`Filter`), and the results with the editors' reviews (`with_reviews`). Shared by the report
formats, the CLI and the review app, so that every surface ranks, counts, labels and filters alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from .model import Article, QuoteResult, Severity, Verdict
from .store.reviews import Review, ReviewStore, Status


class Finding(str, Enum):
    """The worst thing to say about one quote; the order is the triage order (worst first)."""

    CHANGED = "changed in substance"  # a substantive difference: a word, number or negation changed
    MISATTRIBUTED = "misattributed"  # the words are the cable's, the attribution does not fit it
    UNSUPPORTED = "no support found"  # offered as a cable's words; no passage of the corpus holds them
    EDITED = "edited"  # ellipses, brackets, a name the release redacts
    REWORDED = "reworded"  # a paraphrase or a translation of a passage
    COSMETIC = "cosmetic"  # typography, spelling, number format only
    VERBATIM = "verbatim"
    NOT_A_CABLE_QUOTE = "not a cable quote"  # a title, a nickname, an on-the-record statement, a scare quote

    @property
    def group(self) -> int:
        """The triage groups: 0 substance or attribution, 1 unsupported, 2 edited, 3 faithful, 4 other."""
        return _GROUP[self]

    @property
    def tone(self) -> str:
        """A colour name for badges: red, amber, violet, green, grey."""
        return _TONE[self]


_GROUP = {Finding.CHANGED: 0, Finding.MISATTRIBUTED: 0, Finding.UNSUPPORTED: 1, Finding.EDITED: 2,
          Finding.REWORDED: 2, Finding.COSMETIC: 3, Finding.VERBATIM: 3, Finding.NOT_A_CABLE_QUOTE: 4}
_TONE = {Finding.CHANGED: "red", Finding.MISATTRIBUTED: "red", Finding.UNSUPPORTED: "amber", Finding.EDITED: "amber",
         Finding.REWORDED: "violet", Finding.COSMETIC: "green", Finding.VERBATIM: "green",
         Finding.NOT_A_CABLE_QUOTE: "grey"}
ORDER = list(Finding)


def verdict_label(v: Verdict) -> str:
    """A verdict as people read it ("not found"); the contract's name (`not_found`) stays in JSON."""
    return v.value.replace("_", " ")


def not_a_cable_quote(r: QuoteResult) -> str:
    """Why a quote without a source is not offered as a cable's words, or '' (then it is unsupported):
    a public statement, a title, name, scare quote or classification marking (`pipeline.standing`)."""
    return r.not_a_cable_quote


def finding(r: QuoteResult) -> Finding:
    severities = {d.severity for d in r.discrepancies}
    if Severity.SUBSTANTIVE in severities:
        return Finding.CHANGED
    if r.misattributed:
        return Finding.MISATTRIBUTED
    if r.source is None:
        return Finding.NOT_A_CABLE_QUOTE if not_a_cable_quote(r) else Finding.UNSUPPORTED
    if Severity.EDITORIAL in severities:
        return Finding.EDITED
    if r.verdict in (Verdict.PARAPHRASE, Verdict.TRANSLATION):
        return Finding.REWORDED
    if severities or r.verdict is Verdict.COSMETIC:
        return Finding.COSMETIC
    return Finding.VERBATIM


def sort_key(r: QuoteResult) -> tuple[int, int, str, int]:
    """Worst first; within a group, by article and position (a stable, readable order)."""
    f = finding(r)
    return (f.group, ORDER.index(f), r.quote.article, r.quote.start)


def score_words(r: QuoteResult) -> str:
    """The score, in words, for where it is shown."""
    if r.source is None:
        if not_a_cable_quote(r):
            return "not searched: not offered as a cable's words"
        return f"{r.score:.2f} confidence that no passage holds these words"
    if r.verdict is Verdict.TRANSLATION:
        return f"{r.score:.2f} similarity of meaning across languages"
    if r.verdict is Verdict.PARAPHRASE:
        return f"{r.score:.2f} similarity of meaning"
    return f"{r.score:.2f} of the quote's wording found in the source"


@dataclass(frozen=True)
class Summary:
    quotes: int
    verdicts: dict[Verdict, int]
    severities: dict[Severity, int]
    ambiguous: int
    misattributed: int
    findings: dict[Finding, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The report's `summary` object (JSON): verdicts and severities by their contract names."""
        return {"quotes": self.quotes, "verdicts": {v.value: n for v, n in self.verdicts.items()},
                "severities": {s.value: n for s, n in self.severities.items()}, "ambiguous": self.ambiguous,
                "misattributed": self.misattributed,
                "findings": {f.value: n for f, n in self.findings.items()}, "verdict": story_verdict(self)}


def summarize(results: Iterable[QuoteResult]) -> Summary:
    results = list(results)
    return Summary(
        quotes=len(results),
        verdicts=dict(Counter(r.verdict for r in results)),
        severities=dict(Counter(d.severity for r in results for d in r.discrepancies)),
        ambiguous=sum(r.ambiguous for r in results),
        misattributed=sum(r.misattributed for r in results),
        findings=dict(Counter(finding(r) for r in results)),
    )


def story_verdict(s: Summary) -> str:
    """The story in one line, problems first: "2 quotes changed in substance, 1 misattributed, 3 with no
    support found; 40 faithful (8 edited or reworded), 12 not cable quotes (of 57 quotes)"."""
    f = s.findings
    problems = [(f.get(k, 0), label) for k, label in ((Finding.CHANGED, "changed in substance"),
                                                      (Finding.MISATTRIBUTED, "misattributed"),
                                                      (Finding.UNSUPPORTED, "with no support found")) if f.get(k)]
    words = [f"{n} {'quote' if n == 1 else 'quotes'} {label}" if k == 0 else f"{n} {label}"
             for k, (n, label) in enumerate(problems)]
    faithful = sum(f.get(k, 0) for k in (Finding.EDITED, Finding.REWORDED, Finding.COSMETIC, Finding.VERBATIM))
    edited = f.get(Finding.EDITED, 0) + f.get(Finding.REWORDED, 0)
    good = f"{faithful} faithful" + (f" ({edited} edited or reworded)" if edited else "")
    n_other = f.get(Finding.NOT_A_CABLE_QUOTE, 0)
    other = f", {n_other} not {'a cable quote' if n_other == 1 else 'cable quotes'}" if n_other else ""
    head = ", ".join(words) if words else "No problems found"
    return f"{head}; {good}{other} (of {s.quotes} quotes)."


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
    findings: frozenset[Finding] = frozenset()

    def keep(self, r: QuoteResult, review: Status = Status.UNREVIEWED) -> bool:
        if self.findings and finding(r) not in self.findings:
            return False
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
