// Dates as feeds write them (RFC 3339, and RFC 2822 from some publishing plugins) and as a
// card shows them: "3 h ago" when recent, "31 Jul 2025" otherwise, in English or Arabic.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/feed.h"

namespace carta {

std::optional<Timestamp> parse_rfc3339(std::string_view text);
std::optional<Timestamp> parse_rfc2822(std::string_view text);

// RFC 3339 as the writer stated it: "2025-07-31T14:00:00+03:00" ("Z" for UTC).
std::string format_rfc3339(const Timestamp& t);

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
std::int64_t days_from_civil(int year, int month, int day);
void civil_from_days(std::int64_t days, int& year, int& month, int& day);

// The date line of a card. Within a day of `now_unix` it is relative ("just now",
// "12 min ago", "3 h ago"), otherwise the calendar date in the writer's own offset.
// `locale` picks the words, month names and order (core/strings.h).
std::string format_card_date(const Timestamp& when, std::int64_t now_unix, std::string_view locale);

}  // namespace carta
