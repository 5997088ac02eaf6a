"""Times resolving 100,000 name mentions against a registry of 10,000 people (target: under 30 s).

Mentions are a seeded mix of exact spellings, folded and OCR-damaged variants, typos and
unknown people, so every matching level is exercised. Prints the figures; asserts nothing."""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from referat.normalize.matching import PersonIndex, match_person

GIVEN = ["Kari", "Ola", "Ingrid", "Per", "Siri", "Lars", "Anne", "Jonas", "Marit", "Knut", "Liv", "Eirik", "Hilde",
         "Tor", "Randi", "Øyvind", "Åse", "Bjørn", "Sigrid", "Håkon", "Nina", "Arne", "Trude", "Geir", "Berit",
         "Gunnar", "Solveig", "Terje", "Kjersti", "Rune", "Tone", "Espen", "Mette", "Odd", "Ragnhild", "Stein"]
PARTS = ["berg", "dal", "vik", "lie", "haug", "stad", "land", "rud", "moen", "nes", "holm", "gård", "bø", "seth",
         "heim", "strand", "li", "myr", "sæter", "fjell", "aas", "brekke", "lund", "skog", "eng", "voll"]
HEADS = ["Ny", "Øster", "Sol", "Hau", "Bakk", "Lang", "Aur", "Fos", "Gjerd", "Røn", "Tveit", "Kvam", "Hel",
         "Mæl", "Sand", "Rød", "Vestr", "Nord", "Sør", "Ås", "Eid", "Fjær", "Grøn", "Hov", "Jør", "Kro"]


def surname(rng: random.Random) -> str:
    return rng.choice(HEADS) + rng.choice(PARTS) + rng.choice(["", "", "en", "e"])


def damage(name: str, rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return name
    if kind < 0.45:
        return name.upper() if rng.random() < 0.5 else name.replace("ø", "o").replace("å", "a").replace("æ", "ae")
    if kind < 0.6:
        return name.replace("ø", "g").replace("Ø", "@").replace("å", "a")
    if kind < 0.75 and len(name) > 6:
        i = rng.randrange(len(name) - 3) + 2
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    if kind < 0.85:
        words = name.split()
        return " ".join([words[0], *(w[0] + "." for w in words[1:-1]), words[-1]])
    return f"{rng.choice(GIVEN)} {surname(rng)}x"  # nobody in the registry


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    names: set[str] = set()
    while len(names) < args.people:
        middle = f" {rng.choice(GIVEN)}" if rng.random() < 0.3 else ""
        names.add(f"{rng.choice(GIVEN)}{middle} {surname(rng)}")
    t0 = time.perf_counter()
    index = PersonIndex()
    for i, name in enumerate(sorted(names)):
        index.add(i, name)
    built = time.perf_counter() - t0
    pool = sorted(names)
    mentions = [damage(rng.choice(pool), rng) for _ in range(args.mentions)]
    t0 = time.perf_counter()
    levels = Counter(match_person(m, index).level for m in mentions)
    elapsed = time.perf_counter() - t0
    print(f"registry: {args.people:,} people, index built in {built:.2f} s")
    print(f"resolved {args.mentions:,} mentions in {elapsed:.2f} s ({args.mentions / elapsed:,.0f} mentions/s)")
    print("levels: " + ", ".join(f"{k} {v:,}" for k, v in levels.most_common()))
    print(f"target under 30 s: {'met' if elapsed < 30 else 'NOT met'}")


if __name__ == "__main__":
    main()
