"""Checking many articles: folders expanded, both cores used, results streamed as each article is
done, and a run that a rerun resumes.

A resumable run writes JSONL and, beside it, `OUTPUT.done`: one line per checked article (its
path, content hash, error if any, the output's length once its quotes were written, and the
SHA-256 of the output up to that length). A rerun verifies the output against the journal (its
size and the checksum at every recorded length) and refuses when they disagree; it then cuts the
output back to the last finished article (a run killed mid-write leaves no half article), skips
every article done whose text has not changed, checks again those that changed (their earlier
quotes taken out of the output) and retries those that failed.
"""

from __future__ import annotations

import errno
import hashlib
import json
import multiprocessing as mp
import os
import signal
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from . import ingest, limits
from .api import load_corpus
from .errors import (
    BadOptionError,
    BadOutputError,
    CompareError,
    MissingPathError,
    OrphanOutputError,
    OutputLockedError,
    ResumeError,
    SymlinkLoopError,
    UnreadableInputError,
)
from .model import QuoteResult
from .pipeline import CheckOptions, Pipeline
from .report import render

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


def _stat_problem(p: str) -> CompareError | None:
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
        problem = _stat_problem(p) or _not_regular(p)
        if problem:
            out.problems.append(problem)
        elif os.path.isdir(p):
            _walk(p, out)
        else:
            out.files.append(p)
    root = batch_root(p for p in paths if not _stat_problem(p) or p == "-")
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
            problem = _stat_problem(f)
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


@dataclass(frozen=True)
class Outcome:
    path: str
    sha256: str
    results: tuple[QuoteResult, ...]
    error: str = ""  # a CompareError's message when the article could not be checked
    text: str = ""  # the article's text, as the quotes' offsets count it
    warnings: tuple[str, ...] = ()  # what checking it warned of (shown by the caller, counted)


@dataclass(frozen=True)
class Settings:
    corpus: tuple[str, ...]
    options: CheckOptions


_checker: Any = None
_init_error = ""


def _init(settings: Settings) -> None:
    """A worker's checker (a failure is kept and reported per article: a pool whose initializer
    raises would start workers for ever). The parent handles SIGINT and SIGTERM; a worker just ends."""
    global _checker, _init_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        _checker = Pipeline(load_corpus(settings.corpus), settings.options)
    except CompareError as e:
        _init_error = str(e)


def _digest(path: str) -> str:
    if path == "-":
        return ""
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return ""


def check_one(path: str, checker: Any = None, name: str | None = None) -> Outcome:
    """One article, with a bad article reported in the outcome instead of raised. Its quotes carry
    `name` (the path relative to the batch's root) and the SHA-256 of the file's bytes."""
    checker = checker or _checker
    if checker is None:
        return Outcome(path, "", (), _init_error or "the corpus could not be opened")
    with warnings.catch_warnings(record=True) as caught:  # kept with the outcome, not streamed
        warnings.simplefilter("always")
        outcome = _check_one(path, checker, name)
    return replace(outcome, warnings=tuple(str(w.message) for w in caught))


def _check_one(path: str, checker: Any, name: str | None) -> Outcome:
    try:
        try:
            article = ingest.read_article(path)
        except OSError as e:
            problem = _stat_problem(path)
            raise problem or UnreadableInputError(path, e.strerror or type(e).__name__) from None
        digest = _digest(path)
        results = tuple(replace(r, article_path=name or r.quote.article, article_sha256=digest or article.sha256)
                        for r in checker.check_article(article))
        return Outcome(path, digest, results, text=article.text)
    except CompareError as e:
        return Outcome(path, _digest(path), (), str(e))


def _check_named(item: tuple[str, str | None]) -> Outcome:
    return check_one(item[0], None, item[1])


