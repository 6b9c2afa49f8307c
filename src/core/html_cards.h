// The cards as plain HTML, for a page to carry before (and without) JavaScript: the plain
// list's structure — picture with its description, caption and credit, the card's marks,
// category, headline link, byline line, summary, related links — semantic and accessible,
// with the class names of web/carta-cards.css; and, when asked, a schema.org ItemList of
// NewsArticle as JSON-LD. `carta html` prints it; the same words, dates and marks as the
// canvas (meta_line, card_marks).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/feed.h"

namespace carta {

struct HtmlOptions {
  std::string locale;            // the UI's language; empty: the feed's
  std::int64_t now_unix = 0;     // for relative dates ("2 h ago")
  int heading_level = 2;         // the headlines' element: h2 under the page's h1
  bool json_ld = false;          // add <script type="application/ld+json">
  std::string label;             // the section's accessible name; empty: the feed's title
};

std::string cards_html(const Feed& feed, const HtmlOptions& options);

// Text for HTML content or a quoted attribute: & < > " ' escaped.
std::string html_escape(std::string_view text);

// The feed's items as a schema.org ItemList of NewsArticle (url, headline, image,
// datePublished, dateModified, author), as JSON safe inside a <script> element.
std::string items_json_ld(const Feed& feed);

}  // namespace carta
