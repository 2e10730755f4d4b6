/** A same-site path to continue to after sign-in; anything else (absolute or protocol-relative URLs) falls back. */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== "string" || next.length > 500) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  return next;
}
