"""Checking many articles: folders expanded, both cores used, results streamed as each article is
done, and a run that a rerun resumes.

A resumable run writes JSONL and, beside it, `OUTPUT.done`: one line per checked article (its
path, content hash, error if any, the output's length once its quotes were written, and the
SHA-256 of the output up to that length). A rerun verifies the output against the journal (its
size and the checksum at every recorded length) and refuses when they disagree; it then cuts the
output back to the last finished article (a run killed mid-write leaves no half article), skips
every article done whose text has not changed, checks again those that changed (their earlier
quotes taken out of the output) and retries those that failed.

The package, by concern: `scanning` (which articles: folders expanded, each named from the batch's
root), `pool` (checking them, in one process or several), `outcome` (what checking one gives),
`sinks` (where the outcomes go; the output's lock) and `journal` (the `.done` file of a resumable
run). The library's one loop over many articles is `checker.check_many`, which calls `pool.run`.
"""

from .journal import Entry, Journal, journal_path
from .outcome import Outcome, file_digest
from .pool import Settings, check_one, run
from .scanning import ARTICLE_SUFFIXES, Expansion, article_name, batch_root, expand, scan
from .sinks import OutputLock, ResumableSink, Sink, check_output, check_resume, open_sink

__all__ = ["ARTICLE_SUFFIXES", "Entry", "Expansion", "Journal", "Outcome", "OutputLock", "ResumableSink", "Settings",
           "Sink", "article_name", "batch_root", "check_one", "check_output", "check_resume", "expand",
           "file_digest", "journal_path", "open_sink", "run", "scan"]
