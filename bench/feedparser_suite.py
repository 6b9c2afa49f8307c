#!/usr/bin/env python3
"""Measure `carta convert` against the well-formed tests of Python's feedparser.

Usage:
    python3 bench/feedparser_suite.py --suite DIR --carta BIN [--carta BIN2 ...]
                                      [--list-failures] [--list-excluded] [--jobs N]

DIR is feedparser's `tests` directory (or its `tests/wellformed`); get it from
https://github.com/kurtmckee/feedparser (nothing of it is kept in this repository).
Python 3 standard library only.

What is counted
---------------
Every `*.xml` under `wellformed/` carries a comment
`Description: ... Expect: <python expression>` evaluated by feedparser's own test
against the parsed result.  This script reads that expression with `ast`, never with
`eval`: a small evaluator knows only and/or/not, comparisons (== != in `not in` is),
constants, tuples and `len()`, and the names `bozo`, `feed`/`channel` and
`entries`/`items`.  Anything else makes the case "not mapped".

Folders left out entirely (listed in the output with their counts):
  * http/ and every file named http_* in other folders (base/, lang/): feedparser
               serves these over HTTP (status, redirects, the document URI and the
               Content-Location / Content-Language headers they resolve against, as
               its own runner does for any path containing "http"); Carta reads a file.
  * sanitize/  tests feedparser's HTML sanitizer and URI resolution inside markup;
               Carta does no sanitizing in the converter (the widget renders its own
               subset), so these would measure a feature Carta does not claim.
  * cdf/       Microsoft Channel Definition Format, which Carta does not read.
All other folders count (amp, atom, atom10, base, feedburner, geo, itunes, lang,
media-rss, namespace, node_precedence, psc, rdf, rss, sgml, xml).

A case counts only when every feedparser field its expression touches has a Carta
equivalent (feedparser aliases resolved first: description→summary (entries) or
subtitle (feed), tagline→subtitle, guid→id, date/modified→updated, issued→published,
channel→feed, items→entries, url→href, category→tags[0].term):

  feedparser                                   Carta JSON Feed
  feed title, title_detail.value               title
  feed link                                    home_page_url
  feed subtitle, subtitle_detail.value         description
  feed language                                language
  feed / entry author, author_detail.name,     authors[0].name (authors[j].name)
        authors[j].name
  feed / entry author_detail.href, authors[j].href   authors[j].url
  entry title, title_detail.value              items[i].title
  entry summary, summary_detail.value          items[i].summary, else the text of
                                               content_text / content_html (the text
                                               Carta derives when there is no body)
  entry content[0].value                       content_html (its visible text) or
                                               content_text
  entry link                                   items[i].url
  entry id                                     items[i].id
  entry published_parsed, created_parsed       date_published
  entry updated_parsed                         date_modified, else date_published
                                               (feedparser itself falls back from
                                               updated_parsed to published_parsed)
  entry tags[0].term (category), tags[j].term  _carta.category, tags[j-1]
  entry enclosures[0].href,                    image
        media_content[0].url, media_thumbnail[0].url
  entries (len), bozo                          items (len); bozo = carta failed
                                               (exit status not 0 or no JSON)

Not mapped (excluded, counted by reason): e-mail addresses (Carta keeps names only),
raw date strings (Carta normalises to RFC 3339; the *_parsed forms are compared
instead), feed-level dates, links[] / rel / type, *_detail type/language/base, rights,
generator, source, contributors, comments, itunes_*, geo, psc, cloud, textinput,
feed image/tags, version/encoding/namespaces, and key-presence tests (`'x' in feed`).
Cases whose expression touches no field at all (`1`, `not bozo`) are excluded too; they
are reported as a separate "read without error" rate.

How values are compared
-----------------------
* Dates: Carta's RFC 3339 value converted to a UTC time tuple (year, month, day, hour,
  minute, second, weekday, yearday, 0), as feedparser's *_parsed are UTC struct_times.
* Text: feedparser hands title, summary and content over as HTML (markup kept) where
  Carta gives plain text (title, summary, content_text) or HTML (content_html).  A case
  passes on the same visible text: the expectation's visible text (tags removed,
  entities decoded, whitespace collapsed) must equal Carta's text with whitespace
  collapsed and character references decoded (as Carta's own JSON reader does, see
  src/core/feed.cpp: the converter writes a literal "&#38;" as "&amp;#38;"; tags in a
  plain-text field are not removed, since Carta shows them as typed); content_html
  is reduced to visible text like the expectation.  The exception is feedparser's
  tests of plain-text content (file name contains "text_plain", e.g. an Atom title
  type="text" holding "<blink>"): there feedparser's value is plain text and is
  compared as written.  `in` on text is tested the same way.
  A title, summary, description or content Carta leaves out counts as empty text
  (Carta drops a field with no visible text, e.g. a title that is only an <img>).
* Author: feedparser's `author` string is "Name (mail)"; Carta keeps names only (by
  design), so the name part of the expectation is compared.
* Categories: Carta takes an Atom category's `label` before its `term` (README), so
  feedparser's `term` tests fail where a label differs; they are left counted.
* Other fields Carta leaves out where the expectation reads them are failures
  ("missing"), as feedparser's test would raise KeyError.
* FeedParserDict's attribute access (`entries[0].tags[0].term`) is read as subscripts.

With --with-encoding, feedparser's tests/encoding (legacy character sets, byte order
marks, declared vs actual encodings) are added as folder "encoding": their cases
mostly read `encoding` (not mapped: Carta does not report the encoding it used) or
expect bozo (feedparser's warning when it overrides a declaration; not mapped), so only
the few that read a title or description count.  Not part of the main figure.

The counts are printed per binary by feed format (root element: Atom 0.3's namespace,
Atom 1.0, RSS 0.9x/2.0, RSS 1.0), by feedparser folder and by the first Carta field
the expression reads, with the failures grouped by field and kind.

Each file is run as `BIN convert FILE` (10 s timeout); a crash, timeout, or a non-zero
exit is reported, and makes `not bozo` false.
"""

