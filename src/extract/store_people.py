"""People across articles: one `people` row per official, merged by name and organisation.

Merge rule — two official mentions are the same person when BOTH match after normalising:

- the name: Unicode-folded (accents dropped), case-folded, honorifics and post-nominals
  removed (patterns/store_name_titles.txt), hyphens read as spaces, other punctuation
  (full stops, apostrophes of any shape) dropped, whitespace collapsed.
  "Cllr Siân O’Neill-Hart" and "Sian O'Neill Hart" match; "J. Smith" and "Jane Smith" do not
  (initials are never expanded: a wrong merge is worse than a missed one).
- the organisation: the mention's `organisation`, or the article's publisher when the
  mention has none; folded as above, "&" read as "and", a leading "the" dropped.
  The same name at two councils is two people.

Each person carries every role seen (in order of first appearance), the first and last
publication dates they appear on, and how many articles and mentions. `person_roles` has
one row per (person, role) with its own first/last dates: "who held this portfolio, when?".
The tables are rebuilt from `officials` on every build, so ids (hashes of the merge key)
stay stable and re-extracted articles never leave stale people behind.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from extract.patterns_data import pattern_lines

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(pattern_lines("store_name_titles.txt"))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("-", " ").replace("&", " and ")
    return _SPACE.sub(" ", _PUNCT.sub("", plain)).strip()


def normalise_name(name: str) -> str:
    """The name part of the merge key (see the module docstring)."""
    words = _fold(name).split()
    titles = _titles()
    # Titles can be several words ("county councillor"), so peel the longest first.
    changed = True
    while changed and words:
        changed = False
        for size in (3, 2, 1):
            if len(words) > size and " ".join(words[:size]) in titles:
                words, changed = words[size:], True
                break
            if len(words) > size and " ".join(words[-size:]) in titles:
                words, changed = words[:-size], True
                break
    return " ".join(words)


def normalise_organisation(organisation: str | None) -> str:
    """The organisation part of the merge key; "" when unknown."""
    folded = _fold(organisation or "")
    return folded[4:] if folded.startswith("the ") else folded


def person_key(name: str, organisation: str | None, publisher: str | None) -> tuple[str, str]:
    """(normalised name, normalised organisation-or-publisher)."""
    return normalise_name(name), normalise_organisation(organisation or publisher)


def person_id(key: tuple[str, str]) -> str:
    return hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:16]


@dataclass
class _Person:
    names: dict[str, int] = field(default_factory=dict)
    organisations: dict[str, int] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)  # role -> published dates
    dates: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0


def _most_common(counts: dict[str, int]) -> str | None:
    return max(counts, key=lambda key: counts[key]) if counts else None


def rebuild_people(conn: sqlite3.Connection) -> int:
    """Recompute people, person_roles and the person_id links; returns the people count."""
    rows = conn.execute(
        "SELECT o.id, o.article_id, o.name, o.role, o.organisation, a.publisher, a.published"
        " FROM officials o JOIN articles a ON a.id = o.article_id"
        " ORDER BY a.published, o.article_id, o.start"
    ).fetchall()
    people: dict[str, _Person] = {}
    links: list[tuple[str, str]] = []
    for official_id, article_id, name, role, organisation, publisher, published in rows:
        pid = person_id(person_key(name, organisation, publisher))
        links.append((pid, official_id))
        person = people.setdefault(pid, _Person())
        person.names[name] = person.names.get(name, 0) + 1
        org = organisation or publisher
        if org:
            person.organisations[org] = person.organisations.get(org, 0) + 1
        if role:
            person.roles.setdefault(role, []).extend([published] if published else [])
        person.dates.extend([published] if published else [])
        person.articles.add(article_id)
        person.mentions += 1
    conn.execute("DELETE FROM person_roles")
    conn.execute("DELETE FROM people")
    conn.executemany("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        (pid, _most_common(p.names), _most_common(p.organisations),
         json.dumps(list(p.roles), ensure_ascii=False), min(p.dates, default=None),
         max(p.dates, default=None), len(p.articles), p.mentions)
        for pid, p in people.items()
    ])
    conn.executemany("INSERT INTO person_roles VALUES (?, ?, ?, ?, ?, ?)", [
        (pid, role, _most_common(p.organisations), min(dates, default=None),
         max(dates, default=None), len(dates))
        for pid, p in people.items() for role, dates in p.roles.items()
    ])
    conn.executemany(
        "UPDATE officials SET person_id = ? WHERE id = ? AND person_id IS NOT ?",
        [(pid, oid, pid) for pid, oid in links],
    )
    _link_quotes(conn)
    return len(people)


def _link_quotes(conn: sqlite3.Connection) -> None:
    """A quote belongs to the official of the same article whose name or alias is its speaker."""
    by_article: dict[tuple[str, str], str] = {}
    for article_id, name, aliases, pid in conn.execute(
        "SELECT article_id, name, aliases, person_id FROM officials"
    ):
        for form in [name, *json.loads(aliases or "[]")]:
            by_article.setdefault((article_id, normalise_name(form)), pid)
    updates = []
    for quote_id, article_id, speaker, old in conn.execute(
        "SELECT id, article_id, speaker, person_id FROM quotes"
    ).fetchall():
        new = by_article.get((article_id, normalise_name(speaker or "")))
        if new != old:
            updates.append((new, quote_id))
    conn.executemany("UPDATE quotes SET person_id = ? WHERE id = ?", updates)
