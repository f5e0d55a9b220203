"""Whose words does the article put in quotation marks? Three answers an editor keeps apart:

    cable     the article offers them as a cable's words (found or not, they are checked as such)
    public    someone's statement on the record: "told reporters", "said in an interview", "in a
              statement", a spokesman, a named speaker who is not the cable ("sagte Angela Merkel")
    own       the reporter's own words in quotation marks: a scare quote, a title, a name, a
              classification marking ("secreto", "confidentielles")

Read from the article's own words around each quote (its sentence with every quotation masked, and
the sentence before), with cue words keyed by language (`lexicon`). A sentence that credits a cable
or its embassy makes a cable quote, never "attributed to no one". Article-level memory: a speaker
the article places on the record stays there ("he said", "Calderon responded"), a quote that
continues the one before takes its standing, and a phrase the article credits to a cable anywhere
is a cable's phrase everywhere it repeats it.

This only says why a quote is *not* offered as a cable's words; the pipeline uses it for a quote no
passage of the corpus supports, so it never hides a quote that is found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from ..lexicon import (
    ACCORDING_TO,
    CLASSIFICATION_WORDS,
    COPULAS,
    DESCRIBED_VERBS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EMBASSY_NOUNS,
    FIRST_SECOND_PERSON,
    NAMING_CUES,
    PASSIVE_AUXILIARIES,
    POSSESSIVES,
    PUBLIC_CUES_BY_LANGUAGE,
    REACTION_VERBS_BY_LANGUAGE,
    RELAY_RE,
    REPORTED_SUBJUNCTIVE,
    SPEAKER_PARTICLES,
    SPEAKER_STOPS,
    SPEECH_VERBS_BY_LANGUAGE,
    WHICH_CABLES,
    WORDS_NOUNS,
    WRITING_VERBS,
    alternation,
    stop_words,
)
from ..model import Claim, QuoteKind
from ..tokens import has_words
from ..weights import MARKING_MAX_CHARS, NAME_QUOTE_MAX_WORDS, SCARE_MAX_WORDS, SPEAKER_MAX_WORDS, WHICH_MAX_WORDS

NO_WORDS = "a letter or signs in quotation marks, no word: nothing a cable could be quoted for"
# a name right after "according to" ("laut „Spiegel“"): like a name in quotation marks, not looked for
SOURCE_NAME = "the name of the source the article cites"


class Standing(str, Enum):
    CABLE = "cable"  # offered as a cable's words
    PUBLIC = "public statement"  # someone's statement on the record
    OWN = "the article's own words"  # a scare quote, a title, a name, a classification marking
    UNKNOWN = ""  # nothing says either way (checked as a cable quote)


@dataclass(frozen=True)
class Frame:
    """What the classifier reads of one quote (masked: every quotation's letters replaced by Q)."""

    text: str  # the quote
    kind: QuoteKind
    before: str  # its sentence before the opening mark
    after: str  # its sentence after the closing mark
    previous: str  # the sentence before, in the same paragraph ('' at a paragraph's start)
    claim: Claim
    continues: bool  # opens its sentence right after the sentence of the quote before, same paragraph


@dataclass(frozen=True)
class Reading:
    standing: Standing
    reason: str = ""
    speaker: str = ""  # the speaker's key (a surname), when one was read


LEADING = frozenset(["but", "and", "also", "then", "y", "pero", "también", "et", "mais", "aussi", "e", "mas", "também", "und", "aber", "auch"])
PARTICIPLES = r"saying|diciendo|disant|dizendo|sagend"
PRONOUNS = {"he", "she", "they", "él", "ella", "ellos", "il", "elle", "ils", "ele", "ela", "eles", "er", "sie"}
LANGS = ("en", "es", "fr", "pt", "de")


def _langs(language: str | None) -> tuple[str, ...]:
    return (language, "en") if language in LANGS and language != "en" else ("en",)


@lru_cache(maxsize=16)
def _rx(table: str, langs: tuple[str, ...]) -> re.Pattern[str]:
    tables = {"doc": DOCUMENT_NOUNS, "embassy": EMBASSY_NOUNS, "public": PUBLIC_CUES_BY_LANGUAGE,
              "naming": NAMING_CUES, "words": WORDS_NOUNS, "described": DESCRIBED_VERBS}
    if table == "verb":
        verbs: set[str] = set()
        for lang in langs:
            verbs |= set(SPEECH_VERBS_BY_LANGUAGE[lang]) | set(REACTION_VERBS_BY_LANGUAGE[lang])
        return re.compile(r"(?<![\w-])(?:" + alternation(tuple(verbs)) + r")(?![\w-])", re.I)
    if table == "class":
        words = "|".join(CLASSIFICATION_WORDS[lang] for lang in LANGS)  # a marking may be printed in English anywhere
        return re.compile(r"(?:" + words + r")", re.I)
    if table in ("copula", "which"):
        pattern = "|".join((COPULAS if table == "copula" else WHICH_CABLES)[lang] for lang in langs)
        return re.compile(r"(?:" + pattern + r")", re.I)
    if table == "subjunctive":
        pattern = "|".join(REPORTED_SUBJUNCTIVE[lang] for lang in langs if lang in REPORTED_SUBJUNCTIVE) or "(?!)"
        return re.compile(r"\b(?:" + pattern + r")\b")
    pattern = "|".join(tables[table][lang] for lang in langs)
    return re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])", re.I)


