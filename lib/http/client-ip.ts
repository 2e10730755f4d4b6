import { getEnv } from "@/lib/env";

/**
 * The client's address. Each proxy appends the address it received from, so the entry that
 * TRUSTED_PROXY_HOPS places from the right is the one the client cannot forge (Next.js itself
 * fills x-forwarded-for with the socket address when no proxy is in front).
 */
export function clientIpFrom(h: { get(name: string): string | null }, trustedHops = getEnv().TRUSTED_PROXY_HOPS): string {
  const chain = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = chain[Math.max(0, chain.length - Math.max(1, trustedHops))];
  return (ip || "unknown").slice(0, 64);
}
