import { routeHandler } from "@/lib/api/route-handler";
import { licenseActionEndpoint } from "@/lib/api/v1/admin-license-endpoints";

export const POST = routeHandler(licenseActionEndpoint);
