"""The built wheel carries the whole package: every subpackage, the resources, `py.typed`; installed
into a fresh environment (its dependencies seen from this one), `compare check` runs from it on the
demo and prints what the development install prints."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

DEMO = ["--corpus", str(DATA / "cables"), "--no-semantic", "--format", "jsonl", "--",
        str(DATA / "articles" / "003_515405a57c30b3c1.txt")]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")  # setuptools' build folder, not the checkout's
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "-w", str(out), str(ROOT)], check=True, cwd=build,
                   env={**os.environ, "PIP_NO_INPUT": "1"})
    (found,) = out.glob("compare-*.whl")
    return found


def test_wheel_holds_every_module_and_resource(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {p.relative_to(ROOT).as_posix() for p in (ROOT / "compare").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert "compare/py.typed" in wanted and "compare/resources/phrase_prior.tsv" in wanted
    assert wanted <= names, sorted(wanted - names)
    meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
    requires = [line for line in zipfile.ZipFile(wheel).read(meta).decode().splitlines()
                if line.startswith("Requires-Dist: torch")]
    assert requires and all("==" not in r for r in requires), requires  # no hard pin of torch


def test_wheel_installs_and_checks_the_demo(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
                    str(wheel)], check=True)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # the dependencies from this environment, after the fresh one's own packages (not its `compare`:
    # a plain path line runs no editable-install hook)
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run([str(python), "-c", "import compare; print(compare.__file__)"], cwd=tmp_path,
                           check=True, capture_output=True, text=True).stdout.strip()
    assert where.startswith(str(venv)), where
    env = {**os.environ, "COMPARE_NO_CORPUS_CACHE": "1"}
    installed = subprocess.run([str(venv / "bin" / "compare"), "check", *DEMO], cwd=tmp_path, env=env,
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    here = subprocess.run([sys.executable, "-m", "compare.cli", "check", *DEMO], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert here.returncode == 0, here.stderr
    assert installed.stdout == here.stdout
    assert installed.stdout.count("\n") >= 10
