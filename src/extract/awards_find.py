"""Pieces of award sentences: categories, ceremonies, recipients, shortlists, dates.

Patterns are data (`patterns/awards_*.jsonl`); these functions read one sentence or one
line at a time and return plain strings and offsets.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.patterns_data import pattern_rows
from extract.regex_words import by_first_letter

# A title word never ends on a full stop ("Year." ends a sentence), though "U.K" keeps one.
_TITLE = r"[A-Z](?:[\w’'&-]|\.(?=\w))*"
# Words of a title may wrap onto the next line but never cross a blank line.
_GAP = r"(?:(?!\n[^\S\n]*\n)\s)+"
# Lower-case words that may sit inside a title: "Team of the Year", "Innovation in Care".
_LINK = r"(?:of|the|and|for|in|to|with|at|&)"
TITLE_PHRASE = re.compile(rf"{_TITLE}(?:{_GAP}(?:{_LINK}{_GAP})*{_TITLE})*")
_CATEGORY_AFTER = re.compile(r"\s+(?:category|award|prize|title)\b", re.IGNORECASE)
_CATEGORIES_AFTER = re.compile(r"\s+(?:categories|awards|prizes)\b", re.IGNORECASE)
# A ceremony is plural ("Awards", "Accolades") or an event; a singular "Award" or
# "Prize" names one category ("won the Leaving Care Award").
_CEREMONY_WORD = r"(?:Awards|Accolades|Honours|Honors|Conference|Summit|Gala)"
_CEREMONY_END = re.compile(rf"{_CEREMONY_WORD}(?:\s+for\s+[A-Z]\w+)?(?:\s+\d{{4}})?$")
# "named Best Local Authority Employer": a superlative title is a category by itself.
_SUPERLATIVE = ("Best ", "Outstanding ", "Most ", "Top ")
# "Award of Excellence", "Director's Award for Excellence" are one category too.
_SINGLE_AWARD = re.compile(r"\b(?:Award|Prize|Medal|Trophy)(?:$|\s+(?:of|for)\s)")
# "the LGPro Awards for Excellence in the Collaboration category": the title after the
# ceremony is the category.
_AFTER_CEREMONY = re.compile(
    rf"\b(?:{_CEREMONY_WORD}(?:\s+for\s+[A-Z]\w+)?(?:\s+\d{{4}})?|Award)"
    r"(?P<sep>\s+(?:in|for)\s+(?:the\s+)?)"
)
_LISTED_BEFORE = re.compile(rf"\bthe\s+(?P<list>(?:{TITLE_PHRASE.pattern}),\s+)$")
# "The award went to ...": a capitalised determiner names no category.
_DETERMINER = re.compile(r"The|This|That|These|Its|Their|Our|A|An")
_NAMED_AWARD = re.compile(r".*\b(?:Award|Prize|Medal|Trophy)\s+(?:of|for)\s+(?!the\b)[^\s]+"
                          r"(?:\s+(?!in\b|at\b)\S+)*")
_LED_BY_FOR_IN = re.compile(r"\b(?:for|in)\s+(?:the\s+)?$")
# "received an award for Outstanding Partnership": the title after a prize's "for" is its
# category ("an award for its work" names none).
_PRIZE_FOR = re.compile(r"\b(?:award|prize|trophy|accolade|commendation|gold|silver|bronze)"
                        r"\s+for\s+(?:the\s+)?$")


def _rows(name: str) -> list[dict[str, str]]:
    return pattern_rows(name)


Trigger = tuple[str, re.Pattern[str], tuple[str, ...], re.Pattern[str] | None]


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    """(level, pattern, needs, unless_ahead) in priority order: a medal beats a bare
    'received'. Every match of a pattern holds one of its `needs` words (tests/test_awards.py
    proves it). A match is void when `unless_ahead` (a whole word) starts after it before
    the next full stop or line end: "shortlisted for X ... are A and B" is a list."""
    return tuple((r["level"], re.compile(lead_letters(r["pattern"])), tuple(r["needs"]),
                  re.compile(r["unless_ahead"]) if "unless_ahead" in r else None)
                 for r in _rows("awards_triggers.jsonl"))


def lead_letters(pattern: str) -> str:
    r"""`\b(?:came|comes|finished)...` as `(?:c(?<!\wc)(?:ame|omes)|f(?<!\wf)(?:inished))...`,
    the same regex: the engine searches only from the offsets holding a first letter (a
    pattern opening with `\b` is tried at every offset). Alternatives keep their order
    within a letter, and those of different letters never both match at one offset; after
    a letter, `\b` before it is no word character before it. Other patterns are kept."""
    if not pattern.startswith(r"\b(?:"):
        return _lead_word(pattern)
    alternatives, end = _top_alternatives(pattern, len(r"\b(?:"))
    if end < 0 or not all(a[:1].isascii() and a[:1].isalpha() and a[1:2] not in ("*", "+", "?", "{")
                          for a in alternatives):
        return pattern
    groups = by_first_letter(alternatives, tail=str, sort_letters=False, word_start=True)
    return f"(?:{groups}){pattern[end + 1:]}"


def _lead_word(pattern: str) -> str:
    r"""`\bnamed\s+` as `named(?<!\wnamed)\s+`: the regex engine searches for the word."""
    word = re.match(r"\\b([A-Za-z]+)", pattern)
    if word is None:
        return pattern
    letters = word.group(1)
    if pattern[word.end():word.end() + 1] in ("*", "+", "?", "{"):
        letters = letters[:-1]  # the last letter is repeated: not part of the literal
    if not letters:
        return pattern
    return rf"{letters}(?<!\w{letters}){pattern[2 + len(letters):]}"


def _top_alternatives(pattern: str, start: int) -> tuple[list[str], int]:
    """The '|'-separated alternatives of the group opening before `start`, and the offset
    of its closing parenthesis (-1 when the pattern is not read to it)."""
    alternatives, depth, at, piece = [], 0, start, start
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":  # a class: read to its closing bracket (a leading ']' is literal)
            close = pattern.find("]", at + 2 if pattern[at + 1:at + 2] in ("]", "^") else at + 1)
            if close < 0 or "\\" in pattern[at:close]:
                return [], -1
            at = close + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char in "|)" and not depth:
            alternatives.append(pattern[piece:at])
            if char == ")":
                return alternatives, at
            piece = at + 1
        at += 1
    return [], -1


@lru_cache(maxsize=1)
def list_levels() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = _rows("awards_lists.jsonl")
    return tuple((r["level"], re.compile(r["pattern"], re.IGNORECASE)) for r in rows)


@lru_cache(maxsize=1)
def words() -> dict[str, re.Pattern[str]]:
    flags = {"council": 0}
    return {r["kind"]: re.compile(r["pattern"], flags.get(r["kind"], re.IGNORECASE))
            for r in _rows("awards_words.jsonl")}


def is_ceremony(phrase: str) -> bool:
    return bool(_CEREMONY_END.search(phrase))


def _split_at(phrase: str) -> tuple[str, str | None]:
    """'Local Authority of the Year at the Local Authority Excellence Awards' is a category
    and its ceremony; 'Care at Home Worker of the Year' is one category."""
    ends = re.search(rf"\b{_CEREMONY_WORD}(?:\s+for\s+[A-Z]\w+)?(?:\s+\d{{4}})?", phrase)
    phrase = phrase[:ends.end()] if ends else phrase  # "... Awards at the Grand Hotel"
    for match in re.finditer(r"\s+(?:at|in)\s+(?:the\s+)?(?=[A-Z])", phrase):
        left = phrase[:match.start()]
        # "Employer of the Year in the X Awards"; "Excellence in Care Awards" is one name
        named = match.group().lstrip().startswith("at") or left.endswith(
            ("of the Year", "Award", "Prize"))
        if named and is_ceremony(phrase[match.end():]):
            return left, phrase[match.end():]
    return phrase, None


_HAS_CEREMONY_WORD = re.compile(_CEREMONY_WORD)
_YEAR_AFTER = re.compile(r"[^\S\n]+(?:19|20)\d\d\b")


def ceremonies(text: str) -> list[tuple[int, str]]:
    """Every 'X Awards' title in `text` with its offset."""
    found: list[tuple[int, str]] = []
    for match in _titles_holding_ceremony_words(text):
        left, right = _split_at(_strip_article(match.group()))
        phrase = right or left
        if is_ceremony(phrase) and len(phrase.split()) >= 2:
            year = _YEAR_AFTER.match(text, match.end())  # "Awards 2024"
            phrase = " ".join((phrase + (year.group() if year else "")).split())
            found.append((match.start() + match.group().rfind(phrase.split()[0]), phrase))
    return found


# Everything before the last character no title can hold ("," ":" "(" quotes ...).
_TO_LAST_BARRIER = re.compile(r".*[^\w\s’'&.-]", re.DOTALL)


def _titles_holding_ceremony_words(text: str) -> list[re.Match[str]]:
    """The matches of `TITLE_PHRASE.finditer(text)` holding a ceremony word (a ceremony's
    name, left or right of "at", ends with one), read only around those words: an article
    has a hundred titles and a few ceremony words. No title spans a character it cannot
    hold and a title needs no look-behind, so the scan restarted just past such a
    character (or at a title it found before) meets the titles the whole scan does."""
    found: list[re.Match[str]] = []
    pos = 0  # the whole scan's titles from here on are those TITLE_PHRASE finds from here
    for word in _HAS_CEREMONY_WORD.finditer(text):
        if found and found[-1].end() >= word.end():
            continue  # in the title found last
        barrier = _TO_LAST_BARRIER.match(text, pos, word.start())
        for match in TITLE_PHRASE.finditer(text, barrier.end() if barrier else pos):
            if match.start() > word.start():
                pos = match.start()  # the scan will meet this title again
                break
            pos = match.end()
            if match.end() >= word.end():
                found.append(match)
                break
    return found


def _strip_article(phrase: str) -> str:
    # a closing quote is no part of a title: "the ‘Best Workforce Initiative’ award"
    return re.sub(r"^(?:The|This|These|Its|Their)\s+", "", phrase).rstrip("’'")


def _pieces(match: re.Match[str]) -> list[tuple[int, str]]:
    """A title run cut after a ceremony ("... Awards in the X"): (offset, text) of each
    piece. "X Award in the Y category" names its category after, so X is dropped."""
    text, pieces, pos = match.group(), [], 0
    for cut in _AFTER_CEREMONY.finditer(text):
        if not cut.group().startswith("Award"):
            pieces.append((match.start() + pos, text[pos:cut.start("sep")]))
        pos = cut.end()
    pieces.append((match.start() + pos, text[pos:]))
    return pieces


def _is_category(scope: str, at: int, end: int, phrase: str, ceremony: str | None) -> bool:
    if phrase.endswith("of the Year") or _SINGLE_AWARD.search(phrase):
        return True
    if _PRIZE_FOR.search(scope, 0, at):
        return True
    if ceremony is not None:  # "shortlisted for Best Team at the X Awards"
        return bool(_LED_BY_FOR_IN.search(scope, 0, at))
    return bool(_CATEGORY_AFTER.match(scope, end))


def categories(scope: str) -> list[tuple[int, int, str]]:
    """Award categories in `scope`: 'the X category/award', 'X of the Year', 'X Award',
    'for X at the Y Awards', and 'the X and Y categories'."""
    return list(_categories(scope))


@lru_cache(maxsize=4096)  # a pure function of the scope, which repeats across sentences
def _categories(scope: str) -> tuple[tuple[int, int, str], ...]:
    found: list[tuple[int, int, str]] = []
    for match in TITLE_PHRASE.finditer(scope):
        whole = _strip_article(match.group())
        if _NAMED_AWARD.fullmatch(whole) and not _CATEGORY_AFTER.match(scope, match.end()):
            # "a Director's Award for Excellence": one award's name, not "X Award in Y"
            found.append((match.end() - len(whole), match.end(), whole))
            continue
        for at, piece in _pieces(match):
            phrase, ceremony = _split_at(_strip_article(piece))
            end = at + len(piece)
            if is_ceremony(phrase) or _DETERMINER.fullmatch(phrase):
                continue
            if ceremony is None and _CATEGORIES_AFTER.match(scope, end):
                found.extend((at, end, part) for part in re.split(r",\s*|\s+and\s+", phrase))
            elif _is_category(scope, at, end, phrase, ceremony):
                found.extend(_each_title(_listed_start(scope, at), end,
                                         _listed(scope, at) + phrase))
    return tuple(found)


def _each_title(start: int, end: int, phrase: str) -> list[tuple[int, int, str]]:
    """'Employer of the Year and Team of the Year' is two categories: every side of an
    'and' or a comma ends as a category title does."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase)
    if len(parts) > 1 and all(p.endswith(_TITLE_ENDS) for p in parts):
        return [(start, end, part) for part in parts]
    return [(start, end, phrase)]


_TITLE_ENDS = ("of the Year", "Award", "Prize")


def _listed_start(scope: str, at: int) -> int:
    lead = _LISTED_BEFORE.search(scope, 0, at)
    return lead.start("list") if lead else at


def _listed(scope: str, at: int) -> str:
    """'the Personnel Management, Employment and Training category': a category whose
    own name holds a comma starts after the article."""
    lead = _LISTED_BEFORE.search(scope, 0, at)
    return lead.group("list") if lead else ""


@lru_cache(maxsize=4096)  # a pure function of the scope, as `_categories`
def category_right_after(scope: str) -> tuple[int, int, str] | None:
    """The title straight after 'named': 'named Local Authority of the Year at ...'."""
    match = TITLE_PHRASE.match(scope, len(scope) - len(scope.lstrip()))
    if match is None:
        return None
    phrase, _ = _split_at(_strip_article(match.group()))
    if is_ceremony(phrase):
        return None
    if (_CATEGORY_AFTER.match(scope, match.end()) or phrase.endswith(("Year", "Award"))
            or phrase.startswith(_SUPERLATIVE)):
        return match.start(), match.end(), phrase
    return None
