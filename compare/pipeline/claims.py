"""What an article claims about a quotation's source: who said or wrote it, and when the cable was
sent. Read from the article's own words around the quotation (its sentence, with every quotation in
it masked), in English ("Ambassador Pascual wrote in a Dec. 17 cable") or in Spanish ("escribió el
embajador Carlos Pascual", "un cable de marzo de 2010", "firmado por el encargado de negocios
Brown"). A dateline or an event's date is no claim about the cable.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ..lexicon import (
    ANOTHER_DOCUMENT,
    AUTHOR_VERBS,
    DEFINITE_DETERMINERS,
    DESCRIBED_VERBS,
    DIPLOMAT_TITLES,
    DOCUMENT_NOUNS,
    MEDIA_VERBS,
    MONTH_NUMBER,
    MONTH_RE,
    NAME_TITLES,
    OBJECT_VERBS,
    PASSIVE_AUXILIARIES,
    RELAY_RE,
    SIGNED_BY_LANGUAGE,
    SIGNED_BY_NAME_FIRST,
    SPANISH_AUTHOR_VERBS,
    SPANISH_DIPLOMAT_TITLES,
    SPANISH_MEDIA_VERBS,
    SPANISH_SPEECH_VERB_RE,
    SPEECH_VERBS_BY_LANGUAGE,
    TITLE_WORDS,
    WRITING_VERBS_BY_LANGUAGE,
    everyday_english,
    month_numbers,
    stop_words,
)
from ..lexicon import SPEECH_VERB_RE as SPEECH_VERBS
from ..model import Claim, Language
from ..weights import CUE_WINDOW, DOCUMENT_REFERENCE_WINDOW, NAME_WINDOW, TITLE_MIN_WORDS
from . import entities, tags

DATE_RE = re.compile(MONTH_RE + r"(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d{2}))?")
_DATE = r"(?P<date>" + DATE_RE.pattern + r"|(?P<year_only>(?:19|20)\d{2})\b)"
_DOC = r"(?:cable|dispatch|memo|memorandum|assessment|document|message|report|telegram|analysis|note)s?"
DOCUMENT_DATE_RES = tuple(re.compile(p, re.I if i else 0) for i, p in enumerate([
    r"\b(?:a|an|the|one|his|her|its|their|that|this|in|[Aa]nother)\s+" + _DATE + r"\s+" + _DOC + r"\b",
    r"\b" + _DOC + r"\s+(?:was\s+|were\s+)?(?:dated|sent|written|signed|filed|issued|from)\s+(?:on\s+|in\s+)?" + _DATE,
    r"\bdated\s+(?:on\s+)?" + _DATE,
    r"\b(?:wrote|cabled|reported|warned|noted|added|said|signed)\s+(?:on\s+|in\s+)" + _DATE,
    # "wrote the current ambassador, Alan Solomont, in June 2009"
    r"\b(?:wrote|cabled|reported|signed)\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,4}?[\w.’'-]+,\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+,\s+(?:on|in)\s+" + _DATE,
    r"\b(?:in|on)\s+" + _DATE + r",?\s+(?:the\s+)?(?:ambassador|embassy|diplomats?|officials?|consulate)\b[^.]{0,40}?\b(?:wrote|cabled|reported)\b",
]))
# A name starts within the first 64 characters of a word (a run of 100,000 capitals is not tried from
# each of them: linear)
NAME_RE = re.compile(r"(?<![\w’'.-]{64})(?:[A-ZÁÉÍÓÚÑ][\w’'.-]*\s+){0,3}[A-ZÁÉÍÓÚÑ][\w’'-]*[a-zá-ú]")


# bounded repeats: each try reads at most a few hundred characters, so a scan stays linear
RELATIVE_RE = re.compile(r",\s{0,3}(?:who|which|whose|whom)\b[^,]{0,200}(?:,[^,]{0,200})?,\s{0,3}$")
INTRODUCING_NAME_RE = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]{0,40}\s{1,3}){0,2}[A-Z][\w’'-]{0,40})\s{0,3}:\s{0,3}$")

def _tail(text: str, width: int, lo: int = 0, hi: int | None = None) -> int:
    """Where the last `width` characters of `text[lo:hi]` (its trailing white space not counted) begin,
    moved back to the white space before a word: the part of a long sentence in which a speaker's name
    next to the quotation, or next to its speech verb, is looked for (bounded work per quotation). An
    offset in `text`; `lo` and `hi` spare the caller a copy of the sentence (a copy per quotation of a
    long sentence is quadratic)."""
    end = len(text) if hi is None else hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    at = end - width
    if at <= lo:
        return lo
    lim = max(lo, at - 64)  # a word longer than this is cut where the window starts
    while at > lim and not text[at - 1].isspace():
        at -= 1
    return at if at == lo or text[at - 1].isspace() else end - width


def _name(words: str, sentence: str, masked: str, language: str | None = None) -> str | None:
    """The last run of capitalised words in `words` (part of `sentence`, of the article `masked`) that
    keeps a word of a name once the words that are no part of one (`_not_name`) are left out."""
    for m in reversed(list(NAME_RE.finditer(words, _tail(words, NAME_WINDOW)))):
        if re.search(r"[’']s$", m.group()):
            continue
        run = m.group().split()
        initial = _first_word(sentence) == run[0]
        modifier = re.match(r"\s+[a-z]", words[m.end() : m.end() + 2]) is not None  # "State Department officials"
        parts = [w for k, w in enumerate(run)
                 if not _not_name(w, (k, len(run)), (initial and k == 0, modifier), sentence, masked, language)]
        if parts:
            return " ".join(parts)
    return None


# The tags read after a quotation, matched in the article itself from the closing mark on (no copy of
# the rest of a sentence per quotation: linear in the quotations of a long sentence). Only ever tried at
# one place (`match`). The white space before a tag is taken whole (`\s*+`, a word follows it): `\s*,?\s*`
# split a run of spaces every way (quadratic), and a speaker free to start with a space cubic (a quotation
# followed by 250 spaces took 7 s).
# (the speaker: words apart by at most three spaces, so that a long run of spaces after a name is
# scanned a bounded number of times, not once per character: "said Pascual" and 100,000 spaces)
VERB_THEN_WHO = re.compile(r"\s*+(?:,\s*+)?(?P<verb>" + SPEECH_VERBS + r")\s+(?P<who>[^,.;\"“”Q\s]++(?:\s{1,3}[^,.;\"“”Q\s]++)*?)"
                           r"(?=\s+(?:in|on|at|to|during|about)\b|\s*[,.;]|\s*$)")
WHO_THEN_VERB = re.compile(
    r"\s*+(?:,\s*+)?(?P<who>[^,.;\"“”Q\s][^,.;\"“”Q]{0,59}?)\s++(?:also\s++)?(?P<verb>" + SPEECH_VERBS + r"|was quoted as saying)\b(?P<rest>[^.;\"“”Q]*)"
)
# a verb whose object follows it, within the words before a later speech verb ("described President
# Hugo Chávez as “…” and said"): the capitalised words after it are whom the words are about
OBJECT_VERB = re.compile(r"\b(?:" + DESCRIBED_VERBS["en"] + "|" + OBJECT_VERBS + r")\s+(?:\w+\s+){0,2}?(?=[A-Z])")
APPOSED_NAME = re.compile(r"\s*+,\s*+(" + NAME_RE.pattern + r")\s*(?=[,.;]|\s+(?:in|on)\b)")
IN_A_CABLE = re.compile(r"\bin (?:the|a|his|her|one)\b[^.]{0,30}\b(?:cable|dispatch|memo)\b")


def _first_word(sentence: str) -> str:
    m = re.match(r"[^\w]{0,50}([\w’'.-]+)", sentence)
    return m.group(1) if m else ""


def _not_name(  # noqa: PLR0911
    word: str, at: tuple[int, int], place: tuple[bool, bool], sentence: str, masked: str, language: str | None
) -> bool:
    """A capitalised word (`at` = (k, n): the k-th of a run of n; `place` = (first in its sentence, the
    run followed by a word in lower case)) beside a speaker's name that is no part of it: a possessive
    ("Clinton's"), a date, a cable's noun; a function word (spaCy's stop words: "The", "Its"), a day or
    a month, a title (`NAME_TITLES`: "Ambassador", "Sen."); a word the sentence's entities give to a
    place or a people ("Mexico", "Mexican"); a word the article also writes in lower case ("Officials"
    and "officials"), unless it ends a name of several words (the surname of "Condoleezza Rice" in an
    article about rice); and, in English, a common word (wordfreq) the entities give to no person,
    where no surname stands: before the run's last word ("Foreign Minister Moratinos"), not "said
    Brown", or given to an organisation whose name stands before a noun ("State Department officials
    asked"); first in its sentence, where a capital says nothing ("Critics in Congress"), that and a
    word the tagger reads as no proper noun ("Diplomats wrote"). A word the entities give to a person,
    and an initial, are kept."""
    code = language or "en"
    if (DATE_RE.fullmatch(word.rstrip(",")) or re.search(r"[’']s$|\d", word)
            or re.fullmatch(DOCUMENT_NOUNS.get(code, DOCUMENT_NOUNS["en"]), word, re.I)
            or re.fullmatch(DOCUMENT_NOUNS["en"], word, re.I)):
        return True
    if re.fullmatch(r"[^\W\d_]\.", word):
        return False  # an initial ("E. Anthony Wayne"), not the word "e" or "a"
    bare = word.rstrip(".,").casefold()
    if (bare in stop_words(code) or (code != "es" and bare in stop_words("en")) or bare in NAME_TITLES["en"]
            or bare in NAME_TITLES.get(code, frozenset()) or bare in _calendar(code)):
        return True
    orgs: frozenset[str] = frozenset()
    if code != "es":  # the English entity model reads English and the names of other Latin-script text
        people, others, orgs = entities.word_roles(sentence)
        if word in people:
            return False
        if word in others:
            return True
    k, n = at
    initial, modifier = place
    if (k < n - 1 or n == 1) and bare in _lower_case_words(masked):
        return True
    if code == "en" and initial and word not in tags.proper_nouns(sentence):
        return True  # first in its sentence, where a capital says nothing: "Diplomats wrote", "Shortly"
    return code == "en" and (initial or k < n - 1 or (modifier and word in orgs)) and everyday_english(bare)




@lru_cache(maxsize=8)
def _calendar(language: str) -> frozenset[str]:
    """A language's names of days and months, whole and abbreviated, in lower case (the standard
    library's calendar for English, CLDR through babel for the others)."""
    if language == "en":
        import calendar

        names = [*calendar.day_name, *calendar.day_abbr, *calendar.month_name, *calendar.month_abbr]
    else:
        from babel.dates import get_day_names, get_month_names

        names = [n for width in ("wide", "abbreviated") for get in (get_day_names, get_month_names)
                 for n in get(width, locale=language).values()]
    return frozenset(n.rstrip(".").casefold() for n in names if n)


