"""Does the article's attribution fit the cable? Compare the claim (speaker, date) with the cable's
signer, classified-by, date, and the people the paragraph reports as speaking the quoted words.
"""

from __future__ import annotations

import re

from ..lexicon import REPORTING_VERB_RE
from ..model import Alignment, AttributionCheck, Cable, Claim
from ..tokens import fold
from ..weights import MIN_WORD_CHARS, SPELLED_MIN_SOUNDS
from . import words

SPEECH = REPORTING_VERB_RE
# possessive (++): a name's word is followed by white space, never by a word character, so giving
# characters back never helps; a run of 100,000 capitals is then one pass per start
CLAUSE_RE = re.compile(
    r"(?P<who>(?<![\w’'-]{64})(?:[A-Z][\w’'-]++\s+){0,3}[A-Z][\w’'-]++|\b[Hh]e|\b[Ss]he|\b[Tt]hey)"
    r"(?P<more>(?:\s+and\s+(?:[A-Z][\w’'-]++\s+)*[A-Z][\w’'-]++)?)\s+(?:also\s+|then\s+|went on to\s+)?(?:" + SPEECH + r")\b"
)
TITLES = {"dni", "ambassador", "amb", "president", "secretary", "general", "gen", "deputy", "undersecretary",
          "mr", "ms", "mrs", "dr", "the", "us", "u", "s", "director", "minister", "counselor", "political",
          "charge", "d", "affaires", "nas", "chief", "of", "mission", "senator", "sen"}  # fmt: skip
PRONOUNS = {"he", "she", "they"}


def _surnames(name: str | None) -> set[str]:
    if not name:
        return set()
    # a redacted name (XXXXXXXXXXXX) is anyone's, the article's speaker's too: no surname to compare
    found = [fold(w) for w in re.findall(r"[^\W\d_]+", name) if not words.REDACTION_RE.match(w)]
    return {w for w in found if w not in TITLES and len(w) >= MIN_WORD_CHARS}


def _spelled(name: str) -> str:
    """A surname as it sounds, so that one person's spellings meet (Suleiman, Soliman, Soleiman: the
    name folding of the discrepancy stage); a short name stays as written."""
    key = words.skeleton(name)
    return key if len(key) >= SPELLED_MIN_SOUNDS else name


def _meet(a: set[str], b: set[str]) -> bool:
    """Two sets of surnames share a person, however the article and the cable spell the name."""
    return bool(a & b) or bool({_spelled(x) for x in a} & {_spelled(x) for x in b})


def signed_by(claim: Claim, cable: Cable) -> bool:
    """The article names the cable's signer (or its classifying officer) as the quote's speaker,
    however either spells the name: evidence that the cable is the source of a short quote."""
    return _meet(_surnames(claim.speaker), _surnames(cable.signer) | _surnames(cable.classified_by))


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    # Not `compare.sentences`: a sentence here starts only at a capital or a quotation mark after the stop
    # ("the U.S. embassy" does not end one), and the span's own stops are left out of the search.
    lo = max((m.end() for m in re.finditer(r"[.!?][”\"’']?\s+(?=[A-Z“\"])", text[:start])), default=0)
    m = re.search(r"[.!?][”\"’']?(?:\s+|$)", text[end:])
    return lo, end + m.end() if m else len(text)


def speakers(alignment: Alignment, exact: bool = True) -> tuple[set[str], bool, bool]:
    """(names reported as speaking the words, the words are the author's narration, a pronoun speaks).
    Not `exact` (a translation's window: the sentence the quote renders, not its span), a tag inside the
    window names a speaker like one beside it, and nothing is taken for the author's narration."""
    text, start, end = alignment.paragraph_text, alignment.start, alignment.end
    lo, hi = _sentence_bounds(text, start, end)
    names: set[str] = set()
    narration = pronoun = False
    for m in CLAUSE_RE.finditer(text, lo, hi):
        who = m.group("who") + m.group("more")
        inside = start <= m.start() < end
        quoted_tag = inside and bool(re.search(r"[”\"]\s*,?\s*$", text[max(lo, m.start() - 4) : m.start()]))
        if inside and not quoted_tag and exact:
            narration = True
            continue
        if fold(m.group("who")) in PRONOUNS:
            pronoun = True
        names |= _surnames(who)
    if pronoun:
        # "he said": the people the paragraph names before the words may be the speaker
        for m in CLAUSE_RE.finditer(text, 0, start):
            names |= _surnames(m.group("who") + m.group("more"))
    return names, narration and not names, pronoun


