// A SAX handler that builds the DOM itself so it can refuse deep nesting early and say
// where a syntax error is. nlohmann's own parser is iterative; the limit protects what
// comes after (the model builder and the DOM's own destructor).
#include "core/json_reader.h"

#include <cctype>
#include <cstdint>
#include <vector>

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

namespace {

class DomBuilder final : public nlohmann::json_sax<Json> {
 public:
  DomBuilder(std::string_view bytes, int max_depth, std::size_t max_values, Diagnostics& diagnostics)
      : bytes_(bytes), max_depth_(max_depth), max_values_(max_values), diagnostics_(diagnostics) {}

  Json root;

  bool null() override { return add(Json(nullptr)); }
  bool boolean(bool v) override { return add(Json(v)); }
  bool number_integer(number_integer_t v) override { return add(Json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return add(Json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return add(Json(v)); }
  bool string(string_t& v) override { return add(Json(std::move(v))); }
  bool binary(binary_t&) override { return add(Json(nullptr)); }

  bool start_object(std::size_t) override { return open(Json::object()); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    Frame& top = stack_.back();
    // The key is moved into the object once; the frame remembers where it lives (map
    // nodes never move). A repeated key keeps its place and its last value wins.
    auto slot = top.value->get_ref<Json::object_t&>().emplace(std::move(k), nullptr).first;
    top.key = &slot->first;
    ++top.key_count;
    pending_ = &slot->second;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
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
    diagnostics_.push_back(std::move(d));
    return false;
  }

  bool depth_exceeded() const { return depth_exceeded_; }

 private:
  struct Frame {
    Json* value;
    const std::string* key = nullptr;  // last key read, for objects
    std::size_t key_count = 0;   // keys read so far, for objects
  };

  bool count_value() {
    if (++values_ <= max_values_) return true;
    diagnostics_.push_back({Severity::error, current_pointer(),
                            "the feed holds more than " + std::to_string(max_values_) +
                                " JSON values; a news feed needs far fewer, and the limit keeps readers fast",
                            0, 0});
    return false;
  }

  bool add(Json v) {
    if (!count_value()) return false;
    if (stack_.empty()) {
      root = std::move(v);
      return true;
    }
    Frame& top = stack_.back();
    if (top.value->is_array()) {
      top.value->push_back(std::move(v));
    } else {
      *pending_ = std::move(v);
    }
    return true;
  }

  bool open(Json empty) {
    if (!count_value()) return false;
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      depth_exceeded_ = true;
      diagnostics_.push_back({Severity::error, current_pointer(),
                              "the feed nests arrays and objects more than " +
                                  std::to_string(max_depth_) + " levels deep",
                              0, 0});
      return false;
    }
    Json* slot;
    if (stack_.empty()) {
      root = std::move(empty);
      slot = &root;
    } else if (stack_.back().value->is_array()) {
      stack_.back().value->push_back(std::move(empty));
      slot = &stack_.back().value->back();
    } else {
      *pending_ = std::move(empty);
      slot = pending_;
    }
    stack_.push_back({slot, nullptr, 0});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  // Pointer to the value being read: built only when a diagnostic needs it. Containers
  // below the top are being filled at their last element; the top one is about to get its
  // next element (an array) or the value of its last key (an object).
  std::string current_pointer() const {
    std::string p;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      const Frame& f = stack_[i];
      const bool top = i + 1 == stack_.size();
      if (f.value->is_array()) {
        std::size_t n = f.value->size();
        if (!top && n == 0) break;
        p = pointer_append(p, top ? n : n - 1);
      } else {
        if (f.key_count == 0) break;
        p = pointer_append(p, *f.key);
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
  std::vector<Frame> stack_;
  Json* pending_ = nullptr;
  bool depth_exceeded_ = false;
};

}  // namespace

JsonReadResult read_json(std::string_view bytes, int max_depth, std::size_t max_values, Diagnostics& diagnostics) {
  JsonReadResult result;
  DomBuilder builder(bytes, max_depth, max_values, diagnostics);
  bool ok = Json::sax_parse(bytes.begin(), bytes.end(), &builder, nlohmann::json::input_format_t::json,
                            /*strict=*/true);
  result.ok = ok;
  result.document = std::move(builder.root);
  return result;
}

}  // namespace carta
