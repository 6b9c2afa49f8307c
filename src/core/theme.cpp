#include "core/theme.h"

#include <cmath>

namespace carta {
namespace {

// x^2.4 for x in (0, 1], as x² times the square of x's fifth root (Newton's method, which
// from 1 falls monotonically onto it): exact to the last bits, without pow, which would link
// 1.3 KB of code into carta.wasm for this one use.
double pow_2_4(double x) {
  double r = 1;
  for (int i = 0; i < 100; ++i) {
    const double r4 = r * r * r * r, next = r - (r4 * r - x) / (5 * r4);
    if (next >= r) break;
    r = next;
  }
  return x * x * r * r;
}

double channel(std::uint8_t v) {
  double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : pow_2_4((c + 0.055) / 1.055);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

double luminance(Color c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

Color mix(Color a, Color b, double t) {
  auto m = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
  };
  return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), 255};
}

double contrast_ratio(Color a, Color b) {
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

Color readable_accent(Color accent, Color background, double ratio) {
  Color target = luminance(background) > 0.5 ? Color{0, 0, 0, 255} : Color{255, 255, 255, 255};
  Color c = accent;
  for (int step = 1; step <= 20 && contrast_ratio(c, background) < ratio; ++step) c = mix(accent, target, step / 20.0);
  return c;
}

std::optional<Color> parse_hex_color(std::string_view s) {
  if (s.empty() || s[0] != '#') return std::nullopt;
  s.remove_prefix(1);
  if (s.size() != 3 && s.size() != 6) return std::nullopt;
  int v[6];
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((v[i] = hex_digit(s[i])) < 0) return std::nullopt;
  if (s.size() == 3)
    return Color{static_cast<std::uint8_t>(v[0] * 17), static_cast<std::uint8_t>(v[1] * 17),
                 static_cast<std::uint8_t>(v[2] * 17), 255};
  return Color{static_cast<std::uint8_t>(v[0] * 16 + v[1]), static_cast<std::uint8_t>(v[2] * 16 + v[3]),
               static_cast<std::uint8_t>(v[4] * 16 + v[5]), 255};
}

namespace {

// The two themes' colours, as data: one row a theme.
struct Palette {
  Color page, card, border, text, muted, accent, placeholder, placeholder_mark, control, hover, chip;
};
constexpr Palette kLight = {{243, 241, 236, 255}, {255, 255, 255, 255}, {222, 218, 210, 255}, {24, 24, 27, 255},
                            {92, 92, 100, 255},   {176, 32, 38, 255},   {226, 222, 214, 255}, {150, 146, 138, 255},
                            {120, 118, 112, 255}, {236, 232, 224, 255}, {241, 238, 232, 255}};
constexpr Palette kDark = {{17, 18, 21, 255},     {30, 32, 37, 255},    {52, 55, 62, 255},    {238, 238, 240, 255},
                           {170, 172, 180, 255},  {255, 112, 102, 255}, {46, 49, 56, 255},    {110, 114, 124, 255},
                           {150, 152, 160, 255},  {44, 47, 54, 255},    {40, 43, 50, 255}};

}  // namespace

Theme make_theme(bool dark, std::optional<Color> accent) {
  Theme t;
  t.dark = dark;
  const Palette& p = dark ? kDark : kLight;
  t.page = p.page;
  t.card = p.card;
  t.border = p.border;
  t.text = p.text;
  t.muted = p.muted;
  t.accent = accent.value_or(p.accent);
  t.placeholder = p.placeholder;
  t.placeholder_mark = p.placeholder_mark;
  t.control = p.control;
  t.hover = p.hover;
  t.chip = p.chip;
  t.accent_text = readable_accent(t.accent, t.card, 4.5);
  t.caption_text = {255, 255, 255, 255};
  t.scrim = {0, 0, 0, 200};
  t.live = {190, 18, 48, 255};  // white on it: 6.3:1, and apart from any card in either theme
  t.live_text = {255, 255, 255, 255};

  auto set = [&t](TextRole role, Face face, float size, float line_height) {
    t.type[static_cast<int>(role)] = {face, size, line_height};
  };
  set(TextRole::caption, Face::sans, 12, 16);
  set(TextRole::category, Face::sans_bold, 12, 16);
  set(TextRole::headline, Face::serif_bold, 20, 26);
  set(TextRole::meta, Face::sans, 13, 18);
  set(TextRole::body, Face::sans, 15, 22);
  set(TextRole::related_category, Face::sans_bold, 11, 15);
  set(TextRole::related_title, Face::serif_bold, 14, 19);
  set(TextRole::status, Face::sans, 15, 22);
  return t;
}

void strengthen_contrast(Theme& t) {
  t.muted = t.text;
  t.border = readable_accent(t.border, t.card, 4.5);
  t.control = readable_accent(t.control, t.page, 4.5);
  t.placeholder_mark = readable_accent(t.placeholder_mark, t.placeholder, 4.5);
  t.accent_text = readable_accent(t.accent, t.card, 7);
  t.scrim = {0, 0, 0, 235};
}

Theme forced_colors_theme(const SystemColors& c) {
  Theme t = make_theme(contrast_ratio(c.canvas, Color{0, 0, 0, 255}) < contrast_ratio(c.canvas, Color{255, 255, 255, 255}));
  t.page = t.card = t.placeholder = t.hover = t.chip = c.canvas;
  t.text = t.muted = t.border = t.placeholder_mark = c.canvas_text;
  t.accent = t.accent_text = c.link_text;
  t.control = c.button_text;
  // Captions over pictures: the system's text on a nearly solid system background.
  t.caption_text = c.canvas_text;
  t.scrim = {c.canvas.r, c.canvas.g, c.canvas.b, 235};
  t.live = c.canvas_text;
  t.live_text = c.canvas;
  t.card_outline = true;  // card and page are both Canvas
  return t;
}

}  // namespace carta
