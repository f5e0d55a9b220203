"""The shared model: frozen, typed dataclasses with character offsets, and closed choices as Enums.

Every pipeline stage reads and writes these types; nothing else crosses a module boundary.
Stage by stage: `Article` -> `Quote` (extract) -> `Paragraph`s (candidates) -> `QuoteTokens`,
`Segment`s of `Op`s and an `Alignment` with its `Discrepancy`s (align, discrepancies) -> `Evidence`
(context, for short quotes) -> `Candidate` -> `Decision` (decide) -> `AttributionCheck` ->
`QuoteResult`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

from .tokens import Token

IN_WORD_BRACKETS = re.compile(r"(?:(?<=\w)\[([^\]\s]{1,3})\]|\[([^\]\s]{1,3})\](?=\w))")

class Verdict(str, Enum):
    VERBATIM = "verbatim"
    COSMETIC = "cosmetic"
    ELIDED = "elided"
    ALTERED = "altered"
    PARAPHRASE = "paraphrase"
    TRANSLATION = "translation"
    NOT_FOUND = "not_found"

    @property
    def supported(self) -> bool:
        """True when the verdict names a source whose words the quote uses."""
        return self in (Verdict.VERBATIM, Verdict.COSMETIC, Verdict.ELIDED, Verdict.ALTERED)

    @property
    def has_source(self) -> bool:
        """True when the verdict names a source at all (its words, or its meaning)."""
        return self is not Verdict.NOT_FOUND


# A long task's progress callback: (stage, done, total; None while the total is unknown). The one alias
# that checking (`api.check`), index building (`indexing`), the runners and the CLI's display share.
Progress = Callable[[str, int, "int | None"], None]


class Severity(str, Enum):
    """How much a difference matters, the members in rising order: the one ranking of severities
    (the verdict of `pipeline.decide`, the worst severity of `report`)."""

    COSMETIC = "cosmetic"
    EDITORIAL = "editorial"
    SUBSTANTIVE = "substantive"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)

    @staticmethod
    def worst(severities: Iterable[Severity]) -> Severity | None:
        """The gravest of `severities`; None when there are none."""
        return max(severities, key=lambda s: s.rank, default=None)


@dataclass(frozen=True)
class Words:
    """How an editor reads a difference: templates over the article's side (`{quote}`) and the
    cable's (`{source}`), for both sides, the article's side only and the cable's side only."""

    both: str
    article_only: str
    cable_only: str

    def say(self, quote: str, source: str) -> str:
        template = self.article_only if not source else self.cable_only if not quote else self.both
        return template.format(quote=quote, source=source)


CHANGED = Words("“{quote}” in the article, “{source}” in the cable", "“{quote}” is not in the cable",
                "“{source}” in the cable is left out")


class DiscrepancyKind(str, Enum):
    """A named difference between a quote and its source, with its severity and its words.

    Each member carries its `severity` (a changed meaning is never cosmetic) and its `words`, how an
    editor reads it (`cards.what_changed`). A new kind is one member here, with both, and its rule
    module in `compare/pipeline/differences/`; `tests/test_discrepancies.py` checks every member.
    """

    CASE = ("case", "cosmetic", CHANGED)
    PUNCTUATION = ("punctuation", "cosmetic", CHANGED)
    WHITESPACE = ("whitespace", "cosmetic", CHANGED)
    DIACRITICS = ("diacritics", "cosmetic", CHANGED)
    HYPHENATION = ("hyphenation", "cosmetic", CHANGED)
    NUMBER_FORMAT = ("number_format", "cosmetic", CHANGED)
    SPELLING = ("spelling", "cosmetic", CHANGED)
    SPLICE = ("splice", "cosmetic", Words("the speech tag “{source}” is not part of the quotation",
                                          "the speech tag “{quote}” is not part of the quotation",
                                          "the speech tag “{source}” is not part of the quotation"))
    ELISION = ("elision", "editorial", Words("“{quote}” leaves out “{source}”", "“{quote}”",
                                            "“{quote}” leaves out “{source}”"))
    BRACKETED = ("bracketed", "editorial", CHANGED)
    INSERTION = ("insertion", "substantive", CHANGED)
    DELETION = ("deletion", "substantive", CHANGED)
    SUBSTITUTION = ("substitution", "substantive", CHANGED)
    NUMBER_CHANGE = ("number_change", "substantive", CHANGED)
    NEGATION = ("negation", "substantive", CHANGED)
    HEDGE = ("hedge", "substantive", CHANGED)
    ANTONYM = ("antonym", "substantive", CHANGED)
    REDACTION = ("redaction", "editorial",
                 Words(*(["the article names “{quote}” where the release prints “{source}”"] * 3)))
    NAME_SPELLING = ("name_spelling", "cosmetic", CHANGED)
    UNIT_CHANGE = ("unit_change", "substantive", Words("the same number in “{quote}” (article) and “{source}” (cable)",
                                                       "“{quote}” is not in the cable", "“{source}” in the cable is left out"))

    severity: Severity
    words: Words

    @classmethod
    def named(cls, value: str) -> DiscrepancyKind:
        """The member whose value is `value` ("number_change"); ValueError for none."""
        for kind in cls:
            if kind.value == value:
                return kind
        raise ValueError(f"{value!r} is not a discrepancy kind")

    def __new__(cls, value: str, severity: str, words: Words) -> DiscrepancyKind:
        member = str.__new__(cls, value)
        member._value_ = value
        member.severity = Severity(severity)
        member.words = words
        return member


