"""Telling an organisation from a role in a cell such as 'Universitetet i Bergen, leder'."""

from __future__ import annotations

import re

from referat.folding import fold

ORG_WORDS = re.compile(
    r"(?i)(universitet|høgskul|høgskol|høyskol|kommune|sykehus|sjukehus|helse\s|helse$|institutt|"
    r"direktorat|fylke|statsforvalt|fylkesmann|fakultet|senter|etat|foretak|klynge|stiftelse|\bas\b|\basa\b|"
    r"\bnav\b|forening|forbund|sk[uo]len?\b|føretak|tenest[ae]|verksemd|organisasjon|"
    r"avdeling|seksjon|departement|tjeneste|kontor|byrå|selskap|norce|panel|forum|gruppen|møtet|styret|råd|"
    # associations and who manages their property: 'Solbakken Idrettslag', 'Boligbyggelaget Vest', 'Bakkehaugen
    # Vel', 'Sameiet Strandveien 12', 'Norsk Eiendomsforvaltning'
    r"(?:slag|elag|\blag)(?:et)?\b|\bsameie|klubb|\bvel\b|korps\b|forvaltning|eiendom|samskipnad)")

ROLE_WORDS = (
    "leder", "nestleder", "rektor", "rektorat", "prorektor", "viserektor", "dekan", "prodekan", "direktor",
    "adm direktor", "administrerende direktor", "sekretaer", "sekretariat", "referent", "observator",
    "klyngefasilitator", "klyngeleder", "studentrepresentant", "brukerrepresentant", "representant",
    "koordinator", "medlem", "varamedlem", "vara", "ordforer", "varaordforer", "kommunedirektor", "radmann",
    "fagleder", "seksjonssjef", "avdelingsdirektor", "styreleder", "moteleder", "konst", "konstituert",
    "prosjektleder", "radgiver", "seniorradgiver", "spesialradgiver", "konsulent", "forsker", "professor",
    "styringsgruppeleder", "sekretariatsfunksjon", "fylkestannlege", "kommunaldirektor", "daglig leder",
    "ass direktor", "assisterende direktor", "assisterende", "ass", "adm dir", "ass dir",
    # Nynorsk
    "leiar", "nestleiar", "moteleiar", "styreleiar", "dagleg leiar", "fagleiar", "prosjektleiar", "radgjevar",
    "seniorradgjevar", "kommunedirektor", "klyngeleiar", "ordforar", "varaordforar", "administrerande direktor",
    "assisterande direktor", "assisterande", "sakshandsamar", "saksbehandler",
    # the state's and the audit's titles: 'Statsråd X', 'Revisor X', 'Politisk rådgiver X'
    "statsrad", "statssekretaer", "revisor", "statsautorisert revisor", "politisk radgiver", "politisk radgjevar",
    # an association's officers: 'Kasserer Mona Lie la fram regnskapet'
    "kasserer", "kasserar", "styremedlem", "forretningsforer", "forretningsforar", "forvalter", "ordstyrer",
    "ordstyrar", "dirigent", "protokollforer", "protokollforar",
)
# Titles are compounds on a few heads: 'klinikksjef', 'avdelingsoverlege', 'kvalitetsrådgiver', 'HR-konsulent'
ROLE_HEADS = ("sjef", "leder", "leiar", "direktor", "radgiver", "radgjevar", "sekretaer", "konsulent", "koordinator",
              "representant", "fasilitator", "ansvarlig", "overlege", "lege", "sykepleier", "sjukepleiar",
              "psykolog", "ordforer", "ordforar", "radmann", "kommunalsjef", "kontakt", "kontaktperson", "minister",
              "revisor", "handsamar", "medarbeidar", "medarbeider")
