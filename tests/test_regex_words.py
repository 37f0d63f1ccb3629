"""Word alternations grouped by first letter: the same matches as the plain alternation."""

from __future__ import annotations

import re
from typing import Any

import pytest

from extract.regex_words import by_first_letter


@pytest.mark.parametrize(("words", "options", "expected"), [
    (["said", "says", "told"], {}, "s(?:aid|ays)|t(?:old)"),
    (["told", "said"], {"sort_letters": False}, "t(?:old)|s(?:aid)"),
    (["told", "said"], {}, "s(?:aid)|t(?:old)"),
    (["de", "der", "van"], {"behind": True}, "(?<=d)(?:e|er)|(?<=v)(?:an)"),
    (["a.b", "a+c"], {}, r"a(?:\.b|\+c)"),
    (["called\\s+on", "claimed"], {"tail": str}, "c(?:alled\\s+on|laimed)"),
    ([".x"], {}, r"\.(?:x)"),
])
def test_regex_words_by_first_letter(words: list[str], options: dict[str, Any],
                                               expected: str) -> None:
    pattern = by_first_letter(words, **options)
    assert pattern == expected
    if not options.get("behind") and "tail" not in options:
        plain = re.compile("|".join(re.escape(w) for w in words))
        grouped = re.compile(pattern)
        for text in ["said so", "he says", "a.b a+c", "told", ".x", "saidsays"]:
            assert [m.span() for m in grouped.finditer(text)] == \
                [m.span() for m in plain.finditer(text)]


def test_regex_words_word_start_matches_a_leading_word_boundary() -> None:
    words = ["came", "comes", "finished", "won"]
    pattern = by_first_letter(words, sort_letters=False, word_start=True)
    assert pattern == r"c(?<!\wc)(?:ame|omes)|f(?<!\wf)(?:inished)|w(?<!\ww)(?:on)"
    plain = re.compile(r"\b(?:came|comes|finished|won)")
    grouped = re.compile(pattern)
    for text in ["it came", "became", "_won", "xwon won", "finished,came", "éwon", "2comes"]:
        assert [m.span() for m in grouped.finditer(text)] == \
            [m.span() for m in plain.finditer(text)], text
