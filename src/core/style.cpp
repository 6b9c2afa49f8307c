#include "core/style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cctype>
#include <cstdlib>

#include "core/text.h"

namespace carta {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Where `s` from `at` first reaches one of `stops` outside quotes and parentheses (its size
// when it never does): the end of a declaration's value, or of one item of a list.
std::size_t scan_to(std::string_view s, std::size_t at, std::string_view stops) {
  int depth = 0;
  char quote = 0;
  for (; at < s.size(); ++at) {
    const char c = s[at];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 && stops.find(c) != std::string_view::npos) {
      break;
    }
  }
  return at;
}

// Splits at any of `separators` outside quotes and parentheses; empty pieces dropped.
std::vector<std::string_view> split(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0; start <= s.size();) {
    const std::size_t end = scan_to(s, start, separators);
    std::string_view piece = trim(s.substr(start, end - start));
    if (!piece.empty()) out.push_back(piece);
    start = end + 1;
  }
  return out;
}

// "NAME: "VALUE" WHY", a warning about a value.
void warn(std::vector<std::string>* warnings, std::string_view name, std::string_view value, const char* why) {
  if (warnings) warnings->push_back(std::string(name).append(": \"").append(value).append("\" ").append(why));
}

// A decimal number ("12", "-0.5", ".75"; no exponent), and what follows it in `rest` — or,
// without `rest`, nothing but spaces may follow. Written out rather than strtof, which
// would link a float scanner several kilobytes large into the page's module.
std::optional<float> number(std::string_view s, std::string_view* rest = nullptr) {
  std::size_t i = 0;
  const bool negative = i < s.size() && (s[i] == '-' || s[i] == '+') && s[i++] == '-';
  double v = 0, scale = 1;
  bool digits = false, point = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits = true;
      if (point) v += (c - '0') * (scale /= 10);
      else v = v * 10 + (c - '0');
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!digits || v > 1e6) return std::nullopt;
  if (rest) *rest = s.substr(i);
  else if (!trim(s.substr(i)).empty()) return std::nullopt;
  return static_cast<float>(negative ? -v : v);
}

// px (or a bare number), rem and em (of 16 px: the page's default root size); never negative.
std::optional<float> length(std::string_view s) {
  std::string_view unit;
  std::optional<float> v = number(trim(s), &unit);
  if (!v || *v < 0) return std::nullopt;
  const std::string u = ascii_lower(trim(unit));
  if (u.empty() || u == "px") return v;
  if (u == "rem" || u == "em") return *v * 16;
  return std::nullopt;
}

// "16/9", "16 / 9", "1.5", "1".
std::optional<float> ratio(std::string_view s) {
  const std::size_t slash = s.find('/');
  std::optional<float> a = number(trim(s.substr(0, slash)));
  std::optional<float> b = slash == std::string_view::npos ? std::optional<float>(1) : number(trim(s.substr(slash + 1)));
  if (!a || !b || *a <= 0 || *b <= 0) return std::nullopt;
  return std::clamp(*a / *b, 0.25f, 4.f);
}

// "3", "1, 600px 2, 1000px 3", or the same quoted with semicolons ("1; 600px 2").
std::optional<std::vector<CardsStep>> cards(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
  std::vector<CardsStep> out;
  for (std::string_view entry : split(s, ",;")) {
    std::vector<std::string_view> parts = split(entry, " \t\n");
    CardsStep step;
    std::optional<float> n = number(parts.back());
    if (!n || *n < 1 || *n > 6 || *n != std::floor(*n) || parts.size() > 2) return std::nullopt;
    step.cards = static_cast<int>(*n);
    if (parts.size() == 2) {
      std::optional<float> from = length(parts[0]);
      if (!from) return std::nullopt;
      step.min_width = *from;
    }
    out.push_back(step);
  }
  if (out.empty()) return std::nullopt;
  for (std::size_t i = 1; i < out.size(); ++i)  // by width, in the order written where equal
    for (std::size_t j = i; j > 0 && out[j].min_width < out[j - 1].min_width; --j) std::swap(out[j], out[j - 1]);
  if (out.front().min_width > 0) out.insert(out.begin(), CardsStep{0, 1});
  return out;
}

constexpr struct {
  const char* name;
  unsigned bits;
#define CARTA_PART(name, bits) {name, bits},
} kParts[] = {CARTA_SHOW_PARTS(CARTA_PART)};
#undef CARTA_PART

std::optional<unsigned> parts(std::string_view s, std::vector<std::string>* warnings) {
  unsigned bits = 0;
  for (std::string_view word : split(s, " \t\n,")) {
    const std::string w = ascii_lower(word);
    bool found = false;
    for (const auto& part : kParts)
      if (w == part.name) bits |= part.bits, found = true;
    if (!found) {
      warn(warnings, "--carta-show", word, "is not a part Carta shows");
      if (w.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos) return std::nullopt;
    }
  }
  return bits;
}

