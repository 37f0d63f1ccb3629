"""Roles and organisations stated around a name mention.

Roles come from an appositive after the name ("Tom Hart, head of social work at the council,")
or from the phrase right before it ("Cabinet Member for Children Cllr Ann Lee",
"The council's deputy leader ..., Cllr Ann Lee,"). "the council" means the publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.memo import short_text_cache
from extract.names_find import Mention
from extract.names_lexicon import phrase_pattern
from extract.officials_roleorgs import split_organisation
from extract.officials_split import (
    heads,
    public_description,
)
from extract.officials_titles import title_list_tail

# Role phrases longer than this (hostile lists of titles) are worked out but not cached.
_CACHED_RAW = 1000

# After the name: ", role," up to the next comma, clause end, or speech verb.
_AFTER = re.compile(
    r"\s*,\s*(?:who\s+(?:is|was|has\s+been|had\s+been|became|serves\s+as|works\s+as)\s+(?:now\s+)?"
    r"|now\s+)?(?P<role>[^,.;:!?()“”\"\n]+(?:\n(?!\s*\n)"
    r"[^,.;:!?()“”\"\n]+)*?)\s*(?=,|[.;:!?()“”\"]|\n\s*\n|$|\s+(?:said|says|added|explained|told)\b)"
)
# Credentials the post-nominal table does not know ("LCSW", "MSW"): capitals between commas.
_CAPS_AFTER = re.compile(r"(?:\s*+,\s*+[A-Z][A-Za-z]{0,2}[A-Z]{1,4}\b(?=\s*,))++")
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
    r"\b(?:said|says|added|by|from|with|to|according to|including|when|while|as|is|was|are"
    r"|were|has|have|had|will|would|thanked|welcomed|joined|named|led|praised|congratulated"
    r"|announced|presented|opened|attended|visited|told|alongside|both|like|pictured|which|who"
    r"|whom)\s",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ARTICLE = re.compile(r"^(?:the|a|an|our|its|their|his|her)\s+", re.IGNORECASE)


# "who chairs the panel" -> "chair of the panel", "who chaired the board" -> "former chair of
# the board": a verb phrase stated as a role (the past tense is a former office).
_WHO_VERB = re.compile(
    r"^who\s+(?:(?P<now>chair|head|lead|manage|direct)s|(?P<past>chair|head|manag|direct)ed"
    r"|(?P<led>led))\s+", re.IGNORECASE)
_WHO_NOUN = {"chair": "chair", "head": "head", "lead": "lead", "manage": "manager",
             "direct": "director", "manag": "manager", "led": "lead"}
# "a senior practitioner in the team who joined in 2021": the role ends where the clause starts.
_RELATIVE = re.compile(r"(?<=\w)\s+(?:who|which|whose)\s+(?!(?:is|was)\b)")
# "who chairs the panel and is a former social worker": a second clause is not the role.
_AND_CLAUSE = re.compile(
    r"\s+and\s+(?=(?:is|was|has|have|had|will|would|also|now|lives|works|joined)\b)")
# "Last night the chair of ...", "On Monday, Director ...": a time phrase opening the clause
# before a pre-name role is not part of the role.
_TIME_LEAD = re.compile(
    r"^(?:(?:last|this|next|on|earlier|later)\s+(?:night|week|month|year|weekend|morning|evening"
    r"|afternoon|today|this\s+\w+|\w+day)|yesterday|today|tonight|meanwhile|also|however"
    r"|separately|additionally)\b[\s,]*", re.IGNORECASE)
# "chair of the board until last year": a time phrase after a role is not part of it.
# Likewise a duration, an experience phrase, a base or a part of the area after the role
# ("for the past ten years", "with 20 years' experience", "based in Easton", "in the north").
# "\s++": every alternative starts with a letter, so giving white space back never helps, and
# "\s+" retried every split of a long run of blanks (O(n^2) per role).
_TIME_TAIL = re.compile(
    r"\s++(?:until|since|till|(?:for|over|in)\s+(?:the\s+)?(?:past|last|previous)"
    r"|with\s+(?:more\s+than\s+|over\s+|almost\s+|nearly\s+)?\S+\s+years|based\s+(?:in|at)"
    r"|in\s+the\s+(?:north|south|east|west)\w*(?:\s+of)?)\b.*$", re.DOTALL)


# Never changed once made, but not frozen: setting fields through `object.__setattr__` made
# a frozen one cost twice as much (see `names_find.Mention`); hashed by its fields all the same.
@dataclass(slots=True, unsafe_hash=True)
class RoleFind:
    role: str
    organisation: str | None
    own_council: bool
    public: bool
    journalist: bool


def role_after(text: str, mention: Mention) -> RoleFind | None:
    """An appositive straight after the name (and its post-nominals or a "(Con, Ward)" aside)."""
    found = _appositive(text, mention.tail_end)
    if found is None and (caps := _CAPS_AFTER.match(text, mention.tail_end)):
        found = _appositive(text, caps.end())  # "Marcus Lee, LCSW, director of ..."
    if found is not None:
        return found
    if match := _PAREN.match(text, mention.tail_end):
        return _interpret(match.group("role")) or _appositive(text, match.end())
    if match := _DASHED.match(text, mention.tail_end):
        return _interpret(_TIME_TAIL.sub("", match.group("role")))
    if match := _PREDICATE.match(text, mention.tail_end):
        return _interpret(_TIME_TAIL.sub("", match.group("role")))
    return _signature(text, mention)


# "Amy Dunn is the council's Head of Fostering.": a role stated as the predicate.
_PREDICATE = re.compile(
    r"[ \t]+(?:is|was|has\s+been|serves\s+as|works\s+as)[ \t]+(?:the|a|an|our|its)[ \t]+"
    r"(?P<role>[^,.;:!?()“”\"\n]{3,100}?)(?=\s*[,.;:!?]|\s+(?:and|who|which|since|for)\b)")


# "Amy Dunn – Director of Children's Services – said" or a list line "Amy Dunn – Director".
_DASHED = re.compile(
    r"[ \t]+[-–—][ \t]+(?P<role>[^-–—\n.;:!?()“”\"]{3,120}?)[ \t]*(?=[ \t][-–—][ \t]|,|\n|$)")


# A sign-off block: the name alone on its line, the title alone on the next ("Fiona Rae\n
# Chief Social Work Officer"), as at the end of reports and statements.
_SIGNATURE = re.compile(r"[ \t]*\n[ \t]*(?P<role>[A-Z][^\n.:;!?“”\"]{2,80}?)[ \t]*(?=\n|$)")


def _signature(text: str, mention: Mention) -> RoleFind | None:
    begin = mention.hon_start if mention.hon_start is not None else mention.start
    if text[text.rfind("\n", 0, begin) + 1 : begin].strip():
        return None
    match = _SIGNATURE.match(text, mention.tail_end)
    if match is None or len(match.group("role").split()) > 10:
        return None
    return _interpret(match.group("role"))


def _appositive(text: str, pos: int) -> RoleFind | None:
    """", director of services at the council," (a relative clause after the role is cut)."""
    match = _AFTER.match(text, pos)
    if match is None:
        return None
    phrase = match.group("role")
    raw = _role_phrase(phrase)
    tail = title_list_tail(text, match.end())
    return None if tail is None else _interpret(raw + tail)


# A pure function of the phrase after the name (four regex passes): the same phrases recur
# from one article to the next. A long one (hostile text) is not kept in the cache.
@short_text_cache(maxsize=4096, longest=_CACHED_RAW)
def _role_phrase(phrase: str) -> str:
    role = _RELATIVE.split(phrase, maxsplit=1)[0]
    role = _AND_CLAUSE.split(role, maxsplit=1)[0]
    return _TIME_TAIL.sub("", _WHO_VERB.sub(_who_noun, role))


def _who_noun(match: re.Match[str]) -> str:
    verb = match.group("now") or match.group("past") or match.group("led")
    former = "" if match.group("now") else "former "
    return f"{former}{_WHO_NOUN[verb.lower()]} of "


def role_before(text: str, mention: Mention, *, floor: int) -> RoleFind | None:
    """The phrase between the clause start (not before `floor`) and the name or its title."""
    stop = mention.hon_start if mention.hon_start is not None else mention.start
    segment = text[floor:stop]
    cut = max(segment.rfind(mark) for mark in ".;:!?()“”\"")
    segment = segment[cut + 1 :] if cut >= 0 and not _inner_dot(segment, cut) else segment
    segment = _BLANK_LINE.split(segment)[-1]
    segment = _after_boundary(segment)
    chunks = [chunk for chunk in segment.rstrip(" \t\n,").split(",")]
    for first in range(len(chunks) - 1, -1, -1):
        candidate = _after_clause_words(",".join(chunks[first:]).strip())
        if heads(candidate):
            return _interpret(candidate)
        if first < len(chunks) - 3:
            break
    return None


def _after_boundary(segment: str) -> str:
    """The text after the last word that introduces a person ("welcomed by", "said"), unless
    that word sits inside the title ("Minister of State with responsibility for children"):
    a boundary must leave a role head after it."""
    for boundary in reversed(list(_PRE_BOUNDARY.finditer(segment))):
        if heads(segment[boundary.end() :]):
            return segment[boundary.end() :]
    return segment


def _after_clause_words(candidate: str) -> str:
    """"where Minister for Children": the role starts after the last word a title cannot hold."""
    ends = [match.end() for match in _NOT_ROLE.finditer(candidate)]
    candidate = candidate[ends[-1] :].strip() if ends else candidate
    return _TIME_LEAD.sub("", candidate)


def _inner_dot(segment: str, cut: int) -> bool:
    """A dot inside an abbreviation ("St. Helens") does not end the clause."""
    return segment[cut] == "." and cut > 0 and segment[cut - 1].isupper()


# Role phrases recur from one article to the next; a long one (a hostile list of titles) is
# worked out but not kept.
@short_text_cache(maxsize=4096, longest=_CACHED_RAW)
def _interpret(raw: str) -> RoleFind | None:
    """Validate a role phrase and split off its organisation."""
    role = " ".join(raw.split()).strip(" ,-–—")
    if not role or len(role.split()) > 22 or not heads(role) or _NOT_ROLE.search(role):
        return None
    public_words = phrase_pattern("officials_role_public.txt")
    public = (bool(public_words.search(role)) and not heads(public_words.sub(" ", role))) or (
        public_description(role))
    journalist = bool(phrase_pattern("officials_role_journalist.txt").search(role))
    role, organisation, own = split_organisation(role)
    if not role or not heads(role):
        return None
    return RoleFind(role, organisation, own, public, journalist)


@short_text_cache(maxsize=4096, longest=_CACHED_RAW)  # asked for every official
def external(role: str) -> bool:
    """A role that belongs to another body than the publishing council."""
    return bool(phrase_pattern("officials_role_external.txt").search(role))
