"""Plain colour words for pixels: the eleven basic colour terms people ask with.

A fixed table over HSV (hue in degrees, saturation and value in 0..1): no training, the same
answer on every run. Brown is a dark, not very saturated orange or red; pink a light red or
magenta; white, gray and black are the colourless pixels split by brightness.
"""

from __future__ import annotations

import cv2
import numpy as np

NAMES = (
    "black",
    "gray",
    "white",
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "purple",
    "pink",
    "brown",
)
BLACK, GRAY, WHITE, RED, ORANGE, YELLOW, GREEN, BLUE, PURPLE, PINK, BROWN = range(len(NAMES))
COLOURLESS = frozenset({BLACK, GRAY, WHITE})

# Hue bands (upper bound in degrees, name) for saturated, bright-enough pixels.
HUE_BANDS = ((24, RED), (40, ORANGE), (68, YELLOW), (180, GREEN), (255, BLUE), (285, PURPLE))
DARK = 0.2  # value below which any pixel reads as black
PALE = 0.18  # saturation below which a pixel reads as white, gray or black


def hsv(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hue in degrees, saturation and value in 0..1, for an (H, W, 3) uint8 RGB array."""
    converted = cv2.cvtColor(rgb.astype(np.float32) * (1.0 / 255.0), cv2.COLOR_RGB2HSV)
    return converted[..., 0], converted[..., 1], converted[..., 2]


def name_pixels(rgb: np.ndarray) -> np.ndarray:
    """An index into NAMES for every pixel of an (H, W, 3) uint8 RGB array."""
    return name_hsv(*hsv(rgb))


def name_hsv(hue: np.ndarray, sat: np.ndarray, val: np.ndarray) -> np.ndarray:
    """An index into NAMES for every pixel, from its hue, saturation and value."""
    names = np.full(hue.shape, PINK, dtype=np.int8)  # hue 285..330: magenta reads as pink
    for upper, name in reversed(HUE_BANDS):
        names[hue < upper] = name
    names[(hue >= 330) & ((sat >= 0.6) | (val < 0.6))] = RED  # crimson; pale ones stay pink
    warm = (hue < 45) | (hue >= 345)
    # Dark warm colours are brown (and light, pale reds are pink) in everyday words.
    dim = ((val < 0.62) & (sat < 0.85)) | ((val < 0.8) & (sat < 0.6))
    names[warm & dim & (val >= DARK)] = BROWN
    names[(hue >= 45) & (hue < 68) & (val < 0.55)] = GREEN  # dark yellow is olive
    names[((hue < 12) | (hue >= 330)) & (sat < 0.5) & (val > 0.75)] = PINK
    pale = sat < PALE
    names[pale & (val >= 0.8)] = WHITE
    names[pale & (val < 0.8)] = GRAY
    names[val < DARK] = BLACK
    # A dim pixel with little colour is black, not "dark gray": photographs shade into it.
    names[(val < 0.3) & (sat < 0.35)] = BLACK
    return names


def shares(names: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """The share of each colour name among the pixels (optionally weighted), summing to 1."""
    counts = np.bincount(
        names.ravel(), weights=None if weights is None else weights.ravel(), minlength=len(NAMES)
    ).astype(np.float64)
    total = counts.sum()
    return counts / total if total else counts


def dominant(share: np.ndarray, minimum: float = 0.12, most: int = 3) -> list[str]:
    """The main colour words, largest share first."""
    order = np.argsort(-share, kind="stable")
    return [NAMES[i] for i in order[:most] if share[i] >= minimum]
