"""The `referat` command: thin wrappers that check arguments, call one library function and print."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from referat.errors import ExitCode, ReferatError
from referat.plural import count as _count
from referat.plural import word as _word
from referat.workers import DEFAULT_MEMORY_MB, DEFAULT_SECONDS

if TYPE_CHECKING:  # the reports load jinja2; only the commands that need them import them
    from referat.reports.site import SiteData
    from referat.store.db import Connection
    from referat.store.ingest import IngestSummary
    from referat.workers import Limits

DEFAULT_DB = "referat.duckdb"
db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="The archive database.")
wait_option = click.option("--wait", is_flag=True,
                           help="While another process holds the archive, wait for it instead of failing.")


def _waiting(wait: bool) -> Callable[[str], None] | None:
    """What `connect` does while another process holds the archive: say so once and wait, or fail."""
    return (lambda message: click.echo(message, err=True)) if wait else None


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A --from or --to date, refused before any work when it is none."""
    from referat.errors import BadArgumentError
    from referat.reports.filters import parse_date

    try:
        return None if value is None else parse_date(value)
    except BadArgumentError as exc:
        raise click.BadParameter(str(exc)) from None


def _body(conn: Connection, body: str | None) -> str | None:
    """The body as the archive spells it: --body may be in any case or the start of the name."""
    from referat.reports.filters import match_body
    from referat.store.queries import body_names

    return None if body is None else match_body(body, body_names(conn))


body_option = click.option("--body", help="Only this body (any case, or the start of its name).")
from_option = click.option("--from", "start", callback=_date, help="From this date (2023-12-11 or 11.12.2023).")
to_option = click.option("--to", "end", callback=_date, help="Up to this date (2023-12-11 or 11.12.2023).")


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
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes for reading files (default: number of cores).")
@click.option("--strict", is_flag=True, help="Treat every warning as an error.")
@click.option("--rehash", is_flag=True,
              help="Hash every file known to the archive, even when its size and modification time are unchanged.")
@click.option("-v", "--verbose", is_flag=True,
              help="Name each file as it is stored, with its pages, on a terminal too.")
@click.option("-q", "--quiet", is_flag=True, help="Show only failures: no progress, warnings or summary.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where files are processed: a local process pool, or Ray (needs referat[ray]).")
@click.option("--ray-address", default=None, help="Ray cluster to join (default: start a local Ray).")
@click.option("--shards", type=click.Path(file_okay=False), default=None,
              help="Keep the Parquet shards Ray writes in this folder (default: a temporary folder).")
@click.option("--max-file-seconds", type=click.FloatRange(min=1), default=DEFAULT_SECONDS, show_default=True,
              help="Stop reading a file after this many seconds (for a scan: on one page) and record it as failed.")
@click.option("--max-file-memory", type=click.IntRange(min=64), default=DEFAULT_MEMORY_MB, show_default=True,
              help="Megabytes a worker may use for one file (beyond its own); a file needing more fails.")
