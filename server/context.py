"""What a request handler needs from the application: the service and the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import current_app

if TYPE_CHECKING:
    from rag.service import RagService
    from rag.settings import Settings


def rag() -> RagService:
    return current_app.extensions["rag"]


def settings() -> Settings:
    return current_app.extensions["settings"]
