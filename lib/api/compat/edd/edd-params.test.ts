import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { echoItemId, eddChecksum, eddParamsSchema, itemMismatch, scopeFor, titleSlug, type EddParams } from "./edd-params";
import { eddExpires } from "./edd-answer";
import { phpSerializeStrings } from "./edd-get-version";

const params = (fields: Record<string, string>): EddParams => eddParamsSchema.parse({ edd_action: "check_license", ...fields });
const product = { id: "prd_01ABC", slug: "seo-toolkit", name: "SEO Toolkit — Pro" };

describe("EDD parameters", () => {
  it("compares item names as WordPress titles: decoded, case, accents and punctuation ignored", () => {
    expect(titleSlug("SEO Toolkit &#8212; Pro")).toBe("seo-toolkit-pro");
    expect(titleSlug("Café Déjà Vu!")).toBe("cafe-deja-vu");
    expect(itemMismatch(product, params({ item_name: "seo+toolkit+%E2%80%94+pro" }))).toBeNull();
    expect(itemMismatch(product, params({ item_name: "SEO TOOLKIT - PRO" }))).toBeNull();
    expect(itemMismatch(product, params({ item_name: "seo-toolkit" }))).toBeNull();
    expect(itemMismatch(product, params({ item_name: "SEO Suite" }))).toBe("item_name_mismatch");
    expect(itemMismatch(product, params({ item_id: "PRD_01abc" }))).toBeNull();
    expect(itemMismatch(product, params({ item_id: "seo-toolkit", item_name: "Other" }))).toBeNull();
    expect(itemMismatch(product, params({ item_id: "42", item_name: product.name }))).toBe("invalid_item_id");
    expect(itemMismatch(product, params({}))).toBeNull();
  });

  it("turns a URL into a domain for site licenses and a stable fingerprint for software licenses", () => {
    expect(scopeFor("SITE", "https://www.Example.com:8443/wp/")).toEqual({ domain: "example.com" });
    expect(scopeFor("SITE", "not a site")).toBeNull();
    expect(scopeFor("SITE", undefined)).toBeNull();
    const sha = createHash("sha256").update("example.com").digest("hex");
    expect(scopeFor("SOFTWARE", "http://example.com/")).toEqual({ fingerprint: `edd-${sha}` });
    expect(scopeFor("SOFTWARE", "EXAMPLE.com")).toEqual(scopeFor("SOFTWARE", "https://www.example.com"));
  });

  it("echoes item ids and formats expiry and checksums as EDD does", () => {
    expect(echoItemId(params({ item_id: "123" }))).toBe(123);
    expect(echoItemId(params({ item_id: "seo-toolkit" }))).toBe("seo-toolkit");
    expect(echoItemId(params({}))).toBe(false);
    expect(eddExpires(null)).toBe("lifetime");
    expect(eddExpires("2026-02-03T04:05:06.789Z")).toBe("2026-02-03 04:05:06");
    expect(eddChecksum(params({ license: "K", url: "u" }))).toBe(eddChecksum(params({ url: "u", license: "K" })));
    expect(eddChecksum(params({ license: "K" }))).not.toBe(eddChecksum(params({ license: "L" })));
  });

  it("serializes sections the way PHP does (byte lengths)", () => {
    expect(phpSerializeStrings({ description: "<p>Café</p>", changelog: "" })).toBe('a:2:{s:11:"description";s:12:"<p>Café</p>";s:9:"changelog";s:0:"";}');
  });

  it("reads numbers and blanks from JSON bodies", () => {
    expect(eddParamsSchema.parse({ edd_action: "get_version", item_id: 42, beta: false, url: "  ", license: null })).toMatchObject({ item_id: "42", beta: "false", url: undefined, license: undefined });
    expect(eddParamsSchema.safeParse({ edd_action: "package_download" }).success).toBe(false);
  });
});