import argparse
import ast
import calendar
import collections
import concurrent.futures
import datetime
import html
import json
import os
import re
import subprocess
import sys

DESC_RE = re.compile(r"Description:\s*(.*?)\s*Expect:\s*(.*)\s*-->")
SKIP_DIRS = {
    "http": "needs an HTTP server (headers, status)",
    "http_*": "files named http_* elsewhere: feedparser serves them over HTTP (document URI, Content-Location, Content-Language)",
    "sanitize": "HTML sanitizing, which the converter does not do",
    "cdf": "Channel Definition Format, not read by Carta",
}
ALIASES = {
    "guid": "id", "date": "updated", "date_parsed": "updated_parsed",
    "modified": "updated", "modified_parsed": "updated_parsed",
    "issued": "published", "issued_parsed": "published_parsed",
    "copyright": "rights", "copyright_detail": "rights_detail",
    "tagline": "subtitle", "tagline_detail": "subtitle_detail", "url": "href",
}


class NotMapped(Exception):
    pass


class Missing(Exception):
    """The field is absent from Carta's output (feedparser would raise KeyError)."""


# ---------------------------------------------------------------- path mapping

def norm_key(key, level):
    if isinstance(key, str):
        if key == "description":
            return "subtitle" if level == "feed" else "summary"
        if key == "description_detail":
            return "subtitle_detail" if level == "feed" else "summary_detail"
        return ALIASES.get(key, key)
    return key


def map_path(root, keys):
    """Map a feedparser access path to (field, getter), or raise NotMapped.

    root is 'bozo', 'feed' or 'entries'; keys the subscripts after it (str or int).
    The getter takes the Carta JSON (dict, or None when carta failed)."""
    if root == "bozo":
        if keys:
            raise NotMapped("bozo[...]")
        return "bozo", None
    if root == "entries":
        if not keys:
            return "len(entries)", lambda doc: _items(doc)
        if not isinstance(keys[0], int):
            raise NotMapped("entries[%r]" % (keys[0],))
        i = keys[0]
        rest = [norm_key(k, "entry") for k in keys[1:]]
        field, get = _map_entry(rest)
        return field, (lambda doc, i=i, get=get: get(_item(doc, i)))
    if root == "feed":
        rest = [norm_key(k, "feed") for k in keys]
        return _map_feed(rest)
    raise NotMapped(root)


def _items(doc):
    if doc is None:
        raise Missing("no output")
    return doc.get("items", [])


def _item(doc, i):
    items = _items(doc)
    if i >= len(items) or i < -len(items):
        raise Missing("items[%d]" % i)
    return items[i]


