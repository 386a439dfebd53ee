"""What a generative backend is given: the rendered prompt, the history and the pictures.

Evidence is numbered as it was retrieved, delimited as data, and escaped so that text inside a
document cannot close its own delimiter. Pictures (image evidence, rendered PDF pages when
configured, the user's own image) are bounded in count and in pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from rag.blobs import BlobStore
from rag.generators.base import NOT_IN_DOCUMENTS, Turn
from rag.prompts import load_prompt
from rag.render import render_pdf_page
from rag.settings import Settings
from rag.types import Evidence


@dataclass(frozen=True)
class Picture:
    caption: str  # e.g. "[2] photo.jpg" or "the user's image"
    image: Image.Image
    n: int | None = None  # the evidence number it belongs to; None for the user's image


@dataclass(frozen=True)
class Prompt:
    system: str
    user: str
    history: Sequence[Turn] = ()
    pictures: list[Picture] = field(default_factory=list)

    def messages(self) -> list[dict[str, str]]:
        """Plain-text chat messages: system, earlier turns, this question."""
        return [
            {"role": "system", "content": self.system},
            *({"role": t.role, "content": t.content} for t in self.history),
            {"role": "user", "content": self.user},
        ]


def source_label(item: Evidence) -> str:
    chunk = item.chunk
    if chunk.page_label:
        return f"{chunk.file}, {chunk.page_label}"
    if chunk.page is not None:
        return f"{chunk.file}, page {chunk.page}"
    return f"{chunk.file} ({chunk.modality})"


def _as_data(text: str) -> str:
    # A document that contains "</evidence>" must not end its own block early.
    return text.replace("</evidence", "&lt;/evidence").replace("<evidence", "&lt;evidence")


def bound_pixels(image: Image.Image, max_pixels: int) -> Image.Image:
    image = image.convert("RGB")
    width, height = image.size
    if width * height <= max_pixels:
        return image
    scale = (max_pixels / (width * height)) ** 0.5
    return image.resize(
        (max(1, int(width * scale)), max(1, int(height * scale))), Image.Resampling.LANCZOS
    )


def evidence_pictures(
    evidence: Sequence[Evidence], settings: Settings, limit: int
) -> list[Picture]:
    """Pictures behind the evidence, best-ranked first: kept images, and the rendered page of
    PDF evidence when ``generator_page_images`` is on."""
    pictures: list[Picture] = []
    seen: set[tuple] = set()
    blobs = BlobStore.of(settings)
    for n, item in enumerate(evidence, start=1):
        if len(pictures) >= limit:
            break
        chunk = item.chunk
        key: tuple
        if chunk.image:
            key = ("image", chunk.image)
            if key in seen:
                continue
            path = blobs.path(chunk.image)
            if not path.is_file():
                continue
            with Image.open(path) as opened:
                image = bound_pixels(opened, settings.generator_max_image_pixels)
        elif settings.generator_page_images and chunk.page is not None:
            key = ("page", chunk.sha256, chunk.page)
            if key in seen:
                continue
            pdf = blobs.pdf(chunk.sha256)
            if not pdf.is_file():
                continue
            page = render_page(pdf, chunk.page, max_pixels=settings.max_render_pixels)
            image = bound_pixels(page, settings.generator_max_image_pixels)
        else:
            continue
        seen.add(key)
        pictures.append(Picture(f"[{n}] {source_label(item)}", image, n))
    return pictures


def render_page(pdf: Path, page: int, dpi: int = 110, *, max_pixels: int) -> Image.Image:
    """Page ``page`` of ``pdf`` at ``dpi``, or lower to stay within ``max_pixels``."""
    return render_pdf_page(str(pdf), page, dpi=dpi, max_pixels=max_pixels)


def build_prompt(
    question: str,
    evidence: Sequence[Evidence],
    settings: Settings,
    *,
    history: Sequence[Turn] = (),
    query_image: Image.Image | None = None,
    with_pictures: bool = True,
) -> Prompt:
    limit = settings.generator_max_images
    pictures: list[Picture] = []
    if with_pictures and query_image is not None and limit > 0:
        pictures.append(
            Picture(
                "the user's image", bound_pixels(query_image, settings.generator_max_image_pixels)
            )
        )
    if with_pictures:
        pictures += evidence_pictures(evidence, settings, limit - len(pictures))
    items = [
        {"n": n, "source": source_label(item), "text": _as_data(item.chunk.text)}
        for n, item in enumerate(evidence, start=1)
    ]
    parts = load_prompt("answer").render(
        question=question,
        evidence=items,
        pictures=[p.caption for p in pictures],
        not_in_documents=NOT_IN_DOCUMENTS,
    )
    return Prompt(
        system=parts["system"], user=parts["user"], history=tuple(history), pictures=pictures
    )
