"""Which articles a batch holds: the paths given, folders expanded to the article files inside them,
each named by its path from the batch's root; a path that cannot be used is a problem, not an end."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import limits
from ..errors import CompareError, MissingPathError, SymlinkLoopError, UnreadableInputError

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".md"}


@dataclass
class Expansion:
    """Article files found, and the paths that could not be used (one error each)."""

    files: list[str] = field(default_factory=list)
    problems: list[CompareError] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # file -> its path relative to the batch's root


def batch_root(paths: Iterable[str]) -> str:
    """The folder a batch's article paths are named from: the deepest folder that holds every
    argument (a folder argument itself, a file argument's folder), so that `a/story.txt` and
    `b/story.txt` keep apart and the same arguments always give the same names."""
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in paths if p != "-"]
    if not folders:
        return os.getcwd()
    try:
        return os.path.commonpath(folders)
    except ValueError:  # different drives
        return os.getcwd()


def article_name(path: str, root: str) -> str:
    """An article's identity in a batch: its path relative to the root, with forward slashes."""
    if path == "-":
        return "-"
    rel = os.path.relpath(os.path.abspath(path), root)
    return rel.replace(os.sep, "/")


def stat_problem(p: str) -> CompareError | None:
    try:
        os.stat(p)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return SymlinkLoopError(p)
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            return MissingPathError(p)
        return UnreadableInputError(p, e.strerror or type(e).__name__)
    return None


def _not_regular(p: str) -> CompareError | None:
    try:
        limits.regular_file(p)
    except CompareError as e:
        return e
    return None


def scan(paths: Iterable[str]) -> Expansion:
    """Article paths, folders expanded to the text and HTML files inside them (sorted; linked folders
    followed once each); `-` kept. A missing path, a link loop or an unreadable folder is a problem,
    not an end: the other paths are still expanded."""
    out = Expansion()
    paths = list(paths)
    for p in paths:
        if p == "-":
            out.files.append(p)
            continue
        problem = stat_problem(p) or _not_regular(p)
        if problem:
            out.problems.append(problem)
        elif os.path.isdir(p):
            _walk(p, out)
        else:
            out.files.append(p)
    root = batch_root(p for p in paths if not stat_problem(p) or p == "-")
    out.names = {f: article_name(f, root) for f in out.files}
    return out


def _walk(top: str, out: Expansion) -> None:
    seen: set[str] = set()
    found: list[str] = []

    def unreadable(e: OSError) -> None:
        out.problems.append(UnreadableInputError(str(e.filename or top), e.strerror or type(e).__name__))

    for folder, dirs, names in os.walk(top, followlinks=True, onerror=unreadable):
        real = os.path.realpath(folder)
        if real in seen:  # a linked folder seen before (or a loop of links): not again
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in names:
            f = os.path.join(folder, name)
            if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            problem = stat_problem(f)
            if problem:
                out.problems.append(problem)
            elif os.path.isfile(f):
                found.append(f)
    out.files.extend(sorted(found))


def expand(paths: Iterable[str]) -> list[str]:
    """Article paths as `scan` finds them; the first problem raised."""
    found = scan(paths)
    if found.problems:
        raise found.problems[0]
    return found.files