// A font-family list as CSS has it; nothing that could end the declaration.
std::optional<std::string> family(std::string_view s) {
  if (s.empty() || s.find_first_of(";{}<>\\") != std::string_view::npos) return std::nullopt;
  return std::string(s);
}

constexpr struct {
  const char* name;
  Color color;
} kNamed[] = {{"black", {0, 0, 0, 255}},       {"white", {255, 255, 255, 255}},  {"gray", {128, 128, 128, 255}},
              {"grey", {128, 128, 128, 255}},  {"silver", {192, 192, 192, 255}}, {"red", {255, 0, 0, 255}},
              {"maroon", {128, 0, 0, 255}},    {"orange", {255, 165, 0, 255}},   {"yellow", {255, 255, 0, 255}},
              {"olive", {128, 128, 0, 255}},   {"lime", {0, 255, 0, 255}},       {"green", {0, 128, 0, 255}},
              {"aqua", {0, 255, 255, 255}},    {"teal", {0, 128, 128, 255}},     {"blue", {0, 0, 255, 255}},
              {"navy", {0, 0, 128, 255}},      {"fuchsia", {255, 0, 255, 255}},  {"purple", {128, 0, 128, 255}}};

std::optional<Color> function_color(std::string_view s) {
  const std::size_t open = s.find('(');
  const std::string name = ascii_lower(trim(s.substr(0, open)));
  if ((name != "rgb" && name != "rgba") || s.back() != ')') return std::nullopt;
  std::string_view inside = s.substr(open + 1, s.size() - open - 2);
  std::vector<std::string_view> v = split(inside, ", \t\n/");
  if (v.size() != 3 && v.size() != 4) return std::nullopt;
  std::uint8_t out[4] = {0, 0, 0, 255};
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::string_view unit;
    std::optional<float> n = number(v[i], &unit);
    if (!n || !(unit.empty() || unit == "%")) return std::nullopt;
    float x = unit == "%" ? *n / 100 * 255 : i == 3 ? *n * 255 : *n;
    out[i] = static_cast<std::uint8_t>(std::lround(std::clamp(x, 0.f, 255.f)));
  }
  return Color{out[0], out[1], out[2], out[3]};
}

std::optional<Color> color(std::string_view s, std::string_view property, std::vector<std::string>* warnings) {
  std::optional<Color> c = parse_css_color(s);
  if (c && c->a != 255) {
    warn(warnings, property, s, "is drawn opaque: Carta leaves its alpha out");
    c->a = 255;
  }
  return c;
}

}  // namespace

std::optional<Color> parse_css_color(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return std::nullopt;
  if (s[0] == '#') {
    if (s.size() == 5 || s.size() == 9) {  // #rgba, #rrggbbaa
      std::optional<Color> c = parse_hex_color(s.substr(0, s.size() == 5 ? 4 : 7));
      if (!c) return std::nullopt;
      // The alpha digits as a colour's red: "#aa" + "aaaa" or "#" + "80" + "0000".
      std::string alpha = s.size() == 5 ? std::string("#") + s[4] + "00" : "#" + std::string(s.substr(7)) + "0000";
      std::optional<Color> a = parse_hex_color(alpha);
      if (!a) return std::nullopt;
      c->a = a->r;
      return c;
    }
    return parse_hex_color(s);
  }
  if (s.find('(') != std::string_view::npos) return function_color(s);
  const std::string name = ascii_lower(s);
  for (const auto& named : kNamed)
    if (name == named.name) return named.color;
  return std::nullopt;
}

std::vector<std::string> font_families(std::string_view list) {
  std::vector<std::string> out;
  for (std::string_view name : split(list, ",")) {
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') && name.back() == name.front())
      name = name.substr(1, name.size() - 2);
    std::string n(trim(name));
    const std::string l = ascii_lower(n);
    if (l == "system-ui" || l == "ui-sans-serif" || l == "-apple-system") n = "sans-serif";
    else if (l == "ui-serif") n = "serif";
    else if (l == "ui-monospace") n = "monospace";
    if (!n.empty()) out.push_back(n);
  }
  return out;
}

std::string hex_color(Color c) {
  char out[8];
  std::snprintf(out, sizeof out, "#%02x%02x%02x", c.r, c.g, c.b);
  return out;
}

