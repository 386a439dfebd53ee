"""The Slack bot over Socket Mode (``rag slack``): Slack delivers events through a websocket the
bot opens, so it needs no public HTTPS address, no signing secret and no proxy in front.

The deliveries are the ones the HTTP endpoints receive (an Events API ``event_callback``, a slash
command's form) wrapped in an envelope; each envelope is acknowledged at once with its
``envelope_id`` and handed to the same handlers, so mentions, direct messages, threads, retries
and the busy reply behave as they do over HTTP.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from rag.errors import ConfigError, RagError
from rag.settings import Settings
from server.slack.bot import SlackBot
from server.slack.clients import TIMEOUT_S, retry_handlers
from server.slack.commands import handle_command
from server.slack.events import handle_event

log = logging.getLogger(__name__)

APP_TOKEN_PREFIX = "xapp-"
# `rag slack` touches DATA_DIR/HEARTBEAT_FILE while connected; the compose health check reads it.
HEARTBEAT_FILE = "slack-socket-mode.alive"
HEARTBEAT_EVERY_S = 10.0


class SlackConnectError(RagError):
    """The Socket Mode connection could not be opened."""


def check_socket_mode_settings(settings: Settings) -> None:
    """Both tokens, each of its kind: a precise message instead of a refused connection."""
    app_token, bot_token = settings.slack_app_token, settings.slack_bot_token
    if not app_token:
        raise ConfigError(
            "Socket Mode needs an app-level token: set RAG_SLACK_APP_TOKEN to the xapp-... token "
            "from the Slack app's Basic Information -> App-Level Tokens (scope connections:write)"
        )
    if not app_token.startswith(APP_TOKEN_PREFIX):
        raise ConfigError(
            f"RAG_SLACK_APP_TOKEN must be an app-level token (xapp-...), not one starting with "
            f"{app_token[:5]!r}: the bot token (xoxb-...) goes in RAG_SLACK_BOT_TOKEN"
        )
    if not bot_token:
        raise ConfigError(
            "the Slack bot posts its answers with its bot token: set RAG_SLACK_BOT_TOKEN to the "
            "Bot User OAuth Token (xoxb-...)"
        )
    if bot_token.startswith(APP_TOKEN_PREFIX):
        raise ConfigError(
            "RAG_SLACK_BOT_TOKEN holds an app-level token (xapp-...): it goes in "
            "RAG_SLACK_APP_TOKEN, and the bot token (xoxb-...) in RAG_SLACK_BOT_TOKEN"
        )


class SocketModeBot:
    """Receives Slack's envelopes on a websocket and answers through a ``SlackBot``."""

    def __init__(
        self,
        settings: Settings,
        service: Any,
        *,
        bot: SlackBot | None = None,
        ping_interval: float = 10,
    ) -> None:
        check_socket_mode_settings(settings)
        self.settings = settings
        self.service = service
        self.bot = bot or SlackBot(settings)
        # apps.connections.open is a Web API call made with the app-level token.
        web = WebClient(
            base_url=settings.slack_api_url, timeout=TIMEOUT_S, retry_handlers=retry_handlers()
        )
        self.client = SocketModeClient(
            app_token=settings.slack_app_token or "",
            web_client=web,
            ping_interval=ping_interval,
            logger=logging.getLogger("slack_sdk.socket_mode"),
        )
        self.client.socket_mode_request_listeners.append(self._on_request)

    def connect(self) -> None:
        """Open the websocket (Slack's apps.connections.open, then the socket); reconnects on
        Slack's ``disconnect`` and on a dropped connection are the client's."""
        try:
            self.client.connect()
        except SlackApiError as exc:
            error = exc.response.get("error") if exc.response is not None else None
            raise SlackConnectError(
                f"Slack refused to open a Socket Mode connection ({error or exc}): check that "
                "RAG_SLACK_APP_TOKEN is the app's xapp-... token with connections:write and that "
                "Socket Mode is on in the app's settings"
            ) from exc
        except OSError as exc:
            raise SlackConnectError(f"cannot reach Slack's Socket Mode endpoint: {exc}") from exc

    def run(
        self,
        stop: threading.Event,
        *,
        heartbeat: Path | None = None,
        every_s: float = HEARTBEAT_EVERY_S,
    ) -> None:
        """Connect and answer until ``stop`` is set; then close. While the websocket is open,
        ``heartbeat`` is touched every ``every_s`` seconds, for a container's health check."""
        try:
            self.connect()
            if heartbeat is not None:
                heartbeat.parent.mkdir(parents=True, exist_ok=True)
            while not stop.is_set():
                if heartbeat is not None and self.client.is_connected():
                    heartbeat.touch()
                stop.wait(every_s)
        finally:
            self.close()

    def close(self, timeout: float = 5.0) -> None:
        """Close the websocket and finish the answers under way, each within ``timeout``.
        slack_sdk joins its threads with no time limit, and a reconnect under way (after a
        dropped connection) holds its monitor thread for as long as its retries take: a
        client that has not closed in time is left to finish as a daemon."""
        closing = threading.Thread(target=self.client.close, name="socket-mode-close", daemon=True)
        closing.start()
        closing.join(timeout)
        if closing.is_alive():
            log.warning(
                "the Socket Mode client did not close within %.0f s; stopping anyway", timeout
            )
        self.bot.close(timeout)

    def _on_request(self, client: SocketModeClient, request: SocketModeRequest) -> None:
        payload: dict[str, Any] | None = None
        try:
            if request.type == "slash_commands":
                # The acknowledgement carries the immediate reply, as the HTTP response does.
                payload = handle_command(_as_form(request.payload), self.bot, self.service)
        finally:
            # Acknowledged whatever happened, so Slack does not deliver it again.
            client.send_socket_mode_response(SocketModeResponse(request.envelope_id, payload))
        if request.type == "events_api":
            handle_event(request.payload, self.bot, self.service)
        elif request.type != "slash_commands":
            log.debug("Socket Mode envelope of type %s ignored", request.type)


def _as_form(payload: dict[str, Any]) -> dict[str, str]:
    """A slash command's payload as the form the HTTP endpoint reads."""
    return {key: value for key, value in payload.items() if isinstance(value, str)}
