#include "core/layout.h"

#include <algorithm>
#include <cmath>

#include "core/bidi.h"
#include "core/datetime.h"
#include "core/marks.h"
#include "core/strings.h"

namespace carta {
namespace {

// A picture over a card's text: the look's shape, at most 42 % of the card (the headline
// and byline keep their room).
float picture_over_text(const Rect& card, const Geometry& geometry) {
  return std::round(std::min(card.w / geometry.image_ratio, card.h * 0.42f));
}
// A card wide enough to have its picture at its side.
bool wide_card(const Rect& card) { return card.w >= 560 && card.w > card.h * 1.25f; }

constexpr float kPad = 16;        // around the card strip
constexpr float kControls = 48;   // bar under the cards for buttons and dots
constexpr float kButton = 32;
constexpr int kMaxDots = 9;
constexpr float kChip = 22;      // tag chip height
constexpr float kChipPad = 9;
constexpr float kAvatar = 20;    // an author's face beside the byline

class SceneBuilder {
 public:
  SceneBuilder(const SceneInput& in, const Theme& theme, const TextMeasure& measure)
      : in_(in), theme_(theme), measure_(measure), radius_(theme.geometry.radius), inset_(theme.geometry.padding) {}

  Scene scene;

  void box(Rect r, Color c, float radius = 0, unsigned corners = corner_all) {
    Shape s;
    s.kind = Shape::Kind::box;
    s.rect = r;
    s.color = c;
    s.radius = radius;
    s.corners = corners;
    scene.shapes.push_back(std::move(s));
  }
  void outline(Rect r, Color c, float radius) {
    Shape s;
    s.kind = Shape::Kind::outline;
    s.rect = r;
    s.color = c;
    s.radius = radius;
    scene.shapes.push_back(std::move(s));
  }
  // One line of a paragraph, as lines() broke it: for the fast path shaped and in logical
  // order (it is stored in visual order for the painter, which draws left to right); for
  // the platform path in logical order, as the platform draws it.
  struct Line {
    std::string text;
    bool platform = false;
  };
  void text(float x, float y, float w, TextRole role, Color c, const Line& line) {
    Shape s;
    s.kind = line.platform ? Shape::Kind::text_image : Shape::Kind::text;
    s.rect = {x, y, w, theme_.style(role).line_height};
    s.color = c;
    s.role = role;
    if (line.platform) s.language = {lang_, rtl_};
    s.text = line.platform ? line.text : visual_line(line.text, rtl_);
    scene.shapes.push_back(std::move(s));
  }
  // Text from the feed, with Arabic letters joined, in the current direction.
  std::string shaped(const std::string& content) const { return shape_paragraph(content, rtl_); }
  // `content` (logical order, as the feed has it) broken into lines of at most `w`, by the
  // path it takes; with `max_lines` > 0 the last line ends in an ellipsis when text is cut.
  std::vector<Line> lines(const std::string& content, float w, TextRole role, int max_lines) const {
    std::vector<Line> out;
    const bool platform = measure_.platform_text(content, rtl_, role);
    for (std::string& line : platform ? measure_.platform_lines(content, w, role, max_lines, {lang_, rtl_})
                                      : wrap_text(shaped(content), w, role, measure_, max_lines))
      out.push_back({std::move(line), platform});
    return out;
  }
  // `content` on one line, shortened with an ellipsis to fit `w`.
  Line one_line(const std::string& content, float w, TextRole role) const {
    std::vector<Line> l = lines(content, w, role, 1);
    return l.empty() ? Line{} : std::move(l.front());
  }
  float line_width(TextRole role, const Line& line) const {
    return line.platform ? measure_.platform_width(role, line.text, {lang_, rtl_}) : measure_.width(role, line.text);
  }
  // The width `content` would take on one line, uncut.
  float natural_width(TextRole role, const std::string& content) const {
    return measure_.platform_text(content, rtl_, role) ? measure_.platform_width(role, content, {lang_, rtl_})
                                           : measure_.width(role, shaped(content));
  }
  // Lays out wrapped text from `y` and returns the y under it.
  float paragraph(float x, float y, float w, TextRole role, Color c, const std::string& content, int max_lines) {
    float lh = theme_.style(role).line_height;
    for (const Line& line : lines(content, w, role, max_lines)) {
      text(x, y, w, role, c, line);
      y += lh;
    }
    return y;
  }
  float lines_height(TextRole role, const std::string& content, float w, int max_lines) const {
    return lines(content, w, role, max_lines).size() * theme_.style(role).line_height;
  }