def _get(obj, key, kind=None):
    if obj is None:
        raise Missing("no output")
    if key not in obj:
        if kind == "plain" and key in ("title", "description"):
            return Text("", "absent")
        raise Missing(key)
    v = obj[key]
    return Text(v, kind) if kind and isinstance(v, str) else v


def _author(obj, j, key):
    authors = _get(obj, "authors")
    if j >= len(authors):
        raise Missing("authors[%d]" % j)
    return _get(authors[j], key, "plain")


def _map_authors(rest, what):
    # author / author_detail.name / author_detail.href / authors[j].name|href
    if rest == ["author"]:
        return "authors", lambda o: Text(_author(o, 0, "name"), "name")
    if len(rest) == 2 and rest[0] == "author_detail":
        if rest[1] == "name":
            return "authors", lambda o: _author(o, 0, "name")
        if rest[1] == "href":
            return "authors", lambda o: _author(o, 0, "url")
        raise NotMapped("%s author_detail[%r]" % (what, rest[1]))
    if len(rest) == 3 and rest[0] == "authors" and isinstance(rest[1], int):
        j, k = rest[1], rest[2]
        if k == "name":
            return "authors", lambda o, j=j: _author(o, j, "name")
        if k == "href":
            return "authors", lambda o, j=j: _author(o, j, "url")
        raise NotMapped("%s authors[][%r]" % (what, k))
    return None


def _map_feed(rest):
    if not rest:
        raise NotMapped("feed (whole)")
    text_fields = {"title": "title", "subtitle": "description"}
    for fp, carta in text_fields.items():
        if rest == [fp] or rest == [fp + "_detail", "value"]:
            return carta, lambda d, c=carta: _get(d, c, "plain")
    if rest == ["link"]:
        return "home_page_url", lambda d: _get(d, "home_page_url", "plain")
    if rest == ["language"]:
        return "language", lambda d: _get(d, "language", "plain")
    a = _map_authors(rest, "feed")
    if a:
        return a
    raise NotMapped("feed" + "".join("[%r]" % k for k in rest[:2]))


def _summary(it):
    if it is None:
        raise Missing("no output")
    if "summary" in it:
        return Text(it["summary"], "plain")
    if "content_text" in it:
        return Text(it["content_text"], "plain")
    if "content_html" in it:
        return Text(it["content_html"], "html")
    return Text("", "absent")


def _content(it):
    if it is None:
        raise Missing("no output")
    if "content_html" in it:
        return Text(it["content_html"], "html")
    if "content_text" in it:
        return Text(it["content_text"], "plain")
    return Text("", "absent")


def _date(it, *keys):
    for k in keys:
        if it is not None and k in it:
            return parse_date(it[k])
    raise Missing("/".join(keys))


def _tags(it):
    if it is None:
        raise Missing("no output")
    return ([it["_carta"]["category"]] if "category" in it.get("_carta", {}) else []) + it.get("tags", [])


def _tag(it, j):
    tags = _tags(it)
    if j >= len(tags):
        raise Missing("tags[%d]" % j)
    return Text(tags[j], "plain")


def _map_entry(rest):
    if not rest:
        raise NotMapped("entries[i] (whole)")
    if rest == ["title"] or rest == ["title_detail", "value"]:
        return "title", lambda it: _get(it, "title", "plain")
    if rest == ["summary"] or rest == ["summary_detail", "value"]:
        return "summary", _summary
    if rest == ["content", 0, "value"]:
        return "content", _content
    if rest == ["link"]:
        return "url", lambda it: _get(it, "url", "plain")
    if rest == ["id"]:
        return "id", lambda it: _get(it, "id", "plain")
    if rest in (["published_parsed"], ["created_parsed"]):
        return "date_published", lambda it: _date(it, "date_published")
    if rest == ["updated_parsed"]:
        return "date_modified", lambda it: _date(it, "date_modified", "date_published")
    if rest == ["category"]:
        return "category/tags", lambda it: _tag(it, 0)
    if rest == ["tags"]:
        return "category/tags", lambda it: [_tag(it, j) for j in range(len(_tags(it)))]
    if len(rest) == 3 and rest[0] == "tags" and isinstance(rest[1], int) and rest[2] == "term":
        return "category/tags", lambda it, j=rest[1]: _tag(it, j)
    if rest in (["enclosures", 0, "href"], ["media_content", 0, "href"],
                ["media_thumbnail", 0, "href"]):
        return "image", lambda it: _get(it, "image", "plain")
    a = _map_authors(rest, "entry")
    if a:
        return a
    raise NotMapped("entries[i]" + "".join("[%r]" % k for k in rest[:2]))


