"""Limits on what one input may hold, each refused with exit 2 and one line that names the setting
raising it: an article's size, a cable record's size (a JSONL line), what a gzipped dump may
decompress to (a gzip bomb stops there, not at the memory's end), and how deep a record may nest.
Only regular files are read: a FIFO, a device or a socket would block or never end.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import NotRegularFileError, TooLargeError


@dataclass(frozen=True)
class Limit:
    variable: str  # the environment variable that raises it
    default: int
    unit: str  # "MB" or "levels"
    what: str  # what is limited, for the message

    def value(self) -> int:
        raw = os.environ.get(self.variable, "")
        try:
            n = int(raw) if raw.strip() else self.default
        except ValueError:
            n = self.default
        return max(1, n)

    def bytes(self) -> int:
        return self.value() * 1_000_000 if self.unit == "MB" else self.value()

    def refuse(self, path: str, found: str) -> TooLargeError:
        return TooLargeError(path, self.what, found, f"{self.value():,} {self.unit}", self.variable)


# A news article is tens of kilobytes; the largest cable record of the release is under 1 MB; the
# release's whole dump decompresses to under 2 GB; its metadata nests two levels deep.
ARTICLE = Limit("COMPARE_MAX_ARTICLE_MB", 20, "MB", "an article")
RECORD = Limit("COMPARE_MAX_RECORD_MB", 50, "MB", "one cable record (a line of the dump)")
DECOMPRESSED = Limit("COMPARE_MAX_DECOMPRESSED_MB", 20_000, "MB", "a gzipped dump, decompressed")
DEPTH = Limit("COMPARE_MAX_DEPTH", 64, "levels", "the nesting of one record")


def regular_file(path: str | Path) -> None:
    """Refuse what is not a regular file (after links): a FIFO blocks for ever, a device never ends."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # the caller's open says what is wrong (missing, permission, loop)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    raise NotRegularFileError(str(path), kind)


def read_bytes(path: str | Path, limit: Limit) -> bytes:
    """A regular file's bytes, refused past the limit (before reading, by its size)."""
    regular_file(path)
    cap = limit.bytes()
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > cap:
            raise limit.refuse(str(path), f"{size / 1e6:,.1f} MB")
        data = f.read(cap + 1)
    if len(data) > cap:  # grew while read
        raise limit.refuse(str(path), f"more than {cap / 1e6:,.1f} MB")
    return data


def depth(value: object) -> int:
    """How deep a parsed JSON value nests (iteratively: no recursion to run out of)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict | list):
            deepest = max(deepest, d)
            stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return deepest
