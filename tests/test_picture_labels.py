"""The labels a photograph is described with: the classifier looks at the whole picture and
at closer views of its parts, so a small subject is named; other kinds from the whole picture.

Pictures are drawn by the tests and the classifier is a stand-in, except in the ``models`` test.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ingest.vision.describe import ImageDescriber
from ingest.vision.faces import FaceDetector
from ingest.vision.label_views import PART, part_views, whole_views
from ingest.vision.labels import ClassifierLabeler, Labeler, ViewScores
from ingest.vision.ocr import Ocr

VALIDATION = Path(__file__).resolve().parent.parent / "eval" / "validation" / "corpus"


class TextOcr(Ocr):
    def __init__(self, text: str = "") -> None:
        self.text = text

    def read(self, image: Image.Image) -> str:
        return self.text


class NoFaces(FaceDetector):
    def faces(self, image: Image.Image) -> list:
        return []


class ScoredLabeler(Labeler):
    """The same scores for every picture; ``whole`` when the whole-picture views differ."""

    def __init__(self, scored, whole=None) -> None:
        self.scored = list(scored)
        self.whole = list(whole) if whole is not None else self.scored

    def labels(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        return self.scored[:top_k]

    def view_scores(self, image: Image.Image, top_k: int) -> ViewScores:
        return ViewScores(self.scored[:top_k], self.whole[:top_k])


class RedThingDetector(ClassifierLabeler):
    """A stand-in classifier that, like a real one, names a thing once it fills enough of the
    frame: "ladybug" when red covers 2% of a view, "lawn" otherwise."""

    def class_names(self) -> list[str]:
        return ["ladybug", "lawn"]

    def probabilities(self, pictures: Sequence[Image.Image]) -> np.ndarray:
        rows = []
        for picture in pictures:
            rgb = np.asarray(picture.convert("RGB"), dtype=np.int16)
            red = ((rgb[..., 0] > 150) & (rgb[..., 1] < 80) & (rgb[..., 2] < 80)).mean()
            ladybug = 0.9 if red >= 0.02 else float(red)
            rows.append([ladybug, 1.0 - ladybug])
        return np.array(rows)


def describer(labeler: Labeler, text: str = "") -> ImageDescriber:
    return ImageDescriber(TextOcr(text), labeler, faces=NoFaces())


# Pictures ------------------------------------------------------------------------------------


def lawn_with_a_small_red_thing() -> Image.Image:
    """A noisy green photograph, 480x300, with a red disc near the top edge, in the middle: under
    1% of the picture, but over 2% of the top two corner views."""
    rng = np.random.default_rng(5)
    pixels = np.zeros((300, 480, 3), dtype=np.float64)
    pixels[:] = (50, 130, 45)
    pixels += rng.normal(0, 5, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    ImageDraw.Draw(image).ellipse((220, 25, 260, 65), fill=(210, 20, 25))
    return image


def gray_photo() -> Image.Image:
    """A smooth gradient with sensor-like noise: a black-and-white photograph."""
    rng = np.random.default_rng(2)
    y, x = np.mgrid[0:240, 0:320]
    shade = 60 + 120 * (x / 320) + 40 * np.sin(y / 25.0) + rng.normal(0, 3, (240, 320))
    gray = np.clip(shade, 0, 255).astype(np.uint8)
    return Image.fromarray(np.stack([gray] * 3, axis=-1))


def line_drawing() -> Image.Image:
    """Black lines on white, no noise: a drawing."""
    image = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.polygon([(60, 250), (200, 40), (340, 250)], outline="black", width=3)
    draw.line((120, 160, 280, 160), fill="black", width=3)
    return image


# Views ---------------------------------------------------------------------------------------


def test_the_whole_picture_and_its_centre_square():
    picture = Image.new("RGB", (640, 400), "white")
    picture.paste((200, 0, 0), (120, 0, 520, 400))  # the centre square, red
    whole, centre = whole_views(picture)
    assert whole.size == (640, 400) and centre.size == (400, 400)
    assert set(centre.getdata()) == {(200, 0, 0)}


def test_four_corner_views_cover_the_picture_and_all_hold_its_middle():
    picture = Image.new("RGB", (500, 300), "white")
    corners = [(0, 0), (499, 0), (0, 299), (499, 299)]
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)]
    for corner, colour in zip(corners, colours, strict=True):
        picture.putpixel(corner, colour)
    picture.putpixel((250, 150), (0, 0, 0))
    parts = part_views(picture)
    assert [p.size for p in parts] == [(round(PART * 500), round(PART * 300))] * 4
    for part, colour, (x, y) in zip(parts, colours, corners, strict=True):
        w, h = part.size
        assert part.getpixel((min(x, w - 1), min(y, h - 1))) == colour  # its own corner
        assert (0, 0, 0) in set(part.getdata())  # and the middle of the picture


# Labels seen up close ------------------------------------------------------------------------


def test_a_small_subject_is_named_from_the_views_that_show_it_up_close():
    labeler = RedThingDetector()
    picture = lawn_with_a_small_red_thing()
    # Seen whole, the red thing is under 1% of the frame: too small to name.
    assert labeler.scores(picture, 1) == [("lawn", pytest.approx(1 - 0.0087, abs=0.002))]
    scored = labeler.view_scores(picture, 2)
    # Two of the six views show it large enough: (0.9 + 0.9 + 2 small shares) / 6.
    assert 0.3 <= dict(scored.overall)["ladybug"] < 0.31
    assert dict(scored.whole)["ladybug"] < 0.02
    text = describer(labeler).describe(picture).render()
    assert "possibly a ladybug" in text


def test_categories_come_from_the_whole_picture_and_labels_from_every_view():
    labeler = ScoredLabeler(
        scored=[("ladybug", 0.3), ("tabby cat", 0.25)], whole=[("tabby cat", 0.7)]
    )
    text = describer(labeler).describe(gray_photo()).render()
    assert "a cat, an animal" in text  # what the whole picture is
    assert "possibly a ladybug" in text and "insect" not in text


def test_the_same_picture_gets_the_same_labels():
    picture = lawn_with_a_small_red_thing()
    assert RedThingDetector().view_scores(picture, 2) == RedThingDetector().view_scores(picture, 2)


# What the whole picture says stands --------------------------------------------------------


def test_a_label_the_whole_picture_is_sure_of_is_not_watered_down_by_the_views():
    picture = lawn_with_a_small_red_thing()
    ImageDraw.Draw(picture).ellipse((10, 10, 90, 90), fill=(210, 20, 25))  # 3.5% of it
    scored = RedThingDetector().view_scores(picture, 2)
    assert dict(scored.whole)["ladybug"] == 0.9
    assert dict(scored.overall)["ladybug"] == 0.9  # though most views do not show it
    text = describer(RedThingDetector()).describe(picture).render()
    assert "a ladybug" in text and "possibly a ladybug" not in text


def test_a_drawing_is_labelled_from_the_whole_picture_only():
    drawing = line_drawing()
    ImageDraw.Draw(drawing).ellipse((185, 20, 215, 50), fill=(210, 20, 25))  # under 1%
    description = describer(RedThingDetector()).describe(drawing)
    assert description.kind == "drawing"
    assert "ladybug" not in description.render()


# The real classifier ---------------------------------------------------------------------------


@pytest.mark.models
def test_the_real_labeler_finds_a_small_insect_in_a_corner_view():
    from ingest.vision.labels import EfficientNetLabeler

    labeler = EfficientNetLabeler(1)
    # A dragonfly on a twig, a small part of a photograph of a leafy bush against the sky.
    with Image.open(VALIDATION / "val_img_36.jpg") as image:
        picture = image.convert("RGB")
        picture.thumbnail((640, 640))
    assert labeler.scores(picture, 1)[0][0] != "dragonfly"  # seen whole: the leaves
    description = ImageDescriber(TextOcr(), labeler, faces=NoFaces()).describe(picture)
    assert "possibly a dragonfly" in description.render()
