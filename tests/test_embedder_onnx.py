"""The ONNX Runtime backend of the text model: exported once from local weights, the same
vectors as sentence-transformers (float32) or close to them (int8), refused for models it
cannot reproduce. A tiny random BERT built offline stands in for MiniLM, except in the
``models`` test at the end."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest

from rag.embedders import create_embedder
from rag.embedders.base import CONTEXT_SHARE, Span, span_tokens
from rag.errors import ConfigError, ModelError
from rag.settings import Settings, load_settings

pytestmark = pytest.mark.slow  # builds and exports a tiny torch model

WORDS_TEXT = (
    "the a cat dog sat on mat mirror telescope diameter metres garden club meets tuesday "
    "report annual visitors welcome budget camera board minutes invoice total due . , ?"
)
WORDS = WORDS_TEXT.split(" ")
TEXTS = [
    "the cat sat on the mat .",
    "telescope",
    "the annual report of the garden club , visitors welcome on tuesday .",
    "budget ?",
    "the mirror diameter is two metres and the board minutes list the invoice total due .",
    "a dog",
]


def build_tiny_sentence_model(folder: Path) -> Path:
    """A two-layer BERT with mean pooling and normalisation, saved as sentence-transformers
    saves MiniLM (modules.json, 1_Pooling, sentence_bert_config.json)."""
    import torch
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    torch.manual_seed(0)
    raw = folder / "raw"
    raw.mkdir(parents=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]
    (raw / "vocab.txt").write_text("\n".join(vocab) + "\n")
    BertTokenizerFast(vocab_file=str(raw / "vocab.txt")).save_pretrained(raw)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=48,
        max_position_embeddings=64,
    )
    BertModel(config).save_pretrained(raw)
    transformer = models.Transformer(str(raw), max_seq_length=32)
    pooling = models.Pooling(transformer.get_word_embedding_dimension(), pooling_mode="mean")
    model = SentenceTransformer(modules=[transformer, pooling, models.Normalize()], device="cpu")
    target = folder / "tiny-sentence-bert"
    model.save(str(target))
    return target


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    return build_tiny_sentence_model(tmp_path_factory.mktemp("tiny"))


@pytest.fixture(scope="module")
def reference(tiny_model) -> np.ndarray:
    from rag.embedders.sentence_transformer import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(str(tiny_model), threads=1).embed(TEXTS)


def onnx_embedder(model: Path, cache: Path, backend: str = "onnx", batch_size: int = 4):
    settings = Settings(
        embedding_model=str(model),
        embedder_backend=backend,
        model_cache_dir=cache,
        embed_batch_size=batch_size,
        torch_threads=1,
    )
    return create_embedder(settings)


def test_float32_export_gives_the_sentence_transformers_vectors(tiny_model, reference, tmp_path):
    from rag.embedders.onnx import OnnxEmbedder

    embedder = onnx_embedder(tiny_model, tmp_path / "cache", batch_size=4)
    assert isinstance(embedder, OnnxEmbedder) and not embedder.quantize
    vectors = embedder.embed(TEXTS)  # more texts than a batch, of mixed lengths
    assert vectors.shape == (len(TEXTS), 32) and vectors.dtype == np.float32
    np.testing.assert_allclose(vectors, reference, atol=1e-5)
    assert embedder.dim == 32
    assert embedder.embed([]).shape == (0, 32)
    np.testing.assert_allclose(embedder.embed_query(TEXTS[2]), reference[2], atol=1e-5)
    # The order of the answer is the order asked, whatever the length sort did.
    order = [3, 0, 5, 2, 1, 4]
    np.testing.assert_allclose(
        embedder.embed([TEXTS[i] for i in order]), reference[order], atol=1e-5
    )


def test_the_session_threads_sleep_between_operators(tiny_model, tmp_path):
    # Spinning threads would hold the cores that parse the next file and read its pictures.
    embedder = onnx_embedder(tiny_model, tmp_path / "cache", backend="onnx-int8")
    options = embedder.session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert options.inter_op_num_threads == 1 and options.intra_op_num_threads == 1


def test_int8_vectors_stay_close_and_unit_length(tiny_model, reference, tmp_path):
    embedder = onnx_embedder(tiny_model, tmp_path / "cache", backend="onnx-int8")
    vectors = embedder.embed(TEXTS)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(vectors * reference, axis=1)
    assert cosines.min() > 0.95, cosines
    assert embedder.model_file().name == "model.int8.onnx"
    # Quantised, the file is smaller than the float32 export beside it.
    assert (
        embedder.model_file().stat().st_size
        < (embedder.model_file().parent / "model.onnx").stat().st_size
    )
    np.testing.assert_array_equal(embedder.embed(TEXTS), vectors)  # same input, same result


def test_int8_keeps_the_feed_forward_output_projections_float(tiny_model, tmp_path):
    import onnx

    from rag.embedders.onnx import float_matmuls

    embedder = onnx_embedder(tiny_model, tmp_path / "cache", backend="onnx-int8")
    quantised = onnx.load(str(embedder.model_file())).graph
    exported = onnx.load(str(embedder.model_file().parent / "model.onnx")).graph
    # Found in the export as traced (GELU spelt out with Erf) and after fusion alike: one a layer.
    expected = [f"/model/encoder/layer.{i}/output/dense/MatMul" for i in range(2)]
    assert float_matmuls(exported) == expected
    assert float_matmuls(quantised) == expected  # still float, so still found
    ops = {node.name: node.op_type for node in quantised.node}
    assert all(ops[name] == "MatMul" for name in expected)
    # Everything else with weights is int8: the fused attention, its output projection and
    # the feed-forward input projection of each layer.
    assert sum(op in ("DynamicQuantizeMatMul", "MatMulInteger") for op in ops.values()) == 4
    assert sum(op == "QAttention" for op in ops.values()) == 2


def test_float_matmuls_ignores_products_of_two_activations():
    from onnx import TensorProto, helper, numpy_helper

    weight = numpy_helper.from_array(np.ones((4, 4), dtype=np.float32), "w")
    graph = helper.make_graph(
        [
            helper.make_node("Gelu", ["x"], ["g"], name="gelu", domain="com.microsoft"),
            helper.make_node("MatMul", ["g", "x"], ["scores"], name="two_activations"),
            helper.make_node("MatMul", ["g", "w"], ["out"], name="projection"),
            helper.make_node("MatMul", ["x", "w"], ["plain"], name="after_input"),
        ],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4, 4])],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, [4, 4])],
        initializer=[weight],
    )
    from rag.embedders.onnx import float_matmuls

    assert float_matmuls(graph) == ["projection"]


def test_a_new_recipe_revision_gets_a_new_export(tiny_model, monkeypatch):
    import rag.embedders.onnx as onnx_module

    before = onnx_module.export_key(tiny_model)
    monkeypatch.setattr(onnx_module, "EXPORT_REVISION", onnx_module.EXPORT_REVISION + 1)
    assert onnx_module.export_key(tiny_model) != before


def test_the_export_is_made_once_and_shared(tiny_model, tmp_path, monkeypatch, caplog):
    import rag.embedders.onnx as onnx_module

    cache = tmp_path / "cache"
    with caplog.at_level(logging.WARNING):
        first = onnx_embedder(tiny_model, cache, backend="onnx-int8").embed(TEXTS[:2])
    # The quantiser's hint about static quantisation is not for this one: not shown.
    assert not [r for r in caplog.records if "quantization" in r.getMessage()]
    exported = sorted(p.relative_to(cache) for p in cache.rglob("*") if p.is_file())
    assert [p.name for p in exported] == ["model.int8.onnx", "model.onnx"]

    def no_export(*args, **kwargs):
        raise AssertionError("exported again")

    monkeypatch.setattr(onnx_module, "export_onnx", no_export)
    monkeypatch.setattr(onnx_module, "quantize_int8", no_export)
    again = onnx_embedder(tiny_model, cache, backend="onnx-int8").embed(TEXTS[:2])
    np.testing.assert_array_equal(first, again)
    assert not [p for p in cache.rglob("*.tmp")]  # no half-written file is left


def test_changed_weights_get_a_new_export(tiny_model, tmp_path):
    import shutil

    from rag.embedders.onnx import export_key

    copy = tmp_path / "copy"
    shutil.copytree(tiny_model, copy)
    before = export_key(copy)
    weights = copy / "model.safetensors"
    weights.write_bytes(weights.read_bytes() + b"\0")
    assert export_key(copy) != before


def test_a_model_pooled_otherwise_is_refused(tiny_model, tmp_path):
    import shutil

    copy = tmp_path / "cls-pooled"
    shutil.copytree(tiny_model, copy)
    pooling = copy / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    config["pooling_mode"] = "cls"
    pooling.write_text(json.dumps(config))
    with pytest.raises(ModelError, match="mean pooling.*RAG_EMBEDDER_BACKEND=torch"):
        onnx_embedder(copy, tmp_path / "cache").embed(["the cat"])


def test_a_directory_without_sentence_transformers_files_is_refused(tmp_path):
    folder = tmp_path / "not-a-model"
    folder.mkdir()
    with pytest.raises(ModelError, match="not a sentence-transformers directory"):
        onnx_embedder(folder, tmp_path / "cache").embed(["the cat"])
    with pytest.raises(ModelError, match="does not exist"):
        onnx_embedder(tmp_path / "missing", tmp_path / "cache").embed(["the cat"])


def test_a_failed_export_is_a_model_error(tiny_model, tmp_path, monkeypatch):
    import rag.embedders.onnx as onnx_module

    def unsupported(*args, **kwargs):
        raise RuntimeError("Exporting the operator 'aten::frobnicate' is not supported")

    monkeypatch.setattr(onnx_module, "export_onnx", unsupported)
    with pytest.raises(ModelError, match="frobnicate.*RAG_EMBEDDER_BACKEND=torch"):
        onnx_embedder(tiny_model, tmp_path / "cache").embed(["the cat"])
    assert not list((tmp_path / "cache").rglob("*.onnx"))  # nothing half-made is kept


def test_an_unwritable_cache_says_what_to_set(tiny_model, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(ModelError, match="RAG_MODEL_CACHE_DIR"):
        onnx_embedder(tiny_model, blocker / "cache").embed(["the cat"])


def test_the_backend_setting_picks_the_model_runner(tiny_model, tmp_path):
    from rag.embedders.onnx import OnnxEmbedder
    from rag.embedders.sentence_transformer import SentenceTransformerEmbedder

    assert isinstance(onnx_embedder(tiny_model, tmp_path, "torch"), SentenceTransformerEmbedder)
    assert onnx_embedder(tiny_model, tmp_path, "onnx-int8").quantize
    assert isinstance(onnx_embedder(tiny_model, tmp_path, "onnx"), OnnxEmbedder)
    with pytest.raises(ConfigError, match="embedder_backend"):
        load_settings(embedder_backend="tensorrt")


@pytest.mark.models
def test_minilm_int8_agrees_with_the_float32_model(tmp_path):
    from rag.embedders.sentence_transformer import SentenceTransformerEmbedder

    texts = [
        "The main telescope mirror has a diameter of 2.4 metres.",
        "Visitors are welcome on the first Saturday of each month.",
        "FC_DEBUG=1024 prints the name of each configuration file as it is loaded.",
        "How long does the warranty last?",
    ]
    reference = SentenceTransformerEmbedder("packaged:all-MiniLM-L6-v2", threads=2).embed(texts)
    for backend, floor in (("onnx", 0.9999), ("onnx-int8", 0.97)):
        settings = Settings(
            embedder_backend=backend, model_cache_dir=tmp_path / "cache", torch_threads=2
        )
        vectors = create_embedder(settings).embed(texts)
        assert vectors.shape == (4, 384)
        cosines = np.sum(vectors * reference, axis=1)
        assert cosines.min() > floor, (backend, cosines)


def test_the_torch_backend_embeds_a_call_whole_in_the_order_asked(tiny_model, reference):
    from rag.embedders.sentence_transformer import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder(str(tiny_model), batch_size=2, threads=1)
    seen: list[int] = []
    vectors = embedder.embed(TEXTS, on_batch=seen.append)
    np.testing.assert_allclose(vectors, reference, atol=1e-5)
    one_by_one = np.stack([embedder.embed([text])[0] for text in TEXTS])
    np.testing.assert_allclose(vectors, one_by_one, atol=1e-5)
    assert sum(seen) == len(TEXTS)
    assert embedder.embed([]).shape == (0, 32)


# Sentence vectors from the chunk's own forward pass ------------------------------------------

LONG_TEXT = " ".join(["the cat sat on the mat ."] * 4 + ["the annual report of the garden club ."])


def word_span(text: str, words: str) -> Span:
    """The span of ``words`` where they first stand in ``text``."""
    start = text.index(words)
    return Span(words, ((start, start + len(words)),))


def states_of(embedder, text: str) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The last hidden state of ``text`` alone, and its tokens' character offsets."""
    encoded = embedder._tokenizer(text, truncation=True, max_length=32, return_offsets_mapping=True)
    feeds = {name: np.asarray([encoded[name]], dtype=np.int64) for name in embedder._input_names}
    return embedder.session.run(None, feeds)[0][0], encoded["offset_mapping"]


