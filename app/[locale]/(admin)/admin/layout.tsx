import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guards";
import { SectionShell } from "@/components/layout/section-shell";

// The layout checks once per full render; every page and action below checks again on its own.
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await requireStaffPage(locale, "");
  const t = await getTranslations("Admin");
  const apiKeys = await getTranslations("AdminApiKeys");
  const catalog = await getTranslations("AdminCatalog");
  const promo = await getTranslations("AdminPromo");
  const gateways = await getTranslations("AdminGateways");
  const items = [
    { href: "/admin", label: t("dashboard") },
    { href: "/admin/users", label: t("users") },
    { href: "/admin/products", label: t("products") },
    { href: "/admin/exchange-rates", label: catalog("exchangeRates") },
    { href: "/admin/promo-codes", label: promo("title") },
    { href: "/admin/orders", label: t("orders") },
    { href: "/admin/licenses", label: t("licenses") },
    ...(viewer.role === "ADMIN" ? [{ href: "/admin/gateways", label: gateways("title") }] : []),
    ...(viewer.role === "ADMIN" ? [{ href: "/admin/api-keys", label: apiKeys("title") }] : []),
    { href: "/admin/audit-log", label: t("auditLog") },
    { href: "/admin/outbox", label: t("outbox") },
  ];
  return <SectionShell navLabel={t("navigation")} title={t("title")} items={items}>{children}</SectionShell>;
}
