// Writes web/carta/generated/protocol.js, the page's copy of the protocol (app/protocol.h):
// every list as a frozen object of names and values, WidgetDesc's layout in the module's
// memory (offsets as this compiler lays it out for wasm32), and the script tables the
// loader decides with. Built for Node with Emscripten and run by the `protocol-js` test
// (which fails when the committed file differs) and the `protocol_js_update` target.
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "app/protocol.h"
#include "core/bidi.h"
#include "core/feed.h"

namespace {

using namespace carta;
using namespace carta::protocol;

std::string out;

void line(const std::string& text) { out += text + "\n"; }

struct Entry {
  const char* name;
  long value;
};

void list(const char* name, const char* comment, const std::vector<Entry>& entries) {
  line("// " + std::string(comment));
  std::string text = "export const " + std::string(name) + " = {";
  for (std::size_t i = 0; i < entries.size(); ++i)
    text += std::string(i ? ", " : "") + entries[i].name + ": " + std::to_string(entries[i].value);
  line(text + "};");
}

void ranges(const char* name, const char* comment, const std::vector<std::uint32_t>& pairs) {
  line("// " + std::string(comment));
  std::string text = "export const " + std::string(name) + " = [";
  char hex[16];
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    std::snprintf(hex, sizeof hex, "0x%04X", static_cast<unsigned>(pairs[i]));
    text += std::string(i ? ", " : "") + hex;
  }
  line(text + "];");
}

void strings(const char* name, const char* comment, const std::vector<const char*>& values) {
  line("// " + std::string(comment));
  std::string text = "export const " + std::string(name) + " = [";
  for (std::size_t i = 0; i < values.size(); ++i) text += std::string(i ? ", " : "") + "'" + values[i] + "'";
  line(text + "];");
}

struct Field {
  const char* name;
  std::size_t offset;
  const char* type;
};

// A struct's layout: its size and each field's [offset, type].
void layout(const char* name, const char* comment, std::size_t size, const std::vector<Field>& fields) {
  line("// " + std::string(comment));
  std::string text = "export const " + std::string(name) + " = {size: " + std::to_string(size) + ", fields: {";
  for (std::size_t i = 0; i < fields.size(); ++i)
    text += std::string(i ? ", " : "") + fields[i].name + ": [" + std::to_string(fields[i].offset) + ", '" +
            fields[i].type + "']";
  line(text + "}};");
}

#define CARTA_ENTRY(name, value) {#name, static_cast<long>(value)},

}  // namespace

int main() {
  line("// Generated from src/app/protocol.h by src/platform/web/protocol_js.cpp: do not edit.");
  line("// Update with: cmake --build --preset wasm --target protocol_js_update");
  list("KEY", "Keys the widget takes, by KeyboardEvent.key (an Input of kind key).", {CARTA_KEYS(CARTA_ENTRY)});
  list("INPUT", "What the page tells a widget (carta_input): the Input's kind.", {CARTA_INPUT_KINDS(CARTA_ENTRY)});
  list("INPUT_RESULT", "carta_input's answer, as bits.", {CARTA_INPUT_RESULTS(CARTA_ENTRY)});
  list("ASSET", "What the page hands a widget besides its feed (carta_asset).", {CARTA_ASSET_KINDS(CARTA_ENTRY)});
  list("IMAGE", "What became of a picture the widget asked for (carta_image).", {CARTA_IMAGE_STATES(CARTA_ENTRY)});
  list("JSON_KIND", "What carta_json answers with.", {CARTA_JSON_KINDS(CARTA_ENTRY)});
  list("FRAME", "carta_frame's answer, as bits.", {CARTA_FRAME_BITS(CARTA_ENTRY)});
  list("HIT_KIND", "What a mirror element stands for (data-kind; an Input of kind focus).", {CARTA_HIT_KINDS(CARTA_ENTRY)});
  list("PAUSE", "Why autoplay waits (an Input of kind pause).", {CARTA_PAUSE_REASONS(CARTA_ENTRY)});
  list("CORNER", "Rounded corners of a picture the page shows, as bits (carta_json pagePictures).",
       {CARTA_CORNERS(CARTA_ENTRY)});
  list("FACE", "The faces of a font part, in the order of its files (carta_asset font).", {CARTA_FACES(CARTA_ENTRY)});
  list("FONT_PART", "The font parts (carta_asset font).", {CARTA_FONT_PARTS(CARTA_ENTRY)});
  list("CHANGE_CAUSE", "Why the card in view changed (an Input's cause, and the changed callback).",
       {CARTA_CHANGE_CAUSES(CARTA_ENTRY)});

  {
    const carta::FeedLimits limits;
    line("// The core's feed size limit and its refusal (carta::too_large_message): {size} is the size.");
    line("export const FEED_LIMIT = {bytes: " + std::to_string(limits.max_bytes) + ", message: '" +
         carta::too_large_message("the feed", "{size}", limits.max_bytes) + "'};");
  }

#define CARTA_STRING(name) name,
  strings("STYLE_PROPERTIES", "The partner's look: the host's custom properties handed to carta_set_theme.",
          {CARTA_STYLE_PROPERTIES(CARTA_STRING)});

  {
    std::string text = "export const SHOW_PARTS = {";
    bool first = true;
#define CARTA_PART_ENTRY(name, bits) \
    text += std::string(first ? "" : ", ") + "'" + name + "': " + std::to_string(static_cast<unsigned>(bits)), first = false;
    CARTA_SHOW_PARTS(CARTA_PART_ENTRY)
    line("// --carta-show's words and the parts (bits) each stands for (core/style.h).");
    line(text + "};");
  }

#define CARTA_FIELD(name, member, type) {#name, offsetof(Struct, member), #type},
  {
    using Struct = WidgetDesc;
    layout("WIDGET_DESC", "WidgetDesc (carta_create): its size and each field's [offset, type] in the module's memory.",
           sizeof(Struct), {CARTA_WIDGET_DESC(CARTA_FIELD)});
  }
  {
    using Struct = Input;
    layout("INPUT_LAYOUT", "Input (carta_input): its size and each field's [offset, type].", sizeof(Struct),
           {CARTA_INPUT_FIELDS(CARTA_FIELD)});
  }

  std::vector<std::uint32_t> rtl;
  for (const std::uint32_t* r = kRightToLeftRanges; r[0]; ++r) rtl.push_back(*r);
  ranges("RTL_RANGES", "Right-to-left characters, as pairs of first and last code point (core/bidi.cpp).", rtl);
  ranges("ATLAS_RANGES", "What the atlas's base fonts draw (draw/fonts.cpp).", atlas_ranges(AtlasTable::base));
  ranges("EXTENDED_RANGES", "What the Latin Extended-A fonts add.", atlas_ranges(AtlasTable::latin_extended));
  ranges("CONTROL_RANGES", "Invisible controls the atlas takes.", atlas_ranges(AtlasTable::controls));
  std::fputs(out.c_str(), stdout);
  return 0;
}
