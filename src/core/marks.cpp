#include "core/marks.h"

#include <cstdio>

#include "core/strings.h"

namespace carta {

namespace {

std::string with(const std::string& words, const char* name, const std::string& value) {
  std::string text = words;
  const std::string key = std::string("{") + name + "}";
  if (auto at = text.find(key); at != std::string::npos) text.replace(at, key.size(), value);
  return text;
}

}  // namespace

std::string card_locale(const Item& item, const std::string& ui_locale) {
  return !item.language.empty() && item.right_to_left != ui_strings(ui_locale).right_to_left ? item.language
                                                                                             : ui_locale;
}

std::vector<CardMark> card_marks(const Item& item, const std::string& ui_locale) {
  const UiStrings& w = ui_strings(card_locale(item, ui_locale));
  std::vector<CardMark> out;
  if (item.live) out.push_back({CardMark::Kind::live, w.live});
  if (item.sponsored)
    out.push_back({CardMark::Kind::sponsored, item.sponsor.empty() ? w.sponsored : with(w.sponsored_by, "name", item.sponsor)});
  const std::string* kind = item.kind == ItemKind::opinion    ? &w.opinion
                            : item.kind == ItemKind::analysis  ? &w.analysis
                            : item.kind == ItemKind::explainer ? &w.explainer
                                                               : nullptr;
  if (kind) out.push_back({CardMark::Kind::kind, *kind});
  if (item.subscribers_only) out.push_back({CardMark::Kind::subscribers, w.subscribers});
  if (item.video_seconds >= 0)
    out.push_back({CardMark::Kind::video,
                   item.video_seconds > 0 ? with(w.video_length, "duration", duration_text(item.video_seconds)) : w.video});
  return out;
}

std::string updated_text(const std::string& words, const std::string& when) { return with(words, "when", when); }

std::string duration_text(int seconds) {
  if (seconds < 0) seconds = 0;
  const int h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
  char text[32];
  if (h > 0) std::snprintf(text, sizeof text, "%d:%02d:%02d", h, m, s);
  else std::snprintf(text, sizeof text, "%d:%02d", m, s);
  return text;
}

bool was_updated(const Item& item) {
  return item.modified && item.published && item.modified->unix_seconds - item.published->unix_seconds >= 30 * 60;
}

}  // namespace carta
