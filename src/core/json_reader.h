// Turns bytes into a JSON document without exceptions and without recursion that the
// input controls: nesting deeper than the limit stops the parse with an error naming the
// place, before the structure can grow.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"

namespace carta {

using Json = nlohmann::json;

struct JsonReadResult {
  Json document;
  bool ok = false;
};

// Stops with an error past `max_depth` levels of nesting or `max_values` values in all
// (a feed of millions of tiny values costs far more than its bytes suggest).
JsonReadResult read_json(std::string_view bytes, int max_depth, std::size_t max_values, Diagnostics& diagnostics);

// Appends one reference token to a JSON pointer, escaping '~' and '/' (RFC 6901).
std::string pointer_append(const std::string& pointer, std::string_view token);
std::string pointer_append(const std::string& pointer, std::size_t index);

}  // namespace carta
