"""Cables from files and folders, in every format a reader is registered for (`registry`), merged
by reference ID: the same cable read twice keeps the fuller text and fills missing metadata.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from .. import limits
from ..errors import MissingPathError, NoCablesError
from ..model import Cable
from .registry import reader_for, suffixes


def read_file(path: Path) -> list[Cable]:
    """Every cable in one file, by the reader its name (or, failing that, its first bytes) calls for."""
    return [c for record in reader_for(path).read(path, 0) for c in record.cables]


def merge(cables: Iterable[Cable]) -> dict[str, Cable]:
    """One cable per reference ID: the fuller text wins; missing metadata is filled from the other."""
    out: dict[str, Cable] = {}
    for c in cables:
        old = out.get(c.id)
        if old is None:
            out[c.id] = c
            continue
        keep, other = (c, old) if c.text_length > old.text_length else (old, c)
        filled = {
            f: getattr(other, f)
            for f in ("date", "classification", "origin", "subject", "signer", "classified_by")
            if getattr(keep, f) is None and getattr(other, f) is not None
        }
        if not keep.tags and other.tags:
            filled["tags"] = other.tags
        out[c.id] = replace(keep, **filled) if filled else keep
    return out


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise MissingPathError(str(p))
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(suffixes())))
        else:
            limits.regular_file(p)
            files.append(p)
    return files


def load(paths: Iterable[str | Path], parsed: Mapping[Path, list[Cable]] | None = None) -> dict[str, Cable]:
    """Every cable in the given files and folders, merged by reference ID; `parsed`: files already
    read (their cables), not read again."""
    paths = list(paths)
    parsed = parsed or {}
    found: list[Cable] = []
    for f in expand_paths(paths):
        found.extend(parsed[f] if f in parsed else read_file(f))
    if not found:
        raise NoCablesError(", ".join(str(p) for p in paths))
    return merge(found)
