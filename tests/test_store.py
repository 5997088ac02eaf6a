import io
import json
from pathlib import Path

import pytest

from helpers import MINUTES, SAMPLES
from referat.pipeline import find_files
from referat.store import connect, export_documents
from referat.store.export import iter_documents, write_json
from referat.store.ingest import ingest

TABLES = ("documents", "meetings", "items", "decisions", "follow_ups", "item_references", "attendance", "people",
          "organisations", "aliases", "bodies", "memberships", "warnings", "pages")


def counts(conn) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_reingesting_a_folder_changes_no_row_count(tmp_path: Path):
    conn = connect(tmp_path / "a.duckdb")
    files, _ = find_files([SAMPLES, MINUTES])
    first = ingest(conn, files)
    before = counts(conn)
    second = ingest(conn, files)
    assert counts(conn) == before
    assert first.outcomes["loaded"] == len(files) and second.outcomes["unchanged"] == len(files)
    # Every minutes file is a meeting (the seeds' annual report and plan are not minutes), less two
    # copies: the sample PDF of seed 000, and the UTF-8 twin of the cp1252 fixture (read first, by name)
    minutes = [f for f in files if not f.name.startswith(("002_", "004_"))]
    assert before["meetings"] == len(minutes) - 2 == 55 and before["documents"] == len(files)
    copies = conn.execute("SELECT d.source FROM meeting_sources s JOIN documents d ON d.id = s.document_id "
                          "WHERE s.role = 'copy' ORDER BY 1").fetchall()
    assert copies == [("kommunestyre-2024-03-14.txt",), ("styringsgruppen-2023-12-11.pdf",)]


def test_a_changed_file_replaces_its_extraction(tmp_path: Path):
    path = tmp_path / "m.txt"
    original = (MINUTES / "kommunestyre-2024-03-14.txt").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    conn = connect(tmp_path / "a.duckdb")
    ingest(conn, [path])
    path.write_text(original.replace("Sak 8/24 Oppfølging av kvalitetsmeldingen", "Sak 8/24 Kvalitetsmelding 2024"),
                    encoding="utf-8")
    summary = ingest(conn, [path])
    assert summary.outcomes["replaced"] == 1
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    titles = [t for (t,) in conn.execute("SELECT title FROM items ORDER BY seq").fetchall()]
    assert titles[-1] == "Kvalitetsmelding 2024" and len(titles) == 4


def test_every_fact_has_document_page_and_line(seeded_db: Path):
    conn = connect(seeded_db, read_only=True)
    for table in ("items", "decisions", "follow_ups", "item_references", "attendance"):
        missing = conn.execute(f"SELECT count(*) FROM {table} WHERE document_id IS NULL OR page IS NULL "
                               "OR line IS NULL").fetchone()[0]
        assert missing == 0, table


def test_raw_text_is_kept_for_every_document(seeded_db: Path):
    conn = connect(seeded_db, read_only=True)
    rows = conn.execute("SELECT source, raw_text, kind FROM documents ORDER BY source").fetchall()
    assert [r[2] for r in rows] == ["minutes", "minutes", "other", "minutes", "other"]
    assert all(len(r[1]) > 1000 for r in rows)


def test_a_bad_file_is_recorded_and_the_rest_loaded(tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 100)
    good = tmp_path / "good.txt"
    good.write_bytes((MINUTES / "styret-2024-09-02.md").read_bytes())
    conn = connect(tmp_path / "a.duckdb")
    summary = ingest(conn, [bad, good])
    assert summary.failed == [(str(bad), "the file is binary, not text (is it named right?)")]
    rows = conn.execute("SELECT source, status, kind FROM documents ORDER BY source").fetchall()
    assert rows == [("bad.txt", "failed", "failed"), ("good.txt", "loaded", "minutes")]


def test_memberships_span_first_to_last_meeting(seeded_db: Path):
    conn = connect(seeded_db, read_only=True)
    rows = conn.execute("""SELECT b.name, min(m.first_date), max(m.last_date) FROM memberships m
        JOIN people p ON p.id = m.person_id JOIN bodies b ON b.id = m.body_id
        WHERE p.name = 'Kristin Walter' GROUP BY b.name ORDER BY b.name""").fetchall()
    assert [(r[0], str(r[1]), str(r[2])) for r in rows] == [("Partnermøtet", "2023-10-23", "2026-03-23"),
                                                           ("Styringsgruppen", "2023-12-11", "2023-12-11")]


