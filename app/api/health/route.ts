import { apiRoute, json } from "@/lib/http/api-route";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const health = await checkHealth();
  return json({ status: health.ok ? "ok" : "degraded", checks: health.checks }, { status: health.ok ? 200 : 503 });
});
