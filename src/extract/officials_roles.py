"""Roles and organisations stated around a name mention.

Roles come from an appositive after the name ("Tom Hart, head of social work at the council,")
or from the phrase right before it ("Cabinet Member for Children Cllr Ann Lee",
"The council's deputy leader ..., Cllr Ann Lee,"). "the council" means the publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.names_find import Mention
from extract.names_lexicon import phrase_pattern, word_set

_WORD = re.compile(r"[\w’'-]+")
# After the name: ", role," up to the next comma, clause end, or speech verb.
_AFTER = re.compile(
    r"\s*,\s*(?:who\s+is\s+|who\s+was\s+|now\s+)?(?P<role>[^,.;:!?()“”\"\n]+(?:\n(?!\s*\n)"
    r"[^,.;:!?()“”\"\n]+)*?)\s*(?=,|[.;:!?()“”\"]|\n\s*\n|$|\s+(?:said|says|added|explained|told)\b)"
)
_PAREN = re.compile(r"\s*\((?P<role>[^()\n]{3,120})\)")
# Words that cannot sit inside a job title: verbs and clause openers.
_NOT_ROLE = re.compile(
    r"\b(?:is|was|are|were|be|been|being|has|have|had|will|would|can|could|should|may|did|does"
    r"|said|says|told|says|named|won|joined|welcomed|thanked|opened|visited|praised|attended"
    r"|presented|received|congratulated|announced|who|which|when|where|while|whose|that|this"
    r"|these|those|we|our|us|they|their|he|she|his|her|it|by|from|including|pictured"
    r"|left|right|centre|photo|picture|according)\b"
)
# Where a role before a name starts: after a verb or preposition that introduces the person.
_PRE_BOUNDARY = re.compile(
    r".*\b(?:said|says|added|by|from|with|to|according to|including|when|while|as|is|was|are"
    r"|were|has|have|had|will|would|thanked|welcomed|joined|named|led|praised|congratulated"
    r"|announced|presented|opened|attended|visited|told|alongside|both|like|pictured)\s",
    re.IGNORECASE | re.DOTALL,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ARTICLE = re.compile(r"^(?:the|a|an|our|its|their|his|her)\s+", re.IGNORECASE)
_SELF = r"(?:the\s+)?(?:council|county|authority|borough|city|district|local\s+authority)"
_POSSESSIVE_SELF = re.compile(rf"^{_SELF}['’]s?\s+", re.IGNORECASE)
_ORG_WORDS = (
    r"Council|County|Association|Union|Trust|Foundation|Society|Institute|Agency|Department|"
    r"Ministry|Government|Commission|Authority|University|College|Partnership|Federation|"
    r"Board|NHS|Police|Parliament|Assembly|Awards|Charity|Service|Group|Network|Ofsted"
)
_ORG = r"(?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|of|for|and|&|the|on))*?"
_POSSESSIVE_ORG = re.compile(rf"^(?P<org>{_ORG}\s*(?:{_ORG_WORDS})\b[\w ]*?)['’]s?\s+")
_TAIL_SELF = re.compile(rf"\s+(?:at|of|for|with)\s+{_SELF}$", re.IGNORECASE)
_INNER_SELF = re.compile(rf"\b{_SELF}['’]s?\s", re.IGNORECASE)
_TAIL_ORG = re.compile(
    rf"\s+(?:at|from)\s+(?P<org>{_ORG})$|\s+(?:of|for|with)\s+(?P<org2>{_ORG}\s+(?:{_ORG_WORDS})"
    rf"(?:\s+(?:of|for)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)$"
)


@dataclass(frozen=True, slots=True)
class RoleFind:
    role: str
    organisation: str | None
    own_council: bool
    public: bool
    journalist: bool


def role_after(text: str, mention: Mention) -> RoleFind | None:
    """An appositive straight after the name (and its post-nominals)."""
    for pattern in (_AFTER, _PAREN):
        match = pattern.match(text, mention.tail_end)
        if match:
            found = _interpret(match.group("role"))
            if found is not None:
                return found
    return None


def role_before(text: str, mention: Mention, *, floor: int) -> RoleFind | None:
    """The phrase between the clause start (not before `floor`) and the name or its title."""
    stop = mention.hon_start if mention.hon_start is not None else mention.start
    segment = text[floor:stop]
    cut = max(segment.rfind(mark) for mark in ".;:!?()“”\"")
    segment = segment[cut + 1 :] if cut >= 0 and not _inner_dot(segment, cut) else segment
    segment = _BLANK_LINE.split(segment)[-1]
    boundary = _PRE_BOUNDARY.match(segment)
    if boundary:
        segment = segment[boundary.end() :]
    chunks = [chunk for chunk in segment.rstrip(" \t\n,").split(",")]
    for first in range(len(chunks) - 1, -1, -1):
        candidate = ",".join(chunks[first:]).strip()
        if _heads(candidate):
            return _interpret(candidate)
        if first < len(chunks) - 3:
            break
    return None


def _inner_dot(segment: str, cut: int) -> bool:
    """A dot inside an abbreviation ("St. Helens") does not end the clause."""
    return segment[cut] == "." and cut > 0 and segment[cut - 1].isupper()


def _heads(phrase: str) -> bool:
    heads = word_set("officials_role_heads.txt")
    return any(word.lower().strip("’'") in heads for word in _WORD.findall(phrase))


def _interpret(raw: str) -> RoleFind | None:
    """Validate a role phrase and split off its organisation."""
    role = " ".join(raw.split()).strip(" ,-–—")
    if not role or len(role.split()) > 22 or not _heads(role):
        return None
    if _NOT_ROLE.search(role):
        return None
    public = bool(phrase_pattern("officials_role_public.txt").search(role))
    journalist = bool(phrase_pattern("officials_role_journalist.txt").search(role))
    role, organisation, own = _split_organisation(role)
    if not role or not _heads(role):
        return None
    return RoleFind(role, organisation, own, public, journalist)


def _split_organisation(role: str) -> tuple[str, str | None, bool]:
    """(role, explicit organisation, says 'the council') from a role phrase."""
    role = _ARTICLE.sub("", role)
    own = False
    organisation = None
    if match := _POSSESSIVE_SELF.match(role):
        role, own = role[match.end() :], True
    elif match := _POSSESSIVE_ORG.match(role):
        organisation, role = match.group("org"), role[match.end() :]
    if match := _TAIL_SELF.search(role):
        role, own = role[: match.start()], True
    elif _INNER_SELF.search(role):
        own = True  # "Senior Practitioner in the council's Disabilities Team": keep it whole
    elif match := _TAIL_ORG.search(role):
        found = match.group("org") or match.group("org2")
        if not re.fullmatch(r"(?:the\s+)?[A-Z][\w’'-]*", found) or match.group("org"):
            organisation, role = found, role[: match.start()]
    if organisation is not None:
        organisation = re.sub(r"^the\s+", "", organisation)
        if re.fullmatch(_SELF, organisation, re.IGNORECASE):
            organisation, own = None, True
    return _ARTICLE.sub("", role).strip(" ,"), organisation, own


def external(role: str) -> bool:
    """A role that belongs to another body than the publishing council."""
    return bool(phrase_pattern("officials_role_external.txt").search(role))