def _has(table: str, text: str, langs: tuple[str, ...]) -> re.Match[str] | None:
    return _rx(table, langs).search(text)


def _is_marking(quote: str) -> bool:
    """Every word of the quote belongs to a classification marking ("Secreto/ Nofor", "no clasificados"):
    a few words at most (a longer quote is none, and is not split: bounded work on any input)."""
    if len(quote) > MARKING_MAX_CHARS:
        return False
    parts = [p for p in re.split(r"[/,;]+|\s+(?:y|and|et|e|und)\s+", quote.strip(" .,;:")) if p.strip()]
    return bool(parts) and all(_rx("class", LANGS).fullmatch(" ".join(p.split())) for p in parts)


def _phrase(words: list[str]) -> str | None:
    """A speaker's name or description at the start of `words` ("Angela Merkel", "un editor de Le
    Monde", "the daughter"), cut at the first preposition or conjunction; None when it is no noun phrase
    (an adverb, a preposition: "asimismo", "über die …")."""
    out: list[str] = []
    while words and words[0].casefold() in LEADING:  # "but he said"
        words = words[1:]
    for k, w in enumerate(words[:8]):
        bare = w.strip(",.;:()")
        low = bare.casefold()
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if low in SPEAKER_PARTICLES and out and nxt[:1].isupper():
            out.append(bare)
            continue
        if low in SPEAKER_STOPS or not bare or bare != w and out:
            if bare != w and bare and low not in SPEAKER_STOPS:
                out.append(bare)
            break
        out.append(bare)
    if not out:
        return None
    first = out[0]
    if not (first[:1].isupper() or first.casefold() in DETERMINERS or first.casefold() in PRONOUNS
            or re.fullmatch(FIRST_SECOND_PERSON, first, re.I)):
        return None
    return " ".join(out)


