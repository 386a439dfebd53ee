"""A screenshot's check boxes and radio buttons: found beside their labels, told as ticked
(selected) or not, and answered from ("which option is not ticked", "how many are ticked", "is
the X box ticked", "which type is selected")."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from test_chart_legend import BoxOcr
from test_reader import evidence, read

from ingest.vision.checkboxes import checkbox_sentence, checkbox_states, mark_lines, radio_states
from ingest.vision.describe import ImageDescriber
from ingest.vision.legend import TextBox
from rag.query_words import keyword_query
from rag.reader.checkboxes import answer_on_boxes, answer_on_buttons, boxes_told, buttons_told
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


def test_check_boxes_make_a_screenshot_of_a_dialog_framed_as_a_plot_or_plain_as_a_diagram():
    # The dialog's frame meets at its lower left corner as a plot's axes do, and a blue
    # button stands inside it: drawn alike, a list of programs with their icons is a chart,
    # but a picture with check boxes is a window.
    def framed(icons: bool) -> tuple[Image.Image, list[TextBox]]:
        image, boxes = preferences(icons=icons)
        draw = ImageDraw.Draw(image)
        draw.line((10, 30, 10, 170, 410, 170), fill=(90, 90, 90), width=2)
        draw.rectangle((330, 135, 400, 160), fill=THEME_BLUE)
        return image, boxes

    image, boxes = framed(icons=True)
    assert ImageDescriber(BoxOcr(boxes), None).describe(image).kind == "chart"
    image, boxes = framed(icons=False)
    described = ImageDescriber(BoxOcr(boxes), None).describe(image)
    assert described.kind == "screenshot"
    assert "Check boxes: 2 ticked, 2 not ticked." in described.render()
    # Unframed, the dialog's plain panel looks like a diagram's paper; its boxes tell again.
    image, boxes = preferences(icons=True)
    assert ImageDescriber(BoxOcr(boxes), None).describe(image).kind == "diagram"
    image, boxes = preferences()
    assert ImageDescriber(BoxOcr(boxes), None).describe(image).kind == "screenshot"


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


CHOICES = [("Tabs", True), ("Spaces", False), ("Tabs and spaces", False)]


def indentation(
    choices=CHOICES, glyph: str = "", style: str = "dot"
) -> tuple[Image.Image, list[TextBox]]:
    """An indentation page: a heading, then a radio button left of each choice: a ring, with a
    dark dot inside the chosen one ("dot"), or a blue disc round a white dot ("disc").
    ``glyph``: what the text reader makes of the button when its box takes the button in
    ("O Never"), so that the box starts at the button."""
    image = Image.new("RGB", (420, 70 + 30 * len(choices)), (246, 245, 244))
    draw = ImageDraw.Draw(image)
    draw.text((20, 12), "Indentation type:", fill="black")
    boxes = [TextBox("Indentation type:", (18.0, 9.0, 140.0, 26.0))]
    for i, (label, chosen) in enumerate(choices):
        top, left = 40 + 30 * i, 22
        if style == "disc" and chosen:
            draw.ellipse((left, top, left + 14, top + 14), fill=THEME_BLUE)
            draw.ellipse((left + 5, top + 5, left + 9, top + 9), fill="white")
        else:
            draw.ellipse((left, top, left + 14, top + 14), fill="white", outline=(120, 120, 120))
            if chosen:
                draw.ellipse((left + 4, top + 4, left + 10, top + 10), fill=(40, 40, 40))
        draw.text((44, top + 2), label, fill="black")
        start = 20.0 if glyph else 42.0
        boxes.append(TextBox(glyph + label, (start, top - 1.0, 44.0 + 7 * len(label), top + 16.0)))
    return image, boxes


def test_radio_buttons_are_told_selected_or_not_in_either_theme_and_however_the_label_is_read():
    for style in ("dot", "disc"):
        for glyph in ("", "O ", " "):
            image, boxes = indentation(glyph=glyph, style=style)
            assert radio_states(np.asarray(image), boxes) == CHOICES, (style, glyph)
            # A circle is no check box.
            assert checkbox_states(np.asarray(image), boxes) == [], (style, glyph)


def test_radio_buttons_just_right_of_another_panel_are_found():
    # A grey sidebar ends just left of the buttons: the background is the panel's beside them.
    image = Image.new("RGB", (400, 110), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 79, 109), fill=(200, 200, 200))
    boxes = []
    for i, (label, chosen) in enumerate(CHOICES):
        top = 20 + 30 * i
        draw.ellipse((82, top, 96, top + 14), fill="white", outline=(120, 120, 120))
        if chosen:
            draw.ellipse((86, top + 4, 92, top + 10), fill=(40, 40, 40))
        draw.text((102, top + 2), label, fill="black")
        boxes.append(TextBox(label, (100.0, top - 3.0, 102.0 + 7 * len(label), top + 17.0)))
    assert radio_states(np.asarray(image), boxes) == CHOICES


def test_round_icons_alone_or_in_one_state_are_no_radio_buttons():
    # A lone chosen button has no group: a round icon beside a label looks alike.
    image, boxes = indentation([("Tabs", True), ("Spaces", True)])
    assert radio_states(np.asarray(image), boxes) == []
    image, boxes = indentation([("Tabs", False), ("Spaces", False)])
    assert radio_states(np.asarray(image), boxes) == []
    # A circle with a drawing off its centre (an icon) is no empty button.
    image, boxes = indentation()
    ImageDraw.Draw(image).rectangle((25, 103, 28, 106), fill=(60, 60, 60))
    assert radio_states(np.asarray(image), boxes) == [("Tabs", True), ("Spaces", False)]
    # A check box drawn with rounded corners, marked, is no selected radio button.
    image, boxes = indentation([("Tabs", True), ("Spaces", False)])
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((22, 100, 36, 114), radius=4, fill="white", outline=(120, 120, 120))
    draw.rectangle((26, 104, 32, 110), fill=(40, 40, 40))
    draw.text((44, 102), "Detect type from file", fill="black")
    boxes.append(TextBox("Detect type from file", (42.0, 99.0, 191.0, 116.0)))
    assert ("Detect type from file", True) not in radio_states(np.asarray(image), boxes)


def test_the_description_marks_the_choices_and_the_reader_answers_which_is_selected():
    image, boxes = indentation(glyph="O ")
    text = ImageDescriber(BoxOcr(boxes), None).describe(image).render()
    assert "Radio buttons: 1 selected, 2 not selected." in text, text
    assert "◉ Tabs" in text.splitlines(), text
    # The glyph read from the button gives way to its mark.
    assert "○ Tabs and spaces" in text.splitlines() and "O " not in text, text
    items = evidence(text, modality="image")
    answer = read("Which indentation type is selected?", items)
    assert answer.startswith("Tabs — ◉ Tabs [1]"), answer
    answer = read("How many radio buttons are on the indentation page?", items)
    assert answer.startswith("3 — ◉ Tabs ○ Spaces ○ Tabs and spaces"), answer


def test_a_choice_is_read_from_the_group_the_question_names():
    text = (
        "Computer Player 1\n◉ Kepler\n○ Newton\nCascade Move Display\n○ Darken and pause\n"
        "◉ Scatter dots\n○ Blink rapidly"
    )
    assert buttons_told(text)[2] == ("Darken and pause", False, "Cascade Move Display ")
    assert answer_on_buttons("Which Cascade Move Display option is selected?", text) == (
        "Scatter dots",
        "◉ Scatter dots",
    )
    assert answer_on_buttons("Which computer player is chosen?", text) == ("Kepler", "◉ Kepler")
    # Two groups and a question naming neither: no guess.
    assert answer_on_buttons("Which option is selected?", text) is None
    # Nor an answer naming neither of the choices the question offers.
    assert answer_on_buttons("Is the compact or the expanded view selected?", text) is None
    # What a list or a tab strip shows selected is no radio button's.
    assert answer_on_buttons("Which tab is selected in the Cascade window?", text) is None
    assert answer_on_buttons("Which page is selected in the list on the left?", text) is None
    # A tab that holds the buttons only says where they are.
    on_tab = "Which Cascade Move Display option is chosen on the General tab?"
    assert answer_on_buttons(on_tab, text) == ("Scatter dots", "◉ Scatter dots")
    # A part's name as the choice's ("which page order") asks for the choice.
    order = "Computer Player 1\n◉ Down, then right\n○ Over, then down"
    assert answer_on_buttons("Which page order is selected?", order)[0] == "Down, then right"
    # Radio buttons are no check boxes, and check boxes no radio buttons.
    assert boxes_told(text) == ([], [])
    assert buttons_told("☑ Show tray icon") == []


def test_a_choice_is_its_label_whatever_the_question_asks_for():
    # "Date Completion" makes it a question on dates; the choice is a label all the same.
    text = (
        "Screenshot of a program window. Radio buttons: 1 selected, 1 not selected.\n"
        "Date Completion\n○ In the current calendar year\n◉ In a sliding 12-month window"
    )
    question = "On the Numbers, Date, Time page, which Date Completion choice is selected?"
    answer = read(question, evidence(text, modality="image"))
    assert answer.startswith("In a sliding 12-month window — ◉ In a sliding"), answer


def test_a_dialog_need_not_show_the_program_a_question_on_its_marks_names():
    text = (
        "Screenshot of a program window. Radio buttons: 1 selected, 2 not selected.\n"
        "Text in the image:\nIndentation\nType: ◉ Tabs\n○ Spaces\n○ Tabs and spaces"
    )
    items = evidence(text, modality="image")
    answer = read("Which indentation type is selected in Geany's preferences?", items)
    assert answer.startswith("Tabs — ◉ Tabs [1]"), answer
    # Asked of anything else, a picture that does not show the name is of another program.
    assert not read("Which indentation type does Geany use in its preferences?", items)


def test_questions_on_choices_speak_of_a_picture_and_search_for_the_describers_word():
    assert describes_picture("Which indentation type is selected in Geany's preferences?")
    assert "selected" in keyword_query("Which payment method is chosen?").split()
    assert "selected" in keyword_query("How many radio buttons does the page have?").split()


def test_a_box_switched_on_is_a_ticked_box():
    text = "Text in the image:\nSafe Browsing\n☐ Check URL With Phishing\n☑ Scan emails for tracking URLs"
    question = "In the mail reader's Reading settings, which Safe Browsing option is switched on?"
    assert describes_picture(question)
    assert "ticked" in keyword_query(question).split()
    answer = read(question, evidence(text, modality="image"))
    assert answer.startswith("Scan emails for tracking URLs — ☑ Scan emails"), answer
    answer = read("Which Safe Browsing option is turned off?", evidence(text, modality="image"))
    assert answer.startswith("Check URL With Phishing — ☐ Check URL"), answer
    # What a program switches on by default is no box on a screen.
    assert not describes_picture("Which warnings are switched on by default?")


def test_a_question_on_marks_reads_the_dialog_ranked_below_the_programs_manual():
    manual = evidence(
        "GTG is a personal tasks and TODO list organizer. Tags can be added to a task and "
        "to its subtasks from the Modify Tags dialog.",
        doc="gtg-manual",
    )
    dialog = evidence(
        "Screenshot of a program window. Check boxes: 1 not ticked.\nText in the image:\n"
        "Modify Tags\nEnter the name of the tag(s) you wish to add or remove:\n"
        "☐ Apply to subtasks\nApply Cancel",
        modality="image",
        doc="dialog",
    )
    answer = read(
        "In GTG's Modify Tags dialog, is the 'Apply to subtasks' box ticked?", manual + dialog
    )
    assert answer.startswith("No — ☐ Apply to subtasks [2]"), answer
    # Nor is what it would do were a box ticked.
    assert not describes_picture(
        "After how long would the popup hide if auto hide were switched on?"
    )
