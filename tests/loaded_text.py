"""The text a loader reads from a snippet, as one string: what the Markdown tests compare."""

from __future__ import annotations

from pathlib import Path

from ingest.loaders.text import load_text


def loaded_text(name: str, text: str) -> str:
    """The parts ``load_text`` reads from ``text``, saved under ``name``, one per line."""
    return "\n".join(part.text for part in load_text(Path(name), text.encode()).parts)