@wait_option
def ingest(paths: tuple[str, ...], db: str, workers: int | None, strict: bool, rehash: bool, verbose: bool,
           quiet: bool, engine: str, ray_address: str | None, shards: str | None, max_file_seconds: float,
           max_file_memory: int, wait: bool) -> None:
    """Read minutes (files or folders, recursively) into the archive.

    On a terminal a progress display shows files, pages and OCR'd pages; otherwise each file is
    named on a line of its own as it is stored."""
    from referat.pipeline import find_files
    from referat.progress import IngestProgress, choose_mode
    from referat.store import connect
    from referat.store.ingest import ingest as run
    from referat.workers import Limits

    if verbose and quiet:
        raise click.UsageError("--verbose and --quiet contradict each other; give one of them")
    files, missing = find_files(paths)
    for path, reason in missing:
        click.echo(f"skipped: {path}: {reason}", err=True)
    if not files:
        click.echo("Error: no files to ingest", err=True)
        sys.exit(int(ExitCode.bad_args))
    conn = connect(db, on_wait=_waiting(wait))
    progress = IngestProgress(files, choose_mode(quiet, sys.stderr), verbose=verbose)
    try:
        if engine == "ray":
            summary = _ingest_on_ray(conn, files, workers, ray_address, shards, progress.result, rehash, Path(db),
                                     Limits(max_file_seconds, max_file_memory))
        else:
            summary = run(conn, files, workers=workers or os.cpu_count() or 1, on_result=progress.result,
                          on_ocr_page=progress.ocr_page, db=Path(db), on_processed=progress.processed,
                          limits=Limits(max_file_seconds, max_file_memory), rehash=rehash)
    except BaseException:
        conn.close()  # a failed run lets go of the archive too
        raise
    finally:
        progress.close()
    conn.close()
    if not progress.reports_failures:
        for path, reason in summary.failed:
            click.echo(f"failed: {path}: {reason}", err=True)
    if not quiet or strict:  # with --strict a warning is a failure, and failures are always shown
        for path, message in summary.warnings:
            click.echo(f"warning: {path}: {message}", err=True)
    if not quiet:
        for outcome, path, note in summary.changes:
            click.echo(f"{outcome}: {path}: {note}", err=True)
        click.echo(_summary(summary, db), err=True)
    if summary.failed or missing or (strict and summary.warnings):
        sys.exit(int(ExitCode.input_failed))


def _summary(summary: IngestSummary, db: str) -> str:
    """One line whose counts add up to the files read; what was stored, by kind, after it."""
    r, k, kept = summary.results, summary.kinds, summary.outcomes["kept"]
    copies = f"{_count(r['copy'], 'copy of another file', 'copies of other files')}, " if r["copy"] else ""
    stored = [f"{n} as {kind}" for kind, n in sorted(k.items()) if n]
    return (f"{_count(sum(r.values()), 'file')} read into {db}: {r['loaded']} loaded, {r['replaced']} replaced, "
            f"{r['unchanged']} unchanged, {copies}{r['failed']} failed"
            + (f" (stored: {', '.join(stored)})" if stored else "")
            + (f"; {kept} failed where a good version was read before, which is kept" if kept else ""))


def _ingest_on_ray(conn: Connection, files: list[Path], workers: int | None, address: str | None,
                   shards: str | None, progress: Callable[[Any, str], None], rehash: bool,
                   db: Path, limits: Limits) -> IngestSummary:
    """Process on Ray into Parquet shards, then load the shards here, in file order; files the
    archive holds unchanged are skipped before Ray is started, and each file is read within the
    same limits, as by the local pool."""
    from referat.ray_engine import process_on_ray
    from referat.store.ingest import ingest as run

    def on_ray(todo: list[Path]) -> Iterator[Any]:
        return process_on_ray(todo, Path(shards) if shards else None, address=address, workers=workers,
                              limits=limits)

    return run(conn, files, on_result=progress, process=on_ray, rehash=rehash, db=db)


@main.command()
@db_option
@click.option("--out", type=click.Path(), default="-",
              help="Output file (default: stdout); for --format parquet, a folder.")
@click.option("--format", "fmt", type=click.Choice(["json", "parquet", "popolo"]), default="json", show_default=True,
              help="json: the evaluation contract; parquet: a file per table and view; popolo: Popolo JSON.")
@click.option("--public", is_flag=True, help="JSON: withhold exempt cases as a public output must (same shape).")
@click.option("--include-exempt", is_flag=True,
              help="parquet and popolo: include cases marked 'Unntatt offentlighet' (internal use only).")
