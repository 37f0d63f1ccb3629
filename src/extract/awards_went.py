"""Awards told backwards: 'the X category, which went to Y', 'a gold award for X went to Y',
'Also shortlisted in the X category are A and B'."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from extract import awards_find as find

_PRIZE_WORD_BEFORE = re.compile(r"(?:category|award|Award|prize|Prize|title|trophy|Trophy)\s$")

# "the X category, which went to Y", "the X award went to Y", "the award for X went to Y":
# Y won X. A bare "went to" counts only straight after the category's title.
_WENT_VERB = (r"(?:went\s+to|goes\s+to|was\s+won\s+by|was\s+awarded\s+to"
              r"|was\s+presented\s+to)\s+(?:the\s+)?(?=[A-Z]|(?:council|county|city|borough)[’']s\s)")
_WENT_TO = re.compile(
    r"(?:\b(?:which|that)\s+|(?<=category\s)|(?<=award\s)|(?<=Award\s)|(?<=prize\s)"
    r"|(?<=Prize\s)|(?<=title\s)|(?<=trophy\s)|(?<=Trophy\s)|(?<=\w\s))" + _WENT_VERB
)
# Every match of _WENT_TO holds one of these words (tests/test_awards.py proves it).
WENT_NEEDS = ("went", "goes", "won", "awarded", "presented")
_WENT_NAME = re.compile(rf"(?:(?:council|county|city|borough)[’']s\s+)?{find.TITLE_PHRASE.pattern}"
                        r"(?:\s+(?:team|service|unit|hub|programme|program|project|scheme))?")
_MEDAL_FOR = re.compile(r"\b(?P<level>gold|silver|bronze)\s+(?:award|prize|medal)\s+for\b",
                        re.IGNORECASE)


# The verb part of _WENT_TO alone: a sentence where it is nowhere holds no _WENT_TO match.
# It opens with a literal (the whole regex opens with look-behinds, tried at every offset),
# so most sentences ("won" in them, "went to" not) are ruled out by a quicker scan.
_WENT_VERB_ANYWHERE = re.compile(_WENT_VERB)


def went_to(sentence: str) -> list[tuple[int, str, str | None]]:
    """'the X category, which went to Y Council': (offset, recipient, category) winners;
    'The award went to Y' names a winner and no category."""
    found: list[tuple[int, str, str | None]] = []
    if _WENT_VERB_ANYWHERE.search(sentence) is None:
        return found
    for match in _WENT_TO.finditer(sentence):
        cats = find.categories(sentence[:match.start()])
        name = _WENT_NAME.match(sentence, match.end())
        bare = not re.match(r"which|that", match.group()) and not _PRIZE_WORD_BEFORE.search(
            sentence, 0, match.start())
        if bare and cats and sentence[cats[-1][1]:match.start()].strip():
            continue  # "Jo went to the Awards": no category right before the verb
        prize_only = _PRIZE_WORD_BEFORE.search(sentence, 0, match.start()) is not None
        if name and (cats or prize_only):
            found.append((name.start(), name.group(), cats[-1][2] if cats else None))
    return found


def went_to_level(sentence: str) -> str:
    """'A gold award for X went to Y': the medal named with the prize, else a win."""
    medal = _MEDAL_FOR.search(sentence)
    return medal["level"].lower() if medal else "winner"


# Every match of _INVERTED holds one of these words (tests/test_awards.py proves it).
INVERTED_NEEDS = ("shortlisted", "short-listed", "nominated", "nominees", "finalist", "winners")
# The rule, as one regex. It is read in pieces (below): its lazy `[^.:]*?` scans from every
# keyword to the sentence's next full stop or colon, so a long sentence holding many
# keywords and no "are" cost time quadratic in its length.
_INVERTED = re.compile(
    r"\b(?P<kw>(?i:shortlisted|short-listed|nominated|nominees|finalists?|winners))\b[^.:]*?"
    r"\b(?:are|were|include|includes|included)\s+(?P<items>[^.:;]+)"
)
_KEYWORD = re.compile(r"\b(?P<kw>(?i:shortlisted|short-listed|nominated|nominees|finalists?"
                      r"|winners))\b")
_LIST_VERB = r"\b(?:are|were|include|includes|included)\s"
_ITEMS = re.compile(_LIST_VERB + r"+(?P<items>[^.:;]+)")
# Where _ITEMS matches: `\s+[^.:;]+` needs one blank and then any character but . : ;
_ITEMS_AT = re.compile(rf"(?={_LIST_VERB}[^.:;])")
_STOP = re.compile(r"[.:]")


def _inverted_matches(sentence: str) -> Iterator[tuple[str, int, str]]:
    """(keyword, items offset, items) of each _INVERTED match, in linear time: a keyword
    matches when the first list verb after it comes before the next full stop or colon.
    The verbs and stops are read only once a keyword is found (the gate lets through many
    sentences holding none, "win" standing for "winners")."""
    verbs: list[int] = []
    stops: list[int] = []
    pos, read = 0, False
    while (kw := _KEYWORD.search(sentence, pos)) is not None:
        if not read:
            verbs = [m.start() for m in _ITEMS_AT.finditer(sentence)]
            stops = [m.start() for m in _STOP.finditer(sentence)]
            read = True
        verb, stop = bisect_left(verbs, kw.end()), bisect_left(stops, kw.end())
        items = _ITEMS.match(sentence, verbs[verb]) if verb < len(verbs) and (
            stop == len(stops) or verbs[verb] < stops[stop]) else None
        if items is None:
            pos = kw.start() + 1  # as a regex search, the next try starts one further on
            continue
        yield kw["kw"], items.start("items"), items["items"]
        pos = items.end()


def inverted_lists(sentence: str) -> list[tuple[int, str, str]]:
    """'Also shortlisted in the X category are A and B' / 'finalists include A, B and C':
    (offset, keyword, recipient) for each listed name."""
    found = []
    for keyword, pos, items in _inverted_matches(sentence):
        first: dict[str, int] = {}  # a part's first place in the list, found once
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", items):
            item = re.sub(r"^the\s+", "", part.strip())
            if re.match(r"[A-Z]", item):
                at = first.setdefault(part, items.find(part))
                found.append((pos + at, keyword, item))
    return found
