"""council-extract: structured facts from council news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.core import extract_article, extract_corpus

__version__ = "0.1.0"
__all__ = ["__version__", "extract_article", "extract_corpus"]


def __getattr__(name: str) -> Any:
    # Lazy: importing spaCy takes most of a second, and `council-extract --help`, `schema`,
    # `query` or a worker's bookkeeping do not need it.
    if name in ("extract_article", "extract_corpus"):
        from extract import core

        return getattr(core, name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
