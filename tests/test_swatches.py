"""A settings page's colour swatches: each colour it sets, named beside the label of what it
colours, and answered from ("what colour is the swatch for the removed lines")."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from test_chart_legend import BoxOcr
from test_reader import evidence, read

from ingest.vision.describe import ImageDescriber
from ingest.vision.legend import TextBox
from ingest.vision.swatches import colour_swatches, swatch_sentence
from rag.reader.legends import legend_value

BACKGROUND = (239, 240, 241)
FIELDS = [
    ("Removed color:", (194, 235, 194)),  # a pastel green the description's words call white
    ("Changed color:", (240, 190, 190)),
    ("Added color:", (190, 190, 240)),
]
LISTED = [
    ("Quoted Text", (30, 140, 80)),
    ("Unread Message", (60, 170, 230)),
    ("Important Message", (245, 120, 0)),
    ("Plain Message", (0, 0, 0)),  # black: no colour to tell
]


def settings_page() -> tuple[Image.Image, list[TextBox]]:
    """A colours page: a field per colour, a button filled with it right of the label; then
    a list with a square of each colour left of its entry; a tab strip and a title above."""
    image = Image.new("RGB", (520, 360), BACKGROUND)
    draw = ImageDraw.Draw(image)
    boxes = [TextBox("View Settings", (20.0, 8.0, 140.0, 26.0))]
    draw.text((22, 10), "View Settings", fill="black")
    # A tab's icon: one coloured square beside one label, in no list.
    draw.rectangle((160, 10, 174, 24), fill=(200, 40, 40))
    draw.text((180, 10), "Fonts", fill="black")
    boxes.append(TextBox("Fonts", (178.0, 8.0, 220.0, 26.0)))
    for i, (label, rgb) in enumerate(FIELDS):
        top = 50 + 36 * i
        draw.text((22, top + 3), label, fill="black")
        boxes.append(TextBox(label, (20.0, top + 1.0, 20.0 + 7 * len(label), top + 19.0)))
        draw.rectangle((200, top - 4, 420, top + 24), fill=(252, 252, 252), outline=(150, 150, 150))
        draw.rectangle((206, top, 414, top + 20), fill=rgb)
    for i, (label, rgb) in enumerate(LISTED):
        top = 170 + 28 * i
        draw.rectangle((24, top + 2, 38, top + 16), fill=rgb)
        draw.text((46, top + 3), label, fill="black")
        boxes.append(TextBox(label, (44.0, top + 1.0, 44.0 + 7 * len(label), top + 19.0)))
    return image, boxes


def test_fields_and_listed_swatches_are_named_beside_their_labels():
    image, boxes = settings_page()
    found = colour_swatches(np.asarray(image), boxes)
    assert found == [
        ("Removed color", "green"),
        ("Changed color", "pink"),
        ("Added color", "blue"),
        ("Quoted Text", "green"),
        ("Unread Message", "blue"),
        ("Important Message", "orange"),
    ]
    assert swatch_sentence(found).startswith("Colour swatches: Removed color (green), Changed")
    assert swatch_sentence([]) == ""


def test_a_check_box_beside_a_label_and_a_lone_icon_are_no_swatches():
    image, boxes = settings_page()
    found = colour_swatches(np.asarray(image), boxes, marked=["Important Message"])
    assert ("Important Message", "orange") not in found
    assert all(label != "Fonts" for label, _ in found)
    # A list in one colour is a column of icons, not of colours to choose.
    page = Image.new("RGB", (300, 120), BACKGROUND)
    draw = ImageDraw.Draw(page)
    icons = []
    for i, label in enumerate(["Accounts", "Security"]):
        draw.rectangle((10, 10 + 30 * i, 24, 24 + 30 * i), fill=(60, 170, 230))
        icons.append(TextBox(label, (30.0, 8.0 + 30 * i, 90.0, 26.0 + 30 * i)))
    assert colour_swatches(np.asarray(page), icons) == []
    # A field holding text, white or grey, has no colour; nor has a box off the picture.
    blank = TextBox("Font:", (20.0, 50.0, 60.0, 68.0))
    assert (
        colour_swatches(np.asarray(page), [blank, TextBox("Far:", (900.0, 900.0, 950.0, 918.0))])
        == []
    )


def test_the_description_tells_the_swatches_and_the_reader_answers_the_colour_asked():
    image, boxes = settings_page()
    text = ImageDescriber(BoxOcr(boxes), None).describe(image).render()
    assert "Colour swatches: Removed color (green)" in text, text
    items = evidence(text, modality="image")
    answer = read("In the View Settings, what colour is the swatch for the removed color?", items)
    assert answer.startswith("green — Colour swatches:"), answer
    answer = read("What colour is the swatch of Important Message in the settings?", items)
    assert answer.startswith("orange — Colour swatches:"), answer


def test_a_question_sharing_words_with_the_labels_but_asking_no_colour_is_not_answered_by_them():
    text = (
        "Screenshot of a program window.\nMostly white, with some blue. Colour swatches: "
        "Black's move (orange), White P17 (red).\nText in the image:\nInformation\nMoves\nNew Game"
    )
    items = evidence(text, modality="image")
    answer = read(
        "What is the high score in my screenshot of the game with black and white stones?", items
    )
    assert "Colour swatches" not in answer, answer
    answer = read("What colour is the swatch of Black's move in the game's window?", items)
    assert answer.startswith("orange — Colour swatches:"), answer
    # Nor does a question that speaks of colours and asks the title of the window.
    dialog = evidence(
        "Screenshot of a program window.\nMostly white. Colour swatches: Background color "
        "(yellow).\nText in the image:\nColor Chooser Dialog\nCancel Select",
        modality="image",
    )
    answer = read("What is the title of the colour picker dialog with the colour swatches?", dialog)
    assert "Colour swatches" not in answer, answer
    # "The note colour" names the swatch "Note Color".
    assert (
        legend_value(
            "What colour is set for the note colour?", "Colour swatches: Note Color (yellow)."
        )
        == "yellow"
    )
