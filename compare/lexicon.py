"""Shared word lists and patterns: speech verbs, months, brackets and ellipses, negations, hedges.

One place for each, so that extraction, attribution and the discrepancy stage agree on what a
speech verb or a month is.
"""

from __future__ import annotations

import importlib.machinery
import re
from functools import cache
from pathlib import Path

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
    "agreed", "responded", "replied", "exhorted", "urged", "realize", "realizes", "observed", "remarked",
    "asserted", "claimed", "maintained", "acknowledged", "admitted", "confided", "recounted", "contended",
    "confirmed", "predicted", "pointed out",
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
# verbs a newspaper's report takes as well as a diplomat's cable ("informó Clarín basado en …")
SPANISH_MEDIA_VERBS = frozenset({"informó", "informa", "reportó", "reporta"})
MEDIA_VERBS = frozenset({"reports", "reported", "revealed", "reveals", "published", "publishes"})  # the same in English
# Verbs whose object, a person, follows them ("told Pascual", "accused Calderón"), with DESCRIBED_VERBS:
# the name after one is not the speaker of a later speech verb
OBJECT_VERBS = r"told|met|accused|praised|criticized|criticised|urged|asked|warned"
# what makes a named reporter a diplomat: the titles a cable's writer goes by (regular expressions)
SPANISH_DIPLOMAT_TITLES = ("embajador", "embajadora", "encargad[oa]", "diplomátic[oa]s?", "cónsul", "consejer[oa]",
                           "agregad[oa]", "funcionari[oa]s?", "secretari[oa]", "jefe", "jefa")  # fmt: skip
# Titles and honorifics, by language: the closed word class written before a person's name ("Ambassador
# Pascual", "Sen. Kerry", "el canciller Moratinos"), never part of the name itself. Lower case, without a
# final stop ("Gen." is "gen"). Titles that are also common surnames (King, Major, Judge) are left out:
# the name would lose its surname.
NAME_TITLES = {
    "en": frozenset({
        "mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gen", "lt", "col", "maj", "capt", "adm", "sgt",
        "cmdr", "gov", "amb", "pres", "sec", "dep", "sir", "dame", "lord", "lady", "president", "vice", "ambassador",
        "secretary", "undersecretary", "under-secretary", "deputy", "minister", "premier", "chancellor", "charge",
        "chargé", "consul", "counselor", "counsellor", "attaché", "attache", "envoy", "senator", "congressman",
        "congresswoman", "representative", "governor", "mayor", "general", "colonel", "admiral", "captain",
        "lieutenant", "commander", "sergeant", "chief", "director", "chairman", "chairwoman", "spokesman",
        "spokeswoman", "spokesperson", "prince", "princess", "sheikh", "sheik", "emir", "sultan", "ayatollah",
        "imam", "cardinal", "archbishop", "bishop", "pope", "rabbi", "father", "reverend", "rev", "president-elect",
    }),
    "es": frozenset({
        "sr", "sra", "srta", "dr", "dra", "don", "doña", "señor", "señora", "embajador", "embajadora", "encargado",
        "encargada", "cónsul", "consejero", "consejera", "agregado", "agregada", "secretario", "secretaria",
        "subsecretario", "subsecretaria", "ministro", "ministra", "canciller", "presidente", "presidenta",
        "vicepresidente", "vicepresidenta", "mandatario", "mandataria", "jefe", "jefa", "general", "coronel",
        "almirante", "comandante", "capitán", "teniente", "gobernador", "gobernadora", "alcalde", "alcaldesa",
        "senador", "senadora", "diputado", "diputada", "portavoz", "vocero", "vocera", "director", "directora",
        "príncipe", "princesa", "jeque", "emir", "cardenal", "arzobispo", "obispo", "papa", "padre",
    }),
}  # fmt: skip


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
# Keyed by language (ISO 639-1): a language's month names, and the other spellings its writers use
# ("setiembre" for "septiembre", "sept" for "september"), each to the name it stands for
MONTH_NAMES = {"en": MONTHS, "es": SPANISH_MONTHS}
MONTH_VARIANTS = {"en": {"sept": "september"}, "es": {"setiembre": "septiembre"}}


