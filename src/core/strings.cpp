#include "core/strings.h"

namespace carta {
namespace {

const UiStrings kEnglish = {
    {"{n} min read", "{n} min read", "{n} min read", "{n} min read"},
    "This feed could not be shown",
    "No articles yet",
    "The feed is valid but has no items to show.",
    ", ",
    " and ",
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    "just now",
    "{n} min ago",
    "{n} h ago",
    false,
};

const UiStrings kArabic = {
    {"قراءة في دقيقة", "قراءة في دقيقتين", "قراءة في {n} دقائق", "قراءة في {n} دقيقة"},
    "تعذّر عرض هذه الخلاصة",
    "لا توجد مقالات بعد",
    "الخلاصة صالحة لكنها لا تتضمن أي مقالات لعرضها.",
    "، ",
    " و",
    // Month names as used across the Levant and the Gulf's international press.
    {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
    "الآن",
    "منذ {n} د",
    "منذ {n} س",
    true,
};

const UiStrings kHebrew = {
    {"זמן קריאה: דקה", "זמן קריאה: {n} דקות", "זמן קריאה: {n} דקות", "זמן קריאה: {n} דקות"},
    "לא ניתן להציג את הפיד הזה",
    "אין כתבות עדיין",
    "הפיד תקין, אך אין בו פריטים להצגה.",
    ", ",
    " ו",
    // Hebrew writes the day, then the month with ב ("in"): 14 בספטמבר 2026.
    {"בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט", "בספטמבר", "באוקטובר", "בנובמבר",
     "בדצמבר"},
    "עכשיו",
    "לפני {n} דק׳",
    "לפני {n} שע׳",
    true,
};

// True when the primary language subtag of `locale` is `code` (two letters, any case).
bool is_language(std::string_view locale, const char* code) {
  return locale.size() >= 2 && (locale[0] | 0x20) == code[0] && (locale[1] | 0x20) == code[1] &&
         (locale.size() == 2 || locale[2] == '-' || locale[2] == '_');
}


}  // namespace

const UiStrings& ui_strings(std::string_view locale) {
  if (is_language(locale, "ar")) return kArabic;
  if (is_language(locale, "he") || is_language(locale, "iw")) return kHebrew;
  return kEnglish;
}

int plural_form(std::string_view locale, int n) {
  if (!is_language(locale, "ar")) return n == 1 ? 0 : 3;
  if (n == 1) return 0;
  if (n == 2) return 1;
  if (n % 100 >= 3 && n % 100 <= 10) return 2;
  return 3;
}

std::string with_number(const char* words, long long n) {
  std::string text = words;
  auto at = text.find("{n}");
  if (at != std::string::npos) text.replace(at, 3, std::to_string(n));
  return text;
}

std::string read_time_text(int minutes, std::string_view locale) {
  return with_number(ui_strings(locale).min_read[plural_form(locale, minutes)], minutes);
}

}  // namespace carta
