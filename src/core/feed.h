// The feed model: JSON Feed 1.1 plus Carta's `_carta` extension, reduced to exactly what a
// card shows. Parsing never throws and never trusts the input: every problem becomes a
// Diagnostic, every URL kept is http(s) (or relative to the feed's own location).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace carta {

struct FeedLimits {
  std::size_t max_bytes = 8u << 20;          // whole document
  int max_depth = 64;                        // nesting of arrays and objects
  std::size_t max_items = 5000;              // items kept; the rest are dropped with a warning
  std::size_t max_string_bytes = 64u << 10;  // longer strings are cut with a warning
  int words_per_minute = 200;                // for read time computed from the text
  std::size_t max_diagnostics = 1000;        // further problems are counted, not listed
  std::size_t max_values = 500000;           // JSON values in all (5 000 rich items are ~150 000)
};

// The refusal of a document over `limit` bytes: "`what` is `size` bytes; the limit is 8192
// KiB (8388608 bytes)". `size` is text so the page can say "more than …" (its copy is
// generated from this one: FEED_LIMIT in web/carta/generated/protocol.js).
std::string too_large_message(std::string_view what, std::string_view size, std::size_t limit);

struct Author {
  std::string name;
  std::string url;
  std::string avatar;
};

// A moment in time as the feed stated it: UTC seconds plus the writer's UTC offset.
struct Timestamp {
  std::int64_t unix_seconds = 0;
  int offset_minutes = 0;
};

struct RelatedItem {
  int item_index = -1;  // index into Feed::items when it refers to an item of this feed
  std::string url;
  std::string title;
  std::string category;
  std::string summary;
  std::string image;
};

// What kind of piece an item is, beside its category: the label news sites put on opinion,
// analysis and explainers (`_carta.kind`).
enum class ItemKind { news, opinion, analysis, explainer };

struct Item {
  std::string id;
  std::string url;           // the article (external_url when url is absent)
  std::string title;
  std::string summary;       // plain text
  std::string text;          // plain text of content_text or content_html
  std::string image;
  std::string image_caption;
  std::string image_credit;
  std::string image_alt;
  std::string category;
  std::string language;
  std::vector<Author> authors;
  std::vector<std::string> tags;
  std::optional<Timestamp> published;
  std::optional<Timestamp> modified;
  int read_time_minutes = 1;
  bool right_to_left = false;
  std::vector<RelatedItem> related;
  // What news cards mark at a glance (_carta.live, .sponsor, .access, .kind; a video
  // attachment): live coverage; paid content, labelled "Sponsored by" on every card and
  // never hidden; a story for subscribers only; its kind; a video story and its length.
  bool live = false;
  bool sponsored = false;
  std::string sponsor;  // the sponsor's name, when the feed gives one
  bool subscribers_only = false;
  ItemKind kind = ItemKind::news;
  int video_seconds = -1;  // -1: not a video; 0: a video of unknown length
};

struct Feed {
  std::string title;
  std::string home_page_url;
  std::string feed_url;
  std::string language;
  bool right_to_left = false;  // the carousel's direction: the first card on the right
  std::vector<Item> items;
};

struct FeedResult {
  Feed feed;
  Diagnostics diagnostics;
  bool ok() const { return !has_errors(diagnostics); }
};

// Reads a JSON Feed from bytes. `location` is where the bytes came from (an http(s) URL, or
// a file:// URL natively); relative URLs in the feed resolve against it.
FeedResult parse_feed(std::string_view bytes, std::string_view location = {},
                      const FeedLimits& limits = {});

// Adds the partner's campaign parameters (`link-params`, "utm_source=partner&…") to every
// story link of `feed` — each item's url and each related entry's — with the rules of
// add_query_params (core/url.h): the URL's own query and fragment kept, no key twice.
void add_link_params(Feed& feed, std::string_view params);

// The name to show in a byline from an author as feeds write one: "Jane Doe", RSS's
// "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>", "Jane Doe (jane@example.com)".
// An e-mail address is never a byline: one that is only an address gives "" (no byline).
// Text without an '@' comes back as it was, whitespace collapsed ("Jane Doe (Reuters)").
std::string author_name(std::string_view written);

// Languages written right to left (ar, he, fa, ur and their regional variants).
bool is_right_to_left_language(std::string_view language_tag);

}  // namespace carta
