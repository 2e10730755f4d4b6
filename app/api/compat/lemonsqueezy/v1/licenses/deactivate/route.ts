import { routeHandler } from "@/lib/api/route-handler";
import { lemonSqueezyDeactivateEndpoint } from "@/lib/api/compat/lemonsqueezy/ls-endpoints";

export const POST = routeHandler(lemonSqueezyDeactivateEndpoint);
