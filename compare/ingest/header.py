"""A cable from its text: the reference ID, the metadata in its header (date, classification,
origin, subject, tags, classified by, references) and its paragraphs (`paragraphs`). Every cable
reader ends here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..lexicon import MONTH_NUMBER
from ..model import Cable
from ..resources import routing
from . import paragraphs as paras

ID_RE = re.compile(r"\b(\d{2})[ \t]?([A-Z][A-Z]{1,24}?)[ \t]?0*(\d{1,6})\b")
CLASSIFICATIONS = (
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "SECRET//NOFORN", "CONFIDENTIAL//NOFORN",
    "SECRET/NOFORN", "CONFIDENTIAL/NOFORN", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED",
)  # fmt: skip
CLASS_ALT = "|".join(re.escape(c) for c in CLASSIFICATIONS)
META_RE = re.compile(
    r"(?P<id>\d{2}[A-Z]+\d+)\s+(?P<created>\d{4}-\d{2}[-.]\d{2})(?:\s+\d\d:\d\d(?::\d\d)?)?"
    r"(?:\s+\d{4}-\d{2}-\d{2}(?:\s+\d\d:\d\d(?::\d\d)?)?)?\s+(?P<cls>" + CLASS_ALT + r")\s+(?P<origin>"
    r"(?:Embassy|Consulate|Mission|USUN|US Mission|Secretary of State|Department of State|Office)"
    r"[A-Za-z .,'-]*?)(?=\s+Appears\b|\s*$|\s{2}|\s+VZCZC|\s+[A-Z]{2,}\s)"
)
BANNERS = {
    "S E C R E T": "SECRET",
    "C O N F I D E N T I A L": "CONFIDENTIAL",
    "U N C L A S S I F I E D": "UNCLASSIFIED",
    "UNCLAS": "UNCLASSIFIED",
}
def canonical_id(text: str) -> str | None:
    """`09MEXICO 3077`, `09MEXICO003077` -> `09MEXICO3077`."""
    m = ID_RE.search(text.upper())
    return f"{m.group(1)}{m.group(2)}{int(m.group(3))}" if m else None


def _iso(y: str, mo: str, d: str) -> str | None:
    year, month, day = int(y), int(mo), int(d)
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _dtg(flat: str) -> tuple[str | None, str | None]:
    """(ISO date, two-digit year) from a date-time group such as `141842Z AUG 08`."""
    m = re.search(r"\b(\d{2})(\d{4})Z\s+([A-Z]{3})\s+(\d{2})\b", flat)
    if not m or m.group(3).lower() not in MONTH_NUMBER:
        return None, None
    return _iso("20" + m.group(4), str(MONTH_NUMBER[m.group(3).lower()]), m.group(1)), m.group(4)


@dataclass
class HeaderFields:
    """What a cable's header says about it, each field None (tags empty) where it says nothing."""

    date: str | None = None  # ISO date, YYYY-MM-DD
    classification: str | None = None
    origin: str | None = None
    subject: str | None = None
    tags: tuple[str, ...] = ()
    classified_by: str | None = None


def _header_fields(header: str, page_title: str | None) -> HeaderFields:
    flat = " ".join(header.split())
    out = HeaderFields()
    m = META_RE.search(flat)
    if m:
        out.date = _iso(*re.split(r"[-.]", m.group("created")))
        out.classification = m.group("cls")
        out.origin = m.group("origin").strip()
    if out.date is None:
        dm = re.search(r"\b(?:Date|Created):?\s*(\d{4})-(\d{2})[-.](\d{2})", flat)
        out.date = _iso(*dm.groups()) if dm else _dtg(flat)[0]
    if not out.classification:
        cm = re.search(r"Classification:\s*(" + CLASS_ALT + r")", flat)
        if cm:
            out.classification = cm.group(1)
        else:
            for banner, name in BANNERS.items():
                if re.search(re.escape(banner) + r"\b", flat):
                    out.classification = name
                    break
    if not out.origin:
        om = re.search(r"(?:Source|Origin):\s*((?:Embassy|Consulate|Mission)\s+[A-Z][a-z]+(?: (?!Classification|Dunno|Destination|Source)[A-Z][a-z]+)?)", flat)
        fm = re.search(r"\bFM AM(EMBASSY|CONSUL)\s+([A-Z]+(?: [A-Z]+)?)(?=\s+TO\b)", flat)
        if om:
            out.origin = om.group(1)
        elif fm:
            out.origin = ("Embassy " if fm.group(1) == "EMBASSY" else "Consulate ") + fm.group(2).title()
    sm = re.search(
        r"SUBJECT:?\s*(.+?)(?=\s+(?:REF\b|Classified By|CLASSIFIED BY|DERIVED FROM|Classified Secret)|$)", flat
    )
    if sm:
        out.subject = sm.group(1).strip(" .")
    elif page_title:
        out.subject = page_title
    tm = re.search(r"\bTAGS:?\s+((?:[A-Z][A-Za-z]{1,6}\b[, ]*)+)", flat)
    if tm:
        out.tags = tuple(t for t in re.split(r"[,\s]+", tm.group(1)) if t and t != "SUBJECT")
    cb = re.search(r"Classified By:?\s*(.{3,120}?)(?:[.;,]?\s*Reasons?\b|$)", flat, re.I)
    if cb:
        out.classified_by = cb.group(1).strip(" .;,")
    return out


