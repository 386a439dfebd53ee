"""A screenshot's check boxes: found beside their labels, told as ticked or not, and answered
from ("which option is not ticked", "how many are ticked", "is the X box ticked")."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from test_chart_legend import BoxOcr
from test_reader import evidence, read

from ingest.vision.checkboxes import checkbox_sentence, checkbox_states, mark_lines
from ingest.vision.describe import ImageDescriber
from ingest.vision.legend import TextBox
from rag.query_words import keyword_query
from rag.reader.checkboxes import answer_on_boxes, boxes_told
from rag.reader.pictures import describes_picture

OPTIONS = [
    ("Spell check while typing", True),
    ("Enable auto-bulleted lists", True),
    ("Use custom font", False),
    ("Show the toolbar", False),
]
THEME_BLUE = (53, 132, 228)


def preferences(
    options=OPTIONS, style: str = "outline", icons: bool = False
) -> tuple[Image.Image, list[TextBox]]:
    """A preferences dialog: a check box left of each option, ticked with a drawn tick
    ("outline") or as a blue square with a white tick cut out ("filled")."""
    image = Image.new("RGB", (420, 60 + 30 * len(options)), (246, 245, 244))
    draw = ImageDraw.Draw(image)
    draw.text((150, 8), "Preferences", fill="black")
    boxes = [TextBox("Preferences", (150.0, 8.0, 230.0, 22.0))]
    for i, (label, ticked) in enumerate(options):
        top = 40 + 30 * i
        left = 20
        if icons:
            # A list of programs: a coloured icon beside each name, no check box.
            draw.rectangle((left, top, left + 14, top + 14), fill=(200, 60, 40))
            draw.ellipse((left + 3, top + 3, left + 11, top + 11), fill=(250, 220, 60))
        elif style == "filled" and ticked:
            draw.rectangle((left, top, left + 14, top + 14), fill=THEME_BLUE)
            draw.line(
                (left + 3, top + 7, left + 6, top + 11, left + 11, top + 3), fill="white", width=2
            )
        else:
            draw.rectangle((left, top, left + 14, top + 14), fill="white", outline=(120, 120, 120))
            if ticked:
                draw.line(
                    (left + 3, top + 7, left + 6, top + 11, left + 11, top + 3),
                    fill="black",
                    width=2,
                )
        draw.text((44, top + 2), label, fill="black")
        boxes.append(TextBox(label, (42.0, top - 1.0, 44.0 + 7 * len(label), top + 16.0)))
    return image, boxes


def test_each_labels_box_is_told_ticked_or_not_in_either_theme():
    for style in ("outline", "filled"):
        image, boxes = preferences(style=style)
        assert checkbox_states(np.asarray(image), boxes) == OPTIONS, style


def test_icons_beside_names_and_swatches_are_no_check_boxes():
    image, boxes = preferences(icons=True)
    assert checkbox_states(np.asarray(image), boxes) == []
    # A square filled solid (a player's colour) is no ticked box, even beside empty boxes.
    image, boxes = preferences()
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 160, 34, 174), fill=(40, 160, 60))
    draw.text((44, 162), "Player one", fill="black")
    boxes.append(TextBox("Player one", (42.0, 159.0, 114.0, 176.0)))
    assert ("Player one", True) not in checkbox_states(np.asarray(image), boxes)


def test_boxes_off_the_picture_or_too_small_give_no_states_and_no_error():
    image, _ = preferences()
    odd = [
        TextBox("Use custom font", (-500.0, -40.0, -450.0, -28.0)),
        TextBox("Show the toolbar", (400.0, 150.0, 480.0, 190.0)),
        TextBox("Spell check", (40.0, 46.0, 80.0, 47.0)),
    ]
    assert checkbox_states(np.asarray(image), odd) == []
    assert checkbox_states(np.asarray(image), []) == []
    assert checkbox_sentence([]) == ""
    assert mark_lines("Preferences", []) == ("Preferences", [])


def test_the_description_marks_each_label_and_the_reader_answers_which_how_many_and_whether():
    image, boxes = preferences()
    text = ImageDescriber(BoxOcr(boxes), None).describe(image).render()
    # The labels are marked where they are read, not repeated: a second copy would rank the
    # picture first for any question with their words.
    assert "Check boxes: 2 ticked, 2 not ticked." in text, text
    for label, on in OPTIONS:
        assert f"{'☑' if on else '☐'} {label}" in text.splitlines(), text
        assert text.count(label) == 1, text
    assert boxes_told(text) == (
        ["Spell check while typing", "Enable auto-bulleted lists"],
        ["Use custom font", "Show the toolbar"],
    )
    items = evidence(text, modality="image")
    answer = read("How many checkboxes are ticked in the Preferences screenshot?", items)
    assert answer.startswith("2 — ☑ Spell check while typing ☑ Enable auto-bulleted lists"), answer
    answer = read("In the Preferences screenshot, is the 'Use custom font' box ticked?", items)
    assert answer.startswith("No — ☐ Use custom font [1]"), answer
    answer = read("In the Preferences screenshot, is Spell check while typing checked?", items)
    assert answer.startswith("Yes — ☑ Spell check while typing [1]"), answer
    answer = read("Which toolbar option is not ticked in the Preferences dialog?", items)
    assert answer.startswith("Show the toolbar — ☐ Use custom font ☐ Show the toolbar"), answer


def test_a_label_read_inside_a_longer_line_is_marked_where_it_stands():
    text, told = mark_lines(
        "Name Type Neutral planets: 6  Blind map\nWidth: 10 <> Production after capture",
        [("Blind map", False), ("Production after capture", True), ("Show ships", False)],
    )
    assert (
        text == "Name Type Neutral planets: 6  ☐ Blind map\nWidth: 10 <> ☑ Production after capture"
    )
    # A label the text read does not hold is not told, and no line changes for it.
    assert told == [("Blind map", False), ("Production after capture", True)]
    assert checkbox_sentence(told) == "Check boxes: 1 ticked, 1 not ticked."


def test_questions_on_boxes_speak_of_a_picture_and_search_for_the_describers_word():
    assert describes_picture("Which plugins are ticked in the Plugins tab?")
    assert describes_picture("How many check boxes are checked on the General page?")
    assert not describes_picture("Which files are checked by fsck at boot?")
    assert "ticked" in keyword_query("Is the Apply to subtasks checkbox checked?").split()


def test_a_question_naming_no_told_option_or_two_alike_gets_no_yes_or_no():
    text = "Text in the image:\n☑ Show tray icon\n☐ Show tray notifications"
    assert answer_on_boxes("Is the dark theme box ticked?", text) is None
    assert answer_on_boxes("Is the show tray box ticked?", text) is None
    assert answer_on_boxes("Which option is ticked?", "Mostly white.") is None
    assert answer_on_boxes("Which option is ticked?", text) == (
        "Show tray icon",
        "☑ Show tray icon",
    )
    # No ticked box told is no count of none: a box may go unseen.
    assert answer_on_boxes("How many boxes are ticked?", "☐ Show tray notifications") is None
