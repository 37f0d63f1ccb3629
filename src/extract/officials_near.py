"""Bodies and teams named right after a person's name, and the awards a judge acts for.

"Ann Lee of the Easton Carers Association", "Ann Lee, from the council's fostering team,":
these tie a person to a body even when no job title is given.
"""

from __future__ import annotations

import re

from extract.names_find import Mention
from extract.officials_roleorgs import NAMED_ORG as _NAMED_ORG
from extract.officials_roleorgs import SELF as _SELF
from extract.officials_titles import CAP as _CAP

# An organisation appositive after the name: "Professor Aileen Brophy of Maynooth University".
# "(?:\s*+,)?\s++", not "\s*,?\s+": that split a run of n spaces n ways, O(n^2) per name.
_ORG_AFTER = re.compile(rf"(?:\s*+,)?\s++(?:of|from)\s+(?:the\s+)?(?P<org>{_NAMED_ORG})\b")
# ", of Care Forum Wales,": an appositive between commas names a body whatever its last word.
_ORG_APPOSITIVE = re.compile(
    rf"\s*,\s*(?:of|from)\s+(?:the\s+)?(?P<org>{_CAP}(?:\s+(?:{_CAP}|and|&|of|for))*?\s+{_CAP})"
    r"\s*(?=[,.;]|\s+(?:said|says|added|told)\b)"
)
# "the Easton Care Awards": the awards (or accolades, prizes) a judge acts for.
_AWARDS = re.compile(rf"(?:{_CAP}\s+(?:of\s+the\s+|of\s+)?)+(?:Awards|Accolades|Prizes)\b")


def organisation_after(text: str, mention: Mention) -> str | None:
    """"Huw Bevan OBE, of Care Forum Wales," or "Aileen Brophy of Maynooth University"."""
    match = _ORG_AFTER.match(text, mention.tail_end) or _ORG_APPOSITIVE.match(
        text, mention.tail_end
    )
    if match is None:
        return None
    org = " ".join(match.group("org").split())
    return org if len(org.split()) >= 2 or org.isupper() else None


_TEAM_AFTER = re.compile(
    rf"\s*,\s*(?:who\s+works\s+)?(?:from|in|with|of|for)\s+{_SELF}['’]s?\s+"
    r"(?P<team>[^,.;()“”\"]{3,60}?"
    r"\b(?:team|service|unit|department|division))\s*(?=[,.;])", re.IGNORECASE
)


def team_after(text: str, mention: Mention) -> str | None:
    """"hospital discharge team" in "Rhys Hale, from the council's hospital discharge team,"."""
    match = _TEAM_AFTER.match(text, mention.tail_end)
    return " ".join(match.group("team").split()) if match else None


def team_of(text: str, mentions: list[Mention]) -> bool:
    """"Ann Lee, from the council's fostering team,": staff of the publisher with no title."""
    return any(team_after(text, mention) for mention in mentions)


def body_of(text: str, mentions: list[Mention]) -> bool:
    """"Ann Lee of the Easton Carers Association": a body named right after the name."""
    return any(organisation_after(text, mention) for mention in mentions)


def awards_body(text: str) -> str | None:
    """The awards named in an article: the body a judge acts for."""
    match = _AWARDS.search(text)
    # "The Easton Care Awards were held": a sentence-opening article is not the name.
    return re.sub(r"^The\s+", "", " ".join(match.group().split())) if match else None
