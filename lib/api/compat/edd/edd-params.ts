import { createHash } from "node:crypto";
import { z } from "zod";
import { parseInput } from "@/lib/http/parse-input";
import { normalizeDomain } from "@/lib/licensing/domains";
import { parseBody, type ApiRequest } from "../../endpoint";

// What an Easy Digital Downloads Software Licensing client sends: `edd_action` and its fields in
// the query string (GET, or a POST to a URL built with add_query_arg) or in the body (a
// form-encoded or JSON POST). Body fields win over the query string.
export const EDD_ACTIONS = ["activate_license", "deactivate_license", "check_license", "get_version"] as const;
export type EddAction = (typeof EDD_ACTIONS)[number];

// Clients send numbers and booleans as well as strings (JSON bodies); blank means absent.
const param = (max: number) =>
  z.preprocess(
    (v) => (v === null ? undefined : typeof v === "number" || typeof v === "boolean" ? String(v) : typeof v === "string" ? v.trim() || undefined : v),
    z.string().max(max, "Too long.").optional(),
  );

export const eddParamsSchema = z.object({
  edd_action: z.enum(EDD_ACTIONS, { error: "Unknown edd_action: one of activate_license, deactivate_license, check_license, get_version." }),
  license: param(100),
  item_id: param(100),
  item_name: param(300),
  /** get_version: the item's name when neither item_id nor item_name is sent */
  name: param(300),
  slug: param(200),
  url: param(500),
  environment: param(50),
  beta: param(10),
  version: param(50),
});

export type EddParams = z.output<typeof eddParamsSchema>;

const anyFields = z.record(z.string(), z.unknown());

export function readEddParams(req: ApiRequest): EddParams {
  const body = req.method === "POST" && req.body.trim() !== "" ? parseBody(req, anyFields) : {};
  return parseInput(eddParamsSchema, { ...Object.fromEntries(req.query), ...body });
}

/**
 * The client's site: `url`, else the site WordPress names in its User-Agent
 * ("WordPress/6.5; https://example.com"), which is where EDD itself looks next.
 */
export function siteOf(params: EddParams, req: ApiRequest): string | undefined {
  if (params.url) return params.url;
  const agent = req.header("user-agent") ?? "";
  if (!/^WordPress\//i.test(agent)) return undefined;
  return agent.split(";")[1]?.trim().slice(0, 500) || undefined;
}

export type SiteScope = { fingerprint: string } | { domain: string };

/**
 * The activation a site stands for. Site licenses bind to the normalized domain. Software
 * licenses bind to a fingerprint derived from the URL (a SHA-256 of its normalized domain, or of
 * the trimmed text when it is no domain), so one installation is one activation however the
 * client spells its URL. Null when a site license's URL names no domain.
 */
export function scopeFor(licenseType: "SOFTWARE" | "SITE", site: string | undefined): SiteScope | null {
  if (!site) return null;
  const domain = normalizeDomain(site);
  if (licenseType === "SITE") return domain ? { domain } : null;
  return { fingerprint: `edd-${createHash("sha256").update(domain ?? site.trim()).digest("hex")}` };
}

// PHP's rawurldecode, and urldecode ("+" is a space too), as EDD applies them to item names.
function rawUrlDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
const urlDecode = (text: string) => rawUrlDecode(text.replace(/\+/g, " "));

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#039": "'", "#8211": "–", "#8212": "—" };

/** Names compared the way WordPress's sanitize_title makes them comparable: lower case, accents and punctuation gone. */
export function titleSlug(text: string): string {
  return text
    .replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e.toLowerCase()] ?? m)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Whether the item the client names is the license's product: `item_id` is compared with the
 * product's id or slug, else `item_name` (URL-decoded, case and punctuation ignored) with its name
 * or slug. A client that names no item is not checked.
 */
export function itemMismatch(product: { id: string; slug: string; name: string }, params: EddParams): "invalid_item_id" | "item_name_mismatch" | null {
  if (params.item_id) {
    const id = params.item_id.toLowerCase();
    return id === product.id.toLowerCase() || id === product.slug.toLowerCase() ? null : "invalid_item_id";
  }
  if (params.item_name) {
    const name = titleSlug(urlDecode(params.item_name));
    return name === titleSlug(product.name) || name === product.slug.toLowerCase() ? null : "item_name_mismatch";
  }
  return null;
}

/** The item name as EDD echoes it (rawurldecode'd). */
export function decodedItemName(params: EddParams): string | undefined {
  return params.item_name === undefined ? undefined : rawUrlDecode(params.item_name);
}

/** EDD echoes item_id as a number (absint) or false; Keyfront ids are text, so those are echoed as sent. */
export function echoItemId(params: EddParams): string | number | false {
  if (!params.item_id) return false;
  return /^\d{1,15}$/.test(params.item_id) ? Number(params.item_id) : params.item_id;
}

/** An MD5 over the request's arguments, longest first, as EDD computes its checksum. */
export function eddChecksum(params: EddParams): string {
  const args = [params.item_id ?? "", params.item_name ?? "", params.license ?? "", params.url ?? ""].sort((a, b) => b.length - a.length);
  return createHash("md5").update(JSON.stringify(args)).digest("hex");
}
