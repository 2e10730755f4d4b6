import { createHmac } from "node:crypto";
import { safeEqual } from "../safe-compare";

// Keyfront's sandbox gateway signs like Stripe: header `t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<raw body>">`, secret generated per install. The hosted sandbox page signs with this too.
export const SANDBOX_SIGNATURE_HEADER = "keyfront-sandbox-signature";
export const SANDBOX_TOLERANCE_SEC = 300;

export function sandboxSignature(payload: string, secret: string, timestampSec: number): string {
  return createHmac("sha256", secret).update(`${timestampSec}.${payload}`, "utf8").digest("hex");
}

export function signSandboxPayload(payload: string, secret: string, timestampSec = Math.floor(Date.now() / 1000)): string {
  return `t=${timestampSec},v1=${sandboxSignature(payload, secret, timestampSec)}`;
}

export type SandboxSignatureCheck = "ok" | "missing" | "bad" | "stale";

export function checkSandboxSignature(payload: string, header: string | undefined, secret: string, nowSec: number, toleranceSec = SANDBOX_TOLERANCE_SEC): SandboxSignatureCheck {
  if (!header) return "missing";
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value) candidates.push(value.toLowerCase());
  }
  if (timestamp === undefined || candidates.length === 0) return "missing";
  const expected = sandboxSignature(payload, secret, timestamp);
  // compare every candidate (secret rotation may send two) without stopping early
  const matched = candidates.map((c) => safeEqual(expected, c)).includes(true);
  if (!matched) return "bad";
  return Math.abs(nowSec - timestamp) > toleranceSec ? "stale" : "ok";
}
