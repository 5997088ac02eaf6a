"""People named in prose: substitutes ('Fra VID deltok Anita Lyssand som vara'), observers,
guests for one case ('Under sak 37-23 deltok ...'), presenters ('v/ Name')."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from referat.extract.blocks import Block
from referat.extract.casenumber import MENTION, numbers_in
from referat.extract.labels import OFFICE_LINE
from referat.extract.marks import Category, Status
from referat.extract.model import Attendee
from referat.extract.names import find_names, list_names, proper_noun, same_person
from referat.extract.roles import ROLE_WORDS, is_role, looks_like_org
from referat.folding import fold

_SENTENCE = re.compile(r"(?<=[a-zæøå0-9)]{2})[.!?]\s+(?=[A-ZÆØÅ«\"])")
# A word that names a substitute ("vara", "stedfortreder"): in a sentence, someone stood in for someone
SUBSTITUTE_WORD = re.compile(r"(?i)\bvara\b|vararepresentant|varamedlem|stedfortreder|stadfortredar")
# 'Elin Rotevatn hadde forfall utan vara', 'Ingen vara møtte': no substitute came
_NO_SUBSTITUTE = re.compile(r"(?i)\b(?:uten|utan|ingen|ikke|ikkje)\s+vara(?:medlem|representant)?\b")
_OBSERVER = re.compile(r"(?i)\bobservatør")
_ATTENDED = re.compile(r"(?i)\b(deltok|møtte|var til stede|til stede|var til stades|til stades|var invitert|"
                       r"var inviterte|presenterte|orienterte|innledet|innleidde|deltar|deltek)\b")
_GUEST = re.compile(r"(?i)\b(invitert(?:e)? deltaker|invitert(?:e)? deltakar|inviterte?|gjest(?:er|ar)?)\b")
_PRESENTER = re.compile(r"(?i)\bv/\s*(?:[a-zæøå.]+\s+){0,2}$")
# The subject of a case's introduction: 'Kommunalsjef Per Lid orienterte om planen'
_PRESENTED = re.compile(r"(?i)^\s*(?:\([^)]*\)\s*)?(?:orienterte|innledet|innleidde|presenterte|redegjorde|"
                        r"gjennomgikk|g[ij]e?kk\s+gjennom|gjorde\s+greie\s+for|la\s+fr[ae]m|svarte\s+på\s+spørsmål|"
                        r"svara\s+på\s+spørsmål|"
                        r"(?:ga|gav)\s+(?:en\s+|ei\s+|eit\s+)?(?:kort\s+)?(?:status|orientering|redegjørelse|"
                        r"presentasjon|gjennomgang|informasjon|oppdatering))")
# A sentence in a case about that case: 'Under denne saken deltok ...', 'Til denne saken var ... invitert'
_THIS_CASE = re.compile(r"(?i)\b(?:under|i|til|for|av)\s+(?:denne\s+saken|denne\s+saka|behandlingen|handsaminga|"
                        r"dette\s+punktet)\b")
_ELECTED = re.compile(r"(?i)\b(velges|veljast|vart\s+(?:att)?val[dt]e?|ble\s+(?:gjen)?valgt|oppnevnes|oppnemnast|"
                      r"vart\s+oppnemnd|gjenvelges|attvald|fritas|fritek(?:e|en|ne))\b")
_REMOTE = re.compile(r"(?i)\b(teams|digitalt|digital|video|zoom|skype|telefon)\b")
_FOR = re.compile(r"(?i)\b(?:som\s+vara\s+)?(?:for|i stedet for|i staden for)\s+$")
# The staff in a sentence of its own, as a general meeting's or a small board's minutes write it: 'Fra
# administrasjonen møtte daglig leder Turid Askvik.'
_STAFF = re.compile(r"(?i)^\s*(?:også\s+)?(?:fra|frå)\s+(?:administrasjonen|sekretariatet|adm\.|selskapet|"
                    r"selskapets\s+administrasjon|ledelsen)\s+(?:møtte|deltok|var\s+til\s+stede)\b")


def sentences(text: str) -> list[str]:
    return list(_sentences(text))


# Prose, stand-ins and votes read the same paragraphs' sentences, some of them more than once
@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _SENTENCE.split(text) if s.strip())


@lru_cache(maxsize=8192)
def _sentences_with_names(text: str) -> tuple[tuple[str, list[tuple[str, int, int]]], ...]:
    """The sentences of a paragraph that name someone, with the names; the three readers of prose ask for
    each paragraph's."""
    return tuple((sentence, names) for sentence in _sentences(text) if (names := find_names(sentence)))


