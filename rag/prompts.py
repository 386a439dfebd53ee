"""Prompt templates are data files under ``prompts/``, rendered with strict variables.

``prompts`` is a package of data files, so the templates are found with ``importlib.resources``
from a source checkout and from an installed wheel alike.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from rag.errors import PromptError

TEMPLATES_PACKAGE = "prompts"


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    variables: frozenset[str]
    parts: dict[str, str]

    def render(self, **values: Any) -> dict[str, str]:
        from jinja2 import Environment, StrictUndefined, UndefinedError

        missing = self.variables - values.keys()
        extra = values.keys() - self.variables
        if missing or extra:
            raise PromptError(
                f"prompt '{self.name}': missing variables {sorted(missing)}, unknown {sorted(extra)}"
            )
        env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
        try:
            return {
                key: env.from_string(text).render(**values).strip()
                for key, text in self.parts.items()
            }
        except UndefinedError as exc:
            raise PromptError(f"prompt '{self.name}': {exc}") from exc


def load_prompt(name: str, directory: Path | Traversable | None = None) -> PromptTemplate:
    """The template ``name``.toml from ``directory``, by default the ``prompts`` package."""
    if directory is None:
        directory = resources.files(TEMPLATES_PACKAGE)
    path = directory / f"{name}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PromptError(f"no prompt template {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PromptError(f"prompt template {path} is not valid TOML: {exc}") from exc
    variables = data.pop("variables", None)
    if not isinstance(variables, list) or not data:
        raise PromptError(f"prompt template {path} must declare `variables` and at least one part")
    return PromptTemplate(name, frozenset(variables), {k: str(v) for k, v in data.items()})
