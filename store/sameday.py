"""The archive's meetings by body and day, each with its case numbers, for the loader's twin check
(a later copy of minutes already loaded: the same body and date, mostly the same cases).

Asking the database per document cost a scan of every meeting and then of every case of each one
held that day (3.6 ms and 2.6 ms each at 100,000 documents, where the synthetic corpus has seven
meetings a day per body), so the loader's cost per document grew with the archive. Here they are
read once per run, and the numbers kept as 8-byte digests packed in one bytes object per day: about
150 bytes a meeting. Two different case numbers with the same digest, the only way this answers
otherwise than the database, is a chance of one in 10^19 per pair compared."""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable

Key = tuple[int | None, str | None]  # (body id, 'yyyy-mm-dd')

# One meeting in a day's record: its id and how many digests follow it.
_HEAD = struct.Struct("<qH")


def _digest(number: object) -> bytes:
    return hashlib.blake2b(str(number).encode("utf-8"), digest_size=8).digest()


def _day(key: Key) -> bytes:
    return hashlib.blake2b(repr(key).encode("utf-8"), digest_size=8).digest()


class SameDay:
    def __init__(self) -> None:
        self._days: dict[bytes, bytes] = {}  # day -> (head, digests) for each meeting, in the order added

    def add(self, key: Key, meeting_id: int, numbers: Iterable[object]) -> None:
        """A meeting loaded (its id larger than any before: the loader's counter only grows)."""
        digests = {_digest(n) for n in numbers}
        day = _day(key)
        self._days[day] = self._days.get(day, b"") + _HEAD.pack(meeting_id, len(digests)) + b"".join(sorted(digests))

    def _meetings(self, day: bytes) -> Iterable[tuple[int, set[bytes]]]:
        record, at = self._days.get(day, b""), 0
        while at < len(record):
            meeting_id, n = _HEAD.unpack_from(record, at)
            at += _HEAD.size
            yield meeting_id, {record[at + 8 * k: at + 8 * k + 8] for k in range(n)}
            at += 8 * n

    def remove(self, key: Key, meeting_id: int) -> None:
        """A meeting deleted (its document replaced)."""
        day = _day(key)
        if day not in self._days:
            return
        kept = [(i, digests) for i, digests in self._meetings(day) if i != meeting_id]
        self._days[day] = b"".join(_HEAD.pack(i, len(d)) + b"".join(sorted(d)) for i, d in kept)

    def twin(self, key: Key, numbers: Iterable[object]) -> int | None:
        """The first meeting of that body and day with the same cases, or with at least half of the
        cases of both in common."""
        if key[0] is None or key[1] is None:
            return None
        wanted = {_digest(n) for n in numbers}
        for meeting_id, known in self._meetings(_day(key)):
            if known == wanted or (known | wanted and len(known & wanted) / len(known | wanted) >= 0.5):
                return meeting_id
        return None
