// A small JSON writer: the converter's JSON Feed (indented, for people reading `carta
// convert`) and the page's JSON (compact: the mirror's view, the fallback list, stats).
// Written by hand so neither wasm module carries the JSON library's serializer.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace carta {

class JsonWriter {
 public:
  explicit JsonWriter(bool indented = false) : indented_(indented) {}
  std::string text;

  JsonWriter& open(char bracket);   // '{' or '['
  JsonWriter& close(char bracket);  // '}' or ']'
  JsonWriter& key(std::string_view k);
  JsonWriter& string(std::string_view s);
  JsonWriter& integer(long long n);
  JsonWriter& number(double v);  // two decimals: CSS pixels, ratios
  JsonWriter& boolean(bool v);
  JsonWriter& numbers(std::initializer_list<double> values);  // an array of them
  JsonWriter& member(std::string_view k, std::string_view s) { return key(k).string(s); }

 private:
  void comma();
  void quote(std::string_view s);
  void indent();
  bool fresh_ = true;  // nothing written yet in the innermost open bracket (or after a key)
  int depth_ = 0;      // open brackets
  bool after_key_ = false;
  bool indented_;
};

}  // namespace carta
