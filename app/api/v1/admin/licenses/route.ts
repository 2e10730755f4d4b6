import { routeHandler } from "@/lib/api/route-handler";
import { createLicenseEndpoint, listLicensesEndpoint } from "@/lib/api/v1/admin-license-endpoints";

export const GET = routeHandler(listLicensesEndpoint);
export const POST = routeHandler(createLicenseEndpoint);
