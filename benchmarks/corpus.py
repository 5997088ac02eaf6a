"""A seeded generator of synthetic minutes: PDFs with a ruled attendance table and bold headings,
and the same minutes as text. Used by the tests (fixtures with known answers) and the benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

GIVEN = ["Kari", "Ola", "Ingrid", "Per", "Siri", "Lars", "Anne", "Jonas", "Marit", "Knut", "Liv", "Eirik",
         "Hilde", "Tor", "Randi", "Øyvind", "Åse", "Bjørn", "Sigrid", "Håkon", "Nina", "Arne", "Trude", "Geir"]
SURNAMES = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Berg",
            "Haugen", "Hagen", "Bakke", "Dahl", "Lie", "Moen", "Strand", "Sørensen", "Vik", "Aas", "Myhre",
            "Brekke", "Holm", "Solberg", "Lunde", "Ødegård", "Nygård", "Fjeld", "Økland"]
ORGS = ["Universitetet i Bergen", "Høgskulen på Vestlandet", "Helse Bergen", "Bergen kommune", "NORCE",
        "Folkehelseinstituttet", "VID vitenskapelige høgskole", "Vestland fylkeskommune"]
BODIES = ["Styringsgruppen", "Partnermøtet", "Faglig forum", "Faggruppe for eldre", "Brukerpanelet"]
TOPICS = ["Budsjett", "Strategi", "Årsmelding", "Samarbeidsmidler", "Kommunikasjonsplan", "Møteplan",
          "Evaluering av faggruppene", "Ny partner", "Digital helse", "Utdanningsforum"]
FILLER = ("Saken ble drøftet, og det kom flere innspill fra partnerne om veien videre. Det er viktig at "
          "arbeidet forankres hos alle partnerne, og at sekretariatet følger opp med en plan for neste periode. ")


@dataclass
class Member:
    organisation: str
    name: str
    mark: str  # '', 'x', 'Teams', 'vara', 'forfall'


@dataclass
class Case:
    number: str  # as written, e.g. '5/24'
    title: str
    paragraphs: list[str]
    decision: str | None = None
    exempt: bool = False


@dataclass
class Minutes:
    body: str
    date: str  # dd.mm.yyyy
    start: str
    end: str
    location: str
    members: list[Member] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)


def random_minutes(seed: int, n_cases: int | None = None) -> Minutes:
    rng = random.Random(seed)
    year = rng.randint(2019, 2026)
    members = []
    used: set[str] = set()
    for org in rng.sample(ORGS, k=rng.randint(5, len(ORGS))):
        name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        while name in used:
            name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        used.add(name)
        members.append(Member(org, name, rng.choice(["x", "x", "x", "Teams", "", "vara"])))
    first = rng.randint(1, 30)
    cases = []
    for k in range(n_cases or rng.randint(6, 10)):
        topic = rng.choice(TOPICS)
        paragraphs = [FILLER * rng.randint(2, 5) for _ in range(rng.randint(2, 4))]
        decision = f"{'Møtet'} sluttet seg til forslaget om {topic.lower()}." if rng.random() < 0.6 else None
        cases.append(Case(f"{first + k}/{year % 100:02d}", f"{topic} {year}", paragraphs, decision,
                          exempt=rng.random() < 0.1))
    # References come from a generator of their own, so adding them left every other draw as it was.
    linking = random.Random(seed + 7_777_777)
    for case in cases:
        if linking.random() < 0.15:
            number, year_part = case.number.split("/")
            earlier = max(1, int(number) - linking.randint(1, 12))
            case.paragraphs.append(f"Oppfølging av sak {earlier}/{year_part} fra {linking.choice(BODIES)}. ")
    return Minutes(rng.choice(BODIES), f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}", "14.00", "16.00",
                   "Årstadveien 17, møterom Hardbakka", members, cases)


def _remember_widths() -> None:
    """Let reportlab measure each word and escape each line once: without its C accelerator (rl_accel)
    measuring words was 41% of the time to write a PDF and escaping 10%, and the corpus repeats a few
    hundred words and lines. The same widths and escapes, the same PDF."""
    from functools import lru_cache

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas, textobject
    from reportlab.platypus import paragraph

    if hasattr(pdfmetrics.stringWidth, "cache_info"):
        return
    remembered = lru_cache(maxsize=1 << 16)  # lines with names and numbers differ: a writer of 50k files stays small
    width = remembered(pdfmetrics.stringWidth)
    pdfmetrics.stringWidth = paragraph.stringWidth = textobject.pdfmetrics_stringWidth = width
    canvas.escapePDF = remembered(canvas.escapePDF)


def write_pdf(minutes: Minutes, path: Path) -> Path:
    """Render minutes as a PDF: title, header table, ruled attendance table on page 1, bold case headings."""
    _remember_widths()
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    normal = ParagraphStyle("n", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    bold = ParagraphStyle("b", parent=normal, fontName="Helvetica-Bold", fontSize=11, spaceBefore=8)
    title = ParagraphStyle("t", parent=normal, fontName="Helvetica-Bold", fontSize=16, spaceAfter=10)
    story: list[object] = [Paragraph(f"Referat fra møte i {minutes.body}", title)]
    header = Table([["Dato:", minutes.date, "Kl:", f"{minutes.start} – {minutes.end}"],
                    ["Sted:", minutes.location, "", ""]], colWidths=[50, 220, 40, 150])
    story += [header, Spacer(1, 8)]
    rows = [["Organisasjon", "Navn", "Møtt"]] + [[m.organisation, m.name, m.mark] for m in minutes.members]
    table = Table(rows, colWidths=[200, 170, 80])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("FONTSIZE", (0, 0), (-1, -1), 9)]))
    story += [table, Spacer(1, 10)]
    for case in minutes.cases:
        flag = " Unntatt offentlighet" if case.exempt else ""
        story.append(Paragraph(f"Sak {case.number} {case.title}{flag}", bold))
        story += [Paragraph(p, normal) for p in case.paragraphs]
        if case.decision:
            story += [Paragraph("<b>Vedtak:</b> " + case.decision, normal)]
    SimpleDocTemplate(str(path), pagesize=A4, title="Referat", author="Sekretariatet").build(story)
    return path


def write_text(minutes: Minutes, path: Path) -> Path:
    lines = [f"Referat fra møte i {minutes.body}", "", f"Dato: {minutes.date}", f"Kl: {minutes.start} – {minutes.end}",
             f"Sted: {minutes.location}", "", "Organisasjon\tNavn\tMøtt"]
    lines += [f"{m.organisation}\t{m.name}\t{m.mark}" for m in minutes.members]
    for case in minutes.cases:
        lines += ["", f"**Sak {case.number} {case.title}**" + (" Unntatt offentlighet" if case.exempt else "")]
        for p in case.paragraphs:
            lines += ["", p.strip()]
        if case.decision:
            lines += ["", f"Vedtak: {case.decision}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_corpus(folder: Path, n: int, seed: int = 1, pdf_share: float = 0.5, jobs: int = 1) -> list[Path]:
    """``n`` minutes in ``folder``; a file already there is kept (the same seed writes the same file),
    so a larger corpus tops up a smaller one. ``jobs`` processes write them, in the same files."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    plan = [(seed * 100_000 + i, folder / f"minutes-{i:05d}{'.pdf' if rng.random() < pdf_share else '.txt'}")
            for i in range(n)]
    todo = [(s, path) for s, path in plan if not path.exists()]
    if jobs > 1 and len(todo) > 1:
        from multiprocessing import get_context

        with get_context("fork").Pool(jobs) as pool:
            pool.map(_write_one, todo, chunksize=64)
    else:
        for job in todo:
            _write_one(job)
    return [path for _, path in plan]


