"""The journal of a resumable run: `OUTPUT.done` beside a JSONL output, one line per checked article
(its path, content hash, error if any, the output's length once its quotes were written, and the
SHA-256 of the output up to that length), which a rerun verifies the output against."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OrphanOutputError, ResumeError
from .outcome import Outcome


def journal_path(output: str | Path) -> Path:
    output = Path(output)
    return output.with_name(output.name + ".done")


def beside(output: str | Path, suffix: str) -> Path:
    output = Path(output)
    return output.with_name(output.name + suffix)


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

