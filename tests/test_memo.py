"""The short-text cache keeps answers for short texts only, and answers alike either way."""

from __future__ import annotations

from extract.memo import short_text_cache


def test_memo_short_texts_are_kept_long_ones_worked_out_each_time() -> None:
    calls: list[str] = []

    @short_text_cache(maxsize=8, longest=5)
    def shout(text: str, times: int) -> str:
        calls.append(text)
        return text.upper() * times

    assert [shout("abc", 2), shout("abc", 2)] == ["ABCABC", "ABCABC"]
    assert calls == ["abc"]  # the second call came from the cache
    assert [shout("abcdef", 1), shout("abcdef", 1)] == ["ABCDEF", "ABCDEF"]
    assert calls == ["abc", "abcdef", "abcdef"]  # over `longest`: never kept
    assert shout("abcde", 1) == "ABCDE" and shout("abcde", 1) == "ABCDE"
    assert calls.count("abcde") == 1  # exactly `longest` characters is still kept
    assert shout.__name__ == "shout"
