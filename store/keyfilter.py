"""A set of keys in fixed memory that may answer 'perhaps' for a key never added (a Bloom filter).

The loader asks the database about a document only when its path, its bytes or its meeting may
be known already. Sets of those keys held about 350 bytes per document (35 MB at 100,000
documents), growing with the archive; a filter holds 4 MB whatever the archive's size. A wrong
'perhaps' costs one query that finds nothing; a key added is never missed. Of keys never added,
one in fifty million is a wrong 'perhaps' at 100,000 keys, one in 6,000 at a million."""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable

BITS = 1 << 25  # 4 MB
HASHES = 4


class KeyFilter:
    def __init__(self, keys: Iterable[Hashable] = (), bits: int = BITS) -> None:
        self._bits = bytearray(bits // 8)
        self._mask = bits - 1  # bits is a power of two
        for key in keys:
            self.add(key)

    def _positions(self, key: Hashable) -> list[int]:
        digest = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=4 * HASHES).digest()
        return [int.from_bytes(digest[k: k + 4], "little") & self._mask for k in range(0, 4 * HASHES, 4)]

    def add(self, key: Hashable) -> None:
        for position in self._positions(key):
            self._bits[position >> 3] |= 1 << (position & 7)

    def __contains__(self, key: object) -> bool:
        return all(self._bits[p >> 3] >> (p & 7) & 1 for p in self._positions(key))  # type: ignore[arg-type]
