// The web build's decode_legacy: carta-xml.wasm has no encoding tables. The page decodes a
// feed in a legacy encoding with the browser's TextDecoder and hands the module UTF-8
// (web/carta-xml-end.js), so this is only reached when a caller did not.
#include "xml/encodings.h"

namespace carta {

bool decode_legacy(std::string_view, std::string_view, std::string&) { return false; }

}  // namespace carta
