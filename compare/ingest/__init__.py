"""Reading input: cables in every format a reader is registered for, and articles.

`registry` (the readers by format) with one module per format — `textpage` (pages and blog
compilations), `releasehtml` (the release's HTML pages), `jsonl` (the dump) — `header` (a cable's
reference ID and metadata), `paragraphs` (numbered paragraphs, page markers, headings, the signer),
`cables` (reading files and folders, merging by reference ID), `articles` and `decode` (articles:
encodings, mojibake, HTML).
"""

from . import jsonl, releasehtml, textpage  # noqa: F401 - each registers its reader
from .articles import from_text, read
from .cables import expand_paths, load, merge, read_file
from .decode import decode_bytes
from .header import canonical_id, parse_cable
from .jsonl import jsonl_lines, parse_jsonl
from .registry import READERS, Reader, Record, describe, reader_for, suffixes

read_article = read
article_from_text = from_text

__all__ = ["READERS", "Reader", "Record", "article_from_text", "canonical_id", "decode_bytes", "describe",
           "expand_paths", "jsonl_lines", "load", "merge", "parse_cable", "parse_jsonl", "read_article",
           "read_file", "reader_for", "suffixes"]
