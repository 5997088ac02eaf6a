"""The labels minutes are read by: labels that OCR damaged ('Ti1 stede:', 'Forfa11:', 'Vedtalc:') put back to
their spelling, so that the attendance, header and decision readers, which match labels exactly, see them; and
the grammar of the labels a case's text is read by (decision, proposal, follow-up, treatment, vote, close)."""

from __future__ import annotations

import re

from referat.bodywords import alternation
from referat.extract.votewords import (
    AGAINST,
    FELL_WORDS,
    FOR,
    PROPOSAL_NOUNS,
    RECOMMENDATION_NOUNS,
    TAKEN_WORDS,
    UNANIMOUS,
    VOTED,
    VOTING_WORDS,
)
from referat.folding import fold, lookalike_forms

# The labels minutes are read by. A word here is only the key to repair a damaged one: what each
# label means is for its reader (attendance.py, header.py, decisions.py).
LABELS = ("Til stede", "Tilstede", "Til stades", "Forfall", "Meldt forfall", "Fravær", "Fraværende", "Møtt",
          "Ikke møtt", "Ikke til stede", "Deltakere", "Deltok", "Referent", "Sekretær", "Møtesekretær", "Møteleder",
          "Gjester", "Observatører", "Varamedlemmer", "Vedtak", "Konklusjon", "Beslutning", "Oppfølging", "Dato",
          "Innstilling", "Behandling", "Votering", "Ansvar", "Tiltak",
          "Møtedato", "Sted", "Møtested", "Møtetid", "Tidspunkt",
          # nynorsk
          "Fråverande", "Fråvær", "Møteleiar", "Handsaming", "Tilråding", "Røysting", "Fråsegn", "Møtestad", "Stad")
_BY_FORM = {fold(label): label for label in LABELS}
_LABEL = re.compile(r"^(\s*)([A-Za-zÆØÅæøå0-9@]{2,}(?: [A-Za-zÆØÅæøå0-9@]{2,}){0,2})(\s*:)")


# Labels that stand alone on their line, without a colon ('VEDTAK', 'Innstilling'); OCR's 'Vedtalc' is one of them.
_ALONE_BY_FORM = {fold(label): label for label in ("Vedtak", "Innstilling", "Behandling", "Votering", "Konklusjon",
                                                    "Handsaming", "Tilråding", "Røysting")}
_ALONE = re.compile(r"^(\s*)([A-Za-zÆØÅæøå0-9@]{5,})(\s*)$")


def repair_label(text: str) -> str:
    """'Ti1 stede: Hans Rød' -> 'Til stede: Hans Rød', 'Vedtalc' alone -> 'Vedtak'; text without a damaged label
    is returned as it is."""
    m, vocabulary = _LABEL.match(text), _BY_FORM
    if m is None:
        m, vocabulary = _ALONE.match(text), _ALONE_BY_FORM
    if not m or fold(m.group(2)) in vocabulary:
        return text
    for form in lookalike_forms(m.group(2)):
        label = vocabulary.get(form)
        if label is not None:
            word = m.group(2)
            label = label.upper() if word.isupper() else label
            return m.group(1) + label + text[m.end(2):]
    return text


# --- The labels a case's text is read by: which paragraphs are the body's decision, a proposal, a
# follow-up, or the record of the treatment. Each is one grammar here, in bokmål and nynorsk; what a
# label's paragraphs become is for decisions.py.

