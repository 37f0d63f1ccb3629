"""Date and time spans, their normalisation, and events built from them.

The `council_dates` component writes doc.spans["dates"] (label = pattern kind, e.g.
DATE, DATE_RANGE, MONTH, REL_DAY, WEEKDAY, VAGUE), doc.spans["times"] and
doc.spans["gatherings"] (label = gathering kind). Interpretation happens in
`extract_events`, which needs the article context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import islice, pairwise
from urllib.parse import urlparse

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.article import ArticleContext, DateOrder
from extract.dates_named import NamedMatcher, build_date_matcher, build_gathering_matchers
from extract.dates_patterns import AnchoredMatcher, word_lists
from extract.dates_times import find_times
from extract.doctext import TokenView, doc_text, remember_spans, token_view
from extract.events_sentences import LexemeFlag
from extract.schema import Event

# Leading words a pattern needs for context but that are not part of the date phrase.
_LEADING = frozenset({"in", "during", "throughout", "since", "early", "late", "mid", "mid-",
                      "on", "from"})
# Lower-case "may"/"march" after a number is still a verb more often than a month.
_VERB_MONTHS = frozenset({"may", "march"})
_WEEKDAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday",
                            "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat",
                            "sun"})
_HEADS_WITH_PAREN = frozenset({"REL_DAY", "WEEKDAY", "DAY_ONLY"})


class DateFinder:
    """Matchers compiled once per pipeline; called on every doc."""

    def __init__(self, nlp: Language) -> None:
        self.dates: AnchoredMatcher = build_date_matcher(nlp.vocab)
        gathering_phrases, named = build_gathering_matchers(nlp)
        self.gathering_phrases: PhraseMatcher = gathering_phrases
        self.named: NamedMatcher = named

    def __call__(self, doc: Doc) -> Doc:
        remember_spans(doc, "dates", self._dates(doc))
        remember_spans(doc, "times", _char_spans(doc, find_times(doc_text(doc)), "TIME"))
        remember_spans(doc, "gatherings", self._gatherings(doc))
        return doc

    def _dates(self, doc: Doc) -> list[Span]:
        # Matches are kept as (label, start, end) read through the token lists: a Span
        # costs a Token per end. A match holding verb "may"/"march" is dropped by
        # `_plausible`: no need to look around those words for matches anchored on them.
        view, strings = token_view(doc), doc.vocab.strings
        found = [(strings[key], start, end)
                 for key, start, end in self.dates(doc, skip=_VERB_MONTHS)]
        found = [_trim(view, m) for m in found if _plausible(view, m)]
        heads = _attach_parens(view, _longest([m for m in found if m[0] != "PAREN"]),
                               [m for m in found if m[0] == "PAREN"])
        return [Span(doc, start, end, label=label) for label, start, end in _longest(heads)]

    def _gatherings(self, doc: Doc) -> list[Span]:
        view, strings = token_view(doc), doc.vocab.strings
        found = [(strings[k], s, e) for k, s, e in self.gathering_phrases(doc)
                 if not _verb_use(view.lowers, s, e)]
        stop, space, texts = LexemeFlag.of(doc, "is_stop"), view.is_space, view.texts
        for kind, start, end in self.named(doc):
            # `doc[start].is_stop or .is_space`, both lexeme flags, without a Token.
            while start < end - 1 and (stop[texts[start]] or space[start]):
                start += 1
            found.append((strings[kind], start, end))
        return [Span(doc, start, end, label=label) for label, start, end in _longest(found)]


@Language.factory("council_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp)


def _char_spans(doc: Doc, offsets: list[tuple[int, int]], label: str) -> list[Span]:
    spans = [span for s, e in offsets
             if (span := doc.char_span(s, e, label=label, alignment_mode="expand")) is not None]
    if all(a.start < a.end <= b.start for a, b in pairwise(spans)) and (
            not spans or spans[-1].start < spans[-1].end):
        return spans  # apart and in order (most docs): `filter_spans` keeps them all
    return filter_spans(spans)


def _verb_use(lowers: list[str], start: int, end: int) -> bool:
    """"will launch", "to tour", "after hearing": a gathering word used as a verb."""
    if start == 0 or end - start > 1 or lowers[start] not in word_lists()["verb_nouns"]:
        return False
    before = lowers[start - 1]
    if before in word_lists()["verb_before"]:
        return True
    return lowers[start].endswith("ing") and before in word_lists()["gerund_before"]


Match = tuple[str, int, int]  # label, start token, end token


def _longest(matches: list[Match]) -> list[Match]:
    """`spacy.util.filter_spans` on (label, start, end): the (first) longest of
    overlapping matches, in order of start."""
    if all(a[2] <= b[1] for a, b in pairwise(matches)):
        return list(matches)  # already apart and in order (most docs): all are kept
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept: list[Match] = []
    seen: set[int] = set()
    for match in ordered:
        if match[1] not in seen and match[2] - 1 not in seen:
            kept.append(match)
            seen.update(range(match[1], match[2]))
    return sorted(kept, key=lambda m: m[1])


def _hours(view: TokenView, start: int, end: int) -> bool:
    """"Monday through Friday, 8am to 5pm": opening hours, not a date."""
    lowers, through = view.lowers, word_lists()["day_range_joiners"]
    return (start >= 2 and lowers[start - 1] in through
            and lowers[start - 2] in _WEEKDAY_NAMES) or (
        end + 2 <= len(lowers) and lowers[end] in through and lowers[end + 1] in _WEEKDAY_NAMES)


def _plausible(view: TokenView, match: Match) -> bool:
    """Reject verb "may"/"march" read as a month ("we may 13" is not 13 May), "the
    Saturday" (a day already known to the reader, not a date) and weekday ranges."""
    label, start, end = match
    if not _VERB_MONTHS.isdisjoint(view.texts[start:end]):
        return False
    if label == "WEEKDAY" and _hours(view, start, end):
        return False
    return not (label == "WEEKDAY" and start > 0 and view.lowers[start - 1] == "the")


