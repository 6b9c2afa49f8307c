// A SAX handler that builds a JsonTree itself, so it can refuse deep nesting early, say
// where a syntax error is, and hand out the elements of one array as they complete.
// nlohmann's own parser is iterative; the depth limit protects what comes after.
#include "core/json_reader.h"

#include <cctype>
#include <cstdint>
#include <utility>

#include "core/html_text.h"

namespace carta {

std::string pointer_append(const std::string& pointer, std::string_view token) {
  std::string out = pointer;
  out += '/';
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

// --- JsonValue and JsonTree -----------------------------------------------------------

JsonType JsonValue::type() const { return tree_ ? tree_->nodes_[index_].type : JsonType::null; }

bool JsonValue::boolean() const { return is_boolean() && tree_->nodes_[index_].boolean; }

double JsonValue::number() const {
  if (!tree_) return 0;
  const auto& n = tree_->nodes_[index_];
  switch (n.type) {
    case JsonType::integer: return static_cast<double>(n.number.integer);
    case JsonType::unsigned_integer: return static_cast<double>(n.number.unsigned_integer);
    case JsonType::floating: return n.number.floating;
    default: return 0;
  }
}

std::int64_t JsonValue::integer() const {
  if (type() == JsonType::unsigned_integer) return static_cast<std::int64_t>(tree_->nodes_[index_].number.unsigned_integer);
  return type() == JsonType::integer ? tree_->nodes_[index_].number.integer : 0;
}

std::uint64_t JsonValue::unsigned_integer() const {
  return type() == JsonType::unsigned_integer ? tree_->nodes_[index_].number.unsigned_integer : 0;
}

const std::string& JsonValue::string() const {
  static const std::string kEmpty;
  return is_string() ? tree_->strings_[tree_->nodes_[index_].first] : kEmpty;
}

std::string_view JsonValue::key() const {
  if (!tree_ || tree_->nodes_[index_].key == JsonTree::kNone) return {};
  return tree_->strings_[tree_->nodes_[index_].key];
}

std::size_t JsonValue::size() const { return is_array() || is_object() ? tree_->nodes_[index_].size : 0; }

JsonValue JsonValue::find(std::string_view key) const {
  if (!is_object()) return {};
  JsonValue found;
  for (std::uint32_t i = tree_->nodes_[index_].first; i != JsonTree::kNone; i = tree_->nodes_[i].next)
    if (tree_->strings_[tree_->nodes_[i].key] == key) found = JsonValue(tree_, i);  // the last one wins
  return found;
}

JsonValue JsonValue::at(std::size_t index) const {
  for (JsonValue v : *this)
    if (index-- == 0) return v;
  return {};
}

JsonValue::Iterator& JsonValue::Iterator::operator++() {
  index_ = tree_->nodes_[index_].next;
  return *this;
}

JsonValue::Iterator JsonValue::begin() const {
  const bool container = is_array() || is_object();
  return Iterator(tree_, container ? tree_->nodes_[index_].first : JsonTree::kNone);
}

JsonValue::Iterator JsonValue::end() const { return Iterator(tree_, JsonTree::kNone); }

std::uint32_t JsonTree::add(std::uint32_t parent, std::uint32_t key, JsonType type) {
  const auto index = static_cast<std::uint32_t>(nodes_.size());
  Node node;
  node.type = type;
  node.key = key;
  nodes_.push_back(node);
  if (parent != kNone) {
    Node& p = nodes_[parent];
    if (p.last == kNone) p.first = index;
    else nodes_[p.last].next = index;
    p.last = index;
    ++p.size;
  }
  return index;
}

std::uint32_t JsonTree::take_string(std::string& text) {
  if (strings_used_ == strings_.size()) strings_.emplace_back();
  strings_[strings_used_].swap(text);  // no copy: the reader's buffer becomes ours
  return static_cast<std::uint32_t>(strings_used_++);
}

std::uint32_t JsonTree::copy_string(const std::string& text) {
  if (strings_used_ == strings_.size()) strings_.emplace_back();
  strings_[strings_used_] = text;
  return static_cast<std::uint32_t>(strings_used_++);
}

std::uint32_t JsonTree::copy(const JsonTree& from, std::uint32_t index, std::uint32_t parent, std::uint32_t key) {
  const Node& source = from.nodes_[index];
  const std::uint32_t to = add(parent, key, source.type);
  nodes_[to].boolean = source.boolean;
  nodes_[to].number = source.number;
  if (source.type == JsonType::string) {
    nodes_[to].first = copy_string(from.strings_[source.first]);
  } else if (source.type == JsonType::array || source.type == JsonType::object) {
    for (std::uint32_t i = source.first; i != kNone; i = from.nodes_[i].next) {
      const std::uint32_t k = from.nodes_[i].key == kNone ? kNone : copy_string(from.strings_[from.nodes_[i].key]);
      copy(from, i, to, k);
    }
  }
  return to;
}

JsonValue JsonTree::keep(JsonValue value) {
  if (!value.tree_) return {};
  return JsonValue(this, copy(*value.tree_, value.index_, kNone, kNone));
}

// --- The reader --------------------------------------------------------------------------

// nlohmann's SAX interface, implemented without its virtual base: sax_parse is a template.
class JsonTreeReader {
 public:
  using Node = JsonTree::Node;
  static constexpr std::uint32_t kNone = JsonTree::kNone;

  JsonTreeReader(std::string_view bytes, int max_depth, std::size_t max_values, Diagnostics& diagnostics,
                 JsonTree& tree, JsonStream* stream, std::vector<bool>& stream_calls)
      : bytes_(bytes), max_depth_(max_depth), max_values_(max_values), diagnostics_(diagnostics), tree_(tree),
        stream_(stream), stream_calls_(stream_calls) {}

  bool null() { return scalar(JsonType::null, [](Node&, JsonTree&) {}); }
  bool boolean(bool v) {
    return scalar(JsonType::boolean, [v](Node& n, JsonTree&) { n.boolean = v; });
  }
  bool number_integer(std::int64_t v) {
    return scalar(JsonType::integer, [v](Node& n, JsonTree&) { n.number.integer = v; });
  }
  bool number_unsigned(std::uint64_t v) {
    return scalar(JsonType::unsigned_integer, [v](Node& n, JsonTree&) { n.number.unsigned_integer = v; });
  }
  bool number_float(double v, const std::string&) {
    return scalar(JsonType::floating, [v](Node& n, JsonTree&) { n.number.floating = v; });
  }
  bool string(std::string& v) {
    return scalar(JsonType::string, [&v](Node& n, JsonTree& t) { n.first = t.take_string(v); });
  }
  bool binary(Json::binary_t&) { return null(); }

  bool start_object(std::size_t) { return open(JsonType::object); }
  bool start_array(std::size_t) { return open(JsonType::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    Frame& top = frames_[depth_ - 1];
    ++top.count;
    top.key.assign(k);
    if (depth_ == 1 && stream_) {
      streamed_key_ = k == stream_->key();
      if (streamed_key_) stream_wanted_ = call_stream(true);
    }
    pending_key_ = top.tree ? top.tree->take_string(k) : kNone;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) {
    Diagnostic d;
    d.severity = Severity::error;
    d.pointer = current_pointer();
    locate(position, d.line, d.column);
    std::string what = ex.what();
    // nlohmann's text reads "[json.exception.parse_error.101] parse error at line 1,
    // column 4: syntax error while parsing value - invalid literal; last read: 'tru'".
    auto colon = what.find(": ");
    std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    // "syntax error while parsing value - invalid literal": the part after the dash is
    // what a publisher can act on.
    if (detail.rfind("syntax error while parsing ", 0) == 0) {
      auto dash = detail.find(" - ");
      if (dash != std::string::npos) detail = detail.substr(dash + 3);
    }
    if (detail.rfind("[json.exception", 0) == 0) {  // e.g. out_of_range.406, number overflow
      auto bracket = detail.find("] ");
      detail = bracket == std::string::npos ? detail : detail.substr(bracket + 2);
    }
    if (bytes_.find_first_not_of(" \t\r\n") == std::string_view::npos)
      d.message = "the feed is empty; expected a JSON object";
    else
      d.message = "not valid JSON: " + detail;
    // JSON Feed is UTF-8 (RFC 8259 for JSON sent between systems): say what to do about
    // a feed saved in windows-1256 or Latin-1.
    // The bytes nlohmann quotes ("last read") are not text: left out.
    if (detail.find("ill-formed UTF-8") != std::string::npos)
      d.message = "not valid JSON: ill-formed UTF-8 byte; a JSON feed must be UTF-8 (save it as UTF-8)";
    diagnostics_.push_back(std::move(d));
    return false;
  }


 private:
  struct Frame {
    bool array = false;
    bool streamed = false;  // the streamed array: its elements go to element_, one at a time
    bool element = false;   // an element of the streamed array: handed out when it closes
    std::size_t count = 0;  // elements so far (arrays), keys so far (objects)
    std::string key;        // last key read (objects)
    JsonTree* tree = nullptr;  // where the container's values go; nullptr when not kept
    std::uint32_t node = kNone;
  };

  // Where a new value went: nowhere (not kept), a tree, or the streamed array's element.
  struct Slot {
    JsonTree* tree = nullptr;
    std::uint32_t node = kNone;
    bool element = false;
  };

  bool count_value() {
    if (++values_ <= max_values_) return true;
    diagnostics_.push_back({Severity::error, current_pointer(),
                            "the feed holds more than " + std::to_string(max_values_) +
                                " JSON values; a news feed needs far fewer, and the limit keeps readers fast",
                            0, 0});
    return false;
  }

  Slot place(JsonType type) {
    if (depth_ == 0) return {&tree_, tree_.add(kNone, kNone, type), false};
    Frame& top = frames_[depth_ - 1];
    if (top.array) ++top.count;
    if (top.streamed) {
      ++tree_.nodes_[top.node].size;  // the array keeps its length, not its elements
      if (!stream_wanted_) return {};
      element_.clear();
      return {&element_, element_.add(kNone, kNone, type), true};
    }
    if (!top.tree) return {};
    return {top.tree, top.tree->add(top.node, top.array ? kNone : pending_key_, type), false};
  }

  template <typename Fill>
  bool scalar(JsonType type, Fill fill) {
    if (!count_value()) return false;
    Slot slot = place(type);
    if (slot.tree) fill(slot.tree->nodes_[slot.node], *slot.tree);
    if (slot.element) hand_out();
    return true;
  }

  bool open(JsonType type) {
    if (!count_value()) return false;
    if (static_cast<int>(depth_) >= max_depth_) {
      diagnostics_.push_back({Severity::error, current_pointer(),
                              "the feed nests arrays and objects more than " +
                                  std::to_string(max_depth_) + " levels deep",
                              0, 0});
      return false;
    }
    const bool streamed = type == JsonType::array && depth_ == 1 && streamed_key_;
    Slot slot = place(type);
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& f = frames_[depth_++];
    f.array = type == JsonType::array;
    f.streamed = streamed && slot.tree;
    f.element = slot.element;
    f.count = 0;
    f.tree = slot.tree;
    f.node = slot.node;
    return true;
  }

  bool close() {
    if (frames_[--depth_].element) hand_out();
    return true;
  }

  void hand_out() { stream_wanted_ = call_stream(false); }

  // A call to the stream (restart, or the element just read), with its answer (restart:
  // true). A second reading of the same bytes, after the quick path gave up, makes the same
  // calls first: those are answered from the first reading's, not made again.
  bool call_stream(bool restart) {
#ifndef CARTA_QUICK_JSON  // read once: nothing to replay
    if (restart) return stream_->restart(), true;
    return stream_->element(element_.root(), frames_[depth_ - 1].count - 1);
#endif
    if (replayed_ < stream_calls_.size()) return stream_calls_[replayed_++];
    bool answer = true;
    if (restart) stream_->restart();
    else answer = stream_->element(element_.root(), frames_[depth_ - 1].count - 1);
    stream_calls_.push_back(answer);
    ++replayed_;
    return answer;
  }

  // Pointer to the value being read: built only when a diagnostic needs it. Containers
  // below the top are being filled at their last element; the top one is about to get its
  // next element (an array) or the value of its last key (an object).
  std::string current_pointer() const {
    std::string p;
    for (std::size_t i = 0; i < depth_; ++i) {
      const Frame& f = frames_[i];
      const bool top = i + 1 == depth_;
      if (f.array) {
        if (!top && f.count == 0) break;
        p = pointer_append(p, top ? f.count : f.count - 1);
      } else {
        if (f.count == 0) break;
        p = pointer_append(p, f.key);
      }
    }
    return p;
  }

  // Line and column (1-based, in characters) of the token that failed. nlohmann reports
  // how many bytes it read, which can run past the token into whitespace; step back to the
  // last character read that is not a space, then to the start of its word.
  void locate(std::size_t position, int& line, int& column) const {
    std::size_t end = position < bytes_.size() ? position : bytes_.size();
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.'; };
    std::size_t at = end > 0 ? end - 1 : 0;
    while (at > 0 && space(bytes_[at])) --at;
    while (at > 0 && at < bytes_.size() && word(bytes_[at]) && word(bytes_[at - 1])) --at;
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < at && i < bytes_.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(bytes_[i]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((c & 0xC0) != 0x80) {  // count characters, not UTF-8 continuation bytes
        ++column;
      }
    }
  }

  std::string_view bytes_;
  int max_depth_;
  std::size_t max_values_;
  std::size_t values_ = 0;
  Diagnostics& diagnostics_;
  JsonTree& tree_;
  JsonStream* stream_;
  std::vector<bool>& stream_calls_;  // what the stream answered, call by call
  std::size_t replayed_ = 0;         // calls of this reading so far
  JsonTree element_;  // the streamed array's element being read
  std::vector<Frame> frames_;  // [0, depth_) are open; the rest keep their key buffers
  std::size_t depth_ = 0;
  std::uint32_t pending_key_ = kNone;  // the last key, in the tree of the object it names
  bool streamed_key_ = false;          // the last key of the root object is the stream's
  bool stream_wanted_ = true;
};

#ifdef CARTA_QUICK_JSON  // natively only: in the web build it would cost 1.3 KB of gzip
// --- The quick path ------------------------------------------------------------------------

// Reads plain, well-formed JSON (integers that fit 64 bits, no fractions or exponents: nearly
// every feed) into the same handler as nlohmann's parser, with the same events, several
// times faster: nlohmann's lexer copies every byte twice (once for its error messages) and
// one at a time. It gives up, returning false, at anything else, and at a handler's refusal;
// read_json then reads the document again with nlohmann's parser, whose diagnostics (and
// limits' diagnostics) are the ones reported. So it must accept nothing nlohmann refuses,
// and everything it accepts must give nlohmann's events: never its own error text.
template <typename Handler>
class PlainJsonReader {
 public:
  PlainJsonReader(std::string_view bytes, Handler& handler)
      : p_(bytes.data()), end_(bytes.data() + bytes.size()), handler_(handler) {}

  bool read() {
    for (;;) {  // at a value
      skip_space();
      if (p_ == end_) return false;
      switch (*p_) {
        case '{':
          ++p_;
          if (!handler_.start_object(static_cast<std::size_t>(-1))) return false;
          skip_space();
          if (p_ != end_ && *p_ == '}') {
            ++p_;
            if (!handler_.end_object()) return false;
            break;
          }
          open_.push_back(true);
          if (!read_key()) return false;
          continue;
        case '[':
          ++p_;
          if (!handler_.start_array(static_cast<std::size_t>(-1))) return false;
          skip_space();
          if (p_ != end_ && *p_ == ']') {
            ++p_;
            if (!handler_.end_array()) return false;
            break;
          }
          open_.push_back(false);
          continue;
        case '"':
          if (!read_string(text_) || !handler_.string(text_)) return false;
          break;
        case 't':
          if (!literal("true") || !handler_.boolean(true)) return false;
          break;
        case 'f':
          if (!literal("false") || !handler_.boolean(false)) return false;
          break;
        case 'n':
          if (!literal("null") || !handler_.null()) return false;
          break;
        default:
          if (!read_integer()) return false;
      }
      // After a value: close what ends here, then on to the next element or member.
      for (;;) {
        skip_space();
        if (open_.empty()) return p_ == end_;  // strict: nothing may follow the document
        if (p_ == end_) return false;
        const char c = *p_++;
        const bool object = open_.back();
        if (c == ',') {
          if (object && !read_key()) return false;
          break;
        }
        if (c != (object ? '}' : ']')) return false;
        open_.pop_back();
        if (!(object ? handler_.end_object() : handler_.end_array())) return false;
      }
    }
  }

 private:
  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  // "key" and its ':'.
  bool read_key() {
    skip_space();
    if (p_ == end_ || *p_ != '"' || !read_string(key_) || !handler_.key(key_)) return false;
    skip_space();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    return true;
  }

  // nlohmann reads "-12" as a signed and "12" as an unsigned integer; anything with a
  // fraction or an exponent, or out of range, is left to it.
  bool read_integer() {
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    std::uint64_t value = 0;
    if (*p_ == '0') {
      ++p_;
    } else {
      for (; p_ != end_ && *p_ >= '0' && *p_ <= '9'; ++p_) {
        const auto digit = static_cast<std::uint64_t>(*p_ - '0');
        if (value > (UINT64_MAX - digit) / 10) return false;
        value = value * 10 + digit;
      }
    }
    if (p_ != end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E' || (*p_ >= '0' && *p_ <= '9'))) return false;
    if (!negative) return handler_.number_unsigned(value);
    if (value > static_cast<std::uint64_t>(INT64_MAX) + 1) return false;
    return handler_.number_integer(value == static_cast<std::uint64_t>(INT64_MAX) + 1
                                       ? INT64_MIN
                                       : -static_cast<std::int64_t>(value));
  }

  // Bytes that end a run of plain text in a string: the quote, the backslash, control
  // characters (which JSON forbids unescaped) and the lead bytes of UTF-8 sequences.
  struct StopTable {
    bool stop[256] = {};
    constexpr StopTable() {
      for (int c = 0; c < 0x20; ++c) stop[c] = true;
      for (int c = 0x80; c < 0x100; ++c) stop[c] = true;
      stop[static_cast<unsigned char>('"')] = true;
      stop[static_cast<unsigned char>('\\')] = true;
    }
  };
  static constexpr StopTable kStops{};

  static bool continuation(const char* p, unsigned char low = 0x80, unsigned char high = 0xBF) {
    const auto c = static_cast<unsigned char>(*p);
    return c >= low && c <= high;
  }

  // Length of the well-formed UTF-8 sequence at p_ (Unicode's table 3-7, as nlohmann checks
  // it), or 0.
  std::size_t utf8_length() const {
    const auto c = static_cast<unsigned char>(*p_);
    const std::ptrdiff_t left = end_ - p_;
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && continuation(p_ + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      const unsigned char low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
      return left >= 3 && continuation(p_ + 1, low, high) && continuation(p_ + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      const unsigned char low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
      return left >= 4 && continuation(p_ + 1, low, high) && continuation(p_ + 2) && continuation(p_ + 3) ? 4 : 0;
    }
    return 0;
  }

  int hex4() {
    if (end_ - p_ < 4) return -1;
    int value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      int digit;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      else return -1;
      value = value * 16 + digit;
    }
    return value;
  }

  // The string at p_ (its opening quote) into `out`, decoded; runs of text are copied at once.
  bool read_string(std::string& out) {
    out.clear();
    ++p_;
    for (;;) {
      const char* run = p_;
      for (;;) {
        while (p_ != end_ && !kStops.stop[static_cast<unsigned char>(*p_)]) ++p_;
        if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x80) break;
        const std::size_t n = utf8_length();
        if (n == 0) return false;
        p_ += n;
      }
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_) return false;
      const char c = *p_++;
      if (c == '"') return true;
      if (c != '\\' || p_ == end_) return false;  // a control character, or a cut escape
      switch (*p_++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          int cp = hex4();
          if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // must be followed by its low half
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            const int low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, static_cast<char32_t>(cp));
          break;
        }
        default: return false;
      }
    }
  }

