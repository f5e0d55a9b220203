"""Unit change (substantive): the same number with another unit of measure ("50 miles" in the cable,
"50 kilometers" in the article). A changed unit changes the quantity as surely as a changed number;
the same unit written another way ("km"/"kilometers", "mile"/"miles") is not this kind."""

from __future__ import annotations

from ...model import Discrepancy, OpTag
from ...model import DiscrepancyKind as K
from ...tokens import is_number
from .base import Found, Step

# word -> the unit it names (plurals and abbreviations name the same unit)
UNITS = {
    word: unit
    for unit, words in {
        "kilometre": "km kilometer kilometers kilometre kilometres",
        "mile": "mile miles mi",
        "metre": "m meter meters metre metres",
        "foot": "ft foot feet",
        "yard": "yard yards",
        "tonne": "ton tons tonne tonnes",
        "kilogram": "kg kilo kilos kilogram kilograms kilogramme kilogrammes",
        "pound": "lb lbs pound pounds",
        "hectare": "ha hectare hectares",
        "acre": "acre acres",
        "litre": "l liter liters litre litres",
        "gallon": "gallon gallons",
        "barrel": "barrel barrels bbl",
    }.items()
    for word in words.split()
}


def rule(s: Step) -> Found | None:
    op, qs, ps = s.op, s.qs, s.ps
    if not (op.tag is OpTag.REPLACE and len(qs) == len(ps) == 1 and op.q1 > 0 and op.p1 > 0):
        return None
    q_unit, p_unit = UNITS.get(qs[0].key), UNITS.get(ps[0].key)
    before_q, before_p = s.qtoks[op.q1 - 1], s.ptoks[op.p1 - 1]
    if (q_unit is None or p_unit is None or q_unit == p_unit
            or not (is_number(before_q.key) and before_q.key == before_p.key)):
        return None
    qw, pw = s.sides()
    return Found((Discrepancy(K.UNIT_CHANGE, s.qtext[qw.start : qw.end], s.ptext[pw.start : pw.end], qw, pw),))
