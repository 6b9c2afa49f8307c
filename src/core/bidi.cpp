#include "core/bidi.h"

#include <cstdint>
#include <functional>
#include <vector>

#include "carta_bidi.h"
#include "core/text.h"

namespace carta {

const std::uint32_t kRightToLeftRanges[] = {
    0x0590, 0x08FF,    // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan…
    0xFB1D, 0xFDFF,    // Hebrew and Arabic presentation forms A
    0xFE70, 0xFEFE,    // Arabic presentation forms B
    0x10800, 0x10FFF,  // historic right-to-left scripts
    0x1E800, 0x1EFFF,  // Adlam, Arabic mathematical letters…
    0x200F, 0x200F,    // RLM
    0x202B, 0x202B,    // RLE
    0x202E, 0x202E,    // RLO
    0x2067, 0x2067,    // RLI
    0,
};

namespace {

std::vector<std::uint32_t> decode(std::string_view s) {
  std::vector<std::uint32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

std::string encode(const std::uint32_t* text, int length) {
  std::string out;
  out.reserve(static_cast<std::size_t>(length) * 2);
  for (int k = 0; k < length; ++k) {
    std::uint32_t c = text[k];
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool is_right_to_left_char(std::uint32_t c) {
  for (const std::uint32_t* r = kRightToLeftRanges; r[0]; r += 2)
    if (c >= r[0] && c <= r[1]) return true;
  return false;
}

using Engine = int (*)(std::uint32_t*, int, int);

// Layout asks for the same paragraphs and lines every frame while a card is in view, so
// results are remembered: a frame of Arabic cards costs a few lookups, not a FriBiDi run
// per line. A direct-mapped table (a newer entry takes over its slot), so it stays small in
// memory and in code. Only the engine's answers are kept, never the unchanged text returned
// while it is not loaded. Carta's core runs on one thread.
class Memo {
 public:
  const std::string* find(bool rtl, std::string_view text) const {
    const Slot& slot = slots_[index(rtl, text)];
    return slot.used && slot.rtl == rtl && slot.text == text ? &slot.result : nullptr;
  }
  void keep(bool rtl, std::string_view text, const std::string& result) {
    Slot& slot = slots_[index(rtl, text)];
    slot = {true, rtl, std::string(text), result};
  }

 private:
  struct Slot {
    bool used = false, rtl = false;
    std::string text, result;
  };
  static constexpr std::size_t kSlots = 1024;
  static std::size_t index(bool rtl, std::string_view text) {
    return (std::hash<std::string_view>()(text) + rtl) % kSlots;
  }
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
};

// `memo` is made on first use: a build without the engine (the web widget, whose browser
// sets right-to-left text) never makes one.
std::string run(std::string_view utf8, bool rtl, Engine engine, Memo& (*memo_of)()) {
  if (utf8.empty() || (!rtl && !has_right_to_left_text(utf8))) return std::string(utf8);
  static const bool available = bidi_engine_available();
  if (!available) return std::string(utf8);
  Memo& memo = memo_of();
  if (const std::string* known = memo.find(rtl, utf8)) return *known;
  std::vector<std::uint32_t> text = decode(utf8);
  int length = engine(text.data(), static_cast<int>(text.size()), rtl ? 1 : 0);
  if (length < 0) return std::string(utf8);
  std::string result = encode(text.data(), length);
  memo.keep(rtl, utf8, result);
  return result;
}

Memo& shaped_memo() {
  static Memo memo;
  return memo;
}
Memo& visual_memo() {
  static Memo memo;
  return memo;
}

}  // namespace

bool has_right_to_left_text(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0xD6) {  // below U+0590 and not a lead of one
      i += utf8_length(static_cast<unsigned char>(utf8[i]));
      continue;
    }
    if (is_right_to_left_char(next_code_point(utf8, i))) return true;
  }
  return false;
}

std::string shape_paragraph(std::string_view utf8, bool rtl) { return run(utf8, rtl, carta_bidi_shape, shaped_memo); }

std::string visual_line(std::string_view shaped_utf8, bool rtl) {
  return run(shaped_utf8, rtl, carta_bidi_reorder, visual_memo);
}

bool bidi_engine_available() {
  std::uint32_t probe = 0x0627;  // alef
  return carta_bidi_reorder(&probe, 1, 1) == 1;
}

}  // namespace carta
