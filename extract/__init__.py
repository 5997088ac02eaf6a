"""Extract: a Document in, what the minutes say out. ``extract_meeting`` is the entry point.

The names below are looked up on first use (PEP 562): a module that needs only the case-number
grammar or the models (``trace``, the loader) would otherwise import and compile every extractor."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from referat.extract.meeting import extract_meeting, warm_up
    from referat.extract.model import Attendee, Extraction, Item, Meeting

__all__ = ["extract_meeting", "warm_up", "Extraction", "Meeting", "Item", "Attendee"]

_HOME = {"extract_meeting": "meeting", "warm_up": "meeting",
         "Extraction": "model", "Meeting": "model", "Item": "model", "Attendee": "model"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'referat.extract' has no attribute {name!r}")
    return getattr(import_module(f"referat.extract.{_HOME[name]}"), name)
