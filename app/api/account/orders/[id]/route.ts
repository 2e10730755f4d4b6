import { requireViewer } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { apiRoute, json } from "@/lib/http/api-route";
import { getOrderForOwner } from "@/lib/orders/queries";

export const GET = apiRoute<{ id: string }>(async (_req, { params }) => {
  const viewer = await requireViewer();
  const order = await getOrderForOwner(viewer.id, (await params).id);
  if (!order) throw new AppError("NOT_FOUND", "Order not found.");
  return json({ data: order });
});
