"""Does an unmarked change to a quote change what it says? The line a fact-checker draws between a
misquote and an edit that keeps the meaning, for the differences the discrepancy stage calls
substantive (words inserted, dropped or swapped without an ellipsis or brackets).

Always a change of meaning: a number changed, a negation or a hedge added or dropped, a word turned
into its opposite (their own kinds), and any content word inserted, dropped or swapped.

Keeps the meaning (an unmarked edit, which an editor still wants to see):
- a gloss in parentheses that spells out the acronym just before it ("GOM (government of Mexico)",
  "DTOs (drug-trafficking organizations)") or names the person a pronoun stands for ("Él
  (Calderón)"); also when it is the cable's own gloss the article leaves out;
- function words only inserted or dropped ("also", "that", "the", "another [one]"): the words of
  the language's stop list (spaCy's, per language: `spacy/lang/<lang>/stop_words.py`) less those
  that change what a sentence asserts (`MEANING_BEARING`: negators, focus and degree words,
  quantifiers, modals, conditional, causal and contrastive connectives, numbers, and the open-class
  words a stop list holds, such as "serious", "show" or "dijo"), less the project's negation, hedge
  and opposite lexicons;
- a swap whose two sides hold the same content words, only function words differing ("the"/"a").

A language without a stop list in spaCy keeps no edit as harmless: every word counts as content.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import ANTONYMS, HEDGES, NEGATIONS, stop_words
from .model import Discrepancy, DiscrepancyKind


def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Always a change of meaning, whatever the words.
MEANING_KINDS = frozenset({DiscrepancyKind.NUMBER_CHANGE, DiscrepancyKind.NEGATION, DiscrepancyKind.HEDGE,
                           DiscrepancyKind.ANTONYM})
WORD_KINDS = frozenset({DiscrepancyKind.INSERTION, DiscrepancyKind.DELETION, DiscrepancyKind.SUBSTITUTION})

# The stop-list words that carry meaning (Quirk et al. 1985, §8.116 ff.: restrictive and scalar
# focus particles and intensifiers change what is asserted, additive ones such as "also" do not;
# quantifiers, modals, negators and conditional, causal and contrastive connectives change it), and
# the open-class words spaCy's lists hold. Numbers count as meaning except the pronoun "one"
# ("another one"), which follows a determiner.
MEANING_BEARING = {
    "en": _listed("""
        only even just very too quite really rather enough much more most less least so such still already yet
        again ever once alone indeed all any anyone anything anywhere each every everyone everything everywhere
        both either few many several some someone something somewhere sometime sometimes various whole other
        others same own else if unless because since although though but or whether except otherwise however
        nevertheless therefore thus hence until before after while whereas instead will would can could should
        must may might shall cannot amount back bottom call empty front full give go get keep last first third
        next former formerly latter latterly made make move name part put say see serious show side take top
        used using together beforehand afterwards meanwhile now then please well due
        one two three four five six seven eight nine ten eleven twelve fifteen twenty forty fifty sixty hundred
    """),
    "es": _listed("""
        no ni nunca jamás nada nadie ninguno ninguna ningunos ningunas ningún tampoco sin solo sólo solamente sola
        solos solas incluso hasta muy más mas menos tan tanto demasiado bastante casi apenas aún aun todavía
        todavia ya siempre mucho mucha muchos muchas poco poca pocos pocas todo toda todos todas cada cualquier
        algo alguno alguna algunos algunas algún ambos varios varias cierto cierta ciertos ciertas mismo misma
        mismos mismas otro otra otros otras demás si sino pero aunque porque pues excepto salvo mientras antes
        después despues luego entonces quizá quizás quiza quizas posible parece puede pueden pueda puedo podría
        podrían podria podrian podrá podrán poder debe deben mejor peor mayor gran grande grandes buen buena
        bueno buenos buenas mal nuevo nueva nuevos nuevas verdad verdadero verdadera claro igual diferente
        diferentes largo breve pronto tarde temprano hoy primer primera primero primeros segunda segundo tercera
        tercero último última últimos últimas ultimo próximo proximo próximos siguiente anterior final fin total
        medio lado parte manera modo vez veces día días dia dias estado estados cuenta acuerdo respecto supuesto
        afirmó agregó añadió aseguró comentó consideró considera conocer conseguir dar decir dice dicen dicho
        dijo dijeron explicó expresó hace hacer hizo hecho habla hablan indicó informó informo llegó lleva llevar
        manifestó mencionó poner quedó quiere queremos realizar realizó realizado saber sabe señaló sigue tener
        tiene tienen tenido trata usa usar uso va van ir ver encuentra existe existen dejó dio dieron da dan dado
        creo junto dentro fuera arriba debajo encima contra tras bajo
        dos tres cuatro cinco seis siete ocho nueve diez once doce
    """),
}
PRONOUN_ONE = {"en": frozenset({"one"}), "es": frozenset({"uno", "una"})}
_LEXICONS = NEGATIONS | HEDGES | {w for pair in ANTONYMS for w in pair}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d[\d.,]*")
_GLOSS = re.compile(r"^\s*\(([^()]+)\)\s*$")
_LAST_WORD = re.compile(r"([^\W_]+)[^\w]*$")


@cache
def function_words(language: str) -> frozenset[str]:
    """The words whose insertion or loss leaves a sentence's meaning as it was, in a language."""
    return stop_words(language) - MEANING_BEARING.get(language, frozenset()) - _LEXICONS


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _before(text: str, start: int) -> str:
    m = _LAST_WORD.search(text[:start])
    return m.group(1) if m else ""


