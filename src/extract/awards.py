"""Awards won, shortlisted or commended: one record per (category, recipient).

Sentences are read trigger by trigger ("took gold in", "was highly commended in", "named
X of the Year"): the words before a trigger give the recipient, the words after it (up to
the next trigger) the categories. Shortlists written as lines under a "shortlisted for X:"
line are read as blocks. Ceremony and date come from the sentence or the article.
"""

from __future__ import annotations

import re
from typing import Any, get_args

from spacy.language import Language
from spacy.tokens import Doc

from extract import awards_find as find
from extract.article import ArticleContext
from extract.awards_lines import medal_lines
from extract.awards_merge import finish_rows
from extract.awards_subject import coordinated, hypothetical, recipient_from
from extract.awards_went import went_to, went_to_level
from extract.doctext import doc_text, store_rows, stored_rows
from extract.schema import Award, AwardLevel

Row = dict[str, Any]
_LEVELS: tuple[AwardLevel, ...] = get_args(AwardLevel)
# "named X" / "crowned X" / "voted X": the title straight after the verb is the category.
_NAMING = re.compile(r"\b(?:named|crowned|voted|selected\s+as|chosen\s+as)(?:\s+as)?\s*$")


def _selected_triggers(sentence: str) -> list[tuple[int, int, str, bool]]:
    """Non-overlapping (start, end, level, is_named) triggers, the specific ones first."""
    chosen: list[tuple[int, int, str, bool]] = []
    for level, pattern in find.triggers():
        for m in pattern.finditer(sentence):
            if all(m.end() <= s or m.start() >= e for s, e, _, _ in chosen):
                chosen.append((m.start(), m.end(), level,
                               level == "winner" and _NAMING.search(m.group()) is not None))
    return sorted(chosen)


def _sentence_rows(sentence: str, offset: int, council: str | None) -> list[Row]:
    rows: list[Row] = []
    triggers = _selected_triggers(sentence)
    boundary, previous = 0, None
    for i, (start, end, level, named) in enumerate(triggers):
        scope_end = triggers[i + 1][0] if i + 1 < len(triggers) else len(sentence)
        scope = sentence[end:scope_end]
        # a title straight after any winning verb is its category ("won Best Employer")
        first = find.category_right_after(scope) if named or scope[:1].isupper() else None
        cats = [first] if first else ([] if named else find.categories(scope))
        subject = sentence[boundary:start]
        recipient = recipient_from(subject)
        if recipient is None:
            recipient = previous  # "... and also took gold in ...": same subject
        boundary = end + (cats[-1][1] if cats else 0)
        # a bare win needs a category, or a prize as its object ("claimed the top prize")
        # (a runner-up, with no level of its own, also needs a category to say anything)
        if recipient is None or hypothetical(subject) or (
                level in ("winner", "runner-up") and not cats
                                 and not (not named and find.prize_object(scope))):
            continue
        generic = (find.words()["generic_recipient"].match(recipient)
                   or find.words()["possessive_of_council"].match(recipient))
        previous = recipient = find.resolve(recipient, council)
        options: list[tuple[int, int, str] | None] = list(cats) or [None]
        for cat, name in ((c, n) for c in options for n in coordinated(recipient)):
            rows.append({"start": offset + start, "end": offset + (end + cat[1] if cat else end),
                         "award": cat[2] if cat else None, "recipient": name,
                         "level": level, "sentence": (offset, offset + len(sentence)),
                         "needs_council": bool(generic and council is None),
                         "same_category": not cats and find.same_category(scope),
                         "summary": not cats and find.plural_prize(scope),
                         "repeat": not cats and find.repeats_prize(scope)})
    return rows + _inverted_rows(sentence, offset)


def _inverted_rows(sentence: str, offset: int) -> list[Row]:
    cats = find.categories(sentence)
    rows: list[Row] = []
    for at, keyword, recipient in find.inverted_lists(sentence):
        level = _list_level(keyword)
        # "Other finalists include ...": with no category of its own, the list is
        # about the category named just before
        rows.append({"start": offset + at, "end": offset + at + len(recipient),
                     "award": cats[0][2] if cats else None, "recipient": recipient,
                     "level": level, "sentence": (offset, offset + len(sentence)),
                     "from_list": True, "same_category": not cats})
    for at, recipient, category in went_to(sentence):
        rows.append({"start": offset + at, "end": offset + at + len(recipient),
                     "award": category, "recipient": recipient,
                     "level": went_to_level(sentence),
                     "sentence": (offset, offset + len(sentence)),
                     # "The award went to Y": the award named before
                     "named_before": category is None})
    return rows


def _same_category(rows: list[Row]) -> list[Row]:
    """A row 'in the same category' takes the category of the row before it."""
    last = None
    for row in rows:
        if row.pop("same_category", False) and row["award"] is None:
            row["award"] = last
        last = row["award"] or last
    return rows


