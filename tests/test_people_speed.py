"""The planned name walk and the match-level run pieces give the answers of the definitions
they replaced (kept here as the references)."""

from __future__ import annotations

import random
import re
from bisect import bisect_right

from extract.names_anchor import (
    AFTER_PLURAL,
    CLAUSE_GOES_ON,
    PREPOSITION_BEFORE,
    WEAK_ANCHOR,
    WORD_REACH,
    role_appositive,
    role_aside,
)
from extract.names_find import (
    Mention,
    _after_title,
    _honorific_at,
    first_name_start,
    folded,
    may_open,
    name_end,
    plain,
    titled,
)
from extract.names_lexicon import first_names, honorifics, word_set
from extract.names_runs import (
    _CAPITAL_RUN,
    _PARTICLE_FIRST,
    _PARTICLE_LED,
    _RUN,
    PARTICLES,
    WORD,
    Tok,
    _word_start,
    closes,
    name_runs,
    particle_led,
)
from extract.names_surnames import find_mentions
from extract.names_walk import _share_plural, plan, rule_mentions, run_names
from extract.officials_county import (
    _BARE_DEPARTMENT,
    _COUNTY_OFFICE,
    _COUNTY_TITLE,
    _home_county,
    _publisher_county,
    county_office,
)
from extract.quotes_marks import quote_spans
from extract.quotes_reported import _backward, _forward, reported
from extract.quotes_reported import _speaker as _reported_speaker
from extract.quotes_subject import (
    _SENTENCE_END,
    QuoteFind,
    SpanCover,
    clause_floor,
    subject_before,
)
from extract.quotes_verbs import REPORTED_CORE, VERB, scan, verb_spans
from extract.regex_words import by_first_letter


def _reference_name_runs(text: str) -> list[list[Tok]]:
    """`name_runs` as it was: the words of every run match walked, `Tok`s made for each."""
    runs: list[list[Tok]] = []
    led = _PARTICLE_LED.search(text) or _PARTICLE_FIRST.match(text)
    for match in (_RUN if led else _CAPITAL_RUN).finditer(text):
        if match.group("more") is None:
            continue
        first = match.start()
        current: list[Tok] = []
        for word in WORD.finditer(match.group()):
            offset, stop, form = word.start(), word.end(), word.group()
            kept = form[0].isupper() or form.lower() in PARTICLES
            if not kept or (not offset and not _word_start(text, first)):
                if len(current) > 1:
                    runs.append(current)
                current = []
                continue
            current.append(Tok(first + offset, first + stop, form))
            if closes(form):
                if len(current) > 1:
                    runs.append(current)
                current = []
        if len(current) > 1:
            runs.append(current)
    return runs


def _not_a_place(text: str, run: list[Tok], i: int, end: int) -> bool:
    if end < len(run) and run[end].bare.lower() in word_set("names_not_name_words.txt"):
        return False
    before = text[max(0, run[i].start - 4) : run[i].start]
    return not re.search(r"\b[Tt]he\s$", before)


def _weak(text: str, run: list[Tok], i: int) -> tuple[Mention | None, int]:
    if not 2 <= len(run) - i <= 3:
        return None, i + 1
    if run[i].bare.lower() in word_set("names_not_name_start.txt"):
        return None, i + 1
    end = name_end(run, i, anchored=False)
    if end != len(run) or not 2 <= end - i <= 3 or not _not_a_place(text, run, i, end):
        return None, i + 1
    if any(folded(tok.bare) in first_names() for tok in run[i + 1 : end - 1]):
        return None, i + 1
    listed = AFTER_PLURAL.search(text, max(0, run[i].start - WORD_REACH), run[i].start)
    if not listed and PREPOSITION_BEFORE.search(text, max(0, run[i].start - 12), run[i].start):
        return None, i + 1
    stop = run[end - 1].start + len(run[end - 1].bare)
    if not (WEAK_ANCHOR.match(text, stop) or role_appositive(text, stop) or listed
            or role_aside(text, run[i].start, stop)) and not (
        _after_title(text, run, i) and CLAUSE_GOES_ON.match(text, stop)
    ):
        return None, i + 1
    return plain(text, run, i, end, "weak"), end


