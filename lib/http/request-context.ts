import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import { getEnv } from "@/lib/env";

import { REQUEST_ID_HEADER } from "./request-id";
export { REQUEST_ID_HEADER };

/**
 * The client's address. Each proxy appends the address it received from, so the entry that
 * TRUSTED_PROXY_HOPS places from the right is the one the client cannot forge (Next.js itself
 * fills x-forwarded-for with the socket address when no proxy is in front).
 */
export function clientIpFrom(h: Headers, trustedHops = getEnv().TRUSTED_PROXY_HOPS): string {
  const chain = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = chain[Math.max(0, chain.length - Math.max(1, trustedHops))];
  return (ip || "unknown").slice(0, 64);
}

/** Request metadata for server actions and pages: client IP and request id. */
export async function getRequestContext(): Promise<{ ip: string; requestId: string }> {
  const h = await headers();
  return { ip: clientIpFrom(h), requestId: h.get(REQUEST_ID_HEADER) ?? randomUUID() };
}
