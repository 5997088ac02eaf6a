"""Front matter of Markdown minutes (Jekyll, Hugo, Astro): the facts a site generator keeps out of the text.

A post's title, date, place and lists of who came stand between two '---' lines before the text, or
only in the file name ('2015-01-30-første-møte.md'). They are turned into the lines minutes would
have written (a title, 'Dato:', 'Sted:', 'Til stede:' with one person a line), so the header and
attendance readers need to know nothing of front matter. Keys that describe the page, not the
meeting ('layout', 'tags', 'inaccurate'), are left out.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# YAML between '---' lines; Hugo also writes TOML between '+++' lines ('title = "..."')
_FENCE = re.compile(r"^(?:---|\+\+\+)\s*$")
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<value>.*)$")
_ITEM = re.compile(r"^\s*-(?:\s+(?P<value>.*)|\s*$)")
_FILE_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Front matter keys as the lines minutes would write; keys are compared in lower case, '-' as '_'.
_TITLES = ("title", "subtitle", "subheadline", "subheading", "heading", "tittel", "undertittel")
_FIELDS = {"date": "Dato", "dato": "Dato", "location": "Sted", "place": "Sted", "venue": "Sted", "sted": "Sted",
           "time": "Tid", "tid": "Tid", "referent": "Referent", "secretary": "Referent", "minutes_by": "Referent"}
_LISTS = {"attending": "Til stede", "attendees": "Til stede", "present": "Til stede", "participants": "Til stede",
          "tilstede": "Til stede", "til_stede": "Til stede", "deltakere": "Til stede",
          "not_attending": "Forfall", "absent": "Forfall", "apologies": "Forfall", "forfall": "Forfall",
          "guests": "Gjester", "gjester": "Gjester"}
# A person's name: capitalised words, particles such as 'van' or 'de' between them
_PERSON = re.compile(r"^[A-ZÆØÅ][\w.'’-]*(?:\s+(?:[A-ZÆØÅ][\w.'’-]*|van|von|de|da|der|den|af|la|le))+$")


def split_front_matter(text: str) -> tuple[dict[str, str | list[str]], int, str]:
    """Front matter as keys to values (a string, or a list of items), how many lines it takes, and the text
    after it; no front matter gives ``({}, 0, text)``."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return {}, 0, text
    end = next((k for k in range(1, min(len(lines), 200)) if lines[k].strip() == lines[0].strip()), None)
    if end is None:
        return {}, 0, text
    data: dict[str, str | list[str]] = {}
    key: str | None = None
    for raw in lines[1:end]:
        item = _ITEM.match(raw)
        if item and key is not None:
            values = data.get(key)
            data[key] = [*(values if isinstance(values, list) else []), _unquote(item.group("value") or "")]
            continue
        m = _KEY.match(raw)
        if m:
            key = m.group("key").lower().replace("-", "_")
            value = m.group("value").strip()
            # an inline list: '[Kari Vik, Per Olsen]'
            data[key] = ([_unquote(v) for v in value[1:-1].split(",") if v.strip()]
                         if value.startswith("[") and value.endswith("]") else _unquote(value))
    if not data:
        return {}, 0, text
    return data, end + 1, "\n".join(lines[end + 1:])


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value


def _person(item: str) -> str:
    """'cyb, Jan Furulund' -> 'Jan Furulund, cyb': the person first, where they come from or their
    office after the comma, as lists of minutes write them ('Kari Lie, Navet', 'Per Dahl, kasserer');
    an item that is no such pair stays as written."""
    parts = [p.strip() for p in item.strip().strip(",-– ").split(",") if p.strip(" -–")]
    if len(parts) == 2:
        first, second = (p.strip(" -–") for p in parts)
        if _PERSON.match(second) and not _PERSON.match(first):
            return f"{second}, {first}"
        if _PERSON.match(first) and not _PERSON.match(second):
            return f"{first}, {second}"
    return ", ".join(p.strip(" -–") for p in parts)


def front_matter_lines(data: dict[str, str | list[str]], path: str) -> list[str]:
    """The meeting's facts from front matter as lines of text: titles first, then fields, then lists."""
    out: list[str] = []
    for key in _TITLES:
        value = data.get(key)
        if isinstance(value, str) and value:
            out.append(f"# {value}")
    date = data.get("date") or data.get("dato")
    if not isinstance(date, str) or not date:
        # Jekyll dates a post by its file name ('2015-01-30-første-møte.md') when the front matter does not
        m = _FILE_DATE.search(PurePath(path).name)
        if m:
            out.append(f"Dato: {m.group(1)}")
    for key, label in _FIELDS.items():
        value = data.get(key)
        if isinstance(value, str) and value:
            if label == "Dato" and _ISO_DATE.match(value):
                value = value[:10]  # '2015-02-03 14:15:00 +0100': the time is no part of the date field
            out.append(f"{label}: {value}")
    for key, label in _LISTS.items():
        value = data.get(key)
        items = [_person(v) for v in value] if isinstance(value, list) else []
        items = [i for i in items if re.search(r"[A-ZÆØÅ]", i)]  # 'okonomians,': a group that sent nobody
        if items:
            out.append(f"{label}:")
            out.extend(f"- {item}" for item in items)
        elif isinstance(value, str) and value:
            out.append(f"{label}: {value}")
    return out