  // Flips everything added since `first_shape` / `first_hit` left to right inside `area`:
  // a right-to-left card, or the controls of a right-to-left carousel. Text lines end up
  // right-aligned in their boxes.
  void mirror(std::size_t first_shape, std::size_t first_hit, const Rect& area, std::size_t first_headline = ~std::size_t{0},
              std::size_t first_summary = ~std::size_t{0}) {
    auto flip = [&](Rect& r) { r.x = area.x + area.right() - r.right(); };
    for (std::size_t i = first_shape; i < scene.shapes.size(); ++i) {
      Shape& s = scene.shapes[i];
      flip(s.rect);
      const unsigned c = s.corners;
      s.corners = ((c & corner_top_left) << 1) | ((c & corner_top_right) >> 1) |  // left ↔ right
                  ((c & corner_bottom_left) << 1) | ((c & corner_bottom_right) >> 1);
      if (s.kind == Shape::Kind::chevron_left) s.kind = Shape::Kind::chevron_right;
      else if (s.kind == Shape::Kind::chevron_right) s.kind = Shape::Kind::chevron_left;
      if (s.kind == Shape::Kind::text || s.kind == Shape::Kind::text_image) {
        float w = std::min(s.rect.w, s.kind == Shape::Kind::text ? measure_.width(s.role, s.text)
                                                                 : measure_.platform_width(s.role, s.text, s.language));
        s.rect.x = s.rect.right() - w;
        s.rect.w = w;
      }
    }
    for (std::size_t i = first_hit; i < scene.hits.size(); ++i) flip(scene.hits[i].rect);
    for (std::size_t i = first_headline; i < scene.headlines.size(); ++i) flip(scene.headlines[i].rect);
    for (std::size_t i = first_summary; i < scene.summaries.size(); ++i) flip(scene.summaries[i].rect);
  }

  void card(int index, const Item& item, Rect r) {
    // A right-to-left item is laid out left to right, then mirrored inside its card.
    const std::size_t first_shape = scene.shapes.size(), first_hit = scene.hits.size();
    const std::size_t first_headline = scene.headlines.size(), first_summary = scene.summaries.size();
    rtl_ = item.right_to_left;
    lang_ = item.language.empty() ? in_.feed->language : item.language;
    card_contents(index, item, r);
    if (theme_.card_outline) outline(r, theme_.border, radius_);  // over the picture's edge
    if (item.right_to_left) mirror(first_shape, first_hit, r, first_headline, first_summary);
    rtl_ = false;
    scene.cards.push_back({index, r, first_shape, scene.shapes.size()});
  }

