"""A PDF's document information (title, author, dates) as a short text segment on page 1.

"Who wrote this?" and "when was it published?" are often answered only by the metadata: many
title pages carry no date, and pypdf's page text never shows the Info dictionary. The segment
reads like a catalogue card, one field a line, so each field is found by its own words:

    Document information
    Title: Everything we know about CRC
    Author: Andrew Kadatch; Bob Jenkins
    PDF created: 2010-09-03 (3 September 2010)

Empty fields are left out; a PDF with none of them gets no segment.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import datetime

from ingest.document import PageImage, Segment

log = logging.getLogger(__name__)

MAX_FIELD_CHARS = 300  # a "Keywords" field can hold a whole abstract; keep the card short
TEXT_FIELDS = (("Title", "/Title"), ("Author", "/Author"), ("Subject", "/Subject"))
# The file's dates, which may be later than the edition the title page names: say so.
DATE_FIELDS = (("PDF created", "/CreationDate"), ("PDF modified", "/ModDate"))
# "D:20100903095016-07'00'" or a bare "20100903": the date is read from the raw string, as
# pypdf's own parser rejects variants that still hold a good date. Month names in English,
# whatever the process locale.
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
RAW_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def with_metadata(parts: Iterator[Segment | PageImage], reader) -> Iterator[Segment | PageImage]:
    """``parts`` with the metadata segment placed after page 1's parts (pages stay in order),
    and only when the document has content: a scan that reads as nothing stays empty."""
    placed = seen = False
    for part in parts:
        if not placed and (part.page or 1) > 1:
            placed = True
            if (card := metadata_segment(reader)) is not None:
                yield card
        seen = True
        yield part
    if seen and not placed and (card := metadata_segment(reader)) is not None:
        yield card


def metadata_segment(reader) -> Segment | None:
    """The document information of a pypdf ``reader`` as one segment on page 1, or None."""
    try:
        info = reader.metadata
    except Exception as exc:  # a damaged Info dictionary must not fail the document
        log.warning("PDF metadata skipped (%s)", exc)
        return None
    if not info:
        return None
    lines = []
    for label, key in TEXT_FIELDS:
        if value := _text(info.get(key)):
            lines.append(f"{label}: {value}")
    if keywords := _text(info.get("/Keywords")):
        lines.append(f"Keywords: {keywords}")
    dates = []
    for label, key in DATE_FIELDS:
        value = _date(info.get(key))
        if value and value not in dates:  # "modified" the same day says nothing more
            dates.append(value)
            lines.append(f"{label}: {value}")
    if not lines:
        return None
    return Segment("\n".join(["Document information", *lines]), page=1)


def _text(value) -> str:
    if value is None:
        return ""
    try:
        text = str(value)
    except Exception:
        return ""
    text = " ".join(text.replace("\x00", "").split())
    if len(text) > MAX_FIELD_CHARS:
        text = text[:MAX_FIELD_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def _date(value) -> str:
    """ISO date with the date in words ("2010-09-03 (3 September 2010)"), so a question
    about the year, the month or the day finds it; "" when there is no readable date."""
    match = RAW_DATE.match(_text(value))
    if not match:
        return ""
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            when = datetime(int(year), int(month), int(day))
            return f"{when:%Y-%m-%d} ({when.day} {MONTHS[when.month - 1]} {when.year})"
        if month:
            when = datetime(int(year), int(month), 1)
            return f"{when:%Y-%m} ({MONTHS[when.month - 1]} {when.year})"
    except ValueError:  # month 13, day 0: keep the year only
        pass
    return year if 1000 <= int(year) <= 9999 else ""
