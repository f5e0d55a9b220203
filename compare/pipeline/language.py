"""Which language is a quote in? A count of each language's commonest words, which make up a
third or more of any sentence: enough to tell English from Spanish, French, Portuguese, German and
Italian, offline and at once. Short quotes borrow the words of their sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Language, Quote
from ..weights import LANGUAGE_MIN_SHARE, LANGUAGE_MIN_WORDS

COMMON = {
    Language.EN: "the of and to in a is that for it was on with as by be are this from at or an not have has had "
          "will would but which they their been were its who he she we said",
    Language.ES: "el la de que y en los las del se por un una con no para es al lo como más pero su sus le ya o fue "
          "este ha si porque esta son entre cuando muy sin sobre también me hasta hay donde están ser",
    Language.FR: "le la les de des et en un une du que qui est pas pour dans ce il sur au avec se ne sont par plus "
          "cette mais ont été aux",
    Language.PT: "o a os as de do da dos das e em um uma que não para com por é ao se mais na no foi pelo pela "
          "como mas são sua seu",
    Language.DE: "der die das und ist nicht den dem ein eine zu mit von sich auf für des im es auch als an wird "
          "sind wurde werden",
    Language.IT: "il lo la gli le di che e un una per non con del della sono è al nel si da ma come più anche "
          "questo stato",
}
LETTERS = {Language.ES: "ñÑ¿¡áíóú", Language.FR: "èêçàùœ", Language.PT: "ãõç", Language.DE: "äöüß", Language.IT: "ìò"}
WORDS = {lang: frozenset(words.split()) for lang, words in COMMON.items()}
WORD_RE = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*")  # "y-o-y" is one word, not Spanish "y" and "o"


@lru_cache(maxsize=256)  # a sentence's quotes share its text
def detect(text: str) -> Language | None:
    """The language whose common words `text` uses most, or None when it uses too
    few of any (a name, a number, a word or two)."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    if not words:
        return None
    scores = {lang: sum(w in common for w in words) for lang, common in WORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < LANGUAGE_MIN_WORDS or scores[best] < LANGUAGE_MIN_SHARE * len(words):
        return None
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] > ranked[1]:
        return best
    # a tie on common words ("la", "de" are Spanish, French and Italian): letters only one of them uses
    tied = [lang for lang, n in scores.items() if n == ranked[0]]
    marked = [lang for lang in tied if any(c in text for c in LETTERS.get(lang, ""))]
    return marked[0] if len(marked) == 1 else None


def of_quote(quote: Quote) -> Language | None:
    """The quote's language, from its own words, or from its sentence when it has too few, or from the
    article's own words when its sentence has too few too ("…", schreiben die Amerikaner)."""
    return detect(quote.text) or detect(quote.context) or quote.article_language
