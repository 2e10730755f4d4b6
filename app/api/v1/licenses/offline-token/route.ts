import { routeHandler } from "@/lib/api/route-handler";
import { offlineTokenEndpoint } from "@/lib/api/v1/licensing-endpoints";

export const POST = routeHandler(offlineTokenEndpoint);
