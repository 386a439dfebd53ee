"""Sources in the forms chat clients show them.

- Every client: a footer of markdown links after the answer text, each an absolute preview URL
  with a signed token, so it opens in a browser without an API key (``server.signing``).
- Open WebUI: each source also carries Open WebUI's citation keys (``source``, ``document``,
  ``metadata``), and a stream sends one ``source`` event per source, which Open WebUI shows as
  its citation chips; ``[n]`` in the text then opens source n.
- Programs: the ``sources`` extension field (``/api/ask``'s objects), with ``url``, the signed
  link, beside the server-relative ``preview_url``.
"""

from __future__ import annotations

from typing import Any

from rag.types import Answer
from server.serialize import answer_json
from server.signing import signed_url


def source_label(source: dict[str, Any]) -> str:
    """``manual.pdf, page 2`` or ``deck.pptx, slide 3``: what a reader sees for a source."""
    label = source["file"]
    if source.get("page_label"):
        label += f", {source['page_label']}"
    elif source.get("page"):
        label += f", page {source['page']}"
    if source.get("modality") == "image" and source.get("page"):
        label += " (picture)"
    return label


def sources_json(answer: Answer) -> list[dict[str, Any]]:
    """The ``sources`` extension: each source as ``/api/ask`` has it, plus ``url`` (signed,
    absolute, or None for plain text) and Open WebUI's citation keys."""
    sources = answer_json(answer)["sources"]
    for source in sources:
        path = source["preview_url"]
        source["url"] = signed_url(path) if path else None
        source.update(openwebui_citation(source))
    return sources


def openwebui_citation(source: dict[str, Any]) -> dict[str, Any]:
    """Open WebUI's citation shape. It groups citations by ``metadata[].source`` and numbers
    them in arrival order, so the id is unique per numbered source; ``page`` is 0-based there."""
    label = source_label(source)
    metadata: dict[str, Any] = {"source": f"[{source['n']}] {label}", "name": label}
    # Open WebUI shows ``page`` as a PDF page number; a slide or sheet has none to show.
    if source.get("page") and not source.get("page_label"):
        metadata["page"] = source["page"] - 1
    if source.get("url"):
        metadata["source_url"] = source["url"]
    cited = {"id": metadata["source"], "name": label}
    if source.get("url"):
        cited["url"] = source["url"]
    return {"source": cited, "document": [source["snippet"]], "metadata": [metadata]}


def openwebui_events(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One ``source`` event per source: Open WebUI emits a stream chunk's ``event`` key to the
    chat page, which appends ``data`` to the message's citations."""
    return [
        {
            "type": "source",
            "data": {k: source[k] for k in ("source", "document", "metadata")},
        }
        for source in sources
    ]


def footer(sources: list[dict[str, Any]]) -> str:
    """``Sources:`` and one numbered line per source, a markdown link where it has a preview."""
    if not sources:
        return ""
    lines = []
    for source in sources:
        label = source_label(source)
        shown = f"[{label}]({source['url']})" if source.get("url") else label
        lines.append(f"[{source['n']}] {shown}")
    return "\n\n**Sources**\n\n" + "\n".join(f"- {line}" for line in lines)
