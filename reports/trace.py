"""A case's history across meetings and bodies: what it references and what references it,
transitively, in date order. Cases not in the archive are shown as such, not dropped."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from referat.errors import NotFoundError
from referat.extract.casenumber import NUMBER_IN_TEXT, normalize_number
from referat.folding import fold

Case = tuple[str, str]  # (body, number)


@dataclass
class Trace:
    start: Case
    cases: list[dict[str, Any]] = field(default_factory=list)  # in date order; missing ones last
    links: list[dict[str, str]] = field(default_factory=list)
    cycles: list[list[str]] = field(default_factory=list)
    withheld: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"case": label(self.start), "cases": self.cases, "links": self.links, "cycles": self.cycles,
                "withheld": self.withheld}


def label(case: Case) -> str:
    return f"{case[0]} {case[1]}"


# Words around a case in an analyst's phrasing: 'Oppfølging av sak 24-23 fra Styringsgruppen'
_FILLER = {"oppfolging", "av", "sak", "saken", "fra", "i", "til", "jf", "jfr", "om"}


def parse_case(text: str, bodies: list[str]) -> Case:
    """'Styringsgruppen 41-23', 'Partnermøtet sak 6/23' or 'Oppfølging av sak 24-23 fra Styringsgruppen'
    -> ('Styringsgruppen', '24-23'). A body may be named by the start of its name."""
    found = NUMBER_IN_TEXT.search(text)
    number = normalize_number(found.group(1)) if found else None
    if found is None or number is None:
        raise NotFoundError(f"{text!r}: give a body and a case number, e.g. 'Styringsgruppen 41-23'")
    rest = text[: found.start()] + " " + text[found.end():]
    wanted = " ".join(w for w in fold(rest).split() if w not in _FILLER)
    body = (next((b for b in bodies if fold(b) == wanted), None)
            or next((b for b in sorted(bodies, key=len) if wanted and fold(b).startswith(wanted)), None))
    if body is None:
        raise NotFoundError(f"{text!r}: no body {wanted!r} in the archive ({', '.join(sorted(bodies))})")
    return body, number


def trace(start: Case, items: list[dict[str, Any]]) -> Trace:
    """Breadth-first over references in both directions; every case is visited once, so cycles end.
    ``items`` are as the publication policy let them through: a withheld case has no references."""
    by_case: dict[Case, list[dict[str, Any]]] = {}
    for item in items:
        by_case.setdefault((item["body"], item["number"]), []).append(item)
    outgoing: dict[Case, list[tuple[Case, str]]] = {}
    incoming: dict[Case, list[Case]] = {}
    for item in items:
        source = (item["body"], item["number"])
        for ref in item["references"]:
            target = (ref["target_body"], ref["target_number"])
            outgoing.setdefault(source, []).append((target, ref.get("raw") or ""))
            incoming.setdefault(target, []).append(source)
    result = Trace(start)
    if start not in by_case and start not in incoming:
        raise NotFoundError(f"{label(start)} is not in the archive and nothing refers to it")
    seen = {start}
    queue = deque([start])
    links: set[tuple[Case, Case]] = set()
    while queue:
        case = queue.popleft()
        neighbours = [t for t, _ in outgoing.get(case, [])] + incoming.get(case, [])
        for target, _raw in outgoing.get(case, []):
            links.add((case, target))
        for source in incoming.get(case, []):
            links.add((source, case))
        for n in neighbours:
            if n not in seen:
                seen.add(n)
                queue.append(n)
    for case in seen:
        meetings = by_case.get(case, [])
        withheld = any(m.get("withheld") for m in meetings)
        result.withheld += withheld
        result.cases.append({
            "case": label(case), "body": case[0], "number": case[1], "in_archive": bool(meetings),
            "withheld": withheld,
            "meetings": [{"date": str(m["date"]), "title": m["title"], "source": m["source"], "page": m["page"],
                          "decisions": [d["text"] for d in m["decisions"]],
                          "follow_ups": [f["text"] for f in m["follow_ups"]]} for m in meetings],
        })
    result.cases.sort(key=lambda c: (not c["in_archive"], c["meetings"][0]["date"] if c["meetings"] else "",
                                     c["case"]))
    result.links = [{"from": label(a), "to": label(b)} for a, b in sorted(links)]
    graph: dict[Case, list[Case]] = {}
    for a, b in sorted(links):
        graph.setdefault(a, []).append(b)
    result.cycles = _cycles(graph)
    return result


def _cycles(graph: dict[Case, list[Case]]) -> list[list[str]]:
    """Every reference cycle once, as the list of its cases."""
    found: list[list[str]] = []
    seen_sets: set[frozenset[Case]] = set()
    state: dict[Case, int] = {}
    stack: list[Case] = []

    def visit(node: Case) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):]
                if frozenset(cycle) not in seen_sets:
                    seen_sets.add(frozenset(cycle))
                    found.append([label(c) for c in cycle])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def format_trace(t: Trace) -> str:
    lines = [f"Trace of {label(t.start)}"]
    for case in t.cases:
        if not case["in_archive"]:
            lines.append(f"  {case['case']}: not in the archive")
            continue
        for m in case["meetings"]:
            lines.append(f"  {m['date']}  {case['case']}  {m['title']}  ({m['source']}, page {m['page']})")
            lines += [f"      vedtak: {d}" for d in m["decisions"]]
            lines += [f"      oppfølging: {f}" for f in m["follow_ups"]]
    lines.append("  links: " + "; ".join(f"{link['from']} -> {link['to']}" for link in t.links))
    for cycle in t.cycles:
        lines.append("  cycle: " + " -> ".join([*cycle, cycle[0]]))
    return "\n".join(lines)
