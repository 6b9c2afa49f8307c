// Builds the feed model from the JSON as it is read, applying JSON Feed 1.1's rules the
// way real publishing tools bend them, and saying what was wrong and where.
#include "core/feed.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <map>

#include "core/datetime.h"
#include "core/html_text.h"
#include "core/json_reader.h"
#include "core/url.h"

namespace carta {

const Diagnostic* first_error(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::error) return &d;
  return nullptr;
}

bool has_errors(const Diagnostics& diagnostics) { return first_error(diagnostics) != nullptr; }

const char* severity_name(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

std::string printable(std::string_view text, std::size_t max_bytes) {
  std::string out;
  std::size_t i = 0;
  for (; i < text.size() && out.size() < max_bytes; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) {
      static const char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (i < text.size()) {
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();  // a cut lead byte
    out += "\xE2\x80\xA6";
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string where;
  if (d.line > 0) where = "line " + std::to_string(d.line) + ", column " + std::to_string(d.column);
  else where = d.pointer.empty() ? "/" : printable(d.pointer, 400);
  // Keys and values from the feed end up in pointers and messages: never let them forge a
  // line or drive the terminal.
  return std::string(severity_name(d.severity)) + " " + where + ": " + printable(d.message, 2000);
}

bool is_right_to_left_language(std::string_view tag) {
  std::string primary;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return primary == "ar" || primary == "he" || primary == "fa" || primary == "ur" ||
         primary == "iw" || primary == "ps" || primary == "sd" || primary == "yi" || primary == "ckb";
}

std::string author_name(std::string_view written) {
  std::string text = collapse_whitespace(written);
  if (text.find('@') == std::string::npos) return text;
  // The text outside brackets first, then each bracketed part in turn: the first with
  // words left once its addresses are taken out is the name.
  std::string outside, part;
  std::vector<std::string> inside;
  char closing = 0;
  for (char c : text) {
    if (!closing && (c == '(' || c == '<' || c == '[')) {
      closing = c == '(' ? ')' : c == '<' ? '>' : ']';
      outside += part + ' ';
      part.clear();
    } else if (closing && c == closing) {
      closing = 0;
      inside.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  if (closing) inside.push_back(part);
  else outside += part;
  auto without_addresses = [](const std::string& words) {
    std::string out;
    std::size_t i = 0;
    while (i < words.size()) {
      std::size_t end = words.find(' ', i);
      if (end == std::string::npos) end = words.size();
      std::string_view word(words.data() + i, end - i);
      std::size_t at = word.find('@');
      const bool address = at != std::string_view::npos && at > 0 && at + 1 < word.size();  // not "@handle"
      if (!address && !word.empty()) out += (out.empty() ? "" : " ") + std::string(word);
      i = end + 1;
    }
    // Separators left behind: "Jane Doe, jane@example.com" -> "Jane Doe".
    std::size_t b = out.find_first_not_of(" ,;:|/-"), e = out.find_last_not_of(" ,;:|/-");
    return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
  };
  if (std::string name = without_addresses(outside); !name.empty()) return name;
  for (const std::string& piece : inside)
    if (std::string name = without_addresses(piece); !name.empty()) return name;
  return {};
}

namespace {

const char* type_name(JsonValue v) {
  switch (v.type()) {
    case JsonType::null: return "null";
    case JsonType::object: return "an object";
    case JsonType::array: return "an array";
    case JsonType::string: return "a string";
    case JsonType::boolean: return "true/false";
    case JsonType::integer:
    case JsonType::unsigned_integer:
    case JsonType::floating: return "a number";
  }
  return "an unsupported value";
}

// The decimal text of a numeric id: 42 -> "42", 7.0 -> "7", 1.5 -> "1.5". (Not the
// library's serializer, which the web build would otherwise carry only for this.)
std::string number_text(JsonValue n) {
  if (n.type() == JsonType::unsigned_integer) return std::to_string(n.unsigned_integer());
  if (n.type() == JsonType::integer) return std::to_string(n.integer());
  double d = n.number();
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", d);
  return text;
}

// A value from the feed, quoted in a message: control characters escaped, cut when long.
std::string quote_value(std::string_view value, std::size_t max_bytes = 80) {
  return "\"" + printable(value, max_bytes) + "\"";
}

// Keeps a valid UTF-8 prefix of at most `max` bytes (never splitting a character).
std::string cut_utf8(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

constexpr std::size_t kMaxTagBytes = 256;

// Where a value is, as steps from the root: spelled out as a JSON pointer only when a
// diagnostic is listed (most values never need theirs). Steps live on the stack of the
// code reading them, a few levels deep.
class Path {
 public:
  Path() = default;  // the whole document
  Path member(std::string_view key) const& { return Path(this, key, 0, false); }
  Path element(std::size_t index) const& { return Path(this, {}, index, true); }
  // A step names its parent: never take one from a temporary.
  Path member(std::string_view) && = delete;
  Path element(std::size_t) && = delete;
  std::string str() const {
    if (!parent_) return {};
    return is_index_ ? pointer_append(parent_->str(), index_) : pointer_append(parent_->str(), key_);
  }

 private:
  Path(const Path* parent, std::string_view key, std::size_t index, bool is_index)
      : parent_(parent), key_(key), index_(index), is_index_(is_index) {}
  const Path* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};  // a tag is a word or two; anything longer is noise

// Builds the model while the document is read: each item as soon as its element of
// "items" is complete (then its tree is reused for the next), the feed's own fields once
// the document is whole, since they may come after "items". Diagnostics keep the order of
// the model, not of the document: the feed's own fields, then the items, then their
// related entries.
class ModelBuilder final : public JsonStream {
 public:
  ModelBuilder(std::string_view location, const FeedLimits& limits, Feed& feed, Diagnostics& diagnostics)
      : JsonStream("items"), location_(location), limits_(limits), feed_(feed), diagnostics_(diagnostics) {}

  // Past max_diagnostics, problems are only counted: a feed of a million wrong tags must
  // not become a million lines (or a gigabyte of JSON) of the same warning.
  void warn(const Path& where, std::string message) {
    if (Diagnostics* list = room()) list->push_back({Severity::warning, where.str(), std::move(message), 0, 0});
  }
  // The list a new warning goes to, or nullptr once it is full.
  Diagnostics* room() {
    Warnings& to = reading_items_ ? item_warnings_ : warnings_;
    if (to.listed + 1 >= limits_.max_diagnostics) {  // keep room for the summary line
      ++to.unlisted;
      return nullptr;
    }
    ++to.listed;
    return to.list;
  }
  void finish() {
    if (warnings_.unlisted > 0)
      diagnostics_.push_back({Severity::warning, "",
                              std::to_string(warnings_.unlisted) + " more warnings like the ones above were not listed",
                              0, 0});
  }
  void error(const Path& where, std::string message) {
    diagnostics_.push_back({Severity::error, where.str(), std::move(message), 0, 0});
  }

  // A string member; absent or null gives nullopt quietly, another type warns.
  // The view points into the tree being read; pointers are only spelled out when there is
  // something to say.
  std::optional<std::string_view> string_at(JsonValue object, const char* key, const Path& base) {
    JsonValue v = object.find(key);
    if (v.is_null()) return std::nullopt;
    if (!v.is_string()) {
      warn(base.member(key), std::string("expected a string but found ") + type_name(v) + "; ignored");
      return std::nullopt;
    }
    std::string_view s = v.string();
    if (s.size() > limits_.max_string_bytes) {
      warn(base.member(key), "text longer than " + std::to_string(limits_.max_string_bytes / 1024) +
                                          " KiB was cut");
      std::size_t end = limits_.max_string_bytes;
      while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
      return s.substr(0, end);
    }
    return s;
  }

  std::string text_at(JsonValue object, const char* key, const Path& base) {
    auto s = string_at(object, key, base);
    return s ? plain_text(*s) : std::string();
  }

  // A title or summary: plain text in JSON Feed, so never read as HTML — a word after a '<'
  // is never lost. Character references are decoded (tools write "&#8217;" and "&amp;"
  // into JSON titles); tags are kept as typed, with a warning, since the publisher most
  // likely meant them as markup.
  std::string plain_at(JsonValue object, const char* key, const Path& base) {
    auto s = string_at(object, key, base);
    if (!s) return {};
    if (std::string tag = looks_like_html(*s); !tag.empty())
      warn(base.member(key), "plain text holds what looks like HTML markup (" + quote_value(tag, 40) +
                                 "); it is shown as typed (HTML belongs in content_html)");
    return plain_text(*s);
  }

  std::string url_at(JsonValue object, const char* key, const Path& base) {
    auto s = string_at(object, key, base);
    if (!s) return {};
    SafeUrl safe = make_safe_url(*s, location_);
    switch (safe.verdict) {
      case UrlVerdict::ok: return std::move(safe.url);
      case UrlVerdict::empty: return {};
      case UrlVerdict::unsafe_scheme:
        warn(base.member(key), "removed a \"" + safe.scheme + ":\" URL; only http and https links are allowed");
        return {};
      case UrlVerdict::malformed:
        warn(base.member(key), "removed a URL that is not a valid http(s) address");
        return {};
    }
    return {};
  }

  std::optional<Timestamp> date_at(JsonValue object, const char* key, const Path& base) {
    auto s = string_at(object, key, base);
    if (!s || s->empty()) return std::nullopt;
    if (auto t = parse_rfc3339(*s)) return t;
    const Path pointer = base.member(key);
    if (auto t = parse_rfc2822(*s)) {
      warn(pointer, "date is in RFC 2822 form; JSON Feed asks for RFC 3339 (2025-07-31T14:00:00+03:00)");
      return t;
    }
    warn(pointer, "could not read the date " + quote_value(*s, 64) +
                      "; expected RFC 3339 such as 2025-07-31T14:00:00+03:00");
    return std::nullopt;
  }

  std::vector<Author> authors_at(JsonValue object, const Path& base) {
    std::vector<Author> out;
    auto read_one = [&](JsonValue a, const Path& pointer) {
      if (!a.is_object()) {
        warn(pointer, std::string("expected an author object but found ") + type_name(a) + "; ignored");
        return;
      }
      Author author;
      author.name = author_name(text_at(a, "name", pointer));  // never an e-mail address
      author.url = url_at(a, "url", pointer);
      author.avatar = url_at(a, "avatar", pointer);
      if (!author.name.empty()) out.push_back(std::move(author));
    };
    JsonValue authors = object.find("authors");
    if (!authors.is_null()) {
      const Path pointer = base.member("authors");
      if (!authors.is_array()) {
        warn(pointer, std::string("expected an array of authors but found ") + type_name(authors) + "; ignored");
      } else {
        std::size_t i = 0;
        for (JsonValue a : authors) read_one(a, pointer.element(i++));
      }
    }
    if (out.empty()) {  // JSON Feed 1.0's single `author`
      JsonValue one = object.find("author");
      if (!one.is_null()) read_one(one, base.member("author"));
    }
    return out;
  }

  Item item_at(JsonValue v, const Path& pointer, bool& keep) {
    Item item;
    keep = false;
    if (!v.is_object()) {
      warn(pointer, std::string("expected an item object but found ") + type_name(v) + "; item dropped");
      return item;
    }
    JsonValue id = v.find("id");
    if (id.is_string()) {
      item.id = std::string(*string_at(v, "id", pointer));  // cut, with a warning, when absurdly long
    } else if (id.is_number()) {
      item.id = number_text(id);  // numeric ids are read as their decimal text
    } else if (!id.is_null()) {
      warn(pointer.member("id"), std::string("expected a string id but found ") + type_name(id));
    }
    item.url = url_at(v, "url", pointer);
    std::string external = url_at(v, "external_url", pointer);
    if (item.url.empty()) item.url = external;
    if (item.id.empty()) {
      if (item.url.empty()) {
        warn(pointer, "item has neither \"id\" nor \"url\"; item dropped");
        return item;
      }
      item.id = item.url;
      warn(pointer.member("id"), "item has no \"id\"; its url is used instead");
    }
    item.title = plain_at(v, "title", pointer);
    if (auto text = string_at(v, "content_text", pointer)) item.text = collapse_whitespace(*text);
    if (auto html = string_at(v, "content_html", pointer); html && item.text.empty())
      item.text = html_to_text(*html);
    item.summary = plain_at(v, "summary", pointer);
    if (item.summary.empty() && !item.text.empty()) item.summary = cut_utf8(item.text, 600);
    if (item.title.empty() && item.summary.empty())
      warn(pointer, "item has no title, summary or text; its card will be bare");
    item.image = url_at(v, "image", pointer);
    if (item.image.empty()) item.image = url_at(v, "banner_image", pointer);
    item.published = date_at(v, "date_published", pointer);
    item.modified = date_at(v, "date_modified", pointer);
    item.authors = authors_at(v, pointer);  // the feed's authors when none: see build()
    if (JsonValue tags = v.find("tags"); !tags.is_null()) {
      const Path tp = pointer.member("tags");
      if (!tags.is_array()) {
        warn(tp, std::string("expected an array of strings but found ") + type_name(tags) + "; ignored");
      } else {
        std::size_t i = 0;
        for (JsonValue t : tags) {
          const std::size_t at = i++;
          if (!t.is_string()) {
            warn(tp.element(at), std::string("expected a string tag but found ") + type_name(t));
            continue;
          }
          const std::string& tag = t.string();
          if (tag.size() > kMaxTagBytes) warn(tp.element(at), "a tag longer than 256 bytes was cut");
          item.tags.push_back(collapse_whitespace(cut_utf8(tag, kMaxTagBytes)));
        }
      }
    }
    item.language = text_at(v, "language", pointer);  // the feed's language when none: see build()

    int read_time = 0;
    if (JsonValue ext = v.find("_carta"); !ext.is_null()) {
      const Path ep = pointer.member("_carta");
      if (!ext.is_object()) {
        warn(ep, std::string("expected an object but found ") + type_name(ext) + "; ignored");
      } else {
        item.image_caption = text_at(ext, "image_caption", ep);
        item.image_credit = text_at(ext, "image_credit", ep);
        item.image_alt = text_at(ext, "image_alt", ep);
        item.category = text_at(ext, "category", ep);
        if (JsonValue rt = ext.find("read_time_minutes"); !rt.is_null()) {
          if (rt.is_number() && rt.number() >= 1 && rt.number() <= 1000) {
            read_time = static_cast<int>(std::lround(rt.number()));
          } else {
            warn(ep.member("read_time_minutes"),
                 "read time must be a positive number of minutes; computed from the text instead");
          }
        }
        news_marks(item, ext, ep);
        if (JsonValue rel = ext.find("related"); !rel.is_null()) {
          // Kept beyond this item's tree: related entries are resolved once all items are read.
          pending_related_.push_back({feed_.items.size(), document_index_, related_.keep(rel)});
        }
      }
    }
    video_at(item, v, pointer);
    item.read_time_minutes = read_time > 0 ? read_time : estimate_read_time(item);
    keep = true;
    return item;
  }

  // _carta.live, .sponsor, .access and .kind; a value that is not one is warned of where it
  // is and leaves the card unmarked — except a sponsor without a name, which still marks the
  // item as sponsored (a reader must never take paid content for the newsroom's own).
  void news_marks(Item& item, JsonValue ext, const Path& ep) {
    if (JsonValue live = ext.find("live"); !live.is_null()) {
      if (live.is_boolean()) item.live = live.boolean();
      else warn(ep.member("live"), std::string("expected true or false but found ") + type_name(live) + "; ignored");
    }
    if (JsonValue sponsor = ext.find("sponsor"); !sponsor.is_null()) {
      item.sponsored = true;
      item.sponsor = sponsor.is_string() ? text_at(ext, "sponsor", ep) : std::string();
      if (!sponsor.is_string())
        warn(ep.member("sponsor"), std::string("a sponsor is a name, not ") + type_name(sponsor) +
                                       "; the card says \"Sponsored\" without one");
      else if (item.sponsor.empty())
        warn(ep.member("sponsor"), "a sponsor needs a name; the card says \"Sponsored\" without one");
    }
    if (JsonValue access = ext.find("access"); !access.is_null()) {
      const std::string a = access.is_string() ? access.string() : std::string();
      if (a == "subscribers") item.subscribers_only = true;
      else if (a != "free")
        warn(ep.member("access"), "access is \"subscribers\" or \"free\", not " +
                                      (access.is_string() ? quote_value(a, 40) : std::string(type_name(access))) + "; ignored");
    }
    if (JsonValue kind = ext.find("kind"); !kind.is_null()) {
      static const std::pair<const char*, ItemKind> kKinds[] = {
          {"news", ItemKind::news}, {"opinion", ItemKind::opinion}, {"analysis", ItemKind::analysis},
          {"explainer", ItemKind::explainer}};
      const std::string k = kind.is_string() ? kind.string() : std::string();
      bool known = false;
      for (const auto& [name, value] : kKinds)
        if (k == name) item.kind = value, known = true;
      if (!known)
        warn(ep.member("kind"), "kind is one of news, opinion, analysis, explainer, not " +
                                    (kind.is_string() ? quote_value(k, 40) : std::string(type_name(kind))) + "; ignored");
    }
  }

  // A video story: JSON Feed's first attachment whose mime_type is video/*, with its
  // duration_in_seconds when it gives a sensible one.
  void video_at(Item& item, JsonValue v, const Path& pointer) {
    JsonValue attachments = v.find("attachments");
    if (attachments.is_null()) return;
    const Path ap = pointer.member("attachments");
    if (!attachments.is_array()) {
      warn(ap, std::string("expected an array of attachments but found ") + type_name(attachments) + "; ignored");
      return;
    }
    std::size_t i = 0;
    for (JsonValue a : attachments) {
      const Path at = ap.element(i++);
      JsonValue type = a.is_object() ? a.find("mime_type") : JsonValue();
      if (!type.is_string() || type.string().rfind("video/", 0) != 0) continue;
      item.video_seconds = 0;
      JsonValue d = a.find("duration_in_seconds");
      if (d.is_null()) return;
      if (d.is_number() && d.number() >= 0 && d.number() < 1e7) item.video_seconds = static_cast<int>(std::lround(d.number()));
      else warn(at.member("duration_in_seconds"), "a duration is a number of seconds, 0 or more; the video's length is not shown");
      return;
    }
  }

  int estimate_read_time(const Item& item) const {
    const std::string& text = item.text.empty() ? item.summary : item.text;
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
      bool space = c == ' ' || c == '\n' || c == '\t';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    int minutes = static_cast<int>((words + limits_.words_per_minute - 1) / limits_.words_per_minute);
    return std::max(1, minutes);
  }

  // JsonStream: the elements of "items", as they are read. Their warnings wait in
  // item_warnings_ until the feed's own fields have had theirs.
  void restart() override {  // "items" again: the last one wins
    feed_.items.clear();
    index_by_id_.clear();
    pending_related_.clear();
    related_.clear();
    item_diagnostics_.clear();
    item_warnings_ = {&item_diagnostics_};
    first_unused_ = std::nullopt;
  }

  bool element(JsonValue v, std::size_t i) override {
    if (feed_.items.size() >= limits_.max_items) {
      first_unused_ = i;
      return false;
    }
    reading_items_ = true;
    document_index_ = i;
    const Path items = root_.member("items");
    const Path pointer = items.element(i);
    bool keep = false;
    Item item = item_at(v, pointer, keep);
    if (keep && !index_by_id_.emplace(item.id, static_cast<int>(feed_.items.size())).second) {
      warn(pointer.member("id"), "duplicate id " + quote_value(item.id, 120) + "; item dropped");
      if (!pending_related_.empty() && pending_related_.back().item_index == feed_.items.size())
        pending_related_.pop_back();
      keep = false;
    }
    if (keep) feed_.items.push_back(std::move(item));
    reading_items_ = false;
    return true;
  }

  // Related entries are resolved after all items are read, since they may point forward.
  void resolve_related() {
    Feed& feed = feed_;
    for (const PendingRelated& p : pending_related_) {
      Item& item = feed.items[p.item_index];
      JsonValue rel = p.value;
      const Path items = root_.member("items");
      const Path at = items.element(p.document_index);
      const Path ext = at.member("_carta");
      const Path pointer = ext.member("related");
      if (!rel.is_array()) {
        warn(pointer, std::string("expected an array but found ") + type_name(rel) + "; ignored");
        continue;
      }
      // Entries kept, and the one that ends the list: at most 4, so a list is enough.
      std::vector<std::string> seen;
      std::size_t i = 0;
      for (JsonValue entry : rel) {
        const Path rp = pointer.element(i++);
        RelatedItem out;
        std::string key;
        if (entry.is_string() || entry.is_integer()) {
          std::string id = entry.is_string() ? entry.string() : number_text(entry);
          auto found = index_by_id_.find(id);
          if (found == index_by_id_.end()) {
            warn(rp, "no item with id " + quote_value(id, 120) + " in this feed; ignored");
            continue;
          }
          if (found->second == static_cast<int>(p.item_index)) {
            warn(rp, "an item cannot be related to itself; ignored");
            continue;
          }
          const Item& target = feed.items[found->second];
          out.item_index = found->second;
          out.url = target.url;
          out.title = target.title;
          out.category = target.category;
          out.summary = target.summary;
          out.image = target.image;
          key = "id:" + id;
        } else if (entry.is_object()) {
          out.url = url_at(entry, "url", rp);
          out.title = plain_at(entry, "title", rp);
          out.category = text_at(entry, "category", rp);
          out.summary = plain_at(entry, "summary", rp);
          out.image = url_at(entry, "image", rp);
          if (out.title.empty()) {
            warn(rp, "related entry has no title; ignored");
            continue;
          }
          key = "url:" + (out.url.empty() ? out.title : out.url);
        } else {
          warn(rp, std::string("expected an item id or an object but found ") + type_name(entry) + "; ignored");
          continue;
        }
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
          warn(rp, "duplicate related entry; ignored");
          continue;
        }
        seen.push_back(std::move(key));
        if (item.related.size() >= 3) {
          warn(rp, "a card shows at most 3 related items; the rest are ignored");
          break;
        }
        item.related.push_back(std::move(out));
      }
    }
  }

  // Once the document is read whole (its items already built).
  void build(JsonValue root) {
    Feed& feed = feed_;
    if (!root.is_object()) {
      error(Path(), std::string("a feed must be a JSON object but this is ") + type_name(root));
      return;
    }
    const Path top;
    auto version = string_at(root, "version", top);
    if (!version) {
      warn(top.member("version"), "missing \"version\"; reading it as JSON Feed 1.1");
    } else if (version->rfind("https://jsonfeed.org/version/", 0) != 0) {
      warn(top.member("version"), "unknown version " + quote_value(*version) + "; reading it as JSON Feed 1.1");
    }
    feed.title = plain_at(root, "title", top);
    feed.home_page_url = url_at(root, "home_page_url", top);
    feed.feed_url = url_at(root, "feed_url", top);
    feed.language = text_at(root, "language", top);
    const std::vector<Author> feed_authors = authors_at(root, top);

    JsonValue items = root.find("items");
    if (items.is_null() || !items.is_array()) {
      feed.items.clear();
      error(top.member("items"), items.is_null() ? std::string("the feed has no \"items\" array")
                                      : std::string("\"items\" must be an array but is ") + type_name(items));
      return;
    }
    // The items' warnings, after the feed's: the first ones that fit are listed.
    for (Diagnostic& d : item_diagnostics_)
      if (Diagnostics* list = room()) list->push_back(std::move(d));
    warnings_.unlisted += item_warnings_.unlisted;
    const Path items_path = top.member("items");
    if (first_unused_)
      warn(items_path.element(*first_unused_), "the feed has " + std::to_string(items.size()) +
                                                           " items; only the first " +
                                                           std::to_string(limits_.max_items) + " are used");
    for (Item& item : feed.items) {
      if (item.authors.empty()) item.authors = feed_authors;
      if (item.language.empty()) item.language = feed.language;
      item.right_to_left = is_right_to_left_language(item.language);
    }
    resolve_related();
    // The carousel runs right to left for a right-to-left feed language, or, when the feed
    // names none, when most of its items are right to left.
    std::size_t rtl_items = 0;
    for (const Item& item : feed.items) rtl_items += item.right_to_left;
    feed.right_to_left = feed.language.empty() ? rtl_items * 2 > feed.items.size()
                                               : is_right_to_left_language(feed.language);
    finish();
  }

 private:
  struct PendingRelated {
    std::size_t item_index;      // in feed_.items
    std::size_t document_index;  // in the document's "items"
    JsonValue value;             // in related_
  };
  struct Warnings {
    Diagnostics* list;
    std::size_t listed = 0;
    std::size_t unlisted = 0;
  };
  std::string_view location_;
  const FeedLimits& limits_;
  Feed& feed_;
  Diagnostics& diagnostics_;
  Warnings warnings_{&diagnostics_};
  Diagnostics item_diagnostics_;  // warnings of the items, listed after the feed's own
  Warnings item_warnings_{&item_diagnostics_};
  bool reading_items_ = false;
  std::size_t document_index_ = 0;  // of the item being read
  const Path root_;
  std::map<std::string, int> index_by_id_;  // items kept, by id
  JsonTree related_;  // the related lists of the items, kept until all items are read
  std::vector<PendingRelated> pending_related_;
  std::optional<std::size_t> first_unused_;  // the first item past max_items
};

}  // namespace

std::string too_large_message(std::string_view what, std::string_view size, std::size_t limit) {
  return std::string(what) + " is " + std::string(size) + " bytes; the limit is " + std::to_string(limit / 1024) +
         " KiB (" + std::to_string(limit) + " bytes)";
}

FeedResult parse_feed(std::string_view bytes, std::string_view location, const FeedLimits& limits) {
  FeedResult result;
  if (bytes.size() > limits.max_bytes) {
    result.diagnostics.push_back(
        {Severity::error, "", too_large_message("the feed", std::to_string(bytes.size()), limits.max_bytes), 0, 0});
    return result;
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);  // a UTF-8 byte order mark some editors write
    result.diagnostics.push_back({Severity::warning, "", "the feed starts with a byte order mark; ignored", 0, 0});
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    result.diagnostics.push_back({Severity::error, "",
                                  "the feed is encoded as UTF-16; JSON feeds must be UTF-8 (save it as UTF-8 "
                                  "without a byte order mark)",
                                  1, 1});
    return result;
  }
  ModelBuilder builder(location, limits, result.feed, result.diagnostics);
  JsonTree document;  // the feed without its items, which the builder takes as they are read
  if (!read_json(bytes, limits.max_depth, limits.max_values, result.diagnostics, document, &builder)) {
    result.feed = Feed();
    return result;
  }
  builder.build(document.root());
  return result;
}

void add_link_params(Feed& feed, std::string_view params) {
  if (params.empty()) return;
  for (Item& item : feed.items) {
    item.url = add_query_params(item.url, params);
    for (RelatedItem& r : item.related) r.url = add_query_params(r.url, params);
  }
}

}  // namespace carta
