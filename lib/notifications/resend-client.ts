import { Resend } from "resend";
import { getEnv } from "@/lib/env";

let cached: { key: string; baseUrl: string | undefined; client: Resend } | undefined;

/** The Resend client when RESEND_API_KEY is set; undefined means "deliver to the local outbox". */
export function resendClient(): Resend | undefined {
  const { RESEND_API_KEY: key, RESEND_BASE_URL: baseUrl } = getEnv();
  if (!key) return undefined;
  if (cached?.key !== key || cached.baseUrl !== baseUrl) {
    cached = { key, baseUrl, client: new Resend(key, baseUrl ? { baseUrl } : undefined) };
  }
  return cached.client;
}
