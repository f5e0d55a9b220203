"""Read an article: detect the encoding, repair mojibake (ftfy), reduce HTML to its text.

Quote offsets refer to the text this module returns (`Article.text`).
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from pathlib import Path

from .. import limits
from ..errors import EmptyInputError, MissingPathError
from ..model import Article
from . import metadata
from .decode import decode_bytes

# Mojibake that ftfy cannot undo because the bytes were lost: a Latin-1 superscript three standing
# for a lower-case o with an acute accent ("Calder³" for "Calderón"), seen in PDF-to-text exports.
LOSSY_MOJIBAKE = {"³n": "ón", "³": "ón"}


def repair(text: str) -> tuple[str, bool]:
    """Mojibake repaired; True when anything changed."""
    import ftfy

    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
    fixed = re.sub(r"(?<=[A-Za-z]{4})³(?:n)?(?=\W)", lambda m: LOSSY_MOJIBAKE[m.group()], fixed)
    return fixed, fixed != text


def html_to_text(page: str) -> str:
    import trafilatura

    text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_recall=True)
    if not text:
        text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)))
    return text


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<(?:!doctype html|html|body|p|div|article)\b", head))


def from_text(text: str, name: str) -> Article:
    if not text.strip():
        raise EmptyInputError(name)
    page = looks_like_html(text)
    meta = metadata.from_html(text) if page else None
    if page:
        text = html_to_text(text)
    fixed, repaired = repair(text)
    meta = meta or metadata.from_text(fixed)
    return Article(name, fixed, repaired, hashlib.sha256(fixed.encode("utf-8")).hexdigest(), meta)


def read(path: str | Path) -> Article:
    """An article from a file, or from standard input when path is `-`."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(limits.ARTICLE.bytes() + 1)
        if len(data) > limits.ARTICLE.bytes():
            raise limits.ARTICLE.refuse("<stdin>", f"more than {limits.ARTICLE.bytes() / 1e6:,.1f} MB")
        return from_text(decode_bytes(data, "<stdin>"), "-")
    p = Path(path)
    if not p.exists():
        raise MissingPathError(str(p))
    if p.is_dir():
        raise MissingPathError(f"{p} is a folder, not an article file;")
    return from_text(decode_bytes(limits.read_bytes(p, limits.ARTICLE), str(p)), p.name)