Style parse_style(std::string_view css, std::vector<std::string>* warnings) {
#define CARTA_NAME(name) name,
  static constexpr std::string_view kNames[] = {CARTA_STYLE_PROPERTIES(CARTA_NAME)};
#undef CARTA_NAME
  // In kNames' order from the third: the colours, then the lengths.
  static constexpr std::optional<Color> Style::*kColors[] = {&Style::background, &Style::card,  &Style::text,
                                                              &Style::muted,      &Style::accent, &Style::category};
  static constexpr std::optional<float> Style::*kLengths[] = {&Style::radius, &Style::gap, &Style::padding};
  Style style;
  const std::string_view prefix = "--carta-";
  for (std::size_t at = 0; (at = css.find(prefix, at)) != std::string_view::npos;) {
    std::size_t name_end = at + prefix.size();
    while (name_end < css.size() && (std::isalnum(static_cast<unsigned char>(css[name_end])) || css[name_end] == '-'))
      ++name_end;
    const std::string_view name = css.substr(at, name_end - at);
    std::size_t colon = name_end;
    while (colon < css.size() && space(css[colon])) ++colon;
    at = name_end;
    if (colon >= css.size() || css[colon] != ':') continue;  // a use (var(--carta-x)), not a declaration
    at = scan_to(css, colon + 1, ";}");
    std::string_view value = trim(css.substr(colon + 1, at - colon - 1));
    const std::string_view important = "!important";
    if (value.size() >= important.size() && ascii_lower(value.substr(value.size() - important.size())) == important)
      value = trim(value.substr(0, value.size() - important.size()));
    if (value.empty()) continue;  // unset: the default stays

    static_assert(std::size(kNames) == 14, "a property in CARTA_STYLE_PROPERTIES without its case below");
    const int k = static_cast<int>(std::find(std::begin(kNames), std::end(kNames), name) - std::begin(kNames));
    bool ok = true;
    if (k < 2) {
      if (std::optional<std::string> f = family(value)) (k == 0 ? style.font_headline : style.font_text) = *f;
      else ok = false;
    } else if (k < 8) {
      ok = (style.*kColors[k - 2] = color(value, name, warnings)).has_value();
    } else if (k < 11) {
      ok = (style.*kLengths[k - 8] = length(value)).has_value();
    } else if (k == 11) {
      ok = (style.image_ratio = ratio(value)).has_value();
    } else if (k == 12) {
      std::optional<std::vector<CardsStep>> steps = cards(value);
      if (steps) style.cards = std::move(*steps);
      ok = steps.has_value();
    } else if (k == 13) {
      ok = (style.show = parts(value, warnings)).has_value();
    } else {
      if (warnings) warnings->push_back(std::string(name).append(" is not a property Carta reads"));
      continue;
    }
    if (!ok) warn(warnings, name, value, "is not a value Carta can use");
  }
  return style;
}

Theme styled_theme(bool dark, std::optional<Color> accent, const Style& s) {
  // A partner's card colour decides whose greys fit it: a dark card gets the dark theme's.
  if (s.card) dark = luminance(*s.card) < 0.3;
  Theme t = make_theme(dark, s.accent ? s.accent : accent);
  if (s.background) t.page = *s.background;
  if (s.card) t.card = *s.card;
  if (s.text) t.text = *s.text;
  if (s.card || s.text) {  // the surfaces and lines between the partner's card and text
    t.border = mix(t.card, t.text, 0.16);
    t.placeholder = mix(t.card, t.text, 0.1);
    t.placeholder_mark = mix(t.card, t.text, 0.42);
    t.hover = mix(t.card, t.text, 0.07);
    t.chip = mix(t.card, t.text, 0.06);
    t.control = mix(t.page, t.text, 0.55);
    t.muted = mix(t.text, t.card, 0.3);
  }
  if (s.muted) t.muted = *s.muted;
  t.accent_text = s.category ? *s.category : readable_accent(t.accent, t.card, 4.5);
  Geometry& g = t.geometry;
  g.radius = std::min(s.radius.value_or(g.radius), 48.f);
  g.gap = std::min(s.gap.value_or(g.gap), 64.f);
  g.padding = std::min(s.padding.value_or(g.padding), 48.f);
  g.image_ratio = s.image_ratio.value_or(g.image_ratio);
  if (!s.cards.empty()) g.cards = s.cards;
  t.show = s.show.value_or(show_all);
  for (int r = 0; r < static_cast<int>(TextRole::count); ++r) {
    const TextRole role = static_cast<TextRole>(r);
    const bool headline = role == TextRole::headline || role == TextRole::related_title;
    t.type[r].family = headline ? s.font_headline : s.font_text;
  }
  return t;
}

void keep_look(Theme& theme, const Theme& look) {
  theme.geometry = look.geometry;
  theme.show = look.show;
  for (int r = 0; r < static_cast<int>(TextRole::count); ++r) theme.type[r].family = look.type[r].family;
}

std::vector<std::string> contrast_warnings(const Theme& t) {
  std::vector<std::string> out;
  const struct {
    const char* what;
    Color color;
  } pairs[] = {{"text", t.text}, {"muted", t.muted}, {"category", t.accent_text}};
  for (const auto& p : pairs) {
    const double r = contrast_ratio(p.color, t.card);
    if (r >= 4.5) continue;
    char ratio[16];
    std::snprintf(ratio, sizeof ratio, "%.2f", std::floor(r * 100) / 100);
    out.push_back(std::string("the ") + p.what + " colour " + hex_color(p.color) + " on the card colour " +
                  hex_color(t.card) + " is " + ratio + ":1; card text needs 4.5:1 (WCAG 2.2 AA)");
  }
  return out;
}

}  // namespace carta
