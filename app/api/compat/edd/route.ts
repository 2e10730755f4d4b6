import { routeHandler } from "@/lib/api/route-handler";
import { eddGetEndpoint, eddPostEndpoint } from "@/lib/api/compat/edd/edd-endpoints";

export const GET = routeHandler(eddGetEndpoint);
export const POST = routeHandler(eddPostEndpoint);