@wait_option
def export(db: str, out: str, fmt: str, public: bool, include_exempt: bool, wait: bool) -> None:
    """Export the archive: every document as JSON (the evaluation contract), Parquet or Popolo."""
    from referat.store import connect
    from referat.store.export import iter_documents, write_json

    if fmt == "json" and include_exempt:
        raise click.UsageError("--include-exempt is for --format parquet or popolo; JSON withholds with --public")
    if fmt != "json" and public:
        raise click.UsageError("--format parquet and popolo are public unless --include-exempt; drop --public")
    conn = connect(db, read_only=True, on_wait=_waiting(wait))
    if fmt == "parquet":
        _export_parquet(conn, out, include_exempt)
        return
    if fmt == "popolo":
        data: Any = _popolo(conn, include_exempt)
        count = ", ".join([_count(len(data["persons"]), "person", "people"), _count(len(data["events"]), "meeting"),
                           _count(len(data["vote_events"]), "vote")])

        def write(stream: Any) -> None:
            stream.write(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        documents = iter_documents(conn)
        if public:
            from referat.reports.publication import PUBLIC, publish_document
            from referat.store.queries import legal_bases

            bases = legal_bases(conn)
            documents = (publish_document(doc, bases, PUBLIC) for doc in documents)
        written = 0

        def write(stream: Any) -> None:
            nonlocal written
            written = write_json(documents, stream)
    target = Path(out)
    if out == "-":
        write(sys.stdout)
        sys.stdout.write("\n")
    else:
        if target.exists() and not target.is_file():  # a pipe or a device, such as /dev/stdout
            with target.open("w", encoding="utf-8") as stream:
                write(stream)
        else:
            _write_whole(target, write)
        if fmt == "json":
            count = _count(written, "document")
        click.echo(f"{count} written to {out}", err=True)
    _warn_internal(include_exempt)


def _write_whole(target: Path, write: Callable[[Any], None]) -> None:
    """``write(stream)`` into a file beside ``target``, renamed to it once whole: an export stopped
    halfway (an error, a full disk, Ctrl-C) leaves the one before, never half of one."""
    part = target.with_name(target.name + ".part")
    try:
        with part.open("w", encoding="utf-8") as stream:
            write(stream)
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)


def _export_parquet(conn: Connection, out: str, include_exempt: bool) -> None:
    from referat.reports.publication import INTERNAL, PUBLIC
    from referat.store.parquet import export_parquet

    if out == "-":
        raise click.UsageError("--format parquet writes a folder: give it with --out DIR")
    written, left_out = export_parquet(conn, Path(out), INTERNAL if include_exempt else PUBLIC)
    click.echo(f"{_count(len(written), 'Parquet file')} written to {out}"
               + (f"; left out of a public export: {', '.join(left_out)}" if left_out else ""), err=True)
    _warn_internal(include_exempt)


def _popolo(conn: Connection, include_exempt: bool) -> dict[str, Any]:
    from referat.reports.popolo import build_popolo
    from referat.reports.publication import INTERNAL, PUBLIC
    from referat.store import queries as q

    return build_popolo(q.people(conn), q.attendance(conn), q.meetings(conn), q.votes(conn, include_exempt=True),
                        INTERNAL if include_exempt else PUBLIC)


@main.command()
@db_option
@wait_option
def schema(db: str, wait: bool) -> None:
    """The archive's tables and views, with their columns and what each means."""
    from referat.store import connect
    from referat.store.catalog import format_schema, relations

    click.echo(format_schema(relations(connect(db, read_only=True, on_wait=_waiting(wait)))))


@main.command()
@db_option
@click.argument("sql")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--max-width", type=click.IntRange(min=1), default=None,
              help="Cut table cells to this many characters, marking the cut with '…' (default: whole values).")
@wait_option
def query(db: str, sql: str, fmt: str, max_width: int | None, wait: bool) -> None:
    """Run SQL that reads the archive (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); no other file.

    Every statement is run and each result shown, in order; `.tables` is SHOW TABLES."""
    from referat.reports.table import format_table
    from referat.store.readonly import run_statements

    results = run_statements(db, sql, _waiting(wait))
    if fmt == "json":
        tables = [[dict(zip(columns, r, strict=True)) for r in rows] for columns, rows in results]
        # one statement gives its rows, as always; several give a list of their row lists
        click.echo(json.dumps(tables[0] if len(tables) == 1 else tables, ensure_ascii=False, default=str,
                              indent=1))
    elif fmt == "csv":
        buf = io.StringIO()
        for k, (columns, rows) in enumerate(results):
            if k:
                buf.write("\r\n")  # a blank line between two results' tables
            writer = csv.writer(buf)
            writer.writerow(columns)
            writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        click.echo("\n\n".join(format_table(columns, rows, max_width) for columns, rows in results))


