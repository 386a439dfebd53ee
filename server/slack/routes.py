"""``POST /slack/events`` and ``POST /slack/commands``: verify, parse, hand over, acknowledge.

These routes do not take the product's API keys: Slack signs each request instead.
"""

from __future__ import annotations

import hashlib

from flask import Blueprint, current_app, jsonify, request
from werkzeug.exceptions import BadRequest, ServiceUnavailable

from server import context
from server.jsonbody import parse_json
from server.slack.bot import REPEATED, SlackBot
from server.slack.commands import handle_command
from server.slack.events import handle_event
from server.slack.verify import verify_signature

slack = Blueprint("slack", __name__, url_prefix="/slack")


def _bot() -> SlackBot:
    bot = current_app.extensions.get("slack")
    if bot is None:
        s = context.settings()
        missing = [
            name
            for name, value in (
                ("RAG_SLACK_SIGNING_SECRET", s.slack_signing_secret),
                ("RAG_SLACK_BOT_TOKEN", s.slack_bot_token),
            )
            if not value
        ]
        raise ServiceUnavailable(
            f"the Slack bot is off: set {' and '.join(missing)} (from the Slack app's settings) "
            "and restart the server"
        )
    return bot


@slack.before_request
def check_request() -> None:
    bot = _bot()
    verify_signature(bot.settings.slack_signing_secret or "", request.get_data(), request.headers)


@slack.post("/events")
def events():
    payload = parse_json(request.get_data())
    if not isinstance(payload, dict):
        raise BadRequest("the body of a Slack event must be a JSON object")
    reply = handle_event(payload, _bot(), context.rag())
    return jsonify(reply) if reply else ("", 200)


@slack.post("/commands")
def commands():
    bot = _bot()
    # Slack sends each command once (it never retries them): the same signed body with the
    # same timestamp again is a replay, answered without asking again.
    digest = hashlib.sha256(request.get_data()).hexdigest()
    timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
    if not bot.commands.add(("command", timestamp, digest)):
        return jsonify({"response_type": "ephemeral", "text": REPEATED})
    return jsonify(handle_command(request.form, bot, context.rag()))