  void card_contents(int index, const Item& item, Rect r) {
    HitRegion hit;
    hit.kind = HitRegion::Kind::card;
    hit.rect = r;
    hit.index = index;
    scene.hits.push_back(hit);

    const bool wide = wide_card(r);
    const Rect image = card_picture(r, theme_.geometry);
    Rect body;
    unsigned image_corners;
    if (wide) {
      body = {r.x + image.w + inset_, r.y + inset_, r.w - image.w - 2 * inset_, r.h - 2 * inset_};
      image_corners = corner_top_left | corner_bottom_left;
    } else {
      body = {r.x + inset_, r.y + image.h + 14, r.w - 2 * inset_, r.h - image.h - 14 - inset_};
      image_corners = corner_top_left | corner_top_right;
    }
    // The card's box where the picture's (opaque) placeholder does not cover it, 1 px under
    // its edge so that no seam shows: a frame fills the card once, not twice.
    if (wide) box({image.right() - 1, r.y, r.w - image.w + 1, r.h}, theme_.card, radius_, corner_top_right | corner_bottom_right);
    else box({r.x, image.bottom() - 1, r.w, r.h - image.h + 1}, theme_.card, radius_, corner_bottom_left | corner_bottom_right);
    picture(item, image, image_corners);

    float y = kicker(item, body, body.y);
    const float bottom = body.bottom();
    int headline_lines = body.h > 220 ? 3 : 2;
    float headline_top = y;
    HeadlineText headline;
    headline.index = index;
    const std::string& title = shows(show_headline) ? item.title : std::string();
    for (const Line& line : lines(title, body.w, TextRole::headline, headline_lines)) {
      text(body.x, y, body.w, TextRole::headline, theme_.text, line);
      headline.lines.push_back(line.text);
      y += theme_.style(TextRole::headline).line_height;
    }
    headline.rect = {body.x, headline_top, body.w, y - headline_top};
    scene.headlines.push_back(std::move(headline));
    // A card without a headline (RSS and JSON Feed allow items with none) is readable once
    // its first block is on screen.
    if (index == in_.current && (y > headline_top || title.empty()) && headline_top < bottom)
      scene.headline_visible = true;
    y += 6;
    // The author's face, round, before the byline, once it has arrived: until then, and if
    // it never does, the byline starts where it would without one (never a hole).
    const unsigned meta_parts = theme_.show & (show_byline | show_date | show_read_time);
    const std::string& face = item.authors.empty() || !(meta_parts & show_byline) ? std::string() : item.authors[0].avatar;
    if (!face.empty()) scene.small_pictures.push_back(face);
    const bool with_face = !face.empty() && arrived(face);
    const float meta_x = with_face ? body.x + kAvatar + 6 : body.x, meta_w = body.right() - meta_x;
    // On a narrow card the read time gives way before the byline or date is cut.
    std::string meta = meta_line(item, in_.now_unix, in_.locale, meta_parts);
    if (natural_width(TextRole::meta, meta) > meta_w)
      meta = meta_line(item, in_.now_unix, in_.locale, meta_parts & ~show_read_time);
    if (!meta.empty() && y + theme_.style(TextRole::meta).line_height <= bottom) {
      const float lh = theme_.style(TextRole::meta).line_height;
      if (with_face) {
        Shape s;
        s.kind = Shape::Kind::image;
        s.rect = {body.x, y + (lh - kAvatar) / 2, kAvatar, kAvatar};
        s.radius = kAvatar / 2;
        s.text = face;
        scene.shapes.push_back(std::move(s));
      }
      text(meta_x, y, meta_w, TextRole::meta, theme_.muted, one_line(meta, meta_w, TextRole::meta));
      y += lh + 10;
    }

    // Related items sit at the bottom; the summary takes what is left between. Where there
    // is room each related item gets two lines (category over headline) and the summary
    // keeps two lines; on shorter cards they shrink to one line each, with a one-line
    // summary, before any related item is given up.
    const float cat_lh = theme_.style(TextRole::related_category).line_height;
    const float title_lh = theme_.style(TextRole::related_title).line_height;
    const float stacked_row = cat_lh + title_lh + 10, inline_row = title_lh + 8, rule = 14;
    const float body_lh = theme_.style(TextRole::body).line_height;
    auto summary_lines_with = [&](int n, float row) {
      float related_h = n > 0 ? n * row + rule : 0;
      return static_cast<int>(std::floor((bottom - y - related_h) / body_lh));
    };
    const bool has_summary = !item.summary.empty() && shows(show_summary);
    const int most = shows(show_related) ? static_cast<int>(std::min<std::size_t>(item.related.size(), 3)) : 0;
    const int roomy_summary = has_summary ? std::min(2, summary_lines_with(0, 0)) : 0;
    int related = 0;
    bool stacked = true;
    for (int n = most; n > 0 && !related; --n)
      if (summary_lines_with(n, stacked_row) >= roomy_summary) related = n;
    if (!related) {
      stacked = false;
      for (int n = most; n > 0 && !related; --n)
        if (summary_lines_with(n, inline_row) >= (has_summary ? 1 : 0)) related = n;
    }
    const float row = stacked ? stacked_row : inline_row;
    int summary_lines = std::clamp(summary_lines_with(related, row), 0, 6);
    float text_end = y;
    if (summary_lines > 0 && has_summary) {
      HeadlineText summary;
      summary.index = index;
      for (const Line& line : lines(item.summary, body.w, TextRole::body, summary_lines)) {
        text(body.x, text_end, body.w, TextRole::body, theme_.text, line);
        summary.lines.push_back(line.text);
        text_end += body_lh;
      }
      summary.rect = {body.x, y, body.w, text_end - y};
      scene.summaries.push_back(std::move(summary));
    }
    // Tags, as small chips, where the summary leaves room above the related items.
    const float free_bottom = bottom - (related > 0 ? related * row + rule : 0);
    if (!item.tags.empty() && shows(show_tags) && free_bottom - text_end >= kChip + 10) tags(item, body, text_end + 8);

    if (related > 0) {
      float ry = bottom - related * row + (stacked ? 4 : 6);
      box({body.x, ry - rule + 4, body.w, 1}, theme_.border);
      for (int k = 0; k < related; ++k) {
        const RelatedItem& rel = item.related[k];
        HitRegion rh;
        rh.kind = HitRegion::Kind::related;
        rh.rect = {body.x, ry - 4, body.w, row - 2};
        rh.index = index;
        rh.related = k;
        scene.hits.push_back(rh);
        const bool hovered = is_hovered(HitRegion::Kind::related, index, k);
        if (hovered) box({rh.rect.x - 8, rh.rect.y, rh.rect.w + 16, rh.rect.h}, theme_.hover, 6);
        const Color title_color = hovered ? theme_.accent_text : theme_.text;
        // A related article keeps its own direction (an English story under an Arabic one
        // reads left to right), aligned with the card it sits on.
        const bool card_rtl = rtl_;
        const std::string card_lang = lang_;
        if (rel.item_index >= 0) {
          const Item& target = in_.feed->items[rel.item_index];
          rtl_ = target.right_to_left;
          if (!target.language.empty()) lang_ = target.language;
        }
        const std::string category = rel.category.empty() ? std::string() : ascii_upper(rel.category);
        if (stacked) {
          if (!category.empty())
            text(body.x, ry, body.w, TextRole::related_category, theme_.accent_text,
                 one_line(category, body.w, TextRole::related_category));
          ry += cat_lh;
          text(body.x, ry, body.w, TextRole::related_title, title_color,
               one_line(rel.title, body.w, TextRole::related_title));
          ry += title_lh + 10;
        } else {
          float x = body.x;
          if (!category.empty()) {
            const Line label = one_line(category, body.w * 0.4f, TextRole::related_category);
            const float label_w = line_width(TextRole::related_category, label);
            // Centre the smaller label on the headline's line.
            text(x, ry + (title_lh - cat_lh) / 2, label_w, TextRole::related_category, theme_.accent_text, label);
            x += label_w + 10;
          }
          float w = body.right() - x;
          text(x, ry, w, TextRole::related_title, title_color, one_line(rel.title, w, TextRole::related_title));
          ry += inline_row;
        }
        rtl_ = card_rtl;
        lang_ = card_lang;
      }
    }
  }

