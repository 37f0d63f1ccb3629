"""Who an award clause is about: the subject before the trigger verb.

The subject is read from the clause the verb belongs to, not from the whole sentence: a
colon or semicolon starts a new clause ("It was a double for Haverleigh: Grace Mbeki ...
received"), and so does a subordinator or an absolute "with" that runs unbroken up to the
verb ("weeks after Council was highly commended", "with coordinator Mei Lin named ...").
Pronouns and expletives ("It", "There") are never recipients.
"""

from __future__ import annotations

import re

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
    if not find.words()["anaphor"].match(recipient):
        return recipient
    last = None
    for match in find.TITLE_PHRASE.finditer(text, 0, at):
        if _DETERMINER.fullmatch(match.group()):
            continue  # "The team" itself
        after = _UNIT_AFTER.match(text, match.end())
        if after and after.end() <= at:
            last = match.group() + after.group()
        elif _UNIT_END.search(match.group()) or _APPOSITIVE.match(text, match.end()):
            last = match.group()
    if last is None:
        return recipient
    return re.sub(r"^The\s+", "", " ".join(last.split()))


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


def hypothetical(subject: str) -> bool:
    return bool(_HYPOTHETICAL.search(subject))
