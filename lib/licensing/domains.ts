import { domainToASCII } from "node:url";

// Site licenses bind to a normalized domain: lower case, punycode, no scheme, port, path or
// leading "www.". Local and staging hosts do not use a seat.
export function normalizeDomain(input: string): string | null {
  if (typeof input !== "string" || input.length > 300) return null;
  let host = input.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  host = host.split(/[/?#]/, 1)[0]!;
  host = host.replace(/^[^@]*@/, "");
  host = host.replace(/:\d+$/, "").replace(/\.$/, "");
  if (host.startsWith("www.")) host = host.slice(4);
  if (!host) return null;
  const ascii = domainToASCII(host);
  if (!ascii || ascii.length > 253) return null;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(ascii)) return null;
  return ascii;
}

const DEV_SUFFIXES = [".local", ".test", ".localhost", ".invalid", ".example", ".lan", ".internal"];
const DEV_PREFIXES = ["staging.", "stage.", "dev.", "test.", "local."];

/** Development hosts (localhost, *.local, *.test, staging.*, IPs in private ranges) are free. */
export function isDevDomain(domain: string): boolean {
  if (domain === "localhost" || DEV_SUFFIXES.some((s) => domain.endsWith(s))) return true;
  if (DEV_PREFIXES.some((p) => domain.startsWith(p))) return true;
  return /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)\d+\.\d+(\.\d+)?$/.test(domain);
}

/** Fingerprints are client-side hashes: 16–256 visible ASCII characters, compared exactly. */
export function normalizeFingerprint(input: string): string | null {
  if (typeof input !== "string") return null;
  const fp = input.trim();
  return /^[\x21-\x7e]{16,256}$/.test(fp) ? fp : null;
}