def test_spans_are_pooled_from_the_pass_that_embeds_their_text(tiny_model, tmp_path):
    embedder = onnx_embedder(tiny_model, tmp_path / "cache", batch_size=4)
    texts = [*TEXTS, LONG_TEXT]
    spans = [
        [word_span(TEXTS[0], "the cat sat"), word_span(TEXTS[0], "on the mat .")],
        [],
        [
            word_span(TEXTS[2], "the annual report"),
            # A caption read with its row: two places, pooled together.
            Span(
                "garden club visitors welcome",
                (
                    word_span(TEXTS[2], "garden club").ranges[0],
                    word_span(TEXTS[2], "visitors welcome").ranges[0],
                ),
            ),
        ],
        [Span("budget ?")],  # placed nowhere: embedded on its own
        [word_span(TEXTS[4], "the board minutes")],
        [],
        # The tiny model keeps 32 tokens: the last sentence of the long text is cut away.
        [
            word_span(LONG_TEXT, "the cat sat on the mat ."),
            word_span(LONG_TEXT, "the annual report of the garden club ."),
        ],
    ]
    seen: list[int] = []
    vectors, pooled = embedder.embed_with_spans(texts, spans, on_batch=seen.append)
    # The texts' own vectors are exactly those of ``embed``: the same batches, the same floats.
    np.testing.assert_array_equal(vectors, embedder.embed(texts))
    assert sum(seen) == len(texts)
    assert [p.shape for p in pooled] == [(len(group), 32) for group in spans]
    for text, group, rows in zip(texts, spans, pooled, strict=True):
        np.testing.assert_allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
        states, offsets = states_of(embedder, text)
        last = max(end for _, end in offsets)
        for span, row in zip(group, rows, strict=True):
            if span.ranges and all(end <= last for _, end in span.ranges):
                tokens = [
                    j
                    for j, (a, b) in enumerate(offsets)
                    if b > a and any(a < end and b > start for start, end in span.ranges)
                ]
                # The span's tokens, less a share of the whole text's: what it says
                # beyond what its neighbours say too.
                expected = states[tokens].mean(axis=0) - CONTEXT_SHARE * states.mean(axis=0)
                expected /= np.linalg.norm(expected)
            else:  # no place, or past the cut: the span's text embedded alone
                expected = embedder.embed([span.text])[0]
            np.testing.assert_allclose(row, expected, atol=1e-5, err_msg=span.text)
    # In context a span's vector is not its text's vector alone.
    alone = embedder.embed([spans[0][0].text])[0]
    assert float(pooled[0][0] @ alone) < 0.9999
    # The cut sentence did get the vector of its text alone.
    np.testing.assert_allclose(pooled[6][1], embedder.embed([spans[6][1].text])[0], atol=1e-6)
    # Same input, same result.
    again_vectors, again = embedder.embed_with_spans(texts, spans)
    np.testing.assert_array_equal(again_vectors, vectors)
    for a, b in zip(again, pooled, strict=True):
        np.testing.assert_array_equal(a, b)


