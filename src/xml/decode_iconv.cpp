// Legacy encodings decoded natively by glibc's iconv (its gconv modules ship with libc6):
// each WHATWG encoding by the name iconv knows the same table by.
#include <iconv.h>

#include <cerrno>
#include <cstring>

#include "xml/encodings.h"

namespace carta {

namespace {

// iconv's name for a WHATWG encoding whose decoder is a superset of the label's first
// meaning: GBK is decoded as gb18030, Big5 with HKSCS, Shift_JIS as Windows-31J and
// EUC-KR as UHC (windows-949), as the Standard says browsers do.
const char* iconv_name(std::string_view encoding) {
  struct Name { const char* whatwg; const char* iconv; };
  static const Name kNames[] = {
      {"ISO-8859-8-I", "ISO-8859-8"}, {"macintosh", "MACINTOSH"}, {"windows-874", "CP874"},
      {"windows-1250", "CP1250"},     {"windows-1251", "CP1251"},  {"windows-1252", "CP1252"},
      {"windows-1253", "CP1253"},     {"windows-1254", "CP1254"},  {"windows-1255", "CP1255"},
      {"windows-1256", "CP1256"},     {"windows-1257", "CP1257"},  {"windows-1258", "CP1258"},
      {"x-mac-cyrillic", "MAC-CYRILLIC"}, {"GBK", "GB18030"},      {"gb18030", "GB18030"},
      {"Big5", "BIG5-HKSCS"},         {"Shift_JIS", "WINDOWS-31J"}, {"EUC-KR", "UHC"},
  };
  for (const Name& n : kNames)
    if (encoding == n.whatwg) return n.iconv;
  return nullptr;  // the same name in both (IBM866, ISO-8859-x, KOI8-x, EUC-JP, ISO-2022-JP)
}

}  // namespace

bool decode_legacy(std::string_view encoding, std::string_view bytes, std::string& out) {
  const char* name = iconv_name(encoding);
  const std::string own(encoding);
  iconv_t cd = iconv_open("UTF-8", name ? name : own.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string utf8;
  utf8.resize(bytes.size() * 3 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t done = 0;
  while (in_left > 0) {
    char* to = &utf8[done];
    std::size_t to_left = utf8.size() - done;
    const std::size_t r = iconv(cd, &in, &in_left, &to, &to_left);
    done = utf8.size() - to_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      utf8.resize(utf8.size() * 2);
      continue;
    }
    // EILSEQ: a byte with no character is U+FFFD and the decoding goes on after it; EINVAL:
    // a sequence cut short by the end is one U+FFFD (as the Standard's decoders do).
    if (utf8.size() - done < 3) utf8.resize(utf8.size() * 2);
    std::memcpy(&utf8[done], "\xEF\xBF\xBD", 3);
    done += 3;
    if (errno != EILSEQ) break;
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial shift state
  }
  // Stateful encodings (ISO-2022-JP) end in their initial state.
  for (;;) {
    char* to = &utf8[done];
    std::size_t to_left = utf8.size() - done;
    if (iconv(cd, nullptr, nullptr, &to, &to_left) != static_cast<std::size_t>(-1)) {
      done = utf8.size() - to_left;
      break;
    }
    if (errno != E2BIG) break;
    utf8.resize(utf8.size() * 2);
  }
  iconv_close(cd);
  utf8.resize(done);
  out = std::move(utf8);
  return true;
}

}  // namespace carta
