"""The cable readers, by format. Each reader module registers one `Reader`: its name, the file
suffixes it takes, a sniff test on a file's first bytes (for a file whose name says nothing), and a
streaming `read(path, skip)` of records. Loading, `compare index build`, the CLI and the app ask the
registry; a new format is a new module that calls `register`, and a line in `ingest/__init__.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import limits
from ..errors import UnreadableInputError
from ..model import Cable


@dataclass(frozen=True)
class Record:
    """One record of a source: its number (a dump's line; 1 for a page), the cables in it, and how
    much of the file has been read (for progress)."""

    number: int
    cables: tuple[Cable, ...]
    share: float


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Callable[[Path, int], Iterator[Record]]
    priority: int = 5  # sniff tests are tried in this order; the last reader also takes what none claims


READERS: list[Reader] = []


def register(reader: Reader) -> None:
    READERS.append(reader)
    READERS.sort(key=lambda r: r.priority)


def suffixes() -> tuple[str, ...]:
    return tuple(s for r in READERS for s in r.suffixes)


def describe() -> str:
    """The formats, for a user: "cable text page (.txt, .text), …"."""
    return ", ".join(f"{r.name} ({', '.join(r.suffixes)})" for r in READERS)


def read_bytes(path: Path) -> bytes:
    try:
        return limits.read_bytes(path, limits.RECORD)
    except PermissionError as e:
        raise UnreadableInputError(str(path), e.strerror or "permission denied") from None


def reader_for(path: Path) -> Reader:
    """The reader for a file: by its suffix (the longest that fits), else by its first bytes, else
    the text page reader (which says so when it finds no cable)."""
    name = path.name.lower()
    by_suffix = [(len(s), r) for r in READERS for s in r.suffixes if name.endswith(s)]
    if by_suffix:
        return max(by_suffix, key=lambda x: x[0])[1]
    limits.regular_file(path)
    with open(path, "rb") as f:
        head = f.read(512)
    return next((r for r in READERS if r.sniff(head)), READERS[-1])
