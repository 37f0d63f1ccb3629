"""What anchors a name the first-name lexicon does not know: the words around it.

A title before it ("Senior practitioner Gwen Pryce"), an appositive after it (", team
manager,"), a bracketed title, a "Title, Name," aside, or a list led by a plural title.
"""

from __future__ import annotations

import re

from extract.names_lexicon import word_set

# After a name with no honorific and no known first name: an appositive or a speech verb
# (", said" closes a "Role, Name, said" aside).
WEAK_ANCHOR = re.compile(
    r"(?:\s*+(?:,[ \t]*+)?[A-Z]{2,5}\b)*+"
    r"(?:\s*+,\s*+(?:the|a|an|our|its|who|[a-z]+er\b|[A-Z][a-z]+ of)\b"
    r"|(?:\s*+,)?\s++(?:said|says|added|explained|commented|told|stated)\b)"
)
# "Minister for Child Protection", "the work of Youth Justice": a capitalised phrase governed
# by a preposition is a portfolio or a thing, not a person with no known first name.
# "Care, Health and Ageing Well", "Kildare/West Wicklow": nor is the last item of a list.
PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:for|of|at|in|on|into|about|and|or)[ \t]*+(?:\n[ \t]*+)?|[/&][ \t]*+)$")
# "Councillors Ann Lee and Ewa Nowak": a later item of a list led by a plural title.
AFTER_PLURAL = re.compile(
    r"\b(?:Councillors|Cllrs\.?|Crs)[ \t]++[^.;:!?\n]{3,60}?"
    r"(?:,[ \t]*+(?:and[ \t]++)?|[ \t]and[ \t]++)$")
WORD_REACH = 80  # searched back from the name only: from the text's start it was O(n)

# A title-anchored name sits in running text: a lower-case word or a clause end follows,
# not a line end ("... alongside Principal Social Worker Femi Adeyemi.").
CLAUSE_GOES_ON = re.compile(r"[ \t]+[a-z]|[.,;:](?:\s|$)")
# ", team manager, ..." / ", social worker in ...": a lower-case appositive holding a job title.
_LOWER_APPOSITIVE = re.compile(r"[ \t]*+,[ \t]*+((?:[a-z][\w’'-]*+[ \t]++){0,3}[a-z][\w’'-]*+)")


# "Head of Fostering, Kwame Osei, accepted": a name set off between a title and a comma;
# "Kwame Osei (Head of Fostering)": a title in brackets after the name.
_TITLE_COMMA_BEFORE = re.compile(
    r"((?:[A-Za-z][\w’'-]*+[ \t]++){0,5}[A-Za-z][\w’'-]*+),[ \t]*+(?:\n[ \t]*+)?$")
_COMMA_CLAUSE = re.compile(r",[ \t]*+(?:\n[ \t]*+)?[a-z]")
_PAREN_AFTER = re.compile(r"[ \t]*+\(([^()\n]{3,80})\)")


def role_aside(text: str, start: int, stop: int) -> bool:
    heads = word_set("officials_role_heads.txt")
    floor = max(0, start - WORD_REACH)
    # The title must end in a comma with only white space after it: without one (most names)
    # the search over the window, tried from each of its positions, is skipped.
    before = _TITLE_COMMA_BEFORE.search(text, floor, start) if text[floor:start].rstrip(
        " \t\n").endswith(",") else None
    # A lower-case word after the closing comma: "Deputy Director, Child Protection, Dr Ann
    # Lee" is a title in chunks before the real name.
    if before and _COMMA_CLAUSE.match(text, stop) and any(
            w.lower() in heads for w in before.group(1).split()):
        return True
    paren = _PAREN_AFTER.match(text, stop)
    return paren is not None and any(
        w.lower().strip(",") in heads for w in paren.group(1).split())


def role_appositive(text: str, stop: int) -> bool:
    match = _LOWER_APPOSITIVE.match(text, stop)
    heads = word_set("officials_role_heads.txt")
    return match is not None and any(w in heads for w in match.group(1).split())
