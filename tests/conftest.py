from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_cables():
    from compare import ingest

    return ingest.load([DATA / "cables"])


@pytest.fixture(scope="session")
def seed_checker(seed_cables):
    from compare.pipeline import CheckOptions, Pipeline
    from compare.store import CorpusStore

    return Pipeline(CorpusStore.in_memory(seed_cables.values()), CheckOptions(semantic=False))


@pytest.fixture(scope="session")
def demo(seed_checker):
    """The seed checker's results on the three bundled demo articles."""
    from compare import ingest

    out = []
    for p in sorted((DATA / "articles").glob("*.txt")):
        out += seed_checker.check_article(ingest.read_article(p))
    return out


def by_text(results, words):
    return next(r for r in results if words in r.quote.text)


def shared(path: str) -> Path:
    p = SHARED / path
    if not p.exists():
        pytest.skip(f"{p} is not here (../shared is only beside a development checkout)")
    return p


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    """Tests never read or write the user's embedding cache (~/.cache/compare): what they measure
    does not depend on earlier runs, and a test run leaves nothing in the home folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv("COMPARE_CACHE_DIR", str(tmp_path_factory.mktemp("embedding-cache")))
    yield
    mp.undo()


# -- models for tests of the plumbing (never of what a model finds) ---------------------------------

class RecordingWords:
    """A deterministic multilingual encoder for tests: a bag of hashed words
    (`hashed_words.HashedWords`, no model, nothing to load) that records every text it encodes, so a
    test can see which stage read the multilingual space, and with what."""

    def __init__(self, dimension: int = 64) -> None:
        from compare.hashed_words import HashedWords

        self.words = HashedWords(dimension)
        self.name = f"test-{self.words.name}"
        self.dimension = dimension
        self.seen: list[str] = []

    def load(self) -> None:
        """Nothing to load."""

    def encode(self, texts):
        self.seen += texts
        return self.words.encode(texts)


@pytest.fixture()
def words_multilingual():
    """The multilingual encoder (`compare.multilingual`) replaced for one test by `RecordingWords`:
    the translation and paraphrase stages, the bilingual lexicon and the sentence index all read
    through it. For tests of the plumbing only: a test of what the stages find uses the real model."""
    from compare import multilingual

    encoder = RecordingWords()
    with multilingual.using(encoder):
        yield encoder


def build_tiny_sentence_model(folder: Path, texts: list[str]) -> Path:
    """A sentence-transformers model small enough to build in a test, offline: a BERT of one layer
    and 32 dimensions with random weights (seeded: the same model every time), a word-level
    tokenizer over the words of `texts`, mean pooling and unit vectors, saved to `folder` as any
    sentence-transformers model is, and loaded through the same code as the packaged MiniLM. Its
    vectors mean nothing: texts that share words land close, little else."""
    import os
    import re

    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # as embeddings.load_model: nothing is looked up online
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    words = sorted({w for t in texts for w in re.findall(r"\w+", t.lower())} - set(special))
    vocab = {w: i for i, w in enumerate([*special, *words])}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    fast = PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]", model_max_length=128)
    torch.manual_seed(0)
    bert = BertModel(BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                                intermediate_size=64, max_position_embeddings=128))
    raw = folder / "bert"
    bert.save_pretrained(raw)
    fast.save_pretrained(raw)
    words_module = Transformer(str(raw), max_seq_length=128)
    model = SentenceTransformer(modules=[words_module, Pooling(words_module.get_embedding_dimension(), "mean"),
                                         Normalize()], device="cpu")
    model.save(str(folder / "model"))
    return folder / "model"


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, seed_cables) -> str:
    """The folder of a tiny sentence-transformers model (`build_tiny_sentence_model`) over the seed
    cables' words: `--model` / `CheckOptions(model=...)` for tests of the paragraph-vector paths
    (index build, paraphrase search) without the packaged MiniLM. Plumbing only, as above."""
    texts = [p.text for c in seed_cables.values() for p in c.paragraphs] + [c.subject or "" for c in seed_cables.values()]
    return str(build_tiny_sentence_model(tmp_path_factory.mktemp("tiny-model"), texts))