def _list_rows(text: str) -> list[Row]:
    """'The shortlist for Integrated Working is:' followed by one recipient a line."""
    rows: list[Row] = []
    lines = text.splitlines(keepends=True)
    pos = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        level = _list_level(stripped) if stripped.endswith(":") else None
        if level:
            award = _list_category(stripped)
            rows.extend(_list_items(lines, i + 1, pos + len(line), level, award))
        pos += len(line)
    return rows


def _list_level(line: str) -> str | None:
    for level, pattern in find.list_levels():
        if pattern.search(line):
            return level
    return None


def _list_category(line: str) -> str | None:
    if _CEREMONY_HEADING.search(line):
        return None  # "Staff awards winners:": the awards are the ceremony, not a category
    # "Finalists in the Best Employer category were:": the level word is no part of it
    cats = find.categories(re.sub(
        r"^(?:\w+\s+)?(?:finalists?|nominees?|shortlisted|short-listed|winners?)"
        r"\s+(?:in|for)\s+(?:the\s+)?", "", line, flags=re.IGNORECASE))
    if cats:
        return cats[0][2]
    match = re.search(r"\b(?:for|in)\s+(?:the\s+)?(?=[A-Z])", line)
    title = find.TITLE_PHRASE.match(line, match.end()) if match else None
    return title.group() if title else None


def _list_items(lines: list[str], first: int, pos: int, level: str, award: str | None) -> list[Row]:
    rows: list[Row] = []
    for line in lines[first:]:
        item = line.strip().lstrip("-*•·– ").strip()
        if not item and not rows:  # blank lines between the heading and its list
            pos += len(line)
            continue
        if not item or item.endswith(".") or not item[0].isupper():
            break
        start = pos + line.index(item)
        row = _list_item(item, start, award)
        if row is None:
            break
        if level == "winner" and row["award"] is None:
            break  # a list of winners says what each won, or it is no awards list
        rows.append(row | {"level": level, "from_list": True})
        pos += len(line)
    return rows


def _list_item(item: str, start: int, award: str | None) -> Row | None:
    """One list line. Under a heading that names no category, a line may name its own
    before a dash ("Team of the Year – Brackenfield Hub, duty team"): the recipient is
    the name after it, up to its first comma. An entrant's own line ("Fife Council:
    Kinship Hub") stays whole."""
    recipient, at = item, 0
    split = _ITEM_CATEGORY.match(item) if award is None else None
    if split and not find.words()["council"].search(split["cat"]):
        award, recipient, at = split["cat"], split["rec"], split.start("rec")
    if len(recipient.split()) > 14:
        return None
    return {"start": start + at, "end": start + at + len(recipient), "award": award,
            "recipient": recipient, "sentence": (start, start + len(item))}


_CEREMONY_HEADING = re.compile(r"\bawards\W+(?:\w+\W+)?(?:winners|finalists|shortlist|nominees)",
                               re.IGNORECASE)
_ITEM_CATEGORY = re.compile(r"(?P<cat>[A-Z][^–—:]{2,80}?)\s+[–—-]\s+(?P<rec>[A-Z][^,;(]*[^,;(\s])")


def _award_rows(doc: Doc, context: ArticleContext | None) -> list[Row]:
    text = doc_text(doc)
    councils = find.councils(text)
    rows: list[Row] = []
    for sent in doc.sents:
        before = [name for at, name in councils if at < sent.start_char]
        council = before[-1] if before else (context.publisher if context else None)
        rows.extend(_sentence_rows(text[sent.start_char:sent.end_char], sent.start_char,
                                   council))
    rows.extend(_list_rows(text))
    rows.extend(medal_lines(text))
    return finish_rows(_same_category(_named_before(rows, text)), doc)


def _named_before(rows: list[Row], text: str) -> list[Row]:
    """'The Employer of the Year category drew 40 entries. The award went to Y': an award
    told as 'the award' is the category named last in the text before it."""
    for row in rows:
        if row.pop("named_before", False):
            low = row["sentence"][0]
            cats = find.categories(text[max(0, low - 600):low])
            row["award"] = cats[-1][2] if cats else None
    return rows


@Language.component("council_awards")
def find_awards(doc: Doc) -> Doc:
    store_rows(doc, "awards", _award_rows(doc, None), label="level", default="award")
    return doc


def extract_awards(doc: Doc, *, context: ArticleContext) -> list[Award]:
    rows = stored_rows(doc, "awards")
    if rows is None:
        return []
    if context.publisher and any(r.get("needs_council") for r in rows):
        rows = _award_rows(doc, context)
    return [Award(**{k: row[k] for k in ("start", "end", "award", "ceremony", "recipient",
                                         "date_text")}, level=_contract_level(row["level"]))
            for row in rows]


def _contract_level(level: str | None) -> AwardLevel | None:
    """Levels outside the contract's list (a runner-up) are recorded as null."""
    for known in _LEVELS:
        if level == known:
            return known
    return None
