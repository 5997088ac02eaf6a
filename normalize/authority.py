"""The archivist's authority files in data/registry/: organisations, bodies and review decisions."""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "registry"


def registry_dir() -> Path:
    """The authority folder: $REFERAT_REGISTRY, else data/registry in the project."""
    return Path(os.environ.get("REFERAT_REGISTRY") or DEFAULT_DIR)


@dataclass(frozen=True)
class OrgEntry:
    name: str
    abbreviations: tuple[str, ...]
    aliases: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class BodyName:
    body: str
    name: str
    valid_from: dt.date | None
    valid_to: dt.date | None


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value and value.strip() else None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def read_organisations(folder: Path | None = None) -> list[OrgEntry]:
    folder = folder or registry_dir()
    path = folder / "organisations.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [OrgEntry(r["name"].strip(), _split(r.get("abbreviations")), _split(r.get("aliases")),
                         (r.get("parent") or "").strip() or None) for r in csv.DictReader(f)]


def read_bodies(folder: Path | None = None) -> list[BodyName]:
    folder = folder or registry_dir()
    path = folder / "bodies.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [BodyName(r["body"].strip(), r["name"].strip(), _date(r.get("valid_from", "")),
                         _date(r.get("valid_to", ""))) for r in csv.DictReader(f)]


def read_decisions(folder: Path | None = None) -> list[tuple[str, str, str | None]]:
    folder = folder or registry_dir()
    path = folder / "decisions.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [(r["action"], r["mention"], r.get("target") or None) for r in csv.DictReader(f)]


def write_decisions(rows: list[tuple[str, str, str | None]], folder: Path | None = None) -> Path:
    folder = folder or registry_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "decisions.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["action", "mention", "target"])
        writer.writerows(rows)
    return path
