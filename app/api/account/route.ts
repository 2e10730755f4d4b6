import { requireViewer } from "@/lib/auth/guards";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute(async () => {
  const viewer = await requireViewer();
  return json({ data: viewer });
});
