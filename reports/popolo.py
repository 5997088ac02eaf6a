"""`referat export --format popolo`: people, organisations, memberships, meetings and votes in the
Popolo data model (https://www.popoloproject.com), as Open Civic Data and Councilmatic tooling read
it: ``persons``, ``organizations``, ``memberships``, ``events`` and ``vote_events`` with their
``counts`` and individual ``votes``.

Bodies are organisations with classification 'committee'; the organisations people attend for
are 'organization', and a membership names one as ``on_behalf_of_id``. What an export may hold is
the publication policy's to say: votes in exempt cases and people named only there are withheld."""

from __future__ import annotations

from typing import Any

from referat.reports.publication import Policy, publish_attendance, publish_people, publish_votes
from referat.reports.render import slug

# Popolo's vote options and results, from the archive's sides and outcomes
OPTIONS = {"for": "yes", "against": "no", "abstain": "abstain"}
RESULTS = {"adopted": "pass", "rejected": "fail"}


def _org_id(name: str) -> str:
    return f"organization/{slug(name)}"


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def build_popolo(people: list[dict[str, Any]], attendance: list[dict[str, Any]], meetings: list[dict[str, Any]],
                 votes: list[dict[str, Any]], policy: Policy) -> dict[str, list[dict[str, Any]]]:
    """The archive's rows (store.queries) as one Popolo document, through the publication policy."""
    attendance = publish_attendance(attendance, policy)
    votes = publish_votes(votes, policy)
    persons = [{"id": f"person/{p['id']}", "name": p["name"],
                "other_names": [{"name": a} for a in p["aliases"] or [] if a != p["name"]]}
               for p in publish_people(people, attendance)]
    bodies = sorted({m["body"] for m in meetings if m["body"]})
    organisations: dict[str, dict[str, Any]] = {
        _org_id(b): {"id": _org_id(b), "name": b, "classification": "committee"} for b in bodies}
    memberships = []
    for p in publish_people(people, attendance):
        for ms in p["memberships"]:
            for name, kind in ((ms["body"], "committee"), (ms["organisation"], "organization")):
                if name:
                    organisations.setdefault(_org_id(name), {"id": _org_id(name), "name": name,
                                                            "classification": kind})
            memberships.append({"person_id": f"person/{p['id']}", "organization_id": _org_id(ms["body"]),
                                "on_behalf_of_id": _org_id(ms["organisation"]) if ms["organisation"] else None,
                                "role": ms["role"] or "member", "start_date": _date(ms["first_date"]),
                                "end_date": _date(ms["last_date"])})
    for row in attendance:
        if row["organisation"]:
            organisations.setdefault(_org_id(row["organisation"]), {"id": _org_id(row["organisation"]),
                                                                    "name": row["organisation"],
                                                                    "classification": "organization"})
    by_meeting: dict[int, list[dict[str, Any]]] = {}
    for row in attendance:
        by_meeting.setdefault(row["meeting_id"], []).append(row)
    events = [{"id": f"event/{m['id']}", "name": f"{m['body']} {_date(m['date']) or ''}".strip(),
               "classification": "meeting", "start_date": _date(m["date"]),
               "start_time": m["start_time"], "end_time": m["end_time"], "location": m["location"],
               "organization_id": _org_id(m["body"]) if m["body"] else None,
               "sources": [{"note": name} for name in m["sources"] or []],
               "participants": [{"person_id": f"person/{a['person_id']}", "role": a["category"],
                                 "status": a["status"]} for a in by_meeting.get(m["id"], [])]}
              for m in meetings]
    vote_events = []
    for v in votes:
        counts = [{"option": option, "value": v[key]} for option, key in
                  (("yes", "votes_for"), ("no", "votes_against"), ("abstain", "votes_abstain")) if v[key] is not None]
        vote_events.append({
            "id": f"vote/{v['id']}", "event_id": f"event/{v['meeting_id']}",
            "organization_id": _org_id(v["body"]) if v["body"] else None, "start_date": _date(v["date"]),
            "motion": {"text": v["proposal"], "case": v["number"], "title": v["title"]},
            "result": RESULTS.get(v["outcome"] or ""), "unanimous": v["unanimous"], "counts": counts,
            "votes": [{"voter_id": f"person/{x['person_id']}", "voter_name": x["name"], "option": OPTIONS[x["side"]],
                       "group_id": _org_id(x["party"]) if x["party"] else None} for x in v["voters"]],
            "group_results": [{"group": p["party"], "option": OPTIONS[p["side"]], "value": p["count"]}
                              for p in v["parties"]],
            "sources": [{"note": v["source"], "page": v["page"], "line": v["line"]}]})
    return {"persons": persons, "organizations": sorted(organisations.values(), key=lambda o: o["id"]),
            "memberships": memberships, "events": events, "vote_events": vote_events}
