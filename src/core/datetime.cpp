#include "core/datetime.h"

#include <cctype>
#include <cstdio>
#include <cstring>

#include "core/strings.h"

namespace carta {
namespace {

bool read_digits(std::string_view s, std::size_t& pos, int count, int& value) {
  value = 0;
  for (int i = 0; i < count; ++i) {
    if (pos >= s.size() || !std::isdigit(static_cast<unsigned char>(s[pos]))) return false;
    value = value * 10 + (s[pos++] - '0');
  }
  return true;
}

bool valid_date(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && !leap) return d <= 28;
  return d <= days[m - 1];
}

std::optional<Timestamp> make(int y, int mo, int d, int h, int mi, int s, int offset_minutes) {
  if (!valid_date(y, mo, d) || h > 23 || mi > 59 || s > 60) return std::nullopt;
  if (s == 60) s = 59;  // a leap second reads as the second before it
  Timestamp t;
  t.unix_seconds = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
                   static_cast<std::int64_t>(offset_minutes) * 60;
  t.offset_minutes = offset_minutes;
  return t;
}


}  // namespace

std::int64_t days_from_civil(int y, int m, int d) {
  // Howard Hinnant's algorithm.
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

std::optional<Timestamp> parse_rfc3339(std::string_view s) {
  std::size_t p = 0;
  int y, mo, d, h, mi, sec;
  if (!read_digits(s, p, 4, y) || p >= s.size() || s[p++] != '-') return std::nullopt;
  if (!read_digits(s, p, 2, mo) || p >= s.size() || s[p++] != '-') return std::nullopt;
  if (!read_digits(s, p, 2, d)) return std::nullopt;
  if (p >= s.size() || (s[p] != 'T' && s[p] != 't' && s[p] != ' ')) return std::nullopt;
  ++p;
  if (!read_digits(s, p, 2, h) || p >= s.size() || s[p++] != ':') return std::nullopt;
  if (!read_digits(s, p, 2, mi) || p >= s.size() || s[p++] != ':') return std::nullopt;
  if (!read_digits(s, p, 2, sec)) return std::nullopt;
  if (p < s.size() && s[p] == '.') {
    ++p;
    std::size_t start = p;
    while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
    if (p == start) return std::nullopt;
  }
  if (p >= s.size()) return std::nullopt;
  int offset = 0;
  if (s[p] == 'Z' || s[p] == 'z') {
    ++p;
  } else if (s[p] == '+' || s[p] == '-') {
    int sign = s[p++] == '-' ? -1 : 1;
    int oh, om;
    if (!read_digits(s, p, 2, oh) || p >= s.size() || s[p++] != ':' || !read_digits(s, p, 2, om))
      return std::nullopt;
    if (oh > 23 || om > 59) return std::nullopt;
    offset = sign * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  if (p != s.size()) return std::nullopt;
  return make(y, mo, d, h, mi, sec, offset);
}

std::optional<Timestamp> parse_rfc2822(std::string_view s) {
  // [Day, ] DD Mon YYYY HH:MM[:SS] (+HHMM | -HHMM | UT | GMT | Z | EST ...)
  std::size_t p = 0;
  auto skip_spaces = [&] {
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
  };
  skip_spaces();
  if (p < s.size() && std::isalpha(static_cast<unsigned char>(s[p]))) {
    std::size_t comma = s.find(',', p);
    if (comma == std::string_view::npos || comma - p > 9) return std::nullopt;
    p = comma + 1;
    skip_spaces();
  }
  int d = 0;
  std::size_t start = p;
  while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p])) && p - start < 2)
    d = d * 10 + (s[p++] - '0');
  if (p == start) return std::nullopt;
  skip_spaces();
  if (p + 3 > s.size()) return std::nullopt;
  int mo = 0;
  static const char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";  // RFC 2822's names
  for (int i = 0; i < 12; ++i) {
    if (strncasecmp(s.data() + p, kMonths + 3 * i, 3) == 0) mo = i + 1;
  }
  if (!mo) return std::nullopt;
  p += 3;
  while (p < s.size() && std::isalpha(static_cast<unsigned char>(s[p]))) ++p;  // "July"
  skip_spaces();
  int y, h, mi, sec = 0;
  if (!read_digits(s, p, 4, y)) return std::nullopt;
  skip_spaces();
  if (!read_digits(s, p, 2, h) || p >= s.size() || s[p++] != ':' || !read_digits(s, p, 2, mi))
    return std::nullopt;
  if (p < s.size() && s[p] == ':') {
    ++p;
    if (!read_digits(s, p, 2, sec)) return std::nullopt;
  }
  skip_spaces();
  int offset = 0;
  if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    int sign = s[p++] == '-' ? -1 : 1;
    int hhmm;
    if (!read_digits(s, p, 4, hhmm)) return std::nullopt;
    if (hhmm / 100 > 23 || hhmm % 100 > 59) return std::nullopt;
    offset = sign * ((hhmm / 100) * 60 + hhmm % 100);
  } else {
    std::string_view zone = s.substr(p);
    struct Zone { const char* name; int minutes; };
    static const Zone zones[] = {{"UT", 0},     {"GMT", 0},    {"Z", 0},      {"EST", -300},
                                 {"EDT", -240}, {"CST", -360}, {"CDT", -300}, {"MST", -420},
                                 {"MDT", -360}, {"PST", -480}, {"PDT", -420}};
    bool known = false;
    for (const Zone& z : zones) {
      if (zone.size() >= std::strlen(z.name) && strncasecmp(zone.data(), z.name, std::strlen(z.name)) == 0 &&
          zone.size() == std::strlen(z.name)) {
        offset = z.minutes;
        known = true;
      }
    }
    if (!known) return std::nullopt;
    p = s.size();
  }
  skip_spaces();
  if (p != s.size()) return std::nullopt;
  return make(y, mo, d, h, mi, sec, offset);
}

