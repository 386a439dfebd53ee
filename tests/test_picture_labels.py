"""The labels a picture is described with: the classifier looks at the whole picture and at
closer views of its parts; what it says of drawn pictures and of screens is held to more.

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


def program_window() -> Image.Image:
    """A light gray dialog with a title bar and a white field: a screen."""
    image = Image.new("RGB", (400, 300), (232, 232, 232))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 399, 24), fill=(60, 60, 60))
    draw.rectangle((20, 60, 380, 240), fill="white", outline=(150, 150, 150))
    for row in range(5):
        draw.text((30, 70 + 30 * row), "Print order: down, then right", fill="black")
    return image


WINDOW_TEXT = "Page Sheet Print Grid lines Black and white Page order Down, then right OK Cancel"


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


# Drawn pictures ------------------------------------------------------------------------------


def test_a_drawing_gets_only_the_labels_the_classifier_is_sure_of():
    hedged = describer(ScoredLabeler([("envelope", 0.3)])).describe(line_drawing())
    assert hedged.kind == "drawing" and "envelope" not in hedged.render()
    sure = describer(ScoredLabeler([("lighthouse", 0.7)])).describe(line_drawing()).render()
    assert "a lighthouse" in sure and "possibly" not in sure
    # A photograph keeps the middle band, hedged.
    photo = describer(ScoredLabeler([("envelope", 0.3)])).describe(gray_photo()).render()
    assert "possibly an envelope" in photo


def test_a_drawing_gets_only_a_sure_category():
    breeds = [
        ("Beagle", 0.12),
        ("Basset Hound", 0.11),
        ("Bloodhound", 0.1),
        ("English foxhound", 0.09),
    ]
    assert "possibly a dog" in describer(ScoredLabeler(breeds)).describe(gray_photo()).render()
    drawn = describer(ScoredLabeler(breeds)).describe(line_drawing()).render()
    assert "dog" not in drawn
    sure = [("Beagle", 0.3), ("Basset Hound", 0.3)]
    assert "a dog" in describer(ScoredLabeler(sure)).describe(line_drawing()).render()


# Screens -------------------------------------------------------------------------------------


def test_a_program_window_is_no_website():
    description = describer(ScoredLabeler([("website", 0.7)]), WINDOW_TEXT).describe(
        program_window()
    )
    assert description.kind == "screenshot"
    assert "website" not in description.render()


def test_a_screen_with_a_web_address_is_a_website():
    text = WINDOW_TEXT + " https://example.org/print"
    description = describer(ScoredLabeler([("website", 0.7)]), text).describe(program_window())
    assert description.kind == "screenshot"
    assert "a website" in description.render()


# Text read ---------------------------------------------------------------------------------


def test_a_stray_letter_or_two_read_in_a_photograph_or_drawing_is_no_text():
    for picture in (gray_photo(), line_drawing()):
        for stray in ("R\nVY", "8", "C E"):
            assert (
                "Text in the image"
                not in describer(ScoredLabeler([]), stray).describe(picture).render()
            )
    kept = describer(ScoredLabeler([]), "BUS 27").describe(gray_photo()).render()
    assert kept.endswith("Text in the image:\nBUS 27")


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
