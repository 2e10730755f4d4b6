import { Lru } from "@/lib/cache/lru";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

const ALIASES: Record<string, Locale> = {
  zh: "zh-CN", "zh-hans": "zh-CN", "zh-sg": "zh-CN", "zh-hant": "zh-TW", "zh-hk": "zh-TW", "zh-mo": "zh-TW",
  no: "nb", nn: "nb", iw: "he", in: "id", "sr-latn": "hr",
};
const byLower = new Map<string, Locale>(LOCALES.map((l) => [l.toLowerCase(), l]));
const memo = new Lru<Locale>(1_000, 3_600_000);

function match(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  if (lower === "sr-latn" || lower.startsWith("sr-latn-")) return undefined;
  return byLower.get(lower) ?? ALIASES[lower] ?? ALIASES[lower.split("-").slice(0, 2).join("-")] ?? byLower.get(lower.split("-")[0]!) ?? ALIASES[lower.split("-")[0]!];
}

/** The best of Keyfront's locales for an Accept-Language header (q-values honoured). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const key = header.slice(0, 200);
  const known = memo.get(key);
  if (known) return known;
  const ranked = key
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag!.trim(), q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((r) => r.tag && r.tag !== "*" && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const locale = ranked.map((r) => match(r.tag)).find((l): l is Locale => l !== undefined) ?? DEFAULT_LOCALE;
  memo.set(key, locale);
  return locale;
}
