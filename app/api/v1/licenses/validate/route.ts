import { routeHandler } from "@/lib/api/route-handler";
import { validateEndpoint } from "@/lib/api/v1/licensing-endpoints";

export const POST = routeHandler(validateEndpoint);
