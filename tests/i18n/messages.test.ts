// Every locale file must match en.json key for key, keep every ICU argument with its type, use
// the plural categories of its language, and not leave English text untranslated.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { LOCALES } from "@/lib/i18n/locales";

type Tree = { [key: string]: string | Tree };

const dir = path.resolve(import.meta.dirname, "../../messages");
const load = (locale: string): Tree => JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), "utf8"));

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** "name:type" for every argument, recursively through plural/select branches. */
function argumentsOf(elements: MessageFormatElement[], acc = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) acc.add(`${el.value}:string`);
    if (el.type === TYPE.number) acc.add(`${el.value}:number`);
    if (el.type === TYPE.date) acc.add(`${el.value}:date`);
    if (el.type === TYPE.time) acc.add(`${el.value}:time`);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      acc.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, acc);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, acc);
  }
  return acc;
}

function pluralSelectors(elements: MessageFormatElement[], acc: string[][] = []): string[][] {
  for (const el of elements) {
    if (el.type === TYPE.plural) {
      acc.push(Object.keys(el.options));
      for (const option of Object.values(el.options)) pluralSelectors(option.value, acc);
    }
  }
  return acc;
}

// Values that may equal English: brand names and pure placeholders everywhere, and words that are
// genuinely spelled the same in a language (checked by a speaker, listed one by one).
const SAME_AS_ENGLISH_ALLOWED = new Set([
  "Common.brand", "Common.date", "Common.dateTime",
  // an example of what to type (key, id, email) and a pure "{email} · {date}" pattern
  "AdminLicenses.searchPlaceholder", "AdminApiKeys.createdBy",
]);
// "Status" is the native word in these languages.
const STATUS_KEYS = ["LicenseDetail.statusLabel", "AdminLicenses.statusFilter", "AdminApiKeys.status"];
const SAME_AS_ENGLISH_IN: Partial<Record<string, string[]>> = {
  es: ["Common.no"],
  it: ["Common.no"],
  hr: STATUS_KEYS,
  az: [...STATUS_KEYS, "ApiDocs.status"],
  // Column headings of the API reference that these languages spell as English does.
  de: ["ApiDocs.version", "ApiDocs.name", "ApiDocs.optional", "ApiDocs.status", "ApiDocs.code"],
  fr: ["ApiDocs.version", "ApiDocs.type", "ApiDocs.description", "ApiDocs.code"],
  nl: ["ApiDocs.code"],
  sv: ["ApiDocs.version"],
  da: ["ApiDocs.version", "ApiDocs.type"],
  nb: ["ApiDocs.type"],
};

const en = flatten(load("en"));

describe("message files", () => {
  it("exist for all 45 locales and nothing else", () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, "")).sort();
    expect(files).toEqual([...LOCALES].sort());
    expect(LOCALES).toHaveLength(45);
  });

  it("English messages all parse as ICU", () => {
    for (const [key, value] of en) expect(() => parse(value), key).not.toThrow();
  });

  describe.each(LOCALES.filter((l) => l !== "en"))("%s", (locale) => {
    const messages = flatten(load(locale));

    it("has exactly the keys of en.json", () => {
      expect([...messages.keys()].filter((k) => !en.has(k)), "extra keys").toEqual([]);
      expect([...en.keys()].filter((k) => !messages.has(k)), "missing keys").toEqual([]);
    });

    it("keeps every ICU argument and uses valid plural categories", () => {
      const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
      const problems: string[] = [];
      for (const [key, source] of en) {
        const value = messages.get(key);
        if (value === undefined) continue;
        let ast: MessageFormatElement[];
        try {
          ast = parse(value);
        } catch (e) {
          problems.push(`${key}: does not parse (${(e as Error).message})`);
          continue;
        }
        const want = [...argumentsOf(parse(source))].sort().join(", ");
        const got = [...argumentsOf(ast)].sort().join(", ");
        if (want !== got) problems.push(`${key}: arguments ${got} instead of ${want}`);
        for (const selectors of pluralSelectors(ast)) {
          if (!selectors.includes("other")) problems.push(`${key}: plural without "other"`);
          const unknown = selectors.filter((s) => !s.startsWith("=") && !categories.has(s));
          if (unknown.length) problems.push(`${key}: plural categories ${unknown.join(", ")} do not exist in ${locale}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it("translates every value (not left identical to English)", () => {
      const untranslated = [...en].filter(([k, v]) => !SAME_AS_ENGLISH_ALLOWED.has(k) && !SAME_AS_ENGLISH_IN[locale]?.includes(k) && messages.get(k) === v).map(([k]) => k);
      expect(untranslated).toEqual([]);
    });
  });
});
