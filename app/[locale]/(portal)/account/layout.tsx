import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/page-guards";
import { SectionShell } from "@/components/layout/section-shell";

export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireViewerPage(locale, "/account");
  const t = await getTranslations("Account");
  const s = await getTranslations("Subscriptions");
  const wallet = await getTranslations("Wallet");
  const items = [
    { href: "/account", label: t("overview") },
    { href: "/account/licenses", label: t("licenses") },
    { href: "/account/subscriptions", label: s("nav") },
    { href: "/account/orders", label: t("orders") },
    { href: "/account/wallet", label: wallet("title") },
    { href: "/account/settings", label: t("settings") },
  ];
  return <SectionShell navLabel={t("navigation")} title={t("title")} items={items}>{children}</SectionShell>;
}
