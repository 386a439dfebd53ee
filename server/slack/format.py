"""Answers as Slack messages: mrkdwn text, Block Kit blocks and a plain ``text`` fallback.

The answer keeps its ``[n]`` markers; the sources follow as a numbered list, each linked to its
preview on the service when ``RAG_PUBLIC_URL`` is set: a signed link (``server.signing``), so it
opens in a browser without an API key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rag.types import Answer, Source
from server.serialize import preview_path

SECTION_LIMIT = 3000  # characters in one section block's text
SNIPPET_CHARS = 120
# A preview path such as ``/api/blobs/NAME`` to the URL a reader opens.
Link = Callable[[str], str]
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)


def escape(text: str) -> str:
    """The three characters Slack's mrkdwn reserves."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mrkdwn(text: str) -> str:
    """Markdown answer text as mrkdwn: escaped, ``**bold**`` as ``*bold*``."""
    return _BOLD.sub(r"*\1*", escape(text))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def source_label(source: Source) -> str:
    label = source.file
    if source.where:
        label += f", {source.where}"
    if source.modality == "image":
        label += " (picture)"
    return label


def source_url(source: Source, link: Link | None) -> str | None:
    path = preview_path(source)
    return link(path) if link and path else None


def source_line(source: Source, link: Link | None) -> str:
    label = escape(source_label(source))
    url = source_url(source, link)
    line = f"[{source.n}] " + (f"<{url}|{label}>" if url else label)
    snippet = " ".join(source.snippet.split())
    if snippet:
        line += f" — _{escape(_clip(snippet, SNIPPET_CHARS))}_"
    return line


def answer_message(
    answer: Answer, link: Link | None, *, asked: str | None = None
) -> dict[str, Any]:
    """``chat.postMessage`` / ``response_url`` fields for an answer; ``link`` makes a preview
    path a URL (None: sources without links); ``asked`` quotes the question above it (slash
    commands, whose question is not in the channel)."""
    body = mrkdwn(answer.text)
    sources = [source_line(s, link) for s in answer.sources]
    blocks: list[dict[str, Any]] = []
    if asked:
        quoted = _clip(f"> {escape(' '.join(asked.split()))}", SECTION_LIMIT)
        blocks.append(_context(quoted))
    blocks.append(_section(body))
    if sources:
        blocks.append(_section("*Sources*\n" + "\n".join(sources)))
    text = body + ("\n\nSources:\n" + "\n".join(sources) if sources else "")
    return {"text": text, "blocks": blocks}


def notice(text: str) -> dict[str, Any]:
    """A short message of the bot's own (busy, apology, usage)."""
    return {"text": text}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _clip(text, SECTION_LIMIT)}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}
