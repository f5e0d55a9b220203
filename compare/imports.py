"""Heavy imports made lighter: spaCy without torch.

spaCy's machine-learning layer (thinc) imports torch when it is installed, for models this project
never loads: 3 of the 5 seconds that `import spacy` took on a 2-core machine, paid at the first named
entity of a check without the embedding model. `spacy_without_torch()` makes the first `import
spacy` of the process run with torch hidden from the thread that imports spaCy (thinc then says
torch is absent, and the small English pipeline runs as before, on numpy); torch stays importable
for everything else: other threads (the app loads the embedding model in one), and after.

spaCy's first import also loads its command line (`spacy/__init__.py` imports `spacy.cli.info`, and
with it every `spacy` command: typer, weasel, httpx, requests): a third of the import's CPU time,
for a function this project never calls. While spaCy's first import runs, `spacy.cli` and
`spacy.cli.info` are a small stand-in whose `info` imports the real one when called; once spaCy is
imported the stand-in is gone, and `import spacy.cli` loads the real package as before.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import Any

_lock = threading.Lock()
_here = threading.local()  # `hiding`: this thread is running spaCy's first import


class _HideTorch(importlib.abc.MetaPathFinder):
    """`import torch` fails in the thread that runs spaCy's first import, and only there."""

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if getattr(_here, "hiding", False) and (name == "torch" or name.startswith("torch.")):
            raise ModuleNotFoundError(f"No module named {name!r} (hidden while spaCy is imported)", name=name)
        return None


_CLI = ("spacy.cli", "spacy.cli.info")


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported when it is called (spaCy's command line is not loaded before)."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _CliStandIn(importlib.abc.Loader):
    """`spacy.cli` and `spacy.cli.info` while spaCy's first import runs: `info` and nothing else."""

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        module.__path__ = []  # type: ignore[attr-defined]  # a package: `spacy.cli.info` is found under it
        module.info = _spacy_info  # type: ignore[attr-defined]


class _HideSpacyCli(importlib.abc.MetaPathFinder):
    """The stand-in for `spacy.cli` in the thread that runs spaCy's first import, and only there."""

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if getattr(_here, "light", False) and name in _CLI:
            return importlib.machinery.ModuleSpec(name, _CliStandIn(), is_package=True)
        return None


class _SpacyWithoutTorch(importlib.abc.MetaPathFinder):
    """Finds `spacy` once, and wraps its loader so that torch is hidden (when it is not imported yet)
    and its command line stood in for while spaCy's modules run."""

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if name != "spacy":
            return None
        with _lock:
            if self in sys.meta_path:
                sys.meta_path.remove(self)
        spec = importlib.util.find_spec("spacy")
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run = loader.exec_module
        hide_torch = "torch" not in sys.modules

        def exec_module(module: ModuleType) -> None:
            _here.hiding = hide_torch  # `import torch` raises ImportError in this thread
            _here.light = True  # `spacy.cli` is the stand-in in this thread
            try:
                run(module)
            finally:
                _here.hiding = _here.light = False
                for stand_in in reversed(_CLI):  # `import spacy.cli` from now on: the real one
                    if isinstance(getattr(sys.modules.get(stand_in), "__loader__", None), _CliStandIn):
                        del sys.modules[stand_in]
                if isinstance(getattr(module.__dict__.get("cli"), "__loader__", None), _CliStandIn):
                    del module.cli

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def spacy_without_torch() -> None:
    """Hide torch (unless it is imported already) and spaCy's command line from spaCy's first import
    in this process (nothing happens if spaCy is already imported). Call it early: the CLI and the app do."""
    with _lock:
        if "spacy" in sys.modules:
            return
        if not any(isinstance(f, _SpacyWithoutTorch) for f in sys.meta_path):
            sys.meta_path.insert(0, _SpacyWithoutTorch())
        for finder in (_HideTorch, _HideSpacyCli):
            if not any(isinstance(f, finder) for f in sys.meta_path):
                sys.meta_path.insert(0, finder())