  // The row above the headline: the card's marks — live, sponsored, its kind — then its
  // category, then "subscribers only" with a lock. What does not fit gives way from the end;
  // the sponsor's label is never left out, nor hidden by a look (--carta-show). Returns
  // the y under the row.
  float kicker(const Item& item, const Rect& body, float y) {
    std::vector<CardMark> marks = card_marks(item, in_.locale);
    marks.erase(std::remove_if(marks.begin(), marks.end(), [](const CardMark& m) { return m.kind == CardMark::Kind::video; }),
                marks.end());
    const bool category = !item.category.empty() && shows(show_category);
    if (marks.empty() && !category) return y;
    const TextRole role = TextRole::category;
    const float lh = theme_.style(role).line_height, pad = 6;
    const float h = marks.empty() ? lh : lh + 4, ty = y + (h - lh) / 2;
    float x = body.x;
    // One word or label at x, at most `w` wide; returns its width.
    auto word = [&](const std::string& content, float w, Color c) {
      const Line line = one_line(content, w, role);
      const float lw = std::min(w, line_width(role, line));
      text(x, ty, lw, role, c, line);
      return lw;
    };
    auto room = [&] { return body.right() - x; };
    for (const CardMark& m : marks) {
      if (m.kind == CardMark::Kind::subscribers) continue;  // after the category
      if (room() < 32 && m.kind != CardMark::Kind::sponsored) break;
      if (m.kind == CardMark::Kind::live) {
        const float dot = 6, start = x;
        const std::size_t pill = scene.shapes.size();
        box({x, y, 0, h}, theme_.live, 4);
        box({x + pad, y + (h - dot) / 2, dot, dot}, theme_.live_text, dot / 2);  // still: no frame is drawn for it
        x += pad + dot + 5;
        x += word(ascii_upper(m.text), room() - pad, theme_.live_text) + pad;
        scene.shapes[pill].rect.w = x - start;
      } else if (m.kind == CardMark::Kind::sponsored) {
        const float start = x;
        const std::size_t chip = scene.shapes.size();
        box({x, y, 0, h}, theme_.chip, 4);
        x += pad;
        x += word(m.text, std::max(8.f, room() - pad), theme_.text) + pad;
        scene.shapes[chip].rect.w = x - start;
      } else {
        x += word(ascii_upper(m.text), room(), theme_.text);
      }
      x += 8;
    }
    if (category && room() >= 32) x += word(ascii_upper(item.category), room(), theme_.accent_text) + 8;
    if (item.subscribers_only && room() >= 32) {
      Shape lock;
      lock.kind = Shape::Kind::lock_mark;
      lock.rect = {x, y + (h - 12) / 2, 10, 12};
      lock.color = theme_.muted;
      scene.shapes.push_back(lock);
      x += 14;
      for (const CardMark& m : marks)
        if (m.kind == CardMark::Kind::subscribers && room() >= 24) word(m.text, room(), theme_.muted);
    }
    return y + h + 4;
  }

