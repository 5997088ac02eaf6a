"""The `referat` command: thin wrappers that check arguments, call one library function and print."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from referat.errors import ExitCode, ReferatError

if TYPE_CHECKING:  # the reports load jinja2; only the commands that need them import them
    from referat.reports.site import SiteData
    from referat.store.db import Connection
    from referat.store.ingest import IngestSummary

DEFAULT_DB = "referat.duckdb"
db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="The archive database.")
wait_option = click.option("--wait", is_flag=True,
                           help="While another referat process writes the archive, wait for it instead of failing.")


def _waiting(wait: bool) -> Callable[[str], None] | None:
    """What `connect` does while another process holds the archive: say so once and wait, or fail."""
    return (lambda message: click.echo(message, err=True)) if wait else None


def _fail(exc: ReferatError) -> None:
    click.echo(f"Error: {exc}", err=True)
    sys.exit(int(exc.exit_code))


class Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ReferatError as exc:
            _fail(exc)
        except Exception as exc:
            duckdb = sys.modules.get("duckdb")
            if duckdb is None or not isinstance(exc, duckdb.Error):
                raise
            # the last net: a database error no command expected is still a message and exit 4
            from referat.errors import DatabaseError

            _fail(DatabaseError(f"the database failed: {exc}"))
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(int(ExitCode.interrupted))
        return None


@click.group(cls=Group)
@click.version_option(package_name="referat")
def main() -> None:
    """Turn Norwegian meeting minutes into a queryable DuckDB archive."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--workers", type=int, default=None, help="Processes for reading files (default: number of cores).")
@click.option("--strict", is_flag=True, help="Treat every warning as an error.")
@click.option("--rehash", is_flag=True,
              help="Hash every file known to the archive, even when its size and modification time are unchanged.")
@click.option("-v", "--verbose", is_flag=True, help="Say what happened to each file as it is stored.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where files are processed: a local process pool, or Ray (needs referat[ray]).")
@click.option("--ray-address", default=None, help="Ray cluster to join (default: start a local Ray).")
@click.option("--shards", type=click.Path(file_okay=False), default=None,
              help="Keep the Parquet shards Ray writes in this folder (default: a temporary folder).")
@wait_option
def ingest(paths: tuple[str, ...], db: str, workers: int | None, strict: bool, rehash: bool, verbose: bool,
           engine: str, ray_address: str | None, shards: str | None, wait: bool) -> None:
    """Read minutes (files or folders, recursively) into the archive."""
    from referat.pipeline import find_files
    from referat.store import connect
    from referat.store.ingest import ingest as run

    files, missing = find_files(paths)
    for path, reason in missing:
        click.echo(f"skipped: {path}: {reason}", err=True)
    if not files:
        click.echo("Error: no files to ingest", err=True)
        sys.exit(int(ExitCode.bad_args))
    conn = connect(db, on_wait=_waiting(wait))
    show = len(files) > 20 and sys.stderr.isatty() and not verbose

    with click.progressbar(length=len(files), label="Ingesting", file=sys.stderr, hidden=not show) as bar:

        def progress(result: object, outcome: str) -> None:
            bar.update(1)
            if verbose:
                click.echo(f"{outcome}: {getattr(result, 'path', '')}", err=True)
                sys.stderr.flush()

        def ocr_progress(path: str, done: int, total: int) -> None:
            if sys.stderr.isatty() and not show:
                end = "\n" if done == total else ""
                click.echo(f"\rOCR {Path(path).name}: page {done} of {total}", err=True, nl=False)
                click.echo(end, err=True, nl=False)

        try:
            if engine == "ray":
                summary = _ingest_on_ray(conn, files, workers, ray_address, shards, progress)
            else:
                summary = run(conn, files, workers=workers or os.cpu_count() or 1, on_result=progress,
                              on_ocr_page=ocr_progress, db=Path(db), rehash=rehash)
        except BaseException:
            conn.close()  # a failed run lets go of the archive too
            raise
    conn.close()
    for path, reason in summary.failed:
        click.echo(f"failed: {path}: {reason}", err=True)
    for path, message in summary.warnings:
        click.echo(f"warning: {path}: {message}", err=True)
    for outcome, path, note in summary.changes:
        click.echo(f"{outcome}: {path}: {note}", err=True)
    o, k = summary.outcomes, summary.kinds
    click.echo(f"{len(files)} files read into {db}: {o['loaded'] + o['replaced']} loaded "
               f"({k['minutes']} minutes, {k['other']} other), {o['replaced']} replaced, "
               f"{o['unchanged']} unchanged, {len(summary.failed)} failed"
               + (f"; {o['kept']} failed where a good version was read before, which is kept" if o["kept"] else "")
               + (f"; {o['copy']} identical copies recorded as another source" if o["copy"] else ""))
    if summary.failed or missing or (strict and summary.warnings):
        sys.exit(int(ExitCode.input_failed))


