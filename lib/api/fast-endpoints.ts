import type { Endpoint } from "./endpoint";
import { FAST_ENDPOINTS as V1_ENDPOINTS } from "./v1/openapi";
import { COMPAT_ENDPOINTS } from "./compat";

/** Everything the fast dispatcher serves before Next: /api/v1 and the compatibility shapes. */
export const FAST_ENDPOINTS: Endpoint[] = [...V1_ENDPOINTS, ...COMPAT_ENDPOINTS];
