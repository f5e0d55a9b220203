"""Cable pages as news sites and blogs print them: one cable per page, or a compilation of many with
commentary between them (each cable found by its reference-ID line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..model import Cable
from .decode import decode_bytes
from .header import canonical_id, parse_cable
from .registry import Reader, Record, read_bytes, register

ANCHOR_RES = [
    re.compile(r"(?m)^[ \t]*ID:[^\n]*\n(?:[^\n]*\n){0,3}?[^\n]*Origin:\s*(\d{2}[A-Z]+\s?\d+)"),
    re.compile(r"(?m)^[ \t]*\d{3,7}[ \t]+Date:[^\n]*?Origin:\s*(\d{2}[A-Z]+\s?\d+)"),
    re.compile(r"(?m)^[ \t]*Reference ID\b[ \t]*(?:Created Released Classification Origin)?\s*(\d{2}[A-Z]+ ?\d+)"),
    re.compile(r"(?m)^[ \t]*(\d{2}[A-Z]{3,}\d{1,6})(?=[ \t]*(?::|$|\d{4}-\d\d-\d\d))"),
]

def _anchors(text: str) -> list[tuple[int, str]]:
    """(offset, canonical ID) where each cable of a compilation starts."""
    found: dict[int, tuple[int, str]] = {}
    for rx in ANCHOR_RES:
        for m in rx.finditer(text):
            line_start = text.rfind("\n", 0, m.start() + 1) + 1
            cid = canonical_id(m.group(1))
            if cid and not any(abs(line_start - k) < 400 and v[1] == cid for k, v in found.items()):
                found[line_start] = (line_start, cid)
    return sorted(found.values())


def parse_text_page(text: str, source: str) -> list[Cable]:
    """A page with one cable (seed 004) or a compilation of many with commentary between (seed 002)."""
    title_m = re.match(r"\s*(?:Cablegate:\s*)?([^\n]{5,200})\n", text)
    page_title = title_m.group(1).strip() if title_m and "Cablegate:" in text[:40] else None
    anchors = _anchors(text)
    cables: list[Cable] = []
    if not anchors:
        cable = parse_cable(text, source, page_title=page_title)
        return [cable] if cable else []
    for i, (start, cid) in enumerate(anchors):
        end = anchors[i + 1][0] if i + 1 < len(anchors) else len(text)
        cable = parse_cable(text[start:end], f"{source}#{cid}", cable_id=cid, offset=start)
        if cable:
            cables.append(cable)
    return cables


def read(path: Path, skip: int = 0) -> Iterator[Record]:
    if skip == 0:
        yield Record(1, tuple(parse_text_page(decode_bytes(read_bytes(path), str(path)), path.name)), 1.0)


register(Reader("cable text page", (".txt", ".text"), lambda head: not head.lstrip().startswith((b"<", b"{")), read, priority=9))
