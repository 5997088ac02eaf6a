"""Is a document minutes at all? Annual reports, plans, notices and case papers are kept, but get no meeting.

The decision weighs evidence rather than one heading pattern: minutes name a meeting (a minutes
title, a meeting noun in the title, an extract of a case's treatment) and record facts of it (a
date, cases, attendance). Papers written before a meeting (a notice, a case paper with the
administration's proposal) or about a year (an annual report, a plan) are not minutes, however
alike they look.
"""

from __future__ import annotations

import re

from referat.extract.blocks import Block
from referat.extract.header import EXTRACT_OF

# 'Referat', 'Møteprotokoll', 'Valgprotokoll for stemmestyret', 'Protokoll fra ...', 'Møtebok'
# 'Utskrift av møtebok'
_TITLE = re.compile(rf"(?i)^\W{{0,4}}{EXTRACT_OF}(?:\w{{0,12}}?)(?:referat|protokoll|møtebok|protokol)\b")

# A title that names a meeting without the word minutes: 'Møte i Fordelingsutvalget',
# 'Generalforsamling i Bitraf 30.04.2014', 'Styremøte 12. mars', 'Ekstraordinært årsmøte', 'Hovedstyrets
# siste-møte-før-jul'.
_MEETING_TITLE = re.compile(
    r"(?i)^\W{0,4}(?:\w+\s+){0,3}?(?:[\w-]*møte|[\w-]*møte[nt]|generalforsamling\w*|årsmøte\w*|representantskap\w*"
    r"|stormøte\w*|landsmøte\w*)\b")

# An extract of one case's treatment in a meeting ('Hovedutvalg helse og omsorgs behandling av sak
# 15/2025 i møte den 09.12.2025'), as municipal systems publish per case.
_TREATMENT = re.compile(r"(?i)\b(?:behandl|handsam)(?:ing|a)\s+av\s+sak\s+\d+\s*/\s*\d{2,4}\s+i\s+møte")

# A notice of a meeting ('Innkalling til møte i Eldrerådet', 'Saksliste') lists the cases to come
# with proposals, not what was decided: it is kept, but is no record of a meeting.
_NOTICE = re.compile(r"(?i)^\s*(?:møte)?innkalling\b|^\s*(?:saksliste|sakliste|dagsorden)\s*$"
                     r"|^\s*(?:sakskart|møtekart)\b")

# A case paper written for a meeting: the administration's account and its proposal.
_CASE_PAPER = re.compile(r"(?i)^\s*(?:saksframlegg|saksfremlegg|saksutgreiing|saksutredning)\b")

# Reports and plans about a period, not a meeting.
_REPORT = re.compile(r"(?i)^\s*(?:årsmelding|årsrapport|årsberetning|strategiplan|handlingsplan|virksomhetsplan)\b")

# A proposal to a meeting, which a paper written before it carries ('Forslag til vedtak:', 'Innstilling:',
# 'Kommunedirektørens forslag til vedtak', nynorsk 'Kommunedirektøren si tilråding', 'Framlegg til vedtak'), and a
# decision, which only minutes carry ('Formannskapet sitt vedtak', 'Eldrerådet si fråsegn').
_OWNER = r"(?:[\wæøå]+s\s+|[\wæøå]+\s+(?:si|sitt)\s+)?"
_PROPOSAL = re.compile(rf"(?i)^\s*{_OWNER}(?:(?:forslag|framlegg)\s+til\s+(?:vedtak|innstilling)|innstilling|"
                       r"tilråding)\b|^\s*(?:saksbehandler|sakshandsamar)\s*:")
_DECIDED = re.compile(rf"(?i)^\s*{_OWNER}(?:vedtak|konklusjon|beslutning|fråsegn)\b(?!\s+(?:om|av|fra|frå)\b)"
                      r"|^\s*(?:(?:enstemmig|einstemmig|samrøystes)\s+)?(?:vedtatt|vedteke|vedteken)\b")

_LEAD = 12  # blocks of the opening that can carry the title (front matter and letterheads come first)


def is_minutes(blocks: list[Block], n_cases: int, header: dict[str, str | None], n_attendance: int) -> bool:
    """Minutes name a meeting and record facts of it; a notice, a case paper or a report is not minutes."""
    lead = [b for b in blocks[:_LEAD] if len(b.text) < 150]
    titled = any(_TITLE.match(b.text) for b in lead)
    named = titled or any(_MEETING_TITLE.match(b.text) for b in lead) or any(
        _TREATMENT.search(b.text) for b in blocks[:3])
    if not titled and any(_NOTICE.match(b.text) and not b.text.rstrip().endswith(".") for b in blocks[:3]):
        return False
    if any(_CASE_PAPER.match(b.text) for b in blocks[:4]):
        return False
    if not named and any(_REPORT.match(b.text) for b in blocks[:3]):
        return False
    if not titled and any(_PROPOSAL.match(b.text) for b in blocks) and not any(_DECIDED.match(b.text) for b in blocks):
        return False  # a case paper under another heading ('Styresak 45/2023'): proposed, nothing decided
    dated = bool(header.get("date"))
    if named:
        return dated or n_cases >= 1 or n_attendance >= 1
    return n_cases >= 1 and (dated or n_attendance >= 1) or (dated and n_attendance >= 2)
