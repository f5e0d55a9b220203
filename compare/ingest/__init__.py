"""Reading input: cables in every format users have, and articles.

`cables` (text pages and compilations, the release's HTML pages, the JSONL dump; merging by
reference ID), `paragraphs` (numbered paragraphs, page markers, headings, the signer), `articles`
(encodings, mojibake, HTML articles).
"""

from .articles import from_text, read
from .cables import (
           CABLE_SUFFIXES,
           canonical_id,
           expand_paths,
           is_dump,
           jsonl_lines,
           load,
           merge,
           parse_jsonl,
           read_file,
)
from .decode import decode_bytes

read_article = read
article_from_text = from_text

__all__ = ["CABLE_SUFFIXES", "article_from_text", "canonical_id", "decode_bytes", "expand_paths", "is_dump", "jsonl_lines", "load", "merge",
           "parse_jsonl", "read_article", "read_file"]