# A decision: 'Vedtak:', 'VEDTAK' or 'Vedtak.' alone, 'Samrøystes vedtak:', 'Formannskapets vedtak 05.09.2024:'
# (nynorsk 'Formannskapet sitt vedtak:', 'Eldrerådet si fråsegn:', 'Styret sine vedtak:'),
# 'Konklusjon/vedtak:', 'Vedtak i saken:', 'Enstemmig vedtatt:' (nynorsk 'Samrøystes vedteke:'), an advisory
# council's 'uttalelse' (nynorsk 'fråsegn'), and the sentence 'Styret fattet følgende (enstemmige) vedtak(:)'.
DECISION_LABEL = re.compile(
    # 'Styrets enstemmige vedtak:'
    r"(?i)^\s*(?:(?:[\wæøå]+s|(?:[\wæøå-]+\s+){1,2}(?:sitt|si|sine)|enstemmig|einstemmig|endelig|endeleg)\s+"
    r"(?:(?:enstemmige|einstemmige|samrøystes)\s+)?"
    # 'Styret fattet (deretter) følgende vedtak:', nynorsk 'Styret gjorde følgjande vedtak:'
    r"|(?:[\wæøå]+\s+){1,3}(?:fattet|fatta|gjorde|traff)\s+(?:(?:deretter|då|da|så)\s+)?(?:(?:enstemmig|samrøystes)\s+)?"
    r"(?:følgende|slikt|fylgjande|følgjande)\s+(?:(?:enstemmige?|samrøystes)\s+)?"
    r"|(?:følgende|slikt|fylgjande|følgjande)\s+"
    r"|[\wæøå]+\s*/\s*)?"  # 'Oppsummering/konklusjon:'
    r"(?P<label>vedtak|styrevedtak|vedtatt|vedteke|vedteken|konklusjon(?:er|ar)?|beslutning(?:er|ar)?|avgjørelse|"
    r"avgjerd|uttalelse|uttale|fråsegn)"
    r"(?:\s+(?:ble|vart)\s+(?:enstemmig\s+|samrøystes\s+)?(?:fattet|fatta|gjort)"
    r"|\s*/\s*[\wæøå]+|\s+og\s+oppfølging|\s+i\s+sak(?:en|a))?"  # 'Konklusjon/vedtak:', 'Vedtak i saken:'
    r"(?:\s+\d{1,2}\.\d{1,2}\.\d{2,4})?"  # 'Formannskapets vedtak 05.09.2024:'
    # 'Vedtak (enstemmig):'
    r"(?:\s*\((?:enstemmig|einstemmig|samrøystes|\d+\s+mot\s+\d+|[^()]{1,30}(?:stemmer|røyster))\))?"
    # 'Vedtak.' is a label as 'Vedtak:' is; 'Vedtatt.' and 'Vedteke.' alone are the verdict itself
    r"\s*(?:[:–-]\s*(?P<rest>.*)|(?<![Vv]edtatt)(?<!VEDTATT)(?<![Vv]edteke)(?<!VEDTEKE)(?<![Vv]edteken)(?<!VEDTEKEN)"
    r"\.\s*(?P<after_stop>.*)|$)", re.S)
# A decision announced by a sentence of its own: 'Et enstemmig fylkesutvalg vedtok:', 'Styret gjorde slikt vedtak:'
DECIDED_AS = re.compile(
    r"(?i)^\s*(?:(?:et|ei|eit)\s+)?(?:(?:enstemmig|einstemmig|samlet|samla|samrøystes)\s+)?[\wæøå-]+\s+"
    r"(?:(?:enstemmig|einstemmig|samrøystes)\s+)?"
    r"(?:vedtok|vedtar|vedtek|gjorde\s+(?:slikt|følgende|fylgjande|følgjande)\s+vedtak)"
    r"\s*:\s*(?P<rest>.*)$"
    r"|^\s*(?:følgende|fylgjande|følgjande)\s+[\wæøå-]+\s+(?:ble|vart)\s+(?:enstemmig\s+|samrøystes\s+)?"
    r"(?:vedtatt|vedteke|vedteken)\s*:"
    r"\s*(?P<after>.*)$", re.S)  # 'Følgende oversendelsesforslag ble vedtatt:'
# A follow-up: 'Oppfølging:', 'Oppfølgingspunkter:', 'Ansvar:', 'Tiltak:', 'Aksjonspunkter:'
FOLLOW_LABEL = re.compile(
    r"(?i)^\s*(?:videre\s+|vidare\s+)?(?P<label>oppfølging(?:spunkt(?:er)?)?|aksjon(?:spunkt(?:er)?)?|ansvar/oppfølging|"
    r"ansvar(?:lig|leg)?|tiltak)"
    r"(?:\s*/\s*[\wæøå]+)?\s*(?:[:–]\s*(?P<rest>.*)|$)", re.S)
