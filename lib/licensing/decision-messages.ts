import fs from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n/locales";
import type { DecisionCode } from "./codes";
import { DECISION_DETAIL } from "./codes";

// The localized `message` of a licensing decision, from messages/<locale>.json (Licensing.codes).
// Read synchronously once per locale: the API's fast path runs outside Next's module system.
const loaded = new Map<Locale, Record<string, string>>();

function codesFor(locale: Locale): Record<string, string> {
  let codes = loaded.get(locale);
  if (!codes) {
    try {
      const file = path.join(process.cwd(), "messages", `${locale}.json`);
      codes = (JSON.parse(fs.readFileSync(file, "utf8")) as { Licensing?: { codes?: Record<string, string> } }).Licensing?.codes ?? {};
    } catch {
      codes = {};
    }
    loaded.set(locale, codes);
  }
  return codes;
}

export function decisionMessage(code: DecisionCode, locale: Locale): string {
  return codesFor(locale)[code] ?? codesFor("en")[code] ?? DECISION_DETAIL[code];
}
