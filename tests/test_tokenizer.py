"""The guarded tokenizer: exact text always, spaCy's tokens wherever no chunk is very long,
and time linear in the length of a long run of punctuation."""

from __future__ import annotations

import time

import pytest
import spacy

from extract.tokenizer import _LONG, LONG_RUN, PIECE, GuardedTokenizer, guard, has_long_chunk

PLAIN = spacy.blank("en").tokenizer
GUARDED = GuardedTokenizer(spacy.blank("en").tokenizer)

# Texts whose chunks are all shorter than LONG_RUN: tokens must be exactly spaCy's.
UNCHANGED = [
    "Cllr Ann Lee said: “We have 120 vacancies.”",
    "See https://www.northshire.gov.uk/news/2019/06/jobs-fair-at-grange-hall?utm_source=x "
    "for details.",
    "x" * (LONG_RUN - 1) + " and more",
    "  leading blanks,\n\ntabs\tand  doubled  spaces  ",
    "",
]

# Texts with a chunk of LONG_RUN or more characters, in various places.
LONG = [
    "“" * 50_000,
    "," * (LONG_RUN + 1),
    "Jobs fair on 8 June. " + "!" * 1_000 + " Then the rest.",
    "a" * 5_000 + "\n\nNext paragraph",
    "start " + "“" * 700 + "  two blanks after",
    "Tabs\t" + "-" * 300 + "\tand a tail " + "." * 999,
    "x" * LONG_RUN,
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_tokenizer_keeps_spacy_tokens_when_no_chunk_is_long(text: str) -> None:
    guarded, plain = GUARDED(text), PLAIN(text)
    assert [(t.text, t.whitespace_) for t in guarded] == [(t.text, t.whitespace_) for t in plain]


@pytest.mark.parametrize("text", LONG, ids=range(len(LONG)))
def test_tokenizer_text_is_exact_with_long_chunks(text: str) -> None:
    doc = GUARDED(text)
    assert doc.text == text
    assert all(len(token.text) <= max(PIECE, 1) or token.is_space for token in doc)
    assert [t.idx for t in doc] == sorted(t.idx for t in doc)


def test_tokenizer_words_around_a_long_chunk_are_spacys() -> None:
    doc = GUARDED("Jobs fair on 8 June. " + "!" * 1_000 + " Then the rest.")
    assert [t.text for t in doc[:6]] == ["Jobs", "fair", "on", "8", "June", "."]
    assert [t.text for t in doc[-4:]] == ["Then", "the", "rest", "."]


def test_tokenizer_long_punctuation_runs_stay_linear() -> None:
    def timed(n: int) -> float:
        return min(_seconds("“" * n) for _ in range(2))

    small, large = timed(10_000), timed(40_000)
    assert large < max(8 * small, 0.5), (small, large)


def _seconds(text: str) -> float:
    started = time.perf_counter()
    GUARDED(text)
    return time.perf_counter() - started


def test_tokenizer_guard_wraps_once_and_delegates() -> None:
    nlp = spacy.blank("en")
    wrapped = guard(guard(nlp.tokenizer))
    assert isinstance(wrapped, GuardedTokenizer) and not isinstance(wrapped.inner,
                                                                    GuardedTokenizer)
    assert wrapped.vocab is nlp.vocab
    assert guard(len) is len  # not a spaCy tokenizer: left alone


def test_tokenizer_pipeline_uses_the_guard(nlp: spacy.language.Language) -> None:
    assert isinstance(nlp.tokenizer, GuardedTokenizer)
    with nlp.memory_zone():
        assert nlp("“" * 600).text == "“" * 600


def test_tokenizer_long_chunk_test_agrees_with_the_regex() -> None:
    """The split-based test says what `_LONG` (\\S{LONG_RUN,}) says, Unicode white space
    and white-space-only texts included."""
    import random

    blanks = [" ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "\u200b", "\ufeff"]
    rng = random.Random(3)
    texts = [" " * (LONG_RUN + 10), "\n" * LONG_RUN, "x" * LONG_RUN, "x" * (LONG_RUN - 1), ""]
    for _ in range(3000):
        texts.append("".join(rng.choice(["a" * rng.randint(1, 300), rng.choice(blanks),
                                          "x" * rng.randint(200, 300)])
                             for _ in range(rng.randint(1, 6))))
    # Prose-like texts (the quick block test decides most of them), some with one long
    # run at a random offset, or with tabs and other blanks as their only white space.
    for _ in range(3000):
        words = ["w" * rng.randint(1, 12) for _ in range(rng.randint(0, 400))]
        if rng.random() < 0.3:
            words.insert(rng.randint(0, len(words)), "z" * rng.randint(LONG_RUN - 3, 400))
        glue = rng.choice([" ", "\n", rng.choice(blanks)])
        texts.append(rng.choice(["", "x" * rng.randint(0, 200)]) + glue.join(words))
    found = [has_long_chunk(text) for text in texts]
    assert found == [_LONG.search(text) is not None for text in texts]
    assert any(found) and not all(found)