  // A video story's mark on its picture, at the top corner (its caption is at the bottom):
  // a play sign and the length, on a dark pill.
  void video_mark(const Item& item, const Rect& image) {
    if (item.video_seconds < 0 || image.w < 80 || image.h < 60) return;
    const TextRole role = TextRole::caption;
    const float h = 28, lh = theme_.style(role).line_height;
    const std::string length = item.video_seconds > 0 ? duration_text(item.video_seconds) : std::string();
    const float tw = length.empty() ? 0 : measure_.width(role, length);
    const Rect pill = {image.x + 12, image.y + 12, length.empty() ? h : 10 + 10 + 6 + tw + 10, h};
    box(pill, Color{0, 0, 0, 170}, h / 2);
    Shape play;
    play.kind = Shape::Kind::play_mark;
    play.rect = {pill.x + 10, pill.y + 8, 10, 12};
    play.color = Color{255, 255, 255, 255};
    scene.shapes.push_back(play);
    if (!length.empty()) text(pill.x + 26, pill.y + (h - lh) / 2, tw, role, Color{255, 255, 255, 255}, Line{length, false});
  }

  bool arrived(const std::string& url) const {
    if (!in_.pictures) return false;
    auto state = in_.pictures->find(url);
    return state != in_.pictures->end() && (state->second == ImageState::loaded || state->second == ImageState::in_page);
  }

  void tags(const Item& item, const Rect& body, float y) {
    float x = body.x;
    for (const std::string& tag : item.tags) {
      const Line label = one_line(tag, body.w * 0.5f, TextRole::caption);
      float w = line_width(TextRole::caption, label) + 2 * kChipPad;
      if (x + w > body.right()) break;  // one row; the rest are in the mirror
      box({x, y, w, kChip}, theme_.chip, kChip / 2);
      text(x + kChipPad, y + (kChip - theme_.style(TextRole::caption).line_height) / 2, w, TextRole::caption,
           theme_.muted, label);
      x += w + 6;
    }
  }

  void picture(const Item& item, Rect image, unsigned corners) {
    box(image, theme_.placeholder, radius_, corners);
    scene.shapes.back().text = item.image;
    // A quiet picture mark on the placeholder: what shows while an image loads, or for
    // good when it is missing or fails. A loaded image covers it.
    Shape mark;
    mark.kind = Shape::Kind::picture_mark;
    float side = std::min(48.f, std::min(image.w, image.h) * 0.3f);
    mark.rect = {image.x + (image.w - side) / 2, image.y + (image.h - side) / 2 - 10, side, side * 0.75f};
    mark.color = theme_.placeholder_mark;
    mark.text = item.image;
    scene.shapes.push_back(mark);
    if (!item.image.empty()) {
      Shape s;
      s.kind = Shape::Kind::image;
      s.rect = image;
      s.radius = radius_;
      s.corners = corners;
      s.text = item.image;
      scene.shapes.push_back(std::move(s));
    }
    video_mark(item, image);
    std::string caption = shows(show_caption) ? item.image_caption : std::string();
    if (!item.image_credit.empty() && shows(show_credit)) caption += (caption.empty() ? "" : "  ") + item.image_credit;
    if (caption.empty()) return;
    float w = image.w - 2 * 12;
    float lh = theme_.style(TextRole::caption).line_height;
    const std::vector<Line> caption_lines = lines(caption, w, TextRole::caption, 2);
    const float caption_h = std::max<std::size_t>(1, caption_lines.size()) * lh;
    // Solid behind the caption (from a little above its first line), fading out above it:
    // white caption text keeps 4.5:1 over any picture, white and yellow included.
    float scrim_h = std::min(image.h, caption_h + 40);
    Shape scrim;
    scrim.kind = Shape::Kind::scrim;
    scrim.rect = {image.x, image.bottom() - scrim_h, image.w, scrim_h};
    scrim.fade = std::max(0.f, scrim_h - caption_h - 10 - 6);
    scrim.color = theme_.scrim;
    scrim.radius = radius_;
    scrim.corners = corners & (corner_bottom_left | corner_bottom_right);
    scene.shapes.push_back(std::move(scrim));
    float y = image.bottom() - caption_h - 10;
    for (const Line& line : caption_lines) {
      text(image.x + 12, y, w, TextRole::caption, theme_.caption_text, line);
      y += lh;
    }
  }

