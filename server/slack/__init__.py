"""The Slack bot: mentions, direct messages and a slash command answered from the documents.

``register_slack`` adds ``/slack/events`` and ``/slack/commands`` to the app. With both
``RAG_SLACK_SIGNING_SECRET`` and ``RAG_SLACK_BOT_TOKEN`` set they answer; without them they
say which setting is missing (503) and do nothing else.
"""

from __future__ import annotations

from flask import Flask

from rag.settings import Settings


def register_slack(app: Flask, settings: Settings) -> None:
    from server.slack.bot import SlackBot
    from server.slack.routes import slack

    enabled = bool(settings.slack_signing_secret and settings.slack_bot_token)
    app.extensions["slack"] = SlackBot(settings) if enabled else None
    app.register_blueprint(slack)


__all__ = ["register_slack"]
