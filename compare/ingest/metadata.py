"""What an article says about itself: headline, outlet, author, date (`ArticleMeta`).

From an HTML page, its metadata as trafilatura reads it (title, site name, author, date). From a
text file, its first lines, as articles are saved from a browser or a wire feed:

    WikiLeaks cables reveal U.S. concern over Mexico's ability to fight drug cartels
    By William Booth and Nick Miroff
    Washington Post Foreign Service
    Friday, December 3, 2010; 12:45 PM

Nothing here is guessed from the body: a field an article does not state stays empty.
"""

from __future__ import annotations

import re

from ..lexicon import MONTH_VARIANTS, MONTHS, SPANISH_MONTHS, month_numbers
from ..model import ArticleMeta

HEAD_LINES = 8  # a text file's metadata lines come before its body
MAX_HEADLINE = 200



def _month_table() -> dict[str, int]:
    """Month names and abbreviations ("Dec.", "sept", "dic", "junho", "Dezember"), to their numbers: English
    and Spanish from the lexicon, Portuguese, French and German from CLDR (babel)."""
    from babel.dates import get_month_names

    table = {name: k for k, (en, es) in enumerate(zip(MONTHS, SPANISH_MONTHS, strict=True), 1)
             for name in (en, en[:3], es, es[:3])} | {v: month_numbers(lang)[v] for lang in ("en", "es") for v in MONTH_VARIANTS[lang]}
    for lang in ("pt", "fr", "de"):
        for k, name in get_month_names("wide", locale=lang).items():
            table.setdefault(name.casefold(), k)
    return table