def _function_only(side: str, language: str, before: str) -> bool:
    """Every word of `side` is a function word (a lone "one" after a determiner is a pronoun)."""
    found = words(side)
    if not found:
        return True
    fw = function_words(language)
    for k, w in enumerate(found):
        prev = found[k - 1] if k else before.casefold()
        if w in fw or (w in PRONOUN_ONE.get(language, ()) and prev in stop_words(language)):
            continue
        return False
    return True


def _initials(ws: list[str]) -> str:
    return "".join(w[0] for w in ws if w)


def is_gloss(side: str, before: str, language: str) -> bool:
    """A parenthesis that spells out the acronym before it, or names whom the pronoun before it means."""
    m = _GLOSS.match(side)
    if not m or not before:
        return False
    inner = [w for w in re.split(r"[\s\-‐‑–]+", m.group(1).strip()) if w]
    acronym = before[:-1] if before.endswith("s") and before[:-1].isupper() else before
    if len(acronym) >= 2 and acronym.isupper():
        lowered = [w.casefold() for w in inner]
        content = [w for w in lowered if w not in stop_words(language)]
        return acronym.casefold() in (_initials(lowered), _initials(content))
    return before.casefold() in stop_words(language) and all(w[:1].isupper() for w in inner)


def keeps_meaning(d: Discrepancy, quote_text: str, source_text: str, language: str) -> bool:
    """True for an unmarked edit that leaves the meaning as it was (see the module's rules); False for a
    change of meaning. `quote_text`: the quote; `source_text`: the source paragraph (the spans'
    frames); `language`: the quote's (the cables are English)."""
    if d.kind not in WORD_KINDS:
        return False
    q_before = _before(quote_text, d.quote_span.start) if d.quote_span else ""
    s_before = _before(source_text, d.source_span.start) if d.source_span else ""
    if d.kind is DiscrepancyKind.INSERTION:
        return is_gloss(d.quote_side, q_before, language) or _function_only(d.quote_side, language, q_before)
    if d.kind is DiscrepancyKind.DELETION:
        return is_gloss(d.source_side, s_before, "en") or _function_only(d.source_side, "en", s_before)
    if language != "en":  # a swap across languages is a translation's wording, judged elsewhere
        return False
    fw = function_words("en")
    return [w for w in words(d.quote_side) if w not in fw] == [w for w in words(d.source_side) if w not in fw]