# A title may name whose it is: 'kommunens rådgiver', 'styrets leder', nynorsk 'kommunen sin representant'
# A title may say whether its holder comes or goes: 'påtroppende koordinator', 'fungerende leder', nynorsk
# 'påtroppande', 'fungerande', 'tidlegare', 'nyvald'; on a board, who elected the member: 'Ansattvalgt
# styremedlem Kari Lie', 'eksternt medlem', 'tilsettvald medlem'
_ROLE_RE = re.compile(r"^(?:(?:avtroppende|patroppende|fungerende|avtroppande|patroppande|fungerande|konstituert|"
                      r"tidligere|tidlegare|nyvalgt|nyvald|ny|"
                      r"ansatt ?valgt|ansattevalgt|studentvalgt|tilsettvald|eksternt?|eigarvald|eiervalgt) )?"
                      r"(?:[a-z]+s |[a-z]+ (?:sin|si|sitt|sine) )?"
                      r"(?:" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
                      + r"|(?:[a-z]{2,4} )?[a-z]*(?:" + "|".join(ROLE_HEADS) + r"))\b")


def is_role(text: str) -> bool:
    # 'Helse- og omsorgsminister': a part ending in a hyphen shares the head of the next
    folded = fold(re.sub(r"\w+-\s+(?:og|and)\s+", "", text))
    if not folded:
        return False
    parts = re.split(r"\s+(?:og|and)\s+", folded)
    return all(_ROLE_RE.match(p.strip()) for p in parts if p.strip())


def looks_like_org(text: str) -> bool:
    """An organisation: a word of the org vocabulary, or an abbreviation such as 'HVL', 'UiB', 'NORCE'."""
    text = text.strip()
    if not text:
        return False
    if ORG_WORDS.search(text):
        return True
    return bool(re.fullmatch(r"[A-ZÆØÅ][A-ZÆØÅa-zæøå]{0,3}[A-ZÆØÅ]+(?:[-/ ][A-ZÆØÅ][\wæøå]*)*", text))


def split_org_role(cell: str) -> tuple[str | None, list[str]]:
    """'Universitetet i Bergen, leder' -> ('Universitetet i Bergen', ['leder']);
    'Brukerpanelet – leder og nestleder' -> ('Brukerpanelet', ['leder', 'nestleder']);
    'Klyngefasilitator Alrek helseklynge' -> ('Alrek helseklynge', ['Klyngefasilitator'])."""
    cell = " ".join((cell or "").split())
    if not cell:
        return None, []
    paren = re.search(r"\(([^)]*)\)\s*$", cell)
    extra: list[str] = []
    if paren:
        inner = paren.group(1).strip()
        cell = cell[: paren.start()].strip()
        if is_role(inner):
            extra = [inner]
    for sep in (",", " – ", " - ", " — "):
        if sep in cell:
            left, right = cell.rsplit(sep, 1)
            if is_role(right):
                roles = [r.strip() for r in re.split(r"\s+(?:og|and)\s+", right.strip())]
                return left.strip() or None, roles + extra
            if is_role(left) and looks_like_org(right):  # 'Leder, FFO'
                return right.strip(), [left.strip()] + extra
    if is_role(cell):
        m = re.match(r"^(\S+)\s+(.+)$", cell)
        if m and not re.match(r"(?i)(av|for|i|til)\b", m.group(2)) and looks_like_org(m.group(2)):
            return m.group(2).strip(), [m.group(1)] + extra
        return None, [cell] + extra
    return cell, extra


def spelled_out(org: str, text: str) -> str:
    """'ViG' -> 'Vekst i Grenland', 'UiB' -> 'Universitetet i Bergen' where the text writes it out: an
    abbreviation in mixed case, each capital a word's initial and each small letter a small word.
    Capitals alone ('MDG', 'SP') are kept as written: parties and bodies are known by them."""
    if not re.fullmatch(r"[A-ZÆØÅ][A-Za-zæøåÆØÅ]{2,5}", org) or org.isupper() or not re.search(r"[A-ZÆØÅ]$", org):
        return org
    parts = [rf"{c}[\wæøåÆØÅ-]+" if c.isupper() else rf"{c}\w*" for c in org]
    m = re.search(r"\b" + r"\s+".join(parts) + r"\b", text)
    return m.group(0) if m else org