class Language(str, Enum):
    """A language the tool tells apart (ISO 639-1 code as the value): the cables are English; articles
    quote them in English, Spanish, French, Portuguese, German or Italian."""

    EN = "en"
    ES = "es"
    FR = "fr"
    PT = "pt"
    DE = "de"
    IT = "it"

    def __str__(self) -> str:  # the code, wherever a language is spelled (a path, a locale, a message)
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


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

    @property
    def key(self) -> tuple[str, int]:
        """Which paragraph this is: its cable and where it starts in the cable's text."""
        return (self.cable_id, self.start)


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
    subject: bool = False  # the article gives the quote as the cable's title ("a cable titled", "titulaba")
    classification: str | None = None  # the marking the article gives the cable ("a secret cable": SECRET)

    @property
    def empty(self) -> bool:
        return self.speaker is None and self.date_text is None and self.classification is None


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
    # why the article does not offer it as a cable's words (a public statement, a scare quote, a title,
    # a classification marking), or '' (`pipeline.standing`); counts only when no passage holds it
    not_cable: str = ""
    # the language the article's own words are written in (its quotations left out): a quote too short
    # to tell its own language ("Es dado a gritar a los embajadores") is most likely in it
    article_language: Language | None = None


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


class OpTag(str, Enum):
    """One step of a word alignment."""

    EQUAL = "equal"  # the same word (its key), maybe with cosmetic differences
    REPLACE = "replace"  # other words in the quote than in the source
    INSERT = "insert"  # words in the quote only
    DELETE = "delete"  # words in the source only


@dataclass(frozen=True)
class Op:
    tag: OpTag
    q1: int  # quote token range
    q2: int
    p1: int  # paragraph token range
    p2: int


@dataclass(frozen=True)
class Segment:
    """One ellipsis-separated part of a quote, as token index range, with its aligned ops."""

    q1: int
    q2: int
    ops: tuple[Op, ...]
    ellipsis_before: str  # the ellipsis as written before this segment ("" for the first)


@dataclass(frozen=True)
class QuoteTokens:
    """A quote's text prepared for alignment: its tokens, which are bracketed (the article's own
    words), and its ellipsis-separated segments (token ranges and the ellipsis before each)."""

    text: str
    tokens: list[Token]
    bracketed: list[bool]
    segments: list[tuple[int, int, str]]

    def segment_texts(self) -> list[str]:
        """The segments' text to search for; letters the article put in brackets inside a word lose the
        brackets ("travel[s]" is searched as "travels", "[t]he" as "the")."""
        return [IN_WORD_BRACKETS.sub(lambda m: m.group(1) or m.group(2), self.text[self.tokens[a].start : self.tokens[b - 1].end])
                for a, b, _ in self.segments] or [self.text]


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


class ArticleTier(str, Enum):
    """Where the article quotes a candidate source elsewhere, in longer quotes."""

    NONE = ""
    CABLE = "cable"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True)
class Evidence:
    """Why (or why not) one paragraph is the source of a low-information quote (`pipeline.context`)."""

    occurrences: int  # paragraphs that hold the words (that quote them, when this one quotes them)
    expected: float  # paragraphs expected to hold (or quote) them by chance, in a corpus of this size
    quoted: bool  # this paragraph puts the words in quotation marks
    overlap: float  # share of the context's information (IDF-weighted) this paragraph holds
    p_context: float  # chance that a random paragraph fits the context at least as well
    p_article: float  # chance that a random paragraph lies where the article's longer quotes come from
    article_tier: ArticleTier
    p_phrase: float = 1.0  # chance that a phrase like this one, written without the corpus, stands in it
    # chance that a random paragraph fits what the article claims about the quote as well: lies in a
    # cable signed by the person the article says wrote it, or holds a name its sentence gives
    p_claim: float = 1.0
    claim_reason: str = ""

    @property
    def pointer(self) -> float:
        """The strongest of the evidence beyond the words: context, the article's other quotes, its claims."""
        return min(self.p_context, self.p_article, self.p_claim)

    @property
    def chance(self) -> float:
        """Expected number of paragraphs that would fit this well by accident: by the words around the
        quote, the article's other quotes and its claims, or by the phrase's own improbability."""
        return min(self.expected * self.pointer, self.p_phrase)

    def describe(self) -> str:
        held = f"{'quote' if self.quoted else 'hold'} these words"
        reasons = []
        if self.article_tier is not ArticleTier.NONE:
            reasons.append(f"the article quotes this {self.article_tier.value} elsewhere")
        if self.p_context < 1.0:
            reasons.append(f"the article's context fits it better than {1 - self.p_context:.1%} of the corpus")
        if self.p_claim < 1.0 and self.claim_reason:
            reasons.append(self.claim_reason)
        if self.p_phrase < 1.0:
            reasons.append(f"a phrase like this stands in a corpus of this size by chance with a probability of "
                           f"{self.p_phrase:.1%}")
        why = " and ".join(reasons) or "nothing around the quote points to it"
        odds = (f"a coincidence has a chance of about {self.chance:.1%}" if self.chance < 1
                else f"about {self.chance:.0f} paragraphs would fit as well by coincidence")
        return f"short quote: {self.occurrences} paragraph(s) {held}; {why} ({odds})"


