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

TEST_CASE("link-params: campaign parameters added, the URL's own query and fragment kept") {
  const char* params = "utm_source=partner&utm_medium=carta";
  CHECK(add_query_params("https://news.example/a", params) ==
        "https://news.example/a?utm_source=partner&utm_medium=carta");
  CHECK(add_query_params("https://news.example/a?ref=home", params) ==
        "https://news.example/a?ref=home&utm_source=partner&utm_medium=carta");
  CHECK(add_query_params("https://news.example/a?ref=home#comments", params) ==
        "https://news.example/a?ref=home&utm_source=partner&utm_medium=carta#comments");
  CHECK(add_query_params("https://news.example/a#top", params) ==
        "https://news.example/a?utm_source=partner&utm_medium=carta#top");
  // A '?' or '&' the URL ends with is not doubled; a '?' inside the fragment is not a query.
  CHECK(add_query_params("https://news.example/a?", "x=1") == "https://news.example/a?x=1");
  CHECK(add_query_params("https://news.example/a?b=2&", "x=1") == "https://news.example/a?b=2&x=1");
  CHECK(add_query_params("https://news.example/a#frag?b=2", "b=1") == "https://news.example/a?b=1#frag?b=2");
  CHECK(add_query_params("", params).empty());
  CHECK(add_query_params("https://news.example/a", "") == "https://news.example/a");
  CHECK(add_query_params("https://news.example/a", "?x=1") == "https://news.example/a?x=1");
}

TEST_CASE("link-params never duplicate a key") {
  // A key the URL carries keeps the URL's value, with or without one.
  CHECK(add_query_params("https://news.example/a?utm_source=own", "utm_source=partner&utm_medium=carta") ==
        "https://news.example/a?utm_source=own&utm_medium=carta");
  CHECK(add_query_params("https://news.example/a?flag", "flag=1") == "https://news.example/a?flag");
  // A key given twice is added once; empty pieces and empty keys are skipped.
  CHECK(add_query_params("https://news.example/a", "x=1&&x=2&=3&y") == "https://news.example/a?x=1&y");
  // Adding again changes nothing (a related link that is a copy of a card's).
  const std::string once = add_query_params("https://news.example/a?ref=home", "utm_source=p");
  CHECK(add_query_params(once, "utm_source=p") == once);
  // A key is its exact bytes: "utm_source" is not "UTM_SOURCE" nor "utm_sourcex".
  CHECK(add_query_params("https://news.example/a?utm_sourcex=1", "utm_source=p") ==
        "https://news.example/a?utm_sourcex=1&utm_source=p");
}

TEST_CASE("link-params are percent-encoded where a URL cannot hold them") {
  CHECK(add_query_params("https://news.example/a", "utm_campaign=spring sale&tag=#1") ==
        "https://news.example/a?utm_campaign=spring%20sale&tag=%231");
  CHECK(add_query_params("https://news.example/a", "q=\"<x>\"") == "https://news.example/a?q=%22%3Cx%3E%22");
  CHECK(add_query_params("https://news.example/a", "c=\xC3\xA9t\xC3\xA9") == "https://news.example/a?c=%C3%A9t%C3%A9");
}
