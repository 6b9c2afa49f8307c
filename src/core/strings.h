// The words the canvas draws itself (read time, dates, the status cards, bylines) in the
// languages Carta speaks. One source: assets/words/LANG.json, which the page's mirror reads
// too. The build compiles some of them in (English always; natively, every one); the web
// page hands the widget the others when a feed or page needs them (add_ui_strings).
#pragma once
#include <array>
#include <string>
#include <string_view>

namespace carta {

// CLDR plural categories, in the order UiStrings::min_read keeps its forms.
enum class Plural { zero, one, two, few, many, other };

struct UiStrings {
  std::string language;  // "en", "ar"…
  bool right_to_left = false;
  // Read time by plural category ("{n}" stands for the number); an empty form takes
  // `other`'s.
  std::array<std::string, 6> min_read;
  std::string date;                   // a card's date: "{d} {month} {y}", "{y}年{m}月{d}日"
  std::array<std::string, 12> months;
  std::string just_now;               // a card's date within a minute…
  std::string minutes_ago;            // … within an hour ("{n}" minutes)…
  std::string hours_ago;              // … and within a day
  std::string list_comma;             // between names in a byline…
  std::string and_word;               // … and before the last one
  std::string failed;                 // the status card when a feed cannot be shown…
  std::string failed_detail;          // … and the calm line under it, for readers
  std::string empty;                  // … when it has no items
  std::string empty_detail;
  // A news card's marks: live coverage, paid content ("{name}"), a story updated since it
  // ran ("{when}": a relative time or a date), for subscribers only, its kind, and what a
  // video's mark says ("{duration}").
  std::string live;
  std::string sponsored;
  std::string sponsored_by;
  std::string updated;
  std::string subscribers;
  std::string opinion;
  std::string analysis;
  std::string explainer;
  std::string video;
  std::string video_length;
};

// The words for a locale ("ar", "ar-LB", "zh-Hant"…), by its primary language; English for
// a language Carta has no words for (yet).
const UiStrings& ui_strings(std::string_view locale);

// Adds (or replaces) a language from its words file (assets/words/LANG.json). Returns
// false, and changes nothing, when `json` is not one.
bool add_ui_strings(std::string_view json);

// The CLDR plural category of a whole number in a language (one/other for English, the
// six of Arabic, Russian's one/few/many…).
Plural plural_category(std::string_view locale, long long n);

// "3 min read", "قراءة في 3 دقائق", "5 минут чтения".
std::string read_time_text(int minutes, std::string_view locale);

// `words` with "{n}" replaced by `n`.
std::string with_number(const std::string& words, long long n);

// True when the primary language subtag of `locale` is `code` ("ar" for "ar-LB").
bool is_language(std::string_view locale, std::string_view code);

}  // namespace carta