  // A card across the whole strip with a title and a message, in the locale's language.
  void status_card(Rect r, const std::string& title, const std::string& message) {
    const std::size_t first_shape = scene.shapes.size(), first_hit = scene.hits.size();
    rtl_ = ui_strings(in_.locale).right_to_left;
    lang_ = in_.locale;
    box(r, theme_.card, radius_);
    if (theme_.card_outline) outline(r, theme_.border, radius_);
    float w = std::min(r.w - 2 * inset_, 520.f);
    float x = r.x + (r.w - w) / 2;
    float h = lines_height(TextRole::headline, title, w, 2) + 8 + lines_height(TextRole::status, message, w, 4);
    float y = r.y + std::max(inset_, (r.h - h) / 2);
    y = paragraph(x, y, w, TextRole::headline, theme_.text, title, 2) + 8;
    paragraph(x, y, w, TextRole::status, theme_.muted, message, 4);
    if (rtl_) mirror(first_shape, first_hit, r);
    rtl_ = false;
  }

  float picture_height(const Rect& r) const { return picture_over_text(r, theme_.geometry); }

  bool shows(ShowPart part) const { return (theme_.show & part) != 0; }

  void skeleton(Rect r) {
    box(r, theme_.card, radius_);
    if (theme_.card_outline) outline(r, theme_.border, radius_);
    float ih = picture_height(r);
    box({r.x, r.y, r.w, ih}, theme_.placeholder, radius_, corner_top_left | corner_top_right);
    float x = r.x + inset_, y = r.y + ih + 18, w = r.w - 2 * inset_;
    float bars[] = {0.3f, 0.9f, 0.7f, 0.5f};
    for (float f : bars) {
      if (y + 14 > r.bottom() - inset_) break;
      box({x, y, w * f, 12}, theme_.placeholder, 6);
      y += 24;
    }
  }

  bool is_hovered(HitRegion::Kind kind, int index, int related) const {
    const HitRegion* h = in_.hover;
    return h && h->kind == kind && (index < 0 || h->index == index) && (related < 0 || h->related == related);
  }

  // Previous / next buttons and the dots; in a right-to-left carousel "previous" is on the
  // right and the first dot is the rightmost.
  void controls(int count, bool rtl) {
    const std::size_t first_shape = scene.shapes.size(), first_hit = scene.hits.size();
    controls_ltr(count);
    if (rtl) mirror(first_shape, first_hit, {0, 0, in_.width, in_.height});
  }

  void controls_ltr(int count) {
    const float y = in_.height - kControls + (kControls - kButton) / 2 - 4;
    Rect prev{kPad, y, kButton, kButton};
    Rect next{in_.width - kPad - kButton, y, kButton, kButton};
    // A look without arrows still has them for the keyboard: drawn while one has focus.
    const HitRegion* f = in_.focus;
    const bool arrows = shows(show_arrows) || (f && (f->kind == HitRegion::Kind::prev || f->kind == HitRegion::Kind::next));
    for (int side = 0; side < 2; ++side) {
      Rect b = side == 0 ? prev : next;
      const bool disabled = count <= per_view_count_ || (!in_.loop && (side == 0 ? in_.current <= 0 : in_.current >= count - per_view_count_));
      if (arrows) {
        if (is_hovered(side == 0 ? HitRegion::Kind::prev : HitRegion::Kind::next, -1, -1) && !disabled)
          box(b, theme_.hover, kButton / 2);
        outline(b, disabled ? theme_.border : theme_.control, kButton / 2);
        Shape chevron;
        chevron.kind = side == 0 ? Shape::Kind::chevron_left : Shape::Kind::chevron_right;
        chevron.rect = b;
        chevron.color = disabled ? theme_.control : theme_.text;
        scene.shapes.push_back(chevron);
      }
      HitRegion h;
      h.kind = side == 0 ? HitRegion::Kind::prev : HitRegion::Kind::next;
      h.rect = b;
      scene.hits.push_back(h);
    }
    // One dot per position the strip can rest at; a window of at most kMaxDots of them
    // around the current one.
    const int positions = std::max(1, count - per_view_count_ + 1);
    if (positions < 2 || !shows(show_dots)) return;  // everything is in view: nothing to page through
    int shown = std::min(positions, kMaxDots);
    int first = std::clamp(in_.current - shown / 2, 0, std::max(0, positions - shown));
    const float dot = 8, active_dot = 20, gap = 8;
    float total = (shown - 1) * (dot + gap) + (active_dot - dot) * (in_.current >= first && in_.current < first + shown);
    float x = std::round(in_.width / 2 - total / 2 - dot / 2);
    float cy = y + kButton / 2;
    for (int k = 0; k < shown; ++k) {
      int index = first + k;
      bool active = index == in_.current;
      float rw = active ? active_dot : dot;
      box({x, cy - dot / 2, rw, dot}, active ? theme_.accent_text : theme_.control, dot / 2);
      HitRegion h;
      h.kind = HitRegion::Kind::dot;
      h.rect = {x - gap / 2, cy - 12, rw + gap, 24};
      h.index = index;
      scene.hits.push_back(h);
      x += rw + gap;
    }
  }

