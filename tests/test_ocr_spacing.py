"""OCR keeps words apart: missed spaces come back from the recogniser's own frame
probabilities, a lexicon settles the doubtful gaps, and backends are chosen by name."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.vision import ocr as ocr_module
from ingest.vision.ocr import RapidOcr, TesseractOcr, create_ocr, fit
from ingest.vision.ocr_spacing import SpacedCtcDecoder, join_line, lexicon
from rag.errors import ConfigError, ModelError

WORDS = {
    w: rank
    for rank, w in enumerate(
        [
            "the",
            "of",
            "in",
            "a",
            "to",
            "from",
            "three",
            "high",
            "per",
            "region",
            "service",
            "selection",
            "fell",
            "agent",
            "use",
            "percent",
            "level",
            "low",
            "report",
            "quarterly",
            "nt",
            "perce",
            "ship",
            "ping",
            "shipping",
        ]
    )
}


def pieces(spec: str) -> list[str | float]:
    """'ab[0.3]c' -> ['a', 'b', 0.3, 'c']: characters, and a gap's space probability."""
    out: list[str | float] = []
    i = 0
    while i < len(spec):
        if spec[i] == "[":
            end = spec.index("]", i)
            out.append(float(spec[i + 1 : end]))
            i = end + 1
        else:
            out.append(spec[i])
            i += 1
    return out


@pytest.mark.parametrize(
    "spec, expected",
    [
        # A clear gap is a space, whatever the letters around it.
        ("inspiration[0.41]from", "inspiration from"),
        ("projects,[0.26]final", "projects, final"),
        ("topics.[0.42]Wherever", "topics. Wherever"),
        # Weak evidence, two words that make no word together: a space.
        ("service[0.13]per[0.09]region", "service per region"),
        # Moderate evidence, one side a word (a name on the other): a space.
        ("in[0.18]Avonlea", "in Avonlea"),
        # Weak evidence inside a word stays joined.
        ("Sele[0.04]ction", "Selection"),
        ("fe[0.03]ll", "fell"),
        ("ssh-age[0.14]nt", "ssh-agent"),
        # Digits, serial numbers and identifiers are left alone unless the gap is clear.
        ("ISO-781[0.11]6", "ISO-7816"),
        ("x86[0.25]_64", "x86_64"),
        # Below the weak threshold nothing happens.
        ("three[0.01]high", "threehigh"),
    ],
)
def test_gaps_become_spaces(spec, expected):
    assert join_line(pieces(spec), WORDS) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("The wareho use moved", "The warehouse moved"),  # a fragment that is no word
        ("eleven perce nt after", "eleven percent after"),  # a whole more common than its parts
        ("log in to the server", "log in to the server"),  # "into" is rarer than "to"
        ("Ship ping costs", "Ship ping costs"),  # "ship" is commoner than "shipping"
    ],
)
def test_spaces_inside_words_are_merged_only_when_the_lexicon_is_sure(line, expected):
    words = dict(WORDS, warehouse=5000, percent=10, into=60, log=900, server=700)
    assert join_line(list(line), words) == expected


def test_the_lexicon_ships_with_wordninja():
    words = lexicon()
    assert len(words) > 100_000
    assert "rainfall" in words and words["the"] < words["rainfall"]


class _Base:
    """Stands in for rapidocr's CTCLabelDecode: blank first, space last."""

    def __init__(self) -> None:
        self.character = ["blank", *"abcdefghijklmnopqrstuvwxyz", " "]
        self.calls = 0

    def __call__(self, preds, return_word_box=False, **kwargs):
        self.calls += 1
        return [("base", 1.0)] * len(preds)


def frames(base: _Base, spec: list[tuple[str, float]]) -> np.ndarray:
    """One frame per (class, probability): the rest of the mass on blank; a float class is
    a blank frame with that much probability on space."""
    classes = len(base.character)
    out = np.zeros((len(spec), classes), dtype=np.float32)
    for t, (char, p) in enumerate(spec):
        if char == "_":
            out[t, classes - 1] = p
            out[t, 0] = 1 - p
        else:
            out[t, base.character.index(char)] = p
            out[t, 0] = 1 - p
    return out


