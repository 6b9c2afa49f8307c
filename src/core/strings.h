// The words the canvas draws itself (read time, the status cards), in English, Arabic and
// Hebrew.
// web/carta-mirror.js has the same table for the page's mirror and its plain-HTML fallback;
// a unit test reads that file and fails when the two differ.
#pragma once
#include <string>
#include <string_view>

namespace carta {

struct UiStrings {
  // Read time by plural form: one, two, few (3–10), other. "{n}" stands for the number.
  const char* min_read[4];
  const char* failed;        // the status card's title when a feed cannot be shown
  const char* empty;         // … and when it has no items
  const char* empty_detail;  // the line under it
  const char* list_comma;    // between names in a byline…
  const char* and_word;      // … and before the last one
  const char* months[12];    // in a card's date: "31 Jul 2025", "31 يوليو 2025"
  const char* just_now;      // a card's date within a minute…
  const char* minutes_ago;   // … within an hour ("{n}" minutes)…
  const char* hours_ago;     // … and within a day
  bool right_to_left;        // the language's direction, for the status cards
};

// The table for a locale ("ar", "ar-LB", "he", "en-GB"…); English for any other language.
const UiStrings& ui_strings(std::string_view locale);

// Which of UiStrings::min_read a count takes: Arabic has forms for 1, 2 and 3–10.
int plural_form(std::string_view locale, int n);

// "3 min read", "قراءة في 3 دقائق", "זמן קריאה: 3 דקות".
std::string read_time_text(int minutes, std::string_view locale);

// `words` with "{n}" replaced by `n`.
std::string with_number(const char* words, long long n);

}  // namespace carta
