"""Outbound calls to Slack: the Web API (``chat.postMessage``) and ``response_url`` webhooks.

Both retry what is worth retrying: a 429 after its ``Retry-After``, a dropped connection, and a
5xx with exponential backoff. Whatever still fails is the caller's to log.
"""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.webhook import WebhookClient

from rag.settings import Settings

TIMEOUT_S = 15


class SlackPostError(Exception):
    """Slack did not take a message, even after the retries."""


class AnyServerErrorRetryHandler(ServerErrorRetryHandler):
    """Retries every 5xx; slack_sdk's own handler retries only 500 and 503."""

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        return response is not None and 500 <= response.status_code < 600


def retry_handlers() -> list[RetryHandler]:
    backoff = BackoffRetryIntervalCalculator(backoff_factor=0.5)
    return [
        RateLimitErrorRetryHandler(max_retry_count=2),
        ConnectionErrorRetryHandler(max_retry_count=2, interval_calculator=backoff),
        AnyServerErrorRetryHandler(max_retry_count=2, interval_calculator=backoff),
    ]


def web_client(settings: Settings) -> WebClient:
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=TIMEOUT_S,
        retry_handlers=retry_handlers(),
    )


def webhook_client(url: str) -> WebhookClient:
    return WebhookClient(url, timeout=TIMEOUT_S, retry_handlers=retry_handlers())


def send_webhook(url: str, body: dict[str, Any]) -> None:
    """POST ``body`` to a ``response_url``; raises when Slack does not take it."""
    response = webhook_client(url).send_dict(body)
    if response.status_code != 200:
        raise SlackPostError(
            f"response_url answered HTTP {response.status_code}: {response.body[:200]!r}"
        )
