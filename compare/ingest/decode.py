"""Bytes to text: UTF-8 (with or without a byte order mark), UTF-16 (with a byte order mark, or
without one when every other byte of text is zero), the Windows-1252 of legacy newsroom files, and
what charset-normalizer recognises; binary files refused.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import BinaryInputError, EmptyInputError, UndecodableInputError


def decode_bytes(data: bytes, name: str) -> str:
    if not data.strip():
        raise EmptyInputError(name)
    sample = data[:4096]
    bare16 = _utf16_without_bom(sample)
    if bare16:
        try:
            return data.decode(bare16)
        except UnicodeDecodeError:
            raise UndecodableInputError(name) from None
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInputError(name)
    for enc in ("utf-8-sig", "utf-16") if sample.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    try:  # Windows-1252 / Latin-1, the usual legacy encoding of Western newsroom text
        legacy = data.decode("cp1252")
        odd = [c for c in legacy if ord(c) > 127 and not (c.isalpha() and ord(c) < 0x250) and c not in "‘’“”–—…€«»°·•"]
        controls = sum(1 for c in legacy if ord(c) < 32 and c not in "\n\r\t\f")
        if len(odd) <= 0.01 * len(legacy) and not controls:
            return legacy
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableInputError(name)
    text = str(best)
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.05 * max(1, len(text[:4096])):
        raise BinaryInputError(name)
    return text


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text saved without a byte order mark: Latin text has a zero byte in every other place
    (after each character in little-endian order, before it in big-endian)."""
    if len(sample) < 8 or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None
