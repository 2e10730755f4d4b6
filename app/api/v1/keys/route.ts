import { routeHandler } from "@/lib/api/route-handler";
import { keysEndpoint } from "@/lib/api/v1/keys-endpoint";

export const GET = routeHandler(keysEndpoint);
