"""People acting for an organisation, and the words attributed to them.

Rules only: names come from honorifics, a first-name lexicon and anchoring context
(`names_find`), roles and organisations from the words around them (`officials_roles`),
quotes from quote marks and speech verbs (`quotes_find`). A user-installed statistical model
may add PERSON entities as extra candidates; the same rules decide whether they are officials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.article import ArticleContext
from extract.doctext import doc_text
from extract.names_find import Mention
from extract.names_surnames import FIRST_ONLY, find_mentions, first_name_speakers
from extract.officials_body import JUDGE, organisation_of
from extract.officials_near import body_of, team_after, team_of
from extract.officials_people import Person, aliases, excluded_mention, group_people
from extract.officials_roles import RoleFind, role_after, role_before
from extract.quotes_find import QuoteFind, find_quotes
from extract.schema import Official, Quote

MODEL_LABEL = "PERSON_MODEL"
_MODEL_ATTR = "model_spans"  # attrs key of doc.spans["people"]: offsets of its MODEL_LABEL spans
_ROLE_WINDOW = 400


@Language.component("council_people")
def find_people(doc: Doc) -> Doc:
    """Store name mentions in doc.spans["people"] and quotes in doc.spans["quotes"]."""
    model_candidates = _model_candidates(doc)
    mentions = _all_mentions(doc_text(doc), model_candidates)
    items = [(m.start, m.end, _label(m)) for m in mentions if m.anchor != FIRST_ONLY]
    doc.spans["people"] = _spans(doc, items)
    # The model spans' offsets, kept with the group: the extractors read them from there
    # instead of making a Span object of every mention to ask its label.
    model = _spans(doc, [item for item in items if item[2] == MODEL_LABEL])
    doc.spans["people"].attrs[_MODEL_ATTR] = [[span.start_char, span.end_char] for span in model]
    quotes = _quotes(doc_text(doc), model_candidates)
    doc.spans["quotes"] = _spans(doc, [(q.start, q.end, q.kind) for q in quotes])
    return doc


def _label(mention: Mention) -> str:
    return MODEL_LABEL if mention.anchor == "model" else "PERSON"


def _spans(doc: Doc, items: list[tuple[int, int, str]]) -> list[Span]:
    spans = []
    for start, end, label in items:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _model_candidates(doc: Doc) -> tuple[tuple[int, int], ...]:
    """PERSON entities of an installed model, as character ranges (none on the blank pipeline)."""
    return tuple((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON")


def _doc_model_candidates(doc: Doc) -> tuple[tuple[int, int], ...]:
    if "people" not in doc.spans:
        return ()
    group = doc.spans["people"]
    stored = group.attrs.get(_MODEL_ATTR)
    if stored is not None:  # set by `find_people` with the group
        return tuple((start, end) for start, end in stored)
    return tuple((s.start_char, s.end_char) for s in group if s.label_ == MODEL_LABEL)


@lru_cache(maxsize=64)
def _all_mentions(text: str, model: tuple[tuple[int, int], ...]) -> tuple[Mention, ...]:
    rules = find_mentions(text)
    extra = first_name_speakers(text, rules)
    for start, end in model:
        name = " ".join(re.sub(r"['’]s$", "", text[start:end]).split())
        overlaps = any(m.start < end and start < m.end for m in rules)
        if not overlaps and len(name.split()) >= 2:
            extra.append(Mention(start=start, end=start + len(text[start:end].rstrip("’'s")),
                                 name=name, tail_end=end, anchor="model"))
    return tuple(sorted([*rules, *extra], key=lambda m: m.start))


@lru_cache(maxsize=32)
def _quotes(text: str, model: tuple[tuple[int, int], ...]) -> tuple[QuoteFind, ...]:
    """The quotes of a text with these model candidates: asked by the component and by the
    extractors, found once."""
    return tuple(find_quotes(text, _all_mentions(text, model)))


@dataclass(frozen=True, slots=True)
class _Analysis:
    officials: tuple[Official, ...]
    quotes: tuple[Quote, ...]


def extract_officials(doc: Doc, *, context: ArticleContext) -> list[Official]:
    return list(_analyse(doc_text(doc), context.publisher, _doc_model_candidates(doc)).officials)


def extract_quotes(doc: Doc, *, context: ArticleContext) -> list[Quote]:
    return list(_analyse(doc_text(doc), context.publisher, _doc_model_candidates(doc)).quotes)


@lru_cache(maxsize=32)
def _analyse(
    text: str, publisher: str | None, model: tuple[tuple[int, int], ...]
) -> _Analysis:
    mentions = _all_mentions(text, model)
    keep = [i for i, m in enumerate(mentions)
            if m.anchor != FIRST_ONLY and not excluded_mention(text, m)]
    people = group_people(mentions, keep)
    owner = {i: n for n, person in enumerate(people) for i in person.mentions}
    # Each person's first full name, found once: owners, quote speakers and records use it.
    firsts = [person.first(mentions) for person in people]
    owner |= _first_name_owners(mentions, firsts)
    # Each person's stated role, found once: both the quote resolution and the record use it.
    found_roles = [_role(text, mentions, person) for person in people]
    said = list(_quotes(text, model))
    # The roles' words, for quotes given to a role ("the Minister said") only.
    roles = [_person_role(mentions, person, found)
             for person, found in zip(people, found_roles, strict=True)
             ] if any(q.role is not None for q in said) else []
    found = [_resolved(q, mentions, people, roles) for q in said]
    names = [first.name for first in firsts]
    quoted = {owner[q.speaker] for q in found if q.speaker in owner}
    officials = []
    for n, person in enumerate(people):
        record = _official(text, mentions, person, publisher, first=firsts[n],
                           found=found_roles[n], quoted=n in quoted)
        if record is not None:
            officials.append(record)
    quotes = [_quote(text, q, mentions, owner, names) for q in found]
    return _Analysis(tuple(officials), tuple(quotes))


def _first_name_owners(mentions: tuple[Mention, ...], people_firsts: list[Mention]
                       ) -> dict[int, int]:
    """"Rhian said" after "Rhian Morgan": a lone first name of exactly one person named
    (`people_firsts`: each person's first full-name mention)."""
    firsts = [first.name.split()[0] for first in people_firsts]
    owners = {}
    for i, m in enumerate(mentions):
        if m.anchor == FIRST_ONLY and firsts.count(m.name) == 1:
            owners[i] = firsts.index(m.name)
    return owners


def _person_role(mentions: tuple[Mention, ...], person: Person, found: RoleFind | None) -> str:
    title = next((mentions[i].title_role for i in person.mentions if mentions[i].title_role), "")
    return " ".join([found.role if found else "", title or "", *(
        mentions[i].honorific or "" for i in person.mentions)]).lower()


def _resolved(
    q: QuoteFind, mentions: tuple[Mention, ...], people: list[Person], roles: list[str]
) -> QuoteFind:
    """"..., the Minister said": the person named last before it whose role has that word."""
    if q.role is None:
        return q
    head = q.role.split()[-1].lower()
    named = [(mentions[i].start, person.mentions[0]) for n, person in enumerate(people)
             if re.search(rf"\b{re.escape(head)}\b", roles[n]) for i in person.mentions
             if mentions[i].start < q.start]
    speaker = max(named)[1] if named else None
    return replace(q, speaker=speaker, role=None)


def _quote(
    text: str, q: QuoteFind, mentions: tuple[Mention, ...], owner: dict[int, int],
    names: list[str],
) -> Quote:
    speaker = None
    if q.speaker is not None:
        # A first-name-only speaker ("Emer, a social worker, said") is not an official: the
        # quote keeps the name as written.
        speaker = names[owner[q.speaker]] if q.speaker in owner else (
            mentions[q.speaker].name if mentions[q.speaker].anchor == FIRST_ONLY else None)
    return Quote(speaker=speaker, text=text[q.start : q.end], kind=q.kind,  # type: ignore[arg-type]
                 start=q.start, end=q.end)


def _official(
    text: str, mentions: tuple[Mention, ...], person: Person, publisher: str | None,
    *, first: Mention, found: RoleFind | None, quoted: bool,
) -> Official | None:
    hon_kind, title_role, honorific, elected = _titles(mentions, person)
    if found is not None and (found.journalist or (found.public and hon_kind != "council")):
        return None
    role = found.role if found is not None else title_role
    said = [mentions[i] for i in person.mentions]
    # No title, but a body or the publisher's team named right after the name: they act for it.
    if role is None and hon_kind not in ("council", "office") and not elected and not (
        body_of(text, said) or team_of(text, said)
    ):
        return None
    return Official(
        name=first.name, honorific=first.honorific or honorific, role=role,
        organisation=organisation_of(text, mentions, person, found, role, hon_kind, publisher),
        quoted=quoted, aliases=aliases(mentions, person, first.name),
        start=first.start, end=first.end,
    )


def _titles(mentions: tuple[Mention, ...], person: Person
            ) -> tuple[str | None, str | None, str | None, bool]:
    """The first honorific kind, title role and honorific given at any of a person's mentions
    (None when none is), and whether any mention marks an elected office: one pass."""
    hon_kind = title_role = honorific = None
    elected = False
    for i in person.mentions:
        mention = mentions[i]
        hon_kind = hon_kind or mention.hon_kind or None
        title_role = title_role or mention.title_role or None
        honorific = honorific or mention.honorific or None
        elected = elected or mention.elected
    return hon_kind, title_role, honorific, elected


def _role(text: str, mentions: tuple[Mention, ...], person: Person) -> RoleFind | None:
    """The first role stated at any mention: after the name first, then before it."""
    for i in person.mentions:
        mention = mentions[i]
        floor = max(0, mention.start - _ROLE_WINDOW)
        if i > 0:
            floor = max(floor, mentions[i - 1].tail_end)
        found = role_after(text, mention)
        if found is None and (found := role_before(text, mention, floor=floor)) is not None:
            found = _with_team(text, mention, found)
        elif found is not None and found.journalist:
            found = _judging(found, role_before(text, mention, floor=floor))
        if found is not None:
            return found
    return None


def _judging(found: RoleFind, before: RoleFind | None) -> RoleFind:
    """"Judging panel chair Ann Lee, deputy editor of LGC": a journalist judging acts for the
    awards, so she is an official; both roles are kept, the title before first."""
    if before is None or not JUDGE.search(before.role):
        return found
    return replace(found, role=f"{before.role}, {found.role}", journalist=False)


def _with_team(text: str, mention: Mention, found: RoleFind) -> RoleFind:
    """"Social worker X, from the council's Y team": the team completes the role before."""
    team = team_after(text, mention)
    return replace(found, role=f"{found.role} in the {team}", own_council=True) if team else found
