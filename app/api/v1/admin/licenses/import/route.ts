import { routeHandler } from "@/lib/api/route-handler";
import { importLicensesEndpoint } from "@/lib/api/v1/admin-import-endpoint";

export const POST = routeHandler(importLicensesEndpoint);