def test_export_read_in_batches_is_the_export_read_at_once(tmp_path: Path):
    """The export reads a batch of documents per query; a batch's edge splits no meeting, and two
    documents of one meeting (the sample PDF of seed 000 and its text) both carry it whole."""
    conn = connect(tmp_path / "a.duckdb")
    files, _ = find_files([SAMPLES, MINUTES])
    ingest(conn, files)
    whole = list(iter_documents(conn, batch=len(files)))
    assert list(iter_documents(conn, batch=3)) == whole and len(whole) == len(files)
    by_source = {d["source"]: d for d in whole}
    pdf, text = by_source["styringsgruppen-2023-12-11.pdf"], by_source["000_b0133e4c38a4f008.txt"]
    assert pdf["items"] == text["items"] and len(text["items"]) == 7
    assert pdf["attendance"] == text["attendance"] and len(text["attendance"]) == 28
    assert "meeting" not in by_source["002_ea662edd9b1a6dc1.txt"]  # the annual report is no meeting
    out = io.StringIO()
    assert write_json(iter(whole), out) == len(files)
    assert out.getvalue() == json.dumps(whole, ensure_ascii=False, indent=1)
    empty = io.StringIO()
    assert write_json([], empty) == 0 and empty.getvalue() == "[]"


def test_organisation_from_the_same_person_elsewhere(seeded_db: Path, tmp_path: Path):
    """In 001 Karsten Specht's row names a role, not an organisation; 000 lists him for UiB."""
    conn = connect(seeded_db, read_only=True)
    row = conn.execute("""SELECT a.organisation_id, o.name, d.source, e.page, e.line
        FROM attendance a JOIN people p ON p.id = a.person_id JOIN documents da ON da.id = a.document_id
        JOIN attendance_organisations ao ON ao.attendance_id = a.id JOIN organisations o ON o.id = ao.organisation_id
        JOIN attendance e ON e.id = ao.inferred_from JOIN documents d ON d.id = e.document_id
        WHERE p.name = 'Karsten Specht' AND da.source = '001_9eefbcf0bd4b22fc.txt'""").fetchone()
    assert row == (None, "Universitetet i Bergen", "000_b0133e4c38a4f008.txt", 1, 11)
    exported = next(d for d in export_documents(conn) if d["source"] == "001_9eefbcf0bd4b22fc.txt")
    assert next(a for a in exported["attendance"] if a["name"] == "Karsten Specht")["organisation"] == \
        "Universitetet i Bergen"
    # Without another document that names it, there is nothing to go on.
    alone = connect(tmp_path / "alone.duckdb")
    ingest(alone, [SAMPLES / "001_9eefbcf0bd4b22fc.txt"])
    exported = export_documents(alone)[0]
    assert next(a for a in exported["attendance"] if a["name"] == "Karsten Specht")["organisation"] is None


def test_ids_are_never_handed_out_twice_across_runs(tmp_path: Path):
    """A run numbers ids after the largest one in the archive, cases included (found by a killed run)."""
    first = tmp_path / "first.md"
    first.write_bytes((MINUTES / "styret-2024-09-02.md").read_bytes())
    conn = connect(tmp_path / "a.duckdb")
    ingest(conn, [first])
    conn.close()
    # the next meeting: the same people, so the second run makes no new person before its cases
    second = tmp_path / "second.md"
    second.write_text(first.read_text(encoding="utf-8").replace("2. september", "7. oktober")
                      .replace("Sak 12/24", "Sak 15/24").replace("Sak 13/24", "Sak 16/24")
                      .replace("Sak 14/24", "Sak 17/24"), encoding="utf-8")
    conn = connect(tmp_path / "a.duckdb")
    ingest(conn, [second])
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 6


