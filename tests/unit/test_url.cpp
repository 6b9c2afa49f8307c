// URL rules: relative references resolve against the feed's location; only http(s) stays.
#include <doctest/doctest.h>

#include "core/url.h"

using namespace carta;

TEST_CASE("RFC 3986 reference resolution (section 5.4 examples)") {
  const char* base = "http://a/b/c/d;p?q";
  CHECK(resolve_url("g", base) == "http://a/b/c/g");
  CHECK(resolve_url("./g", base) == "http://a/b/c/g");
  CHECK(resolve_url("g/", base) == "http://a/b/c/g/");
  CHECK(resolve_url("/g", base) == "http://a/g");
  CHECK(resolve_url("//g", base) == "http://g");
  CHECK(resolve_url("?y", base) == "http://a/b/c/d;p?y");
  CHECK(resolve_url("g?y", base) == "http://a/b/c/g?y");
  CHECK(resolve_url("#s", base) == "http://a/b/c/d;p?q#s");
  CHECK(resolve_url("", base) == "http://a/b/c/d;p?q");
  CHECK(resolve_url("..", base) == "http://a/b/");
  CHECK(resolve_url("../g", base) == "http://a/b/g");
  CHECK(resolve_url("../..", base) == "http://a/");
  CHECK(resolve_url("../../../g", base) == "http://a/g");
  CHECK(resolve_url("/./g", base) == "http://a/g");
  CHECK(resolve_url("g/../h", base) == "http://a/b/c/h");
}

TEST_CASE("http and https survive, resolved against the feed") {
  SafeUrl u = make_safe_url("images/a.jpg", "https://news.example/feeds/levant.json");
  CHECK(u.verdict == UrlVerdict::ok);
  CHECK(u.url == "https://news.example/feeds/images/a.jpg");
  CHECK(make_safe_url("HTTPS://news.example/x", "").url == "https://news.example/x");
  CHECK(make_safe_url("http://news.example/a b", "").verdict == UrlVerdict::ok);
}

TEST_CASE("unsafe schemes are refused, however they are disguised") {
  const char* hostile[] = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)",
                           "java\tscript:alert(1)", "java\nscript:alert(1)", "\x01javascript:alert(1)",
                           "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "file:///etc/passwd",
                           "DATA:image/png;base64,AAAA"};
  for (const char* h : hostile) {
    CAPTURE(h);
    SafeUrl u = make_safe_url(h, "https://news.example/feed.json");
    CHECK(u.verdict == UrlVerdict::unsafe_scheme);
    CHECK(u.url.empty());
  }
  CHECK(make_safe_url("java\tscript:x", "").scheme == "javascript");
}

TEST_CASE("relative references need an absolute base; malformed http URLs are refused") {
  CHECK(make_safe_url("a.jpg", "").verdict == UrlVerdict::malformed);
  CHECK(make_safe_url("http:foo", "").verdict == UrlVerdict::malformed);
  CHECK(make_safe_url("https://", "").verdict == UrlVerdict::malformed);
  CHECK(make_safe_url("   ", "https://x/").verdict == UrlVerdict::empty);
  // A URL with no host, written or reached by resolving (found by the fuzzer: an author
  // link of "//").
  CHECK(make_safe_url("https:///path", "").verdict == UrlVerdict::malformed);
  CHECK(make_safe_url("https://?q", "").verdict == UrlVerdict::malformed);
  CHECK(make_safe_url("//", "https://fuzz.example/feeds/feed.json").verdict == UrlVerdict::malformed);
  CHECK(make_safe_url("///x", "https://fuzz.example/feeds/feed.json").verdict == UrlVerdict::malformed);
  CHECK(make_safe_url("//cdn.example/a.jpg", "https://fuzz.example/f.json").url == "https://cdn.example/a.jpg");
}

TEST_CASE("a feed read from a file keeps relative images beside it") {
  SafeUrl u = make_safe_url("images/a.jpg", "file:///srv/feeds/demo.json");
  CHECK(u.verdict == UrlVerdict::ok);
  CHECK(u.url == "file:///srv/feeds/images/a.jpg");
  // ...but an absolute file: URL inside the feed is refused.
  CHECK(make_safe_url("file:///etc/passwd", "file:///srv/feeds/demo.json").verdict == UrlVerdict::unsafe_scheme);
}
