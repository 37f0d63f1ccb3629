"""Readers: every format, and every kind of bad input named with its file."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from builders import article_html, warc_bytes, write_jsonl
from extract.article import Article
from extract.errors import InputError, UsageError
from extract.ingest import expand_inputs, read_inputs, read_path

GOOD_TEXT = "Northshire County Council will hold a jobs fair at Grange Hall on Saturday.\n"
PARAGRAPHS = [
    "Northshire County Council will hold a recruitment open day for social workers at the "
    "Grange Hall on Mill Lane on Saturday 16 March, from 10am to 2pm.",
    "Cllr Ann Lee, cabinet member for children's services, said: \u201cWe want to meet "
    "experienced practitioners who share our ambitions for the county.\u201d",
]


def read_one(path: Path) -> list[Article | InputError]:
    return list(read_path(path))


def test_ingest_text_file_gives_article_with_stem_id(tmp_path: Path) -> None:
    path = tmp_path / "fair-2019.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    [article] = read_one(path)
    assert isinstance(article, Article)
    assert (article.id, article.text, article.warnings) == ("fair-2019", GOOD_TEXT, ())


@pytest.mark.parametrize(
    ("first_line", "published"),
    [
        ("Tuesday, 14 March 2019", "2019-03-14"),
        ("14 March 2019", "2019-03-14"),
        (" date 2019-03-14 ", "2019-03-14"),
        ("Published: 3rd April 2020", "2020-04-03"),
        ("Posted on: 14/06/2022", "2022-06-14"),
        ("Published: 10:41am 2nd March 2023", "2023-03-02"),
        ("June 14, 2022 at 10:41 am", "2022-06-14"),
        ("Posted Jan 17, 2024 at 6:02 PM", "2024-01-17"),
        ("Published on 15 Feb 2024", "2024-02-15"),
        ("Wed, 14 Sept 2022", "2022-09-14"),
        ("Home\nNews\nJobs\nPublished: Friday 7th July 2023", "2023-07-07"),
        ("Last updated: 3 March 2021\nPublished: 1 March 2021", "2021-03-01"),
        ("Last updated: 3 March 2021", "2021-03-03"),
        ("Posted Tuesday 6 May 2025 | Community Care, Jobs", "2025-05-06"),
        ("Published: Oct. 10, 2024 at 4:37 PM CDT|Updated: 2 hours ago", "2024-10-10"),
        ("By Jo Bloggs\non October 21, 2024 in Children, Workforce", "2024-10-21"),
        ("Newsletter\nIssue 41 – March 2025", "2025-03"),
        ("Cookies help us. We use them to improve this site for everyone who visits it.\n"
         "A long headline about a council winning two national awards\nPosted on: 22/11/2024",
         "2024-11-22"),
        ("Updated: 2 hours ago", None),
        ("on Monday the council met", None),
        ("The council met on Tuesday.", None),
        ("In 2019 we hired 40 social workers.", None),
        ("Saturday 8 October", None),
        ("Monday 3 June 2019: Central Library, 10am to 1pm", None),
        ("Tuesday 4 June 2019 - 7pm - Eastgate Library drop-in session", None),
    ],
)
def test_ingest_text_dateline_sets_published(tmp_path: Path, first_line: str,
                                             published: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{first_line}\n\n{GOOD_TEXT}", encoding="utf-8")
    [article] = read_one(path)
    assert isinstance(article, Article)
    assert article.published == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("City of Hampton, VA\nPosted on: 11/07/2022\n\nAwards won.", "2022-11-07"),
        ("Posted on: 11/07/2022\n\nThe fair is on Nov. 14 at 6 p.m.", "2022-11-07"),
        ("Posted on: 11/07/2022\n\nThe fair is on 14 November.", "2022-07-11"),
        ("Posted on: 11/07/2022\n\nNo other date here.", "2022-07-11"),
    ],
)
def test_ingest_numeric_dateline_follows_the_article_date_order(
    tmp_path: Path, text: str, published: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [article] = read_one(path)
    assert isinstance(article, Article) and article.published == published


def test_ingest_crlf_is_unified_and_bom_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfLine one\r\nLine two\r\n")
    [article] = read_one(path)
    assert isinstance(article, Article)
    assert article.text == "Line one\nLine two\n"


def test_ingest_cp1252_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("The council\u2019s fair costs \u00a30.".encode("cp1252"))
    [article] = read_one(path)
    assert isinstance(article, Article)
    assert article.text == "The council\u2019s fair costs \u00a30."
    assert any("cp1252" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("empty.txt", b"", "EmptyInput"),
        ("blank.txt", b"  \n\n\t ", "EmptyInput"),
        ("nul.txt", b"text with a \x00 NUL byte", "BinaryInput"),
        ("image.txt", bytes(range(256)) * 8, "BinaryInput"),
        ("nobody.html", b"<html><head><title>x</title></head><body></body></html>", "NoMainText"),
        ("plain.html", b"no markup at all here", "BadHTML"),
        ("garbage.warc", b"this is not a web archive\n" * 10, "BadWARC"),
        ("data.csv", b"a,b\n1,2\n", "UnsupportedFormat"),
    ],
)
def test_ingest_bad_file_is_one_named_error(tmp_path: Path, name: str, data: bytes,
                                            kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [error] = read_one(path)
    assert isinstance(error, InputError)
    assert (error.kind, error.source) == (kind, str(path))


def test_ingest_html_main_text_title_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "fair.html"
    path.write_text(article_html("Social work open day", PARAGRAPHS), encoding="utf-8")
    [article] = read_one(path)
    assert isinstance(article, Article)
    assert "Grange Hall on Mill Lane" in article.text
    assert "Sign up to our newsletter" not in article.text
    assert article.title == "Social work open day"
    assert article.published == "2019-03-14"
    assert article.url == "https://www.northshire.gov.uk/news/fair"


def test_ingest_jsonl_good_and_bad_lines_each_accounted(tmp_path: Path) -> None:
    rows = [
        {"id": "a1", "text": GOOD_TEXT, "published": "2019-06", "publisher": "Northshire"},
        "{not json",
        "[1, 2, 3]",
        {"id": "a2"},
        {"id": "a3", "text": GOOD_TEXT, "published": "next tuesday-ish"},
        {"id": "a4", "html": article_html("Open day", PARAGRAPHS)},
        {"text": GOOD_TEXT},
        {"id": "a1", "text": "A different article with a reused id."},
    ]
    path = write_jsonl(tmp_path / "batch.jsonl", rows)
    items = list(read_inputs([path]))
    kinds = [i.kind if isinstance(i, InputError) else i.id for i in items]
    assert kinds == ["a1", "BadJSON", "NotAnObject", "MissingField", "a3", "a4",
                     "MissingField", "DuplicateId"]
    first, third = items[0], items[4]
    assert isinstance(first, Article) and isinstance(third, Article)
    assert (first.published, first.publisher) == ("2019-06", "Northshire")
    assert third.published is None and "unreadable 'published'" in third.warnings[0]
    bad = items[1]
    assert isinstance(bad, InputError) and bad.location == "line 2"


def test_ingest_jsonl_url_only_gets_stable_hash_id(tmp_path: Path) -> None:
    row = {"url": "https://example.org/news/1", "text": GOOD_TEXT}
    path = write_jsonl(tmp_path / "u.jsonl", [row])
    [one] = read_one(path)
    [two] = read_one(write_jsonl(tmp_path / "v.jsonl", [row]))
    assert isinstance(one, Article) and isinstance(two, Article)
    assert one.id == two.id and len(one.id) == 16


def test_ingest_truncated_gzip_keeps_earlier_lines(tmp_path: Path) -> None:
    rows = [{"id": f"a{i}", "text": GOOD_TEXT * 20} for i in range(50)]
    data = b"".join((__import__("json").dumps(r) + "\n").encode() for r in rows)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(data)[:-200])
    items = read_one(path)
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], InputError) and items[-1].kind == "TruncatedGzip"
    assert len(items) >= 2


def test_ingest_warc_html_records_become_articles(tmp_path: Path) -> None:
    pages = [("https://www.northshire.gov.uk/news/1", article_html("One", PARAGRAPHS)),
             ("https://www.northshire.gov.uk/news/2", article_html("Two", PARAGRAPHS[:1]))]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(pages))
    items = read_one(path)
    assert [a.url for a in items if isinstance(a, Article)] == [u for u, _ in pages]
    assert all(isinstance(a, Article) and len(a.id) == 16 for a in items)


def test_ingest_warc_without_html_reports_no_articles(tmp_path: Path) -> None:
    path = tmp_path / "images.warc.gz"
    path.write_bytes(warc_bytes([("https://x.org/a.png", "png")], content_type="image/png"))
    [error] = read_one(path)
    assert isinstance(error, InputError) and error.kind == "NoArticles"


def test_ingest_folders_recurse_in_stable_order_and_skip_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(GOOD_TEXT)
    (tmp_path / "one.txt").write_text(GOOD_TEXT)
    (tmp_path / "notes.csv").write_text("x")
    (tmp_path / ".hidden.txt").write_text(GOOD_TEXT)
    assert [p.name for p in expand_inputs([tmp_path])] == ["two.txt", "one.txt"]


def test_ingest_glob_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(GOOD_TEXT)
    assert [p.name for p in expand_inputs([str(tmp_path / "*.txt")])] == ["one.txt"]
    with pytest.raises(UsageError, match="no such file"):
        expand_inputs([tmp_path / "missing.txt"])
