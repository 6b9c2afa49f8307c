#include "core/style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cctype>
#include <cstdlib>

namespace carta {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Splits at any of `separators` outside quotes and parentheses; empty pieces dropped.
std::vector<std::string_view> split(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> out;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : separators[0];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '(') ++depth;
    else if (c == ')') depth = std::max(0, depth - 1);
    else if (depth == 0 && separators.find(c) != std::string_view::npos) {
      std::string_view piece = trim(s.substr(start, i - start));
      if (!piece.empty()) out.push_back(piece);
      start = i + 1;
    }
  }
  return out;
}

// A whole number or decimal (no exponent), and what follows it.
std::optional<float> number(std::string_view s, std::string_view* rest = nullptr) {
  std::string text(s);
  const char* begin = text.c_str();
  char* end = nullptr;
  const float v = std::strtof(begin, &end);
  if (end == begin || !std::isfinite(v)) return std::nullopt;
  if (rest) *rest = s.substr(static_cast<std::size_t>(end - begin));
  else if (!trim(s.substr(static_cast<std::size_t>(end - begin))).empty()) return std::nullopt;
  return v;
}

// px (or a bare number), rem and em (of 16 px: the page's default root size); never negative.
std::optional<float> length(std::string_view s) {
  std::string_view unit;
  std::optional<float> v = number(trim(s), &unit);
  if (!v || *v < 0) return std::nullopt;
  const std::string u = lower(trim(unit));
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
  std::stable_sort(out.begin(), out.end(), [](const CardsStep& a, const CardsStep& b) { return a.min_width < b.min_width; });
  if (out.front().min_width > 0) out.insert(out.begin(), CardsStep{0, 1});
  return out;
}

constexpr struct {
  const char* name;
  unsigned bits;
} kParts[] = {{"category", show_category}, {"headline", show_headline},   {"byline", show_byline},
              {"date", show_date},         {"read-time", show_read_time}, {"summary", show_summary},
              {"related", show_related},   {"caption", show_caption},     {"credit", show_credit},
              {"dots", show_dots},         {"arrows", show_arrows},       {"tags", show_tags},
              {"all", show_all},           {"none", 0}};

std::optional<unsigned> parts(std::string_view s, std::vector<std::string>* warnings) {
  unsigned bits = 0;
  for (std::string_view word : split(s, " \t\n,")) {
    const std::string w = lower(word);
    bool found = false;
    for (const auto& part : kParts)
      if (w == part.name) bits |= part.bits, found = true;
    if (!found) {
      if (warnings) warnings->push_back("--carta-show: \"" + std::string(word) + "\" is not a part Carta shows");
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
  const std::string name = lower(trim(s.substr(0, open)));
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

std::optional<Color> color(std::string_view s, const char* property, std::vector<std::string>* warnings) {
  std::optional<Color> c = parse_css_color(s);
  if (c && c->a != 255) {
    if (warnings) warnings->push_back(std::string(property) + ": Carta draws opaque colours; the alpha of " +
                                      std::string(s) + " is left out");
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
      std::string a = s.size() == 5 ? std::string(2, s[4]) : std::string(s.substr(7));
      char* end = nullptr;
      const long alpha = std::strtol(a.c_str(), &end, 16);
      if (*end) return std::nullopt;
      c->a = static_cast<std::uint8_t>(alpha);
      return c;
    }
    return parse_hex_color(s);
  }
  if (s.find('(') != std::string_view::npos) return function_color(s);
  const std::string name = lower(s);
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
    const std::string l = lower(n);
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
  Style style;
  const std::string_view prefix = "--carta-";
  std::size_t at = 0;
  while ((at = css.find(prefix, at)) != std::string_view::npos) {
    std::size_t name_end = at + prefix.size();
    while (name_end < css.size() && (std::isalnum(static_cast<unsigned char>(css[name_end])) || css[name_end] == '-'))
      ++name_end;
    std::size_t colon = name_end;
    while (colon < css.size() && space(css[colon])) ++colon;
    if (colon >= css.size() || css[colon] != ':') {  // a use (var(--carta-x)), not a declaration
      at = name_end;
      continue;
    }
    // The value runs to the declaration's end: ';' or '}' outside quotes and parentheses.
    std::size_t end = colon + 1;
    int depth = 0;
    char quote = 0;
    for (; end < css.size(); ++end) {
      const char c = css[end];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') quote = c;
      else if (c == '(') ++depth;
      else if (c == ')') depth = std::max(0, depth - 1);
      else if (depth == 0 && (c == ';' || c == '}')) break;
    }
    const std::string name(css.substr(at, name_end - at));
    std::string_view value = trim(css.substr(colon + 1, end - colon - 1));
    at = end;
    const std::string_view important = "!important";
    if (value.size() >= important.size() && lower(value.substr(value.size() - important.size())) == important)
      value = trim(value.substr(0, value.size() - important.size()));
    if (value.empty()) continue;  // unset: the default stays

    bool ok = true;
    auto set = [&ok](auto& field, auto parsed) {
      if (parsed) field = *parsed;
      else ok = false;
    };
    const char* n = name.c_str();
    if (name == "--carta-font-headline") set(style.font_headline, family(value));
    else if (name == "--carta-font-text") set(style.font_text, family(value));
    else if (name == "--carta-color-background") set(style.background, color(value, n, warnings));
    else if (name == "--carta-color-card") set(style.card, color(value, n, warnings));
    else if (name == "--carta-color-text") set(style.text, color(value, n, warnings));
    else if (name == "--carta-color-muted") set(style.muted, color(value, n, warnings));
    else if (name == "--carta-color-accent") set(style.accent, color(value, n, warnings));
    else if (name == "--carta-color-category") set(style.category, color(value, n, warnings));
    else if (name == "--carta-radius") set(style.radius, length(value));
    else if (name == "--carta-gap") set(style.gap, length(value));
    else if (name == "--carta-padding") set(style.padding, length(value));
    else if (name == "--carta-image-ratio") set(style.image_ratio, ratio(value));
    else if (name == "--carta-cards") set(style.cards, cards(value));
    else if (name == "--carta-show") set(style.show, parts(value, warnings));
    else {
      if (warnings) warnings->push_back(name + " is not a property Carta reads");
      continue;
    }
    if (!ok && warnings) warnings->push_back(name + ": \"" + std::string(value) + "\" is not a value Carta can use");
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
