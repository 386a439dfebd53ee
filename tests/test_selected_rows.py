"""A screenshot's selected row: the line of a list or menu that a band of colour, or a dark
band under light text, marks as chosen; told with its band's colour, and answered from."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from test_chart_legend import BoxOcr
from test_reader import evidence, read

from ingest.vision.describe import ImageDescriber
from ingest.vision.legend import TextBox
from ingest.vision.selection import selected_rows, selection_sentence
from rag.reader.pictures import describes_picture

TOWNS = ["Albany", "Broome", "Esperance", "Geraldton", "Kalgoorlie", "Mandurah", "Perth"]
SELECTION_BLUE = (48, 140, 198)
DARK_BAND = (110, 110, 100)


def location_list(
    selected: int | None = 4, band: tuple[int, int, int] = SELECTION_BLUE
) -> tuple[Image.Image, list[TextBox]]:
    """A preferences window: a title bar, a list of towns, one row selected, and a button."""
    image = Image.new("RGB", (360, 300), (239, 239, 239))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 359, 22), fill=SELECTION_BLUE)  # the title bar, the theme's colour
    draw.text((120, 6), "Location Preferences", fill="white")
    draw.text((10, 26), "File Edit View Help", fill="black")
    boxes = [
        TextBox("Location Preferences", (120.0, 6.0, 240.0, 17.0)),
        TextBox("File Edit View Help", (10.0, 26.0, 130.0, 36.0)),
    ]
    draw.rectangle((20, 40, 340, 230), fill="white", outline="gray")
    for i, town in enumerate(TOWNS):
        top = 46 + 24 * i
        ink = "black"
        if i == selected:
            draw.rectangle((21, top - 5, 339, top + 16), fill=band)
            ink = "white"
        draw.text((40, top), town, fill=ink)
        boxes.append(TextBox(town, (40.0, float(top), 40.0 + 7 * len(town), float(top + 11))))
    for left, button in ((20, "Help"), (260, "Close")):
        draw.rectangle((left, 250, left + 80, 280), fill=(220, 220, 220), outline="gray")
        draw.text((left + 25, 259), button, fill="black")
        boxes.append(TextBox(button, (left + 25.0, 259.0, left + 55.0, 270.0)))
    return image, boxes


def test_the_row_a_band_marks_is_selected_and_the_title_bar_is_not():
    image, boxes = location_list()
    assert selected_rows(np.asarray(image), boxes) == [("Kalgoorlie", "blue")]
    # A dark band under light text marks it as well; a button's gray behind dark text does not.
    image, boxes = location_list(band=DARK_BAND)
    assert selected_rows(np.asarray(image), boxes) == [("Kalgoorlie", "gray")]
    image, boxes = location_list(selected=None)
    assert selected_rows(np.asarray(image), boxes) == []


def test_a_coloured_panel_is_no_selection():
    image, boxes = location_list(selected=None)
    draw = ImageDraw.Draw(image)
    draw.rectangle((21, 41, 339, 229), fill=SELECTION_BLUE)  # every row on the same blue
    for box in boxes[2:-2]:
        draw.text(box.box[:2], box.text, fill="white")
    assert selected_rows(np.asarray(image), boxes) == []


def test_boxes_off_the_picture_or_too_small_give_no_rows_and_no_error():
    image, _ = location_list()
    odd = [
        TextBox("Albany", (-500.0, -40.0, -450.0, -28.0)),
        TextBox("Broome", (350.0, 290.0, 420.0, 330.0)),
        TextBox("Perth", (40.0, 46.0, 80.0, 47.0)),
    ]
    assert selected_rows(np.asarray(image), odd) == []
    assert selected_rows(np.asarray(image), []) == []


def test_a_screenshots_description_tells_its_selected_row_and_the_reader_answers_from_it():
    image, boxes = location_list()
    described = ImageDescriber(BoxOcr(boxes), None).describe(image)
    text = described.render()
    sentence = selection_sentence([("Kalgoorlie", "blue")])
    assert sentence == 'Selected (highlighted in blue): "Kalgoorlie".'
    assert sentence in text, text
    items = evidence(text, modality="image")
    answer = read("Which town is highlighted in the location list screenshot?", items)
    assert answer.startswith("Kalgoorlie — Selected"), answer
    answer = read("What colour is the selected row in the location list screenshot?", items)
    assert answer.startswith("blue"), answer
    # Another part's colour is not the band's, and a question on a setting names no screen.
    answer = read("What colour are the towns' names in the location list screenshot?", items)
    assert "Selected" not in answer.split("[")[0], answer
    assert not describes_picture("Which compression level is selected by default?")
    assert describes_picture("Which process is selected in the process list?")


def test_a_title_centred_on_its_bar_is_no_selection_and_a_selected_rows_centred_cell_is():
    image = Image.new("RGB", (400, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 60, 399, 84), fill=SELECTION_BLUE)  # a window's title bar, mid-picture
    draw.text((180, 66), "Viewer", fill="white")
    title = TextBox("Viewer", (180.0, 66.0, 222.0, 77.0))
    draw.rectangle((0, 130, 399, 152), fill=SELECTION_BLUE)  # a selected row of a process list
    cells = []
    for left, cell in ((10, "firefox"), (180, "Running"), (350, "64")):
        draw.text((left, 135), cell, fill="white")
        cells.append(TextBox(cell, (float(left), 135.0, left + 7.0 * len(cell), 146.0)))
    heading = TextBox("Processes", (10.0, 10.0, 80.0, 21.0))
    draw.text((10, 10), "Processes", fill="black")
    rows = selected_rows(np.asarray(image), [heading, title, *cells])
    assert rows == [("firefox Running 64", "blue")], rows


def test_of_two_selected_rows_the_one_of_the_kind_asked_answers_else_the_one_not_named():
    text = (
        "Screenshot of a program window.\nMostly white, with some blue. "
        'Selected (highlighted in blue): "Edit menu 4". '
        'Selected (highlighted in blue): "Drafts notebook".\n'
        "Text in the image:\nViewer Name Role Children Drafts notebook Edit menu 4"
    )
    items = evidence(text, modality="image")
    answer = read("In the viewer's tree screenshot, which menu is selected?", items)
    assert answer.startswith("Edit menu 4 — "), answer
    answer = read(
        "After right-clicking the Drafts notebook in my screenshot, which entry is highlighted?",
        items,
    )
    assert answer.startswith("Edit menu 4 — "), answer


def test_a_selected_page_the_question_names_as_where_to_look_is_no_answer():
    # The dialog's list of pages has Preview selected; the question names that page as the
    # place of the setting it asks for, which a line read in the picture gives.
    text = (
        "Screenshot.\nMostly white and gray, with some blue. "
        'Selected (highlighted in blue): "Preview".\n'
        "Text in the image:\nConfigure - Kile\nPreview\nResolution: 120 dpi\n"
        "Mathgroup: dvi --> png"
    )
    items = evidence(text, modality="image")
    question = "On the Preview page of Kile's configuration dialog, which resolution is chosen?"
    answer = read(question, items)
    assert not answer.startswith("Preview"), answer
    assert "120 dpi" in answer.split("[")[0], answer
    # Unnamed, the selected page is what a question on the dialog's selection asks for.
    answer = read("Which page is selected in Kile's configuration dialog?", items)
    assert answer.startswith("Preview — Selected"), answer
