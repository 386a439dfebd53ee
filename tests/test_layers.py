"""The layer contract ([tool.importlinter] in pyproject.toml) holds, and it bites.

import-linter runs exactly as `make lint` runs it. To show each rule catches what it should,
a wrong import is planted in a throwaway tree of tiny packages with the product's names, and
the contract that forbids it must be the one that breaks. Those runs start import-linter once
per tree, so they are in the slow tier; the product's own check is fast.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

CLI = "Nothing imports rag.cli"
SERVER = "Only rag.cli imports server"
FACADE = "Only rag.cli and server import the facade"
INGEST = "Only rag.service and rag.cli import ingest"
CYCLES = "No import cycles"

# The layers in miniature, every one importing what it may: this tree keeps every contract.
TINY = {
    "rag/__init__.py": "",
    "rag/types.py": "",
    "rag/settings.py": "from rag import types\n",
    "rag/store/__init__.py": "from rag import types\n",
    "rag/store/server.py": "from rag import settings\n",  # core, despite its name
    "rag/service.py": "import ingest\nfrom rag import store\n",
    "rag/cli.py": "import server\nfrom ingest import loaders\nfrom rag import service\n",
    "rag/__main__.py": "from rag import cli\n",  # `python -m rag`, the one importer of the cli
    "ingest/__init__.py": "",
    "ingest/loaders.py": "from rag import types\n",
    "server/__init__.py": "from rag import service, types\n",
}

IN_A_FUNCTION = "\n\ndef later():\n    {}\n"
WRONG = {
    "core imports server": ("rag/types.py", "import server", SERVER),
    "core imports the facade": ("rag/settings.py", "from rag import service", FACADE),
    "core imports ingest in a function": (
        "rag/store/server.py",
        IN_A_FUNCTION.format("from ingest import loaders"),
        INGEST,
    ),
    "ingest imports the facade": ("ingest/loaders.py", "from rag.service import x", FACADE),
    "ingest imports server": ("ingest/__init__.py", "import server", SERVER),
    "server imports ingest in a function": (
        "server/__init__.py",
        IN_A_FUNCTION.format("from ingest.loaders import load"),
        INGEST,
    ),
    "server imports the cli": ("server/__init__.py", "from rag import cli", CLI),
    "the facade imports server": ("rag/service.py", "import server", SERVER),
    "two core modules import each other": ("rag/types.py", "from rag import settings", CYCLES),
}


def lint_imports(cwd: Path) -> tuple[int, dict[str, str], str]:
    """Run lint-imports with the product's contracts on the packages found from ``cwd``;
    returns its exit status, each contract's verdict (KEPT or BROKEN) and its report."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "COLUMNS": "250", "NO_COLOR": "1"}
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(CONFIG)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    verdicts = {}
    for line in done.stdout.splitlines():
        name, _, verdict = line.rstrip().rpartition(" ")
        if verdict in ("KEPT", "BROKEN"):
            verdicts[name] = verdict
    assert verdicts, done.stdout + done.stderr
    return done.returncode, verdicts, done.stdout


def write_tree(base: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return base


def broken(verdicts: dict[str, str]) -> list[str]:
    return sorted(name for name, verdict in verdicts.items() if verdict == "BROKEN")


def test_the_product_keeps_the_layer_contract():
    status, verdicts, report = lint_imports(ROOT)
    assert broken(verdicts) == [], report.partition("Broken contracts")[2] or report
    assert status == 0


@pytest.mark.slow
def test_the_tiny_tree_keeps_it(tmp_path: Path):
    status, verdicts, _ = lint_imports(write_tree(tmp_path, TINY))
    assert len(verdicts) == 5 and broken(verdicts) == []
    assert status == 0


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(WRONG))
def test_a_wrong_import_breaks_the_contract_that_forbids_it(case: str, tmp_path: Path):
    module, line, contract = WRONG[case]
    files = dict(TINY)
    files[module] = f"{line}\n{files[module]}" if "def " not in line else files[module] + line
    status, verdicts, _ = lint_imports(write_tree(tmp_path, files))
    assert status == 1
    assert [name for name in broken(verdicts) if name.startswith(contract)], verdicts