# ---------------------------------------------------------------- values

class Text(str):
    """A Carta string with its kind: 'plain' text or 'html'."""

    def __new__(cls, value, kind):
        s = super().__new__(cls, value)
        s.kind = kind
        return s


TAG_RE = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def collapse(s):
    return " ".join(s.split())


def visible(s):
    return collapse(html.unescape(TAG_RE.sub(" ", s)))


def carta_forms(t):
    if t.kind == "absent":
        return {""}
    if t.kind == "html":
        return {collapse(t), visible(t)}
    # plain text and names: Carta's JSON reader decodes character references in them
    # (src/core/feed.cpp), so "&amp;" in the JSON is shown as "&".
    return {collapse(t), collapse(html.unescape(t))}


def text_forms(v):
    if isinstance(v, Text):
        return carta_forms(v)
    return {collapse(v), visible(v)}


NAME_MAIL = [re.compile(r"^(.+?) \((\S+@\S+)\)$"), re.compile(r"^(\S+@\S+) \((.+)\)$")]


def name_part(expected):
    """feedparser's `author` is "Name (mail)"; Carta keeps names only, by design."""
    m = NAME_MAIL[0].match(expected)
    if m:
        return m.group(1)
    m = NAME_MAIL[1].match(expected)
    return m.group(2) if m else expected


PLAIN_EXPECTED = False  # set per case: feedparser's value is plain text, not HTML


def expected_forms(expected, carta):
    """The forms of feedparser's value that may equal Carta's text: its visible text
    (feedparser hands title, summary and content over as HTML), or, in the tests of
    plain-text content (file names with "text_plain"), the value as written."""
    return {collapse(expected)} if PLAIN_EXPECTED else {visible(expected)}


def text_eq(a, b):
    if isinstance(b, Text) and not isinstance(a, Text):
        a, b = b, a
    if isinstance(a, Text) and not isinstance(b, Text):
        if a.kind == "name":
            b = name_part(b)
        return bool(carta_forms(a) & expected_forms(b, a))
    return bool(text_forms(a) & text_forms(b))


def text_in(needle, hay):
    if isinstance(hay, Text) and not isinstance(needle, Text):
        return any(n in h for n in expected_forms(needle, hay) for h in carta_forms(hay))
    return any(n in h for n in text_forms(needle) for h in text_forms(hay))


def parse_date(s):
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)", s)
    if not m:
        return ("unparsable", s)
    y, mo, d, h, mi, se = (int(x) for x in m.groups()[:6])
    tz = m.group(8)
    off = 0 if tz == "Z" else (1 if tz[0] == "+" else -1) * (int(tz[1:3]) * 60 + int(tz[4:6]))
    dt = datetime.datetime(y, mo, d, h, mi, se) - datetime.timedelta(minutes=off)
    t = dt.timetuple()
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, 0)


# ---------------------------------------------------------------- expressions

def access_path(node):
    """(root, [keys]) for Name / Subscript chains, else None."""
    keys = []
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        if isinstance(node, ast.Attribute):  # FeedParserDict allows entries[0].tags
            keys.append(node.attr)
            node = node.value
            continue
        sl = node.slice
        if isinstance(sl, ast.Index):  # Python < 3.9
            sl = sl.value
        if isinstance(sl, ast.UnaryOp) and isinstance(sl.op, ast.USub) and isinstance(sl.operand, ast.Constant):
            k = -sl.operand.value
        elif isinstance(sl, ast.Constant) and isinstance(sl.value, (str, int)):
            k = sl.value
        else:
            raise NotMapped("computed subscript")
        keys.append(k)
        node = node.value
    if isinstance(node, ast.Name):
        root = {"channel": "feed", "items": "entries"}.get(node.id, node.id)
        return root, list(reversed(keys))
    return None


