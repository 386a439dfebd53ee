"""``.env.example``: every setting as an environment variable with its default, documented
with the comments of ``rag/settings.py`` itself, so the file cannot say something the code
does not.

    python -m rag.settings_env > .env.example

Each variable is written commented out (``# RAG_TOP_K=5``): a copy changes nothing until a line
is uncommented, and an empty value is not always the same as an unset one.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

from rag.settings import Settings

# Defaults computed on the machine that runs the service: written as words, so the file is the
# same wherever it is generated.
# Defaults that depend on the machine or the user: described, not written as a value.
MACHINE_DEFAULTS = {
    "torch_threads": "the number of CPU cores",
    "model_cache_dir": "$XDG_CACHE_HOME/rag/models, or ~/.cache/rag/models without it",
}

HEADER = """\
# Every setting of the service (RAG_*), with its default; generated from rag/settings.py by
#   python -m rag.settings_env > .env.example
# and checked against it by the tests. Copy it to .env and uncomment what you change:
# `docker compose` reads .env for the variables of docker-compose.yml and hands it to the app
# containers (env_file), where the values the compose file sets itself win (RAG_QDRANT_URL,
# RAG_DATA_DIR, ...). Leave a line commented to keep its default.
#
# Variables of docker-compose.yml itself:
# QDRANT_API_KEY=      required: the API key of the Qdrant server(s), e.g. openssl rand -hex 32
# HF_TOKEN=            the vlm profile: a Hugging Face token for gated model weights
"""

_FIELD = re.compile(r"^    (?P<name>[a-z_][a-z0-9_]*)\s*:")


def render_default(name: str, field: FieldInfo) -> tuple[str, str | None]:
    """The value to write after ``=``, and a note when the default cannot be written as one."""
    if name in MACHINE_DEFAULTS:
        return "", f"Default: {MACHINE_DEFAULTS[name]}."
    value: Any = field.default_factory() if field.default_factory else field.default  # type: ignore[call-arg]
    if value is None:
        return "", "Default: unset."
    if isinstance(value, bool):
        return str(value).lower(), None
    if isinstance(value, list | tuple | set | frozenset):
        return ",".join(str(item) for item in value), None
    if isinstance(value, float):
        return f"{value:g}", None
    if isinstance(value, Path):
        # Path("./data") prints as "data": keep the ./ that says "relative to where it runs".
        shown = str(value)
        return (shown if value.is_absolute() or shown.startswith(".") else f"./{shown}"), None
    return str(value), None


def _trailing_comment(line: str) -> str:
    """A ``# comment`` after code on the line, ignoring ``#`` inside string literals."""
    code = re.sub(r'"[^"]*"|\'[^\']*\'', lambda m: "x" * len(m.group()), line)
    hash_at = code.find("  #")
    return line[hash_at:].strip().lstrip("#").strip() if hash_at >= 0 else ""


def env_example(settings_cls: type[BaseSettings] = Settings) -> str:
    """The text of ``.env.example``: the class's comments and blank lines in their places, and
    one commented-out ``RAG_NAME=default`` per field (all of them declared in that class)."""
    prefix = settings_cls.model_config.get("env_prefix", "")
    fields = settings_cls.model_fields
    source = textwrap.dedent(inspect.getsource(settings_cls)).splitlines()
    out: list[str] = [HEADER.rstrip("\n"), ""]
    seen: list[str] = []
    blank = False
    for line in source[1:]:
        stripped = line.strip()
        if line.startswith("    @") or line.startswith("    def "):
            break  # the validators: every field is above them
        if not stripped:
            blank = True
            continue
        if blank and out[-1] != "":
            out.append("")
        blank = False
        if line.startswith("    #"):
            out.append(stripped)
            continue
        match = _FIELD.match(line)
        if not match or match["name"] not in fields:
            continue  # model_config, or a continuation line of a field
        name = match["name"]
        seen.append(name)
        value, note = render_default(name, fields[name])
        if comment := _trailing_comment(line):
            out.append(f"# {comment}")
        if note:
            out.append(f"# {note}")
        out.append(f"# {prefix}{name.upper()}={value}")
    missing = [name for name in fields if name not in seen]
    if missing:
        raise RuntimeError(
            f"settings not found in the source of {settings_cls.__name__}: {missing}"
        )
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover - the tests call env_example() directly
    print(env_example(), end="")
