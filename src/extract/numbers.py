"""Numbers as written in council news: digits, number words, shares, percentages, ranges.

The quantity regex and the reading of a phrase's values; `numbers_find.find_quantities(text)`
returns every quantity phrase with its value. Neither knows what the number counts (that is
`figures_metric`). Cardinal words are parsed with the
`text2num` library (maintained, Rust-backed, handles "Seventy-eight", "one hundred and
twenty"); shares ("two-thirds", "one in four"), "a hundred" and vague amounts are ours.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from text_to_num import text2num  # type: ignore[import-untyped]  # ships no stubs

from extract.patterns_data import pattern_rows

_FLAGS = re.IGNORECASE


class Quantity(NamedTuple):
    """One quantity phrase; offsets index into the searched text. (A named tuple: one is
    made for every number read, and a tuple is made several times faster than a frozen
    dataclass.)"""

    start: int
    end: int
    value: float | None
    value_max: float | None = None
    value_from: float | None = None
    unit: str | None = None  # "percent", "fraction" or None for a plain count
    qualifier: str | None = None
    vague: bool = False


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    rows = pattern_rows("numbers_words.jsonl")
    table: dict[str, Any] = {"qualifier": []}
    for row in rows:
        if row["kind"] == "qualifier":
            table["qualifier"].append((row["phrase"], row["norm"]))
        else:
            table[row["kind"]] = row.get("words", row.get("patterns"))
    return table


def _alt(words: Any) -> str:
    """The words as one alternation, longest first. A lookahead for their first letters
    leads it: the engine then rejects a position in one step instead of trying every
    word (a necessary condition, so the matches are the same)."""
    listed = list(words)
    alternation = "|".join(sorted((re.escape(w) for w in listed), key=len, reverse=True))
    if not listed or not all(listed):
        return alternation
    firsts = "".join(re.escape(first) for first in sorted({w[0] for w in listed}))
    return rf"(?=[{firsts}])(?:{alternation})"


@lru_cache(maxsize=1)
def _parts() -> dict[str, str]:
    w = _words()
    card = rf"(?:{_alt(w['cardinal'])})"
    # "and" joins cardinals only after a scale word: "one hundred and twenty".
    # Branches ending alike share one copy of their end ("AC|BC" is "(?:A|B)C": the
    # engine tries the same things in the same order); the source is a third as long
    # and compiled about three times faster (a tenth of a second at start-up).
    words = (
        rf"(?:\ba\s+(?:{_alt(w['scale'])})\b|\b{card}"
        rf"(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand))\s+and\s+){card})*\b)"
    )
    # Digits must not be glued to letters or currency: "S60", "£4.6", "10am", "15th".
    digits = r"(?<![\w£$€.,/:])(?!0\d)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w,./]\d|,\d)"
    # "half a dozen" is six, not a half followed by a dozen
    num = rf"(?:\bhalf\s+a\s+dozen\b|{digits}|{words})"
    pct = rf"(?:\s?(?:{'|'.join(w['percent'])}))"
    share = (
        rf"(?:\b(?:{_alt(w['numerator'])})[\s-](?:{_alt(w['denominator'])})\b"
        rf"|\bhalf\b(?!\s+a\s+dozen)|(?:\b(?:one|1)\s+in\s+(?:every\s+)?|{num}\s+in\s+every\s+"
        rf"|{num}\s+out\s+of\s+(?:every\s+)?){num})"
    )
    amount = rf"(?:{share}|{num}{pct}?(?![\w£$€]))"
    # "from 21 per cent two years ago to 14 per cent": a time phrase may split a change.
    when = r"(?:(?:in\s+\d{4}|(?:[\w-]+\s+){1,2}ago|last\s+year|previously)\s+)?"
    core = (
        rf"(?:(?:\bfrom\s+{amount}\s+{when}(?:to|down\s+to|up\s+to)\s+"
        rf"|\bbetween\s+{amount}\s+and\s+"
        rf"|{amount}(?:\s?[-–—]\s?|\s+to\s+|\s+or\s+(?=\S+\s+(?!or\b)[a-z]))"
        rf"|){amount}|\b(?:{_alt(w['vague'])})\b)"
    )
    qual = _alt(p for p, _ in w["qualifier"])
    return {"num": num, "pct": pct, "share": share, "amount": amount, "core": core,
            "qual": qual}


def number_pattern() -> str:
    """A regex source for one number, digits or words ("40", "four", "half a dozen")."""
    return _parts()["num"]


@lru_cache(maxsize=1)
def quantity_regex() -> re.Pattern[str]:
    return re.compile(_quantity_source(), _FLAGS)


@lru_cache(maxsize=1)
def _quantity_source() -> str:
    """The source of `quantity_regex` (50,000 characters: compiling it costs a tenth of a
    second, so the lowered form is built from the source, not from the compiled regex)."""
    p = _parts()
    # "make up 9%" is a share, not a rise: no "up" qualifier after make/made.
    not_make = r"(?<!make\s)(?<!makes\s)(?<!made\s)(?<!making\s)"
    # "20-plus", "30+": an open-ended count, "more than".
    return (rf"(?:\b{not_make}(?P<qual>{p['qual']})\s+)?(?P<core>{p['core']})"
            rf"(?P<plus>-?plus\b|\+|\s+or\s+(?:more|over|above)\b)?")


@lru_cache(maxsize=1)
def _amount_regex() -> re.Pattern[str]:
    p = _parts()
    return re.compile(rf"(?P<share>{p['share']})|(?P<num>{p['num']})(?P<pct>{p['pct']})?", _FLAGS)


@lru_cache(maxsize=1)
def _share_regex() -> re.Pattern[str]:
    w = _words()
    num = _parts()["num"]
    return re.compile(
        rf"^(?:(?P<numer>{_alt(w['numerator'])})[\s-](?P<denom>{_alt(w['denominator'])})"
        rf"|(?P<half>half)|(?P<a>{num})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>{num}))$",
        _FLAGS,
    )


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """'1,200' -> 1200, 'Seventy-eight' -> 78, 'a hundred' -> 100; None if not a number."""
    cleaned = text.replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        pass  # not digits: try number words
    words = re.sub(r"^a\s+", "one ", cleaned.lower())
    # text2num has no "dozen": "a dozen", "two dozen", "an additional dozen" count twelves.
    dozen = re.fullmatch(r"(?:(.+)\s+)?dozen", words)
    if dozen:
        times = parse_number(dozen.group(1)) if dozen.group(1) else 1.0
        times = 0.5 if dozen.group(1) == "half a" else times
        return None if times is None else 12 * times
    try:
        parsed: int = text2num(words, "en")
    except ValueError:
        return None
    return float(parsed)


@lru_cache(maxsize=1024)
def parse_share(text: str) -> float | None:
    """'two-thirds' -> 0.667, 'one in four' -> 0.25, 'half' -> 0.5."""
    match = _share_regex().match(text.strip())
    if match is None:
        return None
    if match["half"]:
        return 0.5
    if match["numer"]:
        w = _words()
        numerator: int = w["numerator"][match["numer"].lower()]
        denominator: int = w["denominator"][match["denom"].lower()]
        return round(numerator / denominator, 3)
    part, whole = parse_number(match["a"]), parse_number(match["b"])
    if part is None or not whole:
        return None
    return round(part / whole, 3)


# Digits alone, maybe grouped by commas and with decimals ("5,819", "644365", "4.5"): the
# amount regex reads such a phrase as one number and nothing else (a share or percent
# needs a letter, a space or "%"), unless it opens with "0" and a digit, which it refuses.
_PLAIN_NUMBER = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


def _amounts(core: str) -> list[tuple[float | None, str | None]]:
    if _PLAIN_NUMBER.fullmatch(core) and not (core[0] == "0" and core[1:2].isdigit()):
        return [(float(core.replace(",", "")), None)]  # (new numbers keep missing the caches)
    found: list[tuple[float | None, str | None]] = []
    for m in _amount_regex().finditer(core):
        if m["share"]:
            found.append((parse_share(m["share"]), "fraction"))
        else:
            found.append((parse_number(m["num"]), "percent" if m["pct"] else None))
    return found


@lru_cache(maxsize=1)
def _vague_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt(_words()['vague'])})", _FLAGS)


@lru_cache(maxsize=1)
def _qualifier_norms() -> dict[str, str]:
    return dict(_words()["qualifier"])


def _qualifier(phrase: str | None) -> str | None:
    if phrase is None:
        return None
    norms = _qualifier_norms()
    return str(norms.get(re.sub(r"\s+", " ", phrase.lower()), phrase.lower()))


def quantity_from_match(match: re.Match[str], *, offset: int = 0) -> Quantity | None:
    """Interpret one `quantity_regex` match; None when nothing numeric is in it."""
    read = _interpret(match["core"], match["plus"], match["qual"])
    if read is None:
        return None
    return Quantity(match.start() + offset, match.end() + offset, read.value, read.value_max,
                    read.value_from, read.unit, read.qualifier, read.vague)


def _quantity_in(text: str, match: re.Match[str], offset: int) -> Quantity | None:
    """`quantity_from_match` for a match that may be on the lowered `text`: its groups'
    words are read from `text` ("20 OR MORE" and "20 or more" are read alike, but not
    every reader ignores case)."""
    plus, qual = match.start("plus"), match.start("qual")
    return count_in(text, match.start(), match.end(), offset,
                    core=text[match.start("core"):match.end("core")],
                    plus=None if plus < 0 else text[plus:match.end("plus")],
                    qual=None if qual < 0 else text[qual:match.end("qual")])


def count_in(text: str, start: int, end: int, offset: int, *, core: str,
             plus: str | None = None, qual: str | None = None) -> Quantity | None:
    """The quantity of a phrase at `start`-`end` of `text` from its groups' words."""
    read = _interpret(core, plus, qual)
    if read is None:
        return None
    return Quantity(start + offset, end + offset, read.value, read.value_max,
                    read.value_from, read.unit, read.qualifier, read.vague)