def _references(header: str, year: str | None) -> tuple[str, ...]:
    flat = " ".join(header.split())
    refs: list[str] = []
    rm = re.search(r"\bREF:?\s*(.+?)(?=\s+(?:Classified By|CLASSIFIED BY|DERIVED FROM|Classified)\b|$)", flat)
    if rm:
        for m in re.finditer(r"(?:\b(\d{2})\s+)?\b([A-Z][A-Z]+(?: [A-Z]+)?)\s+0*(\d{1,6})\b", rm.group(1)):
            y = m.group(1) or year
            if y and m.group(2) not in {"REF", "STATE A", "PARA"}:
                refs.append(f"{y}{m.group(2).replace(' ', '')}{int(m.group(3))}")
    dm = re.search(r"Dunno:\s*((?:\d{2}[A-Z]+\d+\s*)+)", flat)
    if dm:
        refs.extend(canonical_id(x) or x for x in dm.group(1).split())
    return tuple(dict.fromkeys(refs))


def _derive_id(flat: str) -> str | None:
    """An ID from the routing line and date-time group: `DE RUEHME #2498` + `AUG 08` -> `08MEXICO2498`."""
    de = re.search(r"\bDE\s+(RUEH[A-Z]{1,3})\s+#(\d{1,5})", flat)
    _, yy = _dtg(flat)
    if not de or not yy:
        return None
    number = int(de.group(2))
    pm = re.search(r"\b([A-Z][A-Z ]{1,30}?)\s+0*" + str(number) + r"\s+\d{3}\s+OF\s+\d{3}\b", flat)
    bm = re.search(r"\b([A-Z][A-Z]+(?: [A-Z]+)?)\s+0*" + str(number) + r"\b", flat)
    origin = pm.group(1) if pm else routing().get(de.group(1)) or (bm.group(1) if bm else None)
    return f"{yy}{origin.replace(' ', '')}{number}" if origin else None


def parse_cable(text: str, source: str, cable_id: str | None = None, meta: str = "",
                page_title: str | None = None, offset: int = 0) -> Cable | None:
    """One cable from its text (header and body). None when it has neither body text nor a reference
    ID; a record cut short after its header (the release has some) keeps its metadata and subject."""
    body = paras.split(text, offset)
    if not body.paragraphs and not (cable_id or meta):
        return None
    header = meta + "\n" + text[: body.header_end]
    fields = _header_fields(header, page_title)
    flat_all = " ".join(text.split())
    cid = cable_id or (canonical_id(" ".join(meta.split()[:8])) if meta else None) or _derive_id(flat_all)
    if not cid:
        return None
    year = cid[:2]
    if fields.date is None:
        fields.date = _dtg(flat_all)[0]
    signer = body.signer
    if not fields.origin:
        letters = re.match(r"\d{2}([A-Z]+)", cid)
        fields.origin = letters.group(1).title() if letters else None
    return Cable(
        id=cid,
        date=fields.date,
        classification=fields.classification,
        origin=fields.origin,
        subject=fields.subject,
        tags=fields.tags,
        signer=signer,
        classified_by=fields.classified_by,
        references=_references(header, year),
        paragraphs=tuple(replace(p, cable_id=cid) for p in body.paragraphs),
        source=source,
    )
