"""The organisation a role phrase names, and whether it says the council itself:
"the council's director of children's services", "area manager at Skills for Care",
"chair of Social Care Wales", "NACo President"."""

from __future__ import annotations

import re

from extract.officials_split import (
    ORG_WORDS,
    acronym_prefix,
    drop_locative,
    known_in,
    prefix_organisation,
    split_civic_prefix,
    split_tail_body,
)
from extract.officials_titles import CAP as _CAP

_SELF = (
    r"(?:the\s+)?(?:(?:county|city|borough|district|town|shire)\s+)?"
    r"(?:council|county|authority|borough|city|district|local\s+authority)"
)
_POSSESSIVE_SELF = re.compile(rf"^{_SELF}['’]s?\s+", re.IGNORECASE)
_INNER_SELF = re.compile(rf"\b{_SELF}['’]s?\s", re.IGNORECASE)
_TAIL_SELF = re.compile(rf"\s+(?:at|of|for|with|in)\s+{_SELF}$", re.IGNORECASE)
_NAMED_ORG = (
    rf"(?:Department|Ministry|Office)\s+(?:of|for)\s+{_CAP}(?:(?:,\s*|\s+and\s+|\s+){_CAP})*"
    rf"|(?:(?:{_CAP}|and|&)\s+)*(?:{_CAP}\s+)?(?:{ORG_WORDS})\b"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+(?:{_CAP}|and))*)?"
    rf"|[A-Z]{{3,}}(?:\s+(?:{_CAP}|\d+))*"
)
_INNER_ORG = re.compile(rf"\b(?:at|of|for|with|from)\s+(?:the\s+)?(?P<org>{_NAMED_ORG})")
# "area manager at Skills for Care": a body after "at" ends the role (ministers keep theirs).
_TAIL_AT = re.compile(
    rf"\s+at\s+(?:the\s+)?(?P<org>{_CAP}(?:\s+(?:{_CAP}|for|of|and|&))*)$"
)

# Shared with `officials_near` (bodies named after a name).
NAMED_ORG, SELF = _NAMED_ORG, _SELF

_LEAD = re.compile(r"^(?:(?:the|a|an|our|its|their|his|her|and|as|also)\s+)+", re.IGNORECASE)
_MINISTER_FOR = re.compile(r"(?:the\s+)?(?:state\s+)?Minister\s+(?:for|of)\s+(?!State\b)",
                           re.IGNORECASE)
# Chairs, presidents and chief executives head a body, not a portfolio: a capitalised name
# after "of" is their organisation (a council's own committee or panel is not a body).
_HEAD_OF_BODY = re.compile(
    r"^(?:(?:deputy|vice|co)[- ]?)?(?:chair(?:man|woman|person)?|president|chief\s+executive"
    r"|CEO|founder|patron)\s+of\s+(?:the\s+)?"
    rf"(?P<org>{_CAP}(?:\s+(?:{_CAP}|and|&|of|for))*?(?<!Committee)(?<!Panel))$",
    re.IGNORECASE)


def split_organisation(role: str) -> tuple[str, str | None, bool]:
    """(role, explicit organisation, says 'the council') from a role phrase."""
    role = _LEAD.sub("", role)
    own, organisation = False, None
    if match := _POSSESSIVE_SELF.match(role):
        role, own = role[match.end() :], True
    elif civic := split_civic_prefix(role):
        role, organisation = civic
    elif prefix := prefix_organisation(role):
        organisation, role = prefix
    elif acronym := acronym_prefix(role):
        organisation = acronym  # "NACo President": the title keeps its body's acronym
    if match := _TAIL_SELF.search(role):
        role, own = role[: match.start()], True
    elif _INNER_SELF.search(role):
        own = True  # "Senior Practitioner in the council's Disabilities Team": keep it whole
    elif organisation is None and not role.startswith("Minister") and (
        match := _TAIL_AT.search(role)
    ):
        organisation, role = match.group("org"), role[: match.start()]
    elif organisation is None and (tail := split_tail_body(role)):
        role, organisation = tail
    elif organisation is None and _MINISTER_FOR.match(role):
        pass  # "Minister for Local Government": the portfolio is not the minister's body
    elif organisation is None and (match := _INNER_ORG.search(role)):
        organisation = known_in(match.group("org")) or match.group("org")
    elif organisation is None and (match := _HEAD_OF_BODY.match(role)):
        organisation = match.group("org")  # "chair of Social Care Wales": a chair heads a body
    elif organisation is None:
        organisation = known_in(role)
    if organisation is not None:
        role = drop_locative(role, organisation)
    if organisation is not None and re.fullmatch(_SELF, organisation, re.IGNORECASE):
        organisation, own = None, True
    return _LEAD.sub("", role).strip(" ,"), organisation, own
