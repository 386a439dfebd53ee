"""Turn a picture into text that can be embedded and quoted: labels plus the text it shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from ingest.vision.labels import Labeler
from ingest.vision.ocr import Ocr

# OCR of very large images is slow and no more accurate: bound the longest side.
MAX_OCR_SIDE = 2000


@dataclass(frozen=True)
class ImageDescription:
    labels: list[str]
    text: str
    glosses: list[str] = field(default_factory=list)  # parallel to labels; "" when unknown

    def render(self) -> str:
        parts = []
        if self.labels:
            shown = [
                f"{label} ({gloss[0].lower()}{gloss[1:]})" if gloss else label
                for label, gloss in zip(
                    self.labels, self.glosses or [""] * len(self.labels), strict=True
                )
            ]
            parts.append("Image showing " + ", ".join(shown) + ".")
        else:
            parts.append("Image.")
        if self.text:
            parts.append("Text in the image:\n" + self.text)
        return "\n".join(parts)


class ImageDescriber:
    def __init__(self, ocr: Ocr, labeler: Labeler | None, top_k: int = 3) -> None:
        self.ocr = ocr
        self.labeler = labeler
        self.top_k = top_k

    def describe(self, image: Image.Image) -> ImageDescription:
        labels: list[str] = []
        glosses: list[str] = []
        if self.labeler is not None and self.top_k:
            labels = [name for name, _ in self.labeler.labels(image, self.top_k)]
            glosses = [self.labeler.gloss(name) for name in labels]
        return ImageDescription(labels=labels, text=self.read_text(image), glosses=glosses)

    def read_text(self, image: Image.Image) -> str:
        if max(image.size) > MAX_OCR_SIDE:
            image = image.copy()
            image.thumbnail((MAX_OCR_SIDE, MAX_OCR_SIDE))
        return self.ocr.read(image).strip()
