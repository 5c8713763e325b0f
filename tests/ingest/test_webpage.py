"""articles.ingest.webpage: a news page to its story, with our own small invented pages."""

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from articles.ingest.webpage import WebPageError, prepare_markup, read_web_page

BODY = """
<p>Ferry crews on the lake walked off the job on Thursday after talks over night-shift pay broke
down, leaving hundreds of island residents without a way to reach the mainland.</p>
<p>The operator said it would run a reduced service with managers at the helm from Friday, but
warned passengers to expect long queues at both piers.</p>
<p>The crews' union said the strike would last until a new offer was made in writing.</p>
"""
FIRST_WORDS = ["Ferry", "crews", "on", "the", "lake", "walked", "off", "the", "job"]


def page(
    head="", before="", body=BODY, after="", title="Ferry strike strands islanders | Lake Post"
):
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body>{before}<main><article>{body}</article></main>{after}</body></html>"""


def test_the_story_heading_wins_over_the_logo_and_the_title():
    html = page(
        before='<header><h1 class="logo"><a href="/">Lake Post</a></h1></header>',
        body='<h1 class="story-title">Ferry crews strike over night pay</h1>' + BODY,
    )
    story = read_web_page(html)
    assert story.headline == "Ferry crews strike over night pay"
    assert story.paragraphs[0].split()[:9] == FIRST_WORDS
    assert len(story.paragraphs) == 3


def test_a_blog_h2_title_beats_the_site_title_h1():
    html = page(
        before='<header><h1 class="site-title"><a href="/">Lake Notes</a></h1></header>',
        body='<header><h2 class="entry-title">Ferry crews strike</h2></header>' + BODY,
    )
    assert read_web_page(html).headline == "Ferry crews strike"


def test_without_a_heading_the_title_loses_its_site_suffix():
    html = page(head='<meta property="og:site_name" content="Lake Post">')
    story = read_web_page(html)
    assert story.headline == "Ferry strike strands islanders"
    assert story.site_name == "Lake Post"


def test_an_old_table_layout_bold_headline_posted_line_and_site_prefix():
    html = (
        """<html><head><title>Lake Post :: Ferry crews strike</title></head><body><table>
    <tr><td><font size="6">Lake Post Online</font></td></tr><tr><td>
    <font size="5"><b>Ferry crews strike as night pay talks fail</b></font><br>
    <font size="2">Posted 3 May 2022 by Oskar Lindqvist</font>"""
        + BODY
        + """
    <p><a href="#top">Back to top</a></p></td></tr></table></body></html>"""
    )
    story = read_web_page(html)
    assert story.headline == "Ferry crews strike as night pay talks fail"
    assert story.published == dt.date(2022, 5, 3)
    assert story.byline == "Oskar Lindqvist"
    assert len(story.paragraphs) == 3


def test_byline_line_leaves_the_text_and_becomes_the_byline():
    html = page(body='<h1>Ferry crews strike</h1><p class="byline">By Oskar Lindqvist</p>' + BODY)
    story = read_web_page(html)
    assert story.byline == "Oskar Lindqvist"
    assert not any("Lindqvist" in p for p in story.paragraphs)


def test_json_ld_authors_and_publication_date_not_modified():
    ld = """<script type="application/ld+json">{"@type": "NewsArticle",
      "datePublished": "2023-06-01T22:30:00-04:00", "dateModified": "2023-06-03T09:00:00-04:00",
      "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Person", "name": "Rui Costa"},
                 {"@type": "Organization", "name": "Lake Post"}]}</script>"""
    story = read_web_page(page(head=ld, body="<h1>Ferry crews strike</h1>" + BODY))
    assert story.byline == "Ana Lima and Rui Costa"
    assert story.published == dt.date(2023, 6, 1)  # the date in its own offset, not UTC


def test_published_meta_beats_modified_meta_and_updated_time():
    head = (
        '<meta property="article:modified_time" content="2022-02-02T10:00:00+00:00">'
        '<meta property="article:published_time" content="2022-01-30T10:00:00+00:00">'
    )
    assert read_web_page(page(head=head)).published == dt.date(2022, 1, 30)
    updated_first = '<p class="meta">Updated <time datetime="2022-03-05">5 March</time></p>'
    published = '<p class="meta"><time datetime="2022-03-01">1 March 2022</time></p>'
    story = read_web_page(page(body=updated_first + published + BODY))
    assert story.published == dt.date(2022, 3, 1)


def test_a_visible_posted_date_counts_but_no_date_is_invented():
    posted = '<div class="post-meta">Posted 7 August 2021 by the newsroom</div>'
    assert read_web_page(page(body=posted + BODY)).published == dt.date(2021, 8, 7)
    footer = "<footer>© 2024 Lake Post. Updated 3 hours ago.</footer>"
    assert read_web_page(page(after=footer)).published is None


def test_clutter_lines_captions_and_comments_are_dropped():
    clutter = """
    <div class="cookie-banner"><p>We use cookies to show you adverts.</p>
    <button>Accept all cookies</button></div>
    <figure><img src="/a.jpg"><figcaption>Passengers wait on the pier at dawn as the first ferry
    of the day is cancelled without warning by the operator</figcaption></figure>
    <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>"""
    body = clutter + BODY.replace(
        "</p>\n<p>The crews'",
        '</p><p class="read-more"><strong>Read more:</strong> '
        '<a href="/x">Bridge plan shelved</a></p>'
        "<p>The crews'",
    )
    after = """<aside><h3>Most read</h3><ul><li><a href="/y">Pier repairs delayed</a></li></ul>
    </aside><section id="comments" class="comments-area"><h3>Leave a Reply</h3>
    <div class="comment"><p>My cousin was stuck on the island for two days, shame on them.</p>
    </div></section>"""
    story = read_web_page(page(body=body, after=after))
    text = "\n".join(story.paragraphs)
    for unwanted in (
        "cookies",
        "Passengers wait",
        "Share on",
        "Read more",
        "Bridge plan",
        "Most read",
        "Pier repairs",
        "cousin",
    ):
        assert unwanted not in text
    assert len(story.paragraphs) == 3


def test_a_wire_dateline_inside_the_page_is_taken_off():
    body = '<div class="wire-byline">By MARTA OLSEN, Associated Press</div>' + BODY.replace(
        "<p>Ferry", "<p>OSLO, Norway (AP) — Ferry", 1
    )
    story = read_web_page(page(body=body))
    assert story.byline == "Marta Olsen"
    assert story.paragraphs[0].split()[:9] == FIRST_WORDS
    assert (story.place, story.agency) == ("OSLO, Norway", "AP")


def test_a_standfirst_is_the_deck_not_a_paragraph():
    deck = '<p class="standfirst">Hundreds stranded as talks on night pay collapse</p>'
    story = read_web_page(page(body="<h1>Ferry crews strike</h1>" + deck + BODY))
    assert story.deck == "Hundreds stranded as talks on night pay collapse"
    assert len(story.paragraphs) == 3


def test_scripts_styles_and_markup_never_reach_the_text():
    hostile = """<script>document.write('INJECTED')</script><style>p{color:red}</style>
    <p>Residents said &lt;script&gt;alert(1)&lt;/script&gt; was painted on the pier wall overnight
    by someone who was never caught, and the operator had it removed.</p>"""
    story = read_web_page(page(body=BODY + hostile))
    text = " ".join([story.headline, *story.paragraphs])
    assert "INJECTED" not in text and "color:red" not in text
    assert "<" not in text and ">" not in text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><script>var only = 'code';</script></body></html>",
        "\x00\x01 binary",
    ],
)
def test_a_page_without_a_story_is_a_clear_error(html):
    with pytest.raises(WebPageError) as raised:
        read_web_page(html)
    assert "\n" not in str(raised.value) and str(raised.value)


def test_prepare_markup_keeps_json_ld_and_caps_the_size():
    json_ld = '<script type="application/ld+json">{"a": 1}</script>'
    html = json_ld + "<script>x()</script><!-- c --><p>hi</p>"
    markup, cut = prepare_markup(html)
    assert " ".join(markup.split()) == json_ld + " <p>hi</p>" and not cut
    markup, cut = prepare_markup("<p>" + "word " * 1000 + "</p>" * 100, limit=500)
    assert len(markup) <= 500 and cut
    markup, cut = prepare_markup("<p>text</p><script>never closed " + "x" * 1000)
    assert markup.strip() == "<p>text</p>" and not cut
    assert prepare_markup("<p>a<embed src=x>b<svg onload=y>c</p>")[0] == "<p>a b c</p>"
    assert "<script" not in prepare_markup("<scr<script>ipt>alert(1)</scr</script>ipt>")[0]


MEMORY_PROBE = """
import resource, sys
from articles.ingest.webpage import read_web_page
html = open(sys.argv[1], encoding="utf-8").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
story = read_web_page(html)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((peak - base) // 1024, len(story.paragraphs), story.cut)
"""


def test_memory_stays_flat_on_a_50_mb_page(tmp_path):
    """A 50 MB page of paragraphs (the worst case: no script to cut) adds well under 150 MB."""
    paragraph = (
        "<p>The council met again on day {} and agreed, after a long debate, to keep it.</p>\n"
    )
    path = tmp_path / "big.html"
    with path.open("w", encoding="utf-8") as out:
        out.write("<html><head><title>Big</title></head><body><article><h1>A big page</h1>")
        for day in range(50 * 2**20 // len(paragraph)):
            out.write(paragraph.format(day))
        out.write("</article></body></html>")
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(path)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    added_mb, paragraphs, cut = result.stdout.split()
    assert int(added_mb) < 150 and int(paragraphs) > 1000 and cut == "True"


def test_every_xss_vector_in_a_page_leaves_no_markup_in_the_story():
    """tests/data/xss_vectors.txt in the title, heading and paragraphs: the story that comes out is
    plain text; a vector that breaks the page apart makes it a WebPageError, never a leak."""
    vectors = (Path(__file__).parents[1] / "data" / "xss_vectors.txt").read_text(encoding="utf-8")
    unreadable = 0
    for vector in filter(str.strip, vectors.splitlines()):
        body = f"<h1>Ferry strike {vector}</h1><p>Ferry crews walked off {vector} the job.</p>"
        try:
            story = read_web_page(page(body=body + BODY, title=f"Ferry {vector}"))
        except WebPageError:
            unreadable += 1
            continue
        text = " ".join([story.headline, story.deck, story.site_name, *story.paragraphs]).lower()
        assert not re.search(r"<[a-z!/?]", text), vector  # text may quote, never tag
    assert unreadable <= 2
