"""Awards told backwards: 'the X category, which went to Y', 'a gold award for X went to Y'."""

from __future__ import annotations

import re

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


def went_to(sentence: str) -> list[tuple[int, str, str | None]]:
    """'the X category, which went to Y Council': (offset, recipient, category) winners;
    'The award went to Y' names a winner and no category."""
    found: list[tuple[int, str, str | None]] = []
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