def analyse(expr):
    """Return (tree, fields) or raise NotMapped(reason)."""
    try:
        tree = ast.parse(expr, mode="eval")
    except SyntaxError:
        raise NotMapped("unparsable expression")
    fields = []
    if re.match(r"\s*bozo\b", expr):
        raise NotMapped("expects bozo (a feedparser warning, e.g. an encoding override)")

    def visit(n):
        if isinstance(n, ast.Expression):
            return visit(n.body)
        if isinstance(n, ast.BoolOp):
            return [visit(v) for v in n.values]
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, (ast.Not, ast.USub)):
            return visit(n.operand)
        if isinstance(n, ast.Compare):
            visit(n.left)
            for c in n.comparators:
                visit(c)
            return
        if isinstance(n, ast.Call):
            if isinstance(n.func, ast.Name) and n.func.id == "len" and len(n.args) == 1 and not n.keywords:
                return visit(n.args[0])
            raise NotMapped("call of %s()" % (getattr(n.func, "attr", None) or getattr(n.func, "id", "?")))
        if isinstance(n, (ast.Tuple, ast.List)):
            return [visit(e) for e in n.elts]
        if isinstance(n, ast.Constant):
            return
        if isinstance(n, ast.Dict):
            raise NotMapped("dict comparison")
        p = access_path(n)
        if p is None:
            raise NotMapped("unsupported expression: " + type(n).__name__)
        field, _ = map_path(*p)
        fields.append(field)

    visit(tree)
    real = [f for f in fields if f != "bozo"]
    if not real:
        raise NotMapped("no field (only bozo or constant)")
    return tree, real


class Evaluator:
    def __init__(self, doc):
        self.doc = doc  # Carta JSON or None

    def ev(self, n):
        if isinstance(n, ast.Expression):
            return self.ev(n.body)
        if isinstance(n, ast.BoolOp):
            if isinstance(n.op, ast.And):
                r = True
                for v in n.values:
                    r = self.ev(v)
                    if not r:
                        return r
                return r
            r = False
            for v in n.values:
                try:
                    r = self.ev(v)
                except Missing:
                    r = False
                if r:
                    return r
            return r
        if isinstance(n, ast.UnaryOp):
            v = self.ev(n.operand)
            return (not v) if isinstance(n.op, ast.Not) else -v
        if isinstance(n, ast.Compare):
            left = self.ev(n.left)
            for op, c in zip(n.ops, n.comparators):
                right = self.ev(c)
                if not self.cmp(op, left, right):
                    return False
                left = right
            return True
        if isinstance(n, ast.Call):
            return len(self.ev(n.args[0]))
        if isinstance(n, ast.Tuple):
            return tuple(self.ev(e) for e in n.elts)
        if isinstance(n, ast.List):
            return [self.ev(e) for e in n.elts]
        if isinstance(n, ast.Constant):
            return n.value
        root, keys = access_path(n)
        field, get = map_path(root, keys)
        if field == "bozo":
            return self.doc is None
        return get(self.doc)

    @staticmethod
    def cmp(op, a, b):
        if isinstance(op, (ast.Eq, ast.NotEq)):
            if isinstance(a, str) and isinstance(b, str):
                eq = text_eq(a, b)
            else:
                eq = a == b
            return eq if isinstance(op, ast.Eq) else not eq
        if isinstance(op, (ast.In, ast.NotIn)):
            if isinstance(a, str) and isinstance(b, str):
                r = text_in(a, b)
            else:
                r = a in b
            return r if isinstance(op, ast.In) else not r
        if isinstance(op, ast.Is):
            return a is b
        if isinstance(op, ast.IsNot):
            return a is not b
        raise NotMapped("operator")

    def explain(self, fields_tree):
        """The actual values of the fields the expression reads, for reports."""
        out = []
        for n in ast.walk(fields_tree):
            try:
                p = access_path(n) if isinstance(n, (ast.Subscript, ast.Attribute, ast.Name)) else None
            except NotMapped:
                p = None
            if not p or p[0] not in ("feed", "entries") or isinstance(n, ast.Name):
                continue
            label = ast.unparse(n) if hasattr(ast, "unparse") else str(p)
            try:
                _, get = map_path(*p)
                v = get(self.doc)
                v = str(v) if isinstance(v, Text) else v
            except Missing as e:
                v = "<missing %s>" % e
            except NotMapped:
                continue
            out.append("%s -> %r" % (label, v))
        return out


# ---------------------------------------------------------------- running

