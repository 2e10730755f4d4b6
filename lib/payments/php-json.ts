// PHP's json_encode, for providers whose signatures are computed over PHP's re-encoding of the
// decoded body (json_decode($body, true)) rather than over the raw bytes. Differences from
// JSON.stringify that matter for signatures:
//   - "/" is written as "\/" unless JSON_UNESCAPED_SLASHES;
//   - non-ASCII is written as \uXXXX (lower-case hex, UTF-16 pairs) unless JSON_UNESCAPED_UNICODE,
//     and even then U+2028/U+2029 stay escaped (no JSON_UNESCAPED_LINE_TERMINATORS);
//   - an empty object decoded as an associative array comes back as [].
// Known limit: a float with a zero fraction ("1.0") is re-encoded by PHP as 1.0; JSON.parse has
// already turned it into 1. The gateways using this send amounts as strings.
export type PhpJsonFlags = { unescapedSlashes?: boolean; unescapedUnicode?: boolean };

function encodeString(value: string, flags: PhpJsonFlags): string {
  let out = JSON.stringify(value);
  if (!flags.unescapedSlashes) out = out.replace(/\//g, "\\/");
  if (flags.unescapedUnicode) return out.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return out.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function phpJsonEncode(value: unknown, flags: PhpJsonFlags = {}): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "0";
  if (typeof value === "string") return encodeString(value, flags);
  if (Array.isArray(value)) return `[${value.map((v) => phpJsonEncode(v, flags)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return "[]";
    return `{${entries.map(([k, v]) => `${encodeString(k, flags)}:${phpJsonEncode(v, flags)}`).join(",")}}`;
  }
  return "null";
}
