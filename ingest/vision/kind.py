"""The kind of picture: photograph, drawing, chart, screenshot, page of text, logo or diagram.

Decided from cheap measurements (see look.py) and the amount of text OCR found, in a fixed
order of rules. Photographs have sensor and JPEG noise; what is drawn on a computer is flat
between sharp edges. Among drawn pictures, text density, axes, colour and straight edges tell
the kinds apart.
"""

from __future__ import annotations

import re

import cv2
import numpy as np
from PIL import Image

from ingest.vision.look import Look, shrink

PHOTO = "photograph"
DRAWING = "drawing"
CHART = "chart"
SCREENSHOT = "screenshot"
TEXT = "page of text"
LOGO = "logo"
DIAGRAM = "diagram"

NOISY = 0.15  # share of slightly noisy pixels from which a picture is a photograph
SCREEN_ADDRESS = re.compile(
    r"https?://|www\.|\b(?:localhost|127\.0\.0\.1)\b|\b[\w-]+\.(?:com|org|net|io)\b"
)
MENU_WORDS = frozenset(["File", "Edit", "View", "Help", "Tools", "Window", "Insert", "Format"])
# A program's window says so in the text read from it: a menu bar ("Game Settings Help"), a
# dialog's buttons ("Help Defaults OK Apply Cancel"), a title bar's window buttons ("Swell
# Foop 三 ×": the menu and close icons read as characters), or a status bar of labelled
# figures ("Moves: -2 Time: 00:34").
MENU_BAR_WORDS = MENU_WORDS | {"Game", "Settings", "Options", "Go", "Bookmarks", "History"}
DIALOG_BUTTONS = frozenset(["OK", "Cancel", "Apply", "Save", "Defaults", "Close", "Reset", "Help"])
WINDOW_BUTTONS = re.compile(r"\S\s+(?:[三≡☰]\s*[x×✕]?|[×✕])$")
STATUS_FIELD = re.compile(r"\b[A-Z][a-z]+:\s?-?\d")
BAR_MAX_WORDS = 8  # a menu bar's or a button row's line: "Help" in a sentence is no menu
# A page of text: lines of prose (this many words or more), and enough of them.
PROSE_WORDS = 5
PROSE_LINES = 8
AXIS_LENGTH = 0.4  # an axis spans at least this share of the picture's width or height
# Characters read per 10,000 pixels from which a framed picture's text is a window's: a plot
# has a title, axis titles and tick labels (about 1-3), a dialog a label on every line.
WINDOW_DENSITY = 3.0


def picture_kind(image: Image.Image, look: Look, text: str) -> str:
    density = text_density(image, text)
    # Scans and photographs of printed pages are noisy, but full of text.
    if density >= 35 and (look.grayscale or look.chromatic_share < 0.05):
        return TEXT
    if _window_text(text):
        return SCREENSHOT
    if look.hexagon:
        return LOGO  # a hex sticker, whatever is drawn on it
    if look.noise_share >= NOISY and look.grayscale and _prose_lines(text) >= PROSE_LINES:
        return TEXT  # a page scanned in grey: noisy as a photograph is, but lines of prose
    if look.noise_share >= NOISY or look.specks:
        # A photograph shown in a program's window is a screenshot.
        if density >= 3 and _window(look):
            return SCREENSHOT
        # A plot saved as a JPEG or scanned is as noisy as a photograph; its text is tick
        # labels and axis titles, which no photograph reads as.
        return CHART if not look.specks and _tick_labels(text) else PHOTO
    if has_axes(look) and not _framed_window(look, text, density):
        return CHART
    if _is_pie(look) or _numbered(text, density):
        return CHART
    if _is_logo(image, look, text):
        return LOGO
    # A diagram, a screen or a chart has words; a drawing may have a few.
    if density < 1 or (density < 2 and look.straight_edges < 0.4):
        return DRAWING
    if _screen_words(text):
        return SCREENSHOT
    if not _window(look):
        return DIAGRAM
    # A plot drawn on a grey panel (ggplot2's) has a window's greys, and little but numbers.
    return CHART if _tick_labels(text) else SCREENSHOT


def text_density(image: Image.Image, text: str) -> float:
    """Characters read per 10,000 pixels (of the picture at up to 1000 px a side)."""
    chars = sum(1 for c in text if not c.isspace())
    scale = min(1.0, 1000 / max(image.size))
    area = image.width * image.height * scale * scale
    return chars / max(area / 10_000, 1.0)


def _framed_window(look: Look, text: str, density: float) -> bool:
    """A dialog's frame and its group boxes meet at a corner as a plot's axes do. Its text
    tells it apart: labels and sentences, wordier than a plot's, and no tick labels among
    them, on a window's greys."""
    return density >= WINDOW_DENSITY and not _tick_labels(text) and _window(look)


def _numbered(text: str, density: float) -> bool:
    """Little text, mostly numbers: the tick labels of a plot without plain axes (3-D, boxed)."""
    chars = [c for c in text if not c.isspace()]
    digits = sum(c.isdigit() for c in chars)
    return digits >= 8 and digits >= 0.3 * len(chars) and density <= 8


