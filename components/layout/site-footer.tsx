import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getEnv } from "@/lib/env";

export async function SiteFooter() {
  const t = await getTranslations("Footer");
  const tDocs = await getTranslations("ApiDocs");
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm text-slate-500">
        <p>{t("tagline")}</p>
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/docs/api" className="hover:text-slate-800">{tDocs("footerLink")}</Link>
          {getEnv().devOutbox ? <Link href="/dev/outbox" className="hover:text-slate-800">{t("outbox")}</Link> : null}
          <p>{t("rights", { year: new Date().getFullYear() })}</p>
        </div>
      </div>
    </footer>
  );
}
