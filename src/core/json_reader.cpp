// A SAX handler that builds the DOM itself so it can refuse deep nesting early and say
// where a syntax error is. nlohmann's own parser is iterative; the limit protects what
// comes after (the model builder and the DOM's own destructor).
#include "core/json_reader.h"

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
  DomBuilder(std::string_view bytes, int max_depth, Diagnostics& diagnostics)
      : bytes_(bytes), max_depth_(max_depth), diagnostics_(diagnostics) {}

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
    top.key = k;
    pending_ = &(*top.value)[k];
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
    std::string key;  // last key, for objects
  };

  bool add(Json v) {
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
    stack_.push_back({slot, {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  // Pointer to the value being read: built only when a diagnostic needs it.
  std::string current_pointer() const {
    std::string p;
    for (const Frame& f : stack_) {
      if (&f == &stack_.back() && f.value->is_object() && f.key.empty()) break;
      if (f.value->is_array()) {
        if (f.value->empty()) break;
        p = pointer_append(p, f.value->size() - 1);
      } else {
        p = pointer_append(p, f.key);
      }
    }
    return p;
  }

  void locate(std::size_t position, int& line, int& column) const {
    line = 1;
    column = 1;
    std::size_t end = position < bytes_.size() ? position : bytes_.size();
    for (std::size_t i = 0; i < end; ++i) {
      unsigned char c = static_cast<unsigned char>(bytes_[i]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((c & 0xC0) != 0x80) {  // count characters, not UTF-8 continuation bytes
        ++column;
      }
    }
    if (column > 1 && position > 0) --column;  // nlohmann points one past the bad character
  }

  std::string_view bytes_;
  int max_depth_;
  Diagnostics& diagnostics_;
  std::vector<Frame> stack_;
  Json* pending_ = nullptr;
  bool depth_exceeded_ = false;
};

}  // namespace

JsonReadResult read_json(std::string_view bytes, int max_depth, Diagnostics& diagnostics) {
  JsonReadResult result;
  DomBuilder builder(bytes, max_depth, diagnostics);
  bool ok = Json::sax_parse(bytes.begin(), bytes.end(), &builder, nlohmann::json::input_format_t::json,
                            /*strict=*/true);
  result.ok = ok;
  result.document = std::move(builder.root);
  return result;
}

}  // namespace carta