PASSIVE_BEFORE = re.compile(r"\b(?:" + PASSIVE_AUXILIARIES + r")\s+(?:\w+ly\s+)?$", re.I)


def _english(masked: str, open_mark: int, end: int, lo: int, hi: int, language: str | None = None) -> Claim:
    sentence = _sentence(masked, lo, hi)
    speaker = verb = cue = None
    authorship = False
    start = end + 1  # where the words after the quotation begin; they end at `hi`
    m = VERB_THEN_WHO.match(masked, start, hi)
    m2 = WHO_THEN_VERB.match(masked, start, hi)
    if m:
        who, verb, cue = m.group("who"), m.group("verb"), masked[start : m.end()].strip(" ,")
        apposed = APPOSED_NAME.match(masked, m.end(), hi)
        if _name(who, sentence, masked, language) is None and apposed:  # "wrote the current ambassador, Alan Solomont, in June 2009"
            who, cue = apposed.group(1), masked[start : apposed.end()].strip(" ,")
    elif m2:
        who, verb, cue = m2.group("who"), m2.group("verb").split()[0], masked[start : m2.end()].strip(" ,")
    else:
        before = masked[lo:open_mark]
        vm = _last_verb(sentence, len(before))
        if vm and PASSIVE_BEFORE.search(before[: vm[0]]):
            vm = None  # "Calderón was declared president": the subject of a passive speaks no words
        who = None
        if vm:
            verb = vm[2]
            head = before[: vm[0]]
            # "The Spanish leader, who relayed … to Ambassador Eduardo Aguirre, said": the subject stands
            # before the relative clause, not inside it
            relative = RELATIVE_RE.search(head, max(0, len(head) - NAME_WINDOW))
            head = head[: relative.start()] + " " if relative else head
            who = head.rsplit(",", 1)[-1] if not _pronoun_at_end(head) else head
            if (obj := OBJECT_VERB.search(who)) is not None:
                # "Levitte described President Hugo Chávez as “…” and said that": the name after a verb is
                # its object; the speaker stands before that verb
                head = head[: len(head) - len(who) + obj.start()]
                who = head
            if _name(who, sentence, masked, language) is None:
                who = head
            cue = (" ".join(f"{who} {verb}".split()) if relative else
                   before[vm[0] - len(who) if len(who) < vm[0] else 0 : vm[1]].strip())
        else:
            # a name that introduces the quote ("Pascual: “…”"); a name right before the quote without a
            # colon is what is spoken of ("called the raid that killed Arturo Beltran Leyva “…”")
            nm = INTRODUCING_NAME_RE.search(before, _tail(before, NAME_WINDOW))
            if nm:
                who, cue = nm.group(1), nm.group(1)
    if who is not None and not re.search(r"(?<![\w'’-])[A-Z][\w'’-]*+\s++(?:" + _document_nouns(language) + r")\b",
                                         who[-NAME_WINDOW:]):
        # ("WikiLeaks cables said": the cables speak, not the name before them; "the dispatch from Clinton
        # asked" names its writer)
        speaker = _name(who, sentence, masked, language)
        if speaker and " " not in speaker and _written_in_lower_case(speaker, masked):
            speaker = None  # "Officials said": a word the article also writes in lower case is no name
        if speaker and not entities.is_person(speaker, sentence):
            speaker = None  # "Rome said", "reports the Guardian": a place or an outlet is no speaker
        if speaker and verb and verb.lower() in MEDIA_VERBS and re.search(
                r"['’]s\s{1,3}" + re.escape(speaker) + r"\b", who[-NAME_WINDOW:]):
            speaker = None  # "the UK's Guardian reports": what a place owns and reports is an outlet
    if verb in AUTHOR_VERBS or IN_A_CABLE.search(masked, start, min(hi, start + 80)):
        authorship = True
    if speaker is None and verb is None:
        cue = None
    date_text, year, month, day = _document_date(sentence)
    return Claim(speaker, verb, authorship, date_text, year, month, day, cue,
                 _titled(masked, open_mark, end, lo, hi, _subject_rx(language)))