def test_spans_for_other_texts_are_refused(tiny_model, tmp_path):
    embedder = onnx_embedder(tiny_model, tmp_path / "cache")
    with pytest.raises(ValueError, match="2 texts but spans for 1"):
        embedder.embed_with_spans(TEXTS[:2], [[]])
    vectors, pooled = embedder.embed_with_spans([], [])
    assert vectors.shape == (0, 32) and pooled == []


def test_span_tokens_are_those_overlapping_its_ranges():
    offsets = [(0, 0), (0, 3), (4, 7), (8, 11), (11, 12), (0, 0)]  # [CLS] the cat sat . [SEP]
    assert span_tokens(offsets, [(4, 11)], cut=False) == [2, 3]
    assert span_tokens(offsets, [(0, 3), (8, 12)], cut=False) == [1, 3, 4]
    assert span_tokens(offsets, [(5, 6)], cut=False) == [2]  # inside one token
    assert span_tokens(offsets, [], cut=False) == []
    assert span_tokens(offsets, [(20, 25)], cut=False) == []  # meets no token
    assert span_tokens(offsets, [(8, 20)], cut=True) == []  # runs past what the model saw
    assert span_tokens(offsets, [(8, 20)], cut=False) == [3, 4]


def test_the_torch_backend_pools_spans_as_the_onnx_one(tiny_model, reference, tmp_path):
    from rag.embedders.sentence_transformer import SentenceTransformerEmbedder

    torch_embedder = SentenceTransformerEmbedder(str(tiny_model), batch_size=2, threads=1)
    onnx = onnx_embedder(tiny_model, tmp_path / "cache")
    texts = [TEXTS[0], TEXTS[2], LONG_TEXT]
    spans = [
        [word_span(TEXTS[0], "on the mat ."), Span("budget ?")],
        [],
        [
            word_span(LONG_TEXT, "the cat sat on the mat ."),
            word_span(LONG_TEXT, "the annual report of the garden club ."),
        ],
    ]
    seen: list[int] = []
    vectors, pooled = torch_embedder.embed_with_spans(texts, spans, on_batch=seen.append)
    np.testing.assert_array_equal(vectors, torch_embedder.embed(texts))  # the same floats
    assert sum(seen) == len(texts)
    _, expected = onnx.embed_with_spans(texts, spans)
    for rows, want in zip(pooled, expected, strict=True):
        assert rows.shape == want.shape
        np.testing.assert_allclose(rows, want, atol=1e-5)
    # Unplaced and cut-off spans are their texts embedded alone.
    np.testing.assert_allclose(pooled[0][1], reference[3], atol=1e-5)
    np.testing.assert_allclose(pooled[2][1], torch_embedder.embed([spans[2][1].text])[0], atol=1e-6)
    with pytest.raises(ValueError, match="1 texts but spans for 2"):
        torch_embedder.embed_with_spans(texts[:1], spans[:2])


