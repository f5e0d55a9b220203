"""The release's own cable pages (HTML): the metadata table and the `<pre>` blocks of the text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from ..model import Cable
from .decode import decode_bytes
from .header import canonical_id, parse_cable
from .registry import Reader, Record, read_bytes, register
from .textpage import parse_text_page


def _html_to_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def parse_html_page(page: str, source: str) -> list[Cable]:
    """The release's own cable page: the metadata table and the `<pre>` blocks."""
    table = re.search(r"<table class='cable'>(.*?)</table>", page, re.S)
    pres = re.findall(r"<pre>(.*?)</pre>", page, re.S)
    if not table or not pres:
        return parse_text_page(_html_to_text(page), source)
    cells = [" ".join(_html_to_text(c).split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", table.group(1), re.S)]
    meta = "Reference ID Created Released Classification Origin " + " ".join(cells[:5])
    text = "\n\n".join(_html_to_text(p) for p in pres)
    cable = parse_cable(text, source, cable_id=canonical_id(cells[0]) if cells else None, meta=meta)
    return [cable] if cable else []


def read(path: Path, skip: int = 0) -> Iterator[Record]:
    if skip == 0:
        yield Record(1, tuple(parse_html_page(decode_bytes(read_bytes(path), str(path)), path.name)), 1.0)


register(Reader("release HTML page", (".html", ".htm"),
                lambda head: bool(re.match(rb"\s*<(?:\?xml|!DOCTYPE|html)", head, re.I)), read, priority=0))
