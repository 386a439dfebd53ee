"""PowerPoint presentations (.pptx) with python-pptx: each slide is a page ("slide 3" in
citations). Its text in reading order, its tables and charts row by row, its pictures with the
slide title as their caption, and its speaker notes."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.package import PackageLimits, open_package, open_picture
from ingest.loaders.table_rows import table_segments
from rag.errors import CorruptFileError, FileTooLargeError

log = logging.getLogger(__name__)


def load_pptx(path: Path, data: bytes, limits: PackageLimits) -> LoadedDocument:
    import pptx

    name = str(path)
    open_package(path, data, "pptx", limits).close()
    try:
        presentation = pptx.Presentation(io.BytesIO(data))
        slides = list(presentation.slides)
    except Exception as exc:  # lxml and python-pptx raise a range of errors on damaged parts
        raise CorruptFileError(name, f"damaged .pptx file ({type(exc).__name__}: {exc})") from exc
    if len(slides) > limits.max_pages:
        raise FileTooLargeError(
            name, f"{len(slides)} slides is over the limit of {limits.max_pages} (RAG_MAX_PAGES)"
        )
    title = (presentation.core_properties.title or "").strip()

    def parts() -> Iterator[Segment | PageImage]:
        for number, slide in enumerate(slides, start=1):
            try:
                yield from _slide(slide, number, limits)
            except Exception as exc:
                raise CorruptFileError(name, f"slide {number} cannot be read ({exc})") from exc

    return LoadedDocument(kind="pptx", title=title or path.stem, parts=parts(), pages=len(slides))


def _slide(slide, number: int, limits: PackageLimits) -> Iterator[Segment | PageImage]:
    label = f"slide {number}"
    heading = slide.shapes.title.text_frame.text.strip() if slide.shapes.title else ""
    lines: list[str] = []
    tables: list[Segment] = []
    pictures: list[PageImage] = []
    for shape in _reading_order(slide.shapes):
        if shape.has_text_frame and shape.text_frame.text.strip():
            lines.append(shape.text_frame.text.strip())
        if getattr(shape, "has_table", False):
            rows = [[cell.text for cell in row.cells] for row in shape.table.rows]
            tables += table_segments(rows, caption=heading, page=number, page_label=label)
        if getattr(shape, "has_chart", False):
            tables += _chart(shape.chart, heading, number, label)
        image = getattr(shape, "image", None) if _is_picture(shape) else None
        picture = open_picture(image.blob, limits.max_image_pixels) if image else None
        if picture is not None:
            caption = f"Slide {number}: {heading}" if heading else ""
            name = f"s{number}-{len(pictures)}"
            pictures.append(PageImage(picture, number, name, caption, page_label=label))
    if slide.has_notes_slide:
        notes = slide.notes_slide.notes_text_frame
        if notes is not None and notes.text.strip():
            lines.append(f"Speaker notes: {notes.text.strip()}")
    if lines:
        yield Segment("\n".join(lines), page=number, page_label=label)
    yield from tables
    yield from pictures


def _reading_order(shapes) -> Iterator:
    """Top to bottom, then left to right; a group's shapes in place of the group."""
    placed = sorted(shapes, key=lambda s: (s.top or 0, s.left or 0))
    for shape in placed:
        if hasattr(shape, "shapes"):  # a group
            yield from _reading_order(shape.shapes)
        else:
            yield shape


def _is_picture(shape) -> bool:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    try:
        return shape.shape_type == MSO_SHAPE_TYPE.PICTURE or hasattr(shape, "image")
    except NotImplementedError:  # shape types python-pptx does not model
        return False


def _chart(chart, heading: str, number: int, label: str) -> list[Segment]:
    """A chart's data as a table: a row per category, a column per series."""
    try:
        plot = chart.plots[0]
        categories = list(plot.categories)
        series = list(plot.series)
    except (IndexError, ValueError, KeyError):
        return []
    title = chart.chart_title.text_frame.text.strip() if chart.has_title else ""
    rows = [["", *(s.name for s in series)]]
    values = [list(s.values) for s in series]
    for i, category in enumerate(categories):
        rows.append([str(category), *(_number(v[i]) if i < len(v) else "" for v in values)])
    return table_segments(rows, caption=title or heading, page=number, page_label=label)


def _number(value) -> str:
    if value is None:
        return ""
    return format(value, ".15g") if isinstance(value, float) else str(value)