  const char* p_;
  const char* const end_;
  Handler& handler_;
  std::vector<bool> open_;  // containers open: true for an object
  std::string text_;        // the string being read (the handler may swap it for another)
  std::string key_;
};

#endif  // CARTA_QUICK_JSON

namespace {
JsonReadCounts read_counts;
}  // namespace

JsonReadCounts json_read_counts() {
  JsonReadCounts counts = read_counts;
#ifdef CARTA_QUICK_JSON
  counts.quick_path_built = true;
#endif
  return counts;
}

bool read_json(std::string_view bytes, int max_depth, std::size_t max_values, Diagnostics& diagnostics,
               JsonTree& tree, JsonStream* stream, bool quick) {
  std::vector<bool> stream_calls;
#ifdef CARTA_QUICK_JSON
  const std::size_t listed = diagnostics.size();
  if (quick) {
    tree.clear();
    JsonTreeReader reader(bytes, max_depth, max_values, diagnostics, tree, stream, stream_calls);
    if (PlainJsonReader<JsonTreeReader>(bytes, reader).read()) {
      ++read_counts.quick;
      return true;
    }
  }
#else
  (void)quick;  // no quick path in this build
#endif
  // Again, with nlohmann's parser, whose diagnostics are the ones reported. The stream has
  // had the elements before the place the quick path stopped: they are not handed out twice.
#ifdef CARTA_QUICK_JSON
  diagnostics.erase(diagnostics.begin() + static_cast<std::ptrdiff_t>(listed), diagnostics.end());
#endif
  tree.clear();
  ++read_counts.full;
  JsonTreeReader reader(bytes, max_depth, max_values, diagnostics, tree, stream, stream_calls);
  return Json::sax_parse(bytes.begin(), bytes.end(), &reader, nlohmann::json::input_format_t::json,
                         /*strict=*/true);
}

}  // namespace carta
