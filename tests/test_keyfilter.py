"""The loader's filter of known paths, files and meetings: never misses a key it holds, and in
fixed memory whatever the archive's size (issue #20)."""

import hashlib

from referat.store.keyfilter import KeyFilter


def _sha(i: int) -> str:
    return hashlib.sha256(str(i).encode()).hexdigest()


def test_every_key_added_is_found_and_others_are_not():
    keys = KeyFilter()
    for i in range(20_000):
        keys.add(_sha(i))
        keys.add((i % 500, f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}"))
    assert all(_sha(i) in keys for i in range(20_000))
    assert (7, "2024-08-08") in keys and (None, "2024-08-08") not in keys
    # one wrong 'perhaps' in about fifty million at this size: none in these 20,000
    assert not any(_sha(i) in keys for i in range(20_000, 40_000))


def test_its_memory_does_not_grow_with_the_keys():
    keys = KeyFilter(bits=1 << 12)
    size = len(keys._bits)
    for i in range(5_000):
        keys.add(f"/arkiv/{i}.pdf")
    assert len(keys._bits) == size == 512
    assert all(f"/arkiv/{i}.pdf" in keys for i in range(5_000))  # full, it says 'perhaps', never 'no'
