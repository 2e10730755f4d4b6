import { routeHandler } from "@/lib/api/route-handler";
import { getLicenseEndpoint } from "@/lib/api/v1/admin-license-endpoints";

export const GET = routeHandler(getLicenseEndpoint);
