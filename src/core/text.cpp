#include "core/text.h"

#include <cctype>

namespace carta {
namespace {

const char kEllipsis[] = "\xE2\x80\xA6";  // U+2026
// No line holds more than this many bytes; a 64 KiB summary is never measured whole.
constexpr std::size_t kLongestLine = 512;

// Longest prefix of `text` (whole characters) that fits in `max_width`. Binary search:
// widths grow with length, and a line is measured a handful of times, not once per byte.
std::size_t fitting_prefix(std::string_view text, float max_width, TextRole role, const TextMeasure& m) {
  auto continuation = [&](std::size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  // Invariant: lo and hi sit on character boundaries, the prefix of length lo fits, and no
  // prefix longer than hi does.
  std::size_t lo = 0, hi = text.size();
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo + 1) / 2;
    while (continuation(mid)) ++mid;  // ends on a boundary, still in (lo, hi]
    if (m.width(role, text.substr(0, mid)) <= max_width) {
      lo = mid;
    } else {
      hi = mid - 1;
      while (hi > lo && continuation(hi)) --hi;
    }
  }
  return lo;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Before an ellipsis, dangling punctuation reads badly ("Moscow,…").
std::string_view trim_for_ellipsis(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';' || s.back() == ':' ||
                        s.back() == '-' || s.back() == '.'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

int utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  unsigned char lead = static_cast<unsigned char>(s[i]);
  int n = utf8_length(lead);
  if (n == 1 || i + n > s.size()) {
    ++i;
    return lead < 0x80 ? lead : 0xFFFD;
  }
  std::uint32_t c = lead & (0x7F >> n);
  for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return c;
}

namespace {
std::string shift_case(std::string_view text, char from, char to) {
  std::string out(text);
  for (char& c : out)
    if (c >= from && c <= from + 25) c = static_cast<char>(c - from + to);
  return out;
}
}  // namespace

std::string ascii_upper(std::string_view text) { return shift_case(text, 'a', 'A'); }
std::string ascii_lower(std::string_view text) { return shift_case(text, 'A', 'a'); }

std::string fit_line(std::string_view text, float max_width, TextRole role, const TextMeasure& m) {
  bool cut = false;
  if (text.size() > kLongestLine) {
    std::size_t end = kLongestLine;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
    cut = true;
  }
  if (!cut && m.width(role, text) <= max_width) return std::string(text);
  float room = max_width - m.width(role, kEllipsis);
  if (room <= 0) return {};
  std::string_view head = text.substr(0, fitting_prefix(text, room, role, m));
  // Prefer to cut at a word boundary when one is reasonably close.
  auto space = head.rfind(' ');
  if (space != std::string_view::npos && space > head.size() * 2 / 3) head = head.substr(0, space);
  return std::string(trim_for_ellipsis(head)) + kEllipsis;
}

std::vector<std::string> wrap_text(std::string_view text, float max_width, TextRole role,
                                   const TextMeasure& m, int max_lines) {
  std::vector<std::string> lines;
  if (max_width <= 0) return lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::string_view rest = text.substr(pos);
    if (max_lines > 0 && static_cast<int>(lines.size()) == max_lines - 1) {
      lines.push_back(fit_line(rest, max_width, role, m));
      return lines;
    }
    // No line holds more than a few hundred bytes: look no further than that.
    if (rest.size() > kLongestLine) {
      std::size_t cut = kLongestLine;
      while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) --cut;
      rest = rest.substr(0, cut);
    }
    // Greedy: take words while they fit.
    std::size_t end = 0;  // bytes of `rest` on this line
    std::size_t scan = 0;
    while (scan < rest.size()) {
      std::size_t word_end = rest.find(' ', scan);
      if (word_end == std::string_view::npos) word_end = rest.size();
      if (m.width(role, rest.substr(0, word_end)) > max_width) break;
      end = word_end;
      scan = word_end + 1;
    }
    if (end == 0) {  // a single word wider than the line: break inside it
      end = fitting_prefix(rest, max_width, role, m);
      if (end == 0) end = utf8_length(static_cast<unsigned char>(rest[0]));
    }
    lines.emplace_back(trim_spaces(rest.substr(0, end)));
    pos += end;
  }
  return lines;
}

}  // namespace carta
