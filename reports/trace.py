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


def case_order(case: Case) -> tuple[str, str]:
    """Cases in order of body and number; a meeting whose body was not found has None, sorted first."""
    return case[0] or "", case[1] or ""


def _link_order(link: tuple[Case, Case]) -> tuple[tuple[str, str], tuple[str, str]]:
    return case_order(link[0]), case_order(link[1])


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


@dataclass
class CaseIndex:
    """Each case's items and its references both ways: built once, then any number of traces and
    case pages read it (building it per case made the site quadratic)."""

    by_case: dict[Case, list[dict[str, Any]]] = field(default_factory=dict)
    outgoing: dict[Case, list[Case]] = field(default_factory=dict)
    incoming: dict[Case, list[Case]] = field(default_factory=dict)

    def cases(self) -> list[Case]:
        """Every case in the archive or referred to, in order."""
        return sorted(self.by_case.keys() | self.incoming.keys(), key=case_order)

    def neighbours(self, case: Case) -> list[Case]:
        return self.outgoing.get(case, []) + self.incoming.get(case, [])


def index_cases(items: list[dict[str, Any]]) -> CaseIndex:
    """``items`` are as the publication policy let them through: a withheld case has no references."""
    index = CaseIndex()
    for item in items:
        source = (item["body"], item["number"])
        index.by_case.setdefault(source, []).append(item)
        for ref in item["references"]:
            target = (ref["target_body"], ref["target_number"])
            index.outgoing.setdefault(source, []).append(target)
            index.incoming.setdefault(target, []).append(source)
    return index


def trace(start: Case, items: list[dict[str, Any]] | CaseIndex) -> Trace:
    """Breadth-first over references in both directions; every case is visited once, so cycles end.
    ``items`` are as the publication policy let them through (or their index): a withheld case has
    no references."""
    index = items if isinstance(items, CaseIndex) else index_cases(items)
    if start not in index.by_case and start not in index.incoming:
        raise NotFoundError(f"{label(start)} is not in the archive and nothing refers to it")
    seen = {start}
    queue = deque([start])
    links: set[tuple[Case, Case]] = set()
    while queue:
        case = queue.popleft()
        links.update((case, target) for target in index.outgoing.get(case, []))
        links.update((source, case) for source in index.incoming.get(case, []))
        for n in index.neighbours(case):
            if n not in seen:
                seen.add(n)
                queue.append(n)
    return _result(start, index, seen, links, _cycles(_graph(links)))


def case_page(start: Case, index: CaseIndex, cycles: dict[Case, list[list[str]]]) -> Trace:
    """What a case's page shows: the case with its meetings, and the cases it refers to or is
    referred to by, each with its meetings' dates and titles and a link to its own page, instead of
    the whole chain inlined (a chain of a thousand cases made every page of it hold all of them).
    ``cycles`` are those of every case, from ``cycles_by_case``."""
    linked = {start, *index.neighbours(start)}
    links = {(start, target) for target in index.outgoing.get(start, [])}
    links |= {(source, start) for source in index.incoming.get(start, [])}
    return _result(start, index, linked, links, cycles.get(start, []), whole={start})


def cycles_by_case(index: CaseIndex) -> dict[Case, list[list[str]]]:
    """Every reference cycle of the archive once (found as ``trace`` finds those of one chain),
    under each case in it."""
    graph: dict[Case, list[Case]] = {}
    for source in sorted(index.outgoing, key=case_order):
        graph[source] = sorted(set(index.outgoing[source]), key=case_order)
    out: dict[Case, list[list[str]]] = {}
    for cases in _cycle_cases(graph):
        for case in cases:
            out.setdefault(case, []).append([label(c) for c in cases])
    return out


def _graph(links: set[tuple[Case, Case]]) -> dict[Case, list[Case]]:
    graph: dict[Case, list[Case]] = {}
    for a, b in sorted(links, key=_link_order):
        graph.setdefault(a, []).append(b)
    return graph


def _result(start: Case, index: CaseIndex, cases: set[Case], links: set[tuple[Case, Case]],
            cycles: list[list[str]], whole: set[Case] | None = None) -> Trace:
    """The trace of ``cases``; those not in ``whole`` (None: all) show their meetings without
    decisions and follow-ups."""
    result = Trace(start)
    for case in cases:
        meetings = index.by_case.get(case, [])
        withheld = any(m.get("withheld") for m in meetings)
        full = whole is None or case in whole
        result.withheld += withheld
        result.cases.append({
            "case": label(case), "body": case[0], "number": case[1], "in_archive": bool(meetings),
            "withheld": withheld,
            "meetings": [{"date": str(m["date"]), "title": m["title"], "source": m["source"], "page": m["page"],
                          "decisions": [d["text"] for d in m["decisions"]] if full else [],
                          "follow_ups": [f["text"] for f in m["follow_ups"]] if full else []} for m in meetings],
        })
    result.cases.sort(key=lambda c: (not c["in_archive"], c["meetings"][0]["date"] if c["meetings"] else "",
                                     c["case"]))
    result.links = [{"from": label(a), "to": label(b)} for a, b in sorted(links, key=_link_order)]
    result.cycles = cycles
    return result


def _cycles(graph: dict[Case, list[Case]]) -> list[list[str]]:
    """Every reference cycle once, as the list of its cases."""
    return [[label(c) for c in cycle] for cycle in _cycle_cases(graph)]


def _cycle_cases(graph: dict[Case, list[Case]]) -> list[list[Case]]:
    """Depth-first with a stack of its own: a chain of thousands of cases is deeper than Python's
    recursion limit."""
    found: list[list[Case]] = []
    seen_sets: set[frozenset[Case]] = set()
    state: dict[Case, int] = {}
    for root in sorted(graph, key=case_order):
        if root in state:
            continue
        path: list[Case] = [root]
        where = {root: 0}  # a case's place on the path, so a long chain is not searched for every cycle
        state[root] = 1
        todo = [iter(graph.get(root, []))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                todo.pop()
                done = path.pop()
                del where[done]
                state[done] = 2
            elif state.get(nxt) == 1:
                cycle = path[where[nxt]:]
                if frozenset(cycle) not in seen_sets:
                    seen_sets.add(frozenset(cycle))
                    found.append(cycle)
            elif nxt not in state:
                state[nxt] = 1
                where[nxt] = len(path)
                path.append(nxt)
                todo.append(iter(graph.get(nxt, [])))
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
