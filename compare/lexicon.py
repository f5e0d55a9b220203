"""Shared word lists and patterns: speech verbs, months, brackets and ellipses, negations, hedges.

One place for each, so that extraction, attribution and the discrepancy stage agree on what a
speech verb or a month is.
"""

from __future__ import annotations

import re

# Verbs with which an article attributes a quotation: "X said", "wrote X", "the cable reads".
SPEECH_VERBS = (
    "said", "says", "say", "wrote", "writes", "added", "adds", "asked", "asks", "told", "tells", "noted",
    "notes", "warned", "warns", "read", "reads", "reported", "reports", "explained", "explains", "stated",
    "states", "emphasized", "emphasised", "complained", "lamented", "argued", "continued", "concluded",
    "commented", "observed", "insisted", "acknowledged", "cautioned", "declared", "described", "suggested",
    "urged", "remarked", "replied", "responded", "quoted", "cabled", "recalled",
)  # fmt: skip
# Verbs with which a cable reports what a contact said or thinks ("Gutierrez lamented", "he believes"):
# who, in the cable, speaks the quoted words. Not the article's verbs: a cable reports beliefs, and
# never "writes" or "cables" of its contacts.
REPORTING_VERBS = (
    "said", "says", "told", "noted", "added", "asked", "emphasized", "emphasised", "stressed", "warned",
    "lamented", "complained", "commented", "explained", "argued", "believes", "believed", "thought",
    "suggested", "underscored", "indicated", "mentioned", "stated", "expressed", "highlighted", "opined",
    "agreed", "responded", "replied", "exhorted", "urged", "realize", "realizes",
)  # fmt: skip
# Of those, the ones that claim authorship of a document rather than speech.
AUTHOR_VERBS = frozenset({"wrote", "writes", "cabled", "reported", "reports"})
# The same in Spanish articles ("escribió el embajador", "aseguró", "según relata el cable").
SPANISH_SPEECH_VERBS = (
    "escribió", "escribe", "escribía", "dijo", "dice", "decía", "afirmó", "afirma", "afirmaba", "aseguró",
    "asegura", "aseguraba", "señaló", "señala", "señalaba", "advirtió", "advierte", "añadió", "añade", "explicó",
    "explica", "relató", "relata", "reconoció", "reconoce", "indicó", "indica", "comentó", "sostuvo", "sostiene",
    "apuntó", "apunta", "subrayó", "subraya", "insistió", "insiste", "concluyó", "concluye", "lamentó",
    "lamenta", "opinó", "declaró", "informó", "informa", "resumió", "resume", "contó", "cuenta", "admitió",
    "confesó", "detalló", "detalla", "describió", "describe", "agregó", "agrega", "destacó", "destaca",
    "observó", "observa", "telegrafió", "reportó", "reporta", "aconsejó", "recomendó", "recomienda",
    "preguntó", "respondió", "replicó", "calificó", "definió", "alertó", "criticó", "anotó", "anota",
)  # fmt: skip
SPANISH_AUTHOR_VERBS = frozenset({"escribió", "escribe", "escribía", "informó", "informa", "telegrafió", "reportó",
                                  "reporta", "firmado", "firmada", "firmó"})  # fmt: skip


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of whole words, longest first."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


SPEECH_VERB_RE = alternation(SPEECH_VERBS)
REPORTING_VERB_RE = alternation(REPORTING_VERBS)
SPANISH_SPEECH_VERB_RE = alternation(SPANISH_SPEECH_VERBS)
ANY_SPEECH_VERB_RE = alternation(tuple(set(SPEECH_VERBS) | set(REPORTING_VERBS)))  # speech tags in either

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip
SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                  "noviembre", "diciembre")  # fmt: skip
MONTH_NUMBER = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}  # "jan" -> 1 (cable date-time groups: "AUG")
MONTH_RE = (
    r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|"
    r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)

# Marked edits inside a quotation: square brackets (the article's own words) and ellipses.
BRACKET_RE = re.compile(r"\[[^\]\n]{0,80}\]")
_ELLIPSIS = r"(?:…|\.(?:\s?\.){2,3})"
# White space around the marks taken in. Linear: the leading white space is tried from the start of a
# run of it only (`(?<!\s)`), not from every space in it (the second branch: a scan that starts
# inside a run); the matches are those of `\s*(?:…|\.(?:\s?\.){2,3})\s*`.
ELLIPSIS_RE = re.compile(r"(?<!\s)\s*" + _ELLIPSIS + r"\s*|" + _ELLIPSIS + r"\s*")

