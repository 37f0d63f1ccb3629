"""spaCy's tokenizer with a guard against very long runs of non-blank characters.

spaCy strips prefixes and suffixes from a white-space-delimited chunk one at a time,
searching the rest of the chunk each time, so a chunk of punctuation costs time in the
square of its length: 2,000 quote marks or commas in a row take about 0.8 s and 50,000
take minutes. No word of running text is that long, so a chunk of `LONG_RUN` or more
characters is tokenized in pieces of `PIECE` characters. The Doc's text is the input text
exactly; only the token boundaries inside such a chunk differ from spaCy's.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]  # compiled, no stubs
from spacy.tokens import Doc

from extract.doctext import remember_text

LONG_RUN = 256  # longer than any URL or word an article holds in practice
PIECE = 64
_LONG = re.compile(rf"\S{{{LONG_RUN},}}")
_BLOCK = LONG_RUN // 2  # any LONG_RUN characters in a row hold a whole aligned block


def has_long_chunk(text: str) -> bool:
    """Whether `_LONG` matches. A run of LONG_RUN non-blank characters holds a whole block
    [k*_BLOCK, (k+1)*_BLOCK), so when every such block holds a space or a line break there
    is none; running text passes that test in a dozen slices. Otherwise str.split
    decides (it and the regex's \\S agree on what white space is)."""
    if len(text) < LONG_RUN:
        return False
    for start in range(0, len(text) - _BLOCK + 1, _BLOCK):
        block = text[start:start + _BLOCK]
        if " " not in block and "\n" not in block:
            return max(map(len, text.split()), default=0) >= LONG_RUN
    return False


class GuardedTokenizer:
    """Calls the wrapped tokenizer, in pieces where the text has a very long chunk.

    Everything else (vocab, memory_zone, pipe, explain) is the wrapped tokenizer's.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, text: str) -> Doc:
        if not has_long_chunk(text):
            return self._whole(text)
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for run in _LONG.finditer(text):
            self._add(text[position:run.start()], words, spaces)
            for start in range(run.start(), run.end(), PIECE):
                self._add(text[start:min(start + PIECE, run.end())], words, spaces)
            position = run.end()
            if text.startswith(" ", position):  # the run's own trailing space
                spaces[-1] = True
                position += 1
        self._add(text[position:], words, spaces)
        doc = Doc(self.inner.vocab, words=words, spaces=spaces)
        # Never trade exactness for speed: offsets everywhere index the article text.
        if doc.text != text:
            return self._whole(text)
        remember_text(doc, text)
        return doc

    def _whole(self, text: str) -> Doc:
        doc: Doc = self.inner(text)
        remember_text(doc, text)  # spaCy's tokens always join back to the input text
        return doc

    def _add(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        if segment:
            for token in self.inner(segment):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))


def guard(tokenizer: Any) -> Any:
    """`tokenizer` wrapped once (a pipeline's own tokenizer may be another callable)."""
    if isinstance(tokenizer, GuardedTokenizer) or not isinstance(tokenizer, Tokenizer):
        return tokenizer
    return GuardedTokenizer(tokenizer)
