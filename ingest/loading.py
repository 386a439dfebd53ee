"""One file's bytes read into parts, and a picture into the text it is found by: the same work
in the writing process and in a worker process (``ingest.workers``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.deadline import Deadline
from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.image import load_image
from ingest.loaders.office import PACKAGE_LOADERS, load_package
from ingest.loaders.package import PackageLimits
from ingest.loaders.pdf import load_pdf
from ingest.loaders.sheets import load_csv
from ingest.loaders.text import load_text
from ingest.vision.describe import ImageDescriber
from rag.settings import Settings


def load_document(
    path: Path,
    kind: str,
    data: bytes,
    settings: Settings,
    describer: Callable[[], ImageDescriber],
    deadline: Deadline,
) -> LoadedDocument:
    """The loader of ``kind`` on ``data``, within the limits of ``settings``; ``describer``
    is called only where a scanned page needs reading."""
    s = settings
    if kind == "pdf":
        return load_pdf(
            path,
            data,
            max_pages=s.max_pages,
            scan_min_chars=s.scan_min_chars,
            render_dpi=s.ocr_render_dpi,
            read_text=lambda image: describer().read_text(image),
            max_render_pixels=s.max_render_pixels,
            max_picture_pixels=s.max_image_pixels,
            deadline=deadline,
        )
    if kind == "image":
        return load_image(path, data, max_pixels=s.max_image_pixels)
    if kind in PACKAGE_LOADERS:
        limits = PackageLimits(
            max_unpacked_bytes=int(s.max_unpacked_mb * 1024 * 1024),
            max_ratio=s.max_unpack_ratio,
            max_pages=s.max_pages,
            max_image_pixels=s.max_image_pixels,
        )
        return load_package(path, kind, data, limits)
    if kind == "csv":
        return load_csv(path, data)
    return load_text(path, data, max_mb=s.max_text_mb)


def doing(part: Segment | PageImage) -> str:
    """What the pipeline is about to do with ``part``, for a deadline message."""
    where = f" of page {part.page}" if part.page is not None else ""
    if isinstance(part, PageImage):
        return f"describing picture {part.name}{where}"
    return f"chunking the text{where}"


def picture_text(part: PageImage, describer: ImageDescriber) -> str:
    """The text a picture is found by and answered from: its caption, what its lines show (a
    line chart drawn in a PDF), its description (text read, labels) and the PDF text drawn
    inside it (a chart's labels and legend). The sentence that announces a picture without a
    caption goes after the description's first line, with the description: it says what the
    picture is, and is no text read in it."""
    text = describer.describe(part.image).render()
    if part.lead_in:
        head, _, rest = text.partition("\n")
        text = "\n".join(line for line in (head, part.lead_in, rest) if line)
    if part.chart:
        text = f"{part.chart}\n{text}"
    if part.caption:
        text = f"{part.caption}\n{text}"
    if part.drawn_text:
        text = f"{text}\nText drawn in the figure:\n{part.drawn_text}"
    if part.legend:
        # Last, as a block of its own: the words of what the picture is come first in what
        # it is found by, and the legend is read as one sentence, apart from the text above.
        text = f"{text}\n\n{part.legend}"
    return text
