import { routeHandler } from "@/lib/api/route-handler";
import { openApiEndpoint } from "@/lib/api/v1/openapi";

export const GET = routeHandler(openApiEndpoint);
