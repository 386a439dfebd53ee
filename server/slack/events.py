"""The Events API: which deliveries are questions, and what the question is.

Questions are ``app_mention`` events and direct messages (``message`` in an ``im`` channel).
Messages from bots (this one included), edits, deletions and other subtypes are not.
"""

from __future__ import annotations

import html
import re
from typing import Any

from server.slack.bot import MENTION_USAGE, TOO_LONG, SlackBot, Thread

QUESTION_SUBTYPES = {None, "thread_broadcast"}  # a reply also sent to the channel is a message
_LINK = re.compile(r"<([^<>|]+)(?:\|([^<>]*))?>")


def handle_event(payload: dict[str, Any], bot: SlackBot, service: Any) -> dict[str, Any]:
    """What to answer Slack right now; a question goes to the bot's workers."""
    if payload.get("type") == "url_verification":
        return {"challenge": str(payload.get("challenge", ""))}
    if payload.get("type") != "event_callback":
        return {}
    event = payload.get("event")
    bot_users = _bot_users(payload)
    if not isinstance(event, dict) or not _is_question(event, bot_users):
        return {}
    thread = Thread(
        team=str(payload.get("team_id") or event.get("team") or ""),
        channel=str(event["channel"]),
        ts=str(event.get("thread_ts") or event["ts"]),
    )
    # A retry (X-Slack-Retry-Num) repeats the event_id; a message delivered as two events
    # (a mention in a DM) repeats channel and ts.
    keys = [("message", thread.channel, str(event["ts"]))]
    if payload.get("event_id"):
        keys.append(("event", str(payload["event_id"])))
    if not bot.deliveries.add(*keys):
        return {}
    question = question_text(str(event.get("text") or ""), bot_users)
    limit = bot.settings.max_question_chars
    if not question:
        bot.tell(thread, MENTION_USAGE)
    elif len(question) > limit:
        bot.tell(thread, TOO_LONG.format(length=len(question), limit=limit))
    else:
        bot.ask_in_thread(service, question, thread)
    return {}


def _is_question(event: dict[str, Any], bot_users: set[str]) -> bool:
    kind = event.get("type")
    if kind == "message" and event.get("channel_type") != "im":
        return False
    if kind not in ("app_mention", "message"):
        return False
    if event.get("subtype") not in QUESTION_SUBTYPES or event.get("bot_id"):
        return False
    if event.get("user") in bot_users or not event.get("user"):
        return False
    return bool(event.get("channel") and event.get("ts"))


def _bot_users(payload: dict[str, Any]) -> set[str]:
    """The bot's own user ids, from the ``authorizations`` Slack sends with each event."""
    authorizations = payload.get("authorizations") or []
    return {
        str(a["user_id"])
        for a in authorizations
        if isinstance(a, dict) and a.get("is_bot", True) and a.get("user_id")
    }


def question_text(text: str, bot_users: set[str]) -> str:
    """Slack message text as a plain question: the bot's mention removed, links as their
    labels, ``&amp;`` and friends decoded."""

    def plain(match: re.Match) -> str:
        target, label = match.group(1), match.group(2)
        if target.startswith("@") and target[1:] in bot_users:
            return ""
        return label or target

    if not bot_users:  # an unknown bot id: a mention that opens the text is the bot's
        text = re.sub(r"^\s*<@[^<>]+>", "", text)
    return html.unescape(" ".join(_LINK.sub(plain, text).split()))
