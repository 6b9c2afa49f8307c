// URL cleaning and RFC 3986 resolution, small and dependency-free.
#include "core/url.h"

#include <algorithm>
#include <cctype>

namespace carta {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Length of a leading "scheme:" (including the colon), or 0 when there is none.
std::size_t scheme_length(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return i + 1;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

// Views into the reference they were split from.
struct Parts {
  std::string_view scheme;  // without ':', as written
  bool has_authority = false;
  std::string_view authority;
  std::string_view path;
  bool has_query = false;
  std::string_view query;
  bool has_fragment = false;
  std::string_view fragment;
};

Parts split(std::string_view s) {
  Parts p;
  std::size_t n = scheme_length(s);
  if (n) {
    p.scheme = s.substr(0, n - 1);
    s.remove_prefix(n);
  }
  if (auto hash = s.find('#'); hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (auto q = s.find('?'); q != std::string_view::npos) {
    p.has_query = true;
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.substr(0, 2) == "//") {
    p.has_authority = true;
    s.remove_prefix(2);
    auto slash = s.find('/');
    p.authority = s.substr(0, slash);
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = s;
  return p;
}

std::string remove_dot_segments(std::string_view path) {
  // No "." or ".." segment (most paths): the loop below would give the path back as is.
  if (path.find("/.") == std::string_view::npos && (path.empty() || path[0] != '.')) return std::string(path);
  std::string in(path);
  std::string out;
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) in.erase(0, 3);
    else if (in.rfind("./", 0) == 0) in.erase(0, 2);
    else if (in.rfind("/./", 0) == 0) in.erase(0, 2);
    else if (in == "/.") in = "/";
    else if (in.rfind("/../", 0) == 0 || in == "/..") {
      in = in == "/.." ? "/" : in.substr(3);
      auto last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      std::size_t start = in[0] == '/' ? 1 : 0;
      std::size_t next = in.find('/', start);
      out += in.substr(0, next);
      in.erase(0, next == std::string::npos ? in.size() : next);
    }
  }
  return out;
}

// What a browser does before parsing: trim C0 controls and spaces, drop tab/CR/LF.
std::string clean(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= 0x20) --e;
  s = s.substr(b, e - b);
  if (s.find_first_of("\t\n\r") == std::string_view::npos) return std::string(s);  // the common case
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

void append_encoded(std::string& out, std::string_view piece) {
  static const char hex[] = "0123456789ABCDEF";
  for (char c : piece) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || c == '#' || c == '"' || c == '<' || c == '>') {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string add_query_params(std::string_view url, std::string_view params) {
  if (url.empty()) return std::string();
  if (!params.empty() && params[0] == '?') params.remove_prefix(1);
  const std::size_t hash = std::min(url.find('#'), url.size());
  const std::size_t q = url.substr(0, hash).find('?');
  std::string out(url.substr(0, hash));
  // "&" + the URL's query + "&" + each piece added + "&": a key is there when "&key=" or
  // "&key&" is (a value holds no '&', so neither can start inside one).
  std::string seen = "&";
  if (q != std::string_view::npos) seen.append(url.substr(q + 1, hash - q - 1)).append("&");
  char separator = q == std::string_view::npos ? '?' : out.back() == '?' || out.back() == '&' ? 0 : '&';
  for (std::size_t at = 0; at < params.size();) {
    const std::size_t end = std::min(params.find('&', at), params.size());
    std::string piece;
    append_encoded(piece, params.substr(at, end - at));
    at = end + 1;
    const std::string key = "&" + piece.substr(0, piece.find('='));
    if (key.size() == 1 || seen.find(key + "=") != std::string::npos || seen.find(key + "&") != std::string::npos)
      continue;
    seen.append(piece).append("&");
    if (separator) out += separator;
    out += piece;
    separator = '&';
  }
  out += url.substr(hash);
  return out;
}

bool is_http_url(std::string_view url) {
  std::size_t n = scheme_length(url);
  if (!n) return false;
  std::string scheme = lower(url.substr(0, n - 1));
  // …and a host: "https:///x" and "https://?q" have none.
  return (scheme == "http" || scheme == "https") && url.substr(n, 2) == "//" && url.size() > n + 2 &&
         url[n + 2] != '/' && url[n + 2] != '?' && url[n + 2] != '#';
}

std::string resolve_url(std::string_view reference, std::string_view base) {
  const Parts r = split(reference);
  const Parts b = split(base);
  Parts t;  // the target; its path is `path`
  std::string path;
  if (!r.scheme.empty()) {
    t = r;
    path = remove_dot_segments(r.path);
  } else {
    if (r.has_authority) {
      t.has_authority = true;
      t.authority = r.authority;
      path = remove_dot_segments(r.path);
      t.has_query = r.has_query;
      t.query = r.query;
    } else {
      if (r.path.empty()) {
        path = std::string(b.path);
        t.has_query = r.has_query || b.has_query;
        t.query = r.has_query ? r.query : b.query;
      } else {
        if (r.path[0] == '/') {
          path = remove_dot_segments(r.path);
        } else {
          std::string merged;
          if (b.has_authority && b.path.empty()) {
            merged = "/";
          } else {
            auto last = b.path.rfind('/');
            if (last != std::string_view::npos) merged = std::string(b.path.substr(0, last + 1));
          }
          merged += r.path;
          path = remove_dot_segments(merged);
        }
        t.has_query = r.has_query;
        t.query = r.query;
      }
      t.has_authority = b.has_authority;
      t.authority = b.authority;
    }
    t.scheme = b.scheme;
  }
  t.has_fragment = r.has_fragment;
  t.fragment = r.fragment;

  std::string out;
  out.reserve(t.scheme.size() + t.authority.size() + path.size() + t.query.size() + t.fragment.size() + 5);
  if (!t.scheme.empty()) {
    out += lower(t.scheme);
    out += ':';
  }
  if (t.has_authority) out.append("//").append(t.authority);
  out += path;
  if (t.has_query) out.append("?").append(t.query);
  if (t.has_fragment) out.append("#").append(t.fragment);
  return out;
}

SafeUrl make_safe_url(std::string_view reference, std::string_view base) {
  SafeUrl out;
  std::string ref = clean(reference);
  if (ref.empty()) return out;
  if (std::size_t n = scheme_length(ref)) {
    std::string scheme = lower(std::string_view(ref).substr(0, n - 1));
    if (scheme != "http" && scheme != "https") {
      out.verdict = UrlVerdict::unsafe_scheme;
      out.scheme = scheme;
      return out;
    }
    if (!is_http_url(ref)) {
      out.verdict = UrlVerdict::malformed;
      return out;
    }
    out.verdict = UrlVerdict::ok;
    // Already normal (lower-case scheme, no dot segments) is the common case: keep as is.
    bool lower_scheme = ref.compare(0, n - 1, scheme) == 0;
    out.url = lower_scheme && ref.find("/.") == std::string::npos ? std::move(ref) : resolve_url(ref, ref);
    return out;
  }
  // A relative reference: only meaningful against an absolute base.
  if (scheme_length(base) == 0) {
    out.verdict = UrlVerdict::malformed;
    return out;
  }
  std::string resolved = resolve_url(ref, base);
  if (is_http_url(base) && !is_http_url(resolved)) {  // "//" alone, say: a network path with no host
    out.verdict = UrlVerdict::malformed;
    return out;
  }
  if (resolved.find_first_of(" \"<>\\^`{|}") != std::string::npos) {
    // Not fatal for browsers, but a sign of a broken feed; spaces are percent-encoded.
    std::string encoded;
    for (char c : resolved) {
      if (c == ' ') encoded += "%20";
      else encoded += c;
    }
    resolved = std::move(encoded);
  }
  out.verdict = UrlVerdict::ok;
  out.url = std::move(resolved);
  return out;
}

}  // namespace carta
