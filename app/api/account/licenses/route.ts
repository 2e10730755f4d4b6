import { requireViewer } from "@/lib/auth/guards";
import { apiRoute, json } from "@/lib/http/api-route";
import { listLicensesForOwner } from "@/lib/licensing/queries";

export const GET = apiRoute(async () => {
  const viewer = await requireViewer();
  return json({ data: await listLicensesForOwner(viewer.id) });
});