def _date_fit(claim: Claim, cable_date: str | None) -> tuple[bool | None, str]:
    if (claim.month is None and claim.year is None) or not cable_date:
        return None, ""
    y, mo, d = (int(x) for x in cable_date.split("-"))
    ok = ((claim.month is None or claim.month == mo) and (claim.year is None or claim.year == y)
          and (claim.day is None or abs(claim.day - d) <= 1))
    if ok:
        return True, f"the cable is dated {cable_date}, as the article says ({claim.date_text})"
    return False, f"the article dates it {claim.date_text!r}, but the cable is dated {cable_date}"


def date_fits(claim: Claim, cable_date: str | None) -> bool | None:
    """Whether a cable of `cable_date` fits the date the article gives (None: nothing to compare)."""
    return _date_fit(claim, cable_date)[0]


def _classification_fit(claim: Claim, cable: Cable) -> tuple[bool | None, str]:
    """The marking the article gives the cable ("um telegrama secreto") against the cable's own."""
    if not claim.classification or not cable.classification:
        return None, ""
    marking = re.split(r"[/\s]", cable.classification.strip().upper())[0]
    if marking == claim.classification:
        return True, f"the cable is marked {cable.classification}, as the article says"
    return False, f"the article calls the cable {claim.classification.lower()}, but it is marked {cable.classification}"


def _post_names(cable: Cable) -> set[str]:
    """The words of the post that sent the cable ("Embassy Tegucigalpa", 09TEGUCIGALPA645)."""
    post = re.match(r"\d{2}([A-Z]+)", cable.id)
    return _surnames(cable.origin) | ({fold(post.group(1))} if post else set())


def check(claim: Claim, cable: Cable, alignment: Alignment, exact: bool = True) -> AttributionCheck | None:
    """`exact`: the alignment spans the quote's own words (not a translation's window, `speakers`)."""
    if claim.empty:
        return None
    reported, narration, pronoun = speakers(alignment, exact)
    authors = _surnames(cable.signer) | _surnames(cable.classified_by)
    verdicts: list[tuple[bool | None, str]] = [_date_fit(claim, cable.date), _classification_fit(claim, cable)]
    who = _surnames(claim.speaker)
    if who and who <= _post_names(cable):
        who = set()  # "Tegucigalpa reported": the embassy that sent the cable, not a person
    if who:
        name = claim.speaker
        if _meet(who, authors):
            verdicts.append((True, f"{name} signed or classified the cable"))
        elif claim.authorship and _surnames(cable.signer):
            # only the signature contradicts a named writer: a cable classified by a counselor still goes
            # out in the chief of mission's name
            verdicts.append((False, f"the article says {name} wrote it, but the cable was signed by {cable.signer}"))
        elif _meet(who, reported):
            verdicts.append((True, f"the cable reports {name} saying these words"))
        elif narration and cable.signer:
            verdicts.append((False, f"these are the cable author's own words ({cable.signer}), not {name}'s"))
        elif reported and not pronoun:
            verdicts.append((False, f"the cable gives these words to {', '.join(sorted(reported)).title()}, not {name}"))
        elif pronoun and any(re.search(rf"\b{re.escape(w)}\b", fold(alignment.paragraph_text[: alignment.start]))
                             for w in who):
            # "he said" in the cable, and the paragraph names the article's speaker before the words
            verdicts.append((None, f"the cable gives these words to “he”, and names {name} just before them"))
        else:
            verdicts.append((None, f"cannot tell from the cable whether {name} said this"))
    decided = [v for v in verdicts if v[0] is not None]
    ok = None if not decided else all(v[0] for v in decided)
    why = "; ".join(w for v, w in verdicts if w and (ok is None or v == ok))
    return AttributionCheck(
        claim=claim,
        cable_signer=cable.signer,
        cable_classified_by=cable.classified_by,
        cable_date=cable.date,
        source_speakers=tuple(sorted(reported)),
        ok=ok,
        why=why,
    )