class _Sentences:
    """The sentence strings of the last article read, one object each: the caches below then hash a
    sentence once, not once per quotation in it."""

    masked: str | None = None
    found: dict[tuple[int, int], str] = {}


@lru_cache(maxsize=2)
def _lower_case_words(masked: str) -> frozenset[str]:
    """The words the article writes in lower case (once per article: linear)."""
    return frozenset(re.findall(r"(?<![\w’'.-])[a-zß-öø-ÿ][\w’'-]*", masked))


def _sentence(masked: str, lo: int, hi: int) -> str:
    if _Sentences.masked is not masked:
        _Sentences.masked, _Sentences.found = masked, {}
    if (lo, hi) not in _Sentences.found:
        _Sentences.found[(lo, hi)] = masked[lo:hi]
    return _Sentences.found[(lo, hi)]


# What depends on a quotation's sentence alone is found once per sentence (many quotations share one):
# the work per quotation stays bounded however many quotations a sentence holds.

@lru_cache(maxsize=64)
def _verbs(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """The speech verbs of a sentence (start, end, verb), `that` after one taken in."""
    return tuple((m.start(), m.end(), m.group("verb"))
                 for m in re.finditer(r"\b(?P<verb>" + SPEECH_VERBS + r")\b(?:\s+that)?", sentence))


@lru_cache(maxsize=64)
def _verb_ends(sentence: str) -> tuple[int, ...]:
    return tuple(e for _, e, _ in _verbs(sentence))


def _last_verb(sentence: str, before: int) -> tuple[int, int, str] | None:
    """The last speech verb in the sentence's first `before` characters (the words before a quotation
    mark, which no verb runs over): a bisection in the sentence's verbs, found once."""
    k = bisect_right(_verb_ends(sentence), before) - 1
    return _verbs(sentence)[k] if k >= 0 else None


def _pronoun_at_end(head: str) -> bool:
    """`re.search(r"\\b(?:he|she)\\s*$", head)`, looking back from the end only."""
    return PRONOUN_AT_END.search(head, _tail(head, 8)) is not None


PRONOUN_AT_END = re.compile(r"\b(?:he|she)\s*$")


@lru_cache(maxsize=256)
def _written_in_lower_case(speaker: str, masked: str) -> bool:
    return re.search(r"\b" + re.escape(speaker.lower()) + r"\b", masked) is not None


QUOTATION_MARKS = re.compile("[\"“”„«»]")


def _titled(masked: str, open_mark: int, end: int, lo: int, hi: int, rx: re.Pattern[str]) -> bool:
    """Whether the article gives this quotation as a cable's title: a word for a title ("titled", "se
    titula") before it or after it in its sentence, with no other quotation between ("en un punto
    titulado “Socio incómodo”, la embajada escribe: “…”": the title is the first quotation, not the
    second). Within `CUE_WINDOW` of the quote: bounded work per quote."""
    before = masked[max(lo, open_mark - CUE_WINDOW) : open_mark]
    last = None
    for last in rx.finditer(before):  # noqa: B007 - the last one is wanted
        pass
    if last is not None and not QUOTATION_MARKS.search(before, last.end()):
        return True
    after = masked[end + 1 : min(hi, end + 1 + CUE_WINDOW)]
    first = rx.search(after)
    return first is not None and not QUOTATION_MARKS.search(after, 0, first.start())


DateClaim = tuple[str | None, int | None, int | None, int | None]  # as written, year, month, day


@lru_cache(maxsize=64)
def _date(sentence: str, patterns: tuple[re.Pattern[str], ...], month_of: Callable[[str], int]) -> DateClaim:
    """The date the article gives the cable itself, by the first of `patterns` that finds one
    (`month_of`: a month as the pattern matched it, to its number)."""
    for rx in patterns:
        m = rx.search(sentence)
        if m is None:
            continue
        d = m.groupdict()
        if d.get("mon") == "May" and not (d.get("day") or d.get("year")):
            continue  # "May" alone is the verb as often as the month
        year = d.get("year") or d.get("year_only")
        return (m.group("date").strip(), int(year) if year else None,
                month_of(d["mon"]) if d.get("mon") else None, int(d["day"]) if d.get("day") else None)
    return None, None, None, None


def _document_date(sentence: str) -> DateClaim:
    """In English: "a Jan. 29 cable", "a cable dated Oct. 5, 2009", "a dispatch sent in November of
    2009", "wrote in 2010", "a 2008 memo". A dateline ("Dec. 3") or an event's date ("the September
    2009 elections") is no claim about the cable."""
    return _date(sentence, DOCUMENT_DATE_RES, _english_month)


def _english_month(mon: str) -> int:
    return MONTH_NUMBER[mon[:3].lower()]


# -- Spanish -----------------------------------------------------------------------------------------
_MES = r"(?P<mon>" + "|".join(month_numbers("es")) + r")"
_FECHA = (r"(?P<date>(?:(?P<day>\d{1,2})\s+de\s+)?" + _MES + r"(?:\s+(?:de|del)\s+(?P<year>(?:19|20)\d{2}))?"
          r"|(?P<year_only>(?:19|20)\d{2})\b)")
_DOC_ES = (r"(?:cable|despacho|documento|telegrama|memorando|informe|mensaje|texto|primero|segundo|tercero|"
           r"último|otro|uno)s?")
_SERIAL = r"(?:(?:n(?:[.º°]|úmero)\s*)?\d{3,}\s*,?\s+)?"
SPANISH_DATE_RES = tuple(re.compile(p, 0 if i else re.I) for i, p in enumerate([
    # "un cable de marzo de 2010", "otro cable, del 22 de abril de 2005", "el primero, enviado el 7 de
    # noviembre de 2005", "un cable fechado el 26 de abril", "el cable del 15 de noviembre"
    # the cable's serial number may stand before its date ("otro despacho, el 204117 de marzo del 2007",
    # "el documento 81233 remitido por Garza en junio del 2008"), and who sent it after the participle
    r"\b" + _DOC_ES + r"\s*,?\s+" + _SERIAL + r"(?:(?:fechad|enviad|firmad|escrit|remitid|datad)[oa]s?\s+"
    r"(?:por\s+(?:[^\W\d]+\.?\s+){1,4}?)?)?(?:(?:el|en|a)\s+)?" + _SERIAL + r"(?:del?\s+)?" + _FECHA,
    # "escribió el embajador Hugo Llorens el 24 de julio de 2009", "según escribió ... en agosto de 2005"
    r"\b(?:" + SPANISH_SPEECH_VERB_RE + r")\b[^.;Q]{0,80}?\b(?:el|en)\s+" + _FECHA,
]))
# The article gives the quotation as the cable's title: "lleva por título", "se titula", "titulaba la embajada"
# (not "asunto" or "encabezado": "el asunto" is any matter, "encabezado por" is led by)
# (the words for it in each language: `lexicon.TITLE_WORDS`)
SUBJECT_ES = re.compile(r"\b(?:" + TITLE_WORDS["es"] + r")\b", re.I)


@lru_cache(maxsize=8)
def _subject_rx(language: str | None) -> re.Pattern[str]:
    """The words that give a quotation as a title in the article's language or in English."""
    words = {TITLE_WORDS["en"], TITLE_WORDS.get(str(language), TITLE_WORDS["en"])}
    return re.compile(r"\b(?:" + "|".join(sorted(words)) + r")\b", re.I)
SPANISH_MONTH_NUMBER = month_numbers("es")
_TITLED = r"\s+(?:[a-záéíóúñ]+\s+){0,5}"  # "el embajador ", "la entonces embajadora ", "el encargado de negocios "


def _spanish_date(sentence: str) -> DateClaim:
    return _date(sentence, SPANISH_DATE_RES, _spanish_month)


def _spanish_month(mon: str) -> int:
    return SPANISH_MONTH_NUMBER[mon.lower()]


def _spanish(masked: str, open_mark: int, end: int, lo: int, hi: int) -> Claim:
    """«...», escribió el embajador Carlos Pascual; firmado por Jewell; Pardo insistió: «...»."""
    sentence = _sentence(masked, lo, hi)
    speaker = verb = cue = None
    authorship = False
    signed = _signed(sentence)
    # read in the article itself, between the sentence's bounds and the marks (no copy of the sentence
    # before and after each quotation: linear in the quotations of a long sentence)
    start = end + 1
    tail = TAG_AFTER_ES.match(masked, start, hi)
    head = TAG_BEFORE_ES.search(masked, _tail(masked, NAME_WINDOW, lo, open_mark), open_mark)
    if head:  # the words before the name, after its last comma
        spoken_from, spoken_to = masked.rfind(",", lo, head.start()) + 1 or lo, head.start()
        if SPOKEN_OF_ES.search(masked, _tail(masked, NAME_WINDOW, spoken_from, spoken_to), spoken_to):
            head = None  # "sobre el colombiano Álvaro Uribe, dijo": the name is what is spoken of, not who speaks
    if signed:
        speaker, verb, authorship, cue = signed.group("who"), "firmado", True, signed.group()
    elif tail:
        speaker, verb, cue = tail.group("who"), tail.group("verb"), masked[start : tail.end()].strip(" ,:")
    elif head:
        speaker, verb, cue = head.group("who"), head.group("verb"), head.group().strip()
    if verb is not None and verb.lower() in SPANISH_AUTHOR_VERBS:
        # "informó Clarín basado en reportes de Le Monde": a newspaper reports too; "informó" or
        # "reportó" make a writer of the cable only someone given a title or a full name
        titled = cue is not None and DIPLOMAT_TITLE_ES.search(cue)
        authorship = (verb.lower() not in SPANISH_MEDIA_VERBS or bool(titled)
                      or (speaker is not None and len(speaker.split()) > 1))
    if speaker is not None:
        run = speaker.split()
        parts = [w for k, w in enumerate(run) if not _not_name(w, (k, len(run)), (False, False), sentence, masked, "es")]
        speaker = " ".join(parts) or None
    date_text, year, month, day = _spanish_date(sentence)
    return Claim(speaker, verb, authorship, date_text, year, month, day, cue if speaker or date_text else None,
                 _titled(masked, open_mark, end, lo, hi, SUBJECT_ES))


@lru_cache(maxsize=64)
def _signed(sentence: str) -> re.Match[str] | None:
    return re.search(r"\bfirmad[oa]\s+por" + _TITLED + r"(?P<who>" + NAME_RE.pattern + ")", sentence)


PREPOSITIONS_ES = ("sobre", "de", "del", "a", "al", "con", "para", "contra", "ante", "hacia", "según", "por", "entre",
                   "sin", "tras", "acerca", "desde", "hasta")  # fmt: skip
TAG_AFTER_ES = re.compile(r"\s*+(?:[,:]\s*+)?(?:según\s++)?(?:le\s++|les\s++)?(?P<verb>" + SPANISH_SPEECH_VERB_RE + r")\b"
                          + _TITLED + r"(?P<who>" + NAME_RE.pattern + ")")
TAG_BEFORE_ES = re.compile(r"(?P<who>" + NAME_RE.pattern + r")\s*,?\s+(?:le\s+|les\s+|también\s+|luego\s+)?(?P<verb>"
                           + SPANISH_SPEECH_VERB_RE + r")\b[^Q]{0,60}$")
SPOKEN_OF_ES = re.compile(r"\b(?:" + "|".join(PREPOSITIONS_ES) + r")\s+(?:[a-záéíóúñ]+\s+){0,3}$")
DIPLOMAT_TITLE_ES = re.compile(r"\b(?:" + "|".join(SPANISH_DIPLOMAT_TITLES) + r")\b", re.I)


# -- Portuguese, French, German (and Spanish "tiene fecha de …"): the date an article gives a cable --------
@lru_cache(maxsize=8)
def _month_names(language: str) -> dict[str, int]:
    """The language's month names (CLDR, through babel) to their numbers: "junho" -> 6, "März" -> 3."""
    from babel.dates import get_month_names

    return {name.casefold(): k for k, name in get_month_names("wide", locale=language).items()}


@lru_cache(maxsize=8)
def _dated_res(language: str) -> tuple[re.Pattern[str], ...]:
    months = "|".join(sorted(_month_names(language), key=len, reverse=True))
    date = (r"(?P<date>(?:(?P<day>\d{1,2})\.?\s+(?:de\s+)?)?(?P<mon>" + months + r")(?:\s+(?:de\s+|del\s+)?"
            r"(?P<year>(?:19|20)\d{2}))?|(?P<year_only>(?:19|20)\d{2})\b)")
    doc = DOCUMENT_NOUNS.get(language, DOCUMENT_NOUNS["en"])
    verbs = "|".join(re.escape(v) for v in SPEECH_VERBS_BY_LANGUAGE.get(language, ()))
    return tuple(re.compile(p, re.I) for p in (
        # "tiene fecha de 25 de junio de 2008", "datado de", "daté du", "vom 3. März 2009"
        r"\b(?:fecha(?:d[oa])?|datad[oa]|com data|dat[ée]e?|datiert|vom)\s+(?:el\s+|de\s+|del\s+|du\s+|em\s+|am\s+)?" + date,
        # "um telegrama secreto de 2009", "une note de juin 2009", "eine Depesche vom Juni 2009"
        r"\b(?:" + doc + r")\s+(?:\w+\s+){0,2}?(?:de|del|do|da|du|d'|vom|aus|von|enviad[oa]|envoy[ée]e?|em|en)\s*(?:el\s+|le\s+)?" + date,
        # "relatou o embaixador Clifford Sobel em janeiro de 2008", "schrieb … im Juni 2009"
        r"\b(?:" + verbs + r")\b[^.;Q]{0,80}?\b(?:em|en|el|in|im|am|le|au)\s+" + date,
    ) if verbs or "verbs" not in p)


@lru_cache(maxsize=8)
def _month_of(language: str) -> Callable[[str], int]:
    """A month as the language writes it to its number: one function per language, so that `_date`'s
    cache finds a sentence read before (a new function per call would miss it every time)."""
    names = _month_names(language)
    return lambda mon: names[mon.casefold()]


def _dated(sentence: str, language: str) -> DateClaim:
    return _date(sentence, _dated_res(language), _month_of(language))


# A cable's classification as an article gives it ("um telegrama secreto", "un cable confidencial",
# "a secret cable"): the marking the cable bears.
CLASSIFIED_AS = {"secret": r"secret[oa]?|secr[eè]te?|geheime?[nrs]?|top secret", "confidential":
                 r"confidential|confidencial|confidentiel(?:le)?|vertrauliche?[nrs]?",
                 "unclassified": r"unclassified|no clasificad[oa]|n[ãa]o classificad[oa]|non classifi[ée]e?"}


# Nouns that name a cable only with a classification beside them ("a secret report"; "a report" alone is
# as often a newspaper's or the UN's)
CLASSIFIED_DOCUMENTS = r"reports?|assessments?"
CLASSIFIED_ANY = re.compile("|".join(CLASSIFIED_AS.values()), re.I)
SINGULAR = r"(?:a|an|the|one|this|that|un|una|el|este|ese|um|uma|o|le|la|ce|cette|une|ein|eine|einer|der|die|das|dieser)"


def classification(sentence: str, language: str | None) -> str | None:
    """The classification the sentence gives one cable ("um telegrama secreto", "a secret cable"), as the
    cable's marking reads ("SECRET", "CONFIDENTIAL", "UNCLASSIFIED"), or None. Plural "confidential
    cables" is the leak in general, no claim about one cable."""
    if not CLASSIFIED_ANY.search(sentence):  # no marking word at all: nothing to read (most sentences)
        return None
    doc = _document_nouns(language) + "|" + CLASSIFIED_DOCUMENTS  # "a secret report": classified, so a cable
    for marking, words in CLASSIFIED_AS.items():
        # "un documento estadounidense secreto": an adjective may stand between the noun and the marking
        for m in re.finditer(r"\b" + SINGULAR + r"\s+(?:(?P<n1>" + doc + r")\s+(?:[^\W\d_]+\s+)?(?:" + words + r")|(?:" + words
                             + r")\s+(?P<n2>" + doc + r"))\b", sentence, re.I):
            noun = m.group("n1") or m.group("n2")
            if not (noun.endswith("s") or (language == "de" and noun.endswith("en"))):
                return marking.upper()
    return None


_NAME = r"(?P<name>(?:[A-ZÁÉÍÓÚÂÊÔÃÕÇÀÈÌÒÙÄÖÜ][\w'’-]+\s+){0,3}[A-ZÁÉÍÓÚÂÊÔÃÕÇÀÈÌÒÙÄÖÜ][\w'’-]+)"


@lru_cache(maxsize=8)
def _writer_res(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each pattern that names who wrote or signed the cable, with where it is read (the words right
    after the quote, anywhere near it, right before it): a writing verb, a diplomat's title and a name
    ("escreveu o embaixador Clifford Sobel"); a signature and a name ("assinado pelo embaixador …", and in
    German "von Botschafter … unterzeichnete"); a title, a name and a writing verb ("l'ambassadeur
    Charles Rivkin écrit que"). A writing verb names a writer only with a title ("écrit Le Monde" is a
    newspaper); only a person signs."""
    verbs, signed, title = WRITING_VERBS_BY_LANGUAGE[language], SIGNED_BY_LANGUAGE[language], DIPLOMAT_TITLES[language]
    out = [(re.compile(r"\W{0,3}(?P<verb>" + verbs + r")\s+(?:" + title + r")\s+" + _NAME), "after"),
           (re.compile(r"(?P<verb>" + signed + r")\s+(?:" + title + r"\s+)?" + _NAME), "near")]
    if language in SIGNED_BY_NAME_FIRST:
        out.append((re.compile(r"\b(?:von|vom)\s+(?:" + title + r"\s+)?" + _NAME
                               + r"\s+(?P<verb>" + SIGNED_BY_NAME_FIRST[language] + r")\b"), "near"))
    out.append((re.compile(r"(?:" + title + r")\s+" + _NAME + r",?\s+(?P<verb>" + verbs + r")\b[^.;:!?Q]{0,20}$"),
                "before"))
    return tuple(out)


def _written_by(masked: str, open_mark: int, end: int, lo: int, hi: int, language: str, claim: Claim) -> Claim:
    """In Portuguese, French and German, the person the article says wrote or signed the cable: the
    first of `_writer_res` that finds one within `CUE_WINDOW` of the quote. A name only (capitalised
    words): "o embaixador escreveu" names nobody."""
    tail = masked[end + 1 : min(hi, end + 1 + CUE_WINDOW)]
    head = masked[max(lo, open_mark - CUE_WINDOW) : open_mark]
    where = {"after": tail, "near": head + " " + tail, "before": head}
    for rx, at in _writer_res(language):
        m = rx.match(tail) if at == "after" else rx.search(where[at])
        if m is None:
            continue
        name = m.group("name").strip()
        if all(w.casefold() in stop_words(language) for w in name.split()):
            return claim
        return replace(claim, speaker=name, verb=m.group("verb"), authorship=True, cue=m.group().strip(" ,"))
    return claim


def read(masked: str, open_mark: int, end: int, lo: int, hi: int, language: Language | str | None = None) -> Claim:
    """The claim about the quotation whose marks stand at `open_mark` and `end` in `masked` (the
    article with its quotations masked), whose sentence runs from `lo` to `hi`; in the article's
    language (Spanish, or English for any other; the date a cable is given in Portuguese, French and
    German too)."""
    language = _code(language)
    claim = _spanish(masked, open_mark, end, lo, hi) if language == "es" else _english(masked, open_mark, end, lo, hi, language)
    if claim.date_text is None and language in ("es", "pt", "fr", "de"):
        date_text, year, month, day = _dated(_sentence(masked, lo, hi), language)
        if date_text:
            claim = replace(claim, date_text=date_text, year=year, month=month, day=day,
                            cue=claim.cue or date_text)
    if claim.date_text and not claim.authorship and not _anchored(_sentence(masked, lo, hi), language) and (
            _anchored_around(masked, lo, hi, language)):
        # "el ministro dijo el 13 de junio": the date of what the cable reports, when the article dates
        # the cable itself elsewhere
        claim = replace(claim, date_text=None, year=None, month=None, day=None,
                        cue=claim.cue if claim.speaker else None)
    if claim.speaker is not None and RELAY_RE.fullmatch(claim.speaker):
        # "señala el documento develado por WikiLeaks": the site that published the cables relays the
        # words; it is no speaker to check against the cable
        claim = replace(claim, speaker=None, verb=None, authorship=False, cue=claim.date_text and claim.cue)
    if claim.speaker is None and language in WRITING_VERBS_BY_LANGUAGE:
        claim = _written_by(masked, open_mark, end, lo, hi, language, claim)
    # within CUE_WINDOW of the quote: bounded work per quote, however long its sentence
    marking = classification(masked[max(lo, open_mark - CUE_WINDOW) : min(hi, end + CUE_WINDOW)], language)
    return replace(claim, classification=marking) if marking else claim


# "El documento “Liderazgo mexicano en general” alude…", "the cable 'Scenesetter for…'", "die Depesche
# „…“": a quotation standing right after the word for a cable, with nothing between, is its name. A title
# begins with a capital and has more than one word (`TITLE_MIN_WORDS`: "un cable “secreto”" names no cable).


def names_document(masked: str, open_mark: int, lo: int, language: Language | str | None, quote: str) -> bool:
    """Whether the article gives the quotation as a cable's title by writing it right after the word for a
    cable (its language's and English)."""
    words = quote.split()
    if len(words) < TITLE_MIN_WORDS or not words[0][:1].isupper():
        return False
    code = _code(language)
    doc = _document_nouns(code)
    before = masked[max(lo, open_mark - CUE_WINDOW) : open_mark]
    return re.search(r"\b(?:" + doc + r")\s*$", before, re.I) is not None


@lru_cache(maxsize=8)
def _document_nouns(language: str | None) -> str:
    """The words for a cable in the language and in English, as one alternation."""
    return "|".join(DOCUMENT_NOUNS[lang] for lang in dict.fromkeys((language or "en", "en")) if lang in DOCUMENT_NOUNS)


@lru_cache(maxsize=64)
def _anchored_around(masked: str, lo: int, hi: int, language: str | None) -> bool:
    """The article dates a cable by the word for it before or after the sentence `masked[lo:hi]`: read
    once per sentence (its quotations share it), not once per quotation."""
    return _anchored(masked[:lo], language) or _anchored(masked[hi:], language)


@lru_cache(maxsize=64)
def _anchored(text: str, language: str | None) -> bool:
    """The text dates a cable by the word for it ("un cable de marzo de 2010", "a cable dated Oct. 5")."""
    if language == "es":
        patterns = SPANISH_DATE_RES[:1] + _dated_res("es")[:2]
    elif language in ("pt", "fr", "de"):
        patterns = _dated_res(language)[:2]
    else:
        patterns = DOCUMENT_DATE_RES[:3]
    return any(rx.search(text) for rx in patterns)


def cable_dates(text: str, language: Language | str | None) -> frozenset[tuple[int, int | None]]:
    """Every year, or month of a year, the article gives a cable anywhere in its text ("um telegrama de
    outubro de 2009", "un cable de marzo de 2010", "a Jan. 29, 2009 cable"): what tells apart the
    copies of one passage that an embassy sent in several reports (`copies.settle`)."""
    return frozenset((year, month) for year, month, _ in _cable_dates(text, language))


def cable_days(text: str, language: Language | str | None) -> frozenset[tuple[int, int, int]]:
    """Every day the article gives a cable anywhere in its text ("un télégramme daté du 25 août 2009",
    "a Dec. 17, 2009 cable"): a cable of that day among a quote's candidates is one the article points
    at (`translation.dated`)."""
    return frozenset((year, month, day) for year, month, day in _cable_dates(text, language)
                     if month is not None and day is not None)


@lru_cache(maxsize=16)
def _cable_dates(text: str, language: Language | str | None) -> frozenset[tuple[int, int | None, int | None]]:
    """Every date the article gives a cable, as precise as it is given (year; month; day): the article
    read once for `cable_dates` and `cable_days`."""
    code = _code(language)
    # in Spanish also "el primero, del 13 de marzo", "otro de 2010": each a cable the article dates
    spanish = tuple((rx, _spanish_month) for rx in SPANISH_DATE_RES[:1]) if code == "es" else ()
    out: set[tuple[int, int | None, int | None]] = set()
    for rx, month_of in spanish + _dating(code):
        for m in rx.finditer(text):
            d = m.groupdict()
            year = d.get("year") or d.get("year_only")
            if year:
                month = month_of(d["mon"]) if d.get("mon") else None
                day = int(d["day"]) if d.get("day") and month is not None else None
                out.add((int(year), month, day))
    return frozenset(out)


@lru_cache(maxsize=8)
def _dating(code: str | None) -> tuple[tuple[re.Pattern[str], Callable[[str], int]], ...]:
    """The patterns that date a cable by the word for it ("um telegrama de outubro de 2009", "a Jan. 29,
    2009 cable", "dated …"), not by a verb of the sentence, each with how it reads a month (`cable_dates`
    adds, in Spanish, the dates an article gives "el primero" or "otro": `referred` leaves those out, as
    they date another document than the one its sentence names)."""
    if code in ("es", "pt", "fr", "de"):
        return tuple((rx, _month_of(code)) for rx in _dated_res(code)[:2])
    return tuple((rx, _english_month) for rx in DOCUMENT_DATE_RES[:3])


def _dated_by(claim: Claim, found: DateClaim) -> Claim:
    """The claim with a date read elsewhere in the article (`carried`, `referred`), if it gives one."""
    date_text, year, month, day = found
    if not date_text or (year is None and month is None):
        return claim
    return replace(claim, date_text=date_text, year=year, month=month, day=day, cue=claim.cue or date_text)


def _code(language: Language | str | None) -> str | None:
    """The language's ISO 639-1 code as a plain string (the key of the lexicon's tables)."""
    return language.value if isinstance(language, Language) else language


@lru_cache(maxsize=16)
def _document_refs(language: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A document named with a definite determiner ("o relatório", "the cable"), and one brought in as
    another ("outro documento", "another cable"), in the language and in English."""
    langs = tuple(dict.fromkeys((language or "en", "en")))
    nouns = _document_nouns(language)
    the = "|".join(DEFINITE_DETERMINERS[lang] for lang in langs if lang in DEFINITE_DETERMINERS)
    other = "|".join(ANOTHER_DOCUMENT[lang] for lang in langs if lang in ANOTHER_DOCUMENT)
    return (re.compile(r"(?<!\w)(?:" + the + r")(?:\s+|(?<=['’]))(?:[^\W\d_]+\s+)?(?P<noun>" + nouns + r")\b", re.I),
            re.compile(r"(?<!\w)(?:" + other + r")\s+(?:[^\W\d_]+\s+)?(?:" + nouns + r")\b", re.I))


GERMAN_PLURAL_DOCUMENTS = frozenset({"dokumente", "berichte", "telegramme", "memos", "botschaftsberichte"})


def _singular(noun: str, language: str | None) -> bool:
    """Whether a word for a document is singular ("the cable", not "the documents": those are the leak
    in general, not the one document dated before)."""
    word = noun.casefold()
    if language == "de":
        return not word.endswith("en") and word not in GERMAN_PLURAL_DOCUMENTS
    return not word.endswith(("s", "x"))


def referred(claim: Claim, masked: str, lo: int, hi: int, language: Language | str | None) -> Claim:
    """A claim with the date the article gave earlier to the document its quote's sentence refers back to
    ("Um documento de 1º de agosto de 2008 destaca … ¶ O relatório da embaixada aponta que … «…»"): when
    the sentence dates nothing, names a document with a definite determiner ("o relatório", "the cable"),
    and the nearest document the article dates before it, within `DOCUMENT_REFERENCE_WINDOW` characters,
    is the last one it mentions (no "outro documento", "another cable" since: that would be the one the
    sentence means)."""
    code = _code(language)
    if claim.date_text is not None:
        return claim
    the, other = _document_refs(code)
    if not any(_singular(m.group("noun"), code) for m in the.finditer(masked, lo, hi)):
        return claim  # none, or "the documents said": the cables in general
    window = masked[max(0, lo - DOCUMENT_REFERENCE_WINDOW) : lo]
    last: tuple[re.Match[str], Callable[[str], int]] | None = None
    for rx, month_of in _dating(code):
        for m in rx.finditer(window):
            if last is None or m.start() > last[0].start():
                last = (m, month_of)
    if last is None or other.search(window, last[0].end()):
        return claim
    m, month_of = last
    return _dated_by(claim, _date(m.group(0), (m.re,), month_of))


def carried(claim: Claim, previous: str, language: Language | str | None) -> Claim:
    """A claim with the date the sentence before gives the cable ("Uno de los telegramas … tiene fecha de
    25 de junio de 2008 … . Sobel sostiene que … «…»"), when the quote's own sentence dates nothing and
    the sentence before is about a cable and quotes nothing itself."""
    language = _code(language)
    if claim.date_text is not None or not previous or "Q" in previous:
        return claim
    doc = _document_nouns(language)
    if not re.search(r"\b(?:" + doc + r")\b", previous, re.I):
        return claim
    return _dated_by(claim, _dated(previous, language) if language in ("es", "pt", "fr", "de")
                     else _document_date(previous))
