#include "draw/text_engine.h"

#include "core/bidi.h"

#include <cmath>
#include <cstdio>

namespace carta {
namespace {

// Remembered answers beyond this many are forgotten all at once: a feed's visible
// paragraphs are a few dozen, so this only bounds memory when many cards go by.
constexpr std::size_t kMostRemembered = 4096;

// role, language, a number (line count or colour) and the width or dpr, then the text.
std::string key(TextRole role, const Language& language, unsigned long number, float size, std::string_view text) {
  char head[48];
  int n = std::snprintf(head, sizeof head, "%d%d%lx/%.2f|", static_cast<int>(role), language.rtl ? 1 : 0, number, size);
  std::string k(head, static_cast<std::size_t>(n));
  k.append(language.code).append("|").append(text.data(), text.size());
  return k;
}

}  // namespace

void TextEngine::set_platform(PlatformText* platform) {
  platform_ = platform;
  lines_.clear();
  widths_.clear();
}

// Right-to-left paragraphs go to the platform whenever there is one: its shaping (HarfBuzz
// in the browser and in Pango) has the fonts' ligatures, mark placement and kerning, which
// FriBiDi's presentation forms through the atlas lack (5-8 % of pixels differ from
// Chromium's own text, against 0 %), and on the web it spares an Arabic page the bidi
// engine and the Arabic fonts (77 KB gzip). bench/README.md has the figures. A role set in
// the partner's fonts (TypeStyle::family) is the platform's in every script.
bool TextEngine::platform_text(std::string_view paragraph, bool rtl, TextRole role) const {
  return platform_ && (rtl || !theme_.style(role).family.empty() || has_right_to_left_text(paragraph) ||
                       !atlas_covers(paragraph, rtl));
}

void TextEngine::restyle() {
  lines_.clear();
  widths_.clear();
  for (const CachedImage& image : images_.clear()) evicted_.push_back(image.handle);
}

std::vector<std::string> TextEngine::platform_lines(std::string_view paragraph, float max_width, TextRole role,
                                                    int max_lines, const Language& language) const {
  if (!platform_ || max_width <= 0) return {};
  std::string k = key(role, language, static_cast<unsigned long>(max_lines), max_width, paragraph);
  auto found = lines_.find(k);
  if (found != lines_.end()) return found->second;
  if (lines_.size() >= kMostRemembered) lines_.clear();
  return lines_[std::move(k)] = platform_->lines(paragraph, theme_.style(role), max_width, max_lines, language);
}

float TextEngine::platform_width(TextRole role, std::string_view line, const Language& language) const {
  if (!platform_) return 0;
  std::string k = key(role, language, 0, 0, line);
  auto found = widths_.find(k);
  if (found != widths_.end()) return found->second;
  if (widths_.size() >= kMostRemembered) widths_.clear();
  return widths_[std::move(k)] = platform_->width(line, theme_.style(role), language);
}

const Texture* TextEngine::image(const Shape& s, float dpr) {
  if (!platform_) return nullptr;
  const unsigned long rgba = static_cast<unsigned long>(s.color.r) << 24 | s.color.g << 16 | s.color.b << 8 | s.color.a;
  const std::string k = key(s.role, s.language, rgba, dpr, s.text);
  const CachedImage* cached = images_.use(k);
  if (!cached) {
    Texture t = platform_->image(s.text, theme_.style(s.role), s.color, s.language, dpr);
    if (!t.id) return nullptr;
    CachedImage entry;
    entry.url = k;
    entry.handle = static_cast<std::uint64_t>(reinterpret_cast<std::intptr_t>(t.id));
    entry.width = t.width;
    entry.height = t.height;
    for (const CachedImage& old : images_.insert(std::move(entry))) evicted_.push_back(old.handle);
    cached = images_.use(k);
  }
  lookup_.id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(cached->handle));
  lookup_.width = cached->width;
  lookup_.height = cached->height;
  return &lookup_;
}

std::vector<std::uint64_t> TextEngine::take_evicted() {
  std::vector<std::uint64_t> out;
  out.swap(evicted_);
  return out;
}

std::vector<std::uint64_t> TextEngine::forget_images() {
  std::vector<std::uint64_t> out = take_evicted();
  for (const CachedImage& image : images_.clear()) out.push_back(image.handle);
  return out;
}

}  // namespace carta
