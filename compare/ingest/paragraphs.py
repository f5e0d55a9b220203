"""Split one cable's text into its numbered paragraphs, and find the signer.

Handles `1. (C)`, `¶1. (C)`, `1. (c)` marks; joins wrapped lines and blank lines inside a
paragraph; keeps page markers (`MEXICO 00003573 002 OF 003`), section headings, dashed rules,
boilerplate (`Visit Mexico City's Classified Web Site ...`) and the closing name out of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Paragraph

_MARKING = r"[A-Za-z]{1,4}(?:[ /]{1,2}[A-Za-z]{1,6})?"
MARK_RE = re.compile(
    r"(?m)^[ \t\u00a0]*(?:¶[ \t]*(?P<n1>\d{1,2})\.(?:[ \t\u00a0]*\(?(?P<m1>" + _MARKING + r")\))?"
    r"|(?P<n2>\d{1,2})\.[ \t\u00a0]*\((?P<m2>" + _MARKING + r")\))"
)
# A mark inside a line, as dumps that lost their line breaks print it ("... (d) 1. (C) Summary.",
# "----- 3. (C) Tkeshelashvili said", "... 03 OF 03 291401Z 11. (C) COMMENT"): only after a sentence
# end, a rule or a page marker's date-time group, and only with a classification marking.
_CLASS_MARKING = r"(?i:U|C|S|TS|SBU|LOU|NF|FOUO|U/FOUO|S/NF|C/NF|C/REL[A-Z ]{0,12}|S/REL[A-Z ]{0,12}|SBU/NF)"
INLINE_MARK_RE = re.compile(
    r"(?:(?<=[.!?:;\"”’)\-—_])|(?<=\d{6}Z))[ \t\u00a0]{1,3}(?P<mark>(?:¶[ \t]*)?(?P<n>\d{1,2})\.[ \t\u00a0]*\((?P<m>" + _CLASS_MARKING + r")\))[ \t\u00a0]"
)
# `[ \t]*[A-Z .]+ FOR\b` written `(?:[ \t]*\t)?[A-Z .]+ FOR\b` (the same lines: the spaces before the
# words are the words' own), so that a line of 100,000 spaces is not tried from each of them
HEADER_LINE_RE = re.compile(
    r"(?im)^(?:[ \t]*(?:SUBJECT|REF|Classified By|CLASSIFIED BY|E\.\s?O\.|EO 12958|TAGS|Reasons?|DERIVED FROM|"
    r"SIPDIS|NOFORN|SENSITIVE|PASS TO|\(U\) Classified)|(?:[ \t]*\t)?[A-Z .]+ FOR\b)[^\n]*$"
)
PAGE_MARKER_RE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .]{1,30}?[ \t]+\d{5,8}[ \t]+\d{3}[ \t]+OF[ \t]+\d{3}[ \t]*$"
    r"|(?:\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)[ \t]*\n?[ \t]*)?"
    r"\bPAGE[ \t]+\d{2,3}[ \t]+[A-Z][A-Z ]+?[ \t]+\d{4,6}[ \t]+\d{2}[ \t]+OF[ \t]+\d{2}[ \t]+\d{6}Z\b"
)
BOILERPLATE_RE = re.compile(
    r"Visit\s+[A-Z][\w .’']*?Classified\s+Web\s*Site\b.*?(?:Partnership\s+Blog\s+at\b[^\n]*?/[ \t]*(?:\n|$)|\n\s*\n|$)",
    re.S,
)
RULE_RE = re.compile(r"^[\s\-—–―_=‐‑‒.]+$")
# a heading between dashed rules at the end of a paragraph whose line breaks were lost
# white space tried from the start of a run only (linear; the same matches as with `\s*` in each branch)
INLINE_HEADING_RE = re.compile(r"(?<!\s)\s*(?:[-=_]{3,}[^-=_]{0,160}?[-=_]{3,}\s*$|[-=_]{5,}\s*$)")
SIGNER_LINE_RE = re.compile(r"^[ \t]*([A-Z][A-Z'\-]{2,}(?:[ \t]+[A-Z][A-Z'\-]{2,}){0,2})[ \t]*$")
INLINE_SIGNER_RE = re.compile(r"(?<=[.!?”\")])\s+([A-Z][A-Z'\-]{2,})\s*$")
NOT_SIGNERS = {
    "SIPDIS", "NOFORN", "SENSITIVE", "COMMENT", "SUMMARY", "PARTICIPANTS", "END", "NOTE",
    "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "BACKGROUND", "OUTLOOK", "ACTION", "INFO",
}  # fmt: skip
SMALL_WORDS = {
    "of", "and", "the", "for", "on", "in", "to", "a", "an", "with", "at", "from", "by", "vs",
    "or", "but", "not", "as", "is", "up", "out", "into", "de", "del", "la",
}  # fmt: skip


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[Paragraph, ...]
    signer: str | None
    header_end: int  # where the first paragraph starts (the header is before it)


def _marks(text: str) -> list[tuple[int, int, int, str | None]]:
    """(start, text_start, number, marking) of each accepted paragraph mark, in order."""
    found = [(m.start(), m.end(), int(m.group("n1") or m.group("n2")), m.group("m1") or m.group("m2"))
             for m in MARK_RE.finditer(text)]
    found += [(m.start("mark"), m.end(), int(m.group("n")), m.group("m")) for m in INLINE_MARK_RE.finditer(text)]
    found.sort()
    accepted: list[tuple[int, int, int, str | None]] = []
    for any_start in (False, True):  # a partial extract may begin at paragraph 23
        for start, end, number, marking in found:
            last = accepted[-1][2] if accepted else 0
            first = not accepted and any_start
            if (first or last < number <= last + 3) and (not accepted or start >= accepted[-1][1]):
                accepted.append((start, end, number, f"({marking.upper()})" if marking else None))
        if accepted:
            break
    return accepted


def _unnumbered(text: str, offset: int) -> Body:
    """A cable without paragraph numbers: the text after its header, cut at blank lines."""
    header_end = 0
    limit = int(len(text) * 0.6) + 200
    for m in HEADER_LINE_RE.finditer(text, 0, limit):
        header_end = m.end()
    rest = text[header_end:]
    b = BOILERPLATE_RE.search(rest)
    end = b.start() if b else len(rest)
    signer, at = _find_signer(rest[:end] if b else rest, at_end=True)
    if signer is not None and at < end:
        end = at
    blocks = [(m, clean(m.group())) for m in re.finditer(r"\S(?:.*?)(?=\n[ \t]*\n|\Z)", rest[:end], re.S)]
    # blocks of a few words after the header are mostly its debris; but a body of one short sentence
    # ("Post has no nominations.") is still the body: never drop all the text
    kept = [(m, c) for m, c in blocks if len(c.split()) >= 5] or [(m, c) for m, c in blocks if c]
    paragraphs = [Paragraph("", None, None, c, header_end + m.start() + offset, header_end + m.end() + offset)
                  for m, c in kept]
    return Body(tuple(paragraphs), signer, header_end)


def _is_heading(line: str) -> bool:
    core = re.sub(r"[\-—–―_=‐‑‒]{2,}.*$", "", line).strip().strip("“”\"'‘’")
    if not core or len(core) > 80 or not core[0].isalnum():
        return False
    if core[-1] in ".,;:" or re.search(r"[.;:]\s", core):
        return False
    words = core.split()
    if len(words) > 10:
        return False
    capitalised = [w for w in words if w[0].isupper() or w[0].isdigit() or not w[0].isalpha()]
    others = [w for w in words if w not in capitalised]
    return bool(capitalised) and all(w.lower() in SMALL_WORDS for w in others)


def _strip_tail(raw: str) -> str:
    """Drop headings, rules and blank lines that sit at the end of a paragraph's raw text."""
    lines = raw.split("\n")
    while lines:
        last = lines[-1]
        if not last.strip() or RULE_RE.match(last):
            lines.pop()
            continue
        if len(lines) > 1 and _is_heading(last):
            prev = next((x for x in reversed(lines[:-1]) if x.strip() and not RULE_RE.match(x)), "")
            if prev and (not _is_heading(prev) or prev.rstrip()[-1:] in ".!?”\")"):
                lines.pop()
                continue
        break
    return "\n".join(lines)