def _name_from(text: str, run: list[Tok], i: int) -> tuple[Mention | None, int]:
    """The walk's step at run[i] as first written: honorifics, a first name, a weak name."""
    units: list[tuple[int, int]] = []
    j = i
    while (size := _honorific_at(run, j)) > 0:
        units.append((j, j + size))
        j += size
    if units:
        end = name_end(run, j, anchored=True)
        if end == j:
            return None, max(j, i + 1)
        return titled(text, run, units, j, end), end
    if first_name_start(run[i].text):
        end = name_end(run, i, anchored=True)
        if end - i >= 2 and _not_a_place(text, run, i, end):
            return plain(text, run, i, end, "lexicon"), end
        return None, max(end, i + 1)
    return _weak(text, run, i)


def _reference_run_names(text: str, run: list[Tok], *, every_word: bool) -> list[Mention]:
    found: list[Mention] = []
    i = 0
    while i < len(run):
        if not every_word and not 2 <= len(run) - i <= 3 and not may_open(run[i].text):
            i += 1
            continue
        mention, i = _name_from(text, run, i)
        if mention is not None:
            found.append(mention)
    return found


def _reference_rule_mentions(text: str) -> list[Mention]:
    return _share_plural(text, [m for run in _reference_name_runs(text)
                                for m in _reference_run_names(text, run, every_word=False)])


_WORDS = ("Ann", "Lee", "Cllr", "Cllrs", "Dr.", "Mr", "The", "the", "Council", "Hall", "Kwame",
          "Osei", "Lord", "Mayor", "NHS", "Street", "Smith.", "Jo", "Gwen", "Pryce", "Head",
          "Senior", "practitioner", "van", "de", "Dafydd", "ap", "Rhys", "Youth", "Justice",
          "Kate", "Ferris", "Lee’s", "J", "Ó", "Súilleabháin", "Andrew", "Award", "Park")
_GLUE = (" ", " ", " ", "\n", ", ", " and ", ". ", " (Head of Fostering) ", ", team manager, ",
         " said ", " for ", ", said ", " of ", " in ", ": ")


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_WORDS) + rng.choice(_GLUE) for _ in range(rng.randint(1, 25)))


def test_people_speed_planned_walk_matches_the_word_walk() -> None:
    rng = random.Random(5)
    found = 0
    for _ in range(3000):
        picked = [rng.choice(_WORDS) for _ in range(rng.randint(1, 9))]
        before = rng.choice(("", "the ", "for ", "Councillors Ann Lee and ", "Senior ",
                             "Head of Fostering, "))
        text, run = before, []
        for word in picked:
            run.append(Tok(len(text), len(text) + len(word), word))
            text += word + rng.choice((" ", " ", "\n"))
        text += rng.choice(("said", ", a manager, said", "", "street", " (Head of Care)",
                            "went home", ", social worker in Leeds"))
        reference = _reference_run_names(text, run, every_word=True)
        found += len(reference)
        words = tuple(tok.text for tok in run)
        assert run_names(text, run, plan(words)) == reference, text
        assert _reference_run_names(text, run, every_word=False) == reference, text
    assert found > 500  # the cases reach names of every kind


def test_people_speed_rule_mentions_match_the_reference() -> None:
    rng = random.Random(7)
    found = 0
    for _ in range(2000):
        text = _random_text(rng)
        assert name_runs(text) == _reference_name_runs(text), text
        reference = _reference_rule_mentions(text)
        found += len(reference)
        assert rule_mentions(text) == reference, text
    assert found > 1000


def _reference_county_office(
    text: str, role: str | None, honorific: str | None, publisher: str | None
) -> str | None:
    """`county_office` as it was: the article's county found before the role was read."""
    name = _home_county(text, publisher)
    if name is None:
        return None
    if role and (department := _BARE_DEPARTMENT.search(role)):
        words = department.group("d").split()
        while words[-1].lower() in word_set("officials_role_heads.txt"):
            words.pop()
        return f"{name} {' '.join(words)}"
    said = " ".join(filter(None, (honorific, role)))
    if _publisher_county(publisher) is not None and _COUNTY_TITLE.fullmatch(said):
        return name
    return name if _COUNTY_OFFICE.search(said) and "Council" not in said else None


