// The encodings of the WHATWG Encoding Standard (encoding.spec.whatwg.org), which browsers
// and Carta read feeds in: a label as a feed or a server writes it ("latin1", "cp1256",
// "Shift_JIS") gives the encoding's name, and legacy encodings are decoded to UTF-8 by the
// platform — natively glibc's iconv, on the web the browser's TextDecoder (the page decodes
// before the XML reader sees the bytes, see web/carta-xml-end.js).
#pragma once
#include <string>
#include <string_view>

namespace carta {

// The Standard's name of the encoding a label names ("  CP1256 " -> "windows-1256",
// "gb2312" -> "GBK", "tis-620" -> "windows-874"), or "" when the label is not one of its
// labels (nor "latin-1", "latin-9" or "latin9", which Carta read before it knew the Standard). The "replacement" encoding (ISO-2022-KR, HZ…), which decodes to nothing but an
// error, gives "" too: such a feed cannot be read.
std::string_view encoding_for_label(std::string_view label);

// Decodes `bytes` in `encoding` (a name encoding_for_label returns, other than UTF-8 and
// UTF-16) to UTF-8 into `out`: bytes with no character in the encoding become U+FFFD, as
// in browsers. False, with `out` untouched, when this platform has no decoder for it.
bool decode_legacy(std::string_view encoding, std::string_view bytes, std::string& out);

}  // namespace carta
