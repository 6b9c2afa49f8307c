// Turns bytes into a small JSON value tree without exceptions and without recursion that
// the input controls: nesting deeper than the limit stops the parse with an error naming
// the place, before the structure can grow. The elements of one large array (a feed's
// items) can be handed out one at a time as they are read, so the whole document never
// exists in memory at once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"

namespace carta {

// The library's own DOM: only for writing JSON natively (`validate --json`, the bench).
using Json = nlohmann::json;

enum class JsonType : std::uint8_t { null, boolean, integer, unsigned_integer, floating, string, array, object };

class JsonTree;

// One value of a JsonTree, by reference: valid until the tree is cleared or destroyed. A
// default value, or a member that is not there, reads as null.
class JsonValue {
 public:
  JsonValue() = default;

  JsonType type() const;
  bool is_null() const { return type() == JsonType::null; }
  bool is_boolean() const { return type() == JsonType::boolean; }
  bool is_string() const { return type() == JsonType::string; }
  bool is_array() const { return type() == JsonType::array; }
  bool is_object() const { return type() == JsonType::object; }
  bool is_integer() const { return type() == JsonType::integer || type() == JsonType::unsigned_integer; }
  bool is_number() const { return is_integer() || type() == JsonType::floating; }

  bool boolean() const;
  double number() const;  // any number, as a double
  std::int64_t integer() const;  // either kind of integer (nlohmann reads 7 as unsigned)
  std::uint64_t unsigned_integer() const;
  const std::string& string() const;  // "" unless a string
  // The member's name, for a value reached by iterating over an object; "" otherwise.
  std::string_view key() const;

  // Elements of an array or members of an object. An array handed out element by element
  // (JsonStream) keeps its length but none of its elements.
  std::size_t size() const;
  // The member named `key`; when a key repeats, the last one wins (as in nlohmann::json).
  JsonValue find(std::string_view key) const;
  // The element at `index` (linear: meant for short arrays), or null.
  JsonValue at(std::size_t index) const;

  // Iterates over the elements of an array (or the values of an object's members).
  class Iterator {
   public:
    JsonValue operator*() const { return JsonValue(tree_, index_); }
    Iterator& operator++();
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }

   private:
    friend class JsonValue;
    Iterator(const JsonTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}
    const JsonTree* tree_;
    std::uint32_t index_;
  };
  Iterator begin() const;
  Iterator end() const;

 private:
  friend class JsonTree;
  JsonValue(const JsonTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}
  const JsonTree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

// JSON values in two flat arrays (nodes, strings), with no allocation per value once the
// arrays have grown: a tree that is cleared and refilled (one item after another) reuses
// its nodes and the capacity of its strings.
class JsonTree {
 public:
  JsonValue root() const { return nodes_.empty() ? JsonValue() : JsonValue(this, 0); }
  void clear() {
    nodes_.clear();
    strings_used_ = 0;
  }
  // Copies `value` (from another tree) into this one, so that it outlives that tree's
  // clear(). Recursion is bounded by the reader's depth limit.
  JsonValue keep(JsonValue value);

 private:
  friend class JsonValue;
  friend class JsonTreeReader;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  struct Node {
    JsonType type = JsonType::null;
    bool boolean = false;
    std::uint32_t key = kNone;    // the member's name (in strings_), for members of an object
    std::uint32_t next = kNone;   // the next element or member of the same container
    std::uint32_t first = kNone;  // first child; for a string, its text (in strings_)
    std::uint32_t last = kNone;   // last child
    std::uint32_t size = 0;       // children
    union {
      std::int64_t integer;
      std::uint64_t unsigned_integer;
      double floating;
    } number{};
  };

  // A new node, the last child of `parent` (kNone: a node of its own, the root if first).
  std::uint32_t add(std::uint32_t parent, std::uint32_t key, JsonType type);
  // Takes `text`'s buffer (swapping in an old one of ours, whose content is unspecified).
  std::uint32_t take_string(std::string& text);
  std::uint32_t copy_string(const std::string& text);
  std::uint32_t copy(const JsonTree& from, std::uint32_t index, std::uint32_t parent, std::uint32_t key);

  std::vector<Node> nodes_;
  std::vector<std::string> strings_;
  std::size_t strings_used_ = 0;
};

// Receives the elements of the array under one key of the root object, one at a time,
// while the document is read; they are not kept in the tree.
class JsonStream {
 public:
  explicit JsonStream(std::string_view key) : key_(key) {}
  std::string_view key() const { return key_; }
  // The key was read (again: a repeated key starts over, since the last one wins).
  virtual void restart() = 0;
  // Element `index`, complete; valid only during the call. Returns false when no further
  // elements are wanted (they are still read and counted, but not built).
  virtual bool element(JsonValue element, std::size_t index) = 0;

 protected:
  ~JsonStream() = default;

 private:
  std::string_view key_;
};

// Reads `bytes` into `tree`. Stops with an error past `max_depth` levels of nesting or
// `max_values` values in all (a feed of millions of tiny values costs far more than its
// bytes suggest), or at a syntax error, and then returns false.
// `quick`: natively a quick path reads first and hands over to nlohmann's parser at anything
// it does not take (json_reader.cpp); false reads with nlohmann's parser alone, which must
// give the same tree, stream and diagnostics (tests/unit/test_json_quick_path.cpp).
bool read_json(std::string_view bytes, int max_depth, std::size_t max_values, Diagnostics& diagnostics,
               JsonTree& tree, JsonStream* stream = nullptr, bool quick = true);

// How the documents read_json has read so far were read: by the quick path alone, or by
// nlohmann's parser (the quick path gave up, or there is none: `quick_path_built` is false
// in the web build). For tests, which must see the quick path used where it is meant to be.
struct JsonReadCounts {
  std::size_t quick = 0, full = 0;
  bool quick_path_built = false;
};
JsonReadCounts json_read_counts();

// Appends one reference token to a JSON pointer, escaping '~' and '/' (RFC 6901).
std::string pointer_append(const std::string& pointer, std::string_view token);
std::string pointer_append(const std::string& pointer, std::size_t index);

}  // namespace carta