def test_people_speed_county_office_reads_the_role_first() -> None:
    rng = random.Random(9)
    roles = (None, "", "Commissioner", "Supervisor Sheriff", "County Executive", "Director",
             "Department of Social Services Director", "County Council leader",
             "director of the county Department of Health", "Sheriff", "County Clerk")
    honorifics = (None, "Cllr", "Commissioner", "County Commissioner", "Supervisor")
    publishers = (None, "Kessler County Board of Supervisors", "Westfield County Council",
                  "the Brown County", "Ormsby Council")
    texts = ("", "Brown County and Green County met. Brown County voted.",
             "The County Hall in Essex County.", "no county named here")
    answers = set()
    for _ in range(3000):
        args = (rng.choice(texts), rng.choice(roles), rng.choice(honorifics),
                rng.choice(publishers))
        answer = _reference_county_office(*args)
        answers.add(answer)
        assert county_office(*args) == answer, args
    assert len(answers) > 4  # the cases reach several bodies and None


def _reference_clause_floor(text: str, pos: int, floor: int) -> int:
    """`clause_floor` as it was: every sentence end of the window searched."""
    start = max(floor, pos - 600)
    for match in _SENTENCE_END.finditer(text, max(floor, pos - 400), pos):
        start = match.end()
    return start


def test_people_speed_clause_floor_from_the_last_sentence_end() -> None:
    rng = random.Random(3)
    pieces = (".", "!", "?", "\n", " ", "  ", "\t", "\xa0", "”", "’", "'", '"', "“", "‘", "A",
              "a", "Ann", "said", ". ", ".\n\n", "\n \n", "?” ", "’ ", ". The", "x" * 150,
              " " * 90, ".” \n \n  ")
    floors = set()
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        pos = rng.randint(0, len(text))
        floor = rng.randint(0, pos) if rng.random() < 0.7 else 0
        answer = _reference_clause_floor(text, pos, floor)
        floors.add(answer - max(floor, pos - 600))
        assert clause_floor(text, pos, floor) == answer, (text, pos, floor)
    assert len(floors) > 50  # sentence ends found at many places, and none found


def _reference_titled(
    text: str, run: list[Tok], units: list[tuple[int, int]], j: int, end: int
) -> Mention:
    """`titled` as it was: the honorifics' kinds worked out for every titled name."""
    kinds = honorifics()
    texts = [" ".join(t.text for t in run[a:b]) for a, b in units]
    unit_kinds = [kinds.get(t, kinds.get(t.rstrip("."), "title")) for t in texts]
    lead = 0
    while lead < len(units) - 1 and unit_kinds[lead] == "office":
        lead += 1
    title_role = " ".join(texts[:lead]) or (texts[-1] if unit_kinds[-1] == "office" else None)
    first = units[lead][0]
    base = plain(text, run, j, end, "honorific")
    strongest = "council" if "council" in unit_kinds else unit_kinds[lead]
    if "office" in unit_kinds and strongest != "council":
        strongest = "office"
    return Mention(
        start=base.start, end=base.end, name=base.name,
        honorific=" ".join(" ".join(texts[lead:]).split()), hon_kind=strongest,
        hon_start=run[first].start, title_role=title_role, tail_end=base.tail_end,
        elected=base.elected, anchor="honorific",
    )


def test_people_speed_titles_read_once_per_title() -> None:
    rng = random.Random(21)
    titles = sorted(honorifics())
    kinds = set()
    for _ in range(3000):
        words: list[str] = []
        units = []
        for _ in range(rng.randint(1, 3)):
            title = rng.choice(titles).split() if rng.random() < 0.9 else ["Xyz."]
            units.append((len(words), len(words) + len(title)))
            words += title
        j = len(words)
        words += ["Ann", "Lee"]
        text, run = "", []
        for word in words:
            run.append(Tok(len(text), len(text) + len(word), word))
            text += word + rng.choice((" ", "\n"))
        text += rng.choice(("MP said", ", OBE, said", "went"))
        reference = _reference_titled(text, run, units, j, len(words))
        kinds.add((reference.hon_kind, reference.title_role is None))
        assert titled(text, run, units, j, len(words)) == reference, text
    assert len(kinds) >= 4


