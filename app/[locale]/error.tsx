"use client";

import { useTranslations } from "next-intl";
import { MessagePage } from "@/components/layout/message-page";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("Errors");
  return <MessagePage code="500" title={t("serverTitle")} body={t("serverBody")} action={<Button onClick={reset}>{t("tryAgain")}</Button>} />;
}