def test_a_twin_in_a_later_run_is_a_second_source(tmp_path: Path):
    """The text seed in one run, its PDF in the next, a copy of the PDF in a third: one meeting."""
    from helpers import SEED_PDF

    conn = connect(tmp_path / "a.duckdb")
    ingest(conn, [SAMPLES / "000_b0133e4c38a4f008.txt"])
    ingest(conn, [SEED_PDF])
    copy = tmp_path / "kopi.pdf"
    copy.write_bytes(SEED_PDF.read_bytes())
    summary = ingest(conn, [copy])
    # the same bytes under another name are not read twice, but recorded as another source of that document
    assert summary.outcomes == {"copy": 1}
    assert summary.changes == [("copy", str(copy), f"the same file as {SEED_PDF}")]
    assert conn.execute("SELECT d.source, p.path FROM document_paths p JOIN documents d ON d.id = p.document_id"
                        ).fetchall() == [("styringsgruppen-2023-12-11.pdf", str(copy))]
    assert ingest(conn, [copy]).outcomes == {"unchanged": 1}
    assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 1
    assert conn.execute("SELECT d.source, s.role FROM meeting_sources s JOIN documents d ON d.id = s.document_id "
                        "ORDER BY s.role DESC").fetchall() == [("000_b0133e4c38a4f008.txt", "primary"),
                                                               ("styringsgruppen-2023-12-11.pdf", "copy")]


def test_a_batch_holding_a_file_twice_loads_it_once(tmp_path: Path):
    conn = connect(tmp_path / "b.duckdb")
    seed = SAMPLES / "001_9eefbcf0bd4b22fc.txt"
    copy = tmp_path / "same.txt"
    copy.write_bytes(seed.read_bytes())
    summary = ingest(conn, [seed, copy, seed])
    assert summary.outcomes == {"loaded": 1, "copy": 1, "unchanged": 1}
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("SELECT path FROM document_paths").fetchall() == [(str(copy),)]


def test_twins_in_one_batch_are_found_without_writing_it_per_document(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch):
    """Issue #20: the text seed, its PDF (the same meeting) and a copy of the PDF (the same bytes) in
    one batch: one meeting with two sources and a copy, from a batch written to the database once
    (a write per document to look the twins up made the cost per document grow with the archive)."""
    from helpers import SEED_PDF
    from referat.store.rows import Rows

    writes: list[int] = []
    flush = Rows.flush

    def counted(self: Rows, conn: object) -> None:
        if self:
            writes.append(1)
        flush(self, conn)

    import referat.store.ingest as store_ingest

    monkeypatch.setattr(Rows, "flush", counted)
    monkeypatch.setattr(store_ingest, "BATCH_SECONDS", 3600.0)  # one batch, however busy the machine
    conn = connect(tmp_path / "a.duckdb")
    copy = tmp_path / "kopi.pdf"
    copy.write_bytes(SEED_PDF.read_bytes())
    summary = ingest(conn, [SAMPLES / "000_b0133e4c38a4f008.txt", SEED_PDF, copy, SAMPLES / "001_9eefbcf0bd4b22fc.txt"])
    assert summary.outcomes == {"loaded": 3, "copy": 1}
    assert len(writes) == 1
    assert conn.execute("SELECT d.source, s.role FROM meeting_sources s JOIN documents d ON d.id = s.document_id "
                        "ORDER BY s.role DESC, 1").fetchall() == [("000_b0133e4c38a4f008.txt", "primary"),
                                                                  ("001_9eefbcf0bd4b22fc.txt", "primary"),
                                                                  ("styringsgruppen-2023-12-11.pdf", "copy")]
    assert conn.execute("SELECT d.source, p.path FROM document_paths p JOIN documents d ON d.id = p.document_id"
                        ).fetchall() == [("styringsgruppen-2023-12-11.pdf", str(copy))]


def test_slow_files_are_committed_as_they_come(tmp_path: Path, monkeypatch):
    """A batch also ends on time, so an OCR run of slow files is stored (and announced) file by file."""
    import referat.store.ingest as store_ingest
    from referat.pipeline import process_file

    files = sorted(SAMPLES.glob("00[013]_*.txt"))
    conn = connect(tmp_path / "slow.duckdb")
    announced: list[str] = []
    seen_before: list[int] = []

    def slowly():  # a file is handed over only when the loader asks for it
        for path in files:
            seen_before.append(len(announced))
            yield process_file(path)

    monkeypatch.setattr(store_ingest, "BATCH_SECONDS", 0.0)
    store_ingest.load_results(conn, slowly(), on_result=lambda result, outcome: announced.append(outcome))
    assert seen_before == [0, 1, 2]  # each file was committed before the next was read
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