def month_numbers(language: str) -> dict[str, int]:
    """A language's month names and their variants, to the month's number ("setiembre" -> 9)."""
    names = MONTH_NAMES[language]
    return {m: i + 1 for i, m in enumerate(names)} | {v: names.index(m) + 1 for v, m in MONTH_VARIANTS[language].items()}


def months_in_english(language: str) -> dict[str, str]:
    """A language's month names and their variants, to the English month ("setiembre" -> "september")."""
    return {m: MONTHS[n - 1] for m, n in month_numbers(language).items()}


@cache
def stop_words(language: str) -> frozenset[str]:
    """A language's function words: spaCy's stop list (read from its file, `spacy/lang/<lang>/stop_words.py`,
    without importing spaCy: a check needs no spaCy pipeline for this); empty where spaCy has none."""
    if not re.fullmatch(r"[a-z]{2,3}", language or ""):
        return frozenset()
    # the path finder itself, not `importlib.util.find_spec`: that asks every finder of `sys.meta_path`,
    # and would spend the one that hides torch from spaCy's first import (`imports.spacy_without_torch`)
    spec = importlib.machinery.PathFinder.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / language / "stop_words.py"
    if not path.is_file():
        return frozenset()
    scope: dict[str, object] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), scope)  # noqa: S102 - a word list
    words = scope.get("STOP_WORDS")
    return frozenset(w.casefold() for w in words) if isinstance(words, set) else frozenset()

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
SPANISH_NEGATIONS = frozenset({"no", "nunca", "jamas", "ni", "nadie", "nada", "ninguno", "ninguna", "ningun",
                               "tampoco", "sin"})  # fmt: skip
SPANISH_NUMBER_WORDS = {
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
    "doscientos": 200, "trescientos": 300, "quinientos": 500,
}  # fmt: skip
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

# -- Whose words? A cable's, someone's public statement, or the article's own (`pipeline.standing`) --------
# Keyed by language (ISO 639-1); a sentence is read with the lists of its article's language and English.
# Words that name a cable or its kind: "the cable", "el despacho", "la note", "o telegrama", "die Depesche".
# Abbreviations whose full stop ends no sentence, by language ("EE. UU." is Spanish for the United
# States, "Sra." a title; one capital is any initial). Common titles and the English months are here;
# a lower-case abbreviation ("etc.") ends a sentence as often as not and is left out.
ABBREVIATIONS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "Gen",
           "Sen", "Rep", "Gov", "St", "Amb", "Lt", "Col", "Maj", "Sgt", "Jr", "Sr", "Inc", "Co", "Corp", "No", "vs",
           "U.S"),
    "es": ("EE", "UU", "Sra", "Srta", "Dra", "Gral", "Lic", "Ing", "Prof"),
    "pt": ("Sra", "Dra", "Gen", "Prof"),
    "fr": ("Mme", "Mlle", "Pr", "Prof"),
    "de": ("Hr", "Fr", "Prof"),
}

# Words that give a quotation as a document's title ("a cable titled", "se titula", "intitulée", "mit dem
# Titel"); not "subject" or "asunto" alone ("el asunto" is any matter, "encabezado por" is led by).
TITLE_WORDS = {
    "en": r"titled|entitled|headlined|subject line|(?:under|with) the (?:title|heading|subject)",
    "es": r"t[íi]tulo|titula(?:ba|do|da)?",
    "fr": r"intitul[ée]e?s?|titr[ée]e?s?|sous le titre|avec pour titre",
    "pt": r"intitulad[oa]s?|titulad[oa]s?|com o t[íi]tulo|sob o t[íi]tulo",
    "de": r"mit dem Titel|unter dem Titel|betitelt(?:e[nrs]?)?|überschrieben(?:e[nrs]?)?|unter der Überschrift",
}

# Languages that write every noun with a capital: there the case is part of the word, and a word is put
# into English as written ("Substanz", not "substanz").
CASED_NOUNS = frozenset({"de"})

