#include "core/json_writer.h"

#include <cstdio>

namespace carta {

JsonWriter& JsonWriter::open(char bracket) {
  comma();
  text += bracket;
  fresh_ = true;
  ++depth_;
  return *this;
}

// An empty bracket closes on its line; the bracket itself is then a value written.
JsonWriter& JsonWriter::close(char bracket) {
  --depth_;
  if (!fresh_) indent();
  text += bracket;
  fresh_ = false;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  comma();
  quote(k);
  text += indented_ ? ": " : ":";
  fresh_ = true;  // its value takes no comma
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) {
  comma();
  quote(s);
  return *this;
}

JsonWriter& JsonWriter::integer(long long n) {
  comma();
  text += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::number(double v) {
  comma();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  text += buf;
  return *this;
}

JsonWriter& JsonWriter::boolean(bool v) {
  comma();
  text += v ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::numbers(std::initializer_list<double> values) {
  open('[');
  for (double v : values) number(v);
  return close(']');
}

// Before a value or key: the comma after the previous one in the same bracket, and (indented)
// a new line at the bracket's depth. A value right after its key takes neither.
void JsonWriter::comma() {
  if (!fresh_) text += ',';
  fresh_ = false;
  if (after_key_) after_key_ = false;
  else if (depth_ > 0) indent();
}

void JsonWriter::indent() {
  if (!indented_) return;
  text += '\n';
  text.append(static_cast<std::size_t>(depth_) * 2, ' ');
}

void JsonWriter::quote(std::string_view s) {
  text += '"';
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"') text += "\\\"";
    else if (c == '\\') text += "\\\\";
    else if (c == '\n') text += "\\n";
    else if (c == '\t') text += "\\t";
    else if (c == '\r') text += "\\r";
    else if (c < 0x20) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04x", c);
      text += esc;
    } else {
      text += ch;
    }
  }
  text += '"';
}

}  // namespace carta
