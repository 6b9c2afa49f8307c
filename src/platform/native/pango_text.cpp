#include "platform/native/pango_text.h"

#include <cmath>
#include <string>
#include <vector>

#include <GLES3/gl3.h>
#include <pango/pangocairo.h>

#include "core/style.h"
#include "draw/gl_renderer.h"

namespace carta::native {
namespace {

const char kEllipsis[] = "\xE2\x80\xA6";

// The atlas's faces, by family and weight — or the partner's families first (--carta-font-*,
// as fontconfig names them) — and fontconfig falls back from them per character.
PangoFontDescription* describe(const TypeStyle& style) {
  PangoFontDescription* d = pango_font_description_new();
  std::string families;
  for (const std::string& family : font_families(style.family)) families += family + ",";
  // Noto for the scripts fontconfig would otherwise give to DejaVu (Arabic, Hebrew): the faces
  // the widget's atlas used for them, Naskh for headlines.
  families += style.face == Face::serif_bold ? "Noto Serif,Noto Naskh Arabic,Noto Serif Hebrew"
                                             : "Noto Sans,Noto Sans Arabic,Noto Sans Hebrew";
  pango_font_description_set_family(d, families.c_str());
  pango_font_description_set_weight(d, style.face == Face::sans ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size(d, style.size * PANGO_SCALE);  // the em, in CSS px
  return d;
}

// No hinting of outlines or metrics: widths scale linearly with the device pixel ratio, so
// the lines layout measured in CSS px fit when they are drawn at 2x.
void unhinted(PangoContext* context) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
}

void set_text(PangoLayout* layout, std::string_view text, const TypeStyle& style, const Language& language) {
  PangoContext* context = pango_layout_get_context(layout);
  pango_context_set_base_dir(context, language.rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  // Fonts are chosen for the paragraph's language: without it a Tamil vowel sign may come
  // from another font than its consonant, and Han characters take the wrong country's forms.
  pango_context_set_language(context, pango_language_from_string(language.code.empty() ? "en" : language.code.c_str()));
  pango_layout_set_auto_dir(layout, FALSE);
  pango_layout_context_changed(layout);
  PangoFontDescription* d = describe(style);
  pango_layout_set_font_description(layout, d);
  pango_font_description_free(d);
  pango_layout_set_width(layout, -1);
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
}

float logical_width(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<float>(logical.width) / PANGO_SCALE;
}

}  // namespace

struct PangoText::State {
  PangoFontMap* map = pango_cairo_font_map_new();
  PangoContext* context = pango_font_map_create_context(map);
  PangoLayout* layout = nullptr;
  State() {
    unhinted(context);
    layout = pango_layout_new(context);
  }
  ~State() {
    g_object_unref(layout);
    g_object_unref(context);
    g_object_unref(map);
  }
  float width(std::string_view text, const TypeStyle& style, const Language& language) {
    set_text(layout, text, style, language);
    return logical_width(layout);
  }
  // The longest start of `text`, ending on a grapheme boundary, that fits `max_width`
  // followed by an ellipsis (spaces and loose punctuation before the ellipsis dropped).
  std::string with_ellipsis(std::string_view text, const TypeStyle& style, float max_width, const Language& language) {
    set_text(layout, text, style, language);
    int count = 0;
    const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout, &count);
    std::vector<std::size_t> stops;  // byte offsets where a cut may fall
    const char* base = text.data();
    const char* p = base;
    for (int k = 0; k < count && p <= base + text.size(); ++k) {
      if (k > 0 && attrs[k].is_cursor_position) stops.push_back(static_cast<std::size_t>(p - base));
      if (p == base + text.size()) break;
      p = g_utf8_next_char(p);
    }
    std::size_t lo = 0, hi = stops.size();  // stops[0..lo) fit; none from hi on
    std::string best;
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      std::string candidate(text.substr(0, stops[mid]));
      while (!candidate.empty() && std::string(" ,;:-.").find(candidate.back()) != std::string::npos) candidate.pop_back();
      candidate += kEllipsis;
      if (width(candidate, style, language) <= max_width) {
        best = std::move(candidate);
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return best;
  }
};

PangoText::PangoText() : state_(std::make_unique<State>()) {}
PangoText::~PangoText() = default;

std::vector<std::string> PangoText::lines(std::string_view text, const TypeStyle& style, float max_width,
                                          int max_lines, const Language& language) {
  std::vector<std::string> out;
  PangoLayout* layout = state_->layout;
  set_text(layout, text, style, language);
  pango_layout_set_width(layout, static_cast<int>(max_width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  const int count = pango_layout_get_line_count(layout);
  for (int i = 0; i < count; ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, i);
    const std::size_t start = static_cast<std::size_t>(line->start_index);
    if (max_lines > 0 && static_cast<int>(out.size()) == max_lines - 1 && i + 1 < count) {
      // The last line allowed and more text follows: the rest, cut to fit with "…".
      std::string rest(text.substr(start));
      out.push_back(state_->with_ellipsis(rest, style, max_width, language));
      return out;
    }
    std::string_view piece = text.substr(start, static_cast<std::size_t>(line->length));
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    out.emplace_back(piece);
  }
  return out;
}

float PangoText::width(std::string_view line, const TypeStyle& style, const Language& language) {
  return state_->width(line, style, language);
}

Texture PangoText::image(std::string_view line, const TypeStyle& style, Color color, const Language& language, float dpr) {
  const float line_width = state_->width(line, style, language);
  const int pad = text_image_pad(dpr);
  const int w = static_cast<int>(std::ceil(line_width * dpr)) + 2 * pad;
  const int h = std::max(1, static_cast<int>(std::lround(style.line_height * dpr)));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, dpr, dpr);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  unhinted(pango_layout_get_context(layout));
  set_text(layout, line, style, language);
  // CSS centres the first font's ascent + descent in the line box; the baseline follows.
  PangoFontDescription* d = describe(style);
  PangoFontMetrics* m = pango_context_get_metrics(pango_layout_get_context(layout), d, pango_language_from_string("en"));
  const float ascent = static_cast<float>(pango_font_metrics_get_ascent(m)) / PANGO_SCALE;
  const float descent = static_cast<float>(pango_font_metrics_get_descent(m)) / PANGO_SCALE;
  pango_font_metrics_unref(m);
  pango_font_description_free(d);
  const float baseline = (style.line_height - (ascent + descent)) / 2 + ascent;
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  // The start edge a pad in: the right edge of a right-to-left (right-aligned) line.
  const float left = language.rtl ? (w - pad) / dpr - static_cast<float>(logical.width) / PANGO_SCALE : pad / dpr;
  cairo_move_to(cr, left - static_cast<float>(logical.x) / PANGO_SCALE,
                baseline - static_cast<float>(pango_layout_get_baseline(layout)) / PANGO_SCALE);
  cairo_set_source_rgba(cr, color.r / 255.0, color.g / 255.0, color.b / 255.0, color.a / 255.0);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_flush(surface);

  // Cairo's premultiplied native-endian ARGB to the RGBA the renderer blends.
  const unsigned char* src = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  std::vector<unsigned char> rgba(static_cast<std::size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y) {
    const std::uint32_t* row = reinterpret_cast<const std::uint32_t*>(src + y * stride);
    for (int x = 0; x < w; ++x) {
      const std::uint32_t px = row[x];
      const unsigned a = px >> 24;
      unsigned char* out = &rgba[(static_cast<std::size_t>(y) * w + x) * 4];
      for (int c = 0; c < 3; ++c) {
        const unsigned v = (px >> (16 - 8 * c)) & 0xFF;
        out[c] = static_cast<unsigned char>(a ? std::min(255u, (v * 255 + a / 2) / a) : 0);
      }
      out[3] = static_cast<unsigned char>(a);
    }
  }
  cairo_surface_destroy(surface);

  const GLuint name = upload_rgba_texture(0, rgba.data(), w, h);
  Texture t;
  t.id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(name));
  t.width = w;
  t.height = h;
  return t;
}

}  // namespace carta::native
