"""The shared model: frozen, typed dataclasses with character offsets, and closed choices as Enums.

Every pipeline stage reads and writes these types; nothing else crosses a module boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Verdict(str, Enum):
    VERBATIM = "verbatim"
    COSMETIC = "cosmetic"
    ELIDED = "elided"
    ALTERED = "altered"
    PARAPHRASE = "paraphrase"
    NOT_FOUND = "not_found"

    @property
    def supported(self) -> bool:
        """True when the verdict names a source whose words the quote uses."""
        return self in (Verdict.VERBATIM, Verdict.COSMETIC, Verdict.ELIDED, Verdict.ALTERED)


class Severity(str, Enum):
    COSMETIC = "cosmetic"
    EDITORIAL = "editorial"
    SUBSTANTIVE = "substantive"


class DiscrepancyKind(str, Enum):
    CASE = "case"
    PUNCTUATION = "punctuation"
    WHITESPACE = "whitespace"
    DIACRITICS = "diacritics"
    HYPHENATION = "hyphenation"
    NUMBER_FORMAT = "number_format"
    SPELLING = "spelling"
    SPLICE = "splice"
    ELISION = "elision"
    BRACKETED = "bracketed"
    INSERTION = "insertion"
    DELETION = "deletion"
    SUBSTITUTION = "substitution"
    NUMBER_CHANGE = "number_change"
    NEGATION = "negation"
    HEDGE = "hedge"

    @property
    def severity(self) -> Severity:
        if self in _SUBSTANTIVE:
            return Severity.SUBSTANTIVE
        if self in _EDITORIAL:
            return Severity.EDITORIAL
        return Severity.COSMETIC


_SUBSTANTIVE = {
    DiscrepancyKind.INSERTION,
    DiscrepancyKind.DELETION,
    DiscrepancyKind.SUBSTITUTION,
    DiscrepancyKind.NUMBER_CHANGE,
    DiscrepancyKind.NEGATION,
    DiscrepancyKind.HEDGE,
}
_EDITORIAL = {DiscrepancyKind.ELISION, DiscrepancyKind.BRACKETED}


class QuoteKind(str, Enum):
    """What an extracted quotation looks like in its article."""

    QUOTATION = "quotation"  # words attributed to someone or something
    SCARE = "scare"  # a short phrase in quotation marks (one to four words)
    TITLE = "title"  # a title inside a citation ("Navarro, Carlos. "Title." (2010).")
    NAME = "name"  # a name or nickname in quotation marks ("Tony Tormenta")


@dataclass(frozen=True)
class Paragraph:
    """One numbered paragraph of a cable. `start`/`end` are offsets in the cable's source text."""

    cable_id: str
    number: int | None
    marking: str | None  # "(S/NF)", "(C)", "(SBU)"; None when unmarked
    text: str  # cleaned: lines joined, page markers, headings and boilerplate removed
    start: int
    end: int


@dataclass(frozen=True)
class Cable:
    id: str  # canonical reference ID, e.g. 10MEXICO83
    date: str | None  # ISO date, YYYY-MM-DD
    classification: str | None
    origin: str | None
    subject: str | None
    tags: tuple[str, ...]
    signer: str | None
    classified_by: str | None
    references: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    source: str  # where it was read from (a file name, with the record number for dumps)

    @property
    def text_length(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)

    def paragraph(self, number: int | None) -> Paragraph | None:
        for p in self.paragraphs:
            if p.number == number:
                return p
        return None


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """What the article says about who wrote or said a quote, and when."""

    speaker: str | None = None  # a name or a description, as the article gives it
    verb: str | None = None  # "said", "wrote", "asked", ...
    authorship: bool = False  # the article says the speaker wrote the cable ("wrote", "in the cable")
    date_text: str | None = None  # "Jan. 29", "October 2009", "November of 2009"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    cue: str | None = None  # the article's words the claim was read from

    @property
    def empty(self) -> bool:
        return self.speaker is None and self.date_text is None


@dataclass(frozen=True)
class Quote:
    article: str
    text: str  # as it stands in the article, without the enclosing marks; parts joined by a space
    start: int
    end: int
    parts: tuple[Span, ...]  # more than one when a speech tag interrupts the quotation
    kind: QuoteKind
    context: str  # the article sentence(s) around the quote
    claim: Claim = field(default_factory=Claim)
    splice_tags: tuple[str, ...] = ()  # the speech tags between parts


@dataclass(frozen=True)
class Discrepancy:
    kind: DiscrepancyKind
    quote_side: str
    source_side: str
    quote_span: Span | None = None  # where quote_side stands in the quote's text
    source_span: Span | None = None  # where source_side stands in the aligned paragraph text

    @property
    def severity(self) -> Severity:
        return self.kind.severity


@dataclass(frozen=True)
class Alignment:
    """A quote aligned on one paragraph (or two adjacent ones)."""

    cable_id: str
    paragraph: int | None
    paragraphs: tuple[int | None, ...]
    paragraph_text: str
    start: int  # offsets of the aligned span in paragraph_text
    end: int
    matched: int  # quote tokens matched (exactly or cosmetically)
    quote_tokens: int
    discrepancies: tuple[Discrepancy, ...]
    score: float
    quoted_in_source: bool = False  # the source itself puts these words in quotation marks

    @property
    def text(self) -> str:
        return self.paragraph_text[self.start : self.end]


@dataclass(frozen=True)
class AttributionCheck:
    claim: Claim
    cable_signer: str | None
    cable_classified_by: str | None
    cable_date: str | None
    source_speakers: tuple[str, ...]
    ok: bool | None
    why: str


@dataclass(frozen=True)
class QuoteResult:
    quote: Quote
    verdict: Verdict
    score: float
    source: Alignment | None
    candidates: tuple[Alignment, ...]
    ambiguous: bool
    discrepancies: tuple[Discrepancy, ...]
    attribution: AttributionCheck | None
    article_text_repaired: bool = False
    note: str = ""


@dataclass(frozen=True)
class Article:
    name: str
    text: str  # decoded, mojibake repaired, HTML reduced to text
    repaired: bool
    sha256: str