@dataclass(frozen=True)
class Candidate:
    """One aligned candidate source with what `decide` weighs besides the words."""

    alignment: Alignment
    attribution: AttributionCheck | None  # the article's claim checked against this cable
    article_tier: ArticleTier  # the article quotes this cable (or paragraph) elsewhere
    order: tuple[str, ...]  # breaks exact ties: the earliest cable first (the one the others repeat)
    evidence: Evidence | None = None  # for a low-information quote: is it more than a chance hit?

    @property
    def claim_fit(self) -> float:
        """-1 (the attribution contradicts the cable), 0 (nothing to say), 1 (it fits)."""
        a = self.attribution
        return 0.0 if a is None or a.ok is None else (1.0 if a.ok else -1.0)


@dataclass(frozen=True)
class Decision:
    """What `decide` (or the paraphrase stage) concluded for one quote."""

    verdict: Verdict
    score: float
    source: Alignment | None
    candidates: tuple[Alignment, ...]
    ambiguous: bool
    discrepancies: tuple[Discrepancy, ...]
    note: str = ""


@dataclass(frozen=True)
class ArticleMeta:
    """What an article says about itself: its headline, outlet, author and date, when it says so
    (an HTML page's metadata, or the first lines of a text file)."""

    headline: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) where it could be read as a date, else as printed

    @property
    def empty(self) -> bool:
        return not (self.headline or self.outlet or self.author or self.date)

    def byline(self, name: str = "") -> str:
        """Outlet · author · date, and the file name when a headline stands for it."""
        return " · ".join(x for x in (self.outlet, self.author, self.date, name if self.headline else None) if x)

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("headline", self.headline), ("outlet", self.outlet), ("author", self.author),
                                  ("date", self.date)) if v}


@dataclass(frozen=True)
class Provenance:
    """What made a result: the package's version and the corpus's content fingerprint
    (`store.schema.fingerprint`). Two results with the same provenance and article text are the same."""

    compare: str
    corpus: str

    def as_dict(self) -> dict[str, str]:
        return {"compare": self.compare, "corpus": self.corpus}


@dataclass(frozen=True)
class QuoteResult:
    quote: Quote
    decision: Decision
    attribution: AttributionCheck | None
    article_text_repaired: bool = False
    language: Language | None = None  # when detected
    article_meta: ArticleMeta = field(default_factory=ArticleMeta)
    article_path: str = ""  # the article's path relative to the batch's root (a batch sets it)
    article_sha256: str = ""  # SHA-256 of the article file's bytes (a batch sets it)
    provenance: Provenance | None = None

    @property
    def verdict(self) -> Verdict:
        return self.decision.verdict

    @property
    def score(self) -> float:
        return self.decision.score

    @property
    def source(self) -> Alignment | None:
        return self.decision.source

    @property
    def candidates(self) -> tuple[Alignment, ...]:
        return self.decision.candidates

    @property
    def ambiguous(self) -> bool:
        return self.decision.ambiguous

    @property
    def discrepancies(self) -> tuple[Discrepancy, ...]:
        return self.decision.discrepancies

    @property
    def note(self) -> str:
        """Why the verdict: a quote that is not a cable's words says so first (JSON `note`)."""
        return "; ".join(dict.fromkeys(x for x in (self.not_a_cable_quote, self.decision.note) if x))  # each once

    @property
    def not_a_cable_quote(self) -> str:
        """Why the quote is not a cable's words (a public statement, the article's own words), or ''.
        Only for a quote no passage supports: a quote found in the corpus stays found."""
        return self.quote.not_cable if self.source is None else ""

    @property
    def misattributed(self) -> bool:
        """The article's attribution contradicts the source cable (the one place this is decided)."""
        return self.attribution is not None and self.attribution.ok is False


@dataclass(frozen=True)
class Article:
    name: str
    text: str  # decoded, mojibake repaired, HTML reduced to text
    repaired: bool
    sha256: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)

    @property
    def title(self) -> str:
        """How an editor knows the article: its headline, else its file name."""
        return self.meta.headline or self.name
