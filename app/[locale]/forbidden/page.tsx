import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { MessagePage } from "@/components/layout/message-page";
import { buttonClass } from "@/components/ui/button";

export default async function ForbiddenPage() {
  const t = await getTranslations("Errors");
  return <MessagePage code="403" title={t("forbiddenTitle")} body={t("forbiddenBody")} action={<Link href="/" className={buttonClass()}>{t("goHome")}</Link>} />;
}
