"""Turn a picture into text that can be embedded and quoted, in the words people ask with.

What kind of picture it is, what it shows (ImageNet labels and their broad categories, faces),
how it looks (colours, background, silhouettes, specks, round shapes, counts) and the text in it.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from ingest.vision import kind as kinds
from ingest.vision.categories import BROAD, category_scores, narrower
from ingest.vision.checkboxes import (
    checkbox_sentence,
    mark_buttons,
    mark_lines,
    mark_states,
    radio_sentence,
)
from ingest.vision.faces import FaceDetector, create_face_detector
from ingest.vision.labels import Labeler, ViewScores, create_labeler
from ingest.vision.legend import TextBox, legend_entries, legend_sentence
from ingest.vision.look import Look, look
from ingest.vision.ocr import Ocr, create_ocr
from ingest.vision.ocr_tidy import tidy_ocr_text
from ingest.vision.selection import selected_rows, selection_sentence
from ingest.vision.swatches import colour_swatches, swatch_sentence
from rag.text import join_words

if TYPE_CHECKING:
    from rag.settings import Settings

# Label probabilities: stated at SURE, hedged ("possibly") from MAYBE, left out below.
SURE = 0.5
MAYBE = 0.2
# Categories add up the probabilities of their labels; a category is a weaker claim than a
# label, so it is hedged from CATEGORY_MAYBE.
CATEGORY_MAYBE = 0.4
CANDIDATES = 20  # labels whose probabilities are summed into categories
PORTRAIT = 0.2  # a face at least this share of the picture's height makes a portrait
GROUP = 6
WEBSITE = "website"
PROGRAM_WINDOW = "screenshot of a program window"


@dataclass(frozen=True)
class ImageDescription:
    labels: list[str]
    text: str
    glosses: list[str] = field(default_factory=list)  # parallel to labels; "" when unknown
    kind: str = ""  # photograph, drawing, chart, screenshot, page of text, logo, diagram
    tone: str = ""  # "in colour", "in black and white", ...
    subjects: list[str] = field(default_factory=list)  # "a bird", "2 people", ...
    hedged: list[bool] = field(default_factory=list)  # parallel to labels: said with "possibly"
    appearance: list[str] = field(default_factory=list)  # sentences on colour and composition

    def render(self) -> str:
        head = " ".join(w for w in (self.kind.capitalize() or "Picture", self.tone) if w)
        shown = [
            ("possibly " if hedged else "")
            + _a(label)
            + (f" ({gloss[0].lower()}{gloss[1:]})" if gloss else "")
            for label, gloss, hedged in zip(
                self.labels,
                self.glosses or [""] * len(self.labels),
                self.hedged or [False] * len(self.labels),
                strict=True,
            )
        ]
        content = ", ".join(self.subjects)
        if shown:
            content = f"{content}; {', '.join(shown)}" if content else ", ".join(shown)
        parts = [f"{head}: {content}." if content else f"{head}."]
        if self.appearance:
            parts.append(" ".join(self.appearance))
        if self.text:
            parts.append("Text in the image:\n" + self.text)
        return "\n".join(parts)


class ImageDescriber:
    def __init__(
        self,
        ocr: Ocr,
        labeler: Labeler | None,
        top_k: int = 3,
        faces: FaceDetector | str | None = "mtcnn",
    ) -> None:
        """``faces`` is a detector, the name of one (loaded on first use), or None for none."""
        self.ocr = ocr
        self.labeler = labeler
        self.top_k = top_k
        self._faces = faces
        self.seconds: Counter[str] = Counter()  # time spent in each step, for benchmarks

    @property
    def faces(self) -> FaceDetector | None:
        if isinstance(self._faces, str):
            self._faces = create_face_detector(self._faces, 1)
        return self._faces

    def describe(self, image: Image.Image) -> ImageDescription:
        clock = _Clock(self.seconds)
        read, boxes = self.ocr.read_boxes(image)
        text = tidy_ocr_text(read).strip()
        clock.lap("text")
        seen = look(image)
        clock.lap("look")
        kind = kinds.picture_kind(image, seen, text)
        clock.lap("kind")
        # Marks and swatches are looked for in the picture's own pixels: a box's outline is a
        # pixel or two wide. Converted once for both.
        own = np.asarray(image.convert("RGB")) if kind in _BOXED and boxes else None
        box_states, button_states = _marks_told(kind, boxes, own)
        if box_states or button_states:
            # Check boxes and radio buttons are a window's: a dialog whose frame met as a
            # plot's axes do, or whose plain panel looked like a diagram's paper, is a
            # screenshot after all.
            kind = kinds.SCREENSHOT
        clock.lap("marks")
        scored = ViewScores([], [])
        if self.labeler is not None and self.top_k:
            scored = _scores(self.labeler, image, kind, max(CANDIDATES, self.top_k))
        clock.lap("labels")
        floor = _label_floor(kind)
        labels = [
            (n, p) for n, p in scored.overall[: self.top_k] if floor is not None and p >= floor
        ]
        program = kind == kinds.SCREENSHOT and kinds.program_window(text)
        if kind in _SCREENS and not kinds.SCREEN_ADDRESS.search(text):
            # ImageNet's one class for a screen is "website", which it gives a dialog as
            # readily as a browser: a screen is a web page only where an address is read.
            labels = [(n, p) for n, p in labels if n != WEBSITE]
        people = []
        if kind == kinds.PHOTO and self.faces is not None:
            # The detector looks at a few hundred pixels: hand it the copy already made.
            people = _people(self.faces.faces(Image.fromarray(seen.pixels)))
        clock.lap("faces")
        subjects = people + (
            _category_phrases(scored.whole, bool(people)) if kind in _SCENES else []
        )
        swatches = _swatches(kind, boxes, own, [label for label, _ in box_states + button_states])
        text, boxes_told = mark_lines(text, box_states)
        text, buttons_told = mark_buttons(text, button_states)
        return ImageDescription(
            labels=[n for n, _ in labels],
            text=text,
            glosses=[self.labeler.gloss(n) for n, _ in labels] if self.labeler else [],
            kind=PROGRAM_WINDOW if program else _kind_name(kind, seen),
            tone=_tone(kind, seen),
            subjects=subjects,
            hedged=[p < SURE for _, p in labels],
            appearance=appearance(kind, seen)
            + _legend(kind, seen, boxes, image)
            + _selection(kind, seen, boxes, image)
            + swatches
            + ([checkbox_sentence(boxes_told)] if boxes_told else [])
            + ([radio_sentence(buttons_told)] if buttons_told else []),
        )

    def read_text(self, image: Image.Image) -> str:
        # The OCR backend bounds the pixels it reads (MAX_OCR_PIXELS): a long, narrow
        # screenshot keeps its text size, as a limit on the long side would not.
        return tidy_ocr_text(self.ocr.read(image)).strip()


def describer_from_settings(settings: Settings) -> ImageDescriber:
    """The OCR and labeler the settings name, on their thread counts (models load on first
    use). Module-level, so that a worker process can be told to build one."""
    s = settings
    threads = s.ocr_threads if s.image_labeler_runtime == "onnxruntime" else s.torch_threads
    labeler = (
        create_labeler(s.image_labeler, threads, s.image_labeler_runtime, s.model_cache_dir)
        if s.image_labels_top_k
        else None
    )
    return ImageDescriber(
        create_ocr(s.ocr, s.ocr_threads, memory_arena=s.ocr_memory_arena),
        labeler,
        top_k=s.image_labels_top_k,
    )


class _Clock:
    """Adds the time since the last lap to a counter, under the name of the step."""

    def __init__(self, seconds: Counter[str]) -> None:
        self.seconds = seconds
        self.last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.seconds[step] += now - self.last
        self.last = now


# Kinds whose content ImageNet categories can name; a chart is not "a web page".
_SCENES = frozenset({kinds.PHOTO, kinds.DRAWING, kinds.LOGO})
_SCREENS = frozenset({kinds.SCREENSHOT, kinds.DIAGRAM})


def _scores(labeler: Labeler, image: Image.Image, kind: str, top_k: int) -> ViewScores:
    """A photograph is labelled from the whole picture and closer views of its parts: its
    subject may be small (an insect on a twig). Other kinds from the whole picture: ImageNet
    learnt from photographs, and close views of line art or a screen add only guesses."""
    if kind == kinds.PHOTO:
        return labeler.view_scores(image, top_k)
    whole = labeler.scores(image, top_k)
    return ViewScores(whole, whole)


def _label_floor(kind: str) -> float | None:
    """ImageNet has no classes for charts or pages, and few for screens: what it says of them
    is noise, unless it is sure ("a website")."""
    if kind in _SCENES:
        return MAYBE
    return SURE if kind in _SCREENS else None


# Words said without an article: "clothing", not "a clothing".
_MASS = frozenset({"clothing", "food", "furniture", "equipment", "baked goods", "text"})


def _a(phrase: str) -> str:
    if phrase[:1].isdigit() or phrase in _MASS:
        return phrase
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _category_phrases(scored: list[tuple[str, float]], people: bool) -> list[str]:
    """The best narrow category ("a bird") when its labels add up to enough, and the best broad
    one ("an animal") when it is sure: a broad word gathers many unrelated labels, so weak
    evidence for it is no evidence. A word already in a stated label ("cat" in "tabby cat") is
    still said: people ask for "a cat". ``scored`` are the whole picture's labels: categories
    say what the picture is as a whole.
    """
    totals = category_scores(scored)
    if people:
        totals.pop("person", None)
    narrow = _best(totals, broad=False)
    broad = _best(totals, broad=True)
    phrases = []
    if narrow and narrow[0] >= CATEGORY_MAYBE:
        p, word = narrow
        # The likeliest category is the widest; name a narrower one that is likely too:
        # "a squirrel (a rodent)", "a shark (a fish)".
        finer = sorted(
            (-q, w) for w, q in totals.items() if q >= CATEGORY_MAYBE and narrower(w, word)
        )
        phrase = _a(word) if not finer else f"{_a(finer[0][1])} ({_a(word)})"
        phrases.append(("possibly " if p < SURE else "") + phrase)
    if broad and broad[0] >= SURE and not (narrow and broad[1] in narrow[1]):
        phrases.append(_a(broad[1]))
    return phrases


def _best(totals: dict[str, float], broad: bool) -> tuple[float, str] | None:
    ranked = sorted((-p, w) for w, p in totals.items() if (w in BROAD) == broad)
    return (-ranked[0][0], ranked[0][1]) if ranked else None


def _people(faces) -> list[str]:
    if not faces:
        return []
    if len(faces) == 1:
        if faces[0].height >= PORTRAIT:
            return ["a portrait of a person (a person's face)"]
        return ["a person (a face)"]
    if len(faces) >= GROUP:
        return [f"a group of {len(faces)} people"]
    return [f"{len(faces)} people (faces)"]


def _kind_name(kind: str, seen: Look) -> str:
    if kind == kinds.CHART and seen.round:
        return "pie chart"
    if kind == kinds.LOGO and seen.round:
        return "round logo"
    if kind == kinds.LOGO and seen.hexagon:
        return "hexagon logo"
    return kind


def _tone(kind: str, seen: Look) -> str:
    if seen.black_and_white and kind in (kinds.PHOTO, kinds.DRAWING, kinds.LOGO):
        return "in black and white"
    if seen.grayscale and kind == kinds.PHOTO:
        return "in black and white (grayscale)"
    if seen.grayscale:
        return "in black and white"
    if kind == kinds.PHOTO:
        return "in colour"
    return ""


def appearance(kind: str, seen: Look) -> list[str]:
    """Plain sentences on colour and composition; only what the measurements make clear."""
    out = []
    if not seen.grayscale and seen.colours:
        sentence = "Mostly " + join_words(seen.colours)
        if seen.accents:
            sentence += ", with some " + join_words(seen.accents)
        out.append(sentence + ".")
    scene = kind in _SCENES
    if scene and seen.specks:
        out.append("Countless tiny bright specks (like stars) on a black background.")
    elif scene and seen.silhouette and kind != kinds.LOGO:
        out.append(_silhouette(seen))
    elif scene and seen.subject_colour and not seen.grayscale:
        against = seen.background_colour not in (None, seen.subject_colour)
        if against:
            out.append(
                f"The subject is {seen.subject_colour} against "
                f"{_a(seen.background_colour)} background."
            )
        else:
            out.append(f"The subject is {seen.subject_colour}.")
    said = " ".join(out)
    if seen.background == "dark" and not seen.specks and "black background" not in said:
        out.append("Dark background.")
    elif seen.background == "bright" and scene and "background" not in said:
        out.append(
            "White background." if seen.background_colour == "white" else "Light background."
        )
    if scene and seen.round and kind != kinds.LOGO:
        out.append("The main shape is round (a circle or disc).")
    if seen.hexagon and kind == kinds.LOGO:
        out.append("Shaped as a hexagon, as a sticker is.")
    if scene and seen.count and not (seen.specks or seen.silhouette):
        out.append(_count(seen))
    return out


def _legend(kind: str, seen: Look, boxes: list[TextBox], image: Image.Image) -> list[str]:
    """A chart's legend, its labels with their swatches' colours, as one sentence."""
    if kind != kinds.CHART or not boxes or seen.pixels is None:
        return []
    sentence = legend_sentence(legend_entries(seen.pixels, _scaled(boxes, seen, image)))
    return [sentence] if sentence else []


def _selection(kind: str, seen: Look, boxes: list[TextBox], image: Image.Image) -> list[str]:
    """A screenshot's selected rows, the band that marks each named with its colour."""
    if kind != kinds.SCREENSHOT or not boxes or seen.pixels is None:
        return []
    sentence = selection_sentence(selected_rows(seen.pixels, _scaled(boxes, seen, image)))
    return [sentence] if sentence else []