# Who wrote or signed a cable, in the languages read otherwise by the English reader: the verbs that
# make the person named beside them its writer ("escreveu o embaixador Clifford Sobel", "l'ambassadeur
# Charles Rivkin écrit", "schrieb Botschafter Philip Murphy"), the phrases of a signature ("assinado pelo",
# "signé par", "unterzeichnet von"), and the titles that stand before a diplomat's name.
WRITING_VERBS_BY_LANGUAGE = {
    "pt": r"escreveu|escreve|escrevia|relatou|relata|telegrafou|redigiu|assinou|assina",
    "fr": r"a écrit|écrit|écrivait|a rapporté|rapporte|rapportait|a rédigé|rédige|a signé|signe",
    "de": r"schrieb|schreibt|kabelte|kabelt|berichtete|meldete|unterzeichnete|unterschrieb",
}
SIGNED_BY_LANGUAGE = {
    "pt": r"assinad[oa]s?\s+(?:por|pel[oa])|escrit[oa]s?\s+(?:por|pel[oa])|redigid[oa]s?\s+(?:por|pel[oa])",
    "fr": r"sign[ée]e?s?\s+par|[ée]crit[e]?s?\s+par|r[ée]dig[ée]e?s?\s+par",
    "de": r"unterzeichnet\s+von|unterschrieben\s+von|verfasst\s+von|geschrieben\s+von",
}
# German puts the signer between "von" and the participle: "eine von Botschafter Murphy unterzeichnete
# Depesche"
SIGNED_BY_NAME_FIRST = {"de": r"(?:unterzeichnet|unterschrieben|verfasst|geschrieben)e[nrs]?"}
DIPLOMAT_TITLES = {
    "pt": r"(?:(?:o|a)\s+)?(?:então\s+)?(?:embaixador[a]?|encarregad[oa]\s+de\s+neg[óo]cios|c[ôo]nsul|diplomata)"
          r"(?:\s+(?:americano|americana|norte-americano|norte-americana|dos\s+EUA|dos\s+Estados\s+Unidos))?",
    "fr": r"(?:[lL]['’]\s?|[lL]e\s+|[lL]a\s+)?(?:ancien\s+|ancienne\s+)?(?:ambassadeur|ambassadrice|charg[ée]e?\s+d['’]affaires|"
          r"consul|diplomate)(?:\s+(?:am[ée]ricain|am[ée]ricaine|des\s+[ÉE]tats-Unis))?",
    "de": r"(?:[dD]er\s+|[dD]ie\s+)?(?:damalige[rn]?\s+)?(?:US-)?(?:Botschafter(?:in)?|Gesch[äa]ftstr[äa]ger(?:in)?|"
          r"Generalkonsul(?:in)?|Konsul(?:in)?|Diplomat(?:in)?)",
}