def clean(raw: str) -> str:
    """One paragraph's raw text to its clean text: markers out, lines joined, spaces single."""
    text = PAGE_MARKER_RE.sub(" ", raw) if "OF" in raw else raw  # every page marker has "OF"
    text = BOILERPLATE_RE.sub(" ", text)
    text = _strip_tail(text)
    text = "\n".join(line for line in text.split("\n") if not (line.strip() and RULE_RE.match(line)))
    text = re.sub(r"[ \t\u00a0\r\n]+", " ", text).strip()
    return strip_inline_heading(text) if text.endswith(("-", "=", "_")) else text


RULE_CHARS = frozenset("-=_")


def strip_inline_heading(text: str) -> str:
    """`INLINE_HEADING_RE.sub("", text)` for a text that ends with a rule character, looking back from
    the end only (the pattern backtracks without end on a long run of rule characters): a run of
    three or more, at most 160 other characters, and the closing run; or a closing run of five or more;
    with the white space before them."""
    r2 = len(text)
    while r2 > 0 and text[r2 - 1] in RULE_CHARS:
        r2 -= 1
    if len(text) - r2 < 3:
        return text
    start = -1
    g = r2
    while g > 0 and text[g - 1] not in RULE_CHARS and r2 - g <= 160:
        g -= 1
    if g > 0 and text[g - 1] in RULE_CHARS and r2 - g <= 160:  # an opening run this close
        r1 = g
        while r1 > 0 and text[r1 - 1] in RULE_CHARS:
            r1 -= 1
        if g - r1 >= 3:
            start = r1
    if start < 0 and len(text) - r2 >= 5:
        start = r2
    if start < 0:
        return text
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return text[:start]