def _window(look: Look) -> bool:
    """The grays of a program's window: panels and toolbars (light), dark themes, or a title
    or tab bar across the top."""
    rgb = shrink(look.pixels, 256)
    chroma = rgb.max(axis=-1).astype(np.int16) - rgb.min(axis=-1)
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    plain = chroma < 20
    light = (plain & (gray >= 180) & (gray < 245)).mean()
    dark = (plain & (gray >= 15) & (gray < 90)).mean()
    band = max(3, round(0.06 * gray.shape[0]))
    top = gray[:band]
    bar = (top < 245).mean() >= 0.85 and np.std(np.median(top, axis=1)) < 12
    return bool(light >= 0.2 or dark >= 0.3 or bar)


def _screen_words(text: str) -> bool:
    """An address bar or a program's menu: a web page or a program on screen."""
    if SCREEN_ADDRESS.search(text):
        return True
    return len(MENU_WORDS & set(re.findall(r"[A-Za-z]+", text))) >= 3


def program_window(text: str) -> bool:
    """Text read from a program's window rather than a web page: the window's own text
    (``_window_text``) and no web address."""
    return _window_text(text) and not SCREEN_ADDRESS.search(text)


def _window_text(text: str) -> bool:
    """Text only a program's window shows: a menu bar, a dialog's buttons, a title bar's
    window buttons or a status bar (see MENU_BAR_WORDS and the patterns beside it)."""
    for line in text.split("\n"):
        words = line.split()
        menus = MENU_BAR_WORDS.intersection(words)
        if len(words) <= BAR_MAX_WORDS and len(menus) >= 2 and menus & {"File", "Help"}:
            return True
        if len(words) <= BAR_MAX_WORDS and len(DIALOG_BUTTONS.intersection(words)) >= 2:
            return True
        if len(words) >= 2 and WINDOW_BUTTONS.search(line.strip()):
            return True
        if len(STATUS_FIELD.findall(line)) >= 2:
            return True
    return False


NUMBER = re.compile(r"[-−+]?\d+(?:[.,]\d+)?(?:%|[A-Za-zµ]{1,3})?")
TICK_NUMBERS = 4


def _tick_labels(text: str) -> bool:
    """Short lines (a word or two: axis titles, legend keys) and numbers among them (the tick
    labels), as a plot's text reads; a window's text has longer lines."""
    lines = [line.split() for line in text.split("\n") if line.strip()]
    if not lines:
        return False
    numbers = sum(bool(NUMBER.fullmatch(word)) for words in lines for word in words)
    short = sorted(len(words) for words in lines)[len(lines) // 2] <= 2
    return short and numbers >= TICK_NUMBERS


def _prose_lines(text: str) -> int:
    return sum(len(line.split()) >= PROSE_WORDS for line in text.split("\n"))


def _is_pie(look: Look) -> bool:
    return look.round and look.colour_count >= 4 and look.flat_share > 0.6


def _is_logo(image: Image.Image, look: Look, text: str) -> bool:
    """A single coloured emblem, on a transparent or plain background, with little text."""
    if len(text) > 40 or max(image.size) / max(1, min(image.size)) > 2.5:
        return False
    if look.transparent >= 0.1 and look.foreground_share > 0.02:
        return True
    return bool(
        look.clean_background
        and max(image.size) <= 512
        and max(image.size) / min(image.size) <= 1.5
        and look.colour_count <= 4
        and look.chromatic_share >= 0.05
        and look.silhouette is None
        and look.count is None
        and (look.round or 0.05 <= look.foreground_share <= 0.7)
    )


def has_axes(look: Look) -> bool:
    """A long horizontal line low in the picture meeting a long vertical line at its left,
    with coloured marks (bars, lines, dots) between them: a plot's axes."""
    # The detail copy as it is: shrunk further, a one-pixel axis line blurs into grey and is
    # lost.
    rgb = look.pixels
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    ink = (gray < 150).astype(np.uint8)
    h, w = ink.shape
    horizontal = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (int(w * AXIS_LENGTH), 1))
    )
    vertical = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(h * AXIS_LENGTH)))
    )
    rows = np.nonzero(horizontal.any(axis=1))[0]
    cols = np.nonzero(vertical.any(axis=0))[0]
    low_rows = rows[rows >= h * 0.5]
    left_cols = cols[cols <= w * 0.5]
    if not len(low_rows) or not len(left_cols):
        return False
    bottom, left = int(low_rows.max()), int(left_cols.min())
    # The two lines meet: the vertical one reaches down to the horizontal one.
    if not vertical[max(0, bottom - 3) : bottom + 1, left].any():
        return False
    top = int(np.nonzero(vertical[:, left])[0].min())
    inside = rgb[top + 2 : bottom - 1, left + 2 :]
    if inside.size == 0:
        return False
    hsv = cv2.cvtColor(inside, cv2.COLOR_RGB2HSV)
    marks = (hsv[..., 1] > 80) & (hsv[..., 2] > 60)
    return bool(marks.mean() >= 0.01)
