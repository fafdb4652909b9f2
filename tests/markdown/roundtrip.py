#!/usr/bin/env python3
"""roundtrip.py READMODE SHARED_DIR — readmode's Markdown read back by cmark-gfm.

For every page of the shared corpora (Mozilla's Readability pages and the
WCXB development pages), readmode gives the article as reader HTML and as
Markdown. Debian's cmark-gfm (GFM tables and strikethrough, raw HTML kept)
turns the Markdown back into HTML, and both HTML documents must carry the
same words in the same order, the same links (targets in order) and the
same emphasised words (em/strong/del, in order). A difference means a
Markdown reader sees something else than the reader view shows.

Every page must agree; each difference is printed (page, what differs,
and the words or links around it on both sides).
Skips (exit 0, with a message) when the corpora or cmark-gfm are absent,
unless CI is set.
"""
import gzip
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import urllib.parse

EMPHASIS = {"em": "em", "i": "em", "cite": "em", "var": "em", "dfn": "em",
            "strong": "strong", "b": "strong",
            "del": "del", "s": "del", "strike": "del"}
# Markdown writes a figure caption in emphasis (_caption_): the reader HTML
# shows it as a caption. Both mean "set apart"; counted as emphasis.
CAPTION = {"figcaption": "em"}
SKIPPED = {"script", "style", "template"}
# Tags that end a run of words (a browser lays them out apart); inline
# tags do not, so "a<b>b</b>" is one word on both sides.
BREAKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
          "h6", "td", "th", "tr", "table", "thead", "tbody", "tfoot", "caption", "br",
          "pre", "blockquote", "figure", "figcaption", "hr", "img", "section",
          "article", "aside", "header", "footer", "details", "summary", "iframe",
          "video", "audio", "address", "center", "main", "nav"}


class Reader(html.parser.HTMLParser):
    """Words, link targets and emphasised words of an HTML fragment."""

    def __init__(self, captions_as_emphasis):
        super().__init__(convert_charrefs=True)
        self.kinds = dict(EMPHASIS, **(CAPTION if captions_as_emphasis else {}))
        self.words, self.links, self.emphasis = [], [], []
        self.open = []
        self.skip = 0
        self.text = []          # (text, emphasis kinds) since the last break
        self.anchors = []       # open links: [index in links, shows something]

    def flush(self):
        """Split the text gathered since the last break into words; a word
        counts as emphasised when any of its characters is."""
        chars = [(c, kinds) for piece, kinds in self.text for c in piece]
        self.text = []
        word, marks = [], set()
        for c, kinds in chars + [(" ", ())]:
            if c.isspace():
                if word:
                    w = "".join(word)
                    self.words.append(w)
                    if marks:
                        self.emphasis.append((w, tuple(sorted(marks))))
                word, marks = [], set()
            else:
                word.append(c)
                marks.update(kinds)

    def close(self):
        super().close()
        self.flush()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "img", "hr"):
            self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        if tag in BREAKS:
            self.flush()
        if tag in SKIPPED:
            self.skip += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                self.links.append(normal_url(href))
            self.anchors.append([len(self.links) - 1 if href is not None else None, False])
        if tag == "img":
            self.shown()
        if tag in self.kinds:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in BREAKS:
            self.flush()
        if tag in SKIPPED and self.skip:
            self.skip -= 1
        if tag == "a" and self.anchors:
            # A link with no text and no picture shows nothing and cannot be
            # clicked in a browser; the Markdown writer leaves it out (an
            # empty "[](url)" would show the same nothing), so it is not
            # counted on either side.
            index, shown = self.anchors.pop()
            if index is not None and not shown and index == len(self.links) - 1:
                self.links.pop()
        if tag in self.open:
            # close the innermost of that name (browsers' adoption is
            # not needed for the well-formed output compared here)
            idx = len(self.open) - 1 - self.open[::-1].index(tag)
            del self.open[idx]

    def shown(self):
        for anchor in self.anchors:
            anchor[1] = True

    def handle_data(self, data):
        if self.skip:
            return
        if data.strip():
            self.shown()
        kinds = tuple(sorted({self.kinds[t] for t in self.open}))
        self.text.append((unicodedata.normalize("NFC", data), kinds))


