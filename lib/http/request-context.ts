import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import { clientIpFrom } from "./client-ip";

import { REQUEST_ID_HEADER } from "./request-id";
export { REQUEST_ID_HEADER, clientIpFrom };

/** Request metadata for server actions and pages: client IP and request id. */
export async function getRequestContext(): Promise<{ ip: string; requestId: string }> {
  const h = await headers();
  return { ip: clientIpFrom(h), requestId: h.get(REQUEST_ID_HEADER) ?? randomUUID() };
}
