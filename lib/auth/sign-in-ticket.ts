import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

// After the password check, the server hands next-auth a short-lived signed ticket naming the
// user. The ticket never leaves the server, so the credentials callback cannot be used to sign in
// without passing `authenticate` (and its rate limits) first.
const TTL_MS = 60_000;

function sign(payload: string): string {
  return createHmac("sha256", `${getEnv().AUTH_SECRET}:sign-in-ticket`).update(payload).digest("base64url");
}

export function createSignInTicket(userId: string, tokenVersion: number, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, v: tokenVersion, e: now + TTL_MS })).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function readSignInTicket(ticket: unknown, now = Date.now()): { userId: string; tokenVersion: number } | null {
  if (typeof ticket !== "string" || ticket.length > 500) return null;
  const [payload, mac] = ticket.split(".");
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { u, v, e } = JSON.parse(Buffer.from(payload, "base64url").toString()) as { u: string; v: number; e: number };
    return e > now ? { userId: u, tokenVersion: v } : null;
  } catch {
    return null;
  }
}
