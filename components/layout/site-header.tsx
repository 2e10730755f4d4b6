import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getViewer } from "@/lib/auth/guards";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { signOutAction } from "@/app/[locale]/(auth)/actions";
import { LocaleSwitcher } from "./locale-switcher";
import { buttonClass } from "@/components/ui/button";
import { readCart } from "@/lib/cart/storefront-cookies";

export async function SiteHeader() {
  const t = await getTranslations("Nav");
  const ts = await getTranslations("Storefront");
  const [viewer, cart] = await Promise.all([getViewer(), readCart()]);
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur">
      <nav aria-label={t("mainNavigation")} className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-slate-900">
          <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 text-white">K</span>
          Keyfront
        </Link>
        <Link href="/products" className="text-sm font-medium text-slate-600 hover:text-slate-900">{t("products")}</Link>
        <Link href="/cart" className="text-sm font-medium text-slate-600 hover:text-slate-900" data-testid="cart-link">{ts("cartLink", { count: cart.lines.length })}</Link>
        <div className="ms-auto flex flex-wrap items-center gap-3">
          <LocaleSwitcher />
          {viewer ? (
            <>
              {STAFF_ROLES.includes(viewer.role) ? (
                <Link href="/admin" className="text-sm font-medium text-slate-600 hover:text-slate-900">{t("admin")}</Link>
              ) : null}
              <Link href="/account" className="text-sm font-medium text-slate-600 hover:text-slate-900" title={t("signedInAs", { email: viewer.email })}>
                {t("account")}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={buttonClass("ghost")}>{t("signOut")}</button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className={buttonClass("ghost")}>{t("signIn")}</Link>
              <Link href="/sign-up" className={buttonClass("primary")}>{t("signUp")}</Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