@lru_cache(maxsize=4096)  # the same phrases ("12", "40 per cent") come back article after article
def _interpret(core: str, plus: str | None, qual: str | None) -> Quantity | None:
    """The values of a phrase from its groups, at offsets 0-0."""
    # "20 or more" includes 20; "20-plus" and "20+" are read as more than 20
    open_ended = ("at least" if plus.lstrip().startswith("or") else "more than") if plus else None
    qualifier = _qualifier(qual) or open_ended
    if _vague_regex().fullmatch(core):
        return Quantity(0, 0, None, qualifier=qualifier, vague=True)
    amounts = _amounts(core)
    if not amounts or amounts[0][0] is None:
        return None
    units = {u for _, u in amounts if u}
    unit = "percent" if "percent" in units else ("fraction" if units else None)
    first, last = amounts[0][0], amounts[-1][0]
    if len(amounts) == 1:
        return Quantity(0, 0, first, unit=unit, qualifier=qualifier)
    if re.match(r"from\b", core, _FLAGS):
        if qualifier is None and first is not None and last is not None:
            qualifier = "down" if last < first else "up"
        return Quantity(0, 0, last, value_from=first, unit=unit, qualifier=qualifier)
    return Quantity(0, 0, first, value_max=last, unit=unit, qualifier=qualifier)
