"""Numbers in text read as values, in English and Spanish writing: `1,300` and `1.300`, `8.5%` and
`8,5%`, `USD 1.3 billion` and `1.300 millones de dólares`, `ten` and `diez`.

Shared below the stages that use it: `pipeline.reworded` compares a rewording's numbers as values,
`pipeline.translation` and `retrieve.crosslingual` search for a quote's numbers as an English cable
writes them (`english_numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import SPANISH_NUMBER_WORDS
from .tokens import NUMBER_WORDS, fold

SCALES = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    "mil": 1e3, "millon": 1e6, "millones": 1e6, "mil millones": 1e9, "millardo": 1e9, "millardos": 1e9,
    "billon": 1e12, "billones": 1e12,
}  # fmt: skip
# "one"/"un" are articles as often as numbers, "zero" and "hundred" rarely stand alone
ENGLISH_NUMBER_WORDS = {w: int(n) for w, n in NUMBER_WORDS.items() if w not in ("zero", "one", "hundred")}
WORD_VALUES = ENGLISH_NUMBER_WORDS | SPANISH_NUMBER_WORDS
NUMBER_RE = re.compile(  # "1990s", "1990's", "21st" are numbers too; "3G" is not
    r"(?<![\d.,])(?P<num>\d+(?:[.,]\d+)*)(?!\d)(?:['’]?s|st|nd|rd|th)?(?![^\W\d_])|(?P<word>\b(?:" + "|".join(sorted(WORD_VALUES, key=len, reverse=True)) + r")\b)",
    re.I,
)
SCALE_RE = re.compile(r"\s*(?P<scale>mil\s+millones|" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b", re.I)


@dataclass(frozen=True)
class Amount:
    value: float
    text: str  # as written
    shown: str = ""  # with the word or sign that follows it ("40 años", "67 %"): what a reader recognises


UNIT_RE = re.compile(r"\s?(?:%|por ciento|per ?cent|[^\W\d_]+)", re.I)


def read_value(number: str) -> float:
    """`1,300` and `1.300` are thousands (a separator before exactly three digits), `8,5` and `8.5`
    decimals: the same reading for English and Spanish writing."""
    parts = re.split(r"([.,])", number)
    digits, decimals = parts[0], ""
    for sep_i in range(1, len(parts), 2):
        group = parts[sep_i + 1]
        if len(group) == 3 and not decimals:  # noqa: PLR2004 - thousands are written in groups of three digits
            digits += group
        else:
            decimals = group
    return float(f"{digits}.{decimals}" if decimals else digits)


def amounts(text: str) -> list[Amount]:
    """The numbers of a text, as values (a following `million`, `millones`, `mil` scales them)."""
    out = []
    for m in NUMBER_RE.finditer(text):
        value = read_value(m.group("num")) if m.group("num") else float(WORD_VALUES[fold(m.group("word"))])
        scale = SCALE_RE.match(text, m.end())
        end = m.end()
        if scale:
            value *= SCALES[re.sub(r"\s+", " ", fold(scale.group("scale")))]
            end = scale.end()
        unit = UNIT_RE.match(text, end)
        out.append(Amount(round(value, 6), text[m.start() : end], text[m.start() : unit.end() if unit else end]))
    return out


def english_numbers(text: str) -> list[str]:
    """The digit-written numbers of a text as an English cable writes them (`8,5` -> `8.5`,
    `1.300 millones` -> `1.3` and `billion`): what a full-text search can look for."""
    out: list[str] = []
    for m in NUMBER_RE.finditer(text):
        if not m.group("num"):
            continue
        value = read_value(m.group("num"))
        scale = SCALE_RE.match(text, m.end())
        if scale:
            value *= SCALES[re.sub(r"\s+", " ", fold(scale.group("scale")))]
            for word, size in (("billion", 1e9), ("million", 1e6)):
                if value >= size:
                    out += [f"{value / size:g}", word]
                    break
            else:
                out.append(f"{value:g}")
        else:
            out.append(f"{value:g}" if value < 1e6 else str(int(value)))  # noqa: PLR2004 - `g` writes a million as 1e+06
    return list(dict.fromkeys(out))
