"""Read cables from every source users have: single-cable pages, blog compilations of many cables,
the release's own HTML pages, and the JSONL dump. Cables read twice are merged by reference ID.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import BadCorpusFileError, BadCorpusRecordError, MissingPathError, NoCablesError, UnreadableInputError
from ..lexicon import MONTH_NUMBER
from ..model import Cable
from . import paragraphs as paras
from .decode import decode_bytes

ID_RE = re.compile(r"\b(\d{2})[ \t]?([A-Z][A-Z]{1,24}?)[ \t]?0*(\d{1,6})\b")
CLASSIFICATIONS = (
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "SECRET//NOFORN", "CONFIDENTIAL//NOFORN",
    "SECRET/NOFORN", "CONFIDENTIAL/NOFORN", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED",
)  # fmt: skip
CLASS_ALT = "|".join(re.escape(c) for c in CLASSIFICATIONS)
META_RE = re.compile(
    r"(?P<id>\d{2}[A-Z]+\d+)\s+(?P<created>\d{4}-\d{2}[-.]\d{2})(?:\s+\d\d:\d\d(?::\d\d)?)?"
    r"(?:\s+\d{4}-\d{2}-\d{2}(?:\s+\d\d:\d\d(?::\d\d)?)?)?\s+(?P<cls>" + CLASS_ALT + r")\s+(?P<origin>"
    r"(?:Embassy|Consulate|Mission|USUN|US Mission|Secretary of State|Department of State|Office)"
    r"[A-Za-z .,'-]*?)(?=\s+Appears\b|\s*$|\s{2}|\s+VZCZC|\s+[A-Z]{2,}\s)"
)
BANNERS = {
    "S E C R E T": "SECRET",
    "C O N F I D E N T I A L": "CONFIDENTIAL",
    "U N C L A S S I F I E D": "UNCLASSIFIED",
    "UNCLAS": "UNCLASSIFIED",
}
STATIONS = {"RUEHME": "MEXICO", "RUEHC": "STATE", "RUEHMC": "MONTERREY", "RUEHCV": "CARACAS"}
ANCHOR_RES = [
    re.compile(r"(?m)^[ \t]*ID:[^\n]*\n(?:[^\n]*\n){0,3}?[^\n]*Origin:\s*(\d{2}[A-Z]+\s?\d+)"),
    re.compile(r"(?m)^[ \t]*\d{3,7}[ \t]+Date:[^\n]*?Origin:\s*(\d{2}[A-Z]+\s?\d+)"),
    re.compile(r"(?m)^[ \t]*Reference ID\b[ \t]*(?:Created Released Classification Origin)?\s*(\d{2}[A-Z]+ ?\d+)"),
    re.compile(r"(?m)^[ \t]*(\d{2}[A-Z]{3,}\d{1,6})(?=[ \t]*(?::|$|\d{4}-\d\d-\d\d))"),
]
CABLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl", ".gz", ".json"}


def canonical_id(text: str) -> str | None:
    """`09MEXICO 3077`, `09MEXICO003077` -> `09MEXICO3077`."""
    m = ID_RE.search(text.upper())
    return f"{m.group(1)}{m.group(2)}{int(m.group(3))}" if m else None


def _iso(y: str, mo: str, d: str) -> str | None:
    year, month, day = int(y), int(mo), int(d)
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _dtg(flat: str) -> tuple[str | None, str | None]:
    """(ISO date, two-digit year) from a date-time group such as `141842Z AUG 08`."""
    m = re.search(r"\b(\d{2})(\d{4})Z\s+([A-Z]{3})\s+(\d{2})\b", flat)
    if not m or m.group(3).lower() not in MONTH_NUMBER:
        return None, None
    return _iso("20" + m.group(4), str(MONTH_NUMBER[m.group(3).lower()]), m.group(1)), m.group(4)


def _header_fields(header: str, page_title: str | None) -> dict[str, object]:
    flat = " ".join(header.split())
    out: dict[str, object] = {}
    m = META_RE.search(flat)
    if m:
        out["date"] = _iso(*re.split(r"[-.]", m.group("created")))
        out["classification"] = m.group("cls")
        out["origin"] = m.group("origin").strip()
    if "date" not in out or out["date"] is None:
        dm = re.search(r"\b(?:Date|Created):?\s*(\d{4})-(\d{2})[-.](\d{2})", flat)
        out["date"] = _iso(*dm.groups()) if dm else _dtg(flat)[0]
    if not out.get("classification"):
        cm = re.search(r"Classification:\s*(" + CLASS_ALT + r")", flat)
        if cm:
            out["classification"] = cm.group(1)
        else:
            for banner, name in BANNERS.items():
                if re.search(re.escape(banner) + r"\b", flat):
                    out["classification"] = name
                    break
    if not out.get("origin"):
        om = re.search(r"(?:Source|Origin):\s*((?:Embassy|Consulate|Mission)\s+[A-Z][a-z]+(?: (?!Classification|Dunno|Destination|Source)[A-Z][a-z]+)?)", flat)
        fm = re.search(r"\bFM AM(EMBASSY|CONSUL)\s+([A-Z]+(?: [A-Z]+)?)(?=\s+TO\b)", flat)
        if om:
            out["origin"] = om.group(1)
        elif fm:
            out["origin"] = ("Embassy " if fm.group(1) == "EMBASSY" else "Consulate ") + fm.group(2).title()
    sm = re.search(
        r"SUBJECT:?\s*(.+?)(?=\s+(?:REF\b|Classified By|CLASSIFIED BY|DERIVED FROM|Classified Secret)|$)", flat
    )
    if sm:
        out["subject"] = sm.group(1).strip(" .")
    elif page_title:
        out["subject"] = page_title
    tm = re.search(r"\bTAGS:?\s+((?:[A-Z][A-Za-z]{1,6}\b[, ]*)+)", flat)
    if tm:
        out["tags"] = tuple(t for t in re.split(r"[,\s]+", tm.group(1)) if t and t != "SUBJECT")
    cb = re.search(r"Classified By:?\s*(.{3,120}?)(?:[.;,]?\s*Reasons?\b|$)", flat, re.I)
    if cb:
        out["classified_by"] = cb.group(1).strip(" .;,")
    return out


def _references(header: str, year: str | None) -> tuple[str, ...]:
    flat = " ".join(header.split())
    refs: list[str] = []
    rm = re.search(r"\bREF:?\s*(.+?)(?=\s+(?:Classified By|CLASSIFIED BY|DERIVED FROM|Classified)\b|$)", flat)
    if rm:
        for m in re.finditer(r"(?:\b(\d{2})\s+)?\b([A-Z][A-Z]+(?: [A-Z]+)?)\s+0*(\d{1,6})\b", rm.group(1)):
            y = m.group(1) or year
            if y and m.group(2) not in {"REF", "STATE A", "PARA"}:
                refs.append(f"{y}{m.group(2).replace(' ', '')}{int(m.group(3))}")
    dm = re.search(r"Dunno:\s*((?:\d{2}[A-Z]+\d+\s*)+)", flat)
    if dm:
        refs.extend(canonical_id(x) or x for x in dm.group(1).split())
    return tuple(dict.fromkeys(refs))


def _derive_id(flat: str) -> str | None:
    """An ID from the routing line and date-time group: `DE RUEHME #2498` + `AUG 08` -> `08MEXICO2498`."""
    de = re.search(r"\bDE\s+(RUEH[A-Z]{1,3})\s+#(\d{1,5})", flat)
    _, yy = _dtg(flat)
    if not de or not yy:
        return None
    number = int(de.group(2))
    pm = re.search(r"\b([A-Z][A-Z ]{1,30}?)\s+0*" + str(number) + r"\s+\d{3}\s+OF\s+\d{3}\b", flat)
    bm = re.search(r"\b([A-Z][A-Z]+(?: [A-Z]+)?)\s+0*" + str(number) + r"\b", flat)
    origin = pm.group(1) if pm else STATIONS.get(de.group(1)) or (bm.group(1) if bm else None)
    return f"{yy}{origin.replace(' ', '')}{number}" if origin else None


def parse_cable(text: str, source: str, cable_id: str | None = None, meta: str = "",
                page_title: str | None = None, offset: int = 0) -> Cable | None:
    """One cable from its text (header and body). None when it has neither body text nor a reference
    ID; a record cut short after its header (the release has some) keeps its metadata and subject."""
    body = paras.split(text, offset)
    if not body.paragraphs and not (cable_id or meta):
        return None
    header = meta + "\n" + text[: body.header_end]
    fields = _header_fields(header, page_title)
    flat_all = " ".join(text.split())
    cid = cable_id or (canonical_id(" ".join(meta.split()[:8])) if meta else None) or _derive_id(flat_all)
    if not cid:
        return None
    year = cid[:2]
    if fields.get("date") is None:
        fields["date"] = _dtg(flat_all)[0]
    signer = body.signer
    if not fields.get("origin"):
        letters = re.match(r"\d{2}([A-Z]+)", cid)
        fields["origin"] = letters.group(1).title() if letters else None
    return Cable(
        id=cid,
        date=fields.get("date"),  # type: ignore[arg-type]
        classification=fields.get("classification"),  # type: ignore[arg-type]
        origin=fields.get("origin"),  # type: ignore[arg-type]
        subject=fields.get("subject"),  # type: ignore[arg-type]
        tags=fields.get("tags", ()),  # type: ignore[arg-type]
        signer=signer,
        classified_by=fields.get("classified_by"),  # type: ignore[arg-type]
        references=_references(header, year),
        paragraphs=tuple(replace(p, cable_id=cid) for p in body.paragraphs),
        source=source,
    )


def _anchors(text: str) -> list[tuple[int, str]]:
    """(offset, canonical ID) where each cable of a compilation starts."""
    found: dict[int, tuple[int, str]] = {}
    for rx in ANCHOR_RES:
        for m in rx.finditer(text):
            line_start = text.rfind("\n", 0, m.start() + 1) + 1
            cid = canonical_id(m.group(1))
            if cid and not any(abs(line_start - k) < 400 and v[1] == cid for k, v in found.items()):
                found[line_start] = (line_start, cid)
    return sorted(found.values())


def parse_text_page(text: str, source: str) -> list[Cable]:
    """A page with one cable (seed 004) or a compilation of many with commentary between (seed 002)."""
    title_m = re.match(r"\s*(?:Cablegate:\s*)?([^\n]{5,200})\n", text)
    page_title = title_m.group(1).strip() if title_m and "Cablegate:" in text[:40] else None
    anchors = _anchors(text)
    cables: list[Cable] = []
    if not anchors:
        cable = parse_cable(text, source, page_title=page_title)
        return [cable] if cable else []
    for i, (start, cid) in enumerate(anchors):
        end = anchors[i + 1][0] if i + 1 < len(anchors) else len(text)
        cable = parse_cable(text[start:end], f"{source}#{cid}", cable_id=cid, offset=start)
        if cable:
            cables.append(cable)
    return cables


def _html_to_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def parse_html_page(page: str, source: str) -> list[Cable]:
    """The release's own cable page: the metadata table and the `<pre>` blocks."""
    table = re.search(r"<table class='cable'>(.*?)</table>", page, re.S)
    pres = re.findall(r"<pre>(.*?)</pre>", page, re.S)
    if not table or not pres:
        return parse_text_page(_html_to_text(page), source)
    cells = [" ".join(_html_to_text(c).split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", table.group(1), re.S)]
    meta = "Reference ID Created Released Classification Origin " + " ".join(cells[:5])
    text = "\n\n".join(_html_to_text(p) for p in pres)
    cable = parse_cable(text, source, cable_id=canonical_id(cells[0]) if cells else None, meta=meta)
    return [cable] if cable else []


def parse_jsonl(lines: Iterable[str], source: str, first_line: int = 1) -> Iterator[Cable]:
    for n, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise BadCorpusRecordError(source, n, f"not JSON ({e.msg})") from None
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
    try:
        if gz:
            try:
                with gzip.open(path, "rb") as f:
                    while f.read(1 << 24):
                        pass
            except (OSError, EOFError, zlib.error) as e:
                why = "cut short (the gzip stream ends early)" if isinstance(e, EOFError) else "not a gzip file"
                raise BadCorpusFileError(str(path), why) from None
        raw = open(path, "rb")  # noqa: SIM115 - closed below
        size = max(1, path.stat().st_size)
        stream = gzip.open(raw, "rb") if gz else raw  # noqa: SIM115 - closed below
        try:
            for n, data in enumerate(stream, 1):
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


def read_file(path: Path) -> list[Cable]:
    name = path.name.lower()
    if is_dump(path):
        found: list[Cable] = []
        for n, line, _ in jsonl_lines(path):
            found.extend(parse_jsonl([line], path.name, first_line=n))
        return found
    try:
        data = path.read_bytes()
    except PermissionError as e:
        raise UnreadableInputError(str(path), e.strerror or "permission denied") from None
    text = decode_bytes(data, str(path))
    if name.endswith((".html", ".htm")) or re.match(r"\s*<(?:\?xml|!DOCTYPE|html)", text, re.I):
        return parse_html_page(text, path.name)
    return parse_text_page(text, path.name)


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
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in CABLE_SUFFIXES))
        else:
            files.append(p)
    return files


def load(paths: Iterable[str | Path]) -> dict[str, Cable]:
    """Every cable in the given files and folders, merged by reference ID."""
    paths = list(paths)
    found: list[Cable] = []
    for f in expand_paths(paths):
        found.extend(read_file(f))
    if not found:
        raise NoCablesError(", ".join(str(p) for p in paths))
    return merge(found)