def _ingest_on_ray(conn: Connection, files: list[Path], workers: int | None, address: str | None,
                   shards: str | None, progress: Callable[[Any, str], None]) -> IngestSummary:
    """Process on Ray into Parquet shards, then load the shards here, in file order."""
    import tempfile

    from referat.ray_engine import run_on_ray
    from referat.shards import read_shards
    from referat.store.ingest import load_results

    with tempfile.TemporaryDirectory(prefix="referat-shards-") as scratch:
        written = run_on_ray(files, Path(shards or scratch), address=address, workers=workers)
        return load_results(conn, read_shards(written), on_result=progress)


@main.command()
@db_option
@click.option("--out", type=click.Path(dir_okay=False), default="-", help="Output file (default: stdout).")
@click.option("--public", is_flag=True, help="Withhold exempt cases as a public output must (same shape).")
@wait_option
def export(db: str, out: str, public: bool, wait: bool) -> None:
    """Export every document as JSON, in the evaluation contract."""
    from referat.store import connect, export_documents

    conn = connect(db, read_only=True, on_wait=_waiting(wait))
    data = export_documents(conn)
    if public:
        from referat.reports.publication import PUBLIC, publish_export
        from referat.store.queries import legal_bases

        data = publish_export(data, legal_bases(conn), PUBLIC)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if out == "-":
        click.echo(text)
    else:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"{len(data)} documents written to {out}", err=True)


@main.command()
@db_option
@click.argument("sql")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@wait_option
def query(db: str, sql: str, fmt: str, wait: bool) -> None:
    """Run SQL that reads the archive (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); no other file."""
    from referat.store.readonly import run_sql

    columns, rows = run_sql(db, sql, _waiting(wait))
    if fmt == "json":
        click.echo(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, default=str,
                              indent=1))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo(_table(columns, rows))


