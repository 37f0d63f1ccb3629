"""council-extract: structured facts from council news articles."""

from extract.core import extract_article, extract_corpus

__version__ = "0.1.0"
__all__ = ["__version__", "extract_article", "extract_corpus"]