@pytest.mark.parametrize(("damage", "problem"), [
    ("UPDATE attendance SET organisation_id = 999999 WHERE id = (SELECT min(id) FROM attendance)",
     "1 attendance rows whose organisation_id is in no organisations"),
    ("UPDATE attendance SET substitute_for_id = 999999 WHERE id = (SELECT min(id) FROM attendance)",
     "1 attendance rows whose substitute_for_id is in no people"),
    ("INSERT INTO aliases VALUES ('person', 999999, 'Ola Nordmann', 'ola nordmann', 'document:1', 1.0, NULL)",
     "1 aliases rows whose entity_id is in no people"),
    ("UPDATE aliases SET document_id = 999999 WHERE rowid = (SELECT min(rowid) FROM aliases WHERE document_id > 0)",
     "1 aliases learnt from documents no longer loaded (run `referat ingest` again to clean them up)"),
    ("INSERT INTO people VALUES (999999, 'Ola Nordmann')",
     "1 people no attendance row or pending review names (run `referat ingest` again to clean them up)"),
    ("INSERT INTO memberships VALUES (999999, 999998, NULL, NULL, NULL, NULL)",
     "1 memberships rows whose body_id is in no bodies"),
    ("UPDATE organisations SET parent_id = 999999 WHERE id = (SELECT min(id) FROM organisations)",
     "1 organisations rows whose parent_id is in no organisations"),
    ("UPDATE item_references SET target_body_id = 999999 WHERE id = (SELECT min(id) FROM item_references)",
     "1 item_references rows whose target_body_id is in no bodies"),
    ("INSERT INTO document_paths (document_id, path) VALUES (999999, '/nowhere/kopi.txt')",
     "1 document_paths rows without a loaded document"),
    # the tables that grow with each document have no PRIMARY KEY: the loader's counter keeps ids unique
    ("INSERT INTO decisions SELECT * FROM decisions WHERE id = (SELECT min(id) FROM decisions)",
     "1 decisions rows whose id another row has too"),
])
def test_verify_checks_every_reference_and_orphan(seeded_db: Path, tmp_path: Path, damage: str, problem: str):
    """Issue #19.4: `verify` follows every reference between tables and finds what no document holds up."""
    import shutil

    from referat.store.verify import verify

    db = tmp_path / "copy.duckdb"
    shutil.copy(seeded_db, db)
    conn = connect(db)
    assert verify(conn).ok
    conn.execute(damage)
    assert problem in verify(conn).problems


def _archive_with_orphans(path: Path, n: int):
    """n people in n meetings, and as many left behind by documents that are gone: aliases, people, organisations."""
    conn = connect(path)
    conn.execute(f"INSERT INTO documents (id, source, path, sha256, status, kind) SELECT i, 'd' || i, '/d/' || i, "
                 f"'s' || i, 'loaded', 'minutes' FROM range(1, {n} + 1) t(i)")
    conn.execute(f"INSERT INTO people SELECT i, 'P' || i FROM range(1, {2 * n} + 1) t(i)")
    conn.execute(f"INSERT INTO organisations SELECT 10 * {n} + i, 'O' || i, NULL, NULL FROM range(1, {n} + 1) t(i)")
    conn.execute(f"""INSERT INTO attendance (id, meeting_id, document_id, seq, person_id, name_raw, organisation_id,
        organisation_raw, category, status) SELECT 20 * {n} + i, i, i, 1, i, 'P' || i, 10 * {n} + i, 'O' || i,
        'member', 'present' FROM range(1, {n // 2} + 1) t(i)""")
    conn.execute(f"""INSERT INTO aliases SELECT 'person', i, 'P' || i, 'p' || i, 'document:' || (i % {n} + 1 + {n}),
        1.0, i % {n} + 1 + {n} FROM range(1, {2 * n} + 1) t(i)""")
    conn.execute(f"""INSERT INTO aliases SELECT 'person', i, 'Q' || i, 'q' || i, 'document:x', 1.0, {3 * n}
        FROM range(1, {n // 2} + 1) t(i)""")  # a spelling no document writes any more
    conn.execute(f"""INSERT INTO aliases SELECT 'organisation', 10 * {n} + i, 'O' || i, 'o' || i, 'document:x', 1.0,
        {3 * n} FROM range(1, {n} + 1) t(i)""")
    return conn


