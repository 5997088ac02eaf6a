"""The words minutes record a vote with, bokmål and nynorsk: the one list the vote reader
(tallies.py, votes.py) builds its patterns from. A new spelling is a new entry here, not a new branch there."""

from __future__ import annotations

import re

from referat.bodywords import alternation

# Counts written as words: 'vedtatt mot to stemmer', 'mot ei røyst'.
NUMBERS: dict[str, int] = {
    "null": 0, "ingen": 0, "en": 1, "én": 1, "ein": 1, "ei": 1, "eitt": 1, "ett": 1, "to": 2, "tre": 3,
    "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11,
    "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15,
}
COUNT = rf"(?:\d{{1,3}}|{alternation(NUMBERS)})"

# The verb of a named tally: 'For forslaget stemte 4: ...', 'Mot røysta 3: ...'.
VOTED_WORDS = ("stemte", "stemde", "røystet", "røysta", "røystde", "voterte")
VOTED = alternation(VOTED_WORDS)
# A vote as a noun: 'mot to stemmer', 'med 5 røyster'.
VOTES_WORDS = ("stemmer", "stemme", "røyster", "røyst", "stemmar")
VOTES = alternation(VOTES_WORDS)

# The side a tally is on, by its first word.
FOR = alternation(["for"])
AGAINST = alternation(["imot", "i mot", "mot"])
# ('avholdt' is 'held', as in 'Valget ble avholdt:', not 'abstained')
ABSTAIN_WORDS = ("avstod", "avsto", "avholdende", "blanke", "blankt", "blank", "avstår")
ABSTAIN = alternation(ABSTAIN_WORDS)

# 'vedtatt', 'vedteke' adopt; 'ikke vedtatt', 'falt', 'forkastet' reject. A word of VOTED_IN opens
# an outcome on its own ('Vedtatt mot 2 stemmer'); 'godkjent' and the like only said of a proposal
# or with a count ('Innkallingen ble enstemmig godkjent'), as an approval is not always a vote.
VOTED_IN_WORDS = ("vedtatt", "vedtatte", "vedteke", "vedteken", "vedtekne", "vedtok", "vedtas", "vedtes", "bifalt")
APPROVED_WORDS = ("godkjent", "godkjend", "godkjennes", "tiltrådt", "tiltredd")
REJECTED_WORDS = ("falt", "faller", "forkastet", "forkasta", "forkastes", "nedstemt", "avvist", "avvises")
VOTED_IN = alternation(VOTED_IN_WORDS)
ADOPTED = alternation([*VOTED_IN_WORDS, *APPROVED_WORDS])
# Nynorsk 'fall' ('fekk 3 røyster og fall') only after 'og' or ending the sentence, and never in 'i så fall'
REJECTED = alternation(REJECTED_WORDS) + r"|(?<=\bog\s)fall\b|(?<!så\s)\bfall(?=\s*[.!]?$)"
NOT = alternation(["ikke", "ikkje"])

UNANIMOUS_WORDS = ("enstemmig", "enstemmige", "einstemmig", "einstemmige", "samrøystes", "samstemmig",
                   "samstemmige", "uten stemmer mot", "utan røyster mot")
UNANIMOUS = alternation(UNANIMOUS_WORDS)
# The chair's second vote in a tie: 'med leders dobbeltstemme', 'møteleiar si dobbeltrøyst'.
CASTING_WORDS = ("dobbeltstemme", "dobbelstemme", "dobbeltrøyst", "dobbelrøyst", "dobbeltstemmen")
CASTING = alternation(CASTING_WORDS)

# A proposal as minutes name it; the words a proposal's name may carry before the noun
# ('Hs forslag', 'Ap sitt forslag', 'formannskapets innstilling', 'tilleggsforslag 2').
PROPOSAL_NOUNS = alternation(["forslaget", "forslag", "innstillingen", "innstillinga", "innstilling",
                              "tilleggsforslaget", "tilleggsforslag", "endringsforslaget", "endringsforslag",
                              "alternativet", "framlegget", "framlegg", "tilrådinga", "tilråding",
                              "tilleggsframlegg", "endringsframlegg"])
