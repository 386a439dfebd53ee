"""Broad category words for ImageNet labels: a tabby cat is a cat and an animal.

The table (categories.json, next to this file) is generated once from WordNet by
tools/build_categories.py; nothing here needs WordNet.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources

# The general words (the last of a class's list): said after the narrow one, "a cat, an animal".
BROAD = frozenset(
    [
        "person",
        "animal",
        "food",
        "plant",
        "vehicle",
        "building",
        "structure",
        "landscape",
        "clothing",
        "furniture",
        "instrument",
        "weapon",
        "tool",
        "container",
        "device",
        "equipment",
    ]
)


@cache
def table() -> dict[str, tuple[str, ...]]:
    """Label -> its category words, most specific first."""
    data = json.loads(resources.files(__package__).joinpath("categories.json").read_text("utf-8"))
    merged: dict[str, list[str]] = {}
    for name, words in data["classes"]:
        # Two classes share a clean name ("missile", "sunglasses"): keep the words of both.
        known = merged.setdefault(name, [])
        known.extend(w for w in words if w not in known)
    return {name: tuple(words) for name, words in merged.items()}


@cache
def _narrower() -> frozenset[tuple[str, str]]:
    """(a, b) pairs where a comes before b in some label's list: a squirrel is a rodent."""
    pairs = set()
    for words in table().values():
        for i, a in enumerate(words):
            pairs.update((a, b) for b in words[i + 1 :])
    return frozenset(pairs)


def narrower(a: str, b: str) -> bool:
    """Whether category a is a kind of category b ("squirrel", "rodent")."""
    return (a, b) in _narrower()


def categories(label: str) -> tuple[str, ...]:
    return table().get(label, ())


def category_scores(scored: Iterable[tuple[str, float]]) -> dict[str, float]:
    """Each category's summed probability over the labels: many weak dog breeds make a dog."""
    totals: dict[str, float] = {}
    for label, probability in scored:
        for word in categories(label):
            totals[word] = totals.get(word, 0.0) + probability
    return totals
