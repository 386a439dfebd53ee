"""Client errors that name the offending field, as OpenAI's ``param`` and ``code`` do."""

from __future__ import annotations

from werkzeug.exceptions import BadRequest, NotFound


class InvalidRequest(BadRequest):
    """A 400 that names the offending field, as OpenAI's errors do."""

    def __init__(self, message: str, param: str | None = None, error_code: str | None = None):
        super().__init__(message)
        self.param = param
        self.error_code = error_code


class ModelNotFound(NotFound):
    param = "model"
    error_code = "model_not_found"