NEGATIONS = frozenset({"not", "no", "never", "nor", "none", "neither", "nobody", "nothing", "nowhere", "cannot",
                       "without"})  # fmt: skip
HEDGES = frozenset({
    "often", "usually", "sometimes", "generally", "largely", "mostly", "probably", "likely", "perhaps",
    "possibly", "apparently", "reportedly", "allegedly", "may", "might", "could", "seem", "seems",
    "seemed", "appear", "appears", "appeared", "almost", "nearly", "about", "approximately", "some",
    "somewhat", "rather", "fairly", "partly", "partially", "occasionally", "frequently", "typically",
    "arguably", "seemingly", "virtually", "roughly", "around", "relatively",
})  # fmt: skip

# Opposites that a changed word can turn into (stems, either order): a changed meaning is substantive.
NEGATING_PREFIXES = ("non", "un", "in", "im", "il", "ir", "dis")
ANTONYMS = frozenset({
    ("increase", "decrease"), ("rise", "fall"), ("rose", "fell"), ("risen", "fallen"), ("more", "less"),
    ("more", "fewer"), ("most", "least"), ("higher", "lower"), ("high", "low"), ("strong", "weak"),
    ("stronger", "weaker"), ("win", "lose"), ("won", "lost"), ("accept", "reject"), ("before", "after"),
    ("success", "failure"), ("succeed", "fail"), ("approve", "reject"), ("allow", "forbid"), ("allow", "ban"),
    ("majority", "minority"), ("maximum", "minimum"), ("up", "down"), ("best", "worst"), ("better", "worse"),
    ("include", "exclude"), ("always", "never"), ("all", "none"), ("everyone", "nobody"), ("true", "false"),
    ("legal", "illegal"), ("support", "oppose"), ("agree", "disagree"), ("friend", "enemy"), ("ally", "enemy"),
    ("positive", "negative"), ("optimistic", "pessimistic"), ("improve", "worsen"), ("gain", "loss"),
    ("expand", "shrink"), ("grow", "shrink"), ("open", "closed"), ("open", "close"), ("start", "stop"),
    ("begin", "end"), ("easy", "difficult"), ("easy", "hard"), ("cheap", "expensive"), ("safe", "dangerous"),
    ("large", "small"), ("big", "small"), ("many", "few"), ("increasing", "decreasing"), ("above", "below"),
    ("over", "under"), ("inside", "outside"), ("confirm", "deny"), ("admit", "deny"), ("strengthen", "weaken"),
    ("raise", "lower"), ("rising", "falling"), ("growth", "decline"), ("increase", "decline"),
    ("victory", "defeat"), ("peace", "war"), ("stable", "unstable"), ("calm", "tense"),
    ("rarely", "frequently"), ("rarely", "often"), ("seldom", "often"), ("seldom", "frequently"),
    ("praise", "criticize"), ("praised", "criticized"), ("praise", "condemn"), ("praised", "condemned"),
})  # fmt: skip

# Words around a quotation that place it in public, on the record (not in a cable): "told reporters",
# "said in an interview", "in a statement". And words that place it in a document.
PUBLIC_CUES = re.compile(
    r"\b(?:told (?:reporters|journalists|the press|a news conference|lawmakers|parliament|congress)|"
    r"(?:said|says|told \w+) (?:in|during) (?:an? )?(?:interview|statement|speech|press conference|news conference|"
    r"briefing|radio|television|tv)|in a (?:statement|speech|tweet|press release)|at a (?:press|news) conference|"
    r"on (?:television|radio|twitter)|dijo a (?:la prensa|los periodistas|los medios)|en (?:una )?(?:rueda|conferencia) "
    r"de prensa|en (?:un|una) (?:comunicado|entrevista|discurso))\b", re.I)
DOCUMENT_CUES = re.compile(r"\b(?:cables?|memos?|dispatch(?:es)?|telegrams?|wikileaks|embassy|embajada|"
                           r"documents?|documentos?|despachos?|wrote|escribi[óo])\b", re.I)