def run(paths: list[str], settings: Settings, jobs: int = 1, checker: Any = None,
        names: dict[str, str] | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of `paths`, from `jobs` processes (each opens the corpus once); `names`
    gives each path's name in the batch (`scan`'s `names`)."""
    names = names or {}
    if jobs <= 1 or len(paths) <= 1:
        if checker is None:
            try:  # here, not _init: the parent keeps its own signal handlers
                checker = Pipeline(load_corpus(settings.corpus), settings.options)
            except CompareError as e:
                yield from (Outcome(p, "", (), str(e)) for p in paths)
                return
        for p in paths:
            yield check_one(p, checker, names.get(p))
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(jobs, initializer=_init, initargs=(settings,)) as pool:
        yield from pool.imap(_check_named, [(p, names.get(p)) for p in paths], chunksize=1)


# -- where the results go ------------------------------------------------------------------------

def check_output(output: str) -> None:
    """Refuse an `-o` that cannot be written, before any work is done."""
    path = Path(output)
    if path.is_dir():
        raise BadOutputError(output, "is a folder")
    if not path.parent.is_dir():
        raise BadOutputError(output, f"the folder {path.parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise BadOutputError(output, "permission denied")


def journal_path(output: str | Path) -> Path:
    output = Path(output)
    return output.with_name(output.name + ".done")


def _beside(output: str | Path, suffix: str) -> Path:
    output = Path(output)
    return output.with_name(output.name + suffix)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


class OutputLock:
    """`OUTPUT.lock`: held (an advisory `flock`) by the one run that writes OUTPUT, so that a second
    run on the same output refuses at once. The kernel lets go of it when the run ends in any way,
    SIGKILL included: a lock file left behind by a run that is gone is stale and taken over."""

    def __init__(self, output: str | Path) -> None:
        self.output = str(output)
        self.path = _beside(output, ".lock")
        self.fd: int | None = None
        self.stale_pid: int | None = None  # the run that left the lock file behind, if any

    def acquire(self) -> OutputLock:
        import fcntl

        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as e:
                raise BadOutputError(self.output, f"cannot make the lock file {self.path.name} "
                                     f"({e.strerror or type(e).__name__})") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                pid = _pid_in(fd)
                os.close(fd)
                raise OutputLockedError(self.output, pid, pid is not None and not _alive(pid)) from None
            try:  # the holder may have removed the file between our open and our lock: lock the new one
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        pid = _pid_in(fd)
        self.stale_pid = pid if pid is not None and pid != os.getpid() else None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        self.path.unlink(missing_ok=True)
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _pid_in(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and len(text) < 12 else None


class Sink:
    """Where a run's outcomes go: a report rendered at the end, onto stdout or into a file. A file is
    written beside the output (`OUTPUT.part`) and moved into place when the run completes: a run that
    fails or is stopped leaves an earlier output, and its journal, as they were."""

    def __init__(self, output: str | None, fmt: str, cables: Any = None) -> None:
        self.output, self.fmt, self.cables = output, fmt, cables
        self.outcomes: list[Outcome] = []
        self._stream: IO[str] | None = None
        self._part = _beside(output, ".part") if output is not None else None

    def todo(self, paths: list[str], names: dict[str, str] | None = None) -> list[str]:
        return paths

    def _open(self) -> IO[str]:
        if self._stream is None:
            self._stream = sys.stdout if self._part is None else open(self._part, "w", encoding="utf-8")  # noqa: SIM115
        return self._stream

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        if self.fmt == "jsonl":
            out = self._open()
            out.write(render(list(outcome.results), "jsonl"))
            out.flush()

    def close(self) -> None:
        out = self._open()
        if self.fmt != "jsonl":
            results = [r for o in self.outcomes for r in o.results]
            texts = {r.quote.article: o.text for o in self.outcomes for r in o.results}
            out.write(render(results, self.fmt, texts=texts, cables=self.cables))
        if out is sys.stdout:
            out.flush()
            return
        out.flush()
        os.fsync(out.fileno())
        out.close()
        assert self.output is not None and self._part is not None
        journal_path(self.output).unlink(missing_ok=True)  # an earlier run's journal no longer describes it
        os.replace(self._part, self.output)
        self._part = None

    def discard(self) -> None:
        """A run that did not complete: its part-written file is removed, the earlier output kept."""
        if self._stream is not None and self._stream is not sys.stdout:
            self._stream.close()
        if self._part is not None:
            self._part.unlink(missing_ok=True)


@dataclass(frozen=True)
class Entry:
    path: str
    sha256: str
    offset: int
    checksum: str
    error: str
    name: str = ""  # the article's path relative to the batch's root (journals since 2026-12-07)


class Journal:
    """The `.done` file beside a resumable output: which articles are finished, and where."""

    KEYS = {"path": str, "sha256": str, "offset": int, "checksum": str, "error": str}

    def __init__(self, output: Path, path: Path | None = None) -> None:
        self.output = output
        self.path = path or journal_path(output)

    def _entries(self) -> tuple[list[Entry], int]:
        """The journal's entries, and the length of its complete lines (a last line cut off by a
        kill is dropped; any other damage is refused)."""
        raw = self.path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ResumeError(str(self.output), f"{self.path.name} is not UTF-8 text") from None
        lines = text.split("\n")
        complete = len(text) if text.endswith("\n") or not text else len(text) - len(lines[-1])
        entries: list[Entry] = []
        for n, line in enumerate(lines[:-1] if not text.endswith("\n") else lines, 1):
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                raise ResumeError(str(self.output), f"{self.path.name} line {n} is not JSON") from None
            if not isinstance(rec, dict) or any(not isinstance(rec.get(k), t) or isinstance(rec.get(k), bool)
                                                for k, t in self.KEYS.items()):
                raise ResumeError(str(self.output), f"{self.path.name} line {n} is not a record of "
                                  f"{', '.join(self.KEYS)}")
            e = Entry(**{k: rec[k] for k in self.KEYS}, name=str(rec.get("name") or ""))
            if e.offset < (entries[-1].offset if entries else 0):
                raise ResumeError(str(self.output), f"{self.path.name} line {n}: offset {e.offset} goes back")
            entries.append(e)
        return entries, len(text[:complete].encode("utf-8"))

    def drop(self, paths: set[str]) -> None:
        """Take the lines of these articles out of the output (a changed article's earlier quotes),
        keeping every other article's in order; the journal is rewritten to match. Both files are
        written beside the originals and moved into place, the output first: a crash in between
        leaves a journal the next resume refuses, never a silent mix."""
        entries, _ = self._entries()
        data = self.output.read_bytes()
        out = bytearray()
        lines = []
        digest = hashlib.sha256()
        start = 0
        for e in entries:
            segment = data[start : e.offset]
            start = e.offset
            if e.path in paths:
                continue
            out += segment
            digest.update(segment)
            lines.append(json.dumps({"path": e.path, "name": e.name, "sha256": e.sha256, "offset": len(out),
                                     "checksum": digest.hexdigest(), "error": e.error}) + "\n")
        for target, content in ((self.output, bytes(out)), (self.path, "".join(lines).encode("utf-8"))):
            tmp = target.with_name(target.name + ".tmp")
            with open(tmp, "wb") as f:
                f.write(content)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)

    def open(self) -> tuple[dict[str, Entry], Any]:
        """{path: last entry} of the articles an earlier run checked, and the running checksum of
        the output, which is cut back to the last of them. Nothing is trusted that the output does
        not confirm."""
        digest = hashlib.sha256()
        if not self.path.exists():
            if self.output.is_file() and self.output.stat().st_size:
                raise OrphanOutputError(str(self.output), self.path.name)
            self.output.write_bytes(b"")
            self.path.write_bytes(b"")
            return {}, digest
        entries, keep = self._entries()
        end = entries[-1].offset if entries else 0
        if end and not self.output.is_file():
            raise ResumeError(str(self.output), f"{self.path.name} records {end} bytes written but the output "
                              "is missing")
        size = self.output.stat().st_size if self.output.is_file() else 0
        if size < end:
            raise ResumeError(str(self.output), f"the output has {size} bytes, fewer than the {end} that "
                              f"{self.path.name} records (overwritten since?)")
        at = 0
        with open(self.output, "rb") if self.output.is_file() else open(os.devnull, "rb") as f:
            for e in entries:
                while at < e.offset:
                    chunk = f.read(min(1 << 20, e.offset - at))
                    digest.update(chunk)
                    at += len(chunk)
                if digest.hexdigest() != e.checksum:
                    raise ResumeError(str(self.output), f"the output's first {e.offset} bytes are not what "
                                      f"{self.path.name} recorded (changed since?)")
        with open(self.output, "ab") as f:
            f.truncate(end)
        with open(self.path, "r+b") as f:
            f.truncate(keep)
        return {e.path: e for e in entries}, digest

    def start(self) -> Any:
        """A new, empty output and journal (a run without --resume)."""
        self.output.write_bytes(b"")
        self.path.write_bytes(b"")
        return hashlib.sha256()

    def record(self, outcome: Outcome, offset: int, checksum: str, name: str = "") -> None:
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"path": outcome.path, "name": name, "sha256": outcome.sha256, "offset": offset,
                                "checksum": checksum, "quotes": len(outcome.results), "error": outcome.error}) + "\n")
            f.flush()
            os.fsync(f.fileno())


class ResumableSink(Sink):
    """JSONL into a file, journaled so that a rerun goes on where this run stopped. A run without
    --resume (`fresh`) writes both beside the old ones and moves them into place when it completes."""

    def __init__(self, output: str, fresh: bool = False) -> None:
        self.output, self.fmt, self.cables = output, "jsonl", None
        self.outcomes = []
        self._stream = None
        self.fresh = fresh
        self._part = _beside(output, ".part") if fresh else None
        target = self._part or Path(output)
        self.journal = Journal(target, _beside(output, ".part.done") if fresh else None)
        if fresh:
            self.entries: dict[str, Entry] = {}
            self.digest = self.journal.start()
        else:
            self.entries, self.digest = self.journal.open()
        self.names: dict[str, str] = {}
        self.done = 0
        self.retried = 0
        self.changed: list[str] = []  # done before, but their text has changed since
        self.renamed: list[tuple[str, str]] = []  # (old path, new path): the same content under a new name
        self.gone: list[str] = []  # done before, now missing (their quotes stay in the output)

    def todo(self, paths: list[str], names: dict[str, str] | None = None) -> list[str]:
        """The paths not finished by an earlier run (or changed since: their earlier quotes are taken
        out of the output, so that each article's quotes stand in it once); failed ones are retried.
        An article found under a new name with the same content (the old file gone) is a renamed
        article: its quotes under the old name are taken out and it is checked again; an article
        done before and gone since is reported, its quotes kept."""
        self.names = dict(names or {})
        given = set(paths)
        loose = {e.path: e for e in self.entries.values() if e.path not in given and e.path != "-"}
        out = []
        dropped: set[str] = set()
        for p in paths:
            e = self.entries.get(p)
            digest = _digest(p) if p != "-" else ""
            if e is None and p != "-":
                same = next((x for x in loose.values() if not x.error and x.sha256 == digest and x.name
                             and x.name == self.names.get(p)), None)
                if same is not None:  # the same article, given by another path (absolute, say)
                    del loose[same.path]
                    self.done += 1
                    continue
                moved = next((x for x in loose.values() if not x.error and x.sha256 == digest
                              and not os.path.lexists(x.path)), None)
                if moved is not None:
                    del loose[moved.path]
                    self.renamed.append((moved.path, p))
                    dropped.add(moved.path)
            if e is not None and p != "-" and not e.error and e.sha256 == digest:
                self.done += 1
                continue
            if e is not None:
                if e.error:
                    self.retried += 1
                else:
                    self.changed.append(p)
                    dropped.add(p)
            out.append(p)
        self.gone = [x.path for x in loose.values() if not x.error and not os.path.lexists(x.path)]
        if dropped:
            self.journal.drop(dropped)
            self.entries, self.digest = self.journal.open()
        return out

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        data = render(list(outcome.results), "jsonl").encode("utf-8") if outcome.results else b""
        with open(self.journal.output, "ab") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            offset = f.tell()
        self.digest.update(data)
        self.journal.record(outcome, offset, self.digest.hexdigest(), self.names.get(outcome.path, ""))

    def close(self) -> None:
        if not self.fresh or self._part is None or self.output is None:
            return
        # the old journal first: a crash part-way leaves an output without a journal, which --resume refuses
        journal_path(self.output).unlink(missing_ok=True)
        os.replace(self._part, self.output)
        os.replace(self.journal.path, journal_path(self.output))
        self._part = None

    def discard(self) -> None:
        if self.fresh and self._part is not None:
            self._part.unlink(missing_ok=True)
            self.journal.path.unlink(missing_ok=True)


def open_sink(output: str | None, fmt: str, resume: bool, cables: Any = None) -> Sink:
    """Where the outcomes go. Call it once every input has been read and checked: it is the first
    thing that touches the output (and, holding the output's lock, the caller alone does)."""
    if output is not None:
        check_output(output)
    if resume:
        if fmt != "jsonl" or output is None:
            raise BadOptionError("--resume needs --format jsonl and -o FILE")
        return ResumableSink(output)
    if output is not None and fmt == "jsonl":
        sink: Sink = ResumableSink(output, fresh=True)
        sink.cables = cables
        return sink
    return Sink(output, fmt, cables)
