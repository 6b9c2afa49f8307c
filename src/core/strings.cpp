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
    false,
};

const UiStrings kArabic = {
    {"قراءة في دقيقة", "قراءة في دقيقتين", "قراءة في {n} دقائق", "قراءة في {n} دقيقة"},
    "تعذّر عرض هذه الخلاصة",
    "لا توجد مقالات بعد",
    "الخلاصة صالحة لكنها لا تتضمن أي مقالات لعرضها.",
    "، ",
    " و",
    true,
};

const UiStrings kHebrew = {
    {"זמן קריאה: דקה", "זמן קריאה: {n} דקות", "זמן קריאה: {n} דקות", "זמן קריאה: {n} דקות"},
    "לא ניתן להציג את הפיד הזה",
    "אין כתבות עדיין",
    "הפיד תקין, אך אין בו פריטים להצגה.",
    ", ",
    " ו",
    true,
};

// True when the primary language subtag of `locale` is `code` (two letters, any case).
bool is_language(std::string_view locale, const char* code) {
  return locale.size() >= 2 && (locale[0] | 0x20) == code[0] && (locale[1] | 0x20) == code[1] &&
         (locale.size() == 2 || locale[2] == '-' || locale[2] == '_');
}

bool is_arabic(std::string_view locale) { return is_language(locale, "ar"); }

}  // namespace

const UiStrings& ui_strings(std::string_view locale) {
  if (is_arabic(locale)) return kArabic;
  if (is_language(locale, "he") || is_language(locale, "iw")) return kHebrew;
  return kEnglish;
}

int plural_form(std::string_view locale, int n) {
  if (!is_arabic(locale)) return n == 1 ? 0 : 3;
  if (n == 1) return 0;
  if (n == 2) return 1;
  if (n % 100 >= 3 && n % 100 <= 10) return 2;
  return 3;
}

std::string read_time_text(int minutes, std::string_view locale) {
  std::string text = ui_strings(locale).min_read[plural_form(locale, minutes)];
  auto at = text.find("{n}");
  if (at != std::string::npos) text.replace(at, 3, std::to_string(minutes));
  return text;
}

}  // namespace carta
