"""What an editor asks of a checked story: what is wrong with each quote, worst first (`finding`,
`sort_key`), the story in one line (`story_verdict`), the counts (`summarize`), which quotes to look
at (`Filter`), the results with the editors' reviews (`with_reviews`) and with the editors' correction
of an article's outlet, author and date (`correct_meta`, `with_corrections`). Shared by the report
formats, the CLI and the review app, so that every surface ranks, counts, labels and filters alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum

from . import meaning
from .model import Article, ArticleMeta, Discrepancy, QuoteResult, Severity, Verdict
from .store.reviews import Review, ReviewStore, Status


class Finding(str, Enum):
    """The worst thing to say about one quote; the order is the triage order (worst first)."""

    CHANGED = "changed in substance"  # a change of meaning: a number, a negation, a hedge, an opposite, a content word
    MISATTRIBUTED = "misattributed"  # the words are the cable's, the attribution does not fit it
    UNSUPPORTED = "no support found"  # offered as a cable's words; no passage of the corpus holds them
    UNMARKED = "edited without a mark"  # words added or dropped without a mark, the meaning kept (a gloss, "also")
    EDITED = "edited"  # marked edits: ellipses, brackets, a name the release redacts
    REWORDED = "reworded"  # a paraphrase or a translation of a passage
    FAITHFUL = "faithful"  # the cable's words (typography, spelling, number format aside)
    NOT_A_CABLE_QUOTE = "not a cable quote"  # a title, a nickname, an on-the-record statement, a scare quote

    @property
    def group(self) -> int:
        """The triage groups: 0 substance or attribution, 1 unsupported, 2 unmarked edits, 3 marked
        edits and rewordings, 4 faithful, 5 not a cable quote."""
        return _GROUP[self]

    @property
    def tone(self) -> str:
        """A colour name for badges (the same colour for the finding on the statistics page's chart)."""
        return _TONE[self]

    @property
    def colour(self) -> str:
        return COLOURS[self.tone]

    @property
    def key(self) -> str:
        """The finding as a name for options and columns: `changed_in_substance`."""
        return self.value.replace(" ", "_")

    @classmethod
    def named(cls, name: str) -> Finding | None:
        """A finding by its words or its key ("changed in substance", "changed_in_substance"), or by the
        name an earlier release gave it ("verbatim", "cosmetic": faithful); None if it is none."""
        text = " ".join(name.strip().casefold().replace("_", " ").replace("-", " ").split())
        if text in LEGACY:
            return LEGACY[text]
        return next((f for f in cls if f.value == text), None)


_GROUP = {Finding.CHANGED: 0, Finding.MISATTRIBUTED: 0, Finding.UNSUPPORTED: 1, Finding.UNMARKED: 2,
          Finding.EDITED: 3, Finding.REWORDED: 3, Finding.FAITHFUL: 4, Finding.NOT_A_CABLE_QUOTE: 5}
_TONE = {Finding.CHANGED: "red", Finding.MISATTRIBUTED: "magenta", Finding.UNSUPPORTED: "orange",
         Finding.UNMARKED: "amber", Finding.EDITED: "blue", Finding.REWORDED: "violet", Finding.FAITHFUL: "green",
         Finding.NOT_A_CABLE_QUOTE: "grey"}
COLOURS = {"red": "#cf222e", "magenta": "#bf3989", "orange": "#bc4c00", "amber": "#9a6700", "blue": "#0969da",
           "violet": "#8250df", "green": "#1a7f37", "grey": "#57606a"}  # GitHub Primer's, white text readable
LEGACY = {"verbatim": Finding.FAITHFUL, "cosmetic": Finding.FAITHFUL}  # the findings' names before 0.4
ORDER = list(Finding)
PROBLEMS = (Finding.CHANGED, Finding.MISATTRIBUTED, Finding.UNSUPPORTED)


def verdict_label(v: Verdict) -> str:
    """A verdict as people read it ("not found"); the contract's name (`not_found`) stays in JSON."""
    return v.value.replace("_", " ")


def not_a_cable_quote(r: QuoteResult) -> str:
    """Why a quote without a source is not offered as a cable's words, or '' (then it is unsupported):
    a public statement, a title, name, scare quote or classification marking (`pipeline.standing`)."""
    return r.not_a_cable_quote


def changes_meaning(r: QuoteResult, d: Discrepancy) -> bool:
    """A substantive difference that changes what the quote says (`meaning.keeps_meaning` tells the
    unmarked edits that do not)."""
    if d.severity is not Severity.SUBSTANTIVE:
        return False
    source = r.source.paragraph_text if r.source is not None else ""
    return not meaning.keeps_meaning(d, r.quote.text, source, r.language or "en")


def effect(r: QuoteResult, d: Discrepancy) -> str:
    """What a difference does, in words: shown beside it in the cards, the table, CSV and Markdown."""
    if d.severity is Severity.SUBSTANTIVE:
        return "changes the meaning" if changes_meaning(r, d) else "unmarked, keeps the meaning"
    return "marked edit" if d.severity is Severity.EDITORIAL else "cosmetic"


def finding(r: QuoteResult) -> Finding:
    substantive = [d for d in r.discrepancies if d.severity is Severity.SUBSTANTIVE]
    if any(changes_meaning(r, d) for d in substantive):
        return Finding.CHANGED
    if r.misattributed:
        return Finding.MISATTRIBUTED
    if r.source is None:
        return Finding.NOT_A_CABLE_QUOTE if not_a_cable_quote(r) else Finding.UNSUPPORTED
    if substantive:
        return Finding.UNMARKED
    if any(d.severity is Severity.EDITORIAL for d in r.discrepancies):
        return Finding.EDITED
    if r.verdict in (Verdict.PARAPHRASE, Verdict.TRANSLATION):
        return Finding.REWORDED
    return Finding.FAITHFUL


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


def count_words(n: int, f: Finding, first: bool = False) -> str:
    """A count in the findings' words: "2 quotes changed in substance" (the first of a line), "3 edited",
    "4 with no support found"."""
    label = f"with {f.value}" if f is Finding.UNSUPPORTED else f.value
    return f"{n} {'quote' if n == 1 else 'quotes'} {label}" if first else f"{n} {label}"


def story_verdict(s: Summary) -> str:
    """The story in one line, problems first, every count in the findings' words: "2 quotes changed in
    substance, 1 misattributed, 3 with no support found; 2 edited without a mark, 30 faithful, 5 edited,
    12 not a cable quote (of 57 quotes)"."""
    f = s.findings
    problems = [k for k in PROBLEMS if f.get(k)]
    head = ", ".join(count_words(f[k], k, first=n == 0) for n, k in enumerate(problems)) or "No problems found"
    rest = ", ".join(count_words(f[k], k) for k in ORDER if k not in PROBLEMS and f.get(k))
    total = f"(of {s.quotes} {'quote' if s.quotes == 1 else 'quotes'})"
    return f"{head}; {rest} {total}." if rest else f"{head} {total}."


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


def correct_meta(store: ReviewStore, article: Article, outlet: str, author: str, date: str) -> ArticleMeta:
    """Keep an editor's outlet, author and date for an article (an empty field: not stated), the date
    read as the article's own dates are ("6 de diciembre de 2010" -> 2010-12-06; as typed when it is no
    date); the article's metadata as it now stands."""
    from .ingest.metadata import normalise_date

    store.correct_meta(article.sha256, outlet, author, normalise_date(date))
    return store.meta_of(article.sha256, article.meta)


def with_corrections(checked: Iterable[tuple[Article, list[QuoteResult]]],
                     store: ReviewStore) -> list[tuple[Article, list[QuoteResult]]]:
    """Each article and its results with the editor's correction of its outlet, author and date (one
    read of the store per article): what the cards, the statistics and the downloads show."""
    out = []
    for article, results in checked:
        meta = store.meta_of(article.sha256, article.meta)
        if meta == article.meta:
            out.append((article, results))
        else:
            out.append((replace(article, meta=meta), [replace(r, article_meta=meta) for r in results]))
    return out
