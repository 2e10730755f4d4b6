import type { Endpoint } from "../endpoint";
import { eddGetEndpoint, eddPostEndpoint } from "./edd/edd-endpoints";
import { LEMON_SQUEEZY_ENDPOINTS } from "./lemonsqueezy/ls-endpoints";

// Drop-in endpoints in the shapes other licensing platforms' clients expect: a seller points an
// existing client at Keyfront by changing only its base URL.
//  - Easy Digital Downloads Software Licensing: GET or POST /api/compat/edd?edd_action=…
//  - Lemon Squeezy License API: POST /api/compat/lemonsqueezy/v1/licenses/activate|validate|deactivate
export const COMPAT_ENDPOINTS: Endpoint[] = [eddGetEndpoint, eddPostEndpoint, ...LEMON_SQUEEZY_ENDPOINTS];
