"""Text utilities from many request threads at once, as the server calls them."""

from __future__ import annotations

import random
import threading

import pytest
import snowballstemmer

from rag.text import stem

pytestmark = pytest.mark.slow  # tens of thousands of words stemmed on four threads

SUFFIXES = ("ational", "izer", "fulness", "ing", "ed", "ously", "ement", "iveness")


def made_up_words(seed: int, count: int) -> list[str]:
    """Distinct words with suffixes that send the stemmer through all its steps."""
    rng = random.Random(seed)
    return [
        "".join(rng.choice("aeioubcdlmnrst") for _ in range(rng.randint(4, 14)))
        + rng.choice(SUFFIXES)
        + str(seed)  # words of different threads never share a cache entry
        for _ in range(count)
    ]


def test_stemming_from_several_threads_gives_the_single_thread_stems():
    stem.cache_clear()
    words = {seed: made_up_words(seed, 10_000) for seed in range(4)}
    reference = snowballstemmer.stemmer("english")
    expected = {seed: [reference.stemWord(w) for w in ws] for seed, ws in words.items()}
    got: dict[int, list[str]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(len(words))

    def work(seed: int) -> None:
        start.wait()
        try:
            got[seed] = [stem(w) for w in words[seed]]
        except Exception as exc:  # one shared stemmer raised IndexError here
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in words]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert got == expected