def _note_after(sentence: str, end: int) -> str | None:
    m = re.match(r"\s*\(([^)]*)\)", sentence[end:])
    if m:
        return m.group(1).strip()
    m = re.match(r"\s*,\s*([^,(]{2,60}?)\s*(?:,|$)", sentence[end:])
    if m:
        return m.group(1).strip()
    # 'Kari Dyrnes fra NAV Rogaland', 'Jostein Bårdsen frå Vestland fylkeskommune'
    m = re.match(r"\s+fr[aå]\s+([A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s+(?:(?:i|og|for|på)\s+)?[A-ZÆØÅ][\wæøåÆØÅ-]*){0,4}"
                 r"(?:\s+[a-zæøå]*(?:kommune|sykehus|sjukehus|skole|skule|universitet|høgskole|høgskule))?)",
                 sentence[end:])
    if m:
        return m.group(1).strip()
    # An abbreviation straight after the name, as in 'Ingrid Miljeteig BCEPS/IGS-UiB'.
    m = re.match(r"\s+([A-ZÆØÅ][\wæøåÆØÅ]*[A-ZÆØÅ][\wæøåÆØÅ]*(?:[/-][A-ZÆØÅ][\wæøåÆØÅ]*)*)(?=[\s.,;:]|$)",
                 sentence[end:])
    return m.group(1) if m else None


def _org_of(note: str | None, before: str) -> tuple[str | None, str | None]:
    """Organisation and role from a note such as 'direktør NAV Vestland', 'HVL', 'adm. direktør NKS Olaviken'."""
    if note:
        m = re.search(r"(?<![\wæøå])([A-ZÆØÅ][\wæøåÆØÅ/-]*(?:\s+(?:[A-ZÆØÅ][\wæøåÆØÅ/-]*|og|i|for|på|[a-zæøå]+senter|"
                      r"[a-zæøå]+sykehus))*)\s*$", note)
        if m and looks_like_org(m.group(1)):
            role = note[: m.start()].strip(" ,") or None
            return m.group(1).strip(), role
        if proper_noun(note):
            return note.strip(), None
    m = re.search(r"\b[Ff]r[aå]\s+([A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s+[A-ZÆØÅ][\wæøåÆØÅ-]*)?)\s*[;,:]?\s*(?:\w+\s+)?$", before)
    if m and looks_like_org(m.group(1)):
        return m.group(1), None
    m = re.search(r"\b[Ff]r[aå]\s+([A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s+[A-ZÆØÅ][\wæøåÆØÅ-]*)?)", before)
    if m and looks_like_org(m.group(1)):
        return m.group(1), None
    return None, None


def _named_sentences(sections: list[tuple[str | None, list[Block]]]
                     ) -> Iterator[tuple[str | None, Block, str, list[tuple[str, int, int]]]]:
    """Each sentence of running text that names someone: its case, block, text and names."""
    for case, blocks in sections:
        for block in blocks:
            if block.is_row:
                continue
            for sentence, names in _sentences_with_names(block.text):
                yield case, block, sentence, list(names)


# Who opens the meeting chairs it: 'Møtet ble åpnet kl. 19.00 av leder Bente Karlsen', 'Leder Kari Holm ønsket
# velkommen', 'Ola Dahl åpnet møtet'
_OPENS = (r"(?:åpnet|åpna|opna|opnet)\s+møtet|ønsk(?:et|te|a|ja)\s+(?:alle\s+)?velkom(?:m)?en|"
          r"erklærte\s+møtet|satte\s+møtet")
