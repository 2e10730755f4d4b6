import type { Endpoint } from "../endpoint";

// Drop-in endpoints in the shapes other licensing platforms' clients expect.
export const COMPAT_ENDPOINTS: Endpoint[] = [];
