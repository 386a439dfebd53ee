"""Describing a picture without a vision model: kind, colours, composition, counts, categories.

Pictures are drawn by the tests; one test (marked ``models``) runs the real labeler.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import dev_file
from PIL import Image, ImageDraw

from ingest.vision import kind as kinds
from ingest.vision.categories import categories, category_scores, narrower
from ingest.vision.colours import NAMES, name_pixels
from ingest.vision.describe import ImageDescriber, appearance
from ingest.vision.faces import Face, FaceDetector
from ingest.vision.labels import Labeler
from ingest.vision.look import look, stroke_colours
from ingest.vision.ocr import Ocr


class TextOcr(Ocr):
    def __init__(self, text: str = "") -> None:
        self.text = text

    def read(self, image: Image.Image) -> str:
        return self.text


class ScoredLabeler(Labeler):
    def __init__(self, scored: list[tuple[str, float]]) -> None:
        self.scored = scored

    def labels(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        return [(n, p) for n, p in self.scored[:top_k] if p >= 0.05]

    def scores(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        return self.scored[:top_k]


class FixedFaces(FaceDetector):
    def __init__(self, faces: list[Face]) -> None:
        self.found = faces

    def faces(self, image: Image.Image) -> list[Face]:
        return self.found


def describer(text: str = "", scored=(), faces=()) -> ImageDescriber:
    return ImageDescriber(TextOcr(text), ScoredLabeler(list(scored)), faces=FixedFaces(list(faces)))


# Pictures ------------------------------------------------------------------------------------


def red_disc() -> Image.Image:
    image = Image.new("RGB", (300, 300), "white")
    ImageDraw.Draw(image).ellipse((60, 60, 240, 240), fill=(215, 25, 30))
    return image


def silhouette() -> Image.Image:
    image = Image.new("RGB", (300, 400), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((115, 40, 185, 115), fill="black")
    draw.polygon([(100, 110), (200, 110), (230, 250), (190, 250), (185, 370), (115, 370),
                  (110, 250), (70, 250)], fill="black")  # fmt: skip
    return image


def specks(n: int, seed: int = 1) -> Image.Image:
    rng = np.random.default_rng(seed)
    image = Image.new("RGB", (480, 360), "black")
    draw = ImageDraw.Draw(image)
    cells = rng.permutation(24 * 18)[:n]  # one speck per 20 px cell: never touching
    for cell in cells:
        x, y = (cell % 24) * 20 + 8, (cell // 24) * 20 + 8
        draw.ellipse((x, y, x + 3, y + 3), fill=(235, 235, 220))
    return image


def gray_photo() -> Image.Image:
    """A smooth gradient with sensor-like noise: a black-and-white photograph."""
    rng = np.random.default_rng(2)
    y, x = np.mgrid[0:240, 0:320]
    shade = 60 + 120 * (x / 320) + 40 * np.sin(y / 25.0) + rng.normal(0, 3, (240, 320))
    gray = np.clip(shade, 0, 255).astype(np.uint8)
    return Image.fromarray(np.stack([gray] * 3, axis=-1))


def bar_chart() -> Image.Image:
    image = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.line((50, 20, 50, 260), fill="black", width=2)  # y axis
    draw.line((50, 260, 380, 260), fill="black", width=2)  # x axis
    for i, height in enumerate([120, 200, 80, 160, 210]):
        left = 70 + i * 60
        draw.rectangle((left, 260 - height, left + 40, 259), fill=(40, 90, 200))
        draw.text((left + 12, 268), str(i + 1), fill="black")
    return image


# Colours -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rgb", "name"),
    [
        ((220, 20, 30), "red"),
        ((255, 140, 0), "orange"),
        ((250, 220, 30), "yellow"),
        ((30, 160, 40), "green"),
        ((30, 60, 200), "blue"),
        ((120, 40, 160), "purple"),
        ((255, 150, 190), "pink"),
        ((120, 70, 30), "brown"),
        ((250, 250, 250), "white"),
        ((128, 128, 128), "gray"),
        ((10, 10, 10), "black"),
    ],
)
def test_colour_names(rgb, name):
    assert NAMES[name_pixels(np.array([[rgb]], dtype=np.uint8))[0, 0]] == name


# Composition ---------------------------------------------------------------------------------


def test_red_disc_on_white_is_red_and_round():
    seen = look(red_disc())
    assert seen.subject_colour == "red" and seen.background == "bright" and seen.round
    text = describer().describe(red_disc()).render()
    assert "red" in text and "round" in text


def test_black_silhouette_on_white():
    seen = look(silhouette())
    assert seen.silhouette == "black" and seen.black_and_white
    text = describer().describe(silhouette()).render()
    assert "black silhouette on a white background" in text


def test_a_dozen_specks_are_counted_and_hundreds_are_countless():
    seen = look(specks(12))
    assert seen.background == "dark" and seen.count == 12 and not seen.specks
    assert "About 12 separate objects" in describer().describe(specks(12)).render()
    many = describer().describe(specks(200))
    assert "Countless tiny bright specks" in many.render() and many.kind == "photograph"


def test_stars_over_a_glow_are_countless_specks():
    rng = np.random.default_rng(5)
    y, x = np.mgrid[0:300, 0:450]
    sky = 35 * np.exp(-(((y - 0.6 * x - 50) / 40.0) ** 2)) + rng.normal(8, 2, (300, 450))
    for _ in range(300):
        row, col = rng.integers(0, 298), rng.integers(0, 448)
        sky[row : row + 2, col : col + 2] += rng.integers(100, 240)
    gray = np.clip(sky, 0, 255).astype(np.uint8)
    seen = look(Image.fromarray(np.stack([gray] * 3, axis=-1)))
    assert seen.specks and seen.background == "dark"


def test_dark_shape_against_a_sunset_is_a_silhouette():
    rng = np.random.default_rng(6)
    y, x = np.mgrid[0:300, 0:450]
    sky = np.stack([np.full(y.shape, 250.0), 120 + 100 * (1 - y / 300), 40 + 80 * (1 - y / 300)])
    pixels = sky.transpose(1, 2, 0) + rng.normal(0, 3, (300, 450, 3))
    tree = (y > 220) | ((x - 150) ** 2 / 30**2 + (y - 150) ** 2 / 70**2 < 1) | (abs(x - 150) < 6)
    pixels[tree & (y > 80)] = 10
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    text = describer().describe(image).render()
    assert "A solid black silhouette on an orange background." in text


def test_objects_in_rows_are_counted_by_row():
    image = Image.new("RGB", (500, 400), "white")
    draw = ImageDraw.Draw(image)
    for row in range(3):
        for col in range(4):
            draw.rectangle((40 + col * 110, 40 + row * 120, 110 + col * 110, 120 + row * 120),
                           fill=(30, 120, 40))  # fmt: skip
    seen = look(image)
    assert seen.count == 12 and seen.rows == (3, 4)
    assert "in 3 rows of 4" in describer().describe(image).render()


def test_grayscale_photograph():
    seen = look(gray_photo())
    assert seen.grayscale and not seen.black_and_white
    description = describer().describe(gray_photo())
    assert description.kind == "photograph"
    assert description.render().startswith("Photograph in black and white (grayscale)")


def test_thin_coloured_curves_make_a_plot_coloured_and_text_fringes_do_not():
    plot = Image.new("RGB", (360, 300), "white")
    draw = ImageDraw.Draw(plot)
    draw.line([(20, 280), (340, 280)], fill="black", width=1)  # axes
    draw.line([(20, 20), (20, 280)], fill="black", width=1)
    draw.ellipse((80, 60, 200, 180), outline=(240, 140, 40), width=1)  # orange contour
    draw.ellipse((200, 150, 320, 250), outline=(240, 140, 40), width=1)
    seen = look(plot)
    assert not seen.grayscale and "orange" in seen.accents
    # Sub-pixel rendered text: fringes whose hue flips from red to blue along a glyph.
    page = np.full((300, 360, 3), 255, dtype=np.uint8)
    for row in range(20, 240, 70):  # glyphs tall enough that a fringe passes for a line
        for column in range(20, 340, 6):
            page[row : row + 60, column] = 0
            page[row : row + 60 : 2, column + 1] = (255, 60, 60)
            page[row + 1 : row + 60 : 2, column + 1] = (60, 60, 255)
    assert stroke_colours(page) == []
    assert stroke_colours(np.asarray(plot)) == ["orange"]


def test_colour_photograph_names_its_colours():
    rng = np.random.default_rng(3)
    pixels = np.zeros((200, 300, 3), dtype=np.float64)
    pixels[:] = (40, 140, 50)  # green surroundings
    pixels[60:140, 100:200] = (200, 30, 35)  # a red thing in the middle
    pixels += rng.normal(0, 4, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    text = describer().describe(image).render()
    assert text.startswith("Photograph in colour")
    assert "The subject is red against a green background." in text


# Kinds ---------------------------------------------------------------------------------------


def test_bar_chart_is_a_chart_and_labels_are_not_stated():
    chart = describer(scored=[("oscilloscope", 0.8)]).describe(bar_chart())
    assert chart.kind == "chart"
    assert "oscilloscope" not in chart.render()


def test_page_of_text():
    image = Image.new("RGB", (400, 300), "white")
    text = "Lorem ipsum dolor sit amet consectetur " * 20
    assert kinds.picture_kind(image, look(image), text) == kinds.TEXT


@pytest.mark.parametrize(
    "window_text",
    [
        "KMines\nGame Settings Help\nNew Pause",  # a menu bar
        "Appearance\nBackground color:\nHelp Defaults OK Apply Cancel",  # a dialog's buttons
        "Swell Foop 三 ×\nScore: 0",  # a title bar's menu and close buttons
        "Level: 1 Score:0 Filled: 1% Lives: 1 Time: 52",  # a status bar
    ],
)
def test_a_windows_text_makes_a_screenshot_of_what_looks_like_a_chart_or_photo(window_text):
    # A game's board has the long straight lines of a plot's axes, and a photo in a window is
    # noisy: the text that only a program's window shows says what the picture is.
    assert kinds.picture_kind(bar_chart(), look(bar_chart()), window_text) == kinds.SCREENSHOT
    assert kinds.picture_kind(gray_photo(), look(gray_photo()), window_text) == kinds.SCREENSHOT
    assert kinds.picture_kind(bar_chart(), look(bar_chart()), "1 2 3 4 5") == kinds.CHART


def test_a_program_window_is_said_to_be_one_and_not_a_website():
    # ImageNet calls every screen "website"; a window's menu bar says it is a program's.
    sure = [("website", 0.9)]
    menu = "KWordQuiz\nFile Edit Vocabulary Mode Quiz Settings Help\nQuestion Answer"
    text = describer(menu, scored=sure).describe(bar_chart()).render()
    assert text.startswith("Screenshot of a program window.\n"), text
    assert "website" not in text
    # A web address keeps the label: the window is a browser's.
    browsed = "Firefox\nFile Edit View History Bookmarks Help\nhttps://example.org/docs"
    text = describer(browsed, scored=sure).describe(bar_chart()).render()
    assert text.startswith("Screenshot: a website"), text
    # A dialog with neither a menu bar nor an address is a screen, and still no website.
    dialog = "Scanning Quality\nScan resolution: 300 dpi\nColour mode: Greyscale\nPaper: A4"
    text = describer(dialog, scored=sure).describe(framed_dialog()).render()
    assert text.startswith("Screenshot.\n"), text
    assert "website" not in text


def test_a_page_scanned_in_grey_is_a_page_of_text():
    # Noisy as a photograph is, with little text for its size, but the text is lines of prose.
    rng = np.random.default_rng(4)
    shade = np.clip(rng.normal(225, 12, (1320, 1020)), 0, 255).astype(np.uint8)
    page = Image.fromarray(np.stack([shade] * 3, axis=-1))
    prose = "\n".join(["An iterator is a special type of object that generalizes looping."] * 12)
    assert kinds.picture_kind(page, look(page), prose) == kinds.TEXT
    assert kinds.picture_kind(page, look(page), "Figure 1\nA harbour at dusk") == kinds.PHOTO


def test_a_plot_on_a_grey_panel_is_a_chart_and_a_grey_window_a_screenshot():
    # ggplot2 draws on a light grey panel with white grid lines and no dark axes: the greys of
    # a program's window. Its text is tick labels and a word or two of titles.
    panel = Image.new("RGB", (480, 360), (235, 235, 235))
    draw = ImageDraw.Draw(panel)
    for x in range(40, 480, 80):
        draw.line((x, 0, x, 360), fill="white", width=2)
    ticks = (
        "40\nclass\n2 seater\ncompact\nmidsize\nminivan\npickup\n30\nSUV\n20\n2 3 4 5 6 7\ndispl"
    )
    assert kinds.picture_kind(panel, look(panel), ticks) == kinds.CHART
    window = "Tea List Tea Properties\nName Time Name Black Tea\nEarl Grey 5 min Time min sec"
    assert kinds.picture_kind(panel, look(panel), window) == kinds.SCREENSHOT


def framed_dialog(background=(235, 235, 235)) -> Image.Image:
    """A dialog: a group box whose left and bottom edges meet as a plot's axes do, and a blue
    button inside it."""
    image = Image.new("RGB", (480, 360), background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 60, 460, 300), outline=(100, 100, 100), width=2)
    draw.rectangle((340, 250, 440, 280), fill=(53, 132, 228))
    return image


def test_a_dialogs_frame_is_no_plots_axes_when_its_text_is_a_windows():
    dialog = framed_dialog()
    assert kinds.has_axes(look(dialog))
    labels = (
        "Configure Project\nRegenerate project from scratch\nConfiguration: Debug\n"
        "Build Directory: /home/user/build\nConfigure Options: CFLAGS=-g\nCancel Execute"
    )
    assert kinds.picture_kind(dialog, look(dialog), labels) == kinds.SCREENSHOT
    # The same frame with tick labels is a plot's, and so is a wordy one drawn on white.
    ticks = "0 50 100 150 200\n10\n20\n30\nTime"
    assert kinds.picture_kind(dialog, look(dialog), ticks) == kinds.CHART
    white = framed_dialog(background="white")
    assert kinds.picture_kind(white, look(white), labels) == kinds.CHART


def test_a_noisy_plot_is_a_chart_by_its_tick_labels_and_a_noisy_photo_stays_one():
    # KStars' blackbody curves, saved as a JPEG: noisy as a photograph, but its text is tick
    # labels and axis titles.
    rng = np.random.default_rng(5)
    paper = np.clip(rng.normal(250, 6, (480, 640)), 0, 255).astype(np.uint8)
    plot = Image.fromarray(np.stack([paper] * 3, axis=-1))
    draw = ImageDraw.Draw(plot)
    draw.line((60, 20, 60, 420, 620, 420), fill="black", width=2)
    for peak in (80, 200, 320):
        draw.line(
            [(60 + x, 420 - peak * np.exp(-(((x - 150) / 80) ** 2))) for x in range(0, 560, 8)],
            fill="black",
            width=2,
        )
    ticks = "4,000 7,000\nIntensity\n12,000 K\n6000 K\n3000 K\n0 10,000 20,000 30,000\nWavelength"
    assert look(plot).noise_share >= kinds.NOISY
    assert kinds.picture_kind(plot, look(plot), ticks) == kinds.CHART
    assert kinds.picture_kind(gray_photo(), look(gray_photo()), "STOP\nMain St") == kinds.PHOTO
    assert kinds.picture_kind(gray_photo(), look(gray_photo()), "") == kinds.PHOTO


def test_a_disc_that_fills_the_picture_is_round_and_an_octagon_is_not():
    # A photo of the Moon cut out as a disc reaches the frame on every side: the corners are
    # the background. Shaded, as a photograph is, so that no flat colour decides it.
    rng = np.random.default_rng(6)
    y, x = np.mgrid[0:256, 0:256]
    inside = (x - 128) ** 2 + (y - 128) ** 2 <= 127**2
    shade = np.where(inside, 90 + 80 * (x / 256) + rng.normal(0, 6, x.shape), 255)
    gray = np.clip(shade, 0, 255).astype(np.uint8)
    moon = Image.fromarray(np.stack([gray] * 3, axis=-1))
    seen = look(moon)
    assert seen.round and seen.background == "bright"
    assert "The main shape is round (a circle or disc)." in appearance(kinds.PHOTO, seen)
    sign = Image.new("RGB", (256, 256), "white")
    octagon = [
        (128 + 127 * np.cos(a), 128 + 127 * np.sin(a)) for a in np.arange(8) * np.pi / 4 + np.pi / 8
    ]
    ImageDraw.Draw(sign).polygon(octagon, fill=(200, 20, 30))
    assert not look(sign).round


def hex_sticker(background: str = "white") -> Image.Image:
    """A dark-bordered hexagon filled with a light colour, a drawing and a name on it."""
    image = Image.new("RGB", (400, 460), background)
    draw = ImageDraw.Draw(image)
    corners = [(200, 5), (395, 117), (395, 343), (200, 455), (5, 343), (5, 117)]
    draw.polygon(corners, fill=(60, 40, 30))
    inner = [(200, 25), (377, 127), (377, 333), (200, 435), (23, 333), (23, 127)]
    draw.polygon(inner, fill=(230, 210, 160))
    draw.ellipse((140, 120, 260, 240), fill=(150, 90, 40))
    draw.text((170, 330), "cowplot", fill="black")
    return image


def test_a_hex_sticker_is_a_hexagon_logo_whatever_is_drawn_on_it():
    # Its corners reach the picture's edge, so its background is no clean one.
    description = describer(text="cowplot").describe(hex_sticker())
    assert description.kind == "hexagon logo"
    assert "Shaped as a hexagon, as a sticker is." in description.appearance
    assert description.render().startswith("Hexagon logo")
    # A disc or a square is no hexagon.
    assert not look(red_disc()).hexagon
    assert not look(Image.new("RGB", (300, 300), (200, 40, 40))).hexagon


def test_transparent_emblem_is_a_logo():
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((20, 20, 180, 180), fill=(20, 60, 180, 255))
    description = describer().describe(image)
    assert description.kind == "round logo"
    assert "blue" in description.render()


# Labels, categories, people ------------------------------------------------------------------


def test_category_table():
    assert categories("tabby cat") == ("cat", "animal")
    assert "vehicle" in categories("moped")
    assert "building" in categories("stupa")
    assert "bird" in categories("American robin") and "animal" in categories("American robin")
    assert narrower("squirrel", "rodent") and not narrower("rodent", "squirrel")


def test_weak_labels_of_one_category_add_up():
    breeds = [
        ("Beagle", 0.12),
        ("Basset Hound", 0.11),
        ("Bloodhound", 0.1),
        ("English foxhound", 0.09),
    ]
    totals = category_scores(breeds + [("tennis ball", 0.05)])
    assert totals["dog"] == pytest.approx(0.42)
    text = describer(scored=breeds).describe(gray_photo()).render()
    assert "possibly a dog" in text
    assert "Beagle" not in text  # 12%: too weak to state on its own


def test_labels_are_stated_hedged_or_left_out():
    scored = [("tabby cat", 0.62), ("tiger cat", 0.25), ("lynx", 0.08)]
    text = describer(scored=scored).describe(gray_photo()).render()
    assert "a cat, an animal; a tabby cat" in text
    assert "possibly a tiger cat" in text and "lynx" not in text


def test_faces_are_said_only_when_found():
    one = Face((0.3, 0.1, 0.6, 0.6), 0.99)
    assert "a portrait of a person" in describer(faces=[one]).describe(gray_photo()).render()
    two = [Face((0.1, 0.1, 0.2, 0.25), 0.99), Face((0.5, 0.1, 0.6, 0.25), 0.98)]
    assert "2 people" in describer(faces=two).describe(gray_photo()).render()
    assert "person" not in describer().describe(gray_photo()).render()


def test_text_in_the_image_is_kept():
    text = describer(text="EXIT 12").describe(red_disc()).render()
    assert text.endswith("Text in the image:\nEXIT 12")


def test_description_is_deterministic():
    first = describer().describe(specks(60, seed=4)).render()
    assert describer().describe(specks(60, seed=4)).render() == first


# Real models ---------------------------------------------------------------------------------


@pytest.mark.models
def test_real_labeler_and_face_detector_on_a_dev_photograph():
    from ingest.vision.labels import EfficientNetLabeler

    path = dev_file("dev_img_07.jpg")  # a squirrel on a branch among green leaves
    with Image.open(path) as image:
        description = ImageDescriber(TextOcr(), EfficientNetLabeler(1)).describe(image)
    text = description.render()
    assert text.startswith("Photograph in colour: a squirrel")
    assert "an animal" in text and "green" in text
    assert "person" not in text and "people" not in text
