"""The ingest progress bar, counted in pages: one big PDF moves the bar page by page instead
of sitting at 0/1 until it is done.

A PDF counts its pages (pypdf reads the page tree, not the pages), every other file counts
one (a picture, a text document); files a folder walk will skip count nothing. When the loader
finds a different page count than the estimate, the total follows it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from ingest.detect import SUPPORTED_EXTENSIONS, sniff

log = logging.getLogger(__name__)


class Bar(Protocol):
    """What the progress needs of a bar: tqdm's ``total``, ``update`` and friends."""

    total: float | None

    def update(self, n: float = 1) -> Any: ...
    def refresh(self) -> Any: ...
    def set_postfix_str(self, s: str = "", refresh: bool = True) -> Any: ...
    def close(self) -> Any: ...


BarFactory = Callable[..., Bar]


def pdf_pages(path: Path) -> int | None:
    """The page count of a PDF, or None when it cannot be read (the loader will say why)."""
    import pypdf

    try:
        reader = pypdf.PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        return len(reader.pages)
    except Exception:  # a damaged or hostile file: counted as one, reported by the loader
        log.debug("cannot count the pages of %s", path, exc_info=True)
        return None


def work_units(path: Path | str, explicit: bool) -> int:
    """How far the bar moves for ``path``: its pages for a PDF, 1 for any other file or a URL
    (not fetched twice to count it), 0 for a file a folder walk skips."""
    if isinstance(path, str):
        return 1
    if not explicit and path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        return 0
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return 1
    if sniff(head) == "pdf" or b"%PDF-" in head[:1024]:
        return max(1, pdf_pages(path) or 1)
    return 1


class PageProgress:
    """Moves a bar through the pages of a batch of files as they are ingested."""

    def __init__(
        self,
        files: Sequence[tuple[Path | str, bool]],
        *,
        enabled: bool,
        bar: BarFactory | None = None,
    ) -> None:
        if bar is None:
            from tqdm import tqdm as bar
        # Counting opens every PDF: only worth it when the bar is shown.
        self._units = [work_units(path, explicit) for path, explicit in files] if enabled else []
        self.bar = bar(
            total=sum(self._units),
            unit="page",
            disable=not enabled,
            dynamic_ncols=True,
            leave=False,
        )
        self._enabled = enabled
        self._file = -1
        self._done_in_file = 0

    def start_file(self, number: int, path: Path | str) -> None:
        """File (or URL) ``number`` (0-based, in the order given) begins."""
        self._file = number
        self._done_in_file = 0
        self.bar.set_postfix_str((path if isinstance(path, str) else path.name)[-40:])

    def pages_found(self, pages: int) -> None:
        """The loader counted the file's pages: follow it where the estimate was different."""
        if not self._enabled or pages <= 0 or self._file < 0:
            return
        estimate = self._units[self._file]
        if pages != estimate:
            self._units[self._file] = pages
            self.bar.total = (self.bar.total or 0) + pages - estimate
            self.bar.refresh()

    def reached_page(self, page: int | None) -> None:
        """A part of ``page`` (1-based) arrived: the pages before it are done."""
        if page is not None and self._enabled:
            self._advance_to(page - 1)

    def finish_file(self) -> None:
        """The file is done, indexed or not: all of its pages count."""
        if self._enabled and self._file >= 0:
            self._advance_to(self._units[self._file])

    def close(self) -> None:
        self.bar.close()

    def _advance_to(self, done: int) -> None:
        done = min(done, self._units[self._file])
        if done > self._done_in_file:
            self.bar.update(done - self._done_in_file)
            self._done_in_file = done