_OPENER = re.compile(rf"(?i)^[^.]{{0,12}}?\b(?:{_OPENS})\b")
_OPENED_BY = re.compile(r"(?i)\bmøtet\s+(?:ble\s+|vart\s+)?(?:åpnet|åpna|opna|opnet|satt)\b.{0,30}?\bav\s+"
                        r"(?:[\wæøå]+\s+)?$")


def _opened(sentence: str, start: int, end: int) -> bool:
    """The name at ``start``-``end`` is who opened the meeting: the subject of 'åpnet møtet' or 'ønsket
    velkommen', or the agent after 'Møtet ble åpnet ... av'."""
    return bool(_OPENER.match(sentence[end:]) or _OPENED_BY.search(sentence[:start]))


# A candidate who answers at the meeting is there: 'Caroline Odden benkes og takker ja til å stille',
# 'Jim Tørlen benkes, men takker nei', 'Ola Dahl presenterte seg'
_ANSWERED = re.compile(r"(?i)^\s*(?:benkes|ble\s+benket|takk(?:er|et)\s+(?:\w+\s+)?(?:ja|nei)|presenter(?:er|te)\s+seg|"
                       r"hold(?:er|t)\s+appell|trekk(?:er)?\s+sitt\s+kandidatur|trakk\s+sitt\s+kandidatur)\b")
# The term of an office someone was elected to: '(ny, 2 år)', '(gjenvalg)', '(1 år)', '(ikke på valg)'
_TERM = re.compile(r"(?i)\((?:[^)]*[\s,])?(?:ny|nyvalgt|gjenvalg\w*|attval\w*|\d+\s*år|ikke\s+på\s+valg|"
                   r"ikkje\s+på\s+val)\b")
# What announces the offices an election filled: 'Følgende ble valgt:', 'Nytt styre:', 'Styret består av:'
_ELECTION_LEAD = re.compile(r"(?i)\b(?:valg|valgt|vald|valt|valde|velges|veljast|styret?|består\s+av|"
                            r"samansett|sammensatt)\b[^.]*:$")


def _election_lines(sections: list[tuple[str | None, list[Block]]]) -> set[int]:
    """The blocks (by id) of the cases that list whom an election put in which office, one a line: the
    people named there were elected, which says nothing of whether they attended."""
    found: set[int] = set()
    for case, blocks in sections:
        if case is None:
            continue
        electing = False
        for block in blocks:
            text = block.text.strip()
            if OFFICE_LINE.match(text) and (electing or _TERM.search(text)):
                found.add(id(block))
                electing = True
                continue
            electing = text.endswith(":") and bool(_ELECTION_LEAD.search(text))  # the lead ends in a colon
    return found


