// The same normalization the API applies, so a token's `sub` compares with what the app knows.

/** Lower case, punycode, no scheme, credentials, port, path or leading "www."; null when invalid. */
export function normalizeDomain(input: string): string | null {
  if (typeof input !== "string" || input.length > 300) return null;
  let host = input.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  host = host.split(/[/?#]/, 1)[0] ?? "";
  host = host.replace(/^[^@]*@/, "");
  host = host.replace(/:\d+$/, "").replace(/\.$/, "");
  if (host.startsWith("www.")) host = host.slice(4);
  if (!host) return null;
  let ascii: string;
  try {
    // WHATWG URL parsing applies IDNA (punycode) in every runtime.
    ascii = new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
  if (ascii.length > 253 || !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(ascii)) return null;
  return ascii;
}

/** Fingerprints are compared exactly after trimming: 16–256 visible ASCII characters. */
export function normalizeFingerprint(input: string): string | null {
  if (typeof input !== "string") return null;
  const fp = input.trim();
  return /^[\x21-\x7e]{16,256}$/.test(fp) ? fp : null;
}

/** "fingerprint:<fp>", "domain:<domain>" or "none": the scope a receipt is cached under. */
export function scopeLabel(scope: { fingerprint?: string; domain?: string }): string {
  if (scope.fingerprint !== undefined) return `fingerprint:${normalizeFingerprint(scope.fingerprint) ?? scope.fingerprint}`;
  if (scope.domain !== undefined) return `domain:${normalizeDomain(scope.domain) ?? scope.domain}`;
  return "none";
}
