"""Named points in the write paths where a crash can be injected, to test what a kill leaves.

The code calls ``reached("after_chunks_before_record")`` at each point; nothing happens unless
a test installed a hook with ``set_hook`` (which may raise, or ``os._exit`` the process as a
kill would). The points, in the order one document version is written:

- ``after_pictures_before_chunks``: its kept files are written, nothing is in the store yet;
- ``after_chunks_before_record``: its chunks are stored, not visible yet;
- ``after_record_before_cleanup``: its record (the commit) is stored, older chunks remain;
- ``after_cleanup_before_publish``: the older version's chunks are gone;
- ``after_publish_before_blobs``: its chunks answer; the older version's kept files remain.
"""

from __future__ import annotations

from collections.abc import Callable

POINTS = (
    "after_pictures_before_chunks",
    "after_chunks_before_record",
    "after_record_before_cleanup",
    "after_cleanup_before_publish",
    "after_publish_before_blobs",
)

_hook: Callable[[str], None] | None = None


def set_hook(hook: Callable[[str], None] | None) -> None:
    """Call ``hook(point)`` at every point reached from now on (None removes it)."""
    global _hook
    _hook = hook


def reached(point: str) -> None:
    if point not in POINTS:
        raise ValueError(f"unknown fault point {point!r}")
    if _hook is not None:
        _hook(point)
