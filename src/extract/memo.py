"""A cache for pure functions of a short text that recurs from article to article.

Role phrases, capitalised runs of words and their plans repeat across a corpus ("Cllr Ann
Lee", "director of children's services"), so their answers are kept; a long text (hostile
input, a list of a thousand titles) is worked out but not kept, so that neither the cache
keys nor the look-ups (hashing the whole text) grow with it. The cache is bounded either way:
worker memory must stay flat over long runs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar, cast

_P = ParamSpec("_P")
_R = TypeVar("_R")


def short_text_cache(
    *, maxsize: int, longest: int
) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """`lru_cache(maxsize)` for calls whose first argument, a text, has at most `longest`
    characters; longer ones call the function itself."""

    def wrap(function: Callable[_P, _R]) -> Callable[_P, _R]:
        # (the arguments must be hashable, as for any lru_cache)
        cached = cast(Callable[_P, _R], lru_cache(maxsize=maxsize)(function))

        @wraps(function)
        def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            if len(str(args[0])) <= longest:
                return cached(*args, **kwargs)
            return function(*args, **kwargs)

        return call

    return wrap
