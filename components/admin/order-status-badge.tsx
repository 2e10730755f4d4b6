import { Badge } from "@/components/ui/card";

const TONE = { PENDING: "amber", PAID: "green", FAILED: "red", EXPIRED: "slate", REFUNDED: "slate", PARTIALLY_REFUNDED: "amber" } as const;

export function OrderStatusBadge({ status, label }: { status: keyof typeof TONE; label: string }) {
  return <Badge tone={TONE[status]}>{label}</Badge>;
}