def _speaker(f: Frame, langs: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(who speaks the quote, the verb), from a tag beside the quote: '“…,” Calderon told the Post',
    '“…”, dijo un editor de Le Monde', 'Calderon responded: “…”', 'X parle d'un “…”'. A passive
    ("is called a", "est qualifié de") names the person described, not a speaker: (None, verb)."""
    verb = _rx("verb", langs)
    described = _rx("described", langs)
    after = f.after
    # the white space before a tag taken whole (`\s*+`: a word follows it; `\s*[,:]?\s*` split a run of
    # spaces every way, and a speaker free to start or end in one made a quote followed by 200 spaces
    # take 30 s)
    m = re.match(r"\s*+(?:[,:]\s*+)?(?P<verb>" + verb.pattern + r")\s+(?P<rest>[^.;:()Q]{1,80})", after, re.I)
    if m:
        return _phrase(m.group("rest").split()), m.group("verb")
    m = re.match(r"\s*+(?:[,:]\s*+)?(?P<who>[^,.;:()Q\s][^,.;:()Q]{0,59}?)\s++(?:also\s++|then\s++)?(?P<verb>"
                 + verb.pattern + r")\b",
                 after, re.I)
    if m:
        return _phrase(m.group("who").split()), m.group("verb")
    ms = list(verb.finditer(f.before))
    if not ms:
        return None, None
    v = ms[-1]
    if re.fullmatch(PARTICIPLES, v.group(), re.I):  # "Pascual also downplayed …, saying …": the sentence's subject
        subject = NAME_RUN.search(f.before[: v.start()])
        return (subject.group() if subject else None), v.group()
    passive = re.search(r"\b(?:" + PASSIVE_AUXILIARIES + r")\s+(?:\w+\s+)?(?:" + described.pattern + r")\s*\S*\s*$",
                        f.before, re.I)
    if "Q" in f.before[v.end():] or passive:
        return None, v.group()  # another quotation between, or a passive: no speaker of this one
    # the verb introduces the quote: its subject ends the clause before it (an aside in parentheses, "(1989-1999)",
    # is no clause)
    clauses = re.split(r"[,;:–—][\"”’»]?\s|\s-\s|\(|\b(?:that|which|who|what|que|when|cuando|quand|quando|and|y|et|e|und)\s",
                       re.sub(r"\([^()]{0,80}\)\s*,?", " ", f.before[: v.start()]))
    clause = clauses[-1]
    if (len(clauses) > 1 and clause.split() and clause.split()[0].casefold() in DETERMINERS
            and 0 < len(clauses[-2].split()) <= NAME_QUOTE_MAX_WORDS and all(w[:1].isupper() for w in clauses[-2].split())):
        clause = clauses[-2]  # "Andrés Cisneros, un ex vicecanciller …, dijo": the name, not its apposition
    words = clause.split()
    if not words or len(words) > SPEAKER_MAX_WORDS:
        return None, v.group()
    if not PRONOUNS.intersection(w.casefold() for w in words) and all(w.casefold().strip(".,;:") in _stops(langs)
                                                                      for w in words):
        return None, v.group()  # "Dort heißt es:", "Aquí se lee": an adverb, nobody who speaks
    return _phrase(words), v.group()


@lru_cache(maxsize=16)
def _stops(langs: tuple[str, ...]) -> frozenset[str]:
    """The languages' stop words (adverbs, pronouns, articles): no word of a speaker's name."""
    return frozenset().union(*(stop_words(lang) for lang in langs))


PLACE_BEFORE = re.compile(r"(?:^|\s)(?:in|inside|within|en|dans|em|no|na|nos|nas|im|aus|in der|in den|in einer)"
                          r"\s+(?:[^\s,;:]+\s+){0,4}$", re.I)


def _about_cables(before: str, langs: tuple[str, ...]) -> str | None:
    """The cables are what the quoted words are said of, not where they stand: a document noun is the
    subject of the quote ("says that the dispatches relating to Mexico (…) "do not represent U.S.
    policy"", "the content of the memos is "incomplete and inaccurate""): the noun, then at most a
    copula and words that say which cables. It counts when a speech verb introduces the cables
    ("says that the dispatches") or a copula joins them to the quote; never for "in the cable", "the
    cable's", "the cable: …" or a cable that speaks ("the cable said"). The cue, or None."""
    docs = list(_rx("doc", langs).finditer(before))
    if not docs:
        return None
    m = docs[-1]
    tail = re.sub(r"\([^()]*\)", " ", before[m.end():])  # an aside in brackets
    if re.match(r"['’]s?\b", tail) or re.search(r"[:;\"“”«»„]|\bQ+\b", tail) or PLACE_BEFORE.search(before[: m.start()]):
        return None
    words = tail.replace(",", " , ").split()
    copula = bool(words) and _rx("copula", langs).fullmatch(words[-1]) is not None
    which = words[:-1] if copula else words
    if which and (len(which) > WHICH_MAX_WORDS or "," in which or not _rx("which", langs).fullmatch(which[0])
                  or any(_rx("verb", langs).fullmatch(w) for w in which)):
        return None
    introduced = re.search(r"(?:" + _rx("verb", langs).pattern + r"),?\s+(?:(?:that|que|dass|qu['’])\s*)?(?:\S+\s+){0,3}$",
                           before[: m.start()], re.I)
    if not (copula or introduced):
        return None
    head = before[: m.start()].split()[-4:]  # the noun phrase's first words ("the content of"), after "that"
    cut = max((k + 1 for k, w in enumerate(head)
               if w.endswith((",", ";", ":")) or re.fullmatch(r"that|que|dass|because|porque|weil", w, re.I)), default=0)
    return " ".join([*head[cut:], *re.sub(r"\([^()]*\)", " ", before[m.start():]).split()])[:80]


def _key(who: str) -> str:
    """A speaker's key: the last capitalised word ("Felipe Calderon" -> "calderon"); '' for a
    description ("the US ambassador")."""
    caps = [w for w in re.findall(r"\b[A-ZÁÉÍÓÚÑÄÖÜ][\w'-]+", who) if not w.isupper()]
    return caps[-1].casefold() if caps else ""


def read(f: Frame, language: str | None, known: dict[str, Standing], last: Reading | None) -> Reading:
    """The standing of one quote, given the speakers the article placed before (`known`) and the
    reading of the quote before it (`last`)."""
    langs = _langs(language)
    sentence = f.before + " Q " + f.after
    words = len(f.text.split())
    if f.kind is QuoteKind.TITLE:
        return Reading(Standing.OWN, "a title inside a citation, not a quotation of a cable")
    if _is_marking(f.text):
        return Reading(Standing.OWN, f"a classification marking in quotation marks (“{f.text.strip()}”), "
                                     "not a quotation of a cable")
    cue = re.search(r"(?:" + _rx("naming", langs).pattern + r")\s+(?:\w+\s+){0,1}$", f.before, re.I)
    if cue and not (re.match(r"(?:entitled|titled|titulad|intitul|mit dem Titel)", cue.group(), re.I)
                    and _has("doc", f.before[: cue.start()], langs)):  # "Another cable …, titled “…”"
        return Reading(Standing.OWN, f"a name or title the article gives (“{cue.group().strip()} …”), "
                                     "not a quotation of a cable")
    if f.kind is QuoteKind.NAME:
        return Reading(Standing.OWN, "a name or nickname in quotation marks, not a quotation of a cable")
    if (words <= SCARE_MAX_WORDS and f.text[:1].isupper()
            and re.search(r"\b(?:" + ACCORDING_TO + r")\s+(?:\w{1,3}\s+)?$", f.before, re.I)):
        # "laut „Spiegel“", "según “El País”", "according to "Politico"": whom the article credits
        return Reading(Standing.OWN, f"{SOURCE_NAME} (“{f.before.split()[-1]} …”), not a quotation of a cable")
    if words <= SCARE_MAX_WORDS and re.search(r"(?:" + _rx("words", langs).pattern + r")\s+$", f.before, re.I):
        return Reading(Standing.OWN, "the article's description of how something was said, not the words")
    if words == 1 and re.search(r"\b(?:" + "|".join(POSSESSIVES[lang] for lang in langs) + r")\s+$", f.before, re.I):
        return Reading(Standing.OWN, "one word the article puts in quotation marks after a possessive or "
                                     "demonstrative (“" + f.before.split()[-1] + " …”): its own irony")
    doc = _has("doc", sentence, langs) or _has("embassy", sentence, langs)
    public = _has("public", sentence, langs)
    who, verb = _speaker(f, langs)
    if who and re.fullmatch(r"(?:" + FIRST_SECOND_PERSON + r")", who, re.I):
        who = verb = None  # "when you read this": the reader, not a source
    relay = bool(who and RELAY_RE.search(who))
    # "he said", and "Ele também teria contado": a pronoun, with what follows it before the verb
    pronoun = who is not None and bool(who.split()) and who.split()[0].casefold() in PRONOUNS
    by_doc = bool(who and _has("doc", who, langs))  # the cable speaks; an ambassador may speak in public
    source = _rx("doc", langs).pattern + "|" + _rx("embassy", langs).pattern
    credited = re.search(r"\b(?:" + ACCORDING_TO + r")\s+(?:\S+\s+){0,3}?(?:" + source + ")", sentence, re.I) or re.search(
        r"(?:" + _rx("doc", langs).pattern + r")\s+(?:\S+\s+){0,2}?(?:" + _rx("verb", langs).pattern + ")", sentence, re.I)
    writes = bool(verb and re.fullmatch(WRITING_VERBS, verb, re.I))  # "Pascual wrote that …": a cable's writer
    about = None if credited or by_doc or relay or writes else _about_cables(f.before, langs)
    if about:
        said = bool(verb or _rx("verb", langs).search(sentence))
        return Reading(Standing.PUBLIC if said else Standing.OWN,
                       f"words said of the cables (“{about} …”), not a cable's words")
    if public and not by_doc and not relay and not credited:
        if not who or pronoun:  # "Felipe Calderon said in remarks published …"
            near = re.search(r"((?:[A-ZÁÉÍÓÚÑ][\w'-]+\s+){0,3}[A-ZÁÉÍÓÚÑ][\w'-]+)\s+(?:\w+\s+)?$",
                             sentence[: public.start()])
            who = near.group(1) if near and not (pronoun and last and last.speaker) else who
        name = "" if not who or who.casefold() in PRONOUNS else who
        key = _key(name) if name else (last.speaker if pronoun and last else "")
        if not key and name and (named := NAME_RUN.search(f.previous)):
            key = _key(named.group())  # "Pascual expressed regret … . “…,” the US ambassador said in comments"
        return Reading(Standing.PUBLIC, f"a public statement{' by ' + name if name else ''}, on the record "
                                        f"(“{public.group()}”), not a cable's words", key)
    key = _key(who) if who and not pronoun else ""
    if key and known.get(key) is Standing.PUBLIC and not credited and not by_doc and not relay and not (
            verb and re.fullmatch(WRITING_VERBS, verb, re.I)):
        return Reading(Standing.PUBLIC, f"a public statement by {who}, whom the article quotes on the record "
                                        "elsewhere", key)
    if doc or by_doc or relay or (verb and re.fullmatch(WRITING_VERBS, verb, re.I)):
        return Reading(Standing.CABLE, speaker=key)
    if verb and not who and last is not None and last.standing is Standing.PUBLIC and last.speaker and "Q" in f.before:
        # "Argüello dijo que … “…”, y afirmó no recordar que “…”": a verb with no subject of its own, after
        # a quotation of the same sentence, is the same speaker's
        return Reading(Standing.PUBLIC, last.reason, last.speaker)
    if pronoun or (f.continues and not who):
        # "he said", or a quote that goes on from the one before: the same speaker
        if last is not None and last.standing in (Standing.PUBLIC, Standing.CABLE):
            return Reading(last.standing, last.reason, last.speaker)
        return Reading(Standing.UNKNOWN)
    cue_before = _has("public", f.previous, langs)
    if key and cue_before and re.search(r"\b" + re.escape(key) + r"\b", f.previous, re.I):
        # "Pascual … said Thursday night that … . “…,” Pascual said."
        return Reading(Standing.PUBLIC, f"a public statement by {who}, on the record (“{cue_before.group()}”, "
                                        "in the sentence before), not a cable's words", key)
    if key and known.get(key) is not None:
        standing = known[key]
        reason = (f"a public statement by {who}, whom the article quotes on the record elsewhere"
                  if standing is Standing.PUBLIC else "")
        return Reading(standing, reason, key)
    if who and verb and not (_has("doc", f.previous, langs) or _has("embassy", f.previous, langs)):
        return Reading(Standing.PUBLIC, f"a statement by {who} (“{verb}”), not a cable's words", key)
    # someone's words all the same: a speech verb anywhere in the sentence (not the reader's "you read"),
    # German reported speech, a passive description ("est qualifié de")
    spoken = re.sub(r"\b(?:" + FIRST_SECOND_PERSON + r")\s+(?:\w+\s+)?(?:" + _rx("verb", langs).pattern + ")", " ",
                    sentence, flags=re.I)
    if (verb or _rx("verb", langs).search(spoken) or _has("subjunctive", sentence, langs)
            or re.search(r"\b(?:" + PASSIVE_AUXILIARIES + r")\s+(?:\w+\s+)?(?:" + _rx("described", langs).pattern
                         + r")", f.before[-60:], re.I)):
        return Reading(Standing.UNKNOWN, speaker=key)
    # the article's own voice: only where a cable's words would stand as they are (in the cables' English).
    # A translating article's unattributed term is as often a cable's word put into its language: "not
    # found" is then the honest answer, "not a cable quote" a wrong one
    if (f.kind is QuoteKind.SCARE and words <= SCARE_MAX_WORDS and f.claim.date_text is None and language in (None, "en")
            and not re.search(r"\b(?:" + ACCORDING_TO + r")\b", sentence, re.I)  # "según la funcionaria"
            and not (_has("doc", f.previous, langs) or _has("embassy", f.previous, langs))):  # nor the one before
        return Reading(Standing.OWN, "a short phrase in the article's own voice: nobody is said to have "
                                     "written or said it")
    return Reading(Standing.UNKNOWN)


NAME_RUN = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ'-]+\s+){0,2}[A-ZÁÉÍÓÚÑ][a-záéíóúñ'-]+")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def classify(frames: list[Frame], language: str | None) -> list[Reading]:
    """The standing of each of an article's quotes, in order."""
    known: dict[str, Standing] = {}
    out: list[Reading] = []
    last: Reading | None = None
    for f in frames:
        if not has_words(f.text):  # "a", "X", "U.S.": no word to read a standing for (and no cost per mark)
            out.append(Reading(Standing.OWN, NO_WORDS))
            continue
        r = read(f, language, known, last)
        if r.speaker and r.standing in (Standing.PUBLIC, Standing.CABLE):
            known.setdefault(r.speaker, r.standing)
        if r.standing is Standing.CABLE:  # the people a cable is said to report are the cable's speakers
            for m in NAME_RUN.finditer(f.before + " " + f.after):
                known.setdefault(_key(m.group()), Standing.CABLE)
        out.append(r)
        last = r
    # a phrase the article credits to a cable (or to no one in particular) anywhere is not its own words
    credited = {_norm(f.text) for f, r in zip(frames, out, strict=True) if r.standing in (Standing.CABLE, Standing.UNKNOWN)}
    return [Reading(Standing.UNKNOWN, "", r.speaker) if r.standing is Standing.OWN and _norm(f.text) in credited
            and f.kind is not QuoteKind.TITLE and r.reason is not NO_WORDS and not _is_marking(f.text) else r
            for f, r in zip(frames, out, strict=True)]
