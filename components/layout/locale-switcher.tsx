"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { usePathname, useRouter } from "@/lib/i18n/navigation";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";

/** Switches language in place: same page, same query, client-side navigation. */
export function LocaleSwitcher() {
  const t = useTranslations("Common");
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span className="sr-only">{t("language")}</span>
      <select
        data-testid="locale-switcher"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as Locale;
          const query = Object.fromEntries(search.entries());
          startTransition(() => router.replace({ pathname, query }, { locale: next }));
        }}
        className="rounded-lg border-0 bg-white py-1.5 ps-2 pe-8 text-sm ring-1 ring-inset ring-slate-300"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>
        ))}
      </select>
    </label>
  );
}
