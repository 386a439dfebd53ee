"""Slash commands (``/ask how long is the warranty?``): acknowledged at once, answered later
to the command's ``response_url``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from server.slack.bot import BUSY, TOO_LONG, USAGE, SlackBot

WORKING = "Working on it…"


def handle_command(form: Mapping[str, str], bot: SlackBot, service: Any) -> dict[str, Any]:
    """The immediate, ephemeral reply; the answer follows from a worker."""
    question = " ".join((form.get("text") or "").split())
    response_url = form.get("response_url") or ""
    if not question:
        return _ephemeral(USAGE.format(command=form.get("command") or "/ask"))
    limit = bot.settings.max_question_chars
    if len(question) > limit:
        return _ephemeral(TOO_LONG.format(length=len(question), limit=limit))
    if not response_url.startswith(("https://", "http://")):
        return _ephemeral("This command came without a response_url, so I cannot answer it.")
    if not bot.ask_for_command(service, question, response_url, form.get("channel_id")):
        return _ephemeral(BUSY)
    return _ephemeral(WORKING)


def _ephemeral(text: str) -> dict[str, Any]:
    return {"response_type": "ephemeral", "text": text}