DOCUMENT_NOUNS = {
    "en": r"cables?|memos?|memorand(?:um|a)|dispatch(?:es)?|telegrams?|documents?|messages?|wires?",
    "es": r"cables?|despachos?|documentos?|telegramas?|informes?|memor[áa]ndums?|memorandos?|reportes?|textos?",
    "fr": r"c[âa]bles?|t[ée]l[ée]grammes?|notes?|documents?|d[ée]p[êe]ches?|m[ée]mos?|messages?",
    "pt": r"telegramas?|documentos?|despachos?|relat[óo]rios?|textos?|cabos?|mensagens?|memorandos?",
    "de": r"Depeschen?|Dokumenten?|Dokumente|Berichten?|Berichte|Telegramme?n?|Kabeln?|Memos?|Botschaftsberichte?n?",
}  # fmt: skip
# The articles and demonstratives that name a document already introduced ("o relatório", "the cable",
# "dieses Dokument"), and those that introduce another one ("outro documento", "another cable"): what
# tells a sentence that refers back to a dated document from one that brings in a new one.
DEFINITE_DETERMINERS = {
    "en": r"the|this|that",
    "es": r"el|la|los|las|este|esta|ese|esa|dicho|dicha|mismo|misma",
    "fr": r"le|la|les|l['’]|ce|cet|cette|ledit|ladite|m[êe]me",
    "pt": r"o|a|os|as|este|esta|esse|essa|tal|mesmo|mesma|no|na|do|da|pelo|pela",
    "de": r"der|die|das|dem|den|des|dieser|diese|dieses|diesem|diesen|im",
}  # fmt: skip
ANOTHER_DOCUMENT = {
    "en": r"another|other|an?|one|second|earlier|later",
    "es": r"otr[oa]s?|un|una|segund[oa]",
    "fr": r"autres?|un|une|second|seconde|deuxi[èe]me",
    "pt": r"outr[oa]s?|um|uma|segund[oa]",
    "de": r"andere[nmrs]?|ein|eine|einer|einem|einen|zweite[nmrs]?",
}  # fmt: skip
# Words for the embassy and its diplomats, who write the cables: "the ambassador", "US-Diplomaten".
EMBASSY_NOUNS = {
    "en": r"embassy|embassies|ambassadors?|diplomats?|charg[ée]|consulates?|the americans|u\.?s\.? officials|"
          r"state department|department of state",
    "es": r"embajadas?|embajador(?:a|es)?|diplom[áa]ticos?(?= estadounidenses| norteamericanos| de ee)|"
          r"encargad[oa] de negocios|consulados?|los estadounidenses|los norteamericanos|departamento de estado",
    "fr": r"ambassades?|ambassadeurs?|diplomates?|les am[ée]ricains|consulats?",
    "pt": r"embaixadas?|embaixador(?:a|es)?|diplomatas?|os americanos|os norte-americanos|consulados?",
    "de": r"Botschaft(?:en)?|Botschafter[ns]?|\w*Diplomat(?:en)?|die Amerikaner|Konsulat",
}  # fmt: skip
# Verbs with which an article gives words to someone, by language (English: SPEECH_VERBS above).
SPEECH_VERBS_BY_LANGUAGE = {
    "en": SPEECH_VERBS + ("called", "calls", "describes", "portrayed", "portrays", "responded", "emphasized",
                          "mentioned", "quotes", "added", "speaks", "spoke", "talks", "talked", "saying"),
    "es": SPANISH_SPEECH_VERBS + ("habla", "hablan", "hablaba", "califica", "califican", "calificado", "descrito",
                                  "descritos", "descrita", "llama", "llaman", "llamó", "insistió", "dicen",
                                  "afirman", "señalan", "sostienen", "precisa", "precisó", "exhorta", "diciendo",
                                  "expresó", "expresa", "expresaba", "manifestó", "manifiesta", "comunicó"),
    "fr": ("dit", "a dit", "déclare", "a déclaré", "affirme", "a affirmé", "écrit", "a écrit", "explique",
           "a expliqué", "parle", "a parlé", "estime", "a estimé", "ajoute", "a ajouté", "souligne", "indique",
           "a indiqué", "qualifie", "qualifié", "qualifiée", "qualifiés", "traité", "traitée", "taxé", "taxée",
           "décrit", "décrite", "jugé", "jugée", "raconte", "rapporte", "note", "précise", "a précisé",
           "assure", "a assuré", "confie", "a confié", "selon"),
    "pt": ("disse", "diz", "dizem", "afirma", "afirmou", "afirmam", "declarou", "escreve", "escreveu",
           "relata", "relatou", "informou", "informa", "contou", "conta", "explicou", "explica", "comentou",
           "avaliou", "avalia", "destacou", "ressaltou", "acrescentou", "dito", "teria dito", "classifica",
           "classificou", "chama", "chamou", "descreve", "descreveu", "considera", "considerou", "segundo",
           "contado", "expressou", "manifestou", "revelou", "relatado"),
    "de": ("sagte", "sagt", "sagten", "schreibt", "schrieb", "schreiben", "schrieben", "erklärte", "erklärt",
           "meinte", "meint", "betonte", "betont", "heißt es", "hieß es", "berichtet", "berichtete",
           "beschrieben", "bezeichnet", "bezeichnete", "nennen", "nennt", "nannte", "nannten", "warnte",
           "fügte", "urteilt", "urteilte", "laut"),
}  # fmt: skip
# Verbs of a public reaction with which an article gives someone's words ("Calderon criticized "…"",
# "condenó", "a dénoncé", "kritisierte"): read by `pipeline.standing` only, as its speech verbs.
REACTION_VERBS_BY_LANGUAGE = {
    "en": ("criticized", "criticised", "criticizes", "criticises", "condemned", "condemns", "denounced",
           "denounces", "decried", "decries", "lambasted", "blasted"),
    "es": ("criticó", "critica", "condenó", "condena", "denunció", "denuncia", "reprochó", "reprocha"),
    "fr": ("a critiqué", "critique", "a condamné", "condamne", "a dénoncé", "dénonce", "a fustigé", "fustige"),
    "pt": ("criticou", "critica", "condenou", "condena", "denunciou", "denuncia"),
    "de": ("kritisierte", "kritisiert", "verurteilte", "verurteilt", "prangerte", "beklagte", "beklagt"),
}  # fmt: skip
# Words said about the cables, not in them: the cables are the subject of the quoted words ("says that the
# dispatches relating to Mexico "do not represent U.S. policy"", "the content of the memos is "incomplete
# and inaccurate""). What may stand between the cables and the quote: a copula, and words that say which
# cables ("relating to Mexico", "sobre México"), an aside in brackets aside.
COPULAS = {
    "en": r"is|are|was|were|remain|remains",
    "es": r"es|son|era|eran|fue|fueron|está|están|resultan?",
    "fr": r"est|sont|était|étaient|restent|reste",
    "pt": r"é|são|era|eram|foi|foram|está|estão",
    "de": r"ist|sind|war|waren|sei|seien|bleiben",
}  # fmt: skip
WHICH_CABLES = {
    "en": r"relating|related|referring|about|on|concerning|regarding|from|of",
    "es": r"sobre|relativ[oa]s?|referid[oa]s?|acerca|de|del|\w+[ai]d[oa]s",  # "los documentos filtrados"
    "fr": r"sur|concernant|relati(?:f|fs|ve|ves)|de|des|du|\w+[ée]e?s",  # "les télégrammes publiés"
    "pt": r"sobre|relativ[oa]s?|referentes?|de|do|dos|da|das|\w+[ai]d[oa]s",  # "os telegramas vazados"
    "de": r"über|zu|zum|zur|von|vom|aus|der|des",
}  # fmt: skip
# Participles with which an article says how someone is described ("is called a", "est qualifié de",
# "wird … beschrieben"): the subject is the person described, never the speaker.
# Auxiliaries that make a participle passive ("is described as", "est qualifié de", "fue calificado").
PASSIVE_AUXILIARIES = (r"is|are|was|were|been|being|be|es|son|fue|fueron|era|eran|sido|est|sont|[ée]t[ée]|fut|"
                       r"[ée]|s[ãa]o|foi|foram|wird|werden|wurde|wurden|ist")
