"""EPUB e-books with ebooklib: the reading order's documents (the spine) are its pages,
cited as "section N" (an e-book's page numbers depend on the reader's screen). Each section's
text, its tables row by row, and its pictures with their alt text as caption."""

from __future__ import annotations

import io
import logging
import posixpath
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.html_tables import parse_html
from ingest.loaders.package import PackageLimits, open_package, open_picture
from ingest.loaders.table_rows import table_segments
from rag.errors import CorruptFileError, FileTooLargeError

log = logging.getLogger(__name__)


def load_epub(path: Path, data: bytes, limits: PackageLimits) -> LoadedDocument:
    import ebooklib
    from ebooklib import epub

    name = str(path)
    open_package(path, data, "epub", limits).close()
    try:
        with warnings.catch_warnings():  # ebooklib warns about options it will change
            warnings.simplefilter("ignore")
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
        documents = []
        for idref, *_ in book.spine:
            item = book.get_item_with_id(idref)
            if item is not None and item.get_type() == ebooklib.ITEM_DOCUMENT:
                documents.append(item)
    except Exception as exc:  # ebooklib and lxml raise a range of errors on damaged books
        raise CorruptFileError(name, f"damaged .epub file ({type(exc).__name__}: {exc})") from exc
    if len(documents) > limits.max_pages:
        raise FileTooLargeError(
            name,
            f"{len(documents)} sections is over the limit of {limits.max_pages} (RAG_MAX_PAGES)",
        )
    titles = book.get_metadata("DC", "title")
    title = titles[0][0].strip() if titles and titles[0][0] else ""

    def parts() -> Iterator[Segment | PageImage]:
        for number, item in enumerate(documents, start=1):
            label = f"section {number}"
            try:
                content = parse_html(item.get_content(), inline_flow=True)
            except Exception as exc:
                raise CorruptFileError(name, f"{label} cannot be read ({exc})") from exc
            if content.text:
                yield Segment(content.text, page=number, page_label=label)
            for caption, rows in content.tables:
                yield from table_segments(rows, caption=caption, page=number, page_label=label)
            for index, (src, alt) in enumerate(content.pictures):
                picture = _picture(book, item.get_name(), src, limits)
                if picture is not None:
                    yield PageImage(
                        picture, number, f"sec{number}-{index}", alt.strip(), page_label=label
                    )

    return LoadedDocument(
        kind="epub", title=title or path.stem, parts=parts(), pages=len(documents)
    )


def _picture(book, document_name: str, src: str, limits: PackageLimits):
    """The picture ``src`` (relative to the document that shows it), or None."""
    if "://" in src or src.startswith("data:"):
        return None  # never fetched: ingest reads nothing from the network
    href = posixpath.normpath(posixpath.join(posixpath.dirname(document_name), unquote(src)))
    item = book.get_item_with_href(href)
    if item is None:
        log.debug("picture %s not in the book", href)
        return None
    return open_picture(item.get_content(), limits.max_image_pixels)
