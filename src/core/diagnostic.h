// Diagnostics: what the feed reader tells a publisher about their feed. Each names where
// the problem is (a JSON pointer, and line:column for syntax errors) in plain words.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace carta {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::warning;
  std::string pointer;  // RFC 6901 JSON pointer, "" for the whole document
  std::string message;
  int line = 0;    // 1-based; 0 when not a syntax error
  int column = 0;  // 1-based; 0 when not a syntax error
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);
// The first error, or nullptr: what a card, an event or a summary line reports.
const Diagnostic* first_error(const Diagnostics& diagnostics);
const char* severity_name(Severity severity);
// `text` with control characters escaped (\n, \u001b...) and cut to about `max_bytes`,
// so that values copied from a feed can be shown safely on a terminal or a card.
std::string printable(std::string_view text, std::size_t max_bytes);

// "error /items/3/date_published: ..." or "error line 3, column 7: ..." for syntax errors.
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace carta
