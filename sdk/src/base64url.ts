// base64url without padding (RFC 4648 §5), on top of atob/btoa, available in every runtime.

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** Decodes base64url text; null when it is not base64url. */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBase64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** Decodes base64url-encoded UTF-8 JSON; null when any step fails. */
export function decodeJsonSegment(text: string): unknown {
  const bytes = decodeBase64url(text);
  if (!bytes) return null;
  try {
    return JSON.parse(utf8.decode(bytes)) as unknown;
  } catch {
    return null;
  }
}

export function encodeJsonSegment(value: unknown): string {
  return encodeBase64url(encoder.encode(JSON.stringify(value)));
}
