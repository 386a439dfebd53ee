"""The wheel carries everything the product reads at run time, and the product finds it there.

The wheel is built offline (no build isolation: the venv's setuptools), installed into a
temporary folder, and used by a Python started without site-packages, so neither the source
tree nor the editable install can stand in for it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["rag", "ingest", "server", "prompts"]


def data_files() -> set[str]:
    """Every file of the packages that is not Python source: templates, tables, the page."""
    return {
        path.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for path in (ROOT / package).rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and not path.name.startswith(".")
        and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the folder it is installed into)."""
    base = tmp_path_factory.mktemp("wheel")
    # Built from a copy: setuptools leaves build/ behind, and stale files there join a wheel.
    source = base / "source"
    for name in [*PACKAGES, "pyproject.toml", "README.md"]:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(base / "dist"), str(source)],
        check=True,
        timeout=300,
    )
    (wheel,) = (base / "dist").glob("rag-*.whl")
    target = base / "site"
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True,
        timeout=300,
    )
    return wheel, target


def test_the_wheel_carries_the_prompts_and_every_other_data_file(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = data_files()
    assert {"prompts/answer.toml", "rag/py.typed", "server/static/index.html"} <= expected
    assert expected - names == set(), "add them to [tool.setuptools.package-data]"
    assert "prompts/__init__.py" in names


def test_the_installed_prompts_are_found_through_importlib_resources(installed, tmp_path):
    _, target = installed
    code = (
        "import prompts, rag.prompts\n"
        "template = rag.prompts.load_prompt('answer')\n"
        "print(prompts.__file__)\n"
        "print(sorted(template.variables))\n"
    )
    # -S: no site-packages (nor the editable install); only the installed wheel is importable.
    done = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    found, variables = done.stdout.splitlines()
    assert Path(found).parent == target / "prompts"
    assert variables == "['evidence', 'not_in_documents', 'pictures', 'question']"