std::string format_card_date(const Timestamp& when, std::int64_t now_unix, std::string_view locale) {
  const UiStrings& words = ui_strings(locale);
  const std::int64_t age = now_unix - when.unix_seconds;
  if (age >= 0 && age < 86400) {
    if (age < 60) return words.just_now;
    if (age < 3600) return with_number(words.minutes_ago, age / 60);
    return with_number(words.hours_ago, age / 3600);
  }
  std::int64_t local = when.unix_seconds + static_cast<std::int64_t>(when.offset_minutes) * 60;
  std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int y, m, d;
  civil_from_days(days, y, m, d);
  // The language's pattern: "{d} {month} {y}", "{d}. {month} {y}", "{y}年{m}月{d}日".
  std::string out;
  const std::string& pattern = words.date.empty() ? std::string("{d} {month} {y}") : words.date;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 3, "{d}") == 0) out += std::to_string(d), i += 2;
    else if (pattern.compare(i, 3, "{m}") == 0) out += std::to_string(m), i += 2;
    else if (pattern.compare(i, 3, "{y}") == 0) out += std::to_string(y), i += 2;
    else if (pattern.compare(i, 7, "{month}") == 0) out += words.months[m - 1], i += 6;
    else out += pattern[i];
  }
  return out;
}

std::string format_rfc3339(const Timestamp& t) {
  std::int64_t local = t.unix_seconds + static_cast<std::int64_t>(t.offset_minutes) * 60;
  std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int secs = static_cast<int>(local - days * 86400);
  int y, m, d;
  civil_from_days(days, y, m, d);
  int off = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
  char text[40];
  if (t.offset_minutes == 0)
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, secs / 3600, secs / 60 % 60, secs % 60);
  else
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d, secs / 3600, secs / 60 % 60,
                  secs % 60, t.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return text;
}

}  // namespace carta