def read_prose(sections: list[tuple[str | None, list[Block]]], known: list[Attendee],
               assembly: bool = False) -> list[Attendee]:
    """Participants the prose names who are not in the attendance table or lists. At an ``assembly``
    (an annual meeting, a general meeting) who presents a case is one of the members it gathers."""
    found: list[Attendee] = []

    def is_known(name: str) -> bool:
        return any(same_person(name, a.name) for a in (*known, *found))

    elected = _election_lines(sections)
    for case, block, sentence, names in _named_sentences(sections):
        if _ELECTED.search(sentence) or id(block) in elected:  # 'Som ny vara til rådet velges: X': who was elected
            continue
        cases = [n for m in MENTION.finditer(sentence) for n in numbers_in(m.group("list"))]
        substitute = bool(SUBSTITUTE_WORD.search(_NO_SUBSTITUTE.sub("", sentence)) or _stood_in_pairs(sentence, names))
        observer = bool(_OBSERVER.search(sentence))
        for k, (name, start, end) in enumerate(names):
            if is_known(name) or _FOR.search(sentence[max(0, start - 25):start]):
                continue
            before = sentence[:start]
            presenter = bool(_PRESENTER.search(before[-30:])) or (case is not None and k == 0
                                                                  and bool(_PRESENTED.match(sentence[end:])))
            came = bool(_ATTENDED.search(sentence) or _GUEST.search(sentence))
            guest_words = bool(_GUEST.search(before)) or (cases and _ATTENDED.search(sentence)) or (
                case is not None and came and bool(_THIS_CASE.search(sentence)))
            next_start = names[k + 1][1] if k + 1 < len(names) else len(sentence)
            note = _note_after(sentence, end)
            own = sentence[end:next_start]
            status = Status.remote if _REMOTE.search(own) else Status.present
            org, role = _org_of(note, before[max(before.rfind(","), before.rfind(";"), 0):] or before)
            # the title before the name: one of two words ('daglig leder', 'adm. direktør'), else of one
            two = re.search(r"([\wæøåÆØÅ.-]+\s+[\wæøåÆØÅ-]+)\s+$", before)
            one = re.search(r"([\wæøåÆØÅ-]+)\s+$", before)
            if role is None and two and fold(two.group(1)) in ROLE_WORDS:
                role = two.group(1)
            elif role is None and one and is_role(one.group(1)):
                role = one.group(1)
            if org is None and (substitute or guest_words):
                org, _ = _org_of(None, before)
            # 'Riksrevisjonen ... møtte ved Siw Holm': an organisation attending through a person
            represented = re.search(r"(?i)\b(?:møtte|deltok|representert)\s+ved\s+$", before)
            if represented and not guest_words:
                # the subject: the capitalised word before the first verb
                subject = re.search(r"([A-ZÆØÅ][\wæøåÆØÅ-]*)\s+(?:var|ble|har|hadde|møtte|deltok)\b", before)
                org = org or (subject.group(1) if subject else None)
                category, items = Category.observer, []
            elif substitute and not guest_words:
                category, items = Category.substitute, []
            elif _ANSWERED.match(sentence[end:]) and not guest_words:
                category, items = Category.member, []  # a candidate put forward from the floor answers there
            elif observer and not guest_words:
                category, items = Category.observer, []
            elif _opened(sentence, start, end) and not guest_words:
                category, items = Category.member, []  # 'Møtet ble åpnet av leder Bente Karlsen'
            elif presenter and assembly and not guest_words:
                category, items = Category.member, []  # 'Leder Vilde Aarseth presenterte årsberetningen'
            elif guest_words or presenter:
                category = Category.guest
                items = sorted(set(cases)) if cases else ([case] if case else [])
            elif _STAFF.match(sentence) and case is None:
                category, items = Category.secretariat, []
            else:
                continue
            found.append(Attendee(name=name, organisation=org, role=role, category=category,
                                  status=status, items=items, page=block.page, line=block.line,
                                  line_end=block.line_end, source="prose"))
    return found


# What stands between a substitute's name and the member's: 'møtte som vara for', '(HVL) var
# stedfortreder for', 'møtte for', 'i stedet for'.
_STOOD_IN = re.compile(r"(?i)^\s*(?:\([^)]*\)\s*)?"
                       r"(?:(?:møtte|deltok|var\s+til\s+stede|var\s+til\s+stades|var|stilte)\s+)?(?:som\s+)?"
                       r"(?:(?:vara(?:medlem|representant)?|stedfortreder|stadfortredar)\s+for|i\s+stedet\s+for"
                       r"|i\s+staden\s+for"
                       r"|(?<=møtte\s)for|(?<=stilte\s)for)\s+$")


# Or the member first: 'For Knut Lie møtte Turid Lunde', 'I stedet for Knut Lie møtte vara Turid Lunde'.
_FOR_MEMBER = re.compile(r"(?i)(?:^|[,;:]\s*)(?:i\s+stedet\s+|i\s+staden\s+)?for\s+$")
_CAME = re.compile(r"(?i)^\s*(?:\([^)]*\)\s*)?møtte\s+(?:som\s+vara\s+|vara(?:medlem|representant)?\s+)?$")


