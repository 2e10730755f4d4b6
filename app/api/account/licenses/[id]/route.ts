import { requireViewer } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { apiRoute, json } from "@/lib/http/api-route";
import { getLicenseForOwner } from "@/lib/licensing/queries";

// Another customer's license answers 404, exactly like a license that does not exist.
export const GET = apiRoute<{ id: string }>(async (_req, { params }) => {
  const viewer = await requireViewer();
  const license = await getLicenseForOwner(viewer.id, (await params).id);
  if (!license) throw new AppError("NOT_FOUND", "License not found.");
  return json({ data: license });
});
