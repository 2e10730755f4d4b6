import { routeHandler } from "@/lib/api/route-handler";
import { deactivateEndpoint } from "@/lib/api/v1/licensing-endpoints";

export const POST = routeHandler(deactivateEndpoint);
