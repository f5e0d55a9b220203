"""The JSONL dump of the release (`{id, meta, text}` a line), plain or gzipped, streamed record by
record (an index build commits and resumes by record number)."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import limits
from ..errors import BadCorpusFileError, BadCorpusRecordError, UnreadableInputError
from ..model import Cable
from .header import canonical_id, parse_cable
from .registry import Reader, Record, register


def parse_jsonl(lines: Iterable[str], source: str, first_line: int = 1) -> Iterator[Cable]:
    for n, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise BadCorpusRecordError(source, n, f"not JSON ({e.msg})") from None
        except RecursionError:
            raise BadCorpusRecordError(source, n, "nested too deep to read") from None
        except ValueError as e:  # a number of more than 4,300 digits
            raise BadCorpusRecordError(source, n, f"not a record this reader takes ({str(e).split(';')[0]})") from None
        if limits.depth(rec) > limits.DEPTH.value():
            raise BadCorpusRecordError(source, n, f"nested {limits.depth(rec)} levels deep, more than the "
                                       f"{limits.DEPTH.value()} allowed ({limits.DEPTH.variable}=N raises it)")
        if not isinstance(rec, dict) or "text" not in rec:
            raise BadCorpusRecordError(source, n, "no 'text' field")
        if not isinstance(rec["text"], str):
            raise BadCorpusRecordError(source, n, f"'text' is a {type(rec['text']).__name__}, not a string")
        if rec.get("id") is not None and not isinstance(rec["id"], str):
            raise BadCorpusRecordError(source, n, f"'id' is a {type(rec['id']).__name__}, not a string")
        meta = rec.get("meta") or ""
        if isinstance(meta, dict):
            meta = " ".join(str(v) for v in meta.values())
        # the release's own ID, canonical where it can be ("08SECTION01GF02BISHIEK21" stays as it is)
        cid = (canonical_id(rec["id"]) or re.sub(r"\s+", "", rec["id"]).upper()) if rec.get("id") else None
        cable = parse_cable(rec["text"], f"{source}:{n}", cable_id=cid, meta=str(meta))
        if cable is None:
            if rec["text"].strip():
                raise BadCorpusRecordError(source, n, "no reference ID: no 'id' field, and none in its text")
            continue  # an empty record holds nothing to lose
        yield cable


def is_dump(path: Path) -> bool:
    return path.name.lower().endswith((".jsonl.gz", ".json.gz", ".jsonl", ".json"))


def jsonl_lines(path: Path, skip: int = 0) -> Iterator[tuple[int, str, float]]:
    """(line number, line, share of the file read) of a JSONL dump, plain or gzipped, after `skip`
    lines. A file that is not what its name says fails at once with a one-line reason: a .gz that
    is not gzip or is cut short (checked before any record is parsed), a binary file, a line that is
    not UTF-8."""
    gz = path.name.lower().endswith(".gz")
    limits.regular_file(path)
    cap, line_cap = limits.DECOMPRESSED.bytes(), limits.RECORD.bytes()
    try:
        if gz:
            try:
                with gzip.open(path, "rb") as f:
                    total = 0
                    while chunk := f.read(1 << 24):
                        total += len(chunk)
                        if total > cap:  # a gzip bomb stops here
                            raise limits.DECOMPRESSED.refuse(str(path), f"more than {cap / 1e6:,.0f} MB")
            except (OSError, EOFError, zlib.error) as e:
                why = "cut short (the gzip stream ends early)" if isinstance(e, EOFError) else "not a gzip file"
                raise BadCorpusFileError(str(path), why) from None
        raw = open(path, "rb")  # noqa: SIM115 - closed below
        size = max(1, path.stat().st_size)
        stream = gzip.open(raw, "rb") if gz else raw  # noqa: SIM115 - closed below
        try:
            n = 0
            while data := stream.readline(line_cap + 1):  # a line is read up to the limit, no further
                n += 1
                if len(data) > line_cap and not data.endswith(b"\n"):
                    raise limits.RECORD.refuse(f"{path}, line {n}", f"more than {line_cap / 1e6:,.1f} MB")
                if n <= skip:
                    continue
                if b"\x00" in data:
                    raise BadCorpusFileError(str(path), "a binary file, not JSON lines")
                try:
                    line = data.decode("utf-8")
                except UnicodeDecodeError:
                    raise BadCorpusRecordError(path.name, n, "not UTF-8 text") from None
                yield n, line, raw.tell() / size
        finally:
            stream.close()
            raw.close()
    except PermissionError as e:
        raise UnreadableInputError(str(path), e.strerror or "permission denied") from None


def read(path: Path, skip: int = 0) -> Iterator[Record]:
    for n, line, share in jsonl_lines(path, skip):
        yield Record(n, tuple(parse_jsonl([line], path.name, first_line=n)), share)


register(Reader("JSONL dump", (".jsonl.gz", ".json.gz", ".jsonl", ".json"),
                lambda head: head.startswith(b"\x1f\x8b") or head.lstrip()[:1] in (b"{", b""), read, priority=1))
