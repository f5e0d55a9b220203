"""Read an article: detect the encoding, repair mojibake (ftfy), reduce HTML to its text.

Quote offsets refer to the text this module returns (`Article.text`).
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
import unicodedata
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
    fixed = _gb_pinyin(fixed)
    fixed = _lost_characters(fixed)
    return fixed, fixed != text


def _gb_pinyin(text: str) -> str:
    """Accented letters that went through a Chinese code page: GB2312 keeps á é í ó ú ü among its pinyin
    letters (bytes A8xx), which read back as Latin-1 give "Calder¨®n". The codec undoes it."""

    def back(m: re.Match[str]) -> str:
        try:
            letter = m.group().encode("latin-1").decode("gbk")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return m.group()
        return letter if len(letter) == 1 and letter.isalpha() and "LATIN" in unicodedata.name(letter, "") else m.group()

    return re.sub(r"¨[\xa1-\xfe]", back, text)


# Letters a code page without them turns into "?" ("Espa?a", "EL PA?S").
LOST_LETTERS = "ñáéíóúüçãõâêôàèìòùëïœß"


def _lost_characters(text: str) -> str:
    """A "?" standing for a character the text lost on its way (a sign no page prints otherwise: "?"
    between two letters, or before a word): a letter, chosen as the commonest word of the article's
    language (wordfreq); before a word, "¿" in Spanish and an opening quotation mark elsewhere, whose
    closing "?" becomes the closing mark."""
    inside = list(re.finditer(r"(?<=[^\W\d_])\?(?=[^\W\d_])", text))
    opening = list(re.finditer(r"(?:(?<=[\s\"“«(])|^)\?(?=[^\W\d_])", text, re.M))
    if not inside and not opening:
        return text
    from wordfreq import zipf_frequency

    from ..pipeline.language import detect

    lang = detect(text) or "en"
    chars = list(text)
    for m in inside:
        w0 = re.search(r"[^\W\d_?]*$", text[: m.start()])
        w1 = re.match(r"[^\W\d_?]*", text[m.end() :])
        head, tail = (w0.group() if w0 else ""), (w1.group() if w1 else "")
        upper = (head + tail).isupper()
        best = max(LOST_LETTERS, key=lambda c: zipf_frequency((head + c + tail).lower(), lang))
        if zipf_frequency((head + best + tail).lower(), lang) > 0:
            chars[m.start()] = best.upper() if upper else best
    for m in opening:
        if lang == "es":
            chars[m.start()] = "¿"
            continue
        close = re.compile(r"(?<=[^\W\d_])\?(?=[\s.,;:)]|$)").search(text, m.end())
        para = text.find("\n\n", m.end())
        if close and (para < 0 or close.start() < para) and chars[close.start()] == "?":
            chars[m.start()], chars[close.start()] = "“", "”"
    return "".join(chars)


def html_to_text(page: str) -> str:
    import trafilatura

    text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_recall=True)
    if text:  # one paragraph a line: a blank line between paragraphs, as in a text file
        text = re.sub(r"\n+", "\n\n", text)
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
