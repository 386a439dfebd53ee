"""Which collections a Slack channel's questions read (``RAG_SLACK_CHANNEL_COLLECTIONS``).

Entries ``CHANNEL:COLLECTION,COLLECTION`` separated by ``;``; the channel ``*`` stands for every
channel not listed. Unset, every channel reads every collection. Once set, a channel that is
neither listed nor covered by ``*`` reads none: its questions are answered "not in the
documents" rather than from another team's documents.
"""

from __future__ import annotations

from collections.abc import Iterable

from rag.api_keys import EVERY_COLLECTION
from rag.collections import CollectionNameError, check_name
from rag.errors import ConfigError

OTHER_CHANNELS = "*"


class ChannelCollections:
    def __init__(self, entries: Iterable[str]) -> None:
        self.mapping: dict[str, tuple[str, ...] | None] = {}
        for entry in entries:
            channel, mapped, names = entry.partition(":")
            channel = channel.strip()
            listed = [n.strip() for n in names.split(",") if n.strip()]
            if not channel or not mapped or not listed:
                raise ConfigError(
                    f"RAG_SLACK_CHANNEL_COLLECTIONS entry {entry!r} must read "
                    "CHANNEL:COLLECTION[,COLLECTION...]"
                )
            try:
                reach = (
                    None
                    if EVERY_COLLECTION in listed
                    else tuple(dict.fromkeys(check_name(n) for n in listed))
                )
            except CollectionNameError as exc:
                raise ConfigError(
                    f"RAG_SLACK_CHANNEL_COLLECTIONS, channel {channel}: {exc}"
                ) from None
            self.mapping[channel] = reach

    def of(self, channel: str | None) -> list[str] | None:
        """The collections a question from ``channel`` reads (None: every one)."""
        if not self.mapping:
            return None
        if channel in self.mapping:
            reach = self.mapping[channel]
        else:
            reach = self.mapping.get(OTHER_CHANNELS, ())
        return None if reach is None else list(reach)