_MONTHS = _month_table()
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATES = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d?)-(?P<day>\d\d?)\b"),
    re.compile(r"\b(?P<m>\d\d?)[-/](?P<day>\d\d?)[-/](?P<year>(?:19|20)\d\d)\b"),  # US order: 12-8-2010
    re.compile(_MONTH + r"\s+(?P<day>\d\d?),?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d\d?)(?:-\d\d?)?\.?\s+(?:de\s+)?" + _MONTH + r"\s+(?:de\s+|del\s+)?(?P<year>(?:19|20)\d\d)\b",
               re.I),
)
# A month and a year only ("March 2011", "diciembre de 2010"): the date as far as the page gives it
_MONTH_YEAR = re.compile(r"(?<!\w)" + _MONTH + r"\s+(?:de\s+|del\s+|of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
_BYLINE = re.compile(r"^(?:by|por)\s+(?P<rest>\S.*)$", re.I)


def parse_date(line: str) -> str | None:
    """The first date in a line, as YYYY-MM-DD; None when the line holds no whole date."""
    for pattern in _DATES:
        m = pattern.search(line)
        if not m:
            continue
        month = int(m["m"]) if "m" in m.groupdict() and m["m"] else _MONTHS[m["month"].lower()]
        day, year = int(m["day"]), int(m["year"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def normalise_date(text: str | None) -> str | None:
    """A date as a person types it ("6 de diciembre de 2010", "Dec. 3, 2010", "March 2011", "2010-12")
    as YYYY-MM-DD (or YYYY-MM, YYYY as far as it goes); as typed when it reads as no date; None when empty."""
    text = " ".join((text or "").split())
    if not text:
        return None
    whole = parse_date(text)
    if whole:
        return whole
    if m := re.fullmatch(r"((?:19|20)\d\d)(?:-(\d\d?))?", text):
        return m[1] + (f"-{int(m[2]):02d}" if m[2] and 1 <= int(m[2]) <= 12 else "")
    if m := _MONTH_YEAR.search(text):
        return f"{int(m['year']):04d}-{_MONTHS[m['month'].casefold()]:02d}"
    return text


def _weekdays() -> frozenset[str]:
    from babel.dates import get_day_names

    return frozenset(d.casefold() for lang in ("en", "es", "pt", "fr", "de")
                     for d in get_day_names("wide", locale=lang).values())


_WEEKDAYS = _weekdays()
_ARTICLES = frozenset(["the", "el", "la", "los", "las", "le", "les", "o", "a", "os", "as", "der", "die", "das"])


def _source_line(line: str) -> tuple[str | None, str | None, str | None] | None:
    """(outlet, author, date) from a line that names where and when the article appeared, as pages are
    saved and wire stories credited: "The China Post (AFP), March 2011", "Magdy Malak, WATANI
    International, 26 December 2010", "El País, 6 de diciembre de 2010 (sección España)". None when the
    line gives no date (then it may be anything)."""
    if len(line) > 160 or re.search(r"[.!?:]$", line):
        return None
    parts = [p.strip() for p in re.split(r",\s+", re.sub(r"\s*\([^)]*\)", "", line)) if p.strip()]
    parts = [p for p in parts if p.casefold() not in _WEEKDAYS]
    at = next((k for k, p in enumerate(parts) if parse_date(p) or _MONTH_YEAR.search(p)
               or (re.search(r"\d", p) and re.search(_MONTH, p, re.I) and parse_date(", ".join(parts[k:k + 2])))),
              None)
    if at is None or at == 0:
        return None
    whole = parse_date(", ".join(parts[at : at + 2])) or parse_date(parts[at])
    if whole is None:
        m = _MONTH_YEAR.search(parts[at])
        assert m is not None
        whole = f"{int(m['year']):04d}-{_MONTHS[m['month'].casefold()]:02d}"
    names = [re.sub(r"\s*\([^)]*\)", "", p).strip() for p in parts[:at]]
    names = [n for n in names if n and not re.match(r"(?:republished|via|updated|published)\b", n, re.I)]
    if not names or any(not n[:1].isupper() and not n[:1].isdigit() and not re.fullmatch(r"[\w-]+\.\w{2,}", n)
                        for n in names):
        return None
    if len(names) >= 2 and len(names[1].split()) == 1 and not re.search(r"\.\w{2,}$", names[1]):
        return names[0], None, whole  # "Outlet, Place, date": a one-word place, not an outlet
    if (len(names) >= 2 and re.fullmatch(r"(?:[A-ZÁÉÍÓÚÑ][\w.'-]*\s+){1,3}[A-ZÁÉÍÓÚÑ][\w'-]+", names[0])
            and names[0].split()[0].casefold() not in _ARTICLES):
        return names[1], names[0], whole  # "Author, Outlet, date"
    return names[0], None, whole


def _is_date_line(line: str) -> bool:
    return parse_date(line) is not None and len(line.split()) <= 8


def from_text(text: str) -> ArticleMeta:
    """Headline, byline (author, and outlet and date when the byline carries them) and date from the
    first lines of a plain-text article."""
    lines = [" ".join(x.split()) for x in text.splitlines() if x.strip()][:HEAD_LINES]
    headline = author = outlet = date = None
    byline_at = -1
    for k, line in enumerate(lines):
        m = _BYLINE.match(line)
        if m and author is None and len(line) <= 160 and m["rest"][:1].isupper():
            byline_at = k
            parts = [p.strip() for p in m["rest"].split(",")]
            author = parts[0]
            for i, part in enumerate(parts[1:], 1):
                when = parse_date(part) or (parse_date(", ".join(parts[i : i + 2])) if re.search(r"\d", part) else None)
                if when:  # "3 December 2010", or "December 3" + "2010"
                    date = date or when
                    break
                if outlet is None and not re.search(r"\d", part):
                    outlet = part
        elif (0 < k <= 2 and headline is not None and outlet is None and author is None and byline_at < 0
              and (source := _source_line(line))):
            outlet, author, date = source[0], source[1], date or source[2]
        elif date is None and _is_date_line(line):
            date = parse_date(line)
        elif (headline is None and byline_at < 0 and len(line) <= MAX_HEADLINE and k + 1 < len(lines)
              and not re.search(r"[.:!?][\"”’')]*$", line)):  # a sentence of the body is no headline
            headline = line
        elif (outlet is None and byline_at >= 0 and k == byline_at + 1 and len(line) <= 60
              and not re.search(r"[.!?]$|\d", line)):
            outlet = line
    return ArticleMeta(headline, outlet, author, date)


def from_html(page: str) -> ArticleMeta:
    """The page's own metadata (title, site name, author, publication date), as trafilatura reads it."""
    from trafilatura import extract_metadata  # heavy; only for HTML articles

    doc = extract_metadata(page)
    if doc is None:
        return ArticleMeta()
    date = doc.date if doc.date and re.fullmatch(r"\d{4}-\d\d-\d\d", doc.date) else None
    return ArticleMeta(doc.title or None, doc.sitename or None, doc.author or None, date)
