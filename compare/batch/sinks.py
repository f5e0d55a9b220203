"""Where a batch's outcomes go: a report onto stdout or into a file, or JSONL journaled so that a
rerun resumes (`journal`); the lock that keeps a second run off the same output; the checks on an
output made before any work is done."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

from ..errors import BadOptionError, BadOutputError, OutputLockedError
from ..report import render
from .journal import Entry, Journal, beside, journal_path
from .outcome import Outcome, file_digest


def check_output(output: str) -> None:
    """Refuse an `-o` that cannot be written, before any work is done."""
    path = Path(output)
    if path.is_dir():
        raise BadOutputError(output, "is a folder")
    if not path.parent.is_dir():
        raise BadOutputError(output, f"the folder {path.parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise BadOutputError(output, "permission denied")


def check_resume(resume: bool, fmt: str, output: str | None) -> None:
    """`--resume` goes on writing a JSONL file: refused with any other format, or onto stdout."""
    if resume and (fmt != "jsonl" or output is None):
        raise BadOptionError("--resume needs --format jsonl and -o FILE")


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
        self.path = beside(output, ".lock")
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
        self._part = beside(output, ".part") if output is not None else None

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


class ResumableSink(Sink):
    """JSONL into a file, journaled so that a rerun goes on where this run stopped. A run without
    --resume (`fresh`) writes both beside the old ones and moves them into place when it completes."""

    def __init__(self, output: str, fresh: bool = False) -> None:
        self.output, self.fmt, self.cables = output, "jsonl", None
        self.outcomes = []
        self._stream = None
        self.fresh = fresh
        self._part = beside(output, ".part") if fresh else None
        target = self._part or Path(output)
        self.journal = Journal(target, beside(output, ".part.done") if fresh else None)
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
            digest = file_digest(p) if p != "-" else ""
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
    check_resume(resume, fmt, output)
    if resume:
        assert output is not None
        return ResumableSink(output)
    if output is not None and fmt == "jsonl":
        sink: Sink = ResumableSink(output, fresh=True)
        sink.cables = cables
        return sink
    return Sink(output, fmt, cables)
