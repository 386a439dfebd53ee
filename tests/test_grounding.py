"""Verified citations: markers are checked, every cited sentence is checked against its evidence."""

from __future__ import annotations

from conftest import FakeEmbedder, ScriptedGenerator

from rag.citations import cite
from rag.generators import NOT_IN_DOCUMENTS
from rag.grounding import GroundingChecker, split_answer
from rag.types import Chunk, Evidence

TEXTS = [
    "The lighthouse keeper lit the lamp every evening at dusk.",
    "Kestrels hover over the meadow while hunting voles.",
    "The ferry to the island leaves the harbour at nine o'clock.",
]


def corpus() -> list[Evidence]:
    return [
        Evidence(
            chunk=Chunk(doc_id=f"d{i}", file=f"f{i}.txt", sha256=f"s{i}", chunk_index=0, text=text),
            score=1.0,
            rank=i + 1,
        )
        for i, text in enumerate(TEXTS)
    ]


def check(text: str, *, abstained: bool = False):
    cited = cite(text, corpus())
    return cited, GroundingChecker(FakeEmbedder(), threshold=0.5).check(
        cited.text, cited.evidence_for, abstained=abstained
    )


def test_quoted_and_cited_sentences_are_fully_grounded():
    cited, grounding = check(
        "The lighthouse keeper lit the lamp every evening at dusk [1]. "
        "Kestrels hover over the meadow while hunting voles [2]."
    )
    assert grounding.score == 1.0 and grounding.unsupported == []
    assert [c.cites for c in grounding.sentences] == [[1], [2]]


def test_a_sentence_its_evidence_does_not_support_is_reported():
    _, grounding = check(
        "The ferry to the island leaves the harbour at nine o'clock [3]. "
        "Penguins build their nests from copper wire and marble [1]."
    )
    assert grounding.score == 0.5
    assert grounding.unsupported == ["Penguins build their nests from copper wire and marble."]


def test_citing_the_wrong_source_is_unsupported():
    _, grounding = check("Kestrels hover over the meadow while hunting voles [1].")
    assert grounding.score == 0.0 and len(grounding.unsupported) == 1


def test_out_of_range_markers_are_dropped_and_reported():
    cited, grounding = check("The ferry leaves the harbour at nine o'clock [3][7]. Voles [0].")
    assert cited.dropped_markers == [7, 0]
    assert "[7]" not in cited.text and "[0]" not in cited.text
    assert [s.file for s in cited.sources] == ["f2.txt"]
    # "Voles." cites nothing that exists: unsupported.
    assert grounding.unsupported == ["Voles."]


def test_an_answer_without_markers_is_not_grounded():
    _, grounding = check("The lighthouse keeper lit the lamp every evening.")
    assert grounding.score == 0.0
    assert grounding.unsupported == ["The lighthouse keeper lit the lamp every evening."]


def test_an_abstention_claims_nothing():
    _, grounding = check(NOT_IN_DOCUMENTS, abstained=True)
    assert grounding.score == 1.0 and grounding.unsupported == [] and grounding.sentences == []


def test_comma_separated_markers_count_for_every_source():
    cited, grounding = check("Kestrels hunt voles and the keeper lights the lamp [1, 2].")
    assert cited.text.endswith("[1][2].")
    assert grounding.sentences[0].cites == [1, 2]


def test_split_answer_attaches_a_trailing_marker_to_its_sentence():
    assert split_answer("Voles live in meadows.\n[2]") == [("Voles live in meadows.", [2])]


def test_every_answer_from_the_service_carries_grounding(make_service, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, text in enumerate(TEXTS):
        (docs / f"f{i}.txt").write_text(text)
    service = make_service(
        generator=ScriptedGenerator("Voles are hunted by kestrels [1]. Moons [9].")
    )
    service.ingest([docs])
    answer = service.ask("Who hunts voles?")
    data = answer.to_dict()
    assert data["dropped_markers"] == [9]
    assert 0.0 <= data["grounding"] <= 1.0
    assert "Moons." in data["unsupported"]


def test_a_marker_covers_the_uncited_sentences_before_it():
    parts = split_answer("Voles live in meadows. Kestrels hunt them [2]. Owls too.")
    assert parts == [
        ("Voles live in meadows.", [2]),
        ("Kestrels hunt them.", [2]),
        ("Owls too.", []),
    ]


def test_a_follow_up_is_answered_in_the_context_of_the_turn_before(make_service, tmp_path):
    from rag.generators import Turn

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bakery.txt").write_text(
        "The Mill Lane bakery opens at seven. On Sundays the bakery closes at noon."
    )
    (docs / "ferry.txt").write_text("The island ferry leaves the harbour at nine o'clock.")
    service = make_service()
    service.ingest([docs])
    history = [
        Turn("user", "When does the Mill Lane bakery open?"),
        Turn("assistant", "The Mill Lane bakery opens at seven. [1]"),
    ]
    answer = service.ask("And on Sundays, when does it close?", history=history)
    assert answer.evidence[0].chunk.file == "bakery.txt"
    assert not answer.abstained and "noon" in answer.text
    assert answer.sources[0].file == "bakery.txt"


def test_retrieve_k_measures_deeper_than_the_generator_reads(make_service, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(8):
        (docs / f"n{i}.txt").write_text(f"Note {i} is about harbour ferries and island trips.")
    generator = ScriptedGenerator("Ferries [1].")
    service = make_service(generator=generator)
    service.ingest([docs])
    answer = service.ask("harbour ferries", top_k=3, retrieve_k=6)
    assert len(generator.history[-1].evidence) == 3 and len(answer.evidence) == 6
