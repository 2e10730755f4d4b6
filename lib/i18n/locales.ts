// The 45 locales Keyfront ships, with their names in their own language (for the switcher).
export const LOCALES = [
  "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "fi", "nb", "pl", "cs", "sk", "hu",
  "ro", "bg", "el", "tr", "ru", "uk", "ka", "hy", "az", "kk", "uz", "ar", "he", "fa", "ur",
  "hi", "bn", "th", "vi", "id", "ms", "ja", "ko", "zh-CN", "zh-TW", "et", "lv", "lt", "sr", "hr",
] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

export const RTL_LOCALES: readonly Locale[] = ["ar", "he", "fa", "ur"];

export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English", de: "Deutsch", fr: "Français", es: "Español", it: "Italiano",
  pt: "Português", nl: "Nederlands", sv: "Svenska", da: "Dansk", fi: "Suomi", nb: "Norsk bokmål",
  pl: "Polski", cs: "Čeština", sk: "Slovenčina", hu: "Magyar", ro: "Română", bg: "Български",
  el: "Ελληνικά", tr: "Türkçe", ru: "Русский", uk: "Українська", ka: "ქართული", hy: "Հայերեն",
  az: "Azərbaycanca", kk: "Қазақша", uz: "Oʻzbekcha", ar: "العربية", he: "עברית", fa: "فارسی",
  ur: "اردو", hi: "हिन्दी", bn: "বাংলা", th: "ไทย", vi: "Tiếng Việt", id: "Bahasa Indonesia",
  ms: "Bahasa Melayu", ja: "日本語", ko: "한국어", "zh-CN": "简体中文", "zh-TW": "繁體中文",
  et: "Eesti", lv: "Latviešu", lt: "Lietuvių", sr: "Српски", hr: "Hrvatski",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): "rtl" | "ltr" {
  return RTL_LOCALES.includes(locale) ? "rtl" : "ltr";
}
