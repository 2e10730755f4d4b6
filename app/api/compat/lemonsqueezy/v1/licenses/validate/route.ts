import { routeHandler } from "@/lib/api/route-handler";
import { lemonSqueezyValidateEndpoint } from "@/lib/api/compat/lemonsqueezy/ls-endpoints";

export const POST = routeHandler(lemonSqueezyValidateEndpoint);
