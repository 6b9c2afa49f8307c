#!/usr/bin/env python3
"""Writes the golden feeds that are too big to keep in the repository.

    python3 tests/golden/make-large-feeds.py OUT_DIR

Every file is deterministic (same bytes on every run), so the expectations for them sit in
tests/golden/expected.tsv beside the small committed feeds in tests/golden/feeds/. Python 3
standard library only.
"""
import json
import os
import sys

VERSION = "https://jsonfeed.org/version/1.1"
MIB = 1024 * 1024
KIB = 1024


def head(extra=""):
    return '{"version": "%s", "title": "Golden large"%s, "items": [' % (VERSION, extra)


def padded_to(size):
    """A valid one-item feed of exactly `size` bytes (padded with trailing whitespace)."""
    body = head() + '{"id": "a", "title": "Padded"}]}'
    assert len(body) < size
    return (body + "\n" * (size - len(body))).encode()


def feed_with_items(count):
    parts = [head()]
    parts.append(",".join('{"id":"i%d","title":"Item %d"}' % (i, i) for i in range(count)))
    parts.append("]}\n")
    return "".join(parts).encode()


def nested_in_item(depth_total, opener, closer):
    # root object (depth 1) > items (2) > item object (3) > "_x": containers down to depth_total
    inner = depth_total - 3
    return (head() + '{"id": "a", "title": "A", "_x": ' + opener * inner + closer * inner + "}]}\n").encode()


def one_item(**fields):
    item = {"id": "a", "title": "A"}
    item.update(fields)
    return (head() + json.dumps(item, ensure_ascii=False) + "]}\n").encode()


def build():
    files = {}
    # Size limit: 8 MiB is allowed, one byte more is not.
    files["size-exactly-8mib.json"] = padded_to(8 * MIB)
    files["oversize-by-one-byte.json"] = padded_to(8 * MIB + 1)
    files["oversize-9mib.json"] = padded_to(9 * MIB)

    # Item limit: 5 000 used; more are dropped with one warning.
    files["items-5000.json"] = feed_with_items(5000)
    files["items-50000.json"] = feed_with_items(50000)

    # Nesting: 100 000 levels, closed arrays, closed objects, and never closed.
    files["nesting-100000-arrays.json"] = nested_in_item(100000, "[", "]")
    files["nesting-100000-objects.json"] = (
        head() + '{"id": "a", "title": "A", "_x": ' + '{"a": ' * 99997 + "1" + "}" * 99997 + "}]}\n").encode()
    files["nesting-100000-unclosed.json"] = b"[" * 100000

    # Strings over the 64 KiB cut.
    files["huge-string-title-70kib.json"] = one_item(title="T" * (70 * KIB))
    files["huge-string-id-70kib.json"] = one_item(id="I" * (70 * KIB))
    files["huge-string-tag-70kib.json"] = one_item(tags=["t" * (70 * KIB)])
    # 'ب' is two bytes: one byte of padding puts the 64 KiB boundary inside a character.
    files["huge-string-arabic-cut-mid-character.json"] = one_item(summary="x" + "ب" * (35 * KIB), language="ar")

    # Work the reader does per input byte must stay bounded.
    k = (8 * MIB - 200) // 2
    files["diagnostic-flood-tags.json"] = (
        head() + '{"id": "a", "title": "A", "tags": [' + ",".join(["1"] * k) + "]}]}\n").encode()
    files["diagnostic-flood-items.json"] = (head() + ",".join(["0"] * k) + "]}\n").encode()
    amp = "&" * (64 * KIB)
    items = []
    size = 200
    while size + 2 * len(amp) + 64 < 8 * MIB:
        items.append({"id": str(len(items)), "title": amp, "summary": amp})
        size += 2 * len(amp) + 40
    files["entity-flood.json"] = (head() + ",".join(json.dumps(i) for i in items) + "]}\n").encode()
    # Plain text is searched for markup: '<' after '<' with no '>' must not cost a scan each.
    lt = "<b" * (32 * KIB)
    items = []
    size = 200
    while size + 2 * len(lt) + 64 < 8 * MIB:
        items.append({"id": str(len(items)), "title": lt, "summary": lt})
        size += 2 * len(lt) + 40
    files["angle-bracket-flood.json"] = (head() + ",".join(json.dumps(i) for i in items) + "]}\n").encode()
    return files


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-large-feeds.py OUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, data in build().items():
        assert len(data) <= 9 * MIB + 1, name
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
