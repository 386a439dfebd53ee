"""Answers as the API returns them: ``Answer.to_dict()`` (the shape of ``rag ask --json``),
with a ``preview_url`` on each source so a reader can open what is cited."""

from __future__ import annotations

from typing import Any

from rag.types import Answer, Source


def preview_path(source: Source | dict[str, Any]) -> str | None:
    """Server-relative URL of a source's picture or rendered PDF page; None for plain text.

    Only PDFs have rendered pages. A page with a ``page_label`` is a slide, sheet or section
    of another kind of document: it has no page preview, though its pictures do."""
    data = source.to_dict() if isinstance(source, Source) else source
    image = data.get("image")
    if image:
        return f"/api/blobs/{image.rsplit('/', 1)[-1]}"
    if data.get("page") and not data.get("page_label"):
        return f"/api/documents/{data['doc_id']}/pages/{data['page']}"
    return None


def source_json(source: Source, base_url: str = "") -> dict[str, Any]:
    data = source.to_dict()
    path = preview_path(data)
    data["preview_url"] = f"{base_url.rstrip('/')}{path}" if path else None
    return data


def answer_json(answer: Answer, base_url: str = "") -> dict[str, Any]:
    """``base_url`` empty gives server-relative preview URLs (the web page, API clients)."""
    data = answer.to_dict()
    data["sources"] = [source_json(s, base_url) for s in answer.sources]
    return data
