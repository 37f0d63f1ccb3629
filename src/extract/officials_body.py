"""Which organisation an official acts for: one the text ties to the person (in the role,
after the name, a judging panel's awards body), an office or county body their role names,
the council a councillor sits on, or else the publishing council, unless the person is an
external office holder or sits for another body.
"""

from __future__ import annotations

import re

from extract.names_find import Mention
from extract.officials_county import county_board, county_office
from extract.officials_near import awards_body, organisation_after, team_of
from extract.officials_orgs import (
    body_acronym,
    council_for_member,
    expand_short,
    is_acronym,
    meeting_council,
    office_body,
    same_as_publisher,
)
from extract.officials_people import Person
from extract.officials_roles import RoleFind, external

JUDGE = re.compile(r"\bjudg", re.IGNORECASE)
_COMMISSION = re.compile(r"\bCommission", re.IGNORECASE)


def organisation_of(
    text: str, mentions: tuple[Mention, ...], person: Person, found: RoleFind | None,
    role: str | None, hon_kind: str | None, publisher: str | None,
) -> str | None:
    said = _said(text, mentions, person, role)
    stated = _stated(text, mentions, person, found, role)
    if stated is not None and role is not None and _titled_acronym(stated, role):
        stated = body_acronym(text, stated)
    board = county_board(text, said, None)
    if stated is not None and not (board and _COMMISSION.search(stated)):
        return same_as_publisher(expand_short(text, stated), publisher)
    if board is not None:
        return board
    if body := office_body(text, said):
        return body
    if county := county_office(text, role, mentions[person.mentions[0]].honorific, publisher):
        return county
    if hon_kind == "council" or (found is not None and found.own_council):
        member_of = council_for_member(text, pos=mentions[person.mentions[0]].start,
                                       publisher=publisher)
        if hon_kind == "council" and member_of:
            return member_of
    if role is not None and external(role):
        return None
    if role is None and team_of(text, [mentions[i] for i in person.mentions]):
        return meeting_council(text, publisher) or publisher
    if (role is None and hon_kind != "council") or _elected(mentions, person, hon_kind):
        return None  # an MP or TD sits for another body than the publishing council
    return meeting_council(text, publisher) or publisher


def _elected(mentions: tuple[Mention, ...], person: Person, hon_kind: str | None) -> bool:
    return hon_kind != "council" and any(mentions[i].elected for i in person.mentions)


def _titled_acronym(organisation: str, role: str) -> bool:
    """"NACo President": an acronym heading a capitalised title (else a division's initials)."""
    rest = role[len(organisation) :].strip()
    return is_acronym(organisation) and role.startswith(organisation) and rest[:1].isupper()


def _stated(
    text: str, mentions: tuple[Mention, ...], person: Person, found: RoleFind | None,
    role: str | None,
) -> str | None:
    """An organisation the text ties to the person: in the role, after the name, or judges'."""
    if found is not None and found.organisation is not None:
        return found.organisation
    stated = next(filter(None, (organisation_after(text, mentions[i]) for i in person.mentions)),
                  None)
    if stated is not None:
        return stated
    if role is not None and JUDGE.search(role) and (body := awards_body(text)):
        return body
    return None


def _said(text: str, mentions: tuple[Mention, ...], person: Person, role: str | None) -> str:
    """Role, honorifics and post-nominals as one string, for office look-ups."""
    parts = [role or ""]
    for i in person.mentions:
        mention = mentions[i]
        parts += [mention.honorific or "", mention.title_role or "",
                  text[mention.end : mention.tail_end]]
    return " ".join(" ".join(parts).split())
