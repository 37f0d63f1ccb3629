"""Splitting a named body off a role phrase, and telling descriptions of the public apart.

- "Chief Officer of the Glasgow City Health and Social Care Partnership": a named body (two or
  more capitalised words ending in Partnership, Trust, Union ...) at the end of the role is
  the organisation, and the role is what comes before it when that is two words or more
  ("chair of the X Trust" stays whole). A council at the end stays in the
  role ("Mayor of Derry City and Strabane District Council" is the office's name), as does a
  portfolio ("Cabinet Member for Children's Services") or a minister's title.
- "regional organiser for Unison in the north west": a place after the body is dropped.
- "City of Greater Bendigo Mayor" / "Townsville Mayor": a council or place before a civic
  office is the organisation, the office is the role.
- "Halls Head resident": a role whose head noun describes a member of the public.
"""

from __future__ import annotations

import re
from functools import cache

from extract.names_lexicon import phrase_pattern, word_set, word_set_cased
from extract.patterns_data import pattern_lines

_CAP = r"[A-Z][\w’'&.-]*"
_BODY_END = (
    r"Partnership|Trust|Board|Agency|Department|Association|Union|University|Commission"
    r"|Authority|Government|Foundation|Society|Institute|Federation|Charity|Network"
    r"|Inspectorate|Executive|College|Ministry|Alliance|Coalition"
)
_TAIL_BODY = re.compile(
    rf"\s+(?:of|for|at|with)\s+(?:the\s+)?(?P<org>{_CAP}(?:\s+(?:{_CAP}|and|&|of|for))*?"
    rf"\s+(?:{_BODY_END}))(?P<loc>\s+in\s+(?:the\s+)?[\w’' -]+)?$"
)
_LOCATIVE = r"(?P<loc>\s+in\s+(?:the\s+)?[\w’' -]+)$"
_CIVIC = r"(?:(?:Deputy|Lord|Acting)\s+)?(?:Mayor|Provost|Shire\s+President|Lord\s+Mayor)"
_COUNCIL_PREFIX = re.compile(
    rf"^(?P<org>(?:City|Shire|Town|Borough|Municipality)\s+of\s+{_CAP}(?:\s+{_CAP})*?"
    rf"|{_CAP}(?:\s+(?:{_CAP}|and))*?\s+Council)\s+(?P<role>{_CAP}.*)$"
)
_PLACE_PREFIX = re.compile(rf"^(?P<org>{_CAP}(?:\s+{_CAP})?)\s+(?P<role>{_CIVIC})$")
_NOT_PLACE = frozenset({"Lord", "Lady", "Deputy", "Acting", "Former", "Interim", "Vice",
                        "Assistant", "Shire", "City", "Town", "The"})
_PREPOSITION = re.compile(r"\s(?:of|for|from|in|at|with|on|to)\s")


def split_tail_body(role: str) -> tuple[str, str] | None:
    """(role, body) when a named non-council body ends the role."""
    if re.match(r"(?:the\s+)?Minister\b", role, re.IGNORECASE):
        return None
    match = _TAIL_BODY.search(role)
    if match is None or len(match.group("org").split()) < 2:
        return None
    head = role[: match.start()].strip(" ,")
    # A one-word head ("chair of the X Trust") keeps its body: the office is named by both.
    return (head, match.group("org")) if len(head.split()) >= 2 else None


def drop_locative(role: str, body: str) -> str:
    """"regional organiser for Unison in the north west" -> "regional organiser for Unison"."""
    match = re.search(rf"\b{re.escape(body)}{_LOCATIVE}", role)
    return role[: match.start("loc")] if match else role


def split_civic_prefix(role: str) -> tuple[str, str] | None:
    """(role, organisation) for "City of Greater Bendigo Mayor" or "Townsville Mayor"."""
    match = _COUNCIL_PREFIX.match(role)
    if match is None:
        match = _PLACE_PREFIX.match(role)
        if match is None or match.group("org").split()[0] in _NOT_PLACE:
            return None
    org = match.group("org")
    if org in word_set_cased("officials_org_not.txt") or org.split()[0] in word_set_cased(
        "officials_org_not.txt"
    ):
        return None
    return match.group("role"), org


