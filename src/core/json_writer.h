// A small JSON writer: the converter's JSON Feed (indented, for people reading `carta
// convert`: IndentedJsonWriter) and the page's JSON (compact: the mirror's view, the
// fallback list, stats: JsonWriter). Written by hand so neither wasm module carries the JSON
// library's serializer; the compact one compiles to no more than a comma flag.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace carta {

// `s` quoted as a JSON string onto `out`.
void json_quote(std::string& out, std::string_view s);

template <bool Indented>
class BasicJsonWriter {
 public:
  std::string text;

  BasicJsonWriter& open(char bracket) {  // '{' or '['
    comma();
    text += bracket;
    fresh_ = true;
    ++depth_;
    return *this;
  }
  // An empty bracket closes on its line; the bracket itself is then a value written.
  BasicJsonWriter& close(char bracket) {  // '}' or ']'
    --depth_;
    if (!fresh_) indent();
    text += bracket;
    fresh_ = false;
    return *this;
  }
  BasicJsonWriter& key(std::string_view k) {
    comma();
    json_quote(text, k);
    text += Indented ? ": " : ":";
    fresh_ = after_key_ = true;  // its value takes no comma, nor a new line
    return *this;
  }
  BasicJsonWriter& string(std::string_view s) {
    comma();
    json_quote(text, s);
    return *this;
  }
  BasicJsonWriter& integer(long long n) {
    comma();
    text += std::to_string(n);
    return *this;
  }
  BasicJsonWriter& number(double v);  // two decimals: CSS pixels, ratios
  BasicJsonWriter& boolean(bool v) {
    comma();
    text += v ? "true" : "false";
    return *this;
  }
  BasicJsonWriter& numbers(std::initializer_list<double> values) {  // an array of them
    open('[');
    for (double v : values) number(v);
    return close(']');
  }
  BasicJsonWriter& member(std::string_view k, std::string_view s) { return key(k).string(s); }

 private:
  // Before a value or key: the comma after the previous one in the same bracket, and
  // (indented) a new line at the bracket's depth.
  void comma() {
    if (!fresh_) text += ',';
    fresh_ = false;
    if (after_key_) after_key_ = false;
    else if (depth_ > 0) indent();
  }
  void indent() {
    if (!Indented) return;
    text += '\n';
    text.append(static_cast<std::size_t>(depth_) * 2, ' ');
  }
  bool fresh_ = true;  // nothing written yet in the innermost open bracket (or after a key)
  bool after_key_ = false;
  int depth_ = 0;  // open brackets
};

using JsonWriter = BasicJsonWriter<false>;
using IndentedJsonWriter = BasicJsonWriter<true>;

}  // namespace carta
