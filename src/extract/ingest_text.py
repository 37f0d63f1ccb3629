"""Bytes to text: decoding with a reported fallback, and line-ending clean-up."""

from __future__ import annotations

import re

from extract.errors import InputError

# Lone UTF-16 surrogates: JSON lets a line spell one ("\\udb12"), but UTF-8 cannot encode it,
# so the tokenizer and every JSON writer downstream would fail on the article.
_SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_WARNING = "lone UTF-16 surrogates replaced by U+FFFD"


def decode(data: bytes, *, source: str, location: str | None = None) -> tuple[str, list[str]]:
    """Bytes -> text. UTF-8 first; a guessed legacy encoding is reported as a warning."""
    if b"\x00" in data:
        raise InputError(
            "BinaryInput", "contains NUL bytes: not a text file", source=source, location=location
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = data.decode("cp1252", errors="replace")
    if _looks_binary(text):
        raise InputError(
            "BinaryInput", "not text in any known encoding", source=source, location=location
        )
    return text, [f"not valid UTF-8 (first bad byte at {first_bad}); decoded as cp1252"]


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.05 or sample.count("\ufffd") > len(sample) * 0.05


def clean_text(text: str) -> str:
    """Line endings unified; nothing else changes, so offsets stay meaningful."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def without_surrogates(text: str) -> str:
    """Each lone surrogate becomes U+FFFD: one character for one, so offsets keep meaning."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
