"""Questions about the user's own pictures: "in my screenshot", "one of my photos".

A user who says "my photo" or "my chart" means a picture they gave as a file of its own, not a
figure printed in one of their PDFs. Without that, a figure whose caption shares the question's
words ("Left plot titled 'Arrows' ...") outranks the screenshot asked about, and its axis
label answers a question about the screenshot's status bar. Such a question searches the
picture chunks, those of picture files first.
"""

from __future__ import annotations

import re

from rag.types import Evidence

_OWN_PICTURE = re.compile(
    r"\bmy (?:[\w-]+ ){0,4}?(?:photos?|photographs?|pictures?|images?|screenshots?|"
    r"screen shots?|charts?|plots?|graphs?|drawings?|sketch(?:es)?|stickers?|logos?|icons?|"
    r"scans?|scanned pages?|clip[- ]?art|diagrams?|cartoons?|illustrations?)\b",
    re.IGNORECASE,
)
PICTURE_FILTER = {"modality": "image"}


def speaks_of_own_picture(question: str) -> bool:
    """The question calls what it asks about the user's picture ("my photo of a lake",
    "one of my clip-art pictures")."""
    return bool(_OWN_PICTURE.search(question))


def picture_files_first(evidence: list[Evidence]) -> list[Evidence]:
    """``evidence`` with the chunks of picture files before those of pictures in a paged
    document (a PDF's figures), each group in its order."""
    return sorted(evidence, key=lambda item: item.chunk.page is not None)
