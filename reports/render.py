"""The jinja2 environment: autoescaped, templates from the package, a user's own folder first."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PackageLoader,
    select_autoescape,
)

from referat.folding import fold
from referat.reports import labels


def slug(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text or "")).strip("-") or "x"


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """jinja2's cache of compiled templates, in a folder of this user's in the temporary folder;
    none where that folder cannot be made or is not this user's alone (the templates are then
    compiled on each run, as before)."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


@lru_cache(maxsize=4)
def environment(user_templates: str | None = None) -> Environment:
    """Templates in $REFERAT_TEMPLATES (or the given folder) override the defaults by name.

    Compiled templates are kept in jinja2's cache in the temporary folder, keyed by each template's
    file and text: parsing and compiling them took a report a tenth of a second on every run."""
    folder = user_templates or os.environ.get("REFERAT_TEMPLATES")
    loaders = [FileSystemLoader(folder)] if folder else []
    env = Environment(loader=ChoiceLoader([*loaders, PackageLoader("referat.reports", "templates")]),
                      autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                      lstrip_blocks=True, bytecode_cache=_bytecode_cache())
    env.filters["slug"] = slug
    labels.install(env)
    return env


# Files every page loads from its root ({{ root }}site.js): written once beside the pages instead
# of inlined in each of thousands of them; a <script src> loads from disk where a fetch may not.
ASSETS = ("site.js",)
_written: set[Path] = set()


def render(template: str, path: Path, **context: object) -> Path:
    """The template rendered to ``path``; a page given its ``root`` gets the ASSETS there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(environment().get_template(template).render(**context), encoding="utf-8")
    root = context.get("root")
    if isinstance(root, str):
        # a join and normalisation of the path, not resolve(): thousands of pages, no stat each
        write_assets(Path(os.path.abspath(os.path.join(path.parent, root))))
    return path


def render_stream(template: str, path: Path, **context: object) -> Path:
    """``render`` written as the template makes it: a page of every decision is never held whole.
    Its rows may be a one-pass iterable (and ``reports.site.Counted`` where the page counts them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        f.writelines(environment().get_template(template).generate(**context))
    root = context.get("root")
    if isinstance(root, str):
        write_assets(Path(os.path.abspath(os.path.join(path.parent, root))))
    return path


def write_assets(folder: Path) -> None:
    """ASSETS into ``folder``, once a build: a file already there as the templates have it is left be."""
    if folder in _written and all((folder / name).exists() for name in ASSETS):
        return
    env = environment()
    for name in ASSETS:
        text, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    _written.add(folder)
