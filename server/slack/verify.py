"""Every Slack request is signed: ``X-Slack-Signature`` is ``v0=`` and the HMAC-SHA256 of
``v0:{timestamp}:{body}`` under the app's signing secret. A request whose signature does not
match, or whose timestamp is more than five minutes off, is refused before its body is read
as anything but bytes."""

from __future__ import annotations

from collections.abc import Mapping

from slack_sdk.signature import SignatureVerifier
from werkzeug.exceptions import Unauthorized


def verify_signature(secret: str, body: bytes, headers: Mapping[str, str]) -> None:
    """Raise ``Unauthorized`` unless ``body`` and ``headers`` carry a valid, fresh signature."""
    timestamp = headers.get("X-Slack-Request-Timestamp")
    signature = headers.get("X-Slack-Signature")
    if not timestamp or not signature:
        raise Unauthorized(
            "missing Slack signature: requests to /slack/ must carry the "
            "X-Slack-Signature and X-Slack-Request-Timestamp headers"
        )
    try:
        valid = SignatureVerifier(secret).is_valid(body, timestamp, signature)
    except ValueError:  # a timestamp that is not a number, a body that is not UTF-8
        valid = False
    if not valid:
        raise Unauthorized(
            "invalid Slack signature: the request is not signed with RAG_SLACK_SIGNING_SECRET "
            "or its timestamp is more than 5 minutes old"
        )