def _find_signer(tail: str, at_end: bool = False) -> tuple[str | None, int]:
    """The closing name in the text after the last paragraph starts: (name, offset in tail). With
    `at_end` (a cable without numbered paragraphs, whose whole body is the tail), only a name that
    closes the text counts: a capitalised subject line or heading near the top is no signer."""
    found: tuple[str | None, int] = (None, -1)
    for m in re.finditer(r"(?m)^.*$", tail):
        line = m.group()
        sm = SIGNER_LINE_RE.match(line)
        if sm and not PAGE_MARKER_RE.search(line):
            words = sm.group(1).split()
            if not any(w in NOT_SIGNERS or set(w) == {"X"} for w in words) and len(words) <= 2:
                if not at_end:
                    return sm.group(1).strip(), m.start()
                if not re.search(r"[a-z]", tail[m.end():]) and len(tail[m.end():].strip()) < 80:
                    found = (sm.group(1).strip(), m.start())
    return found


def split(text: str, offset: int = 0) -> Body:
    """Paragraphs of one cable. `offset` is where `text` starts in the source file."""
    marks = _marks(text)
    if not marks:
        return _unnumbered(text, offset)
    body_end = len(text)
    signer = None
    last_start = marks[-1][1]
    tail = text[last_start:]
    b = BOILERPLATE_RE.search(tail)
    name, at = _find_signer(tail)
    if name is not None:
        body_end = last_start + at
        signer = name
    if b is not None and last_start + b.start() < body_end:
        body_end = last_start + b.start()
    paragraphs = []
    for i, (start, text_start, number, marking) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else body_end
        cleaned = clean(text[text_start:end])
        if i + 1 == len(marks) and signer is None:
            sm = INLINE_SIGNER_RE.search(cleaned)
            if sm and sm.group(1) not in NOT_SIGNERS:
                signer = sm.group(1)
                cleaned = cleaned[: sm.start()].rstrip()
        paragraphs.append(Paragraph("", number, marking, cleaned, start + offset, end + offset))
    return Body(tuple(paragraphs), signer, marks[0][0])