def _reference_reported(
    text: str, mentions: tuple[Mention, ...], outside: list[int],
    spans: tuple[tuple[int, int, bool], ...], voices: dict[int, QuoteFind],
) -> list[QuoteFind]:
    """`reported` as it was: every verb's subject looked for before its clause."""
    found = []
    ends = [end for _, end, _ in spans]
    cover = SpanCover(spans)
    for verb, verb_end in verb_spans(text):
        if cover.touches(verb, verb_end):
            continue
        k = bisect_right(ends, verb)
        floor = clause_floor(text, verb, spans[k - 1][1] + 1 if k else 0)
        subject = subject_before(text, verb, mentions, outside, floor)
        if subject is None or subject.kind == "thing":
            continue
        span = _forward(text, verb_end, cover) or _backward(text, verb_end, floor,
                                                            subject.at, cover)
        if span is None:
            continue
        if subject.kind == "same":
            voice = voices.get(spans[k - 1][1]) if k else None
            if voice is not None:
                found.append(QuoteFind(*span, "reported", voice.speaker, voice.role))
            continue
        found.append(QuoteFind(*span, "reported", _reported_speaker(subject, mentions, outside),
                               subject.role))
    return found


def test_people_speed_reported_speech_skips_verbs_with_no_clause() -> None:
    rng = random.Random(4)
    pieces = ("Cllr Ann Lee said ", "She said ", "the council said ", "A spokesperson said ",
              "Lee said the plan would work. ", "“We are proud,” she said. ", "It was late, ",
              "Brooks said, and ", "said: ", "“Yes” and said the team ", "told the meeting that ",
              "the report says it fell. ", "He added that it rose. ", "\n\n", ". ", "Turnover fell "
              "to 14 per cent, Ann Lee said. ", "according to Cllr Ann Lee, costs rose. ")
    found = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        mentions = find_mentions(text)
        spans = quote_spans(text)
        cover = SpanCover(spans)
        outside = [i for i, m in enumerate(mentions) if not cover.holds(m.start)]
        reference = _reference_reported(text, mentions, outside, spans, {})
        found += len(reference)
        assert reported(text, mentions, outside, spans, {}) == reference, text
    assert found > 1000


_OLD_VERB_AFTER = re.compile(r"[^0-9A-Za-z_](?P<verb>" + by_first_letter(
    REPORTED_CORE.split("|"), tail=str, sort_letters=False) + r")\b")


def _reference_verb_spans(text: str) -> tuple[tuple[int, int], ...]:
    """`verb_spans` as it was: its own pass over the text."""
    found = [match.span("verb") for match in _OLD_VERB_AFTER.finditer(text)
             if not (text[match.start()].isalnum() or text[match.start()] == "_")]
    if first := VERB.match(text):
        found.insert(0, first.span())
    return tuple(found)


def _reference_particle_led(text: str) -> bool:
    """The particle search of `run_matches` as it was: its own pass over the text."""
    return bool(_PARTICLE_LED.search(text) or _PARTICLE_FIRST.match(text))


_SCAN_PIECES = ("said", "9said", "_said", "ésaid", "Xyz-said", "called  on", "pointed out", "de",
                "dE", "van", "der", "la", "ab", "ap", "bin", "ter", "described", "added", "told",
                "Souza", "Berg", "Ann", "Lee", "de.", "van-Dyke", "o’", "l’", "the", "a", "x",
                "9", "_", "(", "“", "”", ",", ".", "-", "é", "Ó")
_SCAN_GAPS = (" ", " ", " ", "", "\n", " \n ", "\t", "  ", "\n\n", ", ")


def test_people_speed_verb_and_particle_scan_matches_the_two_passes() -> None:
    """One pass for the speech verbs and for a particle-led run gives both old answers."""
    rng = random.Random(11)
    led = 0
    for _ in range(4000):
        text = "".join(rng.choice(_SCAN_PIECES) + rng.choice(_SCAN_GAPS)
                       for _ in range(rng.randint(1, 14)))
        reference = (_reference_verb_spans(text), _reference_particle_led(text))
        assert scan(text) == reference, text
        assert verb_spans(text) == reference[0], text
        assert particle_led(text) == reference[1], text
        led += reference[1]
    assert 500 < led < 3500  # texts with and without a particle-led run
