"""``rag --version`` and ``python -m rag``: the installed version, one source of truth."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError
from pathlib import Path

from click.testing import CliRunner

import rag
import rag.cli

ROOT = Path(__file__).resolve().parent.parent
PROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_version_option_prints_the_project_version():
    result = CliRunner().invoke(rag.cli.main, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"rag {PROJECT_VERSION}"


def test_package_version_matches_the_project():
    # The fallback for a source tree must not drift from what pyproject.toml releases.
    assert rag.__version__ == PROJECT_VERSION


def test_installed_version_falls_back_to_the_package(monkeypatch):
    import importlib.metadata

    def not_installed(name: str) -> str:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert rag.cli.installed_version() == rag.__version__


def run_module(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "rag", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_python_dash_m_rag_runs_the_command():
    version = run_module("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"rag {PROJECT_VERSION}"
    helped = run_module("--help")
    assert helped.returncode == 0, helped.stderr
    # Usage names the command as people type it, not "__main__.py".
    assert helped.stdout.startswith("Usage: rag ")
    for command in ("ingest", "ask", "serve"):
        assert command in helped.stdout


def test_python_dash_m_rag_reports_a_bad_option():
    result = run_module("--no-such-option")
    assert result.returncode == 2
    assert "No such option" in result.stderr
