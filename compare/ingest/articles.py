"""Read an article: detect the encoding, repair mojibake (ftfy), reduce HTML to its text.

Quote offsets refer to the text this module returns (`Article.text`).
"""

from __future__ import annotations

import hashlib
import html
import re
import string
import sys
import unicodedata
from pathlib import Path

from .. import limits
from ..errors import EmptyInputError, MissingPathError
from ..model import Article
from . import metadata
from .decode import decode_bytes


def repair(text: str) -> tuple[str, bool]:
    """Mojibake repaired; True when anything changed."""
    import ftfy

    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
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


# Letters a code page without them turns into "?" ("Espa?a", "EL PA?S") or into another sign.
LOST_LETTERS = "ñáéíóúüçãõâêôàèìòùëïœß"
# Signs no word holds, which stand where a letter was lost on a page's way (mojibake ftfy cannot undo,
# the bytes being gone): Unicode's other numbers and other symbols ("Calder³n", "Calder³" from a PDF
# export, the replacement character "Espa\ufffda"), private-use characters; and "?" between two letters
LOST_SIGN_CATEGORIES = frozenset({"No", "So", "Co"})
LOST_WORD_MAX = 64  # letters read on either side of a sign: a word is no longer (bounded work per sign)
LOST_HEAD_MIN = 2  # letters before a sign ending a word for it to be read as a lost one ("m³", "km²" are units)


def _lost_signs(text: str) -> str:
    """The characters of `text` that may stand for a lost letter, as a regex character class ("" if none)."""
    signs = {c for c in set(text) if unicodedata.category(c) in LOST_SIGN_CATEGORIES} | ({"?"} if "?" in text else set())
    return "[" + "".join(re.escape(c) for c in sorted(signs)) + "]" if signs else ""


def _restored(head: str, tail: str, known: dict[str, float]) -> str | None:
    """The letters a sign between `head` and `tail` stood for: the one lost letter (or, ending a word,
    the lost letter and the one after it: "Calder³" for "Calderón") that makes the commonest word the
    language's word list knows; None where none makes a word."""
    fits = list(LOST_LETTERS) + ([c + d for c in LOST_LETTERS for d in string.ascii_lowercase] if not tail else [])
    best = max(fits, key=lambda f: known.get((head + f + tail).lower(), 0.0))
    if known.get((head + best + tail).lower(), 0.0) <= 0.0:
        return None
    return best.upper() if (head + tail).isupper() else best


def _lost_characters(text: str) -> str:
    """A sign standing for a character the text lost on its way (a sign no page prints otherwise: "?"
    between two letters, or before a word; a symbol inside or at the end of a word, `LOST_SIGN_CATEGORIES`):
    inside or ending a word, the letter (or two) that makes the commonest word of the article's language
    (wordfreq's word list), left as it is where no letter makes a word; before a word, "?" is "¿" in
    Spanish and an opening quotation mark elsewhere, whose closing "?" becomes the closing mark."""
    signs = _lost_signs(text)
    if not signs:
        return text
    within = list(re.finditer(r"(?<=[^\W\d_])" + signs, text))
    opening = list(re.finditer(r"(?:(?<=[\s\"“«(])|^)\?(?=[^\W\d_])", text, re.M))
    if not within and not opening:
        return text
    from wordfreq import get_frequency_dict

    from ..pipeline.language import detect

    lang = detect(text) or "en"
    known = get_frequency_dict(lang)
    chars = list(text)
    found: dict[tuple[str, str], str | None] = {}
    for m in within:
        head, tail = _letters_before(text, m.start()), _letters_after(text, m.end())
        if not tail and (len(head) < LOST_HEAD_MIN or m.group() == "?"):  # "?" ending a word asks a question
            continue
        if (head, tail) not in found:
            found[(head, tail)] = _restored(head, tail, known)
        letters = found[(head, tail)]
        if letters is not None:
            chars[m.start()] = letters
    for m in opening:
        if lang == "es":
            chars[m.start()] = "¿"
            continue
        close = re.compile(r"(?<=[^\W\d_])\?(?=[\s.,;:)]|$)").search(text, m.end())
        para = text.find("\n\n", m.end())
        if close and (para < 0 or close.start() < para) and chars[close.start()] == "?":
            chars[m.start()], chars[close.start()] = "“", "”"
    return "".join(chars)


def _letters_before(text: str, at: int) -> str:
    k = at
    while k > 0 and at - k < LOST_WORD_MAX and text[k - 1].isalpha():
        k -= 1
    return text[k:at]


def _letters_after(text: str, at: int) -> str:
    k = at
    while k < len(text) and k - at < LOST_WORD_MAX and text[k].isalpha():
        k += 1
    return text[at:k]


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
