"""Pictures sent with a question: a data URL (or bare base64) read like an ingested image."""

from __future__ import annotations

import base64
import binascii
import re

from PIL import Image
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from rag.errors import FileTooLargeError, IngestError
from server.context import rag

_DATA_URL = re.compile(r"^data:(?P<type>[\w.+-]+/[\w.+-]+)?(?:;[\w-]+=[^;,]*)*;base64,", re.I)


def decode_image(value: object, *, field: str, max_pixels: int) -> Image.Image:
    """``data:image/png;base64,...`` -> RGB picture; anything else is a 400 saying why."""
    if not isinstance(value, str) or not value.strip():
        raise BadRequest(f"'{field}' must be a data URL like data:image/png;base64,...")
    value = value.strip()
    if value.startswith(("http://", "https://")):
        raise BadRequest(
            f"'{field}' must carry the picture as a data URL (data:image/png;base64,...): "
            "the server does not fetch URLs"
        )
    match = _DATA_URL.match(value)
    payload = value[match.end() :] if match else value
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise BadRequest(f"'{field}' is not valid base64") from None
    if not data:
        raise BadRequest(f"'{field}' is empty")
    try:
        return rag().read_picture(data, field, max_pixels=max_pixels)
    except FileTooLargeError as exc:
        raise RequestEntityTooLarge(f"'{field}': {exc.reason}") from None
    except IngestError as exc:
        raise BadRequest(f"'{field}': {exc.reason}") from None