exempt_option = click.option("--include-exempt", is_flag=True,
                             help="Include cases marked 'Unntatt offentlighet' (internal use only).")


def _site_data(db: str, include_exempt: bool, wait: bool = False) -> SiteData:
    """The archive as it is, exempt cases included: the site withholds what the policy says."""
    from referat.reports.publication import INTERNAL, PUBLIC, Source
    from referat.reports.site import SiteData
    from referat.reports.sitesearch import TEXT, SearchSource
    from referat.store import connect
    from referat.store import queries as q
    from referat.store.db import site_settings
    from referat.store.sitequeries import SiteQueries

    conn = site_settings(connect(db, read_only=True, on_wait=_waiting(wait)))
    return SiteData(archive=SiteQueries(conn), sources=q.paged_sources(conn, lambda row: Source(**row)),
                    policy=INTERNAL if include_exempt else PUBLIC,
                    search=SearchSource(q.paged_search_units(conn, include_exempt, TEXT),
                                        q.paged_search_postings(conn, include_exempt),
                                        q.paged_search_words(conn, include_exempt)))


def _warn_internal(include_exempt: bool) -> None:
    if include_exempt:
        from referat.reports.publication import INTERNAL_NOTICE

        click.echo(f"warning: {INTERNAL_NOTICE}", err=True)


@main.group(cls=Group)
def report() -> None:
    """HTML and CSV reports for analysts."""


@report.command("attendance")
@db_option
@body_option
@from_option
@to_option
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@wait_option
def report_attendance(db: str, body: str | None, start: dt.date | None, end: dt.date | None, out: str,
                      wait: bool) -> None:
    """Attendance per person and organisation, for each body and year (HTML and CSV)."""
    from referat.reports.attendance import write_attendance_pages
    from referat.reports.filters import check_range
    from referat.store import connect
    from referat.store import queries as q

    check_range(start, end)
    conn = connect(db, read_only=True, on_wait=_waiting(wait))
    body = _body(conn, body)
    # The figures are the archive's views; rows to tally only for an archive that has none yet.
    rates = q.attendance_rates(conn, body=body, start=start, end=end)
    rows = [] if rates is not None else q.attendance(conn, body=body, start=start, end=end)
    if not q.has_attendance(conn, body=body, start=start, end=end):
        click.echo("warning: no meeting with attendance matches --body, --from and --to; the report is empty",
                   err=True)
    path = write_attendance_pages(rows, Path(out), rates=rates)
    click.echo(f"wrote {path} and CSV beside it", err=True)


@report.command("votes")
@db_option
@body_option
@from_option
@to_option
@exempt_option
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@wait_option
def report_votes(db: str, body: str | None, start: dt.date | None, end: dt.date | None, include_exempt: bool,
                 out: str, wait: bool) -> None:
    """How each person and party voted, case by case, with the counts (HTML and CSV)."""
    from referat.reports.filters import check_range
    from referat.reports.publication import INTERNAL, PUBLIC, publish_votes
    from referat.reports.votes import write_votes
    from referat.store import connect
    from referat.store import queries as q

    check_range(start, end)
    conn = connect(db, read_only=True, on_wait=_waiting(wait))
    policy = INTERNAL if include_exempt else PUBLIC
    votes = q.votes(conn, body=_body(conn, body), start=start, end=end, include_exempt=True)
    if not votes:
        click.echo("warning: no vote matches --body, --from and --to; the report is empty", err=True)
    withheld = 0 if include_exempt else q.withheld_votes(conn)
    path = write_votes(votes, Path(out), withheld=withheld, policy=policy)
    click.echo(f"wrote {path} and CSV beside it: {_count(len(publish_votes(votes, policy)), 'vote')}"
               + (f"; {_count(withheld, 'exempt case')} withheld" if withheld else ""), err=True)
    _warn_internal(include_exempt)


