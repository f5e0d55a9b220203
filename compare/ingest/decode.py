"""Bytes to text: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, the
Windows-1252 of legacy newsroom files, and what charset-normalizer recognises; binary files refused.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import BinaryInputError, EmptyInputError, UndecodableInputError


def decode_bytes(data: bytes, name: str) -> str:
    if not data.strip():
        raise EmptyInputError(name)
    sample = data[:4096]
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
