"""The training script's features are those the library scores
(tests/cpp/chrome_words_test.cc pins the same buckets on the C++ side)."""

import importlib.util
from pathlib import Path

kScript = Path(__file__).resolve().parents[2] / "scripts" / "chrome_model.py"


def load_script():
    spec = importlib.util.spec_from_file_location("chrome_model", kScript)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_features_are_the_buckets_the_library_hashes():
    cm = load_script()
    assert sorted(cm.features("Ab  \u00dc").items()) == [
        (329162, 1), (347194, 1), (352990, 1), (470664, 1), (544606, 1),
        (789791, 1), (820200, 1), (884056, 1), (946808, 1)]
    assert sorted(cm.features("\u0416\u043a").items()) == [
        (52241, 1), (57821, 1), (94499, 1), (714699, 1), (726769, 1), (970641, 1)]
    # Case folds; white space other than ASCII's joins (as in the library).
    assert cm.features("AB") == cm.features("ab")
    assert cm.features("a\u00a0b") != cm.features("a b")
    assert not cm.features(" \n ")


def test_the_model_file_names_its_bias_first():
    lines = [l for l in (kScript.parents[1] / "models" / "chrome_words.tsv")
             .read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    assert lines[0].startswith("bias\t")
    buckets = [int(l.split("\t")[0]) for l in lines[1:]]
    assert buckets and all(0 <= b < 1 << 20 for b in buckets)