@report.command("decisions")
@db_option
@exempt_option
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@wait_option
def report_decisions(db: str, include_exempt: bool, out: str, wait: bool) -> None:
    """The decision register: every vedtak, a page per body and year, searchable by text."""
    from referat.reports.publication import INTERNAL, PUBLIC
    from referat.reports.register import withheld_in, write_register_pages
    from referat.store import connect
    from referat.store import queries as q

    conn = connect(db, read_only=True, on_wait=_waiting(wait))
    policy = INTERNAL if include_exempt else PUBLIC
    decisions = q.register_decisions(conn, include_exempt=include_exempt)
    path = write_register_pages(decisions, Path(out), policy=policy)
    withheld = withheld_in(decisions, policy)
    click.echo(f"wrote {path}" + (f"; {_count(withheld, 'exempt case')} withheld" if withheld else ""), err=True)
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
@click.argument("query")
@body_option
@from_option
@to_option
@click.option("--kind", type=click.Choice(["decision", "case", "proposal", "follow-up"]),
              help="Only decisions, cases (title and text), proposals or follow-ups.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@exempt_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many hits.")
@wait_option
def search(db: str, query: str, body: str | None, start: dt.date | None, end: dt.date | None, kind: str | None,
           fmt: str, include_exempt: bool, limit: int, wait: bool) -> None:
    """Find cases, decisions, proposals and follow-ups by their words, best first, e.g.
    referat search samarbeidsmidler --kind decision. Words are stemmed (bokmål and nynorsk), a word
    finds the compounds it ends ('midler': 'samarbeidsmidler'), and OCR damage is tolerated."""
    from referat.reports.filters import check_range
    from referat.reports.hits import FORMATS
    from referat.store import connect
    from referat.store.search import search as run

    check_range(start, end)
    conn = connect(db, read_only=True, on_wait=_waiting(wait))
    hits = run(conn, query, body=_body(conn, body), start=start, end=end, kind=kind.replace("-", "_") if kind else None,
               include_exempt=include_exempt, limit=limit)
    click.echo(FORMATS[fmt](hits))
    _warn_internal(include_exempt)


@main.command()
@db_option
@exempt_option
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes for rendering pages and redacting source copies (default: number of cores); "
                   "1: this one alone.")
@wait_option
def site(db: str, include_exempt: bool, out: str, workers: int | None, wait: bool) -> None:
    """A static site of the archive: meetings, people, cases, the register and attendance."""
    from referat.reports.site import build_site

    data = _site_data(db, include_exempt, wait=wait)
    data.workers = workers or os.cpu_count() or 1
    counts = build_site(data, Path(out))
    click.echo(f"{_count(counts['meetings'], 'meeting')}, {_count(counts['people'], 'person', 'people')}, "
               f"{_count(counts['cases'], 'case')}, {_count(counts['decisions'], 'decision')}; "
               f"{_count(counts['withheld'], 'exempt case')} withheld", err=True)
    click.echo(f"open {Path(out).resolve() / 'index.html'}", err=True)
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
        click.echo(f"{_count(len(report.problems), 'problem')} found", err=True)
        sys.exit(int(ExitCode.database_error))
    click.echo("ok: every fact has a document, page and line; every reference points to a row; no orphans; "
               "every text matches its hash")


@main.command()
@db_option
@click.argument("names", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per name (the resolve contract).")
def resolve(db: str, names: tuple[str, ...], as_json: bool) -> None:
    """Which canonical person or organisation each NAME is; exits 1 when a name matches none."""
    from referat.normalize.resolve import resolve_name
    from referat.store import connect, load_registry

    registry = load_registry(connect(db, read_only=True))
    unmatched = 0
    for name in names:
        r = resolve_name(name, registry)
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
        else:
            found = f"{r['kind']} {r['id']}: {r['name']} ({r['level']}, {r['score']})" if r["id"] else "no match"
            click.echo(f"{name} -> {found}")
        unmatched += r["id"] is None
    if unmatched:
        # as grep does: a script can tell "not known" from "known" without reading the output
        sys.exit(int(ExitCode.no_match))


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
            click.echo((f"{p['id']:>6}  {p['name']:<32} {p['meetings']:>3} {_word(p['meetings'], 'meeting'):<8}"
                        + (f"  (also: {aliases})" if aliases else "")).rstrip())


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
