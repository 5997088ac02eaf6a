"""The objects of a PDF page through pdfium's raw API.

Not ``page.get_objects``: a Python wrapper per page object cost a third of the time of reading
a page, and we only need a few numbers from each."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any


def page_objects(handle: Any, kind: int, in_form: bool = False, depth: int = 0) -> Iterator[Any]:
    """Raw handles of the objects of one ``kind`` on a page (or in a form), forms searched a few levels deep."""
    import pypdfium2.raw as c

    count = c.FPDFFormObj_CountObjects(handle) if in_form else c.FPDFPage_CountObjects(handle)
    for index in range(count):
        obj = c.FPDFFormObj_GetObject(handle, index) if in_form else c.FPDFPage_GetObject(handle, index)
        found = c.FPDFPageObj_GetType(obj)
        if found == kind:
            yield obj
        elif found == c.FPDF_PAGEOBJ_FORM and depth < 3:
            yield from page_objects(obj, kind, True, depth + 1)


def bounds(obj: Any) -> tuple[float, float, float, float]:
    """An object's bounding box: left, bottom, right, top, in PDF units from the bottom left."""
    import pypdfium2.raw as c

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value
