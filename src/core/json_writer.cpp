#include "core/json_writer.h"

#include <cstdio>

namespace carta {

void json_quote(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20) {
      static const char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
}

template <bool Indented>
BasicJsonWriter<Indented>& BasicJsonWriter<Indented>::number(double v) {
  comma();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  text += buf;
  return *this;
}

template class BasicJsonWriter<false>;
template class BasicJsonWriter<true>;

}  // namespace carta
