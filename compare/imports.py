"""Heavy imports made lighter: spaCy without torch.

spaCy's machine-learning layer (thinc) imports torch when it is installed, for models this project
never loads: 3 of the 5 seconds that `import spacy` took on a 2-core machine, paid at the first named
entity of a check without the embedding model. `spacy_without_torch()` makes the first `import
spacy` of the process run with torch hidden from the thread that imports spaCy (thinc then says
torch is absent, and the small English pipeline runs as before, on numpy); torch stays importable
for everything else: other threads (the app loads the embedding model in one), and after.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
from collections.abc import Sequence
from types import ModuleType

_lock = threading.Lock()
_here = threading.local()  # `hiding`: this thread is running spaCy's first import


class _HideTorch(importlib.abc.MetaPathFinder):
    """`import torch` fails in the thread that runs spaCy's first import, and only there."""

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if getattr(_here, "hiding", False) and (name == "torch" or name.startswith("torch.")):
            raise ModuleNotFoundError(f"No module named {name!r} (hidden while spaCy is imported)", name=name)
        return None


class _SpacyWithoutTorch(importlib.abc.MetaPathFinder):
    """Finds `spacy` once, and wraps its loader so that torch is hidden while spaCy's modules run."""

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if name != "spacy":
            return None
        with _lock:
            if self in sys.meta_path:
                sys.meta_path.remove(self)
        spec = importlib.util.find_spec("spacy")
        if spec is None or spec.loader is None or "torch" in sys.modules:
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            _here.hiding = True  # `import torch` raises ImportError in this thread
            try:
                run(module)
            finally:
                _here.hiding = False

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def spacy_without_torch() -> None:
    """Hide torch from spaCy's first import in this process (nothing happens if spaCy or torch is
    already imported). Call it early: the CLI and the app do."""
    with _lock:
        if "spacy" in sys.modules or "torch" in sys.modules:
            return
        if not any(isinstance(f, _SpacyWithoutTorch) for f in sys.meta_path):
            sys.meta_path.insert(0, _SpacyWithoutTorch())
        if not any(isinstance(f, _HideTorch) for f in sys.meta_path):
            sys.meta_path.insert(0, _HideTorch())
