import { routeHandler } from "@/lib/api/route-handler";
import { activateEndpoint } from "@/lib/api/v1/licensing-endpoints";

export const POST = routeHandler(activateEndpoint);
