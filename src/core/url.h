// URLs from a feed: resolved against where the feed came from, and kept only when they are
// safe to open or fetch (http/https; relative references inherit the feed's own scheme).
#pragma once
#include <string>
#include <string_view>

namespace carta {

enum class UrlVerdict { ok, empty, unsafe_scheme, malformed };

struct SafeUrl {
  UrlVerdict verdict = UrlVerdict::empty;
  std::string url;     // absolute, resolved; empty unless verdict == ok
  std::string scheme;  // lower case scheme that was refused, for messages
};

// Cleans `reference` the way browsers do (strips leading/trailing C0 controls and spaces,
// removes tabs and newlines anywhere), resolves it against `base` (RFC 3986 section 5),
// and accepts it when the result is http or https — or, for relative references, when it
// shares the base's scheme (a feed read from a file may point at files beside it).
SafeUrl make_safe_url(std::string_view reference, std::string_view base);

// RFC 3986 reference resolution; `base` must be absolute. Exposed for tests.
std::string resolve_url(std::string_view reference, std::string_view base);

// True when `url` is absolute http:// or https:// (case-insensitive scheme).
bool is_http_url(std::string_view url);

// `url` with the query parameters of `params` ("utm_source=partner&utm_medium=carta", a
// leading '?' allowed) added to its query, before its fragment. A key the URL already
// carries (or that `params` gave before) is not added again; the URL's own query and
// fragment are kept byte for byte. Spaces, '#', quotes, angle brackets and bytes outside
// ASCII in `params` are percent-encoded. An empty `url` stays empty.
std::string add_query_params(std::string_view url, std::string_view params);

}  // namespace carta