def _write_one(job: tuple[int, Path]) -> None:
    minutes_seed, path = job
    minutes = random_minutes(minutes_seed)
    # Written beside and renamed, so that a run stopped halfway never leaves half a file to keep.
    part = path.with_name(path.name + ".part")
    (write_pdf if path.suffix == ".pdf" else write_text)(minutes, part)
    part.replace(path)


def chained_minutes(n: int, seed: int = 1, follow_share: float = 0.8) -> list[Minutes]:
    """``n`` meetings four days apart, the bodies in turn, whose cases follow up cases of the
    meetings before ('Oppfølging av sak 12/23 fra Partnermøtet'): the cases of the whole archive
    link into long chains, as a case passed between bodies over years does. Members and texts are
    ``random_minutes``'s; its own references are left out, so every reference finds its case."""
    rng = random.Random(seed)
    first = dt.date(2015, 1, 5)
    numbers: dict[tuple[str, int], int] = {}
    recent: list[tuple[str, str]] = []  # (body, number) of the last meetings' cases, for the follow-ups
    out = []
    for i in range(n):
        day = first + dt.timedelta(days=4 * i)
        body = BODIES[i % len(BODIES)]
        minutes = random_minutes(seed * 100_000 + i, n_cases=rng.randint(4, 8))
        cases = []
        for case in minutes.cases:
            k = numbers[body, day.year] = numbers.get((body, day.year), 0) + 1
            number = f"{k}/{day.year % 100:02d}"
            paragraphs = [p for p in case.paragraphs if not p.startswith("Oppfølging av sak")]
            if recent and rng.random() < follow_share:
                earlier_body, earlier = rng.choice(recent)
                paragraphs.append(f"Oppfølging av sak {earlier} fra {earlier_body}. ")
            title = f"{case.title.rsplit(' ', 1)[0]} {day.year}"
            cases.append(Case(number, title, paragraphs, case.decision, case.exempt))
        recent = [*recent, *((body, c.number) for c in cases)][-24:]
        out.append(Minutes(body, day.strftime("%d.%m.%Y"), minutes.start, minutes.end, minutes.location,
                           minutes.members, cases))
    return out


def write_chained_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """``chained_minutes`` as text files, named in date order."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_text(m, folder / f"chained-{i:05d}.txt") for i, m in enumerate(chained_minutes(n, seed))]


def slice_folders(work: Path, files: list[Path], size: int) -> list[Path]:
    """A folder of links per slice; the archive stores the files by their resolved paths, so both
    engines and every slicing store the same paths."""
    folders = []
    for start in range(0, len(files), size):
        chunk = files[start: start + size]
        folder = work / "slices" / f"{start:07d}+{len(chunk)}"
        folder.mkdir(parents=True, exist_ok=True)
        for path in chunk:
            link = folder / path.name
            if not link.is_symlink():
                link.symlink_to(path.resolve())
        folders.append(folder)
    return folders