def test_the_decoder_reads_space_probability_from_blank_frames():
    base = _Base()
    decoder = SpacedCtcDecoder(base)
    # "low", two blank frames that give space 0.1 and 0.35, "level".
    spec = [("l", 0.9), ("o", 0.9), ("w", 0.9), ("_", 0.1), ("_", 0.35)]
    spec += [("l", 0.9), ("e", 0.8), ("v", 0.9), ("e", 0.9), ("l", 0.9)]
    [(text, confidence)] = decoder(frames(base, spec)[None])
    assert text == "low level"
    assert confidence == pytest.approx(np.mean([0.9, 0.9, 0.9, 0.9, 0.8, 0.9, 0.9, 0.9]))
    assert base.calls == 0
    decoder(frames(base, spec)[None], return_word_box=True)  # word boxes: the library decodes
    assert base.calls == 1


def test_the_decoder_collapses_repeats_but_not_across_a_blank():
    base = _Base()
    spec = [("a", 0.9), ("l", 0.9), ("l", 0.9), ("_", 0.0), ("l", 0.9)]
    assert SpacedCtcDecoder(base).decode(frames(base, spec))[0] == "all"


def test_the_decoder_handles_an_empty_line():
    base = _Base()
    assert SpacedCtcDecoder(base).decode(np.eye(len(base.character))[[0, 0, 0]]) == ("", 0.0)


def test_fit_bounds_pixels_and_enlarges_only_when_asked():
    big = Image.new("RGB", (4000, 3000))
    fitted = fit(big, upscale_below=0, max_pixels=4_000_000)
    assert (
        fitted.width * fitted.height <= 4_000_000
        and fitted.width / fitted.height == pytest.approx(4 / 3, rel=0.01)
    )
    small = Image.new("RGBA", (300, 200))
    assert fit(small, upscale_below=0, max_pixels=4_000_000).size == (300, 200)
    assert fit(small, upscale_below=800, max_pixels=4_000_000).size == (600, 400)
    assert fit(small, upscale_below=800, max_pixels=90_000).size == (367, 245)
    assert fit(small, upscale_below=0, max_pixels=4_000_000).mode == "RGB"


def test_backends_by_name():
    assert isinstance(create_ocr("rapidocr", 1), RapidOcr)
    tesseract = create_ocr("tesseract", 2)
    assert isinstance(tesseract, TesseractOcr) and tesseract.threads == 2
    with pytest.raises(ConfigError, match="rapidocr, tesseract"):
        create_ocr("easyocr", 1)


def test_tesseract_missing_says_what_to_install(monkeypatch):
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: None)
    with pytest.raises(ModelError, match="apt-get install tesseract-ocr"):
        TesseractOcr().read(Image.new("RGB", (50, 50), "white"))


def title(words: str, size: int = 20, bold: bool = True) -> Image.Image:
    """A heading as a screenshot shows it: bold DejaVu, tight letters."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    font = ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/{name}", size)
    image = Image.new("RGB", (640, 120), "white")
    ImageDraw.Draw(image).text((30, 40), words, font=font, fill="black")
    return image


@pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Debian's tesseract-ocr is not installed"
)
def test_tesseract_reads_rendered_text():
    text = TesseractOcr().read(title("Quarterly report draft", bold=False))
    assert "Quarterly report draft" in text


@pytest.fixture(scope="module")
def rapid():
    return RapidOcr(threads=1)


@pytest.mark.models
def test_rapidocr_keeps_the_words_of_a_bold_title_apart(rapid):
    # Greedy decoding reads this heading as "Quarterlyreportdraft".
    assert rapid.read(title("Quarterly report draft")) == "Quarterly report draft"


@pytest.mark.models
def test_rapidocr_reads_a_small_chart_title_axis_labels_and_ticks(rapid):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6.4, 4.8), dpi=75)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    axes.plot(months, [81, 62, 70, 55, 48, 40], label="North station")
    axes.plot(months, [60, 58, 49, 45, 38, 31], label="South station")
    axes.set_title("Monthly rainfall in Avonlea")
    axes.set_ylabel("Rainfall (mm)")
    axes.legend()
    figure.tight_layout()
    canvas = figure.canvas
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("RGB")
    plt.close(figure)

    text = rapid.read(image)
    assert "Monthly rainfall in Avonlea" in text
    assert "North station" in text and "South station" in text
    # The y-axis label reads bottom to top; the orientation check keeps "(mm)" upright and
    # a tick label such as "80" from being turned into "08".
    assert "(mm)" in text and "80" in text.split()
    assert all(month in text for month in months)