# What a URL parser strips from both ends (WHATWG URL: C0 controls and
# space). Not str.strip(), which also takes U+00A0 and other Unicode
# spaces: those belong to the URL (a browser percent-encodes them).
URL_EDGE = "".join(chr(c) for c in range(0x21))


def normal_url(url):
    """Both sides percent-encode differently (Markdown must encode spaces
    and parentheses); compare the decoded form."""
    return urllib.parse.unquote(url.strip(URL_EDGE))


def read(fragment, captions_as_emphasis=False):
    r = Reader(captions_as_emphasis)
    r.feed(fragment)
    r.close()
    return r


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i, a[max(0, i - 3):i + 4], b[max(0, i - 3):i + 4]
    if len(a) != len(b):
        i = min(len(a), len(b))
        return i, a[max(0, i - 3):i + 4], b[max(0, i - 3):i + 4]
    return None


def corpus_pages(shared, workdir):
    pages = []
    moz = os.path.join(shared, "corpus", "readability")
    if os.path.isdir(moz):
        for name in sorted(os.listdir(moz)):
            path = os.path.join(moz, name, "source.html")
            if os.path.isfile(path):
                pages.append(path)
    wcxb = os.path.join(shared, "corpus", "wcxb-dev", "html")
    if os.path.isdir(wcxb):
        os.makedirs(os.path.join(workdir, "wcxb"), exist_ok=True)
        for name in sorted(os.listdir(wcxb)):
            if not name.endswith(".html.gz"):
                continue
            out = os.path.join(workdir, "wcxb", name[:-3])
            with gzip.open(os.path.join(wcxb, name)) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
            pages.append(out)
    return pages


def skip(message):
    if os.environ.get("CI"):
        print("check-markdown: FAILED, " + message)
        sys.exit(1)
    print("check-markdown: SKIPPED, " + message)
    sys.exit(0)


def main():
    readmode, shared = sys.argv[1], sys.argv[2]
    only = os.environ.get("RM_PAGES")   # comma-separated name parts, to debug
    cmark = shutil.which("cmark-gfm")
    if not cmark:
        skip("cmark-gfm not installed (apt-get install cmark-gfm, or ./install.sh --dev)")
    with tempfile.TemporaryDirectory(prefix="readmode-md-") as work:
        pages = corpus_pages(shared, work)
        if only:
            pages = [p for p in pages if any(o in p for o in only.split(","))]
        if not pages:
            skip(shared + "/corpus not found")
        run = subprocess.run([readmode, "-f", "json", "-q", "--files-from", "-", "-0"],
                             input="\0".join(pages).encode() + b"\0",
                             capture_output=True, check=False)
        if run.returncode != 0:
            print(run.stderr.decode(errors="replace"))
            sys.exit(1)
        failures, compared = [], 0
        # Split on "\n" only: a JSON string may hold U+2028 and friends,
        # which str.splitlines() would also split on.
        for line in run.stdout.decode().split("\n"):
            if not line:
                continue
            record = json.loads(line)
            article = record.get("article")
            if not article:
                continue
            compared += 1
            back = subprocess.run([cmark, "--unsafe", "-e", "table", "-e", "strikethrough"],
                                  input=article["markdown"].encode(), capture_output=True,
                                  check=True).stdout.decode()
            mine, theirs = read(article["html"], True), read(back)
            name = os.path.relpath(record["file"], work) if record["file"].startswith(work) \
                else os.path.relpath(record["file"], shared)
            for what, a, b in (("words", mine.words, theirs.words),
                               ("links", mine.links, theirs.links),
                               ("emphasis", mine.emphasis, theirs.emphasis)):
                diff = first_difference(a, b)
                if diff:
                    failures.append((name, what, diff))
        pages_failed = len({f[0] for f in failures})
        print("check-markdown: %d pages, cmark-gfm(markdown) agrees with the reader HTML on "
              "%d (words, links and emphasis)" % (compared, compared - pages_failed))
        for name, what, (i, a, b) in failures:
            print("  %s: %s differ at %d:\n    html:     %s\n    markdown: %s" % (name, what, i, a, b))
        if pages_failed:
            print("check-markdown: FAILED, %d of %d pages differ" % (pages_failed, compared))
            sys.exit(1)


if __name__ == "__main__":
    main()