def _stood_in_pairs(sentence: str, names: list[tuple[str, int, int]]) -> list[tuple[str, str]]:
    """The (substitute, member) pairs one sentence names."""
    pairs: list[tuple[str, str]] = []
    for (first, first_start, end), (second, start, _) in zip(names, names[1:], strict=False):
        if _STOOD_IN.match(sentence[end:start]):
            pairs.append((first, second))
        elif _FOR_MEMBER.search(sentence[:first_start]) and _CAME.match(sentence[end:start]):
            pairs.append((second, first))
    return pairs


# In one case: a member who leaves its treatment ('erklært inhabil', 'fratrådte') and a substitute
# who joins it ('Vararepresentant X tiltrådte møtet under behandling av denne saken')
_LEAVES = re.compile(r"(?i)\b(inhabil|fratrådte|fratrådde|fråtredde|fråtrådde|forlot\s+møtet|forlét\s+møtet|"
                     r"gikk\s+fra|gjekk\s+frå)\b")
_JOINS = re.compile(r"(?i)\b(tiltrådte|tiltrådde|tiltredde|trådte\s+inn|tredde\s+inn|tok\s+sete|møtte)\b")


def _case_stand_ins(sections: list[tuple[str | None, list[Block]]]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for case, blocks in sections:
        if case is None:
            continue
        leaving, joining = [], []
        for _, _, sentence, names in _named_sentences([(case, blocks)]):
            if _LEAVES.search(sentence):
                leaving += [n for n, _, _ in names]
            elif _JOINS.search(sentence) and SUBSTITUTE_WORD.search(sentence):
                joining += [n for n, _, _ in names]
        leaving = list(dict.fromkeys(leaving))
        if len(leaving) == 1 and len(joining) == 1:
            pairs.append((joining[0], leaving[0]))
    return pairs


def stand_ins(sections: list[tuple[str | None, list[Block]]]) -> list[tuple[str, str]]:
    """'Berit Hauge møtte som vara for Solveig Nesse': (substitute, member) pairs the prose names,
    also for people the attendance table already lists; and the substitute who joins a case that
    a member left."""
    return [pair for _, _, sentence, names in _named_sentences(sections)
            for pair in _stood_in_pairs(sentence, names)] + _case_stand_ins(sections)


def org_matches(a: str | None, b: str | None) -> bool:
    """'HVL' ~ 'Høgskulen på Vestlandet', 'UiB-MED' ~ 'Universitetet i Bergen - MED', 'VID' ~ 'VID vitenskapelige'."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb or fa.startswith(fb + " ") or fb.startswith(fa + " ") or fa in fb.split() or fb in fa.split():
        return True
    for short, long in ((a or "", fb), (b or "", fa)):
        head = fold(re.split(r"[-/ ]", short.strip())[0])
        if 2 <= len(head) <= 6 and " " not in head and _acronym_of(head, long):
            return True
    return False


def _acronym_of(abbr: str, long: str) -> bool:
    words = long.split()
    if not words or abbr[0] != words[0][0] or len(words) < 2:
        return False
    pos = 0
    text = long.replace(" ", "")
    for ch in abbr:
        pos = text.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    initials = "".join(w[0] for w in words)
    return sum(c in initials for c in abbr) >= min(2, len(abbr))


def link_substitutes(people: list[Attendee], named: Sequence[tuple[str, str]] = ()) -> None:
    """Give every substitute the member they stood in for, and that member the status 'substituted'.

    Pairs the prose names first (``named``, from :func:`stand_ins`), then targets written beside the
    substitute, then same organisation, then the one member left whose mark says 'vara'."""
    for sub_name, member_name in named:
        sub = next((p for p in people if same_person(p.name, sub_name)), None)
        member = next((p for p in people if same_person(p.name, member_name)), None)
        if sub is None or sub is member or sub.substitute_for:
            continue
        # a member named only as the one stood in for is added below, as substituted
        if sub.status in (Status.present, Status.remote):
            sub.category, sub.substitute_for = Category.substitute, member.name if member else member_name
    members = [p for p in people if p.category != Category.substitute]
    taken: set[int] = set()

    def link(sub: Attendee, target: Attendee) -> None:
        taken.add(id(target))
        sub.substitute_for = target.name
        if target.status in (Status.absent, Status.unknown):
            target.status = Status.substituted
        if sub.organisation is None:
            sub.organisation = target.organisation

    subs = [p for p in people if p.category == Category.substitute]
    for sub in subs:
        if sub.substitute_for:
            target = next((m for m in members if same_person(m.name, sub.substitute_for)), None)
            if target is None:
                target = Attendee(name=sub.substitute_for, organisation=sub.organisation, status=Status.substituted,
                                  page=sub.page, line=sub.line, source=sub.source)
                people.append(target)
                members.append(target)
            link(sub, target)
    for statuses in ((Status.substituted,), (Status.absent,)):
        for sub in subs:
            if sub.substitute_for:
                continue
            pool = [m for m in members if m.status in statuses and id(m) not in taken and m.category == Category.member]
            same_org = [m for m in pool if org_matches(sub.organisation, m.organisation)]
            if same_org:
                link(sub, same_org[0])
    left = [s for s in subs if not s.substitute_for]
    pool = [m for m in members if m.status == Status.substituted and id(m) not in taken]
    if len(left) == 1 and len(pool) == 1:
        link(left[0], pool[0])


# The officials a meeting gives itself: who chairs it, takes the minutes, counts votes, signs.
_OFFICIAL = re.compile(r"(?i)\b(møte(?:s)?leder|møteleiar|ordstyrer|ordstyrar|dirigent|referent(?:er|ar)?|skrivar|"
                       r"møtesekretær|protokollfører|protokollførar|tellekorps|teljekorps|stemmetellere?|"
                       r"justeringsm[aeä]nn?|paraferer?|protokollunderskrivere?|underskrive\s+protokollen|"
                       r"signere\s+protokollen|undertegne\s+protokollen|medundertegne|medunderskrive)\b")
# An office named as the one someone works beside is not theirs: '... sammen med møteleder: Marit Solheim'
_BESIDE = re.compile(r"(?i)\b(?:sammen\s+)?med\s+$")
# ... chosen by the meeting: 'X ble valgt til møteleder', 'Styret foreslår X', 'X stiller', 'X meldte seg'
_CHOSEN = re.compile(r"(?i)\b(valgt|valt|vald|velges|veljast|foreslår|foreslo|foreslått|stiller|stilte|"
                     r"meld(?:te|er)\s+seg)\b")
# An office and who the meeting chose for it, on one line: 'Valg av møteleder: Arvid Lothe'
_CHOSEN_FOR = re.compile(r"(?i)^\s*(?:[a-h]\)\s*)?val[gd]\s+av\s+(?P<office>[^:]{2,80}):\s*(?P<who>\S.*)$")
_POINT = re.compile(r"^\s*(?:(?:sak|punkt)\s+)?(?:\d{1,3}(?:\.\d+)*[.):]?|[a-h]\))\s+[A-ZÆØÅ]", re.IGNORECASE)
# A signature line: 'Gro Nilsen, møteleder', 'Referent Kari Holm'
_SIGNED = re.compile(r"(?i)^\s*(?:(?P<before>[\wæøå]+)\s*:?\s+)?(?P<rest>.+?)\s*$")


def _is_point(block: Block) -> bool:
    return bool(block.heading) or (len(block.text) < 80 and bool(_POINT.match(block.text))
                                   and not block.text.rstrip().endswith("."))


def read_officials(blocks: list[Block], known: list[Attendee]) -> list[Attendee]:
    """The meeting's officials, present by their office: those elected under a point 'Valg av
    møteleder/referent/tellekorps' or in a sentence that says so, and those who sign with their
    office ('Gro Nilsen, møteleder'). Members already listed keep their entry."""
    found: list[Attendee] = []

    def add(name: str, role: str, block: Block) -> None:
        if any(same_person(name, a.name) for a in (*known, *found)):
            return
        # who keeps the minutes serves the meeting; the other offices are held by its members
        category = (Category.secretariat if re.search(r"(?i)referent|sekretær|protokollfør|skrivar", role)
                    else Category.member)
        found.append(Attendee(name=name, role=role.lower(), category=category, status=Status.present,
                              page=block.page, line=block.line, line_end=block.line_end, source="prose"))

    office: str | None = None  # the office the current point elects
    for k, block in enumerate(blocks):
        if block.is_row:
            continue
        # a signature: the name on one line, the office alone on the next ('Janne Nystad' / 'Referent')
        signed_below = _OFFICIAL.fullmatch(block.text.strip(" :")) and k and not blocks[k - 1].is_row
        if signed_below and len(blocks[k - 1].text) < 40:
            above = find_names(blocks[k - 1].text) or list_names(blocks[k - 1].text)
            if len(above) == 1 and above[0][1] == 0 and above[0][2] == len(blocks[k - 1].text.strip()):
                name = above[0][0]
                # 'Janne' signs for the Janne Nystad listed above
                if " " in name or not any(a.name.split()[0] == name for a in (*known, *found)):
                    add(name, block.text.strip(" :"), block)
                continue
        if _is_point(block):
            # 'Valg av referent og to til å underskrive protokollen': a sentence naming no office
            # is about the last one
            offices = _OFFICIAL.findall(block.text)
            office = offices[-1] if offices and re.search(r"(?i)\bvalg\b", block.text) else None
            if office:
                continue
        chosen = _CHOSEN_FOR.match(block.text)
        offices = [m.group(1) for m in _OFFICIAL.finditer(chosen.group("office"))
                   if not _BESIDE.search(chosen.group("office")[:m.start()])] if chosen else []
        if offices:  # 'Valg av møteleder: Arvid Lothe', 'Valg av to til å signere protokollen: A og B'
            names = find_names(chosen.group("who")) or list_names(chosen.group("who"))
            for k, (name, _, _) in enumerate(names):
                add(name, offices[k] if len(offices) == len(names) else offices[-1], block)
            continue
        names = find_names(block.text)
        if not names:
            continue
        signed = _OFFICIAL.fullmatch(block.text[names[0][2]:].strip(" ,–-")) if len(names) == 1 else None
        if signed and not block.text[:names[0][1]].strip():
            add(names[0][0], signed.group(1), block)
            continue
        for sentence in sentences(block.text):
            said = [m for m in _OFFICIAL.finditer(sentence) if not _BESIDE.search(sentence[:m.start()])]
            if not _CHOSEN.search(sentence) or not (said or office):
                continue
            names = find_names(sentence)
            for k, (name, _, _) in enumerate(names):
                add(name, _office_of(said, names, k) or office or "", block)
    return found


def _office_of(said: list[re.Match[str]], names: list[tuple[str, int, int]], k: int) -> str | None:
    """The office a sentence gives the k-th name: the one after it before the next name ('X ble valgt
    som møteleder og Y som referent'), else the last one before it ('Som referent ble Y valgt'), else
    the nearest one ('X og Y ble valgt til å underskrive protokollen')."""
    _, start, end = names[k]
    following = names[k + 1][1] if k + 1 < len(names) else None
    after = [m for m in said if m.start() >= end and (following is None or m.start() < following)]
    if after:
        return after[0].group(1)
    previous = names[k - 1][2] if k else 0
    before = [m for m in said if previous <= m.end() <= start]
    if before:
        return before[-1].group(1)
    return min(said, key=lambda m: min(abs(m.start() - end), abs(start - m.end()))).group(1) if said else None
