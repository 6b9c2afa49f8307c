// Dates: RFC 3339 and RFC 2822 in, "3 h ago" or "31 Jul 2025" out.
#include <doctest/doctest.h>

#include "core/datetime.h"

using namespace carta;

TEST_CASE("civil date arithmetic round-trips") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  for (std::int64_t d : {-1000000LL, -1LL, 0LL, 59LL, 11016LL, 20300LL, 2932896LL}) {
    int y, m, day;
    civil_from_days(d, y, m, day);
    CHECK(days_from_civil(y, m, day) == d);
  }
}

TEST_CASE("RFC 3339 with offsets and fractions") {
  auto t = parse_rfc3339("2025-07-31T15:20:00+03:00");
  REQUIRE(t);
  CHECK(t->unix_seconds == 1753964400);
  CHECK(t->offset_minutes == 180);
  CHECK(parse_rfc3339("2025-07-31T12:20:00Z")->unix_seconds == 1753964400);
  CHECK(parse_rfc3339("2025-07-31t12:20:00.123456z")->unix_seconds == 1753964400);
  CHECK(parse_rfc3339("2025-07-31T08:20:00-04:00")->unix_seconds == 1753964400);
  CHECK(parse_rfc3339("2024-02-29T00:00:00Z"));
}

TEST_CASE("RFC 3339 rejects what is not a date") {
  const char* bad[] = {"", "2025-07-31", "2025-07-31T15:20", "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
                       "2025-07-31T24:00:00Z", "2025-07-31T15:20:00", "2025-07-31T15:20:00+0300",
                       "yesterday", "2025-07-31T15:20:00Zjunk", "99999-01-01T00:00:00Z"};
  for (const char* b : bad) {
    CAPTURE(b);
    CHECK_FALSE(parse_rfc3339(b));
  }
}

TEST_CASE("RFC 2822 as WordPress plugins write it") {
  auto t = parse_rfc2822("Fri, 31 May 2019 12:17:58 -0700");
  REQUIRE(t);
  CHECK(t->unix_seconds == parse_rfc3339("2019-05-31T12:17:58-07:00")->unix_seconds);
  CHECK(t->offset_minutes == -420);
  CHECK(parse_rfc2822("31 Jul 2025 15:20 GMT")->unix_seconds == parse_rfc3339("2025-07-31T15:20:00Z")->unix_seconds);
  CHECK(parse_rfc2822("Thu, 31 July 2025 15:20:00 +0300"));
  CHECK_FALSE(parse_rfc2822("Thu, 31 Jul 2025"));
  CHECK_FALSE(parse_rfc2822("31 Foo 2025 15:20 GMT"));
  CHECK_FALSE(parse_rfc2822("31 Jul 2025 15:20 +9999"));
}

TEST_CASE("card dates: relative within a day, absolute after, in the writer's offset") {
  Timestamp t = *parse_rfc3339("2025-07-31T23:30:00+03:00");
  CHECK(format_card_date(t, t.unix_seconds + 30, "en") == "just now");
  CHECK(format_card_date(t, t.unix_seconds + 12 * 60, "en") == "12 min ago");
  CHECK(format_card_date(t, t.unix_seconds + 3 * 3600 + 5, "en") == "3 h ago");
  CHECK(format_card_date(t, t.unix_seconds + 2 * 86400, "en") == "31 Jul 2025");  // not 1 Aug (UTC)
  CHECK(format_card_date(t, t.unix_seconds + 2 * 86400, "ar") == "31 يوليو 2025");
  CHECK(format_card_date(t, t.unix_seconds + 3 * 3600, "ar-LB") == "منذ 3 س");
  CHECK(format_card_date(t, t.unix_seconds + 2 * 86400, "he") == "31 ביולי 2025");
  CHECK(format_card_date(t, t.unix_seconds + 12 * 60, "he-IL") == "לפני 12 דק׳");
  // A date in the future (clock skew) is shown as a date, not "-5 min ago".
  CHECK(format_card_date(t, t.unix_seconds - 300, "en") == "31 Jul 2025");
}