# A proposal, never a decision: 'Innstilling:', 'INNSTILLING', 'Forslag til vedtak:', 'Rådmannens innstilling:',
# 'Kommunedirektørens forslag til vedtak:', nynorsk 'Kommunedirektøren si tilråding:', 'Endringsforslag:',
# 'Forslag fra Kari Lie (H):', 'Forslag fremmet i møtet:', 'Kari Lie (H) fremmet følgende tilleggsforslag:'.
# nynorsk 'framlegg' for 'forslag': 'Framlegg til vedtak:', 'Kari Lie sette fram slikt endringsframlegg:',
# 'Kommunedirektøren sitt framlegg til vedtak:', 'Administrerande direktør si tilråding:'
_PROPOSAL_WORD = (r"(?:(?:forslag|framlegg)\s+til\s+(?:vedtak|innstilling|uttalelse|fråsegn)|"
                  r"innstilling(?:\s+til\s+[\wæøå]+)?|tilråd(?:n)?ing(?:\s+til\s+[\wæøå]+)?|"
                  r"(?:nytt\s+|alternativt\s+|omforent\s+)?(?:forslag|endringsforslag|tilleggsforslag|"
                  r"fellesforslag|motforslag|utsettelsesforslag|oversendelsesforslag|framlegg|endringsframlegg|"
                  r"tilleggsframlegg|fellesframlegg|utsetjingsframlegg|utsettingsframlegg|oversendingsframlegg)"
                  r"(?:\s+til\s+vedtak)?)")
PROPOSAL_LABEL = re.compile(
    # whose: 'Adm. direktørs forslag til vedtak:', nynorsk 'Administrerande direktør sitt framlegg til vedtak:'
    r"(?i)^\s*(?:(?:[\wæøå.-]+\s+){0,2}[\wæøå-]+s\s+|(?:[\wæøå.-]+\s+){1,3}(?:si|sitt|sin|sine)\s+|"
    r"endelig\s+|endeleg\s+|saksbehandlers\s+)?"
    r"(?P<kind>" + _PROPOSAL_WORD + r")\b"
    r"(?:\s+(?:fra|frå)\s+(?P<who>[^:]{2,80}?))?(?:\s+(?:fremmet|fremma|lagt\s+fram|sett\s+fram)\s+i\s+møtet)?"
    r"\s*(?:[:.–-]\s*(?P<rest>.*)|$)", re.S)
PROPOSED_BY = re.compile(
    r"(?i)^\s*(?P<who>[^:.]{2,80}?)\s+(?:fremmet|fremma|fremmer|fremja|fremjar|la\s+fr[ae]m|legger\s+fr[ae]m|"
    r"legg\s+fram|sette\s+fram|set\s+fram|satte\s+fram|foreslo|foreslår|gjorde|kom\s+med)\s+"
    r"(?:følgende|fylgjande|følgjande|slikt|dette|et|eit|nytt)?\s*"
    r"(?P<kind>" + _PROPOSAL_WORD + r")\b[^:]{0,40}(?::\s*(?P<rest>.*)|$)", re.S)
# The record of the treatment, not its outcome: a section it opens ends any decision or proposal above.
# nynorsk 'Formannskapet si handsaming:', 'Møtehandsaming:', 'Saksopplysningar:'
SECTION_LABEL = re.compile(
    r"(?i)^\s*(?:[\wæøå-]+s\s+|(?:[\wæøå-]+\s+){1,2}(?:si|sitt)\s+)?(?:behandling|møtebehandling|saksbehandling|"
    r"handsaming|møtehandsaming|sakshandsaming|votering|avstemming|avstemning|røysting|"
    r"saksopplysninger|saksopplysningar|saksutgreiing|saksutredning|saksframstilling|bakgrunn|vurdering|drøfting|"
    r"diskusjon|merknader|"
    r"habilitetsvurdering|habilitet|protokolltilførsel|protokollmerknad|særmerknad|dissens|saksdokumenter|"
    r"vedlegg|dette\s+ble\s+satt\s+opp\s+mot|orientering|innlegg|spørsmål)"
    r"(?:\s+(?:av|i)\s+(?:sak|saka|saken|møtet)\b[^:]*|\s+(?:fra|frå)\s+[^:]{2,60})?\s*(?::.*|$)", re.S)
