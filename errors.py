"""Every error referat raises on purpose, each with the exit code the CLI turns it into."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    ok = 0
    no_match = 1
    bad_args = 2
    input_failed = 3
    database_error = 4
    missing_dependency = 5
    interrupted = 130


class ReferatError(Exception):
    """Base class: a message a user can act on."""

    exit_code = ExitCode.input_failed


class InputError(ReferatError):
    """A file could not be read as minutes; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class EmptyFileError(InputError):
    """The file has no content."""


class EncryptedPdfError(InputError):
    """The PDF is encrypted and cannot be read without its password."""


class EncryptedFileError(InputError):
    """An office document is password-protected (or in an old binary format) and cannot be read."""


class NoTextLayerError(InputError):
    """The PDF has pages without a text layer; it needs OCR first."""


class CorruptFileError(InputError):
    """The file is damaged or not of the type its name says."""


class UnsupportedFileError(InputError):
    """The file type is not one referat reads."""


class DatabaseError(ReferatError):
    """The archive database could not be opened or written."""

    exit_code = ExitCode.database_error


class NotFoundError(ReferatError):
    """A case, person or review item asked for is not in the archive."""

    exit_code = ExitCode.bad_args


class OcrUnavailableError(InputError):
    """A page needs OCR and Tesseract (or its Norwegian model) is missing or failed."""


class QueryRefusedError(ReferatError):
    """`referat query` was asked to do more than read the archive."""

    exit_code = ExitCode.bad_args


class MissingDependencyError(ReferatError):
    """An optional package (pandas, polars) or part of referat a call needs is not installed."""

    exit_code = ExitCode.missing_dependency


class BadArgumentError(ReferatError):
    """An option's value cannot be used (a date, a body, a range); the message says what would do."""

    exit_code = ExitCode.bad_args
