"""The bot: takes questions from the views, answers them on worker threads, posts to Slack.

A view calls ``ask_in_thread`` or ``ask_for_command`` and returns at once; Slack wants its
acknowledgement within 3 seconds, and an answer can take longer than that.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from itsdangerous import URLSafeTimedSerializer
from slack_sdk import WebClient

from rag.generators import Turn
from rag.settings import Settings
from rag.types import Answer
from server.signing import link_serializer, sign_path
from server.slack.channels import ChannelCollections
from server.slack.clients import send_webhook, web_client
from server.slack.format import Link, answer_message, notice
from server.slack.memory import Conversations, RecentKeys
from server.slack.worker import WorkerPool

log = logging.getLogger(__name__)

BUSY = "I'm busy answering other questions right now: please try again in a minute."
MENTION_USAGE = "Ask me a question about the documents, for example: how long is the warranty?"
USAGE = "Ask me a question about the documents, for example: `{command} how long is the warranty?`"
TOO_LONG = "That question is {length} characters long; I read questions of up to {limit}."
REPEATED = "This command was already received: its answer is on the way."
# Slack's signatures are good for 5 minutes either side of a request's timestamp.
SIGNATURE_WINDOW_S = 300
APOLOGY = "Sorry, I could not answer that because something went wrong. Please try again later."


class Answerer(Protocol):
    def ask(
        self, question: str, *, history: list[Turn], collections: list[str] | None = None
    ) -> Answer: ...


@dataclass(frozen=True)
class Thread:
    """Where a reply goes: a Slack thread, named by the ``ts`` of its first message."""

    team: str
    channel: str
    ts: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.team, self.channel, self.ts)


class SlackBot:
    def __init__(
        self,
        settings: Settings,
        *,
        client: WebClient | None = None,
        respond: Callable[[str, dict[str, Any]], None] = send_webhook,
    ) -> None:
        self.settings = settings
        self.channels = ChannelCollections(settings.slack_channel_collections)
        self.client = client or web_client(settings)
        self._respond = respond
        self.deliveries = RecentKeys()
        # A signed slash command replayed while its signature is still valid is not asked again.
        self.commands = RecentKeys(ttl=2 * SIGNATURE_WINDOW_S)
        self.conversations = Conversations(settings.max_conversations, settings.conversation_turns)
        self.answers = WorkerPool(settings.slack_workers, settings.slack_queue_size, "slack-answer")
        # Busy notices and usage hints: one thread, so an overload cannot start more of them.
        self.notices = WorkerPool(1, settings.slack_queue_size, "slack-notice")
        self._links: URLSafeTimedSerializer | None = None

    def preview_link(self) -> Link | None:
        """Signed absolute preview links when ``RAG_PUBLIC_URL`` says where the service is;
        None without it (an answer thread has no request to take the address from)."""
        public_url = self.settings.public_url
        if not public_url:
            return None
        if self._links is None:
            self._links = link_serializer(self.settings)
        serializer = self._links
        return lambda path: sign_path(path, public_url, serializer)

    # Called by the views ------------------------------------------------------------------

    def ask_in_thread(self, service: Answerer, question: str, thread: Thread) -> bool:
        """Answer ``question`` in ``thread`` later; False (and a busy reply) when overloaded."""
        if self.answers.submit(self._answer_in_thread, service, question, thread):
            return True
        log.warning("Slack question in %s dropped: the answer queue is full", thread.channel)
        self.tell(thread, BUSY)
        return False

    def ask_for_command(
        self, service: Answerer, question: str, response_url: str, channel: str | None = None
    ) -> bool:
        """Answer a slash command to its ``response_url`` later; False when overloaded."""
        return self.answers.submit(self._answer_command, service, question, response_url, channel)

    def tell(self, thread: Thread, text: str) -> None:
        """Post a short notice in ``thread`` from the notice thread (never from a view)."""
        if not self.notices.submit(self.post, thread, notice(text)):
            log.warning("Slack notice to %s dropped: the notice queue is full", thread.channel)

    def close(self, timeout: float = 5.0) -> None:
        self.answers.close(timeout)
        self.notices.close(timeout)

    # On the worker threads -------------------------------------------------------------------

    def _answer_in_thread(self, service: Answerer, question: str, thread: Thread) -> None:
        history = self.conversations.history(thread.key)
        answer = self._ask(service, question, history, thread.channel)
        if answer is None:
            self.post(thread, notice(APOLOGY))
            return
        self.conversations.record(thread.key, question, answer.text)
        self.post(thread, answer_message(answer, self.preview_link()))

    def _answer_command(
        self, service: Answerer, question: str, response_url: str, channel: str | None
    ) -> None:
        answer = self._ask(service, question, [], channel)
        message = (
            answer_message(answer, self.preview_link(), asked=question)
            if answer is not None
            else notice(APOLOGY)
        )
        visible = answer is not None and self.settings.slack_in_channel
        self.respond(
            response_url, {"response_type": "in_channel" if visible else "ephemeral", **message}
        )

    def _ask(
        self, service: Answerer, question: str, history: list[Turn], channel: str | None
    ) -> Answer | None:
        try:
            # Only the channel's collections (RAG_SLACK_CHANNEL_COLLECTIONS) are searched.
            return service.ask(question, history=history, collections=self.channels.of(channel))
        except Exception:
            # RagError or not, a worker outlives any one question and the asker is told.
            log.exception("answering a Slack question failed")
            return None

    def post(self, thread: Thread, message: dict[str, Any]) -> bool:
        try:
            # No unfurling: Slack would fetch every source preview link it sees.
            self.client.chat_postMessage(
                channel=thread.channel,
                thread_ts=thread.ts,
                unfurl_links=False,
                unfurl_media=False,
                **message,
            )
        except Exception:
            log.exception("posting to Slack channel %s failed", thread.channel)
            return False
        return True

    def respond(self, response_url: str, body: dict[str, Any]) -> bool:
        try:
            self._respond(response_url, body)
        except Exception:
            log.exception("posting to a Slack response_url failed")
            return False
        return True
