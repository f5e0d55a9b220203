"""A cable paragraph's sentences: the runs of text up to and including a full stop, question or
exclamation mark (a run without one is a sentence too: a list of names, a heading).

The one splitter of cable text that the stages comparing a quote with a cable's sentences share
(`pipeline.paraphrase`, `pipeline.translation`). Splitters that need other behaviour say why where
they stand: an article's sentences (`pipeline.extract`: abbreviations, quotation marks, a capital
after the stop), the multilingual sentence index's pieces (`indexing.sentences`: short pieces joined,
long ones cut, semicolons; the stored vectors depend on them), the sentence around a span
(`pipeline.attribution`, `pipeline.translation`) and the card's excerpt (`cards.source_window`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SENTENCE_RE = re.compile(r"[^.!?]+[.!?]*")


def sentence_matches(text: str) -> Iterator[re.Match[str]]:
    """The sentences of `text`, in order, as matches (`group()`, `start()`, `end()`), their white
    space and all: every character of `text` is in exactly one of them."""
    return SENTENCE_RE.finditer(text)
