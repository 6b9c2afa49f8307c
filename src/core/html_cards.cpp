#include "core/html_cards.h"

#include <algorithm>
#include <string>

#include "core/datetime.h"
#include "core/json_writer.h"
#include "core/layout.h"
#include "core/marks.h"
#include "core/strings.h"

namespace carta {

namespace {

// ` name="value"` when there is a value.
std::string attribute(const char* name, const std::string& value) {
  return value.empty() ? std::string() : std::string(" ") + name + "=\"" + html_escape(value) + "\"";
}

std::string direction(const std::string& language, bool rtl) {
  return attribute("lang", language) + (language.empty() ? "" : rtl ? " dir=\"rtl\"" : " dir=\"ltr\"");
}

// A story link: a new tab, no opener, no referrer (the widget's default link policy), and
// rel="sponsored" for paid content.
std::string link(const std::string& url, bool sponsored, const std::string& text) {
  return "<a" + attribute("href", url) + " target=\"_blank\" rel=\"noopener noreferrer" + (sponsored ? " sponsored" : "") +
         "\">" + html_escape(text) + "</a>";
}

void card(std::string& out, const Feed& feed, std::size_t index, const HtmlOptions& o, const std::string& locale) {
  const Item& it = feed.items[index];
  const std::string h = "h" + std::to_string(std::clamp(o.heading_level, 1, 6));
  // An item in another language than the list's says so.
  out += "<article class=\"carta-card\"" +
         (it.language.empty() || it.language == feed.language ? std::string() : direction(it.language, it.right_to_left)) + ">\n";
  if (!it.image.empty()) {
    out += "  <figure class=\"carta-picture\"><img" + attribute("src", it.image) + " alt=\"" + html_escape(it.image_alt) +
           "\" loading=\"lazy\" decoding=\"async\">";
    if (!it.image_caption.empty() || !it.image_credit.empty()) {
      out += "<figcaption>" + html_escape(it.image_caption);
      if (!it.image_credit.empty())
        out += std::string(it.image_caption.empty() ? "" : " ") + "<span class=\"carta-credit\">" +
               html_escape(it.image_credit) + "</span>";
      out += "</figcaption>";
    }
    out += "</figure>\n";
  }
  const std::vector<CardMark> marks = card_marks(it, locale);
  if (!marks.empty()) {
    out += "  <p class=\"carta-marks\">";
    for (std::size_t k = 0; k < marks.size(); ++k) out += (k ? " · " : "") + html_escape(marks[k].text);
    out += "</p>\n";
  }
  if (!it.category.empty()) out += "  <p class=\"carta-category\">" + html_escape(it.category) + "</p>\n";
  out += "  <" + h + " class=\"carta-headline\">" + link(it.url, it.sponsored, it.title.empty() ? it.summary : it.title) +
         "</" + h + ">\n";
  // The byline, the date (a <time>: the update's when the story was updated) and the read
  // time, in the canvas's words.
  const std::string byline = meta_line(it, o.now_unix, locale, show_byline);
  const std::string date = meta_line(it, o.now_unix, locale, show_date);
  const std::string read = meta_line(it, o.now_unix, locale, show_read_time);
  out += "  <p class=\"carta-meta\">";
  if (!byline.empty() && !it.authors[0].avatar.empty())
    // No width or height: a face that fails to load takes no room (carta-cards.css sizes a
    // loaded one).
    out += "<img class=\"carta-avatar\"" + attribute("src", it.authors[0].avatar) + " alt=\"\" loading=\"lazy\">";
  if (!byline.empty()) out += "<span class=\"carta-byline\">" + html_escape(byline) + "</span> · ";
  if (!date.empty())
    out += "<time datetime=\"" + format_rfc3339(was_updated(it) ? *it.modified : *it.published) + "\">" + html_escape(date) +
           "</time> · ";
  out += "<span class=\"carta-read-time\">" + html_escape(read) + "</span></p>\n";
  if (!it.summary.empty() && !it.title.empty()) out += "  <p class=\"carta-summary\">" + html_escape(it.summary) + "</p>\n";
  if (!it.related.empty()) {
    out += "  <ul class=\"carta-related\">\n";
    for (const RelatedItem& r : it.related)
      out += "    <li>" + link(r.url, it.sponsored, (r.category.empty() ? "" : r.category + ": ") + r.title) + "</li>\n";
    out += "  </ul>\n";
  }
  out += "</article>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string cards_html(const Feed& feed, const HtmlOptions& o) {
  const std::string locale = !o.locale.empty() ? o.locale : !feed.language.empty() ? feed.language : "en";
  const UiStrings& words = ui_strings(locale);
  const std::string label = o.label.empty() ? feed.title : o.label;
  std::string out = "<section class=\"carta-cards\"" + attribute("aria-label", label) +
                    direction(locale, feed.right_to_left || words.right_to_left) + ">\n";
  for (std::size_t i = 0; i < feed.items.size(); ++i) card(out, feed, i, o, locale);
  if (feed.items.empty()) out += "<p class=\"carta-empty\">" + html_escape(words.empty) + "</p>\n";
  out += "</section>\n";
  if (o.json_ld) out += "<script type=\"application/ld+json\">" + items_json_ld(feed) + "</script>\n";
  return out;
}

std::string items_json_ld(const Feed& feed) {
  JsonWriter w;
  w.open('{').key("@context").string("https://schema.org").key("@type").string("ItemList");
  w.key("itemListElement").open('[');
  for (std::size_t i = 0; i < feed.items.size(); ++i) {
    const Item& it = feed.items[i];
    w.open('{').key("@type").string("ListItem").key("position").integer(static_cast<long long>(i + 1));
    w.key("item").open('{').key("@type").string("NewsArticle");
    if (!it.url.empty()) w.key("url").string(it.url);
    w.key("headline").string(it.title.empty() ? it.summary : it.title);
    if (!it.image.empty()) w.key("image").string(it.image);
    if (it.published) w.key("datePublished").string(format_rfc3339(*it.published));
    if (it.modified) w.key("dateModified").string(format_rfc3339(*it.modified));
    if (!it.authors.empty()) {
      w.key("author").open('[');
      for (const Author& a : it.authors) {
        w.open('{').key("@type").string("Person").key("name").string(a.name);
        if (!a.url.empty()) w.key("url").string(a.url);
        w.close('}');
      }
      w.close(']');
    }
    w.close('}').close('}');
  }
  w.close(']').close('}');
  // Safe inside <script>: no "</script" or "<!--" can close or confuse it.
  std::string out;
  for (char c : w.text) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return out;
}

}  // namespace carta
