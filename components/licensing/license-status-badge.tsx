import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { DISPLAY_STATUS_TONE, type LicenseDisplayStatus } from "@/lib/licensing/display-status";

export async function LicenseStatusBadge({ status }: { status: LicenseDisplayStatus }) {
  const t = await getTranslations("LicenseDetail.status");
  return <Badge tone={DISPLAY_STATUS_TONE[status]}>{t(status)}</Badge>;
}