def find_cases(suite, with_encoding=False):
    base = os.path.join(suite, "wellformed")
    if not os.path.isdir(base):
        base = suite
    cases, skipped = [], collections.Counter()
    roots = [base]
    if with_encoding:
        roots.append(os.path.join(os.path.dirname(os.path.abspath(base)), "encoding"))
    for dirpath, dirnames, filenames in (w for r in roots for w in os.walk(r)):
        dirnames.sort()
        for fn in sorted(filenames):
            if not fn.endswith(".xml"):
                continue
            path = os.path.join(dirpath, fn)
            rel = os.path.relpath(path, base)
            if rel.startswith(".." + os.sep):
                rel = rel[3:]
            top = rel.split(os.sep)[0]
            if top in SKIP_DIRS:
                skipped[top] += 1
                continue
            if "http" in rel:  # feedparser's runner serves these over HTTP too
                skipped["http_*"] += 1
                continue
            with open(path, "rb") as f:
                text = decode_like_feedparser_tests(f.read())
            m = DESC_RE.search(text)
            if not m:
                skipped["(no Expect comment)"] += 1
                continue
            cases.append({"path": path, "rel": rel, "top": top, "format": feed_format(text),
                          "desc": m.group(1).strip(), "expr": m.group(2).strip()})
    return cases, skipped


def feed_format(text):
    body = re.sub(r"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", "", text, flags=re.S)
    m = re.search(r"<([A-Za-z][\w:.-]*)([^>]*)>", body)
    if not m:
        return "?"
    root, attrs = m.group(1).lower(), m.group(2)
    if root.endswith("feed"):
        return "Atom 0.3" if "purl.org/atom/ns" in attrs else "Atom 1.0"
    if root.endswith("rdf"):
        return "RSS 1.0 (RDF)"
    if root.endswith("rss"):
        return "RSS 0.9x/2.0"
    return "other (<%s>)" % root


