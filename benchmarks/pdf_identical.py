"""Is the PDF reader's output unchanged? Reads every PDF we have (the tests' fixtures, the seeds,
the real minutes, a generated corpus and pages of many text objects) and writes each Document
to a JSON file; a second run compares against it, page by page and line by line.

    python benchmarks/pdf_identical.py snapshot /tmp/before.json   # on the old code
    python benchmarks/pdf_identical.py compare /tmp/before.json    # on the new code

Scanned pages are left out (``--ocr`` keeps them): OCR is slow, and has its own check against
the scanned seed's gold."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout: `benchmarks` is importable

from benchmarks.adversarial import text_objects_pdf  # noqa: E402
from benchmarks.corpus import random_minutes, write_pdf  # noqa: E402

SHARED = Path("/work/shared")


def sources(scratch: Path, generated: int) -> list[Path]:
    """Every PDF to compare: found ones first, then generated ones (same seeds every run)."""
    found = sorted(HERE.parent.glob("tests/data/**/*.pdf"))
    for folder in (SHARED / "seeds" / "pdf", SHARED / "seeds" / "scanned", SHARED / "eval" / "real" / "docs"):
        found += sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    for k in range(generated):
        found.append(write_pdf(random_minutes(7_000 + k), scratch / f"generated-{k:03d}.pdf"))
    # Either side of the number of objects at which the reader changes how it reads their texts.
    for n in (120, 499, 501, 2_000):
        found.append(text_objects_pdf(n, scratch))
    return found


def read(path: Path, ocr: bool) -> dict[str, Any]:
    from referat.errors import ReferatError
    from referat.ingest import read_document
    from referat.ingest.pdf import page_count

    try:
        if not ocr and _scanned(path):
            return {"skipped": "scanned"}
        document = read_document(path, pages=range(page_count(path)))
    except ReferatError as exc:
        return {"error": str(exc)}
    dump = document.model_dump(mode="json")
    # Generated files live in a new temporary folder every run, and reportlab stamps each with the time.
    for key in ("path", "sha256", "size"):
        dump.pop(key, None)
    return dump


def _scanned(path: Path) -> bool:
    import pypdfium2.raw as c

    from referat.ingest.pdf import open_pdf
    from referat.ingest.pdfobjects import page_objects

    pdf = open_pdf(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                if not any(True for _ in page_objects(page.raw, c.FPDF_PAGEOBJ_TEXT)):
                    return True
            finally:
                page.close()
        return False
    finally:
        pdf.close()


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Where two Documents part, named by page and line."""
    if before == after:
        return []
    if "pages" not in before or "pages" not in after:
        return [f"{before.get('error') or before.get('skipped')} -> {after.get('error') or after.get('skipped')}"]
    out = [f"{key}: {before.get(key)!r} -> {after.get(key)!r}" for key in sorted(set(before) | set(after))
           if key != "pages" and before.get(key) != after.get(key)]
    if len(before["pages"]) != len(after["pages"]):
        out.append(f"{len(before['pages'])} pages -> {len(after['pages'])}")
    for old, new in zip(before["pages"], after["pages"], strict=False):
        if len(old["lines"]) != len(new["lines"]):
            out.append(f"page {old['number']}: {len(old['lines'])} lines -> {len(new['lines'])}")
        for a, b in zip(old["lines"], new["lines"], strict=False):
            if a != b:
                out.append(f"page {old['number']} line {a['number']}: {a} -> {b}")
        rest = {k: v for k, v in old.items() if k != "lines"}, {k: v for k, v in new.items() if k != "lines"}
        if rest[0] != rest[1]:
            out.append(f"page {old['number']}: {rest[0]} -> {rest[1]}")
    return out or ["differ"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["snapshot", "compare"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--generated", type=int, default=60, help="generated minutes PDFs to add")
    parser.add_argument("--ocr", action="store_true", help="also read scanned pages (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="referat-identical-") as scratch:
        paths = sources(Path(scratch), args.generated)
        # A generated file is named by its place in the list, which is the same on every run.
        read_now = {_name(p): read(p, args.ocr) for p in paths}
    if args.mode == "snapshot":
        args.file.write_text(json.dumps(read_now, ensure_ascii=False, sort_keys=True))
        lines = sum(len(p["lines"]) for d in read_now.values() for p in d.get("pages", []))
        print(f"wrote {len(read_now)} documents, {lines} lines, to {args.file}")
        return
    before = json.loads(args.file.read_text())
    changed = 0
    for name in sorted(set(before) | set(read_now)):
        if "skipped" in read_now.get(name, {}):
            continue
        found = differences(before.get(name, {"error": "absent"}), read_now.get(name, {"error": "absent"}))
        if found:
            changed += 1
            print(f"{name}: {len(found)} differences")
            for text in found[:5]:
                print(f"  {text[:400]}")
    lines = sum(len(p["lines"]) for d in read_now.values() for p in d.get("pages", []))
    skipped = sum("skipped" in d for d in read_now.values())
    print(f"{len(read_now)} documents ({skipped} scanned, skipped), {lines} lines: "
          f"{'identical' if not changed else f'{changed} differ'}")
    if changed:
        raise SystemExit(1)


def _name(path: Path) -> str:
    return path.name if path.parent.name.startswith("referat-identical-") else str(path)


if __name__ == "__main__":
    main()
