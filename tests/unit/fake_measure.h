// A TextMeasure for tests: every character is `advance` CSS px wide, whatever the role.
#pragma once
#include "core/text.h"

struct FixedMeasure final : carta::TextMeasure {
  float advance = 8;
  float width(carta::TextRole, std::string_view text) const override {
    float w = 0;
    for (unsigned char c : text)
      if ((c & 0xC0) != 0x80) w += advance;
    return w;
  }
};