def test_token_sums_come_from_the_pass_that_embeds_each_text(tiny_model, tmp_path):
    from rag.embedders.base import joint_vector

    embedder = onnx_embedder(tiny_model, tmp_path / "cache", batch_size=4)
    texts = [*TEXTS, LONG_TEXT]
    seen: list[int] = []
    sums = embedder.embed_with_sums(texts, on_batch=seen.append)
    # The vectors are exactly those of ``embed``: the same batches, the same floats.
    np.testing.assert_array_equal(sums.vectors, embedder.embed(texts))
    assert sum(seen) == len(texts)
    for i, text in enumerate(texts):
        states, offsets = states_of(embedder, text)
        special = np.array([a == b for a, b in offsets])  # [CLS] and [SEP] have no characters
        assert sums.special_counts[i] == 2 and sums.counts[i] == len(offsets) - 2
        np.testing.assert_allclose(sums.sums[i], states[~special].sum(axis=0), atol=1e-4)
        np.testing.assert_allclose(sums.special_sums[i], states[special].sum(axis=0), atol=1e-4)
        # One text pooled alone is its own vector.
        np.testing.assert_allclose(joint_vector(sums, [i]), sums.vectors[i], atol=1e-6)
    # The cut text's sums hold the tokens the model saw, no more.
    assert sums.counts[-1] + sums.special_counts[-1] == 32
    # Two texts pooled as one: every own token once, the special tokens' mean state once.
    both = joint_vector(sums, [0, 2])
    total = sums.sums[0] + sums.sums[2] + (sums.special_sums[0] + sums.special_sums[2]) / 2
    mean = total / (sums.counts[0] + sums.counts[2] + 2)
    np.testing.assert_allclose(both, mean / np.linalg.norm(mean), atol=1e-6)
    assert float(both @ sums.vectors[0]) < 0.9999
    empty = embedder.embed_with_sums([])
    assert empty.vectors.shape == (0, 32) and empty.counts.shape == (0,)


def test_the_torch_backend_sums_tokens_as_the_onnx_one(tiny_model, tmp_path):
    from rag.embedders.sentence_transformer import SentenceTransformerEmbedder

    torch_embedder = SentenceTransformerEmbedder(str(tiny_model), batch_size=2, threads=1)
    onnx = onnx_embedder(tiny_model, tmp_path / "cache")
    texts = [TEXTS[0], TEXTS[2], LONG_TEXT]
    seen: list[int] = []
    sums = torch_embedder.embed_with_sums(texts, on_batch=seen.append)
    np.testing.assert_array_equal(sums.vectors, torch_embedder.embed(texts))  # the same floats
    assert sum(seen) == len(texts)
    expected = onnx.embed_with_sums(texts)
    np.testing.assert_array_equal(sums.counts, expected.counts)
    np.testing.assert_array_equal(sums.special_counts, expected.special_counts)
    np.testing.assert_allclose(sums.sums, expected.sums, atol=1e-4)
    np.testing.assert_allclose(sums.special_sums, expected.special_sums, atol=1e-4)