  void build() {
    scene.clear = theme_.page;
    const int count = in_.status == FeedStatus::ready && in_.feed ? static_cast<int>(in_.feed->items.size()) : 0;
    const StripMetrics strip = strip_metrics(in_.width, count, theme_.geometry);
    const int per_view = strip.per_view;
    const float strip_h = std::max(0.f, in_.height - kPad - kControls);
    const float card_w = strip.card_width;
    const Rect whole{kPad, kPad, in_.width - 2 * kPad, strip_h};
    if (in_.status == FeedStatus::loading) {
      for (int k = 0; k < per_view; ++k) skeleton({kPad + k * strip.stride, kPad, card_w, strip_h});
      return;
    }
    const UiStrings& words = ui_strings(in_.locale);
    if (in_.status == FeedStatus::failed || !in_.feed) {
      // Readers get a calm sentence; the diagnostic only in debug mode (SceneInput::message).
      status_card(whole, words.failed, in_.message.empty() ? words.failed_detail : in_.message);
      return;
    }
    const std::vector<Item>& items = in_.feed->items;
    if (items.empty()) {
      status_card(whole, words.empty, words.empty_detail);
      return;
    }
    // A right-to-left feed runs the other way: the first card on the right.
    const bool rtl = in_.feed->right_to_left;
    // Only cards that intersect the view are laid out: cost per frame does not grow with
    // the feed.
    const float stride = strip.stride;
    int first = std::max(0, static_cast<int>(std::floor(in_.position)) - 1);
    int last = std::min(static_cast<int>(items.size()) - 1, static_cast<int>(std::ceil(in_.position)) + per_view);
    for (int i = first; i <= last; ++i) {
      float x = kPad + (i - in_.position) * stride;
      if (rtl) x = in_.width - x - card_w;
      // On whole device pixels: mid-slide a card is drawn as at rest, moved (its pixels
      // can be drawn once and reused, draw/card_layers.h).
      if (in_.dpr > 0) x = std::round(x * in_.dpr) / in_.dpr;
      // Cards show in the strip and up to one gap beyond it: with a gap under the margin, the
      // next card does not peek into it.
      const float reach = std::min(kPad, theme_.geometry.gap);
      if (x + card_w <= kPad - reach || x >= in_.width - kPad + reach) continue;
      card(i, items[i], {x, kPad, card_w, strip_h});
    }
    per_view_count_ = per_view;
    controls(static_cast<int>(items.size()), rtl);
    focus_ring();
  }

  // A visible ring around whatever has keyboard focus in the page's DOM mirror.
  void focus_ring() {
    const HitRegion* f = in_.focus;
    if (!f) return;
    for (const HitRegion& h : scene.hits) {
      if (h.kind != f->kind || h.index != f->index || h.related != f->related) continue;
      const float gap = 3;
      Shape ring;
      ring.kind = Shape::Kind::outline;
      ring.rect = {h.rect.x - gap, h.rect.y - gap, h.rect.w + 2 * gap, h.rect.h + 2 * gap};
      ring.color = theme_.accent_text;
      ring.stroke = 2.5f;
      ring.radius = h.kind == HitRegion::Kind::card ? radius_ + gap
                    : h.kind == HitRegion::Kind::prev || h.kind == HitRegion::Kind::next ? kButton / 2 + gap
                                                                                          : 8;
      // Keep the ring inside the view so the canvas never clips it.
      ring.rect.x = std::max(1.f, ring.rect.x);
      ring.rect.y = std::max(1.f, ring.rect.y);
      ring.rect.w = std::min(ring.rect.w, in_.width - 1 - ring.rect.x);
      ring.rect.h = std::min(ring.rect.h, in_.height - 1 - ring.rect.y);
      scene.shapes.push_back(ring);
      return;
    }
  }