DESCRIBED_VERBS = {
    "en": r"described|called|portrayed|depicted|labell?ed|branded|characteri[sz]ed|dubbed|seen",
    "es": r"descrit[oa]s?|calificad[oa]s?|tildad[oa]s?|llamad[oa]s?|considerad[oa]s?|vist[oa]s?|definid[oa]s?",
    "fr": r"qualifi[ée]e?s?|trait[ée]e?s?|tax[ée]e?s?|d[ée]crite?s?|jug[ée]e?s?|consid[ée]r[ée]e?s?|estim[ée]e?s?",
    "pt": r"descrit[oa]s?|chamad[oa]s?|classificad[oa]s?|considerad[oa]s?|qualificad[oa]s?|vist[oa]s?",
    "de": r"beschrieben|bezeichnet|genannt|dargestellt|charakterisiert|eingesch[äa]tzt",
}  # fmt: skip
# Verbs that say someone wrote the words: a named writer in an article about cables writes a cable.
WRITING_VERBS = r"wrote|writes|cabled|escribi[óo]|escribe|escrib[íi]a|telegrafi[óo]|[ée]crit|a [ée]crit|escreveu|escreve|schrieb|schreibt|schreiben|schrieben"
# Words that end a speaker's name or description: prepositions and conjunctions ("sagte Angela Merkel
# über die …", "said Calderon in remarks", "dijo un editor de Le Monde" keeps "de" before a name).
SPEAKER_STOPS = frozenset(
    ["in", "on", "at", "to", "about", "during", "after", "before", "over", "from", "for", "with", "and", "but", "as", "while", "when", "since", "that", "which", "who", "en", "sobre", "a", "al", "con", "para", "tras", "durante", "desde", "y", "pero", "que", "quien", "cuando", "sur", "à", "au", "aux", "dans", "avec", "pour", "après", "et", "mais", "qui", "quand", "lors", "em", "no", "na", "sobre", "com", "para", "após", "e", "mas", "quando", "über", "von", "vom", "zum", "zur", "im", "am", "mit", "nach", "bei", "und", "aber", "als", "wenn", "dass", "der"])