def _trim(view: TokenView, match: Match) -> Match:
    """Drop context words ("in", "on") before and commas or spaces after the phrase."""
    label, start, end = match
    lowers, space, texts = view.lowers, view.is_space, view.texts
    while start < end - 1 and (lowers[start] in _LEADING or space[start]):
        start += 1
    while end > start + 1 and (space[end - 1] or texts[end - 1] == ","):
        end -= 1
    return label, start, end


def _attach_parens(view: TokenView, heads: list[Match], parens: list[Match]) -> list[Match]:
    """Join "tomorrow" + "(Wednesday)" into one phrase when only spaces separate them."""
    by_start = {paren[1]: paren for paren in parens}
    space, joined = view.is_space, []
    for label, start, end in heads:
        follow = end
        while follow < len(space) and space[follow]:
            follow += 1
        paren = by_start.get(follow)
        if label in _HEADS_WITH_PAREN and paren is not None:
            end = paren[2]
        joined.append((label, start, end))
    return joined


_US_HOST = re.compile(r"\.(gov|us|mil)$|\.(ca|la|ny|tx|fl|wa|or|co|ma|va|md|nc|oh|mi)\.us$")
_DMY_HOST = re.compile(r"\.(uk|ie|au|nz|za|in|eu|scot|wales|cymru)$")
_MONTH_NAMES = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# The same names grouped by first letter, in the same order: a pattern that opens with
# literals lets the regex engine skip to the places they occur.
_MONTH_FIRST = (
    r"(?:J(?:an(?:uary)?|une?|uly?)|F(?:eb(?:ruary)?)|M(?:ar(?:ch)?|ay)|A(?:pr(?:il)?|"
    r"ug(?:ust)?)|S(?:ept?(?:ember)?)|O(?:ct(?:ober)?)|N(?:ov(?:ember)?)|D(?:ec(?:ember)?))"
)
# "\b" at the start is tested on each match (`_count_at_word_start`), not in the regex,
# for the same reason; "\d\d?" is "\d{1,2}" opening with a character class.
_MDY_WRITTEN = re.compile(
    rf"{_MONTH_FIRST}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*[-–]\s*\d)")
_DMY_WRITTEN = re.compile(rf"\d\d?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}\b")
_WORD = re.compile(r"\w")
# "Hampton, VA" or "Columbus, OH 43215": a US place, when dates alone do not decide.
_US_PLACE = re.compile(
    r",\s(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|"
    r"MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)"
    r"(?:\s\d{5}(?:-\d{4})?)?\b(?![a-z])"
)
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b")


def detect_date_order(text: str, *, url: str | None = None) -> DateOrder:
    """Day-first unless the article shows US conventions: an unambiguous numeric date
    decides; then the site's domain; then how dates are written out in the text."""
    for first, second in numeric_dates(text):
        if int(first) > 12 >= int(second):
            return "DMY"
        if int(second) > 12 >= int(first):
            return "MDY"
    host = (urlparse(url).hostname or "").lower() if url else ""
    if _DMY_HOST.search(host):
        return "DMY"
    if _US_HOST.search(host):
        return "MDY"
    us_style = _count_at_word_start(_MDY_WRITTEN, text)
    # Only how the day-first count stands to `us_style` matters (below, equal or
    # above): counting stops one past it, so an article of day-first dates (none
    # month-first) stops at its first, before the scan over the rest of its digits.
    uk_style = _count_at_word_start(_DMY_WRITTEN, text, limit=us_style + 1)
    if us_style == uk_style and _US_PLACE.search(text):
        return "MDY"
    return "MDY" if us_style > uk_style else "DMY"


def numeric_dates(text: str) -> Iterator[tuple[str, str]]:
    """`_NUMERIC.findall(text)`, lazily, the regex tried only one or two characters before
    a slash (where every match starts) instead of at every character of the text."""
    end = 0
    at = text.find("/")
    while at != -1:
        for start in (at - 2, at - 1):
            if start >= max(end, 0) and (match := _NUMERIC.match(text, start)) is not None:
                end = match.end()
                yield match.group(1), match.group(2)
                break
        at = text.find("/", at + 1)


def _count_at_word_start(pattern: re.Pattern[str], text: str, *,
                         limit: int | None = None) -> int:
    """`len(re.findall(r"\\b" + pattern, text))` for a pattern whose every match opens
    with a word character and holds none after a non-word one but at its start (a
    month name or a day number, spaces, a month): a match not at a word start is
    dropped, and the plain regex could not have started one inside it either.
    With `limit`, the count stops there (the smaller of the count and `limit`)."""
    found = (match for match in pattern.finditer(text)
             if not (match.start() and _WORD.match(text, match.start() - 1)))
    return sum(1 for _ in islice(found, limit))


def extract_events(doc: Doc, *, context: ArticleContext) -> list[Event]:
    """Dated gatherings, one per session; see `extract.events_build`."""
    return _event_builder()(doc, context=context)


@cache
def _event_builder() -> Callable[..., list[Event]]:
    # Imported on first use (events read the venue modules), then kept: no import
    # statement run per doc.
    from extract.events_build import build_events

    return build_events
