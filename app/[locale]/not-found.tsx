import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { MessagePage } from "@/components/layout/message-page";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("Errors");
  return <MessagePage code="404" title={t("notFoundTitle")} body={t("notFoundBody")} action={<Link href="/" className={buttonClass()}>{t("goHome")}</Link>} />;
}
