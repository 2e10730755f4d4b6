import { routeHandler } from "@/lib/api/route-handler";
import { heartbeatEndpoint } from "@/lib/api/v1/licensing-endpoints";

export const POST = routeHandler(heartbeatEndpoint);
