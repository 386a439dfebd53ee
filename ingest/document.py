"""What a loader hands to the pipeline: text segments and images, with their pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from PIL import Image


@dataclass(frozen=True)
class Segment:
    """A run of text with its location: a page, slide or sheet (1-based) or the whole document."""

    text: str
    page: int | None = None
    ocr: bool = False  # the text came from OCR of a rendered page
    # How a citation names the page where "page N" would mislead: "slide 3", "sheet Budget".
    page_label: str | None = None
    # Where ``text`` starts in the document's text, for a document cut into prose and tables:
    # chunk offsets count from there (a table's rows, from where the table starts).
    offset: int = 0


@dataclass
class PageImage:
    """A picture to describe and keep: an image file, or one embedded in a document's page."""

    image: Image.Image
    page: int | None = None
    name: str = ""
    # In a PDF: the figure's caption ("Figure 2-33: ...", "Table 4: ..."), and the page text
    # drawn inside the picture's area (chart labels, legends, callouts).
    caption: str = ""
    drawn_text: str = ""
    # In a PDF, for a picture without a caption: the sentence just above it that announces it
    # ("The screen dump below shows a snapshot of a typical session.").
    lead_in: str = ""
    # A line chart drawn as vectors: which of its named lines runs highest and lowest.
    chart: str = ""
    # A chart's legend drawn as vectors: each entry's colour and dash
    # ("Legend: log10SW (black), log10FW (black, dashed).").
    legend: str = ""
    page_label: str | None = None  # as on ``Segment``
    # The picture's size in the file, where ``image`` was scaled down to the work budget.
    source_size: tuple[int, int] | None = None
    # Its text (``ingest.loading.picture_text``), where a worker process described it already.
    described: str | None = None


@dataclass
class LoadedDocument:
    kind: str  # pdf | text | image | docx | pptx | xlsx | csv | epub | odt | ods
    title: str
    # Loaders may stream: the pipeline consumes ``parts`` lazily, so parsing page N+1 overlaps
    # with embedding page N.
    parts: Iterator[Segment | PageImage]
    pages: int = 0
    info: dict[str, str] = field(default_factory=dict)
    # What the loader left out and why (a picture over the pixel limit), filled as ``parts``
    # is consumed: one line each, for the ingest report.
    left_out: list[str] = field(default_factory=list)