# A vote as counted or its outcome recorded ('For forslaget stemte 35: ...', 'Dermed ble innstillingen
# vedtatt.'): the vote reader's (votes.py), in its words (votewords.py); here it closes the proposal voted on.
_OWNER = r"(?:[\wæøå-]+s\s+|(?:[\wæøå-]+\s+){1,2}(?:si|sitt)\s+)"  # 'Rådmannens', nynorsk 'Rådmannen sitt'
VOTE_RECORD = re.compile(
    rf"(?i)^\s*(?:(?:{FOR}|{AGAINST})\s+(?:{PROPOSAL_NOUNS})\w*(?:\s+\d+)?\s+(?:{VOTED})\b|"
    r"dermed\s+(?:ble|vart)\b|"
    rf"(?:{PROPOSAL_NOUNS})\s+(?:{alternation(FELL_WORDS)})\b|"
    # 'Rådmannens innstilling enstemmig vedtatt (7 st.)', 'Innstillingen ble vedtatt mot 2 stemmer'
    # nynorsk 'Kommunedirektøren si tilråding vart vedteken', and 'Tilrådinga frå kommunedirektøren vart vedteken';
    # a proposal with its owner is one too: 'Rådmannens forslag til vedtak ble vedtatt', 'Kommunedirektøren sitt
    # framlegg vart vedteke' ('Forslaget ble vedtatt' alone may be all the decision there is)
    rf"(?:(?:{_OWNER})?(?:{RECOMMENDATION_NOUNS})|{_OWNER}(?:forslag|framlegg)(?:\s+til\s+vedtak)?)"
    r"(?:\s+(?:fra|frå)\s+[\wæøå-]+(?:\s+[\wæøå-]+)?)?\s+(?:ble\s+|vart\s+)?"
    rf"(?:(?:{UNANIMOUS})\s+)?"
    rf"(?:{alternation(TAKEN_WORDS)})\b|"
    rf"\w+\s+(?:{VOTED})\s+(?:{FOR}|{AGAINST})\b|(?:{alternation(VOTING_WORDS)})\b)")
# An office and who fills it, as an election lists them: 'Leder: Kari Lunde (gjenvalg, 2 år)', 'Varamedlem: Ali
# Hassan (ny, 1 år)'. The decision reader takes such lines as the election's verdict, the prose reader their
# people as elected, not as attending.
OFFICE_LINE = re.compile(r"^\s*[A-ZÆØÅ][\wæøå/ ()-]{1,40}:\s+[A-ZÆØÅ]")
# What ends the last case: the close of the meeting and the signatures.
CLOSING = re.compile(
    r"(?i)^\s*(?:eventuelt\s*:?\s*$|neste\s+møte\b|møtet\s+(?:ble\s+|vart\s+)?(?:hevet|heva|avsluttet|avslutta)|"
    r"(?:general)?forsamlingen\s+heves|rett\s+utskrift|underskrift|signatur(?:er)?\s*:?\s*$|sign\s*:|"
    r"referent\s*:|for\s+referatet\b|"
    r"protokollen\s+(?:er\s+|vert\s+)?(?:godkjent\s+|godkjend\s+)?(?:og\s+)?(?:signert|underskriven|underteikna)|"
    # the note on starred cases under the last: 'Saker merket * er behandlet i lukket møte.'
    r"saker\s+(?:merket|markert)\s+(?:med\s+)?\*|"
    # where and when it was signed: 'Bergen, 12.03.2025', 'Voss, 4. mars 2025' (not 'Formannskapet 18.03.2025',
    # the meeting a proposal comes from)
    r"[A-ZÆØÅ][\wæøå-]+,\s+(?:den\s+)?(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\.\s*[a-zæøå]+\s+\d{4})\s*$)")
