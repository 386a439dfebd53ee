"""The file a log line is about. Loaders speak of pages ("page 4: tables not read"); in a batch
of hundreds of files that line needs the file's name, which only the caller knows."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_file_being_loaded: ContextVar[str | None] = ContextVar("file_being_loaded", default=None)


@contextmanager
def about_file(name: str) -> Iterator[None]:
    """Log lines written inside the block name ``name`` (see ``NamesTheFile``)."""
    token = _file_being_loaded.set(name)
    try:
        yield
    finally:
        _file_being_loaded.reset(token)


class NamesTheFile(logging.Filter):
    """Opens each line logged inside ``about_file`` with the file's name."""

    def filter(self, record: logging.LogRecord) -> bool:
        name = _file_being_loaded.get()
        # A record goes through every handler: name the file once.
        if name and not getattr(record, "names_file", False):
            record.msg = f"{name}: {record.msg}"
            record.names_file = True
        return True


def name_files_in_logs(logger: logging.Logger | None = None) -> None:
    """Add ``NamesTheFile`` to the handlers of ``logger`` (the root logger by default)."""
    for handler in (logger or logging.getLogger()).handlers:
        if not any(isinstance(f, NamesTheFile) for f in handler.filters):
            handler.addFilter(NamesTheFile())
