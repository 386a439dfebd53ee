"""Tiny random-weight CLIP and SigLIP checkpoints, built offline and saved like real ones.

The weights are random, so the vectors mean nothing; what the tests check is the plumbing:
loading through ``AutoModel`` / ``AutoProcessor``, towers, shapes, normalisation, batching.
"""

from __future__ import annotations

from pathlib import Path

CLIP_PROJECTION_DIM = 24
SIGLIP_DIM = 24
IMAGE_SIZE = 32
TEXT_LENGTH = 16


def build_tiny_clip(path: Path, *, seed: int = 0) -> Path:
    """A CLIPModel with a byte-level CLIP tokenizer (no merges: one token per byte)."""
    import torch
    from tokenizers.pre_tokenizers import ByteLevel
    from transformers import (
        CLIPConfig,
        CLIPImageProcessorPil,
        CLIPModel,
        CLIPProcessor,
        CLIPTokenizer,
    )

    # CLIP's vocabulary starts with the 256 byte symbols, then the same with the end-of-word
    # mark; with no merges every word is spelled byte by byte, which is all a test needs.
    alphabet = sorted(ByteLevel.alphabet())
    tokens = alphabet + [c + "</w>" for c in alphabet] + ["<|startoftext|>", "<|endoftext|>"]
    vocab = {token: i for i, token in enumerate(tokens)}
    bos, eos = vocab["<|startoftext|>"], vocab["<|endoftext|>"]
    tokenizer = CLIPTokenizer(vocab=vocab, merges=[], model_max_length=TEXT_LENGTH)
    # The PIL backend: the default one wants torchvision, which the project does not install.
    image_processor = CLIPImageProcessorPil(
        size={"shortest_edge": IMAGE_SIZE}, crop_size={"height": IMAGE_SIZE, "width": IMAGE_SIZE}
    )
    config = CLIPConfig(
        text_config={
            "vocab_size": len(vocab),
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_hidden_layers": 2,
            "num_attention_heads": 2,
            "max_position_embeddings": TEXT_LENGTH,
            "bos_token_id": bos,
            "eos_token_id": eos,  # pooling takes the hidden state at the first EOS
            "pad_token_id": eos,
        },
        vision_config={
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_hidden_layers": 2,
            "num_attention_heads": 2,
            "image_size": IMAGE_SIZE,
            "patch_size": 8,
        },
        projection_dim=CLIP_PROJECTION_DIM,
    )
    torch.manual_seed(seed)
    CLIPModel(config).save_pretrained(path)
    CLIPProcessor(image_processor=image_processor, tokenizer=tokenizer).save_pretrained(path)
    return path


def build_tiny_siglip(path: Path, *, seed: int = 0) -> Path:
    """A SiglipModel with a small word-level tokenizer.

    Real SigLIP checkpoints ship a SentencePiece tokenizer (the sentencepiece package, not
    installed here); the processor takes any tokenizer, and the model only sees token ids, so a
    word-level one exercises the same path: padding to the full length, last-token pooling.
    """
    import torch
    from tokenizers import Tokenizer, normalizers, pre_tokenizers
    from tokenizers.models import WordLevel
    from transformers import (
        PreTrainedTokenizerFast,
        SiglipConfig,
        SiglipImageProcessorPil,
        SiglipModel,
        SiglipProcessor,
    )

    words = [
        "<pad>",
        "</s>",
        "<unk>",
        "a",
        "an",
        "the",
        "cat",
        "dog",
        "photo",
        "of",
        "on",
        "mat",
        "chart",
        "revenue",
        "red",
        "blue",
    ]
    vocab = {word: i for i, word in enumerate(words)}
    backend = Tokenizer(WordLevel(vocab, unk_token="<unk>"))
    backend.normalizer = normalizers.Lowercase()
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        pad_token="</s>",  # as in SigLIP: pads are EOS
        eos_token="</s>",
        unk_token="<unk>",
        model_max_length=TEXT_LENGTH,
    )
    image_processor = SiglipImageProcessorPil(size={"height": IMAGE_SIZE, "width": IMAGE_SIZE})
    config = SiglipConfig(
        text_config={
            "vocab_size": len(vocab),
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_hidden_layers": 2,
            "num_attention_heads": 2,
            "max_position_embeddings": TEXT_LENGTH,
            "projection_size": SIGLIP_DIM,  # must equal the vision hidden size
            "bos_token_id": None,
            "eos_token_id": vocab["</s>"],
            "pad_token_id": vocab["</s>"],
        },
        vision_config={
            "hidden_size": SIGLIP_DIM,
            "intermediate_size": 48,
            "num_hidden_layers": 2,
            "num_attention_heads": 2,
            "image_size": IMAGE_SIZE,
            "patch_size": 8,
        },
    )
    torch.manual_seed(seed)
    SiglipModel(config).save_pretrained(path)
    SiglipProcessor(image_processor=image_processor, tokenizer=tokenizer).save_pretrained(path)
    return path
