"""Who an award clause is about: the subject before the trigger verb.

The subject is read from the clause the verb belongs to, not from the whole sentence: a
colon or semicolon starts a new clause ("It was a double for Haverleigh: Grace Mbeki ...
received"), and so does a subordinator or an absolute "with" that runs unbroken up to the
verb ("weeks after Council was highly commended", "with coordinator Mei Lin named ...").
Pronouns and expletives ("It", "There") are never recipients.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from extract import awards_find as find

# A subordinator or absolute "with" opening the comma-free stretch right before the verb.
# "that" opens a clause only before its subject ("said that the council"), never as a
# relative ("a team that doubled").
_OPENER = re.compile(
    r"\b(?:after|when|since|because|although|though|whereas|while|whilst|once|until|before"
    r"|where|as|with|if|that(?=\s+(?:the|its|our|their|[A-Z])))\s+(?=[^,]*$)"
)
# An opener between capitalised words is inside a title ("Children with Disabilities Team").
_IN_TITLE = re.compile(r"[A-Z][\w’'-]*\s+$")
# Segments that open a clause with an adverbial, never a recipient: capitalised at the
# start of a sentence, or lower-case prepositions and subordinators after a comma.
_INTRO = re.compile(
    r"^(?:In|At|On|For|After|During|Following|As|With|Congratulations|Last|This|Once)\b"
    r"|^(?:at|in|on|for|with|by|from|during|after|before|since)\b"
)
# A sentence adverb before the subject is dropped, the subject kept ("Later the council").
_ADVERB = re.compile(
    r"^(?:Meanwhile|Elsewhere|Also|And|But|Now|Today|Tonight|Earlier|Later|Recently"
    r"|Separately|Finally|Additionally|However|Yesterday|Overall|Previously)\b\s*"
)
_PRONOUN = re.compile(r"^(?:it|there|this|that|these|those|he|she|they|them|his|her|one|all"
                      r"|both|each|which|who|to)$", re.IGNORECASE)


def _clause(text: str) -> str:
    """The part of `text` that belongs to the clause ending at the verb."""
    text = re.split(r"[:;]", text)[-1]
    openers = [m for m in _OPENER.finditer(text)
               if not (_IN_TITLE.search(text, 0, m.start()) and text[m.end():][:1].isupper())]
    opener = openers[-1] if openers else None
    if opener is not None and re.search(r"\b[A-Z]|\b(?:the|its)\s", text[opener.end():]):
        return text[opener.end():]
    return text


@lru_cache(maxsize=4096)
def recipient_from(subject: str) -> str | None:
    """The person, team or council a clause is about, from the words before its verb."""
    relative = re.search(r",?\s*\b(?:who|which|that)\s*$", subject)
    # a relative clause's antecedent may hold a title with "with" in it: no clause cut
    text = (re.split(r"[:;]", subject[:relative.start()])[-1] if relative
            else _clause(subject))
    segments = [_clean(s) for s in re.split(r",|\s[–—-]\s", text)]
    segments = [s for s in segments if s and not _INTRO.match(s)]
    # An appositive ("a social worker in the council's team") follows the name; a role
    # may precede it ("intake supervisor Brian Kessler"), so any capital word qualifies.
    named = [s for s in segments if re.search(r"\b[A-Z]", s)
             or s.lower().startswith(("the ", "its "))]
    if not named:
        return None
    choice = _leading_name(re.sub(r"^The\s+", "", named[0]))
    if _PRONOUN.match(choice):
        return None
    return choice if len(choice.split()) <= 14 else None


# Nouns that end a recipient ("Harmon County's kinship navigation unit").
_HEAD_NOUN = re.compile(r"\b(?:team|service|unit|hub|programme|program|project|staff|workers?"
                        r"|department|agency|division|office|academy|group|partnership"
                        r"|network|initiative|scheme|council|authority|practitioners?)$")
_NAME_THEN_WORDS = re.compile(
    rf"(?P<name>{find.TITLE_PHRASE.pattern})(?P<rest>(?:\s+[a-z][\w’'-]*){{3,}})")


def _leading_name(segment: str) -> str:
    """'Dunmore Council saw off three other councils to': a name followed by a run of
    lower-case words that is no part of it (no head noun ends it) is the name alone."""
    match = _NAME_THEN_WORDS.fullmatch(segment)
    if match is None or _HEAD_NOUN.search(match["rest"]):
        return segment
    return match["name"]


def _clean(segment: str) -> str:
    w = find.words()
    segment = _ADVERB.sub("", re.sub(r"[“”\"‘]", "", segment).strip())
    segment = w["drop_lead"].sub("", segment)
    return w["drop_tail"].sub("", segment).strip(" ,;")


# A named unit: "the Care Connect team", "Child Protection Team", or a name with an
# appositive that calls it one ("Foster Wales Cwm Arian, the council's fostering service").
_UNIT = r"(?:team|service|unit|hub|programme|program|project)"
_UNIT_AFTER = re.compile(rf"\s+{_UNIT}\b")
_UNIT_END = re.compile(rf"\b{_UNIT}$", re.IGNORECASE)
_APPOSITIVE = re.compile(rf",\s+(?:the|our|its)\s+[^,.\n]{{0,60}}?\b{_UNIT}\b")


_DETERMINER = re.compile(r"The|This|That|Our|Its|Their|Her|His|A|An")


def antecedent(recipient: str, text: str, at: int) -> str:
    """'The team' / 'the service' names the unit the article last named before `at`."""
    return Antecedents(text)(recipient, at)


# A title cut by a row is read again from its start for that row: on hostile text (a
# capitalised run of thousands of words holding many rows) that cost rows x run. A title
# runs a few words; one running further than this before the row is not read.
CUT_TITLE_REACH = 1_000


class Antecedents:
    """`antecedent` for many rows of one text, each in time bounded by the title it cuts.

    A reading from the text's start to `at` (TITLE_PHRASE.finditer(text, 0, at)) meets the
    titles the whole text has, up to the last one ending by `at`, then at most what is left
    of the next one (cut at `at`): so titles are found once, and for each the unit it names
    (if any) and the last such name so far are kept. A unit word after a title ("Care
    Connect team") lies before the next title, so only the last whole title and the cut
    one depend on `at`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.titles: list[re.Match[str]] | None = None
        self.ends: list[int] = []
        self.named: list[str | None] = []  # the unit named by the titles up to each one

    def __call__(self, recipient: str, at: int) -> str:
        if not find.words()["anaphor"].match(recipient):
            return recipient
        if self.titles is None:
            self._read()
        titles = self.titles or []
        k = bisect_right(self.ends, at) - 1  # the last title ending by `at`
        last = self.named[k - 1] if k >= 1 else None
        if k >= 0:
            last = self._unit(titles[k], at) or last
        cut = titles[k + 1].start() if k + 1 < len(titles) else at
        if at - cut > CUT_TITLE_REACH:
            cut = at  # a capitalised run this long is no unit's name: not read again
        for match in find.TITLE_PHRASE.finditer(self.text, cut, max(cut, at)):
            last = self._unit(match, at) or last
        if last is None:
            return recipient
        return re.sub(r"^The\s+", "", " ".join(last.split()))

    def _read(self) -> None:
        self.titles = list(find.TITLE_PHRASE.finditer(self.text))
        self.ends = [m.end() for m in self.titles]
        last = None
        for match in self.titles:
            last = self._unit(match, len(self.text)) or last
            self.named.append(last)

    def _unit(self, match: re.Match[str], at: int) -> str | None:
        """The unit a title names, read as far as `at`: "the Care Connect team", "Child
        Protection Team", "Foster Wales, the council's fostering service"."""
        if _DETERMINER.fullmatch(match.group()):
            return None  # "The team" itself
        after = _UNIT_AFTER.match(self.text, match.end())
        if after and after.end() <= at:
            return match.group() + after.group()
        if _UNIT_END.search(match.group()) or _APPOSITIVE.match(self.text, match.end()):
            return match.group()
        return None


# Each side of "A and B" names a body of its own ("Fenwick Council and Ashby Council"),
# unlike one name with "and" in it ("Children and Families Team").
_BODY_END = re.compile(r"(?:Council|Borough|County|Team|Service|Agency|Department|Trust"
                       r"|Partnership|Authority|Unit|Hub|team|service|unit)$")


def coordinated(recipient: str) -> list[str]:
    """'Fenwick Council and Ashby Council': one recipient each."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", recipient)]
    if len(parts) > 1 and all(len(p.split()) >= 2 and _BODY_END.search(p) for p in parts):
        return parts
    return [recipient]


# "will find out whether it has won", "hopes to win": an outcome not yet had.
_HYPOTHETICAL = re.compile(r"\b(?:whether|if|hopes?\s+to|hoping\s+to|bid\s+to|chance\s+to"
                           r"|aims?\s+to|vying\s+to)\b[^,.;:]*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def hypothetical(subject: str) -> bool:
    return bool(_HYPOTHETICAL.search(subject))