def test_orphans_are_found_and_removed_in_linear_time(tmp_path: Path):
    """Issue #19.4 at scale: cleaning up after replaced documents, and verify, grow with the archive, not its square."""
    import time

    from referat.store.orphans import remove_orphans
    from referat.store.verify import verify

    def timed(n: int) -> float:
        conn = _archive_with_orphans(tmp_path / f"{n}.duckdb", n)
        start = time.perf_counter()
        removed = remove_orphans(conn)
        problems = verify(conn).problems
        took = time.perf_counter() - start
        # a quarter of the people are named by a meeting: their spellings now point to it; the rest go
        assert removed == {"people": 3 * n // 2, "organisations": n // 2, "aliases": n // 2}
        assert not [p for p in problems if "alias" in p or "people no" in p or "organisations named" in p]
        assert conn.execute("SELECT count(*) FROM aliases WHERE document_id <= ?", [n]).fetchone()[0] == n
        return took

    timed(500)  # warm up
    # 8 times the rows: about 8 times as long when linear, 64 when quadratic; 24 lies between on a
    # log scale, far enough from both that a busy machine's noise does not cross it
    small, large = timed(1000), timed(8000)
    assert large / small < 24, (small, large)


def test_an_archive_with_paths_as_typed_is_read_as_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Archives made before paths were resolved kept them as typed ('shelf/x.txt'): the next ingest
    resolves those that name a file from where it runs, so the same files are unchanged, not new."""
    import shutil

    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLES, tmp_path / "shelf")
    conn = connect(tmp_path / "a.duckdb")
    files, _ = find_files([tmp_path / "shelf"])
    ingest(conn, files)
    conn.execute("UPDATE documents SET path = 'shelf/' || source")  # as an older referat stored them
    conn.execute("DROP TABLE document_paths")
    before = counts(conn)
    summary = ingest(connect(tmp_path / "a.duckdb"), files)
    assert summary.outcomes == {"unchanged": len(files)} and counts(conn) == before
    assert conn.execute("SELECT count(*) FROM documents WHERE path = ?",
                        [str(tmp_path / "shelf" / "000_b0133e4c38a4f008.txt")]).fetchone()[0] == 1


def test_proposals_are_kept_beside_the_decisions_and_replaced_with_them(tmp_path: Path):
    path = tmp_path / "m.txt"
    path.write_bytes((MINUTES / "bystyret-layout-2025-06-12.txt").read_bytes())
    conn = connect(tmp_path / "a.duckdb")
    ingest(conn, [path])
    query = ("SELECT i.number, p.seq, p.label, p.proposer, p.line FROM proposals p JOIN items i ON i.id = p.item_id "
             "ORDER BY i.seq, p.seq")
    assert conn.execute(query).fetchall() == [
        ("22-25", 1, "INNSTILLING", None, 24), ("22-25", 2, "INNSTILLING", None, 26),
        ("22-25", 3, "Berit Moen (SV) fremmet følgende tilleggsforslag", "Berit Moen (SV)", 35),
        ("23-25", 1, "Kommunedirektørens forslag til vedtak", None, 63)]
    path.write_text(path.read_text(encoding="utf-8").replace("INNSTILLING", "Innstillingen er sendt ut."),
                    encoding="utf-8")
    ingest(conn, [path])
    assert [r[2] for r in conn.execute(query).fetchall()] == [
        "Berit Moen (SV) fremmet følgende tilleggsforslag", "Kommunedirektørens forslag til vedtak"]


@pytest.mark.parametrize(("damage", "removed"), [
    ("INSERT INTO people VALUES (999999, 'Ingen Nevner')", {"people": 1, "organisations": 0, "aliases": 0}),
    ("INSERT INTO aliases SELECT 'person', min(id), 'Ola Gammel', 'ola gammel', 'document:999999', 1.0, 999999 "
     "FROM people", {"people": 0, "organisations": 0, "aliases": 1}),
    ("INSERT INTO organisations VALUES (999999, 'Borte AS', NULL, NULL); INSERT INTO aliases VALUES "
     "('organisation', 999999, 'Borte AS', 'borte as', 'document:999999', 1.0, 999999)",
     {"people": 0, "organisations": 1, "aliases": 0}),  # its spelling goes with it, not counted as stale
])
def test_the_clean_up_finds_each_kind_of_orphan_alone(seeded_db: Path, tmp_path: Path, damage: str,
                                                      removed: dict[str, int]):
    """The clean-up first asks whether there is anything to do (store/orphans.py): each kind alone is enough."""
    import shutil

    from referat.store.orphans import remove_orphans
    from referat.store.verify import verify

    db = tmp_path / "copy.duckdb"
    shutil.copy(seeded_db, db)
    conn = connect(db)
    assert remove_orphans(conn) == {"people": 0, "organisations": 0, "aliases": 0}
    conn.execute(damage)
    assert remove_orphans(conn) == removed
    assert verify(conn).ok


def _reopened(path: Path):
    from referat.store import writer

    return writer.make_way(connect(path), path)  # how the loader opens the archive again after readers


@pytest.mark.parametrize("open_writer", [connect, _reopened], ids=["connect", "make_way"])
def test_a_checkpoint_never_rewrites_the_row_groups_written_before(tmp_path: Path, open_writer):
    # DuckDB merges small row groups at a checkpoint, holding the merged rows whole in memory: the
    # loader's checkpoints made ever larger merges, up to 1.6 GB at 16,000 documents (issue #20)
    conn = open_writer(tmp_path / "a.duckdb")
    written: list[set[int]] = []
    for round_ in range(3):
        conn.execute("INSERT INTO decisions_log (action, mention) SELECT 'accept', 'navn ' || range FROM range(?)",
                     [10 + round_])
        conn.execute("CHECKPOINT")
        written.append({b for (b,) in conn.execute("SELECT block_id FROM pragma_storage_info('decisions_log') "
                                                   "WHERE row_group_id = 0 AND persistent").fetchall()})
    groups = conn.execute("SELECT row_group_id, max(count) FROM pragma_storage_info('decisions_log') "
                          "WHERE column_name = 'action' GROUP BY ALL ORDER BY 1").fetchall()
    assert groups == [(0, 10), (1, 11), (2, 12)]
    assert written[0] == written[1] == written[2]  # the first group's blocks are never written again
    assert conn.execute("SELECT count(*) FROM decisions_log").fetchone() == (33,)


@pytest.mark.parametrize("open_writer", [connect, _reopened], ids=["connect", "make_way"])
def test_a_writer_keeps_at_most_256_mb_of_blocks(tmp_path: Path, open_writer):
    # DuckDB keeps every block it reads up to 80% of the machine's memory: the loader's start reads
    # the key columns of the whole archive, 540 MB of blocks at 100,000 documents (issue #20)
    conn = open_writer(tmp_path / "a.duckdb")
    assert conn.execute("SELECT current_setting('memory_limit')").fetchone() == ("244.1 MiB",)  # 256 MB
    conn.close()
    reader = connect(tmp_path / "a.duckdb", read_only=True)  # a reader is not held back
    assert reader.execute("SELECT current_setting('memory_limit')").fetchone() != ("244.1 MiB",)


def test_the_sites_reader_keeps_at_most_1_gb_of_blocks_and_other_readers_are_not_held_back(tmp_path: Path):
    # the site reads every text of the archive: at 100,000 documents its blocks came to gigabytes
    from referat.cli import _site_data

    connect(tmp_path / "a.duckdb").close()
    site = _site_data(str(tmp_path / "a.duckdb"), False).archive.conn
    assert site.execute("SELECT current_setting('memory_limit')").fetchone() == ("953.6 MiB",)  # 1 GB
    site.close()
    reader = connect(tmp_path / "a.duckdb", read_only=True)
    assert reader.execute("SELECT current_setting('memory_limit')").fetchone() not in {("953.6 MiB",),
                                                                                      ("244.1 MiB",)}
