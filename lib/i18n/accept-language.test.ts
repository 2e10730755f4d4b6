import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./accept-language";

describe("localeFromAcceptLanguage", () => {
  it("picks the best supported locale by q-value", () => {
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("xx;q=1, fr;q=0.5, ja;q=0.7")).toBe("ja");
    expect(localeFromAcceptLanguage("zh-Hant-TW")).toBe("zh-TW");
    expect(localeFromAcceptLanguage("zh")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("pt-BR")).toBe("pt");
    expect(localeFromAcceptLanguage("no")).toBe("nb");
  });
  it("falls back to English", () => {
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBe("en");
    expect(localeFromAcceptLanguage("tlh;q=1")).toBe("en");
    expect(localeFromAcceptLanguage("de;q=0")).toBe("en");
  });
});