SPEAKER_PARTICLES = frozenset({"de", "del", "des", "du", "da", "do", "dos", "das", "of", "von", "la", "le"})
DETERMINERS = frozenset(["the", "a", "an", "el", "la", "los", "las", "un", "una", "le", "les", "une", "o", "os", "as", "um", "uma", "der", "die", "das", "ein", "eine"])
# German reported speech is marked by the subjunctive ("Westerwelle habe …", "sei sie … belastet"):
# someone's words, reported.
REPORTED_SUBJUNCTIVE = {"de": r"habe|sei|seien|werde|könne|müsse|solle|wolle|dürfe",
                        # the conditional of hearsay: "Ele também teria contado a Sobel", "il aurait dit",
                        # "habría dicho" (not "sería": a plain conditional in Spanish)
                        "pt": r"teria|teriam|estaria|estariam|haveria",
                        "fr": r"aurait|auraient",
                        "es": r"habría|habrían"}
# Where a statement is made in public, on the record, rather than written in a cable.
PUBLIC_CUES_BY_LANGUAGE = {
    "en": r"told (?:reporters|journalists|the press|a news conference|lawmakers|parliament|congress|senators|"
          r"(?:an?|the) (?:\w+ )?(?:newspaper|paper|daily|radio|television|tv station|station|magazine|news agency|"
          r"agency|website|broadcaster|network|interviewer|audience|crowd)|the (?-i:(?!Ambassador|Embassy|Department)"
          r"[A-Z][a-z]+)\b)|"
          r"(?:said|says|wrote|added|told \w+) (?:in|during|on) (?:an? |his |her |their )?(?:interview|statement|"
          r"e-?mail|speech|press conference|news conference|briefing|remarks|comments|tweet|blog|radio|television|tv)|"
          r"(?:said|says|told \w+|added|stated) (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
          r"yesterday|today|last week)|"
          r"in (?:an? |his |her )?(?:statement|speech|tweet|press release|e-?mail|interview)s?|"
          r"remarks (?:published|broadcast|aired)|at (?:a|the) (?:press|news) conference|spokes(?:man|woman|person)|"
          r"on (?:television|radio|twitter)|declined to comment|[Aa]sked (?:if|whether|about)|publicly|in public|"
          # a publication's own words, relayed: "according to the site"
          r"according to (?:the|its) (?:web)?site",
    "es": r"dijo a (?:la prensa|los periodistas|los medios|(?:un|el|la) (?:diario|peri[óo]dico|canal|radio|emisora|"
          r"televisi[óo]n)|radio|Radio)|"
          r"en (?:una )?(?:rueda|conferencia) de prensa|en (?:un|una|su) (?:comunicado|entrevista|discurso|"
          r"declaraci[óo]n)|en declaraciones a|portavoz|vocero|declar[óo] a|un editor de|un periodista de|"
          r"p[úu]blicamente|en p[úu]blico|(?:dijo|declar[óo]|afirm[óo]) (?:este |el )?(?:lunes|martes|mi[ée]rcoles|"
          r"jueves|viernes|s[áa]bado|domingo|ayer)|seg[úu]n (?:el|su) (?:sitio|portal)(?: web)?",
    "fr": r"a d[ée]clar[ée]|dans (?:un|une) (?:communiqu[ée]|entretien|interview|discours)|"
          r"en conf[ée]rence de presse|porte-parole|[àa] la presse|publiquement|en public|selon (?:le|son) site",
    "pt": r"em (?:nota|entrevista|comunicado|coletiva)|porta-voz|[àa] imprensa|a jornalistas|"
          r"disse (?:[àa] r[áa]dio|[àa] televis[ãa]o|ao jornal|[àa] TV)|"
          r"n[ãa]o (?:vai|iria) se pronunciar|em discurso|publicamente|em p[úu]blico|segundo o (?:site|portal)",
    "de": r"im Interview|in einer (?:Erkl[äa]rung|Pressekonferenz|Stellungnahme|Rede)|vor Journalisten|"
          r"Sprecher(?:in)?|Regierungssprecher|sagte (?:der|die) (?:Zeitung|Bild|Presse)|öffentlich|"
          r"laut (?:der|ihrer) (?:Website|Webseite|Internetseite)",
}  # fmt: skip
# Classification markings, in the languages articles print them: "secreto", "confidentielles", "NOFORN".
CLASSIFICATION_WORDS = {
    "en": r"secret|top secret|confidential|classified|unclassified|sensitive|noforn|nofor|for official use only|"
          r"limited official use|sbu|restricted",
    "es": r"secret[oa]s?|confidencial(?:es)?|clasificad[oa]s?|no clasificad[oa]s?|reservad[oa]s?|sensibles?|"
          r"(?:s[óo]lo )?para uso oficial|sin acceso a extranjeros",
    "fr": r"secr[eè]te?s?|confidenti(?:el|elle)s?|classifi[ée]e?s?|sensibles?|diffusion restreinte",
    "pt": r"secret[oa]s?|confidenciais|confidencial|sigilos[oa]s?|classificad[oa]s?|sens[íi]ve(?:l|is)|reservad[oa]s?",
    "de": r"geheim|streng geheim|vertraulich(?:e|en)?|Verschlusssache|nur f[üu]r den Dienstgebrauch|sensibel",
}  # fmt: skip
# The article names a thing, it does not quote anyone: "known as the "cablegate"", "the so-called …".
NAMING_CUES = {
    "en": r"known as|referred to as|so-called|dubbed|entitled|titled",
    "es": r"(?:se )?conoce como|conocid[oa]s? como|denominad[oa]s? como|llamad[oa] así|titulad[oa]|intitulad[oa]",
    "fr": r"connue? (?:sous le nom de|comme)|surnomm[ée]e?|intitul[ée]e?|baptis[ée]e?",
    "pt": r"conhecid[oa]s? como|chamad[oa]s? de|intitulad[oa]|batizad[oa]",
    "de": r"sogenannten?|so genannten?|bekannt als|mit dem Titel|betitelt",
}  # fmt: skip
# Nouns for words, language or tone: a quote that qualifies them ("described in "unflattering" terms")
# describes the words, it does not quote them.
WORDS_NOUNS = {
    "en": r"terms|words|language|tone|adjectives|epithets",
    "es": r"t[ée]rminos|palabras|tono|lenguaje|calificativos|adjetivos|apelativos",
    "fr": r"termes|mots|ton|langage|qualificatifs|adjectifs",
    "pt": r"termos|palavras|tom|linguagem|adjetivos",
    "de": r"Worten|Begriffen|Tönen|Ton|Sprache|Adjektiven",
}  # fmt: skip
# Words that credit the words to a source explicitly ("according to a cable", "según el despacho"); the
# source noun follows within three words.
ACCORDING_TO = r"according to|as quoted in|quoted in|seg[úu]n|de acuerdo con|selon|d'apr[èe]s|segundo|conforme|laut|zufolge"
# Who relays the cables (the site that published them): its summary is no public statement.
RELAY_NOUNS = r"wikileaks|the site|the website|el sitio|el portal|le site|o site|die Plattform|Wikileaks-\w+"
RELAY_RE = re.compile(r"(?:" + RELAY_NOUNS + r")", re.I)
# Possessive and demonstrative determiners: one word in quotation marks after them ("this "gem"", "su
# "invitación"", "sus "confidencias"") is the reporter's irony, not a source's word.
POSSESSIVES = {
    "en": r"this|that|these|those|his|her|its|their|our",
    "es": r"su|sus|este|esta|estos|estas|ese|esa|esos|esas|nuestra?s?",
    "fr": r"son|sa|ses|leur|leurs|ce|cet|cette|ces|notre|nos",
    "pt": r"seu|sua|seus|suas|este|esta|esse|essa|nosso|nossa",
    "de": r"sein|seine|seinen|seiner|ihr|ihre|ihren|ihrer|dieser|diese|dieses|diesen",
}  # fmt: skip
# A reader's or the reporter's own act ("when you read this"), not a source speaking.
FIRST_SECOND_PERSON = r"I|we|you|yo|t[úu]|nosotros|vous|nous|je|tu|wir|ihr|du|eu|n[óo]s|voc[êe]s?"


@cache
def everyday_english(word: str) -> bool:
    """A word of everyday English (wordfreq Zipf `NAME_PART_COMMON_ZIPF` or more: "interior", "embassy",
    "moreover", "meanwhile"), so no part of a name however it is capitalised; below it, surnames
    ("Calderon" 2.8, "Westerwelle" 1.6, "Merkel" 3.4) and rare words."""
    from wordfreq import zipf_frequency

    from .weights import NAME_PART_COMMON_ZIPF

    return zipf_frequency(word, "en") >= NAME_PART_COMMON_ZIPF