 private:
  const SceneInput& in_;
  const Theme& theme_;
  const TextMeasure& measure_;
  // The partner's shape (Geometry): a card's corners and the room inside it.
  const float radius_, inset_;
  int per_view_count_ = 1;
  bool rtl_ = false;   // the direction of the text being laid out
  std::string lang_;  // … and its language
};

}  // namespace

Rect card_picture(const Rect& card, const Geometry& geometry) {
  // A wide card has its picture at its side, at most 48 % of it; any other, over the text.
  if (wide_card(card))
    return {card.x, card.y, std::round(std::min(card.w * 0.48f, card.h * geometry.image_ratio)), card.h};
  return {card.x, card.y, card.w, picture_over_text(card, geometry)};
}

Rect strip_picture(float width, float height, int count, const Geometry& geometry) {
  const StripMetrics strip = strip_metrics(width, count, geometry);
  return card_picture({kPad, kPad, strip.card_width, std::max(0.f, height - kPad - kControls)}, geometry);
}

StripMetrics strip_metrics(float width, int count, const Geometry& geometry) {
  StripMetrics m;
  m.per_view = cards_per_view(width, geometry.cards);
  if (count > 0 && count < m.per_view) m.per_view = count;
  m.card_width = std::max(1.f, (width - 2 * kPad - (m.per_view - 1) * geometry.gap) / m.per_view);
  m.stride = m.card_width + geometry.gap;
  return m;
}

int cards_per_view(float width, const std::vector<CardsStep>& steps) {
  int n = 1;
  for (const CardsStep& step : steps)
    if (width >= step.min_width) n = step.cards;
  return std::max(1, n);
}

Rect cover_crop(float image_w, float image_h, const Rect& target) {
  if (image_w <= 0 || image_h <= 0 || target.w <= 0 || target.h <= 0) return {0, 0, 1, 1};
  float image_aspect = image_w / image_h;
  float target_aspect = target.w / target.h;
  if (image_aspect > target_aspect) {  // image is wider: crop the sides
    float u = target_aspect / image_aspect;
    return {(1 - u) / 2, 0, u, 1};
  }
  float v = image_aspect / target_aspect;  // image is taller: crop top and bottom
  return {0, (1 - v) / 2, 1, v};
}

Scene build_scene(const SceneInput& input, const Theme& theme, const TextMeasure& measure) {
  SceneBuilder builder(input, theme, measure);
  builder.build();
  return std::move(builder.scene);
}

float scrim_alpha(const Shape& s, float y) {
  const float a = s.color.a / 255.f;
  if (y < s.rect.y || y > s.rect.bottom()) return 0;
  if (y >= s.rect.y + s.fade || s.fade <= 0) return a;
  return a * (y - s.rect.y) / s.fade;
}

const HitRegion* hit_test(const Scene& scene, float x, float y) {
  for (auto it = scene.hits.rbegin(); it != scene.hits.rend(); ++it)
    if (it->rect.contains(x, y)) return &*it;
  return nullptr;
}

std::string meta_line(const Item& item, std::int64_t now_unix, const std::string& ui_locale, unsigned parts) {
  // A card written in the other direction from the page's language (an Arabic item in an
  // English feed) gets its byline and read time in its own language.
  const std::string locale = card_locale(item, ui_locale);
  const UiStrings& words = ui_strings(locale);
  std::string out;
  // Middle dots between the parts; in a right-to-left language each dot is held between two
  // RIGHT-TO-LEFT MARKs, so a Latin name and the number of the date after it stay separate
  // runs ("מערכת Carta · 14 בספטמבר", not "Carta · 14" as one left-to-right run).
  const char* separator = words.right_to_left ? "  \xE2\x80\x8F\xC2\xB7\xE2\x80\x8F  " : "  \xC2\xB7  ";
  // Where the card or its words run right to left, each part is a first-strong isolate
  // (FSI … PDI): a date in a language of the other direction keeps its own order ("31 Jul
  // 2025" in a Persian card, not "Jul 2025 … 31").
  const bool isolate = words.right_to_left || item.right_to_left;
  auto add = [&out, separator, isolate](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += separator;
    out += isolate ? "\xE2\x81\xA8" + part + "\xE2\x81\xA9" : part;
  };
  std::string names;
  for (std::size_t i = 0; i < item.authors.size() && i < 3; ++i) {
    if (i) names += i + 1 == item.authors.size() || i == 2 ? words.and_word : words.list_comma;
    names += item.authors[i].name;
  }
  if (parts & show_byline) add(names);
  // A story updated well after it ran says so, with the time of the update.
  if (was_updated(item) && (parts & show_date))
    add(updated_text(words.updated, format_card_date(*item.modified, now_unix, locale)));
  else if (item.published && (parts & show_date))
    add(format_card_date(*item.published, now_unix, locale));
  if (parts & show_read_time) add(read_time_text(item.read_time_minutes, locale));
  return out;
}

}  // namespace carta
