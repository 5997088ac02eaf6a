"""Count words in the right number, the one place the CLI's messages and tables take them from."""


def word(n: int, one: str, many: str | None = None) -> str:
    """'file' for 1, 'files' otherwise; ``many`` for words that do not just take an s ('person', 'people')."""
    return one if n == 1 else many or one + "s"


def count(n: int, one: str, many: str | None = None) -> str:
    """'1 file', '2 files', '0 files'."""
    return f"{n} {word(n, one, many)}"