def decode_like_feedparser_tests(data):
    # Only to read the comment; Carta gets the file's bytes.
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32le"),
                     (b"\x00\x00\xfe\xff", "utf-32be"), (b"\xff\xfe", "utf-16le"),
                     (b"\xfe\xff", "utf-16be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "ignore")
    if data[:4] == b"\x3c\x00\x3f\x00":
        return data.decode("utf-16le", "ignore")
    if data[:4] == b"\x00\x3c\x00\x3f":
        return data.decode("utf-16be", "ignore")
    return data.decode("utf-8", "ignore")


def run_carta(binary, path):
    try:
        p = subprocess.run([binary, "convert", path], capture_output=True, timeout=10)
    except subprocess.TimeoutExpired:
        return None, "timeout after 10 s"
    err = p.stderr.decode("utf-8", "replace").strip()
    if p.returncode < 0:
        return None, "crash (signal %d) %s" % (-p.returncode, err[-200:])
    doc = None
    try:
        doc = json.loads(p.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        doc = None
    if p.returncode != 0 or doc is None:
        first = next((l for l in err.splitlines() if l.startswith("error")), err.splitlines()[0] if err else "")
        return None, "exit %d: %s" % (p.returncode, first[:200])
    return doc, None


EXCLUSION_GROUPS = [
    ("no field read (only `not bozo` or a constant)", r"^no field"),
    ("language/type/base of a field (*_detail metadata)", r"_detail'\]\['(language|type|base)'\]|\['content'\]"),
    ("e-mail addresses (Carta keeps names only)", r"email|publisher"),
    ("links[], enclosure type/length, guidislink", r"links|enclosures|guidislink|\['image'\]|href"),
    ("Atom entry source", r"\['source'\]"),
    ("rights / copyright", r"rights"),
    ("contributors", r"contributors"),
    ("raw date strings and feed-level dates", r"updated|published|created|validity"),
    ("iTunes, GeoRSS, Podlove chapters, other extensions", r"itunes|where|psc|media_|wfw|thr|cloud|textinput|ttl|docs|comments"),
    ("feed id, info, tags, generator, version, other", r""),
]


def exclusion_group(reason):
    for name, rx in EXCLUSION_GROUPS:
        if re.search(rx, reason):
            return name
    return EXCLUSION_GROUPS[-1][0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--suite", required=True, help="feedparser's tests/ (or tests/wellformed/)")
    ap.add_argument("--carta", action="append", required=True, help="carta binary (repeatable)")
    ap.add_argument("--list-failures", action="store_true")
    ap.add_argument("--list-excluded", action="store_true")
    ap.add_argument("--with-encoding", action="store_true",
                    help="also feedparser's tests/encoding (character sets), reported as folder encoding")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()

    cases, skipped = find_cases(args.suite, args.with_encoding)
    counted, excluded = [], collections.Counter()
    excluded_cases = []
    for c in cases:
        try:
            c["tree"], c["fields"] = analyse(c["expr"])
            counted.append(c)
        except NotMapped as e:
            reason = re.sub(r"\[-?\d+\]", "[]", str(e))
            excluded[reason] += 1
            excluded_cases.append((c, reason))

    print("feedparser well-formed suite: %d files considered, %d folders' files skipped:"
          % (len(cases) + sum(skipped.values()), sum(skipped.values())))
    for k, n in sorted(skipped.items()):
        print("  skipped %-10s %4d  (%s)" % (k, n, SKIP_DIRS.get(k, "")))
    print("%d cases whose expectation reads fields Carta maps; %d excluded as not mapped:"
          % (len(counted), sum(excluded.values())))
    groups = collections.Counter()
    for reason, n in excluded.items():
        groups[exclusion_group(reason)] += n
    for name, n in groups.most_common():
        print("  %4d  %s" % (n, name))
    if args.list_excluded:
        print("  by field read:")
        for reason, n in excluded.most_common():
            print("    %4d  %s" % (n, reason))
        for c, reason in excluded_cases:
            print("    excluded %s [%s]: %s" % (c["rel"], reason, c["expr"]))
    print()

    all_files = cases
    for binary in args.carta:
        results = {}
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            futs = {pool.submit(run_carta, binary, c["path"]): c["path"] for c in all_files}
            for f in concurrent.futures.as_completed(futs):
                results[futs[f]] = f.result()
        read_ok = sum(1 for c in all_files if results[c["path"]][0] is not None)
        crashes = [(c["rel"], results[c["path"]][1]) for c in all_files
                   if results[c["path"]][1] and results[c["path"]][1].startswith(("crash", "timeout"))]
        by_top = collections.defaultdict(lambda: [0, 0])
        by_field = collections.defaultdict(lambda: [0, 0])
        by_format = collections.defaultdict(lambda: [0, 0])
        failures = []
        kinds = collections.Counter()
        for c in counted:
            doc, err = results[c["path"]]
            ev = Evaluator(doc)
            global PLAIN_EXPECTED
            PLAIN_EXPECTED = "text_plain" in os.path.basename(c["path"])
            try:
                ok = bool(ev.ev(c["tree"]))
                why = None if ok else "mismatch"
            except Missing as e:
                ok, why = False, "missing %s" % e
            if err:
                ok, why = False, err
            for key, table in ((c["top"], by_top), (c["fields"][0], by_field), (c["format"], by_format)):
                table[key][0] += 1
                table[key][1] += ok
            if not ok:
                kinds["%s: %s" % (c["fields"][0], re.sub(r":.*|\[\d+\]", "", why))] += 1
                failures.append((c, why, ev.explain(c["tree"]) if doc is not None else []))
        n, p = len(counted), len(counted) - len(failures)
        print("== %s" % binary)
        print("read without error: %d / %d files (%.1f %%); crashes/timeouts: %d"
              % (read_ok, len(all_files), 100.0 * read_ok / max(1, len(all_files)), len(crashes)))
        for rel, e in crashes:
            print("  %s: %s" % (rel, e))
        if args.list_failures:
            for c in all_files:
                err = results[c["path"]][1]
                if err and not err.startswith(("crash", "timeout")):
                    print("  not read: %s: %s" % (c["rel"], err[:160]))
        print("mapped cases: %d  passed: %d  %.1f %%" % (n, p, 100.0 * p / max(1, n)))
        for title, table in (("by format", by_format), ("by folder", by_top), ("by field", by_field)):
            print("  %s:" % title)
            for k, (tn, tp) in sorted(table.items(), key=lambda kv: -kv[1][0]):
                print("    %-18s %4d / %4d  %5.1f %%" % (k, tp, tn, 100.0 * tp / tn))
        print("  failures by field and kind:")
        for k, kn in kinds.most_common():
            print("    %4d  %s" % (kn, k))
        if args.list_failures:
            print("  failures:")
            for c, why, actual in failures:
                print("  - %s [%s] %s" % (c["rel"], c["fields"][0], why))
                print("      expect: %s" % c["expr"])
                for a in actual:
                    print("      actual: %s" % a)
        print()


if __name__ == "__main__":
    main()
