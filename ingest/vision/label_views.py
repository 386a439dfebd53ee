"""The crops of a picture the labeler looks at: the whole picture, and closer views of its parts.

An ImageNet classifier was trained on photographs of one object filling most of the frame. On a
photograph whose subject is small (an insect on a twig, a drum in a room) the whole picture is
mostly surroundings, and the label goes to them; a corner crop shows the subject at the size
the classifier knows. Averaged over all the views, a label that only one framing supports loses
weight, so a confident answer is one most views agree on.
"""

from __future__ import annotations

from PIL import Image

PART = 0.6  # each of the four corner crops spans this share of the width and of the height


def whole_views(rgb: Image.Image) -> list[Image.Image]:
    """The whole picture, and its centre square (the frame ImageNet's photographs have)."""
    width, height = rgb.size
    side = min(width, height)
    left, top = (width - side) // 2, (height - side) // 2
    return [rgb, rgb.crop((left, top, left + side, top + side))]


def part_views(rgb: Image.Image) -> list[Image.Image]:
    """Four overlapping corner crops, PART of each side: every point of the picture is in one,
    and the middle is in all four."""
    width, height = rgb.size
    w, h = max(1, round(PART * width)), max(1, round(PART * height))
    corners = [(0, 0), (width - w, 0), (0, height - h), (width - w, height - h)]
    return [rgb.crop((x, y, x + w, y + h)) for x, y in corners]
