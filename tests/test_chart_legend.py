"""A chart's legend read as words: each label with its swatch's colour, on both sides of the
label, and only when two or more labels have swatches of different colours."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from test_reader import evidence, read

from ingest.vision.describe import ImageDescriber
from ingest.vision.legend import TextBox, legend_entries, legend_sentence
from ingest.vision.ocr import Ocr

LAVENDER, SALMON = (204, 204, 255), (255, 102, 102)


def bar_chart(swatches_right: bool = True) -> tuple[Image.Image, list[TextBox]]:
    """gnuplot's histogram demo, drawn small: axes, two bars, a legend of two entries."""
    image = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.line((30, 10, 30, 280, 390, 280), fill="black", width=1)
    draw.rectangle((60, 120, 110, 280), fill=LAVENDER, outline=(0, 0, 160))
    draw.rectangle((110, 160, 160, 280), fill=SALMON, outline=(255, 0, 0))
    labels = []
    for i, (label, colour) in enumerate([("Group A", LAVENDER), ("Group B", SALMON)]):
        top = 20 + 16 * i
        text_box = (250.0, float(top), 300.0, float(top + 12))
        swatch = (310, top + 2, 350, top + 10) if swatches_right else (205, top + 2, 245, top + 10)
        draw.rectangle(swatch, fill=colour)
        labels.append(TextBox(label, text_box))
    return image, labels


def test_each_label_gets_the_colour_of_the_swatch_beside_it_on_either_side():
    for right in (True, False):
        image, boxes = bar_chart(swatches_right=right)
        entries = legend_entries(np.asarray(image), boxes)
        assert entries == [("Group A", "blue"), ("Group B", "red")], (right, entries)
    assert legend_sentence(entries) == "Legend: Group A (blue), Group B (red)."


def test_no_legend_without_two_swatches_of_different_colours():
    image, boxes = bar_chart()
    # Tick labels are numbers; a word with nothing coloured beside it has no swatch.
    plain = [
        TextBox("1.5", (100.0, 285.0, 120.0, 297.0)),
        TextBox("Samples", (180.0, 285.0, 240.0, 297.0)),
    ]
    assert legend_entries(np.asarray(image), plain) == []
    # A reading beside a coloured graph ("1.090 GiB") and an axis title written upwards
    # beside a coloured bar are no legend entries.
    reading = TextBox("1.090 GiB", (250.0, 20.0, 300.0, 32.0))
    upwards = TextBox("Sepal.Width", (40.0, 130.0, 52.0, 230.0))
    entries = legend_entries(np.asarray(image), [reading, upwards, *boxes, boxes[0]])
    assert entries == [("Group A", "blue"), ("Group B", "red")], entries
    assert legend_entries(np.asarray(image), boxes[:1]) == []


class BoxOcr(Ocr):
    def __init__(self, boxes: list[TextBox]) -> None:
        self.boxes = boxes

    def read(self, image: Image.Image) -> str:
        return "\n".join(b.text for b in self.boxes)

    def read_boxes(self, image: Image.Image) -> tuple[str, list[TextBox]]:
        return self.read(image), self.boxes


def test_a_charts_description_tells_its_legend_and_the_reader_answers_from_it():
    image, boxes = bar_chart()
    described = ImageDescriber(BoxOcr(boxes), None).describe(image)
    assert described.kind == "chart"
    text = described.render()
    assert "Legend: Group A (blue), Group B (red)." in text, text
    items = evidence(text, modality="image")
    answer = read(
        "In the bar chart comparing Group A and Group B, what colour are the Group A bars?", items
    )
    assert answer.startswith("blue — Legend:"), answer
    answer = read("In the legend of the bar chart, which label goes with the red bars?", items)
    assert answer.startswith("Group B — Legend:"), answer
    # A backend that tells no boxes (tesseract) reads the same text and leaves the legend out.
    text_only = ImageDescriber(TextOnlyOcr("\n".join(b.text for b in boxes)), None)
    described = text_only.describe(image)
    assert described.kind == "chart" and "Group A" in described.text
    assert "Legend:" not in described.render()


class TextOnlyOcr(Ocr):
    def __init__(self, text: str) -> None:
        self.text = text

    def read(self, image: Image.Image) -> str:
        return self.text


def test_boxes_off_the_picture_or_too_small_give_no_entries_and_no_error():
    image, _ = bar_chart()
    odd = [
        TextBox("Group A", (-500.0, -40.0, -450.0, -28.0)),  # off the picture
        TextBox("Group B", (395.0, 20.0, 420.0, 32.0)),  # its swatch would lie past the edge
        TextBox("Group C", (250.0, 20.0, 300.0, 21.0)),  # one pixel high
    ]
    assert legend_entries(np.asarray(image), odd) == []
