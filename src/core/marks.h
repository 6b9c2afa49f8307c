// A news card's marks, in words: what a reader tells apart at a glance — live coverage,
// paid content, a story for subscribers only, its kind, a video and its length — said the
// same by the canvas (layout.cpp draws them), the page's mirror and the plain list.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/feed.h"

namespace carta {

struct CardMark {
  enum class Kind { live, sponsored, kind, subscribers, video };
  Kind kind = Kind::live;
  std::string text;  // in the card's words: "Live", "Sponsored by Acme", "Opinion", "Video, 3:24"
};

// The language a card's own words are in: the reader's, or the item's where it runs in the
// other direction (an Arabic item in an English feed gets its byline and marks in Arabic).
std::string card_locale(const Item& item, const std::string& ui_locale);

// The marks of `item`, in the order the card shows them: live, sponsored, kind,
// subscribers, video.
std::vector<CardMark> card_marks(const Item& item, const std::string& ui_locale);

// A video's length as players write it: "0:45", "3:24", "1:02:03".
std::string duration_text(int seconds);

// "Updated 2 h ago": the words' "{when}" (UiStrings::updated) filled.
std::string updated_text(const std::string& words, const std::string& when);

// Updated well after it ran: date_modified at least half an hour after date_published.
bool was_updated(const Item& item);

}  // namespace carta