def public_description(role: str) -> bool:
    """The role's head noun (the last word before any preposition) describes the public."""
    head = _PREPOSITION.split(f" {role} ", maxsplit=1)[0].strip()
    found = phrase_pattern("officials_role_public.txt").search(head)
    return found is not None and found.end() == len(head)


_ACRONYM_TITLE = re.compile(rf"^(?P<acr>[A-Z][A-Za-z]{{1,6}})\s+{_CAP}")


def acronym_prefix(role: str) -> str | None:
    """"NACo" in "NACo President": an acronym before a capitalised title."""
    match = _ACRONYM_TITLE.match(role)
    if match is None or sum(c.isupper() for c in match.group("acr")) < 2:
        return None
    return match.group("acr")


_POSSESSIVE_ANY = re.compile(rf"^(?P<org>{_CAP}(?:\s+{_CAP}){{0,6}})['’]s?\s+(?=\S)")
_PREFIX_ORG = re.compile(
    rf"^(?P<org>{_CAP}(?:\s+(?:{_CAP}|of|and|for)){{0,8}}?(?:\s+union|\s+Local\s+\d+)?)\s+"
    r"(?=[a-z])(?!(?:of|and|for|the|at|in|on)\b)"
)
ORG_WORDS = (
    r"Council|Association|Union|Trust|Foundation|Society|Institute|Agency|Department|"
    r"Ministry|Government|Commission|Authority|University|College|Partnership|Federation|"
    r"Board|Parliament|Assembly|Charity|Group|Network|Inspectorate|Executive|Services?\s+Agency"
    r"|Alliance|Coalition"
)


_WORD = re.compile(r"[\w’'-]+")


def heads(phrase: str) -> bool:
    """A role head word ("manager", "director") or head phrase occurs in the phrase."""
    words = word_set("officials_role_heads.txt")
    if any(word.lower().strip("’'") in words for word in _WORD.findall(phrase)):
        return True
    return bool(phrase_pattern("officials_role_head_phrases.txt").search(phrase))


def prefix_organisation(role: str) -> tuple[str, str] | None:
    """("Tusla", "Area Manager") from "Tusla’s Area Manager"; a known body keeps the rest."""
    for pattern, owned in ((_POSSESSIVE_ANY, True), (_PREFIX_ORG, False)):
        match = pattern.match(role)
        if match and not owned and _UNIT_HEAD.match(role, match.end()):
            continue  # "Home First team leader": the capitalised words name a team
        if match and _is_org(match.group("org"), owned=owned):
            org = match.group("org")
            known = known_in(org)
            if known and not owned and org != known and org.startswith(known):
                return known, role[len(known) :].strip()
            return org, role[match.end() :]
    return None


def _is_org(phrase: str, *, owned: bool) -> bool:
    """A capitalised phrase before a role that names a body, not a rank or a party."""
    words = phrase.split()
    if phrase in word_set_cased("officials_org_not.txt") or words[0] in word_set_cased(
        "officials_org_not.txt"
    ):
        return False
    if heads(phrase) or (len(words) == 1 and re.fullmatch(ORG_WORDS, phrase)):
        return False  # a rank, or a bare "Agency" with no name
    return bool(
        known_in(phrase) or re.search(rf"\b(?:{ORG_WORDS}|union)\b", phrase)
        or any(sum(c.isupper() for c in w) >= 2 for w in words) or owned
        or _proper_body(words)
    )


_UNIT_HEAD = re.compile(r"(?:team|service|unit|project|programme|program|hub)\b", re.IGNORECASE)


def _proper_body(words: list[str]) -> bool:
    """"Chambers Ireland" in "Chambers Ireland chief executive": two or more capitalised words
    before a lower-case title name a body, unless they end in a service or subject word
    ("Adult Social Care director", "Fostering Service manager")."""
    generic = word_set("names_not_name_words.txt")
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and (
        words[-1].lower().strip("’'s") not in generic)


def known_in(phrase: str) -> str | None:
    """The known organisation named first in the phrase (the longest one where two start at
    the same place). The choice went by set order, which changes from one process to the next."""
    match = _any_known().search(phrase)
    return match.group() if match else None


@cache
def _any_known() -> re.Pattern[str]:
    """Any known organisation as a whole name, longest first."""
    names = sorted(pattern_lines("officials_organisations.txt"), key=lambda n: (-len(n), n))
    body = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")