def _table(columns: list[str], rows: list[tuple[object, ...]]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(v[:w].ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out)


exempt_option = click.option("--include-exempt", is_flag=True,
                             help="Include cases marked 'Unntatt offentlighet' (internal use only).")


def _site_data(db: str, include_exempt: bool, body: str | None = None, start: str | None = None,
               end: str | None = None, wait: bool = False) -> SiteData:
    """The archive as it is, exempt cases included: the reports withhold what the policy says."""
    import datetime as dt

    from referat.reports.publication import INTERNAL, PUBLIC, Source
    from referat.reports.site import SiteData
    from referat.store import connect
    from referat.store import queries as q

    conn = connect(db, read_only=True, on_wait=_waiting(wait))
    return SiteData(
        meetings=q.meetings(conn), items=q.items(conn, include_exempt=True),
        attendance=q.attendance(conn, body=body, start=dt.date.fromisoformat(start) if start else None,
                                end=dt.date.fromisoformat(end) if end else None),
        people=q.people(conn), sources=[Source(**row) for row in q.sources(conn)],
        policy=INTERNAL if include_exempt else PUBLIC)


def _warn_internal(include_exempt: bool) -> None:
    if include_exempt:
        from referat.reports.publication import INTERNAL_NOTICE

        click.echo(f"warning: {INTERNAL_NOTICE}", err=True)


@main.group(cls=Group)
def report() -> None:
    """HTML and CSV reports for analysts."""


@report.command("attendance")
@db_option
@click.option("--body", help="Only this body.")
@click.option("--from", "start", help="From this date (YYYY-MM-DD).")
@click.option("--to", "end", help="Up to this date (YYYY-MM-DD).")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@wait_option
def report_attendance(db: str, body: str | None, start: str | None, end: str | None, out: str, wait: bool) -> None:
    """Attendance per person and organisation, for each body and year (HTML and CSV)."""
    from referat.reports.attendance import write_attendance

    data = _site_data(db, False, body, start, end, wait)
    path = write_attendance(data.attendance, Path(out), policy=data.policy)
    click.echo(f"wrote {path} and CSV beside it")


@report.command("votes")
@db_option
@click.option("--body", help="Only this body.")
@click.option("--from", "start", help="From this date (YYYY-MM-DD).")
@click.option("--to", "end", help="Up to this date (YYYY-MM-DD).")
@exempt_option
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@wait_option
def report_votes(db: str, body: str | None, start: str | None, end: str | None, include_exempt: bool,
                 out: str, wait: bool) -> None:
    """How each person and party voted, case by case, with the counts (HTML and CSV)."""
    import datetime as dt

    from referat.reports.publication import INTERNAL, PUBLIC, publish_votes
    from referat.reports.votes import write_votes
    from referat.store import connect
    from referat.store import queries as q

    conn = connect(db, read_only=True, on_wait=_waiting(wait))
    policy = INTERNAL if include_exempt else PUBLIC
    votes = q.votes(conn, body=body, start=dt.date.fromisoformat(start) if start else None,
                    end=dt.date.fromisoformat(end) if end else None, include_exempt=True)
    withheld = 0 if include_exempt else q.withheld_votes(conn)
    path = write_votes(votes, Path(out), withheld=withheld, policy=policy)
    click.echo(f"wrote {path} and CSV beside it: {len(publish_votes(votes, policy))} votes"
               + (f"; {withheld} exempt cases withheld" if withheld else ""))
    _warn_internal(include_exempt)


@report.command("decisions")
@db_option
@exempt_option
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@wait_option
def report_decisions(db: str, include_exempt: bool, out: str, wait: bool) -> None:
    """The decision register: every vedtak, filterable by body, year and text."""
    from referat.reports.publication import withheld_count
    from referat.reports.register import write_register

    data = _site_data(db, include_exempt, wait=wait)
    path = write_register(data.items, Path(out), policy=data.policy)
    withheld = withheld_count(data.items, data.policy)
    click.echo(f"wrote {path}" + (f"; {withheld} exempt cases withheld" if withheld else ""))
    _warn_internal(include_exempt)


@main.command()
@db_option
@exempt_option
@click.argument("case")
@click.option("--json", "as_json", is_flag=True, help="The trace as JSON.")
@click.option("--html", "html", type=click.Path(dir_okay=False), help="Write the trace as an HTML page.")
@wait_option
def trace(db: str, include_exempt: bool, case: str, as_json: bool, html: str | None, wait: bool) -> None:
    """A case's history across meetings and bodies, e.g. referat trace "Styringsgruppen 41-23"."""
    from referat.reports.publication import INTERNAL, PUBLIC, publish_items
    from referat.reports.render import render
    from referat.reports.trace import format_trace, parse_case
    from referat.reports.trace import trace as run
    from referat.store import connect
    from referat.store import queries as q

    conn = connect(db, read_only=True, on_wait=_waiting(wait))
    start = parse_case(case, q.body_names(conn))
    policy = INTERNAL if include_exempt else PUBLIC
    t = run(start, publish_items(q.case_history(conn, start), policy))
    _warn_internal(include_exempt)
    if html:
        render("case.html", Path(html), title=f"Sak {case}", t=t.as_dict(), root="", internal=policy.internal)
        click.echo(f"wrote {html}", err=True)
    if as_json:
        click.echo(json.dumps(t.as_dict(), ensure_ascii=False, indent=1))
    elif not html:
        click.echo(format_trace(t))


@main.command()
@db_option
@exempt_option
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@wait_option
def site(db: str, include_exempt: bool, out: str, wait: bool) -> None:
    """A static site of the archive: meetings, people, cases, the register and attendance."""
    from referat.reports.site import build_site

    counts = build_site(_site_data(db, include_exempt, wait=wait), Path(out))
    click.echo(f"{counts['meetings']} meetings, {counts['people']} people, {counts['cases']} cases, "
               f"{counts['decisions']} decisions; {counts['withheld']} exempt cases withheld")
    click.echo(f"open {Path(out).resolve() / 'index.html'}")
    _warn_internal(include_exempt)


@main.command()
@db_option
@wait_option
def verify(db: str, wait: bool) -> None:
    """Check the archive's integrity; exits non-zero on any problem."""
    from referat.store import connect
    from referat.store.verify import verify as check

    report = check(connect(db, read_only=True, on_wait=_waiting(wait)))
    click.echo(", ".join(f"{n} {table}" for table, n in report.counts.items()))
    for problem in report.problems:
        click.echo(f"problem: {problem}")
    if not report.ok:
        click.echo(f"{len(report.problems)} problems found", err=True)
        sys.exit(int(ExitCode.database_error))
    click.echo("ok: every fact has a document, page and line; every reference points to a row; no orphans; "
               "every text matches its hash")


@main.command()
@db_option
@click.argument("names", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per name (the resolve contract).")
def resolve(db: str, names: tuple[str, ...], as_json: bool) -> None:
    """Which canonical person or organisation each NAME is."""
    from referat.normalize.resolve import resolve_name
    from referat.store import connect, load_registry

    registry = load_registry(connect(db, read_only=True))
    for name in names:
        r = resolve_name(name, registry)
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
        else:
            found = f"{r['kind']} {r['id']}: {r['name']} ({r['level']}, {r['score']})" if r["id"] else "no match"
            click.echo(f"{name} -> {found}")


@main.group(cls=Group, invoke_without_command=True)
@db_option
@click.pass_context
def review(ctx: click.Context, db: str) -> None:
    """Uncertain name matches waiting for a human decision."""
    ctx.obj = db
    if ctx.invoked_subcommand is None:
        from referat.store import connect
        from referat.store.review import pending

        rows = pending(connect(db, read_only=True))
        if not rows:
            click.echo("No matches wait for review.")
        for r in rows:
            click.echo(f"#{r['id']}  {r['mention']!r} ~ {r['candidate']!r} (score {r['score']:.0f})  "
                       f"{r['source']} page {r['page']} line {r['line']}")


@review.command("accept")
@click.argument("review_id", type=int)
@click.pass_obj
def review_accept(db: str, review_id: int) -> None:
    """The mention is the candidate: merge them."""
    from referat.store import connect
    from referat.store.review import decide

    click.echo(decide(connect(db), review_id, accept=True))


@review.command("reject")
@click.argument("review_id", type=int)
@click.pass_obj
def review_reject(db: str, review_id: int) -> None:
    """The mention is someone else: never match them again."""
    from referat.store import connect
    from referat.store.review import decide

    click.echo(decide(connect(db), review_id, accept=False))


@main.group(cls=Group, invoke_without_command=True)
@db_option
@click.pass_context
def people(ctx: click.Context, db: str) -> None:
    """Canonical people with their aliases and meeting counts."""
    ctx.obj = db
    if ctx.invoked_subcommand is None:
        from referat.store import connect
        from referat.store.review import list_people

        for p in list_people(connect(db, read_only=True)):
            aliases = ", ".join(a for a in p["aliases"] if a != p["name"])
            click.echo(f"{p['id']:>6}  {p['name']:<32} {p['meetings']:>3} meetings"
                       + (f"  (also: {aliases})" if aliases else ""))


@people.command("merge")
@click.argument("keep")
@click.argument("other")
@click.pass_obj
def people_merge(db: str, keep: str, other: str) -> None:
    """Make OTHER the same person as KEEP (names or ids)."""
    from referat.store import connect
    from referat.store.review import merge_people

    click.echo(merge_people(connect(db), keep, other))


@people.command("split")
@click.argument("person")
@click.argument("alias")
@click.pass_obj
def people_split(db: str, person: str, alias: str) -> None:
    """Make the spelling ALIAS a person of its own, never again matched to PERSON."""
    from referat.store import connect
    from referat.store.review import split_person

    click.echo(split_person(connect(db), person, alias))


if __name__ == "__main__":
    main()
