"""Result, Caption, Removal and Stats pickle (multiprocessing) and document themselves."""

from __future__ import annotations

import multiprocessing
import pickle
import pydoc

import pytest

import newsclean

PAGE = ('<html lang="de"><head><meta name="author" content="A. Autor">'
        '<meta property="article:published_time" content="2024-05-01T10:00:00Z">'
        '<link rel="canonical" href="https://www.example.com/a"></head><body><article>'
        "<h1>Ein Titel</h1><p>Der Rat hat am Dienstag den Haushalt für das kommende Jahr "
        "beschlossen, nach einer langen Debatte.</p></article></body></html>")


def test_pool_map_of_clean_gives_the_same_results(seed_text):
    cleaner = newsclean.Cleaner()
    texts = [seed_text, PAGE, "News / Politics\n\nThe council met on Tuesday.", ""]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        got = pool.map(cleaner.clean, texts)
    want = [cleaner.clean(t) for t in texts]
    assert [type(r) for r in got] == [newsclean.Result] * len(texts)
    assert [r.to_dict() for r in got] == [r.to_dict() for r in want]
    assert got[0].captions[1].related and got[1].author == "A. Autor"


def test_every_field_survives_a_round_trip(seed_text):
    for r in (newsclean.Cleaner().clean(seed_text), newsclean.Cleaner().clean(PAGE)):
        back = pickle.loads(pickle.dumps(r))
        assert back.to_dict() == r.to_dict()
        assert back.__getstate__().keys() == r.__getstate__().keys()
        for name in r.__getstate__():
            if name not in ("captions", "removed", "stats"):
                assert getattr(back, name) == getattr(r, name), name
        for a, b in zip(r.removed, back.removed):
            assert a.to_dict() == b.to_dict() and type(b) is newsclean.Removal
        assert back.stats.to_dict() == r.stats.to_dict()


def test_parts_pickle_on_their_own(seed_text):
    r = newsclean.Cleaner().clean(seed_text)
    for part in (r.captions[0], r.removed[0], r.stats):
        back = pickle.loads(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(back) is type(part) and back.to_dict() == part.to_dict()


def test_state_with_a_field_that_does_not_exist_is_refused():
    removal = newsclean.Removal.__new__(newsclean.Removal)
    with pytest.raises(ValueError, match="Removal has no field 'no_such'"):
        removal.__setstate__({"no_such": 1})


def test_help_documents_every_field(seed_text):
    r = newsclean.Cleaner().clean(seed_text)
    for obj in (r, r.captions[0], r.removed[0], r.stats):
        cls = type(obj)
        assert cls.__doc__ and len(cls.__doc__) > 20, cls
        fields = [k for k, v in vars(cls).items() if isinstance(v, property)]
        assert fields == list(obj.__getstate__())  # pickled: every field, nothing else
        for name in fields:
            assert (getattr(cls, name).__doc__ or "").strip(), f"{cls.__name__}.{name}"
    page = pydoc.render_doc(newsclean.Result, renderer=pydoc.plaintext)
    assert "What cleaning one document gives" in page
    assert "canonical_url" in page and "The page's canonical URL" in page
