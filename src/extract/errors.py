"""The one home of the errors council-extract reports."""

from __future__ import annotations


class ExtractError(Exception):
    """Base class: anything the tool reports to the user as a clear message."""


class InputError(ExtractError):
    """An input (file, line or record) that cannot be turned into an article.

    `kind` is a short stable name written to errors.jsonl ('EmptyInput', 'BadJSON' ...).
    """

    def __init__(self, kind: str, message: str, *, source: str, location: str | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.source = source
        self.location = location

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments: the default exception pickling would lose them, and
        # errors travel to worker processes with their batch.
        return (_rebuild_input_error, (self.kind, self.message, self.source, self.location))

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        return f"{where}: {self.kind}: {self.message}"


def _rebuild_input_error(
    kind: str, message: str, source: str, location: str | None
) -> InputError:
    return InputError(kind, message, source=source, location=location)


class UsageError(ExtractError):
    """The command was called wrongly (bad path, bad option value)."""


class OutputLockedError(ExtractError):
    """Another run is writing to the same output folder."""
