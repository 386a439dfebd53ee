"""Image loader: PNG, JPEG, WebP, TIFF, BMP and the first frame of a GIF."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ingest.document import LoadedDocument, PageImage
from rag.errors import CorruptFileError, FileTooLargeError


def load_image(path: Path, data: bytes, *, max_pixels: int) -> LoadedDocument:
    name = str(path)
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if width * height > max_pixels:
            raise FileTooLargeError(
                name,
                f"{width}x{height} pixels is over the limit of {max_pixels} (RAG_MAX_IMAGE_PIXELS)",
            )
        image.seek(0)  # the first frame of an animation
        image.load()
        picture = image.convert("RGB")
    except FileTooLargeError:
        raise
    except UnidentifiedImageError as exc:
        raise CorruptFileError(name, "not a readable image (unknown or damaged format)") from exc
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        reason = "truncated image" if "truncated" in str(exc) else f"damaged image ({exc})"
        raise CorruptFileError(name, reason) from exc
    return LoadedDocument(
        kind="image",
        title=path.stem,
        parts=iter([PageImage(picture, page=None, name=path.name)]),
        pages=0,
        info={"size": f"{width}x{height}"},
    )