# The body's own recommendation among the proposals: 'Rådmannens innstilling', nynorsk 'tilrådinga'.
RECOMMENDATION_NOUNS = alternation(["innstillingen", "innstillinga", "innstilling", "tilrådinga", "tilråding"])
# A name that says only 'the proposal' and so defers to a more specific one in the outcome.
GENERIC = {"forslaget", "forslag", "framlegget", "framlegg", "det", "dette", "saken"}

# A verdict reported as taken ('Innstillingen ble enstemmig vedtatt', 'Forslaget falt'): the record of a
# vote, which the decision reader leaves to the vote reader. Not the present tense of ADOPTED and
# REJECTED: 'Innstillingen vedtas' may be the body's decision itself.
TAKEN_WORDS = ("vedtatt", "vedteke", "vedteken", "godkjent", "godkjend", "forkastet")
FELL_WORDS = ("falt", "fall", "faller")
# A vote named as a noun, which opens its record: 'Votering:', 'Avstemming over forslaget'.
VOTING_WORDS = ("votering", "avstemming", "avstemning", "røysting")

# Being disqualified from a case, or leaving the meeting for it.
DISQUALIFIED = re.compile(r"(?i)(?<!ikke )(?<!ikkje )\binhabile?\b")
LEFT = re.compile(r"(?i)\bfrat?r[åa]d(?:te|de|dde|t)\b|\bfråtr(?:edde|ådde|ådte)\b")  # nynorsk 'fråtredde'
# "fratrådte under behandlingen (av saken)", nynorsk "under handsaminga"
LEFT_FOR_CASE = re.compile(r"(?i)\b(?:behandling(?:en)?|handsaming(?:a)?)\b")

# Words that say a text mentions a vote, whether or not it records one.
# 'Stemme' alone is also a voice ('en stemme nasjonalt') and 'stemmer' a verb ('det stemmer').
MENTIONS = re.compile(rf"(?i)\b(?:votering\w*|avstemming\w*|stemmegivning\w*|{VOTED}|\d+\s+(?:{VOTES})|"
                      rf"(?:{VOTES})\s+(?:for|mot|imot))\b")

# Every paragraph that records a vote holds one of these words, so one look tells which paragraphs
# the vote patterns need to read: on minutes with few votes most paragraphs are passed over at once.
# (A set of words, not one alternation: a regex of every word tried at every position of every
# paragraph cost more than reading the votes.)
_VOTE_TOKENS = frozenset(w for words in (VOTED_WORDS, VOTES_WORDS,
                                         VOTED_IN_WORDS, APPROVED_WORDS, REJECTED_WORDS, ["fall"],
                                         UNANIMOUS_WORDS, CASTING_WORDS, ABSTAIN_WORDS, ["inhabil", "inhabile"])
                         for phrase in words for w in phrase.split() if w not in ("uten", "utan", "mot"))
_VOTE_PREFIXES = ("votering", "avstemming", "fratr", "fråtr")
_WORD = re.compile(r"\w+")
_LABELLED_COUNT = re.compile(rf"(?i)\b(?:{FOR}|{AGAINST})\s*:\s*\d")


def speaks_of_votes(text: str) -> bool:
    """Whether a paragraph holds a word a vote is recorded with."""
    words = set(_WORD.findall(text.lower()))
    return (not words.isdisjoint(_VOTE_TOKENS) or any(w.startswith(_VOTE_PREFIXES) for w in words)
            or (":" in text and bool(_LABELLED_COUNT.search(text))))


def number(word: str) -> int | None:
    """'35' -> 35, 'to' -> 2, 'ei' -> 1; None for anything else."""
    word = word.strip().lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)