# Kinds of picture that may show a dialog's check boxes (a screenshot may be taken for a
# chart or a diagram); a photograph or a drawing shows none.
_BOXED = frozenset({kinds.SCREENSHOT, kinds.CHART, kinds.DIAGRAM})


def _marks_told(
    kind: str, boxes: list[TextBox], rgb: np.ndarray | None
) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """A screenshot's check boxes, (label, ticked) each, and radio buttons, (label, selected)
    each, in its RGB pixels (None when there is nothing to look at)."""
    if kind not in _BOXED or rgb is None:
        return [], []
    return mark_states(rgb, boxes)


def _swatches(
    kind: str, boxes: list[TextBox], rgb: np.ndarray | None, marked: list[str]
) -> list[str]:
    """The colours a settings page shows, each with its label, as one sentence, from its RGB
    pixels, where the text reader boxed the labels."""
    if kind != kinds.SCREENSHOT or rgb is None:
        return []  # a chart's coloured labels are its legend's
    sentence = swatch_sentence(colour_swatches(rgb, boxes, marked))
    return [sentence] if sentence else []


def _scaled(boxes: list[TextBox], seen: Look, image: Image.Image) -> list[TextBox]:
    """The boxes, read in the picture's pixels, in those of the detail copy (maybe smaller)."""
    scale = seen.pixels.shape[1] / max(1, image.width)  # type: ignore[union-attr]
    return [TextBox(b.text, tuple(v * scale for v in b.box)) for b in boxes]  # type: ignore[arg-type]


def _silhouette(seen: Look) -> str:
    on = seen.background_colour or ("dark" if seen.background == "dark" else "light")
    if seen.silhouette == "black":
        return f"A solid black silhouette on {_a(on)} background."
    return f"A solid white shape (a silhouette) on {_a(on)} background."


def _count(seen: Look) -> str:
    n = seen.count or 0
    sentence = f"{n} separate objects" if n <= 5 else f"About {n} separate objects"
    if seen.rows:
        rows, per_row = seen.rows
        sentence += f", in {rows} rows of {per_row}"
    return sentence[0].upper() + sentence[1:] + "."
