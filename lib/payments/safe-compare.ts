import { timingSafeEqual } from "node:crypto";

/** Constant-time equality of two strings (hex or base64 digests); false on different lengths. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
