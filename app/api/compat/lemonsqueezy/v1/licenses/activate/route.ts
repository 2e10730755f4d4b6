import { routeHandler } from "@/lib/api/route-handler";
import { lemonSqueezyActivateEndpoint } from "@/lib/api/compat/lemonsqueezy/ls-endpoints";

export const POST = routeHandler(lemonSqueezyActivateEndpoint);
